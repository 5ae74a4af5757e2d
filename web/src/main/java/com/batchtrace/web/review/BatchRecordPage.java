package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.web.shell.PagedModel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of review/batches.xhtml: every batch, whatever its status, newest first; each opens
 * the batch review page (review/batch.xhtml) with its whole electronic record.
 */
@Named
@ViewScoped
public class BatchRecordPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private String numberPart;
  private String status;
  private String appliedNumber;
  private String appliedStatus;

  private final PagedModel<BatchView> batches =
      new PagedModel<>(
          () -> service().count(appliedNumber, appliedStatus),
          (offset, limit) -> service().list(appliedNumber, appliedStatus, offset, limit));

  /** Applies the filters; the table reloads from its first page. */
  public void apply() {
    appliedNumber = numberPart;
    appliedStatus = status;
  }

  /** The statuses of a batch, in the order a batch goes through them. */
  public List<String> getStatuses() {
    return List.of("PLANNED", "IN_PROGRESS", "COMPLETED", "IN_REVIEW", "RELEASED", "REJECTED");
  }

  public String getNumberPart() {
    return numberPart;
  }

  public void setNumberPart(String numberPart) {
    this.numberPart = numberPart;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  private static BatchService service() {
    return CDI.current().select(BatchService.class).get();
  }

  public PagedModel<BatchView> getBatches() {
    return batches;
  }
}
