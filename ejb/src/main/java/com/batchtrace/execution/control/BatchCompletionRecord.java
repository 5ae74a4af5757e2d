package com.batchtrace.execution.control;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.MaterialLot;
import java.util.List;

/**
 * What the operator's "performed" signature on a batch's completion is linked to: the batch, its
 * plan and yield limits, when it was completed, the operator's comment (when there is one) and the
 * lots it produced with the quantities received. Not the batch's status or its lots' statuses:
 * review and release change those. If any of this changes after signing, the signature shows as
 * INVALID.
 */
public record BatchCompletionRecord(Batch batch, List<MaterialLot> produced)
    implements SignedRecord {

  public static final String TYPE = "BatchCompletion";

  @Override
  public String recordType() {
    return TYPE;
  }

  @Override
  public String recordId() {
    return String.valueOf(batch.getId());
  }

  @Override
  public SignedContent content() {
    SignedContent content =
        SignedContent.of(TYPE)
            .field("batch", batch.getBatchNumber())
            .field("product", batch.getProduct().getCode())
            .field("masterBatchRecord", batch.getMasterBatchRecord().describe())
            .field("plannedQuantity", batch.getPlannedQuantity())
            .field("unit", batch.getProduct().getUnit())
            .field("yieldLowPercent", batch.getMasterBatchRecord().getYieldLowPercent())
            .field("yieldHighPercent", batch.getMasterBatchRecord().getYieldHighPercent())
            .field("completedAt", batch.getCompletedAt());
    // Only when there is one: a completion signed before the comment was kept keeps its content.
    if (batch.getCompletionComment() != null) {
      content.field("comment", batch.getCompletionComment());
    }
    return content.list(
        "produced",
        produced,
        (lot, c) ->
            c.field("lot", lot.getLotNumber())
                .field("material", lot.getMaterial().getCode())
                .field("quantity", lot.getReceivedQuantity())
                .field("unit", lot.getMaterial().getUnit()));
  }

  /** Made after format 2: there are no format 1 signatures of this record. */
  @Override
  public String legacyContent() {
    return content().canonical();
  }
}
