package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.audit.boundary.RecordRevision;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.masterdata.entity.RecordStatus;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authors, reviews and approves master batch records. Every write is audited; approval is QA's
 * signature ("approved") and never the author's.
 */
@ApplicationScoped
public class MasterBatchRecordService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject MaterialService materials;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** A new draft: the next version of the product's record. */
  @Transactional
  public MasterBatchRecordView create(
      String productCode, List<RecordSpec.Step> steps, String reason) {
    return create(productCode, steps, null, null, reason);
  }

  /**
   * A new draft with yield limits in % of the planned quantity (both or none): a batch completed
   * outside them needs a comment and raises an exception for QA.
   */
  @Transactional
  public MasterBatchRecordView create(
      String productCode,
      List<RecordSpec.Step> steps,
      BigDecimal yieldLowPercent,
      BigDecimal yieldHighPercent,
      String reason) {
    actor.require(Roles.ADMIN);
    Material product = material(productCode);
    Integer latest =
        em.createQuery(
                "select max(r.recordVersion) from MasterBatchRecord r where r.product = :p",
                Integer.class)
            .setParameter("p", product)
            .getSingleResult();
    MasterBatchRecord record =
        new MasterBatchRecord(
            product, latest == null ? 1 : latest + 1, actor.get().userId(), clock.instant());
    record.limitYield(yieldLowPercent, yieldHighPercent);
    writeSteps(record, steps);
    auditTrail.creating(reason, "Master batch record draft created");
    em.persist(record);
    em.flush();
    return view(record);
  }

  /** Replaces the steps of a draft; the reason is required. */
  @Transactional
  public MasterBatchRecordView replaceSteps(long id, List<RecordSpec.Step> steps, String reason) {
    actor.require(Roles.ADMIN);
    MasterBatchRecord record = locked(id);
    auditTrail.modifying(reason, record.describe());
    return rewriteSteps(record, steps);
  }

  private MasterBatchRecordView rewriteSteps(
      MasterBatchRecord record, List<RecordSpec.Step> steps) {
    record.clearSteps();
    em.flush();
    writeSteps(record, steps);
    em.flush();
    return view(record);
  }

  /**
   * Saves a draft as the author edited it: its yield limits (in % of the planned quantity, both or
   * none) and its steps, with the reason for the change, in one audited revision; a refused limit
   * or step saves nothing.
   */
  @Transactional
  public MasterBatchRecordView saveDraft(
      long id,
      List<RecordSpec.Step> steps,
      BigDecimal yieldLowPercent,
      BigDecimal yieldHighPercent,
      String reason) {
    actor.require(Roles.ADMIN);
    MasterBatchRecord record = locked(id);
    auditTrail.modifying(reason, record.describe());
    record.limitYield(yieldLowPercent, yieldHighPercent);
    return rewriteSteps(record, steps);
  }

  @Transactional
  public MasterBatchRecordView submit(long id, String reason) {
    actor.require(Roles.ADMIN);
    MasterBatchRecord record = locked(id);
    auditTrail.modifying(
        reason == null || reason.isBlank() ? "Submitted for review" : reason, record.describe());
    record.submitForReview();
    em.flush();
    return view(record);
  }

  /**
   * QA approves a version in review with a signature; the previously approved version of the
   * product is retired in the same transaction.
   */
  public MasterBatchRecordView approve(long id, SignatureRequest signature) {
    return signatures.signing(
        signature,
        () -> {
          actor.require(Roles.QA_REVIEWER);
          if (signature == null) {
            throw new RuleViolation("Approval needs your signature. Nothing was changed.");
          }
          MasterBatchRecord record = locked(id);
          Set<String> draftEditors = draftEditorsOf(record);
          record.requireApprovableBy(actor.get().userId(), draftEditors);
          auditTrail.modifying(
              signature.comment() == null || signature.comment().isBlank()
                  ? "Approved by QA"
                  : "Approved by QA: " + signature.comment().strip(),
              record.describe());
          // The previous approved version is retired first: one approved version per product.
          em.createQuery(
                  "select r from MasterBatchRecord r where r.product = :p and r.status = :s"
                      + " and r.id <> :id",
                  MasterBatchRecord.class)
              .setParameter("p", record.getProduct())
              .setParameter("s", RecordStatus.APPROVED)
              .setParameter("id", record.getId())
              .getResultList()
              .forEach(MasterBatchRecord::retire);
          em.flush();
          record.approve(actor.get().userId(), draftEditors);
          em.flush();
          signatures.sign(signature, SignatureMeaning.APPROVED, record, Roles.QA_REVIEWER);
          em.flush();
          return view(record);
        });
  }

  /**
   * Who wrote or edited the version while it was a draft, from its audit trail: every revision that
   * left it a draft (created, steps replaced, returned to draft and changed again).
   */
  private Set<String> draftEditorsOf(MasterBatchRecord record) {
    return auditTrail
        .historyOf(MasterBatchRecord.class, record.getId(), r -> r.getStatus())
        .stream()
        .filter(revision -> revision.state() == RecordStatus.DRAFT)
        .map(RecordRevision::userId)
        .collect(Collectors.toSet());
  }

  /** QA sends a version in review back to its author as a draft. */
  @Transactional
  public MasterBatchRecordView returnToDraft(long id, String reason) {
    actor.require(Roles.QA_REVIEWER);
    MasterBatchRecord record = locked(id);
    auditTrail.modifying(reason, record.describe());
    record.returnToDraft();
    em.flush();
    return view(record);
  }

  /** A new draft version with the same content as an existing version. */
  @Transactional
  public MasterBatchRecordView newVersion(long id, String reason) {
    MasterBatchRecord source = find(id);
    return create(
        source.getProduct().getCode(),
        MasterBatchRecordView.of(source, List.of()).steps(),
        source.getYieldLowPercent(),
        source.getYieldHighPercent(),
        reason);
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public Optional<MasterBatchRecordView> read(long id) {
    return Optional.ofNullable(em.find(MasterBatchRecord.class, id)).map(this::view);
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public List<MasterBatchRecordView> all() {
    return em
        .createQuery(
            "select r from MasterBatchRecord r join fetch r.product order by r.product.code, r.recordVersion",
            MasterBatchRecord.class)
        .getResultList()
        .stream()
        .map(this::view)
        .toList();
  }

  private void writeSteps(MasterBatchRecord record, List<RecordSpec.Step> steps) {
    if (steps == null) {
      return;
    }
    for (RecordSpec.Step spec : steps) {
      MbrStep step =
          record.addStep(
              spec.operation(), spec.name(), spec.instructions(), spec.requiresVerification());
      for (RecordSpec.StepMaterial m :
          spec.materials() == null ? List.<RecordSpec.StepMaterial>of() : spec.materials()) {
        step.consume(material(m.material()), m.quantity(), m.tolerancePercent());
      }
      for (RecordSpec.Parameter p :
          spec.parameters() == null ? List.<RecordSpec.Parameter>of() : spec.parameters()) {
        step.record(p.name(), p.tag(), p.unit(), p.low(), p.high(), p.critical());
      }
    }
  }

  private Material material(String code) {
    return materials
        .find(code)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "There is no material with code '" + code + "'. Nothing was changed."));
  }

  private MasterBatchRecord find(long id) {
    MasterBatchRecord record = em.find(MasterBatchRecord.class, id);
    if (record == null) {
      throw new RuleViolation("There is no master batch record with id " + id + ".");
    }
    return record;
  }

  private MasterBatchRecord locked(long id) {
    MasterBatchRecord record = em.find(MasterBatchRecord.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (record == null) {
      throw new RuleViolation("There is no master batch record with id " + id + ".");
    }
    return record;
  }

  private MasterBatchRecordView view(MasterBatchRecord record) {
    return MasterBatchRecordView.of(record, signatures.signaturesOf(record));
  }
}
