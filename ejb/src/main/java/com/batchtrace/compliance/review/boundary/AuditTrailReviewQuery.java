package com.batchtrace.compliance.review.boundary;

import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an auditor looks for among the signed audit trail reviews: a part of the conclusion, the
 * days the review was signed (site time), and the column the list is sorted by.
 *
 * @param conclusion a part of the conclusion (any case), or null
 * @param signedFrom the first day of signing at the site, or null
 * @param signedTo the last day of signing at the site, or null
 * @param sort the column and direction
 */
public record AuditTrailReviewQuery(
    String conclusion, LocalDate signedFrom, LocalDate signedTo, ListOrder.Sort sort)
    implements Serializable {

  /** Every review, the latest signed first. */
  public static final AuditTrailReviewQuery ALL =
      new AuditTrailReviewQuery(null, null, null, AuditTrailReviews.REVIEWS.by("signed", false));

  public AuditTrailReviewQuery {
    conclusion = ListFilter.bounded("the conclusion", conclusion);
    ListFilter.daysInOrder(signedFrom, signedTo);
  }

  /** The query with the filters a person gave, in this query's order. */
  public AuditTrailReviewQuery filtered(String conclusion, LocalDate from, LocalDate to) {
    return new AuditTrailReviewQuery(conclusion, from, to, sort);
  }

  /** The same filters, sorted by another column of the list. */
  public AuditTrailReviewQuery sortedBy(String column, boolean ascending) {
    return new AuditTrailReviewQuery(
        conclusion, signedFrom, signedTo, AuditTrailReviews.REVIEWS.by(column, ascending));
  }
}
