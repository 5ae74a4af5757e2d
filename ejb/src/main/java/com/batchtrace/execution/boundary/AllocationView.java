package com.batchtrace.execution.boundary;

import com.batchtrace.execution.entity.EquipmentAllocation;
import java.time.Instant;

/** A step run on equipment: which step of which batch on which equipment, from when to when. */
public record AllocationView(
    long id,
    long batchId,
    String batchNumber,
    int stepPosition,
    long equipmentId,
    String equipment,
    Instant startedAt,
    Instant endedAt) {

  static AllocationView of(EquipmentAllocation a) {
    return new AllocationView(
        a.getId(),
        a.getBatch().getId(),
        a.getBatch().getBatchNumber(),
        a.getStepPosition(),
        a.getEquipment().getId(),
        a.getEquipment().getUnsPath(),
        a.getStartedAt(),
        a.getEndedAt());
  }
}
