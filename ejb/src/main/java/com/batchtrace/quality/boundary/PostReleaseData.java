package com.batchtrace.quality.boundary;

import com.batchtrace.collection.boundary.LateValues;
import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.entity.PostReleaseReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Machine data that arrives for a batch after QA released or rejected it: stored with the batch's
 * context, never part of the signed record, listed here for QA, who acknowledges it with a signed
 * review ("reviewed"). Late data can only belong to batches that ran within the collector's
 * accepted age (BATCHTRACE_MAX_AGE_DAYS), so only batches decided since then are looked at.
 */
@ApplicationScoped
public class PostReleaseData {

  private static final Duration LOOK_BACK = ProcessSeries.ACCEPTED_AGE.plusDays(1);

  @PersistenceContext EntityManager em;

  @Inject ProcessSeries processSeries;

  @Inject SignatureService signatures;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** The batch's data after its decision: what waits for QA, and QA's earlier reviews. */
  @Transactional
  public Summary of(long batchId) {
    Batch batch = batch(batchId, false);
    List<PostReleaseReview> reviews = reviewsOf(batch);
    return new Summary(
        batchId,
        batch.getBatchNumber(),
        batch.getDecidedAt(),
        pending(batch, reviews),
        reviews.stream().map(r -> Review.of(r, signatures.signaturesOf(r))).toList());
  }

  /** Decided batches with data after their decision that QA has not acknowledged, oldest first. */
  @Transactional
  public List<Summary> waiting() {
    return em.createQuery(
            "select b from Batch b where b.status in :decided and b.decidedAt > :since"
                + " order by b.decidedAt, b.id",
            Batch.class)
        .setParameter("decided", List.of(BatchStatus.RELEASED, BatchStatus.REJECTED))
        .setParameter("since", clock.instant().minus(LOOK_BACK))
        .getResultStream()
        .map(
            b ->
                new Summary(
                    b.getId(),
                    b.getBatchNumber(),
                    b.getDecidedAt(),
                    pending(b, reviewsOf(b)),
                    null))
        .filter(s -> s.pending() != null)
        .toList();
  }

  /**
   * QA acknowledges the data that arrived after the decision, with a conclusion and a signature.
   */
  public Summary acknowledge(long batchId, String conclusion, SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
          actor.require(Roles.QA_REVIEWER);
          Batch batch = batch(batchId, true);
          List<PostReleaseReview> reviews = reviewsOf(batch);
          Instant after = since(batch, reviews);
          LateValues late = processSeries.receivedAfter(batchId, after);
          Actor by = actor.get();
          PostReleaseReview review =
              new PostReleaseReview(
                  batch,
                  after,
                  late == null ? after : late.lastReceivedAt(),
                  late == null ? 0 : late.values(),
                  conclusion,
                  clock.instant(),
                  by.userId(),
                  by.displayName());
          auditTrail.creating(
              null,
              "Data after the decision on batch " + batch.getBatchNumber() + " reviewed by QA");
          em.persist(review);
          em.flush();
          signatures.sign(signature, SignatureMeaning.REVIEWED, review, Roles.QA_REVIEWER);
          return of(batchId);
        });
  }

  /** What arrived after the decision and after QA's last acknowledgement; null when nothing. */
  private LateValues pending(Batch batch, List<PostReleaseReview> reviews) {
    return batch.getDecidedAt() == null
        ? null
        : processSeries.receivedAfter(batch.getId(), since(batch, reviews));
  }

  private static Instant since(Batch batch, List<PostReleaseReview> reviews) {
    Instant decided = Objects.requireNonNull(batch.getDecidedAt(), "decidedAt");
    return reviews.stream()
        .map(PostReleaseReview::getReceivedUpTo)
        .filter(decided::isBefore)
        .reduce((a, b) -> a.isAfter(b) ? a : b)
        .orElse(decided);
  }

  private List<PostReleaseReview> reviewsOf(Batch batch) {
    return em.createQuery(
            "select r from PostReleaseReview r where r.batch = :b order by r.receivedUpTo, r.id",
            PostReleaseReview.class)
        .setParameter("b", batch)
        .getResultList();
  }

  private Batch batch(long batchId, boolean lock) {
    Batch batch =
        lock
            ? em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE)
            : em.find(Batch.class, batchId);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    if (batch.getStatus() != BatchStatus.RELEASED && batch.getStatus() != BatchStatus.REJECTED) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is "
              + batch.getStatus().label()
              + ": data after the decision exists only once QA released or rejected it.");
    }
    return batch;
  }

  /**
   * A decided batch's data after its decision.
   *
   * @param pending what arrived since the decision or QA's last acknowledgement; null for none
   * @param reviews QA's acknowledgements with their signatures (null in the waiting list)
   */
  public record Summary(
      long batchId, String batchNumber, Instant decidedAt, LateValues pending, List<Review> reviews)
      implements Serializable {}

  /** One acknowledgement by QA. */
  public record Review(
      long id,
      Instant receivedAfter,
      Instant receivedUpTo,
      long values,
      String conclusion,
      Instant reviewedAt,
      String reviewedByName,
      List<SignatureView> signatures)
      implements Serializable {

    static Review of(PostReleaseReview r, List<SignatureView> signatures) {
      return new Review(
          r.getId(),
          r.getReceivedAfter(),
          r.getReceivedUpTo(),
          r.getValueCount(),
          r.getConclusion(),
          r.getReviewedAt(),
          r.getReviewedByName(),
          signatures);
    }
  }
}
