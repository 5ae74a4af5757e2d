package com.batchtrace.quality.boundary;

import com.batchtrace.collection.boundary.CollectionMonitor;
import com.batchtrace.collection.boundary.CollectionMonitor.ExceptionView;
import com.batchtrace.collection.entity.BatchException;
import com.batchtrace.collection.entity.ExceptionKind;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchExecution;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.control.BatchRecordContent;
import com.batchtrace.quality.entity.DispositionDecision;
import com.batchtrace.quality.entity.ExceptionDisposition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * QA's review by exception and the batch's release or rejection: the review queue, each exception
 * dispositioned with a "reviewed" signature, then release ("released") or reject ("rejected") of
 * the batch and its produced lots. Release is refused, naming the rule, while a step is not done,
 * an exception is not dispositioned, a deviation is open, the record shows an INVALID signature, or
 * the reviewer performed or verified a step of the batch.
 */
@ApplicationScoped
public class BatchReview {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject BatchExecution execution;

  @Inject BatchService batches;

  @Inject LotService lots;

  @Inject CollectionMonitor monitor;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** Batches in review, most open exceptions first, then the longest waiting. */
  @Transactional
  public Page<QueueEntry> queue(int offset, int limit) {
    long total =
        em.createQuery("select count(b) from Batch b where b.status = :s", Long.class)
            .setParameter("s", BatchStatus.IN_REVIEW)
            .getSingleResult();
    // Native: ordering by a correlated count is plain SQL; JPQL would need a select-clause alias.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select b.id, b.batch_number, p.code, p.name, e.name, b.completed_at,"
                    + " (select count(*) from batchtrace.batch_exception x"
                    + "   where x.batch_id = b.id and not exists (select 1 from"
                    + "   batchtrace.exception_disposition d where d.exception_id = x.id)) as open,"
                    + " (select count(*) from batchtrace.batch_exception x"
                    + "   where x.batch_id = b.id) as total"
                    + " from batchtrace.batch b"
                    + " join batchtrace.material p on p.id = b.product_id"
                    + " join batchtrace.equipment e on e.id = b.line_id"
                    + " where b.status = 'IN_REVIEW'"
                    + " order by open desc, b.completed_at nulls first, b.id"
                    + " offset ?1 limit ?2")
            .setParameter(1, offset)
            .setParameter(2, limit)
            .getResultList();
    return new Page<>(
        rows.stream()
            .map(
                r ->
                    new QueueEntry(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        r[5] == null ? null : instant(r[5]),
                        ((Number) r[6]).longValue(),
                        ((Number) r[7]).longValue()))
            .toList(),
        total);
  }

  private static Instant instant(Object value) {
    return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
  }

  /** A batch's exceptions, each with QA's disposition and its signature once decided. */
  @Transactional
  public List<ReviewedException> exceptions(long batchId) {
    Map<Long, ExceptionDisposition> decided = dispositionsOf(batchId);
    return monitor.exceptionsOf(batchId).stream()
        .map(
            x -> {
              ExceptionDisposition d = decided.get(x.id());
              return new ReviewedException(
                  x, d == null ? null : DispositionView.of(d, signatures.signaturesOf(d)));
            })
        .toList();
  }

  /**
   * QA dispositions one exception of a batch in review: accepted with a justification, or linked to
   * a deviation by its reference; signed "reviewed" by the signed-in reviewer.
   */
  @Transactional
  public ReviewedException disposition(
      long exceptionId,
      DispositionDecision decision,
      String justification,
      String deviationReference,
      SignatureRequest signature) {
    actor.require(Roles.QA_REVIEWER);
    BatchException exception =
        em.find(BatchException.class, exceptionId, LockModeType.PESSIMISTIC_WRITE);
    if (exception == null) {
      throw new RuleViolation("There is no exception with id " + exceptionId + ".");
    }
    Batch batch = exception.getBatch();
    if (batch.getStatus() != BatchStatus.IN_REVIEW) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is "
              + batch.getStatus().label()
              + ": exceptions are dispositioned while it is in review. Nothing was signed.");
    }
    Optional<ExceptionDisposition> earlier = dispositionOf(exceptionId);
    if (earlier.isPresent()) {
      throw new RuleViolation(
          "This exception was dispositioned by "
              + earlier.get().getDecidedByName()
              + " already. Nothing was signed.");
    }
    Actor by = actor.get();
    ExceptionDisposition disposition =
        new ExceptionDisposition(
            exception,
            decision,
            justification,
            deviationReference,
            clock.instant(),
            by.userId(),
            by.displayName());
    auditTrail.creating(
        null, "Exception " + exceptionId + " dispositioned: " + disposition.getDecision());
    em.persist(disposition);
    em.flush();
    SignatureView signed =
        signatures.sign(
            new SignatureRequest(
                signature.username(),
                signature.password(),
                SignatureMeaning.REVIEWED,
                signature.reason()),
            disposition,
            Roles.QA_REVIEWER);
    return new ReviewedException(
        monitor.exceptionsOf(batch.getId()).stream()
            .filter(x -> x.id() == exceptionId)
            .findFirst()
            .orElseThrow(),
        DispositionView.of(disposition, List.of(signed)));
  }

  /**
   * QA releases the batch: it and its produced lots become released. Refused, naming the rule,
   * while the record is not complete or not trustworthy, or when the reviewer took part in it.
   */
  @Transactional
  public Decision release(long batchId, SignatureRequest signature) {
    return decide(batchId, signature, true);
  }

  /** QA rejects the batch with a reason: it and its produced lots become rejected. */
  @Transactional
  public Decision reject(long batchId, SignatureRequest signature) {
    if (signature == null || signature.reason() == null || signature.reason().isBlank()) {
      throw new RuleViolation("Say why the batch is rejected. Nothing was signed.");
    }
    return decide(batchId, signature, false);
  }

  private Decision decide(long batchId, SignatureRequest signature, boolean release) {
    actor.require(Roles.QA_REVIEWER);
    Objects.requireNonNull(signature, "signature");
    // The lock makes two reviewers deciding at once wait for each other: the second sees the
    // first one's decision below and is refused.
    Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    if (batch.getStatus() == BatchStatus.RELEASED || batch.getStatus() == BatchStatus.REJECTED) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " was "
              + batch.getStatus().label()
              + decidedBy(batchId)
                  .map(s -> " by " + s.signerName() + " at " + s.signedAt())
                  .orElse("")
              + " already. Nothing was signed.");
    }
    BatchRunView run = execution.record(batchId);
    String reviewer = actor.get().userId();
    for (StepRunView step : run.steps()) {
      if (reviewer.equals(step.performedBy()) || reviewer.equals(step.verifiedBy())) {
        throw new RuleViolation(
            "You "
                + (reviewer.equals(step.performedBy()) ? "performed" : "verified")
                + " step "
                + step.position()
                + " ("
                + step.name()
                + ") of batch "
                + run.batchNumber()
                + ": someone who took no part in it must "
                + (release ? "release" : "reject")
                + " it. Nothing was signed.");
      }
    }
    Map<Long, ExceptionDisposition> dispositions = dispositionsOf(batchId);
    List<ExceptionView> exceptions = monitor.exceptionsOf(batchId);
    if (release) {
      requireReleasable(run, exceptions, dispositions);
    }
    requireValidSignatures(run, dispositions);
    List<LotView> outputs = batches.outputs(batchId);
    BatchRecordContent content =
        new BatchRecordContent(batchId, run, exceptions, dispositions, outputs);
    auditTrail.modifying(
        (release ? "Batch released by QA" : "Batch rejected by QA")
            + (signature.reason() == null || signature.reason().isBlank()
                ? ""
                : ": " + signature.reason().strip()),
        "batch " + batch.getBatchNumber());
    SignatureView signed =
        signatures.sign(
            new SignatureRequest(
                signature.username(),
                signature.password(),
                release ? SignatureMeaning.RELEASED : SignatureMeaning.REJECTED,
                signature.reason()),
            content,
            Roles.QA_REVIEWER);
    batch.decide(release);
    List<LotView> decided = lots.decideWithBatch(batchId, release);
    em.flush();
    return new Decision(batchId, batch.getBatchNumber(), batch.getStatus().name(), signed, decided);
  }

  private static void requireReleasable(
      BatchRunView run,
      List<ExceptionView> exceptions,
      Map<Long, ExceptionDisposition> dispositions) {
    for (StepRunView step : run.steps()) {
      if (!step.done()) {
        throw new RuleViolation(
            "Step "
                + step.position()
                + " ("
                + step.name()
                + ") of batch "
                + run.batchNumber()
                + " is not finished ("
                + step.status().toLowerCase().replace('_', ' ')
                + "): it cannot be released. Nothing was signed.");
      }
    }
    List<ExceptionView> open =
        exceptions.stream().filter(x -> !dispositions.containsKey(x.id())).toList();
    Optional<ExceptionView> deviation =
        open.stream().filter(x -> ExceptionKind.DEVIATION.name().equals(x.kind())).findFirst();
    if (deviation.isPresent()) {
      throw new RuleViolation(
          "A deviation on step "
              + deviation.get().stepPosition()
              + " is open ('"
              + deviation.get().detail()
              + "'): close it with a disposition before release. Nothing was signed.");
    }
    if (!open.isEmpty()) {
      throw new RuleViolation(
          open.size()
              + (open.size() == 1 ? " exception is" : " exceptions are")
              + " not dispositioned (first: "
              + open.get(0).kind().toLowerCase().replace('_', ' ')
              + " on step "
              + open.get(0).stepPosition()
              + "): disposition every exception before release. Nothing was signed.");
    }
  }

  private void requireValidSignatures(
      BatchRunView run, Map<Long, ExceptionDisposition> dispositions) {
    for (StepRunView step : run.steps()) {
      for (SignatureView s : step.signatures()) {
        if (!s.valid()) {
          throw new RuleViolation(
              "The record shows an INVALID signature: '"
                  + s.meaningLabel()
                  + " "
                  + s.signerName()
                  + "' on step "
                  + step.position()
                  + " no longer matches the step's content. Nothing was signed.");
        }
      }
    }
    for (ExceptionDisposition d : dispositions.values()) {
      for (SignatureView s : signatures.signaturesOf(d)) {
        if (!s.valid()) {
          throw new RuleViolation(
              "The record shows an INVALID signature: the disposition of exception "
                  + d.getException().getId()
                  + " by "
                  + s.signerName()
                  + " no longer matches its content. Nothing was signed.");
        }
      }
    }
  }

  /** QA's decision on a batch as ERP reads it: its status, the signature, the lots' status. */
  @Transactional
  public Disposition dispositionOfBatch(long batchId) {
    Batch batch = em.find(Batch.class, batchId);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    return new Disposition(
        batchId,
        batch.getBatchNumber(),
        batch.getStatus().name(),
        decidedBy(batchId).orElse(null),
        batches.outputs(batchId));
  }

  /** QA's release or rejection signature on the batch, checked against its record now. */
  private Optional<SignatureView> decidedBy(long batchId) {
    List<SignatureView> signed = signatures.signaturesOf(recordOf(batchId));
    return signed.isEmpty() ? Optional.empty() : Optional.of(signed.get(signed.size() - 1));
  }

  private BatchRecordContent recordOf(long batchId) {
    return new BatchRecordContent(
        batchId,
        execution.record(batchId),
        monitor.exceptionsOf(batchId),
        dispositionsOf(batchId),
        batches.outputs(batchId));
  }

  private Map<Long, ExceptionDisposition> dispositionsOf(long batchId) {
    return em.createQuery(
            "select d from ExceptionDisposition d join fetch d.exception x"
                + " where x.batch.id = :b",
            ExceptionDisposition.class)
        .setParameter("b", batchId)
        .getResultStream()
        .collect(Collectors.toMap(d -> d.getException().getId(), Function.identity()));
  }

  private Optional<ExceptionDisposition> dispositionOf(long exceptionId) {
    return em.createQuery(
            "select d from ExceptionDisposition d where d.exception.id = :x",
            ExceptionDisposition.class)
        .setParameter("x", exceptionId)
        .getResultStream()
        .findFirst();
  }

  /** A batch in the review queue. */
  public record QueueEntry(
      long batchId,
      String batchNumber,
      String productCode,
      String productName,
      String line,
      Instant completedAt,
      long openExceptions,
      long exceptions) {}

  /** An exception with QA's disposition (null while open). */
  public record ReviewedException(ExceptionView exception, DispositionView disposition) {

    public boolean open() {
      return disposition == null;
    }
  }

  /** QA's disposition of an exception with its "reviewed" signature. */
  public record DispositionView(
      long id,
      String decision,
      String justification,
      String deviationReference,
      Instant decidedAt,
      String decidedBy,
      String decidedByName,
      List<SignatureView> signatures) {

    static DispositionView of(ExceptionDisposition d, List<SignatureView> signatures) {
      return new DispositionView(
          d.getId(),
          d.getDecision().name(),
          d.getJustification(),
          d.getDeviationReference(),
          d.getDecidedAt(),
          d.getDecidedBy(),
          d.getDecidedByName(),
          signatures);
    }
  }

  /** The outcome of a release or rejection. */
  public record Decision(
      long batchId,
      String batchNumber,
      String status,
      SignatureView signature,
      List<LotView> lots) {}

  /** A batch's disposition as other systems read it; signature is null until QA decided. */
  public record Disposition(
      long batchId,
      String batchNumber,
      String status,
      SignatureView signature,
      List<LotView> lots) {}
}
