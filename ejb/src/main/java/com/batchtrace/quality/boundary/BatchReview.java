package com.batchtrace.quality.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchRecord;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.execution.entity.BatchException;
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
import com.batchtrace.quality.control.BatchReleaseContent;
import com.batchtrace.quality.control.ReleaseRules;
import com.batchtrace.quality.entity.DispositionDecision;
import com.batchtrace.quality.entity.ExceptionDisposition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * QA's review by exception and the batch's release or rejection: the review queue, each exception
 * dispositioned with a "reviewed" signature, then release ("released") or reject ("rejected") of
 * the batch and its produced lots. Release is refused, naming the rule, while a step is not done,
 * an exception is not dispositioned, a deviation is open, the record shows an INVALID signature, or
 * the reviewer took part in the batch ({@link ReleaseRules}). It reads the batch's record through
 * the execution context's read model ({@link BatchRecords}).
 */
@ApplicationScoped
public class BatchReview {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject BatchRecords records;

  @Inject BatchService batches;

  @Inject BatchArchive archive;

  @Inject LotService lots;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** Batches in review, most open exceptions first, then the longest waiting. */
  @Transactional
  public Page<QueueEntry> queue(int offset, int limit) {
    Set<Long> decided =
        new HashSet<>(
            em.createQuery(
                    "select d.exception.id from ExceptionDisposition d"
                        + " where d.exception.batch.status = :s",
                    Long.class)
                .setParameter("s", BatchStatus.IN_REVIEW)
                .getResultList());
    List<QueueEntry> all =
        records.awaitingReview().stream()
            .map(
                b ->
                    new QueueEntry(
                        b.batchId(),
                        b.batchNumber(),
                        b.productCode(),
                        b.productName(),
                        b.line(),
                        b.completedAt(),
                        b.exceptionIds().stream().filter(id -> !decided.contains(id)).count(),
                        b.exceptionIds().size()))
            .sorted(
                Comparator.comparingLong(QueueEntry::openExceptions)
                    .reversed()
                    .thenComparing(
                        QueueEntry::completedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparingLong(QueueEntry::batchId))
            .toList();
    int from = Math.min(Math.max(offset, 0), all.size());
    int to = Math.min(from + Math.max(limit, 0), all.size());
    return new Page<>(all.subList(from, to), all.size());
  }

  /** A batch's exceptions, each with QA's disposition and its signature once decided. */
  @Transactional
  public List<ReviewedException> exceptions(long batchId) {
    Map<Long, ExceptionDisposition> decided = dispositionsOf(batchId);
    return records.exceptionsOf(batchId).stream()
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
  public ReviewedException disposition(
      long exceptionId,
      DispositionDecision decision,
      String justification,
      String deviationReference,
      SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
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
          exception.freeze(clock.instant());
          em.flush();
          SignatureView signed =
              signatures.sign(signature, SignatureMeaning.REVIEWED, disposition, Roles.QA_REVIEWER);
          return new ReviewedException(
              records.exceptionsOf(batch.getId()).stream()
                  .filter(x -> x.id() == exceptionId)
                  .findFirst()
                  .orElseThrow(),
              DispositionView.of(disposition, List.of(signed)));
        });
  }

  /**
   * QA releases the batch: it and its produced lots become released. Refused, naming the rule,
   * while the record is not complete or not trustworthy, or when the reviewer took part in it.
   */
  public Decision release(long batchId, SignatureRequest signature) {
    Decision decided =
        signatures.signing(
            signature,
            () -> {
              return decide(batchId, signature, true);
            });
    return archived(decided, "released");
  }

  /** QA rejects the batch with a reason: it and its produced lots become rejected. */
  public Decision reject(long batchId, SignatureRequest signature) {
    Decision decided =
        signatures.signing(
            signature,
            () -> {
              if (signature == null
                  || signature.comment() == null
                  || signature.comment().isBlank()) {
                throw new RuleViolation("Say why the batch is rejected. Nothing was signed.");
              }
              return decide(batchId, signature, false);
            });
    return archived(decided, "rejected");
  }

  /**
   * The decision is committed when signing returns; only then is its archive package written, so a
   * package that cannot be written never undoes a release (BatchArchive records why).
   */
  private Decision archived(Decision decided, String how) {
    return decided.withArchivePackage(
        archive.afterDecision(decided.batchId(), how).map(BatchArchive.ArchivePackage::name));
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
    BatchRecord record = records.record(batchId);
    ReleaseRules.requireNotParticipant(record, actor.get().userId(), release);
    Map<Long, ExceptionDisposition> dispositions = dispositionsOf(batchId);
    if (release) {
      ReleaseRules.requireReleasable(record, dispositions.keySet());
    }
    ReleaseRules.requireValidStepSignatures(record);
    requireValidDispositionSignatures(dispositions);
    auditTrail.modifying(
        (release ? "Batch released by QA" : "Batch rejected by QA")
            + (signature.comment() == null || signature.comment().isBlank()
                ? ""
                : ": " + signature.comment().strip()),
        "batch " + batch.getBatchNumber());
    SignatureView signed =
        signatures.sign(
            signature,
            release ? SignatureMeaning.RELEASED : SignatureMeaning.REJECTED,
            new BatchReleaseContent(record, dispositions, () -> legacyContentOf(batchId)),
            Roles.QA_REVIEWER);
    batch.decide(release, clock.instant());
    List<LotView> decided = lots.decideWithBatch(batchId, release);
    em.flush();
    return new Decision(
        batchId, batch.getBatchNumber(), batch.getStatus().name(), signed, decided, null, null);
  }

  /**
   * What still stops the signed-in reviewer from releasing the batch, everything at once (the
   * release refuses at the first): their own part in it, unfinished steps, open exceptions and
   * deviations, invalid signatures on steps and dispositions. Empty when the release would pass
   * these rules; a batch not in review has nothing to release and no blockers.
   */
  @Transactional
  public List<ReleaseBlocker> releaseBlockers(long batchId) {
    actor.require(Roles.QA_REVIEWER);
    Batch batch = em.find(Batch.class, batchId);
    if (batch == null || batch.getStatus() != BatchStatus.IN_REVIEW) {
      return List.of();
    }
    BatchRecord record = records.record(batchId);
    Map<Long, ExceptionDisposition> dispositions = dispositionsOf(batchId);
    List<ReleaseBlocker> blockers =
        new java.util.ArrayList<>(
            ReleaseRules.blockers(record, dispositions.keySet(), actor.get().userId()));
    for (ExceptionDisposition d : dispositions.values()) {
      for (SignatureView s : signatures.signaturesOf(d)) {
        if (!s.valid()) {
          blockers.add(
              new ReleaseBlocker(
                  "Invalid signature: the disposition by "
                      + s.signerName()
                      + " of the exception on step "
                      + d.getException().getStepPosition()
                      + " no longer matches its content.",
                  "exception-" + d.getException().getId()));
        }
      }
    }
    return blockers;
  }

  private void requireValidDispositionSignatures(Map<Long, ExceptionDisposition> dispositions) {
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

  /**
   * The content QA's release or rejection of the batch is linked to, built as when signing: what
   * the signature register checks a decision's signature against. Empty for an unknown batch.
   */
  @Transactional
  public Optional<com.batchtrace.compliance.signature.entity.SignedRecord> releaseContent(
      long batchId) {
    return em.find(Batch.class, batchId) == null
        ? Optional.empty()
        : Optional.of(recordOf(batchId));
  }

  private BatchReleaseContent recordOf(long batchId) {
    return new BatchReleaseContent(
        records.record(batchId), dispositionsOf(batchId), () -> legacyContentOf(batchId));
  }

  /** The release content as format 1 built it, for release signatures made before format 2. */
  private String legacyContentOf(long batchId) {
    return new BatchRecordContent(
            batchId,
            records.view(batchId),
            records.exceptionsOf(batchId),
            dispositionsOf(batchId),
            batches.outputs(batchId))
        .legacyContent();
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
      long exceptions)
      implements Serializable {}

  /** An exception with QA's disposition (null while open). */
  public record ReviewedException(ExceptionView exception, DispositionView disposition)
      implements Serializable {

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
      List<SignatureView> signatures)
      implements Serializable {

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

  /**
   * The outcome of a release or rejection.
   *
   * @param archivePackage the archive package written after the decision; null when none could be
   * @param archiveProblem why no archive package was written (the security log has the details)
   */
  public record Decision(
      long batchId,
      String batchNumber,
      String status,
      SignatureView signature,
      List<LotView> lots,
      String archivePackage,
      String archiveProblem) {

    Decision withArchivePackage(Optional<String> name) {
      return new Decision(
          batchId,
          batchNumber,
          status,
          signature,
          lots,
          name.orElse(null),
          name.isPresent()
              ? null
              : "The archive package was not written; the decision stands. Write it again with"
                  + " Archive package on the batch record.");
    }
  }

  /** A batch's disposition as other systems read it; signature is null until QA decided. */
  public record Disposition(
      long batchId, String batchNumber, String status, SignatureView signature, List<LotView> lots)
      implements Serializable {}
}
