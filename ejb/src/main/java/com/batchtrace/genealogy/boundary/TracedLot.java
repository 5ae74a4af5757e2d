package com.batchtrace.genealogy.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot reached by a trace.
 *
 * @param producedByBatch the batch number that produced the lot, null for a received lot
 * @param disposition QA's decision; with expiry and what is left it gives the status
 */
public record TracedLot(
    long id,
    String lotNumber,
    String materialCode,
    String materialKind,
    String disposition,
    LocalDate expiry,
    BigDecimal remainingQuantity,
    String producedByBatch) {}
