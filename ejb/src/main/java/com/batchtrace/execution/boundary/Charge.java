package com.batchtrace.execution.boundary;

import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.platform.Quantities;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lot charged into a batch.
 *
 * @param stepPosition the step it was charged into, or null for a charge made outside a step
 *     (records from before every charge went through a step)
 * @param lotNumber the lot
 * @param materialCode its material
 * @param quantity how much was charged
 * @param unit the material's unit
 * @param chargedAt when
 */
public record Charge(
    Integer stepPosition,
    String lotNumber,
    String materialCode,
    BigDecimal quantity,
    String unit,
    Instant chargedAt)
    implements Serializable {

  static Charge of(LotConsumption c) {
    return new Charge(
        c.getStepPosition(),
        c.getLot().getLotNumber(),
        c.getLot().getMaterial().getCode(),
        Quantities.plain(c.getQuantity()),
        c.getLot().getMaterial().getUnit(),
        c.getConsumedAt());
  }
}
