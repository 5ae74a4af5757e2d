package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.platform.Quantities;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lot as pages and JSON show it.
 *
 * @param status today's status: QUARANTINE, RELEASED, REJECTED, EXPIRED or CONSUMED
 * @param signatures QA's signatures on the lot, each checked against its content now
 */
public record LotView(
    long id,
    String lotNumber,
    String materialCode,
    String materialName,
    String unit,
    BigDecimal receivedQuantity,
    BigDecimal remainingQuantity,
    String disposition,
    String status,
    LocalDate expiry,
    String supplierLot,
    Instant receivedAt,
    long version,
    List<SignatureView> signatures)
    implements Serializable {

  static LotView of(MaterialLot lot, LocalDate today, List<SignatureView> signatures) {
    return new LotView(
        lot.getId(),
        lot.getLotNumber(),
        lot.getMaterial().getCode(),
        lot.getMaterial().getName(),
        lot.getMaterial().getUnit(),
        Quantities.plain(lot.getReceivedQuantity()),
        Quantities.plain(lot.getRemainingQuantity()),
        lot.getDisposition().name(),
        lot.statusOn(today),
        lot.getExpiry(),
        lot.getSupplierLot(),
        lot.getReceivedAt(),
        lot.getVersion(),
        List.copyOf(signatures));
  }
}
