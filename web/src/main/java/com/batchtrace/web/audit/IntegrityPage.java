package com.batchtrace.web.audit;

import com.batchtrace.compliance.integrity.boundary.CheckpointFinding;
import com.batchtrace.compliance.integrity.boundary.Checkpoints;
import com.batchtrace.compliance.integrity.boundary.IntegrityCheck;
import com.batchtrace.compliance.integrity.boundary.IntegrityReport;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.review.boundary.AuditTrailReviewView;
import com.batchtrace.compliance.review.boundary.AuditTrailReviews;
import com.batchtrace.compliance.review.boundary.NewAuditTrailReview;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.SignatureForm;
import com.batchtrace.web.shell.SiteTime;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Backing bean of audit/integrity.xhtml: verify the chains, and sign an audit trail review of a
 * period through the signature dialog.
 */
@Named
@ViewScoped
public class IntegrityPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient IntegrityCheck integrityCheck;

  @Inject transient AuditTrailReviews reviews;

  @Inject transient Checkpoints checkpoints;

  @Inject SignatureForm signatureForm;

  @Inject SiteTime siteTime;

  private IntegrityReport report;
  private String lastSigned;
  private List<AuditTrailReviewView> latest;

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
      latest = null;
      conclusion = null;
    }
  }

  public IntegrityReport getReport() {
    return report;
  }

  public List<AuditTrailReviewView> getLatest() {
    if (latest == null) {
      latest = reviews.latest(20);
    }
    return latest;
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
