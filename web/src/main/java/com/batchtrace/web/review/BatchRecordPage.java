package com.batchtrace.web.review;

import com.batchtrace.web.shell.BatchList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backing bean of review/batches.xhtml: every batch, whatever its status, filtered and sorted by
 * column; each opens the batch review page (review/batch.xhtml) with its whole electronic record.
 */
@Named
@ViewScoped
public class BatchRecordPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private final BatchList list =
      new BatchList("No batches yet; batches are planned under Admin › Batches.");

  public BatchList getList() {
    return list;
  }
}
