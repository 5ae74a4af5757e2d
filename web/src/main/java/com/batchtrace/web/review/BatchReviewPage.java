package com.batchtrace.web.review;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.AuditSearch;
import com.batchtrace.execution.boundary.BatchCompletionView;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.genealogy.boundary.GenealogyService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.BatchArchive;
import com.batchtrace.quality.boundary.BatchReview;
import com.batchtrace.quality.boundary.BatchReview.Disposition;
import com.batchtrace.quality.boundary.BatchReview.ReviewedException;
import com.batchtrace.quality.boundary.PostReleaseData;
import com.batchtrace.quality.entity.DispositionDecision;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.ProcessCharts;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of review/batch.xhtml, QA's review of one batch (its id in the address): the
 * exceptions first, each dispositioned in the signature dialog (accepted with a justification, or
 * linked to a deviation by its reference); then the whole electronic batch record on the same page
 * (steps, values with corrections, lots, signatures, comments, process data, genealogy both ways,
 * the audit trail); release or rejection in the signature dialog; the batch report as PDF. Every
 * rule is the service's: the page shows its refusal as it is.
 */
@Named
@ViewScoped
public class BatchReviewPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BatchReview review;

  @Inject BatchRecords records;

  @Inject ProcessSeries processSeries;

  @Inject AuditSearch auditSearch;

  @Inject GenealogyService genealogy;

  @Inject SignatureForm signatureForm;

  @Inject PostReleaseData postRelease;

  @Inject BatchArchive archive;

  @Inject com.batchtrace.web.shell.PlantWords words;

  private Long batchId;
  private BatchRunView run;
  private BatchCompletionView completion;
  private Disposition decision;
  private PostReleaseData.Summary afterDecision;
  private String conclusion;
  private List<ReviewedException> exceptions;
  private List<com.batchtrace.quality.boundary.ReleaseBlocker> blockers = List.of();
  private ProcessCharts processData;
  private List<AuditEntry> auditTrail;
  private java.util.Map<String, String> auditLabels = java.util.Map.of();
  private List<LotGenealogy> genealogyTrees;
  private List<BatchArchive.ArchivePackage> archivePackages;

  private ReviewedException selected;
  private String decisionKind = DispositionDecision.ACCEPTED.name();
  private String justification;
  private String deviationReference;

  /** The genealogy of one produced lot: what went into it, and where it went. */
  public record LotGenealogy(LotView lot, GenealogyTree backward, GenealogyTree forward)
      implements Serializable {}

  /** Loads the batch of the address (f:viewAction); an unknown batch says so. */
  public void load() {
    run = null;
    if (batchId == null) {
      return;
    }
    try {
      run = records.run(batchId);
    } catch (RuleViolation unknown) {
      Feedback.refuse(unknown.getMessage());
      return;
    }
    refresh();
    processData = new ProcessCharts(processSeries.of(batchId));
  }

  /** Everything a signature can change: the decision, exceptions, lots and the audit trail. */
  private void refresh() {
    run = records.run(batchId);
    completion = records.completion(batchId).orElse(null);
    decision = review.dispositionOfBatch(batchId);
    afterDecision = isDecided() ? postRelease.of(batchId) : null;
    exceptions = review.exceptions(batchId);
    blockers = review.releaseBlockers(batchId);
    auditTrail = auditSearch.ofBatch(batchId);
    auditLabels = auditSearch.labels(auditTrail);
    archivePackages = null;
    genealogyTrees =
        decision.lots().stream()
            .map(
                lot ->
                    new LotGenealogy(
                        lot,
                        new GenealogyTree(
                            lot, id -> genealogy.step(id, "BACKWARD", GenealogyService.STEP_LIMIT)),
                        new GenealogyTree(
                            lot, id -> genealogy.step(id, "FORWARD", GenealogyService.STEP_LIMIT))))
            .toList();
  }

  /**
   * What still stops the signed-in reviewer from releasing the batch, each with where it is
   * resolved; Release is enabled only when it is empty.
   */
  public List<com.batchtrace.quality.boundary.ReleaseBlocker> getBlockers() {
    return blockers;
  }

  /** Whether the selected exception (open for its disposition in place) is this one. */
  public boolean isSelected(ReviewedException exception) {
    return selected != null && selected.exception().id() == exception.exception().id();
  }

  /**
   * An exception in words with the batch's identifiers, e.g. "the lot refused on step 1 of batch
   * B-2026-0142".
   */
  public String describe(ReviewedException exception) {
    var x = exception.exception();
    String kind = words.of(x.kind()).toLowerCase(java.util.Locale.ROOT).replace("cpp ", "CPP ");
    return "the "
        + kind
        + (x.stepPosition() == null ? "" : " on step " + x.stepPosition())
        + " of batch "
        + run.batchNumber();
  }

  /**
   * Checks the disposition's input before the signature dialog opens (the dialog opens only when it
   * passes): a justification, and a deviation reference when linked to a deviation.
   */
  public void checkDisposition() {
    boolean ready = true;
    if (selected == null) {
      Feedback.refuse("Choose the exception to disposition first.");
      ready = false;
    } else if (justification == null || justification.isBlank()) {
      Feedback.refuse("Write the justification of the disposition of " + describe(selected) + ".");
      ready = false;
    } else if (DispositionDecision.DEVIATION.name().equals(decisionKind)
        && (deviationReference == null || deviationReference.isBlank())) {
      Feedback.refuse(
          "Give the reference of the deviation that "
              + describe(selected)
              + " is linked to, e.g. DEV-2026-0107.");
      ready = false;
    }
    org.primefaces.PrimeFaces.current().ajax().addCallbackParam("ready", ready);
  }

  /** Picks the exception to disposition; its row opens the form in place. */
  public void select(ReviewedException exception) {
    selected = exception;
    decisionKind = DispositionDecision.ACCEPTED.name();
    justification = null;
    deviationReference = null;
  }

  public void cancelDisposition() {
    selected = null;
  }

  /** Signs the disposition of the selected exception ("Reviewed by"). */
  public void disposition() {
    if (selected == null) {
      Feedback.refuse("Choose the exception to disposition first. Nothing was signed.");
      return;
    }
    DispositionDecision kind = DispositionDecision.valueOf(decisionKind);
    long id = selected.exception().id();
    String what = describe(selected);
    if (Feedback.attempt(
        () ->
            review.disposition(
                id,
                kind,
                justification,
                kind == DispositionDecision.DEVIATION ? deviationReference : null,
                signatureForm.take()),
        "Dispositioned " + what + ".")) {
      selected = null;
      refresh();
    }
  }

  public void release() {
    decide(true);
  }

  public void reject() {
    decide(false);
  }

  private void decide(boolean release) {
    long id = batchId;
    Feedback.obtain(
            () ->
                release
                    ? review.release(id, signatureForm.take())
                    : review.reject(id, signatureForm.take()),
            "Batch " + run.batchNumber() + (release ? " released." : " rejected."))
        .ifPresent(
            d -> {
              if (d.archivePackage() != null) {
                Feedback.info("Archive package " + d.archivePackage() + " written.");
              } else {
                Feedback.refuse(d.archiveProblem());
              }
            });
    // Also after a refusal: another reviewer may have decided meanwhile, show the batch as it is.
    refresh();
  }

  /** QA acknowledges the machine data that arrived after the decision, with a signature. */
  public void acknowledgeAfterDecision() {
    long id = batchId;
    String text = conclusion;
    if (Feedback.attempt(
        () -> postRelease.acknowledge(id, text, signatureForm.take()),
        "The data after the decision on batch " + run.batchNumber() + " is reviewed.")) {
      conclusion = null;
    }
    refresh();
  }

  /** Whether QA has released or rejected the batch. */
  public boolean isDecided() {
    return decision != null
        && ("RELEASED".equals(decision.status()) || "REJECTED".equals(decision.status()));
  }

  public PostReleaseData.Summary getAfterDecision() {
    return afterDecision;
  }

  public String getConclusion() {
    return conclusion;
  }

  public void setConclusion(String conclusion) {
    this.conclusion = conclusion;
  }

  /** Whether QA can still disposition and decide: the batch is in review. */
  public boolean isInReview() {
    return decision != null && "IN_REVIEW".equals(decision.status());
  }

  public long getOpenExceptions() {
    return exceptions == null ? 0 : exceptions.stream().filter(ReviewedException::open).count();
  }

  /** The PDF download of the batch report. */
  /** QA or an auditor writes a new archive package of the batch (a numbered one if one exists). */
  public void archive() {
    long id = batchId;
    Feedback.obtain(() -> archive.onDemand(id), null)
        .ifPresent(
            p ->
                Feedback.info(
                    "Archive package " + p.name() + " of batch " + p.batchNumber() + " written."));
    refresh();
  }

  /** The batch's archive packages, oldest first. */
  public List<BatchArchive.ArchivePackage> getArchivePackages() {
    if (archivePackages == null) {
      archivePackages = run == null ? List.of() : archive.packagesOf(run.batchNumber());
    }
    return archivePackages;
  }

  public String getReportLink() {
    return "batch-report?batch=" + batchId;
  }

  /** The batch's completion with the operator's signature; null while it is not completed. */
  public BatchCompletionView getCompletion() {
    return completion;
  }

  public BatchRunView getRun() {
    return run;
  }

  public Disposition getDecision() {
    return decision;
  }

  public List<ReviewedException> getExceptions() {
    return exceptions;
  }

  public ProcessCharts getProcessData() {
    return processData;
  }

  /** The business identifier of an audited record of the batch, e.g. "batch B-1 step 2". */
  public String recordLabel(AuditEntry entry) {
    return auditLabels.getOrDefault(
        com.batchtrace.compliance.audit.boundary.AuditSearch.key(
            entry.recordType(), entry.recordId()),
        "");
  }

  public List<AuditEntry> getAuditTrail() {
    return auditTrail;
  }

  public List<LotGenealogy> getGenealogyTrees() {
    return genealogyTrees;
  }

  public ReviewedException getSelected() {
    return selected;
  }

  public Long getBatchId() {
    return batchId;
  }

  public void setBatchId(Long batchId) {
    this.batchId = batchId;
  }

  public String getDecisionKind() {
    return decisionKind;
  }

  public void setDecisionKind(String decisionKind) {
    this.decisionKind = decisionKind;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getDeviationReference() {
    return deviationReference;
  }

  public void setDeviationReference(String deviationReference) {
    this.deviationReference = deviationReference;
  }
}
