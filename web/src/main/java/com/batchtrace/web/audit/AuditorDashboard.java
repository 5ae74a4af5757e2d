package com.batchtrace.web.audit;

import com.batchtrace.compliance.review.boundary.AuditTrailReviewView;
import com.batchtrace.compliance.review.boundary.AuditTrailReviews;
import com.batchtrace.compliance.security.boundary.SecurityEventView;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The auditor's numbers at a glance on the start page: the last integrity check and its verdict,
 * refused sign-ins and signatures, and how far the audit trail has been reviewed; each links to the
 * page where it is read.
 */
@Named
@RequestScoped
public class AuditorDashboard {

  @Inject SecurityLog log;

  @Inject AuditTrailReviews reviews;

  private Optional<SecurityEventView> lastCheck;

  private Optional<SecurityEventView> lastCheck() {
    if (lastCheck == null) {
      lastCheck =
          Stream.of(SecurityEventKind.INTEGRITY_VERIFIED, SecurityEventKind.INTEGRITY_BROKEN)
              .flatMap(kind -> log.rows(null, kind, 0, 1).stream())
              .max(Comparator.comparing(SecurityEventView::occurredAt));
    }
    return lastCheck;
  }

  /** "Intact", "Broken" or "Never checked". */
  public String getIntegrity() {
    return lastCheck()
        .map(e -> e.kind().equals(SecurityEventKind.INTEGRITY_BROKEN.name()) ? "Broken" : "Intact")
        .orElse("Never checked");
  }

  /** When the integrity was last checked, in the site's time; empty when never. */
  public String getIntegrityCheckedAt() {
    return lastCheck().map(e -> SiteZone.format(e.occurredAt())).orElse("");
  }

  /** Sign-ins and signatures refused for a wrong password, and signing locks, all told. */
  public long getRefusals() {
    return log.count(null, SecurityEventKind.SIGN_IN_FAILED)
        + log.count(null, SecurityEventKind.SIGNATURE_FAILED)
        + log.count(null, SecurityEventKind.SIGNING_LOCKED);
  }

  @Inject com.batchtrace.compliance.audit.boundary.AuditSearch auditSearch;

  /**
   * Audit trail entries since the end of the last signed review (all of them when none was signed
   * yet): what the next review has to cover. Counted up to the search's cap, then "more than …".
   */
  public String getPendingReview() {
    java.time.Instant since =
        reviews.latest(1).stream().findFirst().map(AuditTrailReviewView::periodTo).orElse(null);
    long pending =
        auditSearch.count(
            new com.batchtrace.compliance.audit.boundary.AuditQuery(
                since, null, null, null, null, null));
    return pending > com.batchtrace.compliance.audit.boundary.AuditSearch.COUNT_CAP
        ? "more than " + com.batchtrace.compliance.audit.boundary.AuditSearch.COUNT_CAP
        : Long.toString(pending);
  }

  /** Up to when the audit trail has been reviewed, in the site's time; "not yet reviewed". */
  public String getReviewedUpTo() {
    return reviews.latest(1).stream()
        .findFirst()
        .map(AuditTrailReviewView::periodTo)
        .map(SiteZone::format)
        .orElse("not yet reviewed");
  }
}
