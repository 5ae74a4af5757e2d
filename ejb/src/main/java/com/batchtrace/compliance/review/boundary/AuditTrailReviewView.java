package com.batchtrace.compliance.review.boundary;

import com.batchtrace.compliance.review.entity.AuditTrailReview;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A review with its signatures (each checked against the review's content now). */
public record AuditTrailReviewView(
    long id,
    Instant periodFrom,
    Instant periodTo,
    long revisionsReviewed,
    long chainPosition,
    String chainSha256,
    boolean chainsIntact,
    String conclusion,
    String reviewedBy,
    Instant reviewedAt,
    List<SignatureView> signatures)
    implements Serializable {

  static AuditTrailReviewView of(AuditTrailReview r, List<SignatureView> signatures) {
    return new AuditTrailReviewView(
        r.getId(),
        r.getPeriodFrom(),
        r.getPeriodTo(),
        r.getRevisionsReviewed(),
        r.getChainPosition(),
        r.getChainSha256(),
        r.isChainsIntact(),
        r.getConclusion(),
        r.getReviewedBy(),
        r.getReviewedAt(),
        List.copyOf(signatures));
  }
}
