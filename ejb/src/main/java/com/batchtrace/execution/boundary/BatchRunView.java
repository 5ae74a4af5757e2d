package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.masterdata.entity.StepMaterial;
import com.batchtrace.platform.Quantities;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A batch as the terminal shows it: every step of its master record in order, what was started,
 * scanned, entered and signed, and which step is next.
 *
 * @param currentStep the step to work on now (started and not done, or the next to start); null
 *     when every step is done
 * @param completable every step is done and the batch is running: it can be completed
 * @param yieldLowPercent the master record's least yield in % of the planned quantity, or null
 * @param yieldHighPercent the master record's most yield in % of the planned quantity, or null
 */
public record BatchRunView(
    long batchId,
    String batchNumber,
    String productCode,
    String productName,
    String unit,
    BigDecimal plannedQuantity,
    String masterBatchRecord,
    long lineId,
    String line,
    String status,
    List<StepRunView> steps,
    Integer currentStep,
    boolean completable,
    BigDecimal yieldLowPercent,
    BigDecimal yieldHighPercent)
    implements Serializable {

  /** A batch whose master record sets no yield limits. */
  public BatchRunView(
      long batchId,
      String batchNumber,
      String productCode,
      String productName,
      String unit,
      BigDecimal plannedQuantity,
      String masterBatchRecord,
      long lineId,
      String line,
      String status,
      List<StepRunView> steps,
      Integer currentStep,
      boolean completable) {
    this(
        batchId,
        batchNumber,
        productCode,
        productName,
        unit,
        plannedQuantity,
        masterBatchRecord,
        lineId,
        line,
        status,
        steps,
        currentStep,
        completable,
        null,
        null);
  }

  /** The step with this position. */
  public StepRunView step(int position) {
    return steps.stream().filter(s -> s.position() == position).findFirst().orElseThrow();
  }

  /**
   * The theoretical yield of the inputs: what was charged into the batch in the product's unit
   * (materials in other units, e.g. packaging, do not add up to it).
   */
  public BigDecimal chargedInProductUnit() {
    return steps.stream()
        .flatMap(s -> s.charges().stream())
        .filter(c -> unit.equals(c.unit()))
        .map(Charge::quantity)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * One step of the batch.
   *
   * @param status NOT_STARTED, IN_PROGRESS, PERFORMED (waiting for verification) or DONE
   */
  public record StepRunView(
      int position,
      String operation,
      String name,
      String instructions,
      boolean requiresVerification,
      String status,
      Instant startedAt,
      String startedBy,
      Instant performedAt,
      String performedBy,
      Instant verifiedAt,
      String verifiedBy,
      List<MaterialNeed> materials,
      List<ParameterRun> parameters,
      List<EntryView> entries,
      List<Charge> charges,
      List<SignatureView> signatures,
      List<ExceptionView> exceptions)
      implements Serializable {

    public boolean started() {
      return !"NOT_STARTED".equals(status);
    }

    public boolean open() {
      return "IN_PROGRESS".equals(status);
    }

    public boolean awaitingVerification() {
      return "PERFORMED".equals(status);
    }

    public boolean done() {
      return "DONE".equals(status);
    }
  }

  /**
   * A material the step needs, and how much of it was charged.
   *
   * @param minimum the quantity less the tolerance: the least that must be charged
   * @param maximum the quantity plus the tolerance: the most that may be charged
   */
  public record MaterialNeed(
      String materialCode,
      String materialName,
      String unit,
      BigDecimal quantity,
      BigDecimal tolerancePercent,
      BigDecimal minimum,
      BigDecimal maximum,
      BigDecimal charged)
      implements Serializable {

    public boolean satisfied() {
      return charged.compareTo(minimum) >= 0 && charged.compareTo(maximum) <= 0;
    }

    /** The master record's requirement and what the step's charges add up to. */
    static MaterialNeed of(StepMaterial m, List<Charge> charges) {
      BigDecimal charged =
          charges.stream()
              .filter(c -> c.materialCode().equals(m.getMaterial().getCode()))
              .map(Charge::quantity)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      return new MaterialNeed(
          m.getMaterial().getCode(),
          m.getMaterial().getName(),
          m.getMaterial().getUnit(),
          Quantities.plain(m.getQuantity()),
          Quantities.plain(m.getTolerancePercent()),
          Quantities.plain(m.minimum()),
          Quantities.plain(m.maximum()),
          Quantities.plain(charged));
    }
  }

  /**
   * A parameter of the step: for a machine tag, its latest value in this step; for a manual one,
   * the value entered (the newest, after corrections).
   */
  public record ParameterRun(
      String name,
      String source,
      String tag,
      String unit,
      BigDecimal lowLimit,
      BigDecimal highLimit,
      boolean critical,
      Double liveValue,
      Instant liveAt,
      EntryView entry)
      implements Serializable {

    public boolean manual() {
      return "MANUAL".equals(source);
    }

    /** Whether the live machine value is within the limits (true when there is none). */
    public boolean liveWithinLimits() {
      return liveValue == null
          || ((lowLimit == null || liveValue >= lowLimit.doubleValue())
              && (highLimit == null || liveValue <= highLimit.doubleValue()));
    }
  }

  /** A value entered by hand; a corrected one has supersededAt and its correction points at it. */
  public record EntryView(
      long id,
      String parameter,
      BigDecimal value,
      String unit,
      String limits,
      boolean withinLimits,
      String comment,
      Instant takenAt,
      Instant enteredAt,
      String enteredBy,
      String enteredByName,
      boolean late,
      Long correctionOf,
      String correctionReason,
      Instant supersededAt)
      implements Serializable {

    public boolean current() {
      return supersededAt == null;
    }

    static EntryView of(StepEntry e) {
      return new EntryView(
          e.getId(),
          e.getParameter(),
          Quantities.plain(e.getValue()),
          e.getUnit(),
          e.limits(),
          e.isWithinLimits(),
          e.getComment(),
          e.getTakenAt(),
          e.getEnteredAt(),
          e.getEnteredBy(),
          e.getEnteredByName(),
          e.isLate(),
          e.getCorrectionOf() == null ? null : e.getCorrectionOf().getId(),
          e.getCorrectionReason(),
          e.getSupersededAt());
    }
  }

  /**
   * What a scan came to: the lot charged, or refused with the reason and the exception recorded.
   */
  public record ScanOutcome(
      boolean accepted, String message, Long exceptionId, BatchRunView batch) {}

  /**
   * A batch in a line's work queue.
   *
   * @param currentStep the step to work on ("2. Dry"), null when every step is done
   * @param awaitingVerification the current step is performed and waits for a second person
   */
  public record QueueEntry(
      long batchId,
      String batchNumber,
      String productCode,
      String productName,
      BigDecimal plannedQuantity,
      String unit,
      String status,
      Instant createdAt,
      int stepsDone,
      int steps,
      String currentStep,
      boolean awaitingVerification)
      implements Serializable {}
}
