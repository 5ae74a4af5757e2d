package com.batchtrace.web.audit;

import com.batchtrace.compliance.integrity.boundary.CheckpointFinding;
import com.batchtrace.compliance.integrity.boundary.Checkpoints;
import com.batchtrace.compliance.integrity.boundary.IntegrityCheck;
import com.batchtrace.compliance.integrity.boundary.IntegrityReport;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.review.boundary.AuditTrailReviewQuery;
import com.batchtrace.compliance.review.boundary.AuditTrailReviewView;
import com.batchtrace.compliance.review.boundary.AuditTrailReviews;
import com.batchtrace.compliance.review.boundary.NewAuditTrailReview;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.ListWords;
import com.batchtrace.web.shell.PagedModel;
import com.batchtrace.web.shell.SignatureForm;
import com.batchtrace.web.shell.SiteTime;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Backing bean of audit/integrity.xhtml: verify the chains, and sign an audit trail review of a
 * period through the signature dialog.
 */
@Named
@ViewScoped
public class IntegrityPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject IntegrityCheck integrityCheck;

  @Inject AuditTrailReviews reviews;

  @Inject Checkpoints checkpoints;

  @Inject SignatureForm signatureForm;

  @Inject SiteTime siteTime;

  private IntegrityReport report;
  private String lastSigned;
  private AuditTrailReviewQuery query = AuditTrailReviewQuery.ALL;
  private String filterText;
  private LocalDate signedFrom;
  private LocalDate signedTo;

  private final PagedModel<AuditTrailReviewView> latest =
      new PagedModel<AuditTrailReviewView>(
              () -> reviewService().page(query, 0, 0).total(),
              (offset, limit) -> reviewService().page(query, offset, limit).rows())
          .sortedBy(
              (column, ascending) ->
                  Feedback.attempt(() -> query = query.sortedBy(column, ascending), null));

  private LocalDateTime periodFrom;
  private LocalDateTime periodTo;
  private String conclusion;

  public void verify() {
    report = integrityCheck.verify();
  }

  /** Signs a checkpoint of the chains now, outside the database. */
  public void signCheckpoint() {
    Feedback.attempt(
        () -> {
          SignedCheckpoint c = checkpoints.takeOnDemand();
          lastSigned = "Signed checkpoint " + c.sequence() + " written to " + c.file() + ".";
        },
        null);
  }

  /** How the chains compared with the signed checkpoints, in one sentence. */
  public String getCheckpointSummary() {
    if (report == null || report.checkpoints() == null) {
      return "";
    }
    CheckpointFinding c = report.checkpoints();
    return c.latest() == null
        ? "No signed checkpoint was compared."
        : "Compared with "
            + c.compared()
            + " signed checkpoint(s); the latest is number "
            + c.latest()
            + ", signed "
            + siteTime.format(c.latestAt())
            + ".";
  }

  public String getLastSigned() {
    return lastSigned;
  }

  /** Signs the review; the dialog closes only when it succeeded. */
  public void signReview() {
    NewAuditTrailReview request =
        new NewAuditTrailReview(
            periodFrom == null ? null : periodFrom.atZone(siteTime.zoneId()).toInstant(),
            periodTo == null ? null : periodTo.atZone(siteTime.zoneId()).toInstant(),
            conclusion);
    if (Feedback.attempt(
        () -> reviews.review(request, signatureForm.take()), "Audit trail review signed.")) {
      conclusion = null;
    }
  }

  public IntegrityReport getReport() {
    return report;
  }

  public PagedModel<AuditTrailReviewView> getLatest() {
    return latest;
  }

  /** Applies the filter of the reviews; a refused filter leaves the list as it was. */
  public void applyFilter() {
    Feedback.attempt(() -> query = query.filtered(filterText, signedFrom, signedTo), null);
  }

  public void clearFilter() {
    filterText = null;
    signedFrom = null;
    signedTo = null;
    applyFilter();
  }

  /** What the list of reviews says when it shows none. */
  public String getEmptyMessage() {
    return ListWords.nothingMatches(
        "audit trail reviews",
        ListWords.criteria(
            query.conclusion(),
            query.signedFrom() == null ? null : "signed from " + query.signedFrom(),
            query.signedTo() == null ? null : "signed up to " + query.signedTo()),
        "No audit trail review has been signed yet.");
  }

  private static AuditTrailReviews reviewService() {
    return CDI.current().select(AuditTrailReviews.class).get();
  }

  public String getFilterText() {
    return filterText;
  }

  public void setFilterText(String filterText) {
    this.filterText = filterText;
  }

  public LocalDate getSignedFrom() {
    return signedFrom;
  }

  public void setSignedFrom(LocalDate signedFrom) {
    this.signedFrom = signedFrom;
  }

  public LocalDate getSignedTo() {
    return signedTo;
  }

  public void setSignedTo(LocalDate signedTo) {
    this.signedTo = signedTo;
  }

  /** Defaults: the last 7 days up to now, in the site's zone. */
  public LocalDateTime getPeriodFrom() {
    if (periodFrom == null) {
      periodFrom = getPeriodTo().minusDays(7);
    }
    return periodFrom;
  }

  public void setPeriodFrom(LocalDateTime periodFrom) {
    this.periodFrom = periodFrom;
  }

  public LocalDateTime getPeriodTo() {
    if (periodTo == null) {
      periodTo = LocalDateTime.now(siteTime.zoneId()).truncatedTo(ChronoUnit.MINUTES);
    }
    return periodTo;
  }

  public void setPeriodTo(LocalDateTime periodTo) {
    this.periodTo = periodTo;
  }

  public String getConclusion() {
    return conclusion;
  }

  public void setConclusion(String conclusion) {
    this.conclusion = conclusion;
  }
}
