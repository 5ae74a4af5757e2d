package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.PagedQuery;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Receives lots into quarantine; QA releases or rejects them with a signature. */
@ApplicationScoped
public class LotService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject MaterialService materials;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** A lot arrives: it is in quarantine until QA decides. */
  @Transactional
  public LotView receive(LotReceipt receipt) {
    if (receipt == null) {
      throw new RuleViolation("The request has no lot.");
    }
    actor.require(Roles.ADMIN);
    Material material =
        materials
            .find(receipt.materialCode())
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "There is no material with code '"
                            + receipt.materialCode()
                            + "'. Nothing was received."));
    if (receipt.lotNumber() != null && byNumber(receipt.lotNumber().strip()).isPresent()) {
      throw new RuleViolation(
          "Lot number "
              + receipt.lotNumber().strip()
              + " exists already; lot numbers are unique. Nothing was received.");
    }
    MaterialLot lot =
        new MaterialLot(
            receipt.lotNumber(),
            material,
            receipt.quantity(),
            receipt.expiry(),
            receipt.supplierLot(),
            clock.instant(),
            SiteZone.today(clock));
    auditTrail.creating(receipt.reason(), "Lot received into quarantine");
    em.persist(lot);
    em.flush();
    return view(lot);
  }

  /** QA releases a lot in quarantine, signing "released". */
  public LotView release(long id, SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
          actor.require(Roles.QA_REVIEWER);
          MaterialLot lot = locked(id);
          lot.release(SiteZone.today(clock));
          return decide(lot, signature, SignatureMeaning.RELEASED, "Lot released by QA");
        });
  }

  /** QA rejects a lot in quarantine, signing "rejected"; the reason is required. */
  public LotView reject(long id, SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
          actor.require(Roles.QA_REVIEWER);
          if (signature == null || signature.comment() == null || signature.comment().isBlank()) {
            throw new RuleViolation("Say why the lot is rejected. Nothing was changed.");
          }
          MaterialLot lot = locked(id);
          lot.reject();
          return decide(lot, signature, SignatureMeaning.REJECTED, "Lot rejected by QA");
        });
  }

  /**
   * The lots a batch produced take QA's decision on the batch, in the batch's signed transaction:
   * released with it (usable by other batches) or rejected with it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<LotView> decideWithBatch(long batchId, boolean release) {
    List<MaterialLot> made =
        em.createQuery(
                "select l from MaterialLot l where l.producedBy.id = :b order by l.id",
                MaterialLot.class)
            .setParameter("b", batchId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    LocalDate today = SiteZone.today(clock);
    for (MaterialLot lot : made) {
      if (release) {
        lot.release(today);
      } else {
        lot.reject();
      }
    }
    em.flush();
    return made.stream().map(this::view).toList();
  }

  private LotView decide(
      MaterialLot lot, SignatureRequest signature, SignatureMeaning meaning, String what) {
    if (signature == null) {
      throw new RuleViolation("QA's decision on a lot needs your signature. Nothing was changed.");
    }
    auditTrail.modifying(
        signature.comment() == null || signature.comment().isBlank()
            ? what
            : what + ": " + signature.comment().strip(),
        "lot " + lot.getLotNumber());
    signatures.sign(signature, meaning, lot, Roles.QA_REVIEWER);
    em.flush();
    return view(lot);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<LotView> find(long id) {
    return em.createQuery(
            "select l from MaterialLot l join fetch l.material where l.id = :id", MaterialLot.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .map(this::view);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<LotView> findByNumber(String lotNumber) {
    return em.createQuery(
            "select l from MaterialLot l join fetch l.material where l.lotNumber = :n",
            MaterialLot.class)
        .setParameter("n", lotNumber)
        .getResultStream()
        .findFirst()
        .map(this::view);
  }

  /** Lots with the given disposition (all when null), newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<LotView> list(LotDisposition disposition, int limit) {
    return em
        .createQuery(
            "select l from MaterialLot l join fetch l.material"
                + " where (:d is null or l.disposition = :d) order by l.receivedAt desc, l.id desc",
            MaterialLot.class)
        .setParameter("d", disposition)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  /** The columns the list of lots sorts by, in the words of its column headers. */
  public static final ListOrder RECEIVED =
      new ListOrder(
          "Lots",
          Map.of(
              "lot", "l.lotNumber",
              "material", "m.code",
              "received", "l.receivedAt",
              "expiry", "l.expiry",
              "left", "l.remainingQuantity"),
          "l.id");

  /**
   * The columns the decided lots sort by. Native SQL: the decision's revision is in the Envers
   * table, which JPQL does not see.
   */
  public static final ListOrder DECIDED =
      new ListOrder(
          "Decided lots",
          Map.of(
              "decided",
              "(select min(a.rev) from batchtrace.material_lot_aud a"
                  + " where a.id = l.id and a.disposition = l.disposition)",
              "lot",
              "l.lot_number",
              "material",
              "m.code"),
          "l.id");

  /**
   * One page of the lots with the given disposition (all when null), newest received first, with
   * their total.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<LotView> page(LotDisposition disposition, int offset, int limit) {
    return page(disposition, LotQuery.ALL, offset, limit);
  }

  /**
   * One page of the lots with the given disposition (all when null) that match the query, in its
   * order, with their total. Filtering and sorting happen in the database: the list may be long.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<LotView> page(LotDisposition disposition, LotQuery query, int offset, int limit) {
    PagedQuery filter =
        new PagedQuery()
            .and("l.disposition = :disposition", "disposition", disposition)
            .and(
                "(lower(l.lotNumber) like :part escape '!' or lower(m.code) like :part escape '!'"
                    + " or lower(m.name) like :part escape '!'"
                    + " or lower(l.supplierLot) like :part escape '!')",
                "part",
                ListFilter.part("lots", query.text()));
    if (query.status() != null) {
      // The status rule of MaterialLot.status, as a condition.
      switch (query.status()) {
        case REJECTED -> filter.and("l.disposition = :rejected");
        case EXPIRED -> filter.and("l.disposition <> :rejected and l.expiry < :today");
        case CONSUMED ->
            filter.and(
                "l.disposition <> :rejected and l.expiry >= :today and l.remainingQuantity = 0");
        case QUARANTINE, RELEASED ->
            filter
                .and("l.disposition = :status and l.expiry >= :today and l.remainingQuantity > 0")
                .with("status", LotDisposition.valueOf(query.status().name()));
      }
      if (query.status() != LotQuery.Status.QUARANTINE
          && query.status() != LotQuery.Status.RELEASED) {
        filter.with("rejected", LotDisposition.REJECTED);
      }
      if (query.status() != LotQuery.Status.REJECTED) {
        filter.with("today", SiteZone.today(clock));
      }
    }
    return ListFilter.days(filter, "l.receivedAt", query.receivedFrom(), query.receivedTo())
        .page(
            em,
            "select count(l) from MaterialLot l join l.material m",
            "select l from MaterialLot l join fetch l.material m",
            RECEIVED.orderBy(query.sort()),
            MaterialLot.class,
            offset,
            limit,
            this::view);
  }

  /**
   * One page of the lots QA has decided on (released or rejected, also with their batch), the
   * latest decision first: the audit revision in which each lot took its present disposition.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<LotView> decided(int offset, int limit) {
    return decided(LotQuery.ALL_DECIDED, offset, limit);
  }

  /**
   * One page of the decided lots whose number or material contains the query's text, in the query's
   * order (by default the latest decision first), with their total.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<LotView> decided(LotQuery query, int offset, int limit) {
    // Native: the decision's revision is in the Envers table, which JPQL does not see.
    String from =
        " from batchtrace.material_lot l join batchtrace.material m on m.id = l.material_id";
    PagedQuery filter =
        new PagedQuery()
            .and("l.disposition <> 'QUARANTINE'")
            .and(
                "(lower(l.lot_number) like :part escape '!' or lower(m.code) like :part escape '!'"
                    + " or lower(m.name) like :part escape '!')",
                "part",
                ListFilter.part("lots", query.text()));
    long total =
        ((Number)
                filter
                    .bind(em.createNativeQuery("select count(*)" + from + filter.where()))
                    .getSingleResult())
            .longValue();
    if (limit <= 0 || total == 0) {
      return new Page<>(List.of(), total);
    }
    var select =
        filter.bind(
            em.createNativeQuery(
                "select l.id"
                    + from
                    + filter.where()
                    + DECIDED.orderBy(query.sort())
                    + " offset :offset limit :limit"));
    List<Long> ids =
        ((List<?>)
                select.setParameter("offset", offset).setParameter("limit", limit).getResultList())
            .stream().map(id -> ((Number) id).longValue()).toList();
    if (ids.isEmpty()) {
      return new Page<>(List.of(), total);
    }
    Map<Long, MaterialLot> byId =
        em.createQuery(
                "select l from MaterialLot l join fetch l.material where l.id in :ids",
                MaterialLot.class)
            .setParameter("ids", ids)
            .getResultStream()
            .collect(Collectors.toMap(MaterialLot::getId, l -> l));
    return new Page<>(ids.stream().map(byId::get).map(this::view).toList(), total);
  }

  private Optional<MaterialLot> byNumber(String lotNumber) {
    return em.createQuery("select l from MaterialLot l where l.lotNumber = :n", MaterialLot.class)
        .setParameter("n", lotNumber)
        .getResultStream()
        .findFirst();
  }

  /** The lot, locked: two QA decisions on one lot at once cannot both win. */
  private MaterialLot locked(long id) {
    MaterialLot lot = em.find(MaterialLot.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (lot == null) {
      throw new RuleViolation("There is no lot with id " + id + ".");
    }
    return lot;
  }

  private LotView view(MaterialLot lot) {
    return LotView.of(lot, SiteZone.today(clock), signatures.signaturesOf(lot));
  }
}
