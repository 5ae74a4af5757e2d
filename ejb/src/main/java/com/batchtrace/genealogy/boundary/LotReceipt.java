package com.batchtrace.genealogy.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A lot arriving at the plant.
 *
 * @param lotNumber the plant's lot number (unique)
 * @param materialCode the material's code
 * @param quantity how much arrived, in the material's unit
 * @param expiry last day the lot may be used
 * @param supplierLot the supplier's own lot number (optional)
 * @param reason optional note for the audit trail
 */
public record LotReceipt(
    String lotNumber,
    String materialCode,
    BigDecimal quantity,
    LocalDate expiry,
    String supplierLot,
    String reason) {}
