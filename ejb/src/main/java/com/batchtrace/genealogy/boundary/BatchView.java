package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.platform.Quantities;
import java.io.Serializable;
import java.math.BigDecimal;

/** A batch as pages and JSON show it. */
public record BatchView(
    long id,
    String batchNumber,
    String product,
    long masterBatchRecordId,
    int recordVersion,
    String line,
    String status,
    BigDecimal plannedQuantity,
    String lineName)
    implements Serializable {

  static BatchView of(Batch b) {
    return new BatchView(
        b.getId(),
        b.getBatchNumber(),
        b.getProduct().getCode(),
        b.getMasterBatchRecord().getId(),
        b.getMasterBatchRecord().getRecordVersion(),
        b.getLine().getUnsPath(),
        b.getStatus().name(),
        Quantities.plain(b.getPlannedQuantity()),
        b.getLine().getName());
  }
}
