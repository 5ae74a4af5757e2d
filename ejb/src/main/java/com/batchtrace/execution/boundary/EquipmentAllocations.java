package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.execution.entity.EquipmentAllocation;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starts and ends batch steps on equipment: the allocations that give machine data its context. The
 * operator terminal (issue 6) starts steps through here; so can an MES over REST.
 */
@ApplicationScoped
public class EquipmentAllocations {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** The step starts now on the equipment, which must not be running another step. */
  @Transactional
  public AllocationView start(long batchId, int stepPosition, long equipmentId) {
    actor.require(Roles.OPERATOR, Roles.ADMIN);
    Batch batch = em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    Equipment equipment = em.find(Equipment.class, equipmentId, LockModeType.PESSIMISTIC_WRITE);
    if (equipment == null || !equipment.isActive()) {
      throw new RuleViolation("There is no active equipment with id " + equipmentId + ".");
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
    batch.start();
    EquipmentAllocation allocation =
        new EquipmentAllocation(equipment, batch, stepPosition, clock.instant());
    auditTrail.creating(
        null,
        "Step " + stepPosition + " of batch " + batch.getBatchNumber() + " started on equipment");
    em.persist(allocation);
    em.flush();
    return AllocationView.of(allocation);
  }

  /** The step ends now on its equipment. */
  @Transactional
  public AllocationView end(long allocationId) {
    actor.require(Roles.OPERATOR, Roles.ADMIN);
    EquipmentAllocation allocation =
        em.find(EquipmentAllocation.class, allocationId, LockModeType.PESSIMISTIC_WRITE);
    if (allocation == null) {
      throw new RuleViolation("There is no step run with id " + allocationId + ".");
    }
    auditTrail.modifying(
        "Step ended",
        "step "
            + allocation.getStepPosition()
            + " of batch "
            + allocation.getBatch().getBatchNumber());
    allocation.end(clock.instant());
    em.flush();
    return AllocationView.of(allocation);
  }

  /** A step run: which step of which batch on which equipment, from when to when. */
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
}
