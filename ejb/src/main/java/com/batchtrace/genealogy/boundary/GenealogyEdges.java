package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The genealogy's edges and the lots' own rules: a lot consumed by a batch (input edge) and a lot a
 * batch produced (output edge). Only the execution context writes them, inside its commands, after
 * its own rules (step order, the step's material and tolerance) passed: it is the one door for the
 * terminal, the REST API and machine events (the architecture tests keep it so).
 */
@ApplicationScoped
public class GenealogyEdges {

  @PersistenceContext EntityManager em;

  @Inject GenealogyQueries genealogy;

  @Inject Clock clock;

  @Inject CurrentActor currentActor;

  /** The lot with this number, locked for a charge; refused when there is none. */
  @Transactional(Transactional.TxType.MANDATORY)
  public MaterialLot lotForCharge(String lotNumber) {
    if (lotNumber == null || lotNumber.isBlank()) {
      throw new RuleViolation("Scan or enter the lot number. Nothing was charged.");
    }
    return em.createQuery("select l from MaterialLot l where l.lotNumber = :n", MaterialLot.class)
        .setParameter("n", lotNumber.strip())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "There is no lot "
                        + lotNumber.strip()
                        + ": check the label and scan again. Nothing was charged."));
  }

  /**
   * Why the lot cannot go into the batch, or empty: it must be one of the record's materials,
   * released, not expired, with enough left, and not made from this batch itself. Changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<String> refusalOfConsumption(Batch batch, MaterialLot lot, BigDecimal quantity) {
    try {
      requireConsumable(batch, lot, quantity, SiteZone.today(clock));
      return Optional.empty();
    } catch (RuleViolation refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** The lot goes into the batch's step: an input edge; the lot's remaining quantity drops. */
  @Transactional(Transactional.TxType.MANDATORY)
  public LotConsumption consume(
      Batch batch, int stepPosition, MaterialLot lot, BigDecimal quantity) {
    LocalDate today = SiteZone.today(clock);
    requireConsumable(batch, lot, quantity, today);
    batch.charge();
    lot.consume(quantity, today);
    LotConsumption edge = new LotConsumption(batch, stepPosition, lot, quantity, clock.instant());
    Actor by = currentActor.get();
    if (!by.isSystem()) {
      edge.chargedBy(by.userId());
    }
    em.persist(edge);
    return edge;
  }

  /** A lot the batch produced, received into quarantine: an output edge. */
  @Transactional(Transactional.TxType.MANDATORY)
  public MaterialLot produce(Batch batch, String lotNumber, BigDecimal quantity) {
    if (lotNumber != null
        && !em.createQuery("select l.id from MaterialLot l where l.lotNumber = :n", Long.class)
            .setParameter("n", lotNumber.strip())
            .getResultList()
            .isEmpty()) {
      throw new RuleViolation(
          "Lot number " + lotNumber.strip() + " exists already. Nothing was completed.");
    }
    MaterialLot lot =
        MaterialLot.producedBy(batch, lotNumber, quantity, clock.instant(), SiteZone.today(clock));
    em.persist(lot);
    return lot;
  }

  private void requireConsumable(
      Batch batch, MaterialLot lot, BigDecimal quantity, LocalDate today) {
    if (genealogy.wouldCycle(batch.getId(), lot.getId())) {
      throw new RuleViolation(
          "Lot "
              + lot.getLotNumber()
              + " was made from batch "
              + batch.getBatchNumber()
              + " itself: charging it would make the genealogy a cycle. Nothing was charged.");
    }
    boolean required =
        batch.getMasterBatchRecord().getSteps().stream()
            .flatMap(step -> step.getMaterials().stream())
            .anyMatch(m -> m.getMaterial().getId().equals(lot.getMaterial().getId()));
    if (!required) {
      throw new RuleViolation(
          "Lot "
              + lot.getLotNumber()
              + " is "
              + lot.getMaterial().getCode()
              + ", which "
              + batch.getMasterBatchRecord().describe()
              + " does not use. Nothing was charged.");
    }
    batch.requireChargeable();
    lot.requireConsumable(quantity, today);
  }
}
