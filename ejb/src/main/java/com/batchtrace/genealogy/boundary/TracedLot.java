package com.batchtrace.genealogy.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot reached by a trace.
 *
 * @param producedByBatch the batch number that produced the lot, null for a received lot
 * @param disposition QA's decision
 * @param status today's status (QUARANTINE, RELEASED, REJECTED, EXPIRED, CONSUMED)
 */
public record TracedLot(
    long id,
    String lotNumber,
    String materialCode,
    String materialKind,
    String disposition,
    String status,
    LocalDate expiry,
    BigDecimal remainingQuantity,
    String producedByBatch)
    implements Serializable {

  /** A finished lot: what a recall takes back from the market. */
  public boolean finished() {
    return "FINISHED".equals(materialKind);
  }
}
