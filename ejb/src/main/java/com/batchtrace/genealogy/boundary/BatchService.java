package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.PagedQuery;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

  /** The columns the list of batches sorts by, in the words of its column headers. */
  public static final ListOrder BATCHES =
      new ListOrder(
          "Batches",
          Map.of(
              "batch", "b.batchNumber",
              "product", "p.code",
              "line", "l.name",
              "quantity", "b.plannedQuantity",
              "status", "b.status",
              "planned", "b.createdAt"),
          "b.id");

  /**
   * One page of the batches that match the query, in its order, with their total. Filtering and
   * sorting happen in the database: the list grows with every batch.
   */
  @Transactional
  public Page<BatchView> page(BatchQuery query, int offset, int limit) {
    return new PagedQuery()
        .and(
            "lower(b.batchNumber) like :number escape '!'",
            "number",
            ListFilter.part("the batch number", query.number()))
        .and(
            "lower(p.code) like :product escape '!'",
            "product",
            ListFilter.part("the product", query.product()))
        .and("b.status = :status", "status", query.status())
        .page(
            em,
            "select count(b) from Batch b join b.product p join b.line l",
            "select b from Batch b join fetch b.product p join fetch b.masterBatchRecord"
                + " join fetch b.line l",
            BATCHES.orderBy(query.sort()),
            Batch.class,
            offset,
            limit,
            BatchView::of);
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
