package com.batchtrace.execution.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The electronic batch record as quality reads it: the one read model of the execution context for
 * review rules and the release signature. Built from the entities, never from a page's view, so a
 * change of how a page shows the batch never changes what QA signed.
 *
 * @param masterBatchRecord the master record's product and version, as "P-100 v3"
 * @param status the batch's status constant (PLANNED ... REJECTED)
 * @param completion the "performed" signature of the batch's completion, checked against its
 *     content now
 */
public record BatchRecord(
    long batchId,
    String batchNumber,
    String productCode,
    String masterBatchRecord,
    String line,
    BigDecimal plannedQuantity,
    String status,
    List<Step> steps,
    List<RecordedException> exceptions,
    List<Output> outputs,
    List<Signature> completion) {

  public BatchRecord {
    Objects.requireNonNull(batchNumber, "batchNumber");
    steps = List.copyOf(steps);
    exceptions = List.copyOf(exceptions);
    outputs = List.copyOf(outputs);
    completion = List.copyOf(completion);
  }

  /** A record not (yet) completed: no completion signature. */
  public BatchRecord(
      long batchId,
      String batchNumber,
      String productCode,
      String masterBatchRecord,
      String line,
      BigDecimal plannedQuantity,
      String status,
      List<Step> steps,
      List<RecordedException> exceptions,
      List<Output> outputs) {
    this(
        batchId,
        batchNumber,
        productCode,
        masterBatchRecord,
        line,
        plannedQuantity,
        status,
        steps,
        exceptions,
        outputs,
        List.of());
  }

  /**
   * Everyone who took part in the batch (by user id): who started, performed or verified a step,
   * entered or corrected a value, charged a lot, raised a comment or deviation on it, or signed its
   * completion. None of them may release or reject it.
   */
  public Set<String> participants() {
    Set<String> people = new LinkedHashSet<>();
    for (Step s : steps) {
      people.addAll(s.participants());
    }
    completion.forEach(s -> addIfPresent(people, s.signerId()));
    exceptions.forEach(x -> addIfPresent(people, x.raisedBy()));
    return people;
  }

  private static void addIfPresent(Set<String> people, String id) {
    if (id != null) {
      people.add(id);
    }
  }

  /**
   * One step of the master record with how it ran.
   *
   * @param status NOT_STARTED, IN_PROGRESS, PERFORMED or DONE
   */
  public record Step(
      int position,
      String name,
      String status,
      String startedBy,
      Instant startedAt,
      String performedBy,
      String verifiedBy,
      List<Entry> entries,
      List<Consumed> charges,
      List<Signature> signatures)
      implements Serializable {

    public Step {
      entries = List.copyOf(entries);
      charges = List.copyOf(charges);
      signatures = List.copyOf(signatures);
    }

    public boolean done() {
      return "DONE".equals(status);
    }

    /**
     * Who took part in the step: started it, entered or corrected a value, charged a lot, signed it
     * as performed. (Its verifier is the one who may not be among them.)
     */
    public Set<String> participants() {
      Set<String> people = new LinkedHashSet<>();
      addIfPresent(people, startedBy);
      addIfPresent(people, performedBy);
      addIfPresent(people, verifiedBy);
      entries.forEach(e -> addIfPresent(people, e.enteredBy()));
      charges.forEach(c -> addIfPresent(people, c.chargedBy()));
      return people;
    }

    /** Whether the person signed this step as performer or verifier. */
    public boolean involvesAsSigner(String userId) {
      return userId.equals(performedBy) || userId.equals(verifiedBy);
    }
  }

  /** A value entered for a parameter; a corrected one has supersededAt. */
  public record Entry(
      long id,
      String parameter,
      BigDecimal value,
      String unit,
      String enteredBy,
      Instant enteredAt,
      String correctionReason,
      Instant supersededAt) {}

  /**
   * A lot charged into the step.
   *
   * @param chargedBy the user id of who scanned it; null for a machine's charge event
   */
  public record Consumed(
      String lotNumber,
      String materialCode,
      BigDecimal quantity,
      String unit,
      Instant chargedAt,
      String chargedBy) {}

  /** A signature on the step (or the completion), checked against its content now. */
  public record Signature(
      long id,
      String meaning,
      String signerId,
      String signerName,
      Instant signedAt,
      String contentSha256,
      boolean valid) {}

  /**
   * An exception on the batch.
   *
   * @param raisedBy the user id of who raised or caused it at the terminal; null for machine data
   */
  public record RecordedException(
      long id,
      String kind,
      Integer stepPosition,
      String parameter,
      Instant startedAt,
      Instant endedAt,
      Double worstValue,
      String detail,
      String raisedBy) {

    public boolean isDeviation() {
      return "DEVIATION".equals(kind);
    }
  }

  /** A lot the batch produced. */
  public record Output(String lotNumber, BigDecimal quantity, String unit) {}
}
