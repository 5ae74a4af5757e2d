package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.web.shell.PagedModel;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backing bean of review/batches.xhtml: every batch, whatever its status, newest first; each opens
 * the batch review page (review/batch.xhtml) with its whole electronic record.
 */
@Named
@ViewScoped
public class BatchRecordPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private final PagedModel<BatchView> batches =
      new PagedModel<>(() -> service().count(), (offset, limit) -> service().list(offset, limit));

  private static BatchService service() {
    return CDI.current().select(BatchService.class).get();
  }

  public PagedModel<BatchView> getBatches() {
    return batches;
  }
}
