package com.batchtrace.web.review;

import com.batchtrace.masterdata.boundary.MasterBatchRecordService;
import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.web.admin.RecordComparison;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Backing bean of review/recipes.xhtml: master batch records waiting for QA, the selected one in
 * full, and QA's approval (signature dialog) or return to draft.
 */
@Named
@ViewScoped
public class RecordApprovalPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MasterBatchRecordService records;

  @Inject SignatureForm signatureForm;

  private List<MasterBatchRecordView> all;
  private MasterBatchRecordView selected;
  private String returnReason;

  public void select(MasterBatchRecordView record) {
    selected = record;
  }

  public void approve() {
    long id = selected.id();
    String what = selected.product() + " version " + selected.recordVersion();
    if (Feedback.attempt(
        () -> records.approve(id, signatureForm.take()),
        "Master batch record " + what + " approved.")) {
      refresh(id);
    }
  }

  public void sendBack() {
    long id = selected.id();
    if (Feedback.attempt(
        () -> records.returnToDraft(id, returnReason), "Sent back to its author as a draft.")) {
      returnReason = null;
      refresh(id);
    }
  }

  private void refresh(long id) {
    all = null;
    selected = records.read(id).orElse(null);
  }

  /** Every record, those waiting for QA's approval first (the sort is stable: by product after). */
  public List<MasterBatchRecordView> getAll() {
    if (all == null) {
      all =
          records.all().stream()
              .sorted(Comparator.comparing(r -> !"IN_REVIEW".equals(r.status())))
              .toList();
    }
    return all;
  }

  /**
   * The version QA compares the selected one with: the latest approved (or since retired) version
   * of the same product before it; null for a product's first version.
   */
  public MasterBatchRecordView getPreviousApproved() {
    if (selected == null) {
      return null;
    }
    return getAll().stream()
        .filter(r -> r.product().equals(selected.product()))
        .filter(r -> r.recordVersion() < selected.recordVersion())
        .filter(r -> r.status().equals("APPROVED") || r.status().equals("RETIRED"))
        .max(Comparator.comparingInt(MasterBatchRecordView::recordVersion))
        .orElse(null);
  }

  /**
   * What changed from the previously approved version: its yield limits, then step by step (empty
   * without one).
   */
  public List<RecordComparison.Row> getComparison() {
    MasterBatchRecordView previous = getPreviousApproved();
    return previous == null
        ? List.of()
        : RecordComparison.of(
            previous, selected.steps(), selected.yieldLowPercent(), selected.yieldHighPercent());
  }

  public MasterBatchRecordView getSelected() {
    return selected;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public void setReturnReason(String returnReason) {
    this.returnReason = returnReason;
  }
}
