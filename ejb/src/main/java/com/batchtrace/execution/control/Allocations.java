package com.batchtrace.execution.control;

import com.batchtrace.execution.entity.EquipmentAllocation;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/**
 * Steps on equipment over time: the allocations that give machine data its context. A step runs
 * only on its batch's own line or equipment below it, and equipment runs one step at a time.
 */
@ApplicationScoped
public class Allocations {

  @PersistenceContext EntityManager em;

  /** The step runs on the equipment from {@code at}; the caller has checked the step's rules. */
  public EquipmentAllocation start(Batch batch, int stepPosition, long equipmentId, Instant at) {
    Equipment equipment = em.find(Equipment.class, equipmentId, LockModeType.PESSIMISTIC_WRITE);
    if (equipment == null || !equipment.isActive()) {
      throw new RuleViolation(
          "There is no active equipment with id " + equipmentId + ". Nothing was started.");
    }
    if (!equipment.isWithin(batch.getLine())) {
      throw new RuleViolation(
          equipment.getUnsPath()
              + " is not on "
              + batch.getLine().getName()
              + ", the line of batch "
              + batch.getBatchNumber()
              + ": a step runs only on its batch's own line. Nothing was started.");
    }
    List<EquipmentAllocation> running =
        em.createQuery(
                "select a from EquipmentAllocation a where a.equipment = :e and a.endedAt is null",
                EquipmentAllocation.class)
            .setParameter("e", equipment)
            .getResultList();
    if (!running.isEmpty()) {
      EquipmentAllocation other = running.get(0);
      throw new RuleViolation(
          equipment.getUnsPath()
              + " is running step "
              + other.getStepPosition()
              + " of batch "
              + other.getBatch().getBatchNumber()
              + ": end that step first. Nothing was started.");
    }
    EquipmentAllocation allocation = new EquipmentAllocation(equipment, batch, stepPosition, at);
    em.persist(allocation);
    return allocation;
  }

  /** The step run with this id, locked; refused when there is none. */
  public EquipmentAllocation locked(long allocationId) {
    EquipmentAllocation allocation =
        em.find(EquipmentAllocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
    if (allocation == null) {
      throw new RuleViolation("There is no step run with id " + allocationId + ".");
    }
    return allocation;
  }
}
