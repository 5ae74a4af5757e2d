package com.batchtrace.web.review;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.web.shell.PagedModel;
import com.batchtrace.web.shell.ProcessCharts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backing bean of review/batches.xhtml, read-only: the batches, and for the one opened (by its id
 * in the address, so a reviewer can bookmark or share it) its machine data charted per parameter
 * with limits and exception periods, and its exceptions.
 */
@Named
@ViewScoped
public class BatchRecordPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient ProcessSeries processSeries;

  private final PagedModel<BatchView> batches =
      new PagedModel<>(() -> service().count(), (offset, limit) -> service().list(offset, limit));

  private Long batchId;
  private BatchView selected;
  private ProcessCharts processData;

  private static BatchService service() {
    return CDI.current().select(BatchService.class).get();
  }

  /** Loads the batch of the address (f:viewAction); an unknown id shows the list only. */
  public void load() {
    selected = batchId == null ? null : service().find(batchId).orElse(null);
    processData = selected == null ? null : new ProcessCharts(processSeries.of(selected.id()));
  }

  public PagedModel<BatchView> getBatches() {
    return batches;
  }

  public BatchView getSelected() {
    return selected;
  }

  public ProcessCharts getProcessData() {
    return processData;
  }

  public Long getBatchId() {
    return batchId;
  }

  public void setBatchId(Long batchId) {
    this.batchId = batchId;
  }
}
