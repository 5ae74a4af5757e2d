package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.platform.Quantities;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Batches and the genealogy they write: created from an approved master batch record version,
 * charged with released lots (each charge an input edge), completed into output lots (the output
 * edges). Every refusal says which rule and changes nothing.
 */
@ApplicationScoped
public class BatchService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject GenealogyQueries genealogy;

  @Inject LotService lots;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** A planned batch of an approved master batch record version, on a line. */
  @Transactional
  public BatchView create(
      String batchNumber, long masterBatchRecordId, long lineId, BigDecimal plannedQuantity) {
    actor.require(Roles.ADMIN);
    MasterBatchRecord record = em.find(MasterBatchRecord.class, masterBatchRecordId);
    if (record == null) {
      throw new RuleViolation(
          "There is no master batch record with id " + masterBatchRecordId + ".");
    }
    if (batchNumber != null && byNumber(batchNumber.strip()).isPresent()) {
      throw new RuleViolation(
          "Batch number " + batchNumber.strip() + " exists already. Nothing was created.");
    }
    Batch batch =
        new Batch(
            batchNumber,
            record,
            em.find(Equipment.class, lineId),
            plannedQuantity,
            clock.instant());
    auditTrail.creating(null, "Batch created from " + record.describe());
    em.persist(batch);
    em.flush();
    return BatchView.of(batch);
  }

  /**
   * Charges a quantity of a lot into the batch: the lot must be one of the record's materials,
   * released, not expired, with enough left, and must not come from this batch itself.
   */
  @Transactional
  public BatchView charge(long batchId, String lotNumber, BigDecimal quantity) {
    return charge(batchId, null, lotNumber, quantity);
  }

  /** As {@link #charge(long, String, BigDecimal)}, into one step of the batch (a terminal scan). */
  @Transactional
  public BatchView charge(
      long batchId, Integer stepPosition, String lotNumber, BigDecimal quantity) {
    actor.require(Roles.OPERATOR, Roles.ADMIN);
    Batch batch = lockedBatch(batchId);
    MaterialLot lot = lockedLot(lotNumber);
    LocalDate today = SiteZone.today(clock);
    requireChargeable(batch, lot, quantity, today);
    batch.charge();
    lot.consume(quantity, today);
    auditTrail.modifying(
        "Charged "
            + quantity.stripTrailingZeros().toPlainString()
            + " into batch "
            + batch.getBatchNumber(),
        "lot " + lot.getLotNumber());
    em.persist(new LotConsumption(batch, stepPosition, lot, quantity, clock.instant()));
    em.flush();
    return BatchView.of(batch);
  }

  /**
   * Why the charge would be refused, or empty when it would be accepted; changes nothing. For
   * callers that record a refusal in the same transaction (a scale's or scanner's charge event).
   */
  @Transactional
  public Optional<String> refusalOfCharge(long batchId, String lotNumber, BigDecimal quantity) {
    try {
      requireChargeable(
          lockedBatch(batchId), lockedLot(lotNumber), quantity, SiteZone.today(clock));
      return Optional.empty();
    } catch (RuleViolation refused) {
      return Optional.of(refused.getMessage());
    }
  }

  private void requireChargeable(
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

  /** Completes the batch: its output lots are received into quarantine; the batch awaits review. */
  @Transactional
  public List<LotView> complete(long batchId, List<Output> outputs) {
    actor.require(Roles.OPERATOR, Roles.ADMIN);
    if (outputs == null || outputs.isEmpty()) {
      throw new RuleViolation("A completed batch produces at least one lot.");
    }
    Batch batch = lockedBatch(batchId);
    batch.complete(clock.instant());
    auditTrail.modifying(
        "Batch " + batch.getBatchNumber() + " completed", "batch " + batch.getBatchNumber());
    LocalDate today = SiteZone.today(clock);
    List<MaterialLot> made =
        outputs.stream()
            .map(
                o -> {
                  if (o.lotNumber() != null
                      && lots.findByNumber(o.lotNumber().strip()).isPresent()) {
                    throw new RuleViolation(
                        "Lot number "
                            + o.lotNumber().strip()
                            + " exists already. Nothing was completed.");
                  }
                  MaterialLot lot =
                      MaterialLot.producedBy(
                          batch, o.lotNumber(), o.quantity(), clock.instant(), today);
                  em.persist(lot);
                  return lot;
                })
            .toList();
    em.flush();
    return made.stream().map(l -> lots.find(l.getId()).orElseThrow()).toList();
  }

  @Transactional
  public Optional<BatchView> find(long id) {
    return Optional.ofNullable(em.find(Batch.class, id)).map(BatchView::of);
  }

  /** How many batches there are, for paging. */
  @Transactional
  public long count() {
    return em.createQuery("select count(b) from Batch b", Long.class).getSingleResult();
  }

  /** One page of batches, newest first. */
  @Transactional
  public List<BatchView> list(int offset, int limit) {
    return em.createQuery(
            "select b from Batch b join fetch b.product join fetch b.masterBatchRecord"
                + " join fetch b.line order by b.createdAt desc, b.id desc",
            Batch.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(BatchView::of)
        .toList();
  }

  /** The lots charged into a batch, in the order they were charged. */
  @Transactional
  public List<Charge> charges(long batchId) {
    return em.createQuery(
            "select c from LotConsumption c join fetch c.lot l join fetch l.material"
                + " where c.batch.id = :b order by c.consumedAt, c.id",
            LotConsumption.class)
        .setParameter("b", batchId)
        .getResultStream()
        .map(
            c ->
                new Charge(
                    c.getStepPosition(),
                    c.getLot().getLotNumber(),
                    c.getLot().getMaterial().getCode(),
                    Quantities.plain(c.getQuantity()),
                    c.getLot().getMaterial().getUnit(),
                    c.getConsumedAt()))
        .toList();
  }

  /** The lots a batch produced. */
  @Transactional
  public List<LotView> outputs(long batchId) {
    return em.createQuery(
            "select l.id from MaterialLot l where l.producedBy.id = :b order by l.id", Long.class)
        .setParameter("b", batchId)
        .getResultStream()
        .map(id -> lots.find(id).orElseThrow())
        .toList();
  }

  private Optional<Batch> byNumber(String number) {
    return em.createQuery("select b from Batch b where b.batchNumber = :n", Batch.class)
        .setParameter("n", number)
        .getResultStream()
        .findFirst();
  }

  private Batch lockedBatch(long id) {
    Batch batch = em.find(Batch.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + id + ".");
    }
    return batch;
  }

  private MaterialLot lockedLot(String lotNumber) {
    if (lotNumber == null || lotNumber.isBlank()) {
      throw new RuleViolation("Enter or scan the lot number to charge.");
    }
    return em.createQuery("select l from MaterialLot l where l.lotNumber = :n", MaterialLot.class)
        .setParameter("n", lotNumber.strip())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "There is no lot with number " + lotNumber.strip() + ". Nothing was charged."));
  }

  /**
   * A lot charged into a batch.
   *
   * @param stepPosition the step it was charged into, or null when charged outside a step
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
      Instant chargedAt) {}

  /**
   * A lot a completed batch produced.
   *
   * @param lotNumber its number (unique)
   * @param quantity how much
   */
  public record Output(String lotNumber, BigDecimal quantity) {}
}
