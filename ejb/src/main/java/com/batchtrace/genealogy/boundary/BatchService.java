package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Batches as planned work: created from an approved master batch record version on a line, listed
 * and found. Running them (steps, charges, completion) is the execution context's: see {@code
 * execution.boundary.BatchCommands}.
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

  /** How many batches match: a part of the batch number (any case) and a status, each optional. */
  @Transactional
  public long count(String numberPart, String status) {
    return em.createQuery("select count(b) from Batch b" + FILTER, Long.class)
        .setParameter("n", like(numberPart))
        .setParameter("s", statusOf(status))
        .getSingleResult();
  }

  /** One page of the matching batches, newest first. */
  @Transactional
  public List<BatchView> list(String numberPart, String status, int offset, int limit) {
    return em.createQuery(
            "select b from Batch b join fetch b.product join fetch b.masterBatchRecord"
                + " join fetch b.line"
                + FILTER
                + " order by b.createdAt desc, b.id desc",
            Batch.class)
        .setParameter("n", like(numberPart))
        .setParameter("s", statusOf(status))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(BatchView::of)
        .toList();
  }

  private static final String FILTER =
      " where (:n is null or lower(b.batchNumber) like :n escape '!')"
          + " and (:s is null or b.status = :s)";

  private static String like(String part) {
    if (part == null || part.isBlank()) {
      return null;
    }
    String escaped =
        part.strip()
            .toLowerCase(java.util.Locale.ROOT)
            .replace("!", "!!")
            .replace("%", "!%")
            .replace("_", "!_");
    return "%" + escaped + "%";
  }

  private static com.batchtrace.genealogy.entity.BatchStatus statusOf(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return com.batchtrace.genealogy.entity.BatchStatus.valueOf(status.strip());
    } catch (IllegalArgumentException e) {
      throw new com.batchtrace.platform.RuleViolation(
          "'" + status + "' is not a status of a batch.");
    }
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
}
