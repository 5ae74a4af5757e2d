package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A completed batch's completion as QA reads it beside the operator's "performed" signature: when,
 * what was made against the plan, the yield against the master record's limits and the operator's
 * comment.
 *
 * @param made the quantity of the lots the batch produced, in {@code unit}
 * @param yieldPercent {@code made} in % of {@code planned}, to one decimal
 * @param yieldLowPercent the master record's least yield, or null without limits
 * @param yieldHighPercent the master record's most yield, or null without limits
 * @param comment the operator's comment on the completion, or null for none
 * @param signatures the completion's signatures (one, "performed"), each checked against its
 *     content now
 */
public record BatchCompletionView(
    String batchNumber,
    Instant completedAt,
    BigDecimal planned,
    BigDecimal made,
    String unit,
    BigDecimal yieldPercent,
    BigDecimal yieldLowPercent,
    BigDecimal yieldHighPercent,
    String comment,
    List<SignatureView> signatures)
    implements Serializable {

  public BatchCompletionView {
    signatures = List.copyOf(signatures);
  }

  /** Whether the yield is outside the master record's limits (never without limits). */
  public boolean outsideYieldLimits() {
    return yieldLowPercent != null
        && yieldHighPercent != null
        && (yieldPercent.compareTo(yieldLowPercent) < 0
            || yieldPercent.compareTo(yieldHighPercent) > 0);
  }
}
