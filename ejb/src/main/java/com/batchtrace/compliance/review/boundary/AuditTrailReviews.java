package com.batchtrace.compliance.review.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.integrity.boundary.ChainHead;
import com.batchtrace.compliance.integrity.boundary.IntegrityCheck;
import com.batchtrace.compliance.integrity.boundary.IntegrityReport;
import com.batchtrace.compliance.review.entity.AuditTrailReview;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.PagedQuery;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Signs and reads audit trail reviews. */
@ApplicationScoped
public class AuditTrailReviews {

  @PersistenceContext EntityManager em;

  @Inject CurrentActor currentActor;

  @Inject AuditTrail auditTrail;

  @Inject IntegrityCheck integrityCheck;

  @Inject SignatureService signatures;

  @Inject Clock clock;

  /**
   * Checks the chains, counts the period's revisions and writes the review with the reviewer's
   * signature ("reviewed") in one transaction: a refused signature leaves no review.
   */
  public AuditTrailReviewView review(NewAuditTrailReview request, SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
          if (request == null || signature == null) {
            throw new RuleViolation(
                "A review needs its period, its conclusion and your signature.");
          }
          String role = reviewerRole(currentActor.get());
          IntegrityReport integrity = integrityCheck.verify();
          ChainHead head = integrity.head("revision");
          AuditTrailReview review =
              new AuditTrailReview(
                  request.periodFrom(),
                  request.periodTo(),
                  revisionsIn(request.periodFrom(), request.periodTo()),
                  head.position(),
                  head.sha256(),
                  integrity.intact(),
                  request.conclusion(),
                  currentActor.get().userId(),
                  clock.instant());
          auditTrail.creating(null, "Audit trail review signed");
          em.persist(review);
          return AuditTrailReviewView.of(
              review, List.of(signatures.sign(signature, SignatureMeaning.REVIEWED, review, role)));
        });
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AuditTrailReviewView> find(long id) {
    return Optional.ofNullable(em.find(AuditTrailReview.class, id))
        .map(r -> AuditTrailReviewView.of(r, signatures.signaturesOf(r)));
  }

  /** The latest reviews, newest first, with their checked signatures. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AuditTrailReviewView> latest(int limit) {
    return em
        .createQuery(
            "select r from AuditTrailReview r order by r.reviewedAt desc, r.id desc",
            AuditTrailReview.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(r -> AuditTrailReviewView.of(r, signatures.signaturesOf(r)))
        .toList();
  }

  /** The columns the list of reviews sorts by, in the words of its column headers. */
  public static final ListOrder REVIEWS =
      new ListOrder(
          "Audit trail reviews",
          Map.of(
              "signed", "r.reviewedAt",
              "period", "r.periodFrom",
              "revisions", "r.revisionsReviewed"),
          "r.id");

  /**
   * One page of the reviews that match the query, in its order, with their total and their checked
   * signatures. Filtering and sorting happen in the database: a review is signed every period, for
   * as long as the plant runs.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<AuditTrailReviewView> page(AuditTrailReviewQuery query, int offset, int limit) {
    return ListFilter.days(
            new PagedQuery()
                .and(
                    "lower(r.conclusion) like :part escape '!'",
                    "part",
                    ListFilter.part("the conclusion", query.conclusion())),
            "r.reviewedAt",
            query.signedFrom(),
            query.signedTo())
        .page(
            em,
            "select count(r) from AuditTrailReview r",
            "select r from AuditTrailReview r",
            REVIEWS.orderBy(query.sort()),
            AuditTrailReview.class,
            offset,
            limit,
            r -> AuditTrailReviewView.of(r, signatures.signaturesOf(r)));
  }

  private long revisionsIn(Instant from, Instant to) {
    if (from == null || to == null) {
      return 0;
    }
    return em.createQuery(
            "select count(r) from AuditRevision r where r.revisionTime >= :f and r.revisionTime < :t",
            Long.class)
        .setParameter("f", from)
        .setParameter("t", to)
        .getSingleResult();
  }

  private static String reviewerRole(Actor actor) {
    if (actor.holds(Roles.AUDITOR)) {
      return Roles.AUDITOR;
    }
    if (actor.holds(Roles.QA_REVIEWER)) {
      return Roles.QA_REVIEWER;
    }
    throw new AccessRefused(
        "Reviewing the audit trail needs the role auditor or qa-reviewer, which "
            + actor.displayName()
            + " lacks.");
  }
}
