package com.batchtrace.web.audit;

import com.batchtrace.compliance.review.boundary.AccessEntry;
import com.batchtrace.compliance.review.boundary.AccessReviewView;
import com.batchtrace.compliance.review.boundary.AccessReviews;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backing bean of audit/access.xhtml: who has which access now, its export, and QA's signed
 * periodic access review.
 */
@Named
@ViewScoped
public class AccessReviewPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The roles in the plant's words. */
  private static final Map<String, String> ROLE_NAMES =
      Map.of(
          Roles.OPERATOR, "Operator",
          Roles.QA_REVIEWER, "QA reviewer",
          Roles.AUDITOR, "Auditor",
          Roles.ADMIN, "Administrator");

  @Inject AccessReviews reviews;

  @Inject SignatureForm signatureForm;

  private List<AccessEntry> accounts;
  private List<AccessReviewView> latest;
  private String conclusion;

  /** f:viewAction: reads the accounts once per visit; a refusal is shown on the page. */
  public void load() {
    Optional<List<AccessEntry>> read = Feedback.obtain(reviews::current, null);
    accounts = read.orElse(List.of());
  }

  /** QA signs the review; the dialog closes only when it succeeded. */
  public void sign() {
    if (Feedback.attempt(
        () -> reviews.review(conclusion, signatureForm.take()), "Access review signed.")) {
      latest = null;
      conclusion = null;
      load();
    }
  }

  /** The list as a checksummed CSV download (an export security event). */
  public void export() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    byte[] csv = reviews.exportCsv();
    ExternalContext response = faces.getExternalContext();
    response.responseReset();
    response.setResponseContentType("text/csv; charset=UTF-8");
    response.setResponseHeader("Content-Disposition", "attachment; filename=\"access-review.csv\"");
    response.setResponseHeader("Cache-Control", "no-store");
    response.setResponseContentLength(csv.length);
    response.getResponseOutputStream().write(csv);
    faces.responseComplete();
  }

  public static String roleName(String role) {
    return ROLE_NAMES.getOrDefault(role, role);
  }

  /** The roles of an account in the plant's words, comma-separated. */
  public String roles(AccessEntry entry) {
    return entry.roles().isEmpty()
        ? "none"
        : String.join(", ", entry.roles().stream().map(AccessReviewPage::roleName).toList());
  }

  public List<AccessEntry> getAccounts() {
    return accounts;
  }

  public List<AccessReviewView> getLatest() {
    if (latest == null) {
      latest = reviews.latest(10);
    }
    return latest;
  }

  public String getConclusion() {
    return conclusion;
  }

  public void setConclusion(String conclusion) {
    this.conclusion = conclusion;
  }
}
