package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchRunView.ScanOutcome;
import com.batchtrace.execution.control.Allocations;
import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.Gs1Code;
import com.batchtrace.execution.control.LineAssignment;
import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.execution.entity.EquipmentAllocation;
import com.batchtrace.execution.entity.ExceptionKind;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.execution.entity.StepSequence;
import com.batchtrace.genealogy.boundary.GenealogyEdges;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Units;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one door to a running batch: starting and ending steps, charging lots and completing the
 * batch (signed), by the same rules whether the terminal, an MES over the REST API or a scale's or
 * scanner's event asks. Steps start in the master record's order on the batch's own line; a lot is
 * charged only into an open step that needs its material, within tolerance; a batch completes only
 * when every step is done. Every refusal names the rule and changes nothing, except that a refused
 * lot is recorded as an exception.
 */
@ApplicationScoped
public class BatchCommands {

  private static final String NOTHING_CHARGED = "Nothing was charged.";

  @PersistenceContext EntityManager em;

  @Inject BatchRecordStore store;

  @Inject LineAssignment lineAssignment;

  @Inject Allocations allocations;

  @Inject GenealogyEdges edges;

  @Inject LotService lots;

  @Inject BatchRunViews views;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** The terminal starts the step on the batch's line. */
  @Transactional
  public BatchRunView start(long batchId, int position) {
    Batch batch = store.batchToWork(batchId, true);
    startStep(batch, position, batch.getLine().getId());
    return views.of(batch, true);
  }

  /**
   * An MES starts the step on a piece of equipment of the batch's line (the line itself when none
   * is named), by the terminal's rules.
   */
  @Transactional
  public AllocationView startOn(long batchId, int position, Long equipmentId) {
    Batch batch = store.batchToWork(batchId, true);
    return AllocationView.of(
        startStep(batch, position, equipmentId == null ? batch.getLine().getId() : equipmentId));
  }

  private EquipmentAllocation startStep(Batch batch, int position, long equipmentId) {
    actor.require(Roles.OPERATOR);
    store.sequence(batch).requireStartable(position);
    Instant now = clock.instant();
    auditTrail.creating(
        null, "Step " + position + " of batch " + batch.getBatchNumber() + " started");
    EquipmentAllocation allocation = allocations.start(batch, position, equipmentId, now);
    batch.start();
    em.persist(new StepExecution(batch, position, allocation, actor.get().userId(), now));
    em.flush();
    return allocation;
  }

  /**
   * The step's time on its equipment ends now (an MES that frees the unit before the step is
   * signed); machine values after it no longer belong to the batch.
   */
  @Transactional
  public AllocationView endRun(long allocationId) {
    actor.require(Roles.OPERATOR);
    EquipmentAllocation allocation = allocations.locked(allocationId);
    lineAssignment.require(
        allocation.getBatch().getLine(),
        "ending a step of batch " + allocation.getBatch().getBatchNumber());
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

  /**
   * A scanned or typed lot for a step (the open step when {@code position} is null). An accepted
   * lot is a genealogy edge; a refused one is recorded as a LOT_REFUSED exception and charges
   * nothing. A lot number that does not exist is a misread: refused, nothing recorded.
   */
  @Transactional
  public ScanOutcome charge(long batchId, Integer position, String lotNumber, BigDecimal quantity) {
    actor.require(Roles.OPERATOR);
    Batch batch = store.batchToWork(batchId, true);
    StepExecution run = openRun(batch, position);
    run.requireOpen("scanning material");
    if (lotNumber == null || lotNumber.isBlank()) {
      throw new RuleViolation("Scan or enter the lot number. " + NOTHING_CHARGED);
    }
    // A GS1 code names the lot (10) and the material's GTIN (01), maybe its expiry (17) and
    // net weight (310n); a malformed one is refused here, before anything is looked up.
    Optional<Gs1Code> code = Gs1Code.read(lotNumber);
    String lotText = code.map(Gs1Code::requireLot).orElse(lotNumber.strip());
    if (quantity == null && code.isPresent() && code.get().quantity() != null) {
      quantity = code.get().quantity();
    }
    Quantities.requirePositive(
        quantity, "the quantity of lot " + lotText + " to charge", NOTHING_CHARGED);
    MaterialLot lot = edges.lotForCharge(lotText);
    BigDecimal charging = quantity;
    Optional<String> refusal =
        code.flatMap(c -> mismatch(c, lot)).or(() -> refusal(batch, run, lot, charging));
    if (refusal.isPresent()) {
      auditTrail.creating(null, "Lot scan refused");
      BatchException refused =
          BatchException.raisedBy(
              actor.get().userId(),
              actor.get().displayName(),
              batch,
              run.getStepPosition(),
              ExceptionKind.LOT_REFUSED,
              null,
              clock.instant(),
              "Lot " + lot.getLotNumber() + " refused: " + refusal.get());
      em.persist(refused);
      em.flush();
      return new ScanOutcome(false, refusal.get(), refused.getId(), views.of(batch, true));
    }
    consume(batch, run, lot, quantity);
    return new ScanOutcome(
        true,
        Quantities.plain(quantity)
            + " "
            + lot.getMaterial().getUnit()
            + " of lot "
            + lot.getLotNumber()
            + " ("
            + lot.getMaterial().getCode()
            + ") charged into step "
            + run.getStepPosition()
            + ".",
        null,
        views.of(batch, true));
  }

  /**
   * A scale's or scanner's charge event on the equipment a step of the batch runs on, in the
   * caller's (the ingestion's) transaction and by the same rules as a scan: accepted, or recorded
   * as a LOT_REFUSED exception with the reason. The lot may be a GS1 element string (or Digital
   * Link) as the scanner read it: it names the lot by GTIN (01) and lot number (10), so the GTIN
   * must be the lot's material's and an expiry (17) the lot's, as at the terminal.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void chargeEvent(
      long batchId,
      int position,
      String equipmentPath,
      String lotNumber,
      BigDecimal quantity,
      Instant at) {
    Batch batch = store.batchToWork(batchId, true);
    Optional<StepExecution> run = store.sequence(batch).run(position);
    Optional<String> refusal;
    MaterialLot lot = null;
    try {
      Quantities.requirePositive(quantity, "the quantity to charge", NOTHING_CHARGED);
      Optional<Gs1Code> code = Gs1Code.read(lotNumber);
      lot = edges.lotForCharge(code.map(Gs1Code::requireLot).orElse(lotNumber));
      run.orElseThrow(() -> new RuleViolation("Step " + position + " is not started."))
          .requireOpen("charging material");
      MaterialLot named = lot;
      refusal =
          code.flatMap(c -> mismatch(c, named))
              .or(() -> refusal(batch, run.get(), named, quantity));
    } catch (RuleViolation refused) {
      refusal = Optional.of(refused.getMessage());
    }
    if (refusal.isPresent()) {
      em.persist(
          new BatchException(
              batch,
              position,
              ExceptionKind.LOT_REFUSED,
              null,
              null,
              at,
              null,
              "Lot "
                  + (lot == null ? lotNumber.replace("\u001D", "<GS>") : lot.getLotNumber())
                  + " refused at "
                  + equipmentPath
                  + ": "
                  + refusal.get()));
      return;
    }
    consume(batch, run.get(), lot, quantity);
  }

  /**
   * Why a GS1 code does not belong to the lot it names: its GTIN is not the lot's material's, or
   * its expiry is not the lot's. Empty when it agrees.
   */
  private static Optional<String> mismatch(Gs1Code code, MaterialLot lot) {
    String material = lot.getMaterial().getCode();
    String gtin = lot.getMaterial().getGtin();
    if (code.gtin() == null) {
      return Optional.of(
          "the GS1 code has no GTIN (AI 01), so it does not say which material it is");
    }
    if (gtin == null) {
      return Optional.of(
          "material "
              + material
              + " has no GTIN in the master data, so the code's GTIN "
              + code.gtin()
              + " cannot be checked; scan the lot number alone or ask the administrator to add the"
              + " GTIN");
    }
    if (!gtin.equals(code.gtin())) {
      return Optional.of(
          "the code's GTIN "
              + code.gtin()
              + " is not the GTIN of material "
              + material
              + " ("
              + gtin
              + "): the label belongs to another material");
    }
    if (code.expiry() != null && !code.expiry().equals(lot.getExpiry())) {
      return Optional.of(
          "the code's expiry "
              + code.expiry()
              + " is not the expiry of lot "
              + lot.getLotNumber()
              + " ("
              + lot.getExpiry()
              + "): the label does not match the lot's record");
    }
    return Optional.empty();
  }

  private Optional<String> refusal(
      Batch batch, StepExecution run, MaterialLot lot, BigDecimal quantity) {
    BigDecimal chargedSoFar =
        store.chargesOf(run).stream()
            .filter(c -> c.getLot().getMaterial().getCode().equals(lot.getMaterial().getCode()))
            .map(LotConsumption::getQuantity)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return run.refusalOfCharge(
            lot.getLotNumber(),
            lot.getMaterial().getCode(),
            lot.getMaterial().getName(),
            quantity,
            chargedSoFar)
        .or(() -> edges.refusalOfConsumption(batch, lot, quantity));
  }

  private void consume(Batch batch, StepExecution run, MaterialLot lot, BigDecimal quantity) {
    auditTrail.modifying(
        "Charged "
            + Quantities.plain(quantity).toPlainString()
            + " into batch "
            + batch.getBatchNumber(),
        "lot " + lot.getLotNumber());
    edges.consume(batch, run.getStepPosition(), lot, quantity);
    em.flush();
  }

  private StepExecution openRun(Batch batch, Integer position) {
    StepSequence sequence = store.sequence(batch);
    if (position != null) {
      return sequence.started(position);
    }
    return sequence
        .openStep()
        .orElseThrow(
            () ->
                new RuleViolation(
                    "No step of batch "
                        + batch.getBatchNumber()
                        + " is open for material: start the step that needs the lot first. "
                        + NOTHING_CHARGED));
  }

  /**
   * Completes the batch once every step is done, signed "performed" by the operator: its output
   * lots are received into quarantine and it goes to QA's review. The yield reconciliation holds
   * the quantity produced against the planned one; outside the master record's yield limits the
   * operator's comment is required, and a YIELD_OUT_OF_LIMITS exception goes to QA with it. The
   * signature is linked to the batch's plan, yield limits, completion time and produced lots; a
   * refused signature completes nothing.
   */
  public List<LotView> complete(
      long batchId, List<Output> outputs, String comment, SignatureRequest request) {
    return signatures.signing(
        request,
        () -> {
          Batch batch = store.batchToWork(batchId, true);
          Optional<String> outsideYield = completionRefusal(batch, outputs, comment);
          String why = comment == null ? "" : comment.strip();
          batch.complete(clock.instant(), why);
          auditTrail.modifying(
              why.isEmpty() ? "Batch " + batch.getBatchNumber() + " completed" : why,
              "batch " + batch.getBatchNumber());
          List<MaterialLot> made =
              outputs.stream().map(o -> edges.produce(batch, o.lotNumber(), o.quantity())).toList();
          if (outsideYield.isPresent()) {
            em.persist(
                BatchException.raisedBy(
                    actor.get().userId(),
                    actor.get().displayName(),
                    batch,
                    batch.getMasterBatchRecord().getSteps().size(),
                    ExceptionKind.YIELD_OUT_OF_LIMITS,
                    null,
                    clock.instant(),
                    outsideYield.get() + ": \u201c" + why + "\u201d"));
          }
          em.flush();
          signatures.sign(
              request, SignatureMeaning.PERFORMED, store.completion(batch), Roles.OPERATOR);
          em.flush();
          return made.stream().map(l -> lots.find(l.getId()).orElseThrow()).toList();
        });
  }

  /**
   * Checks a completion before it is signed, by the rules {@link #complete} applies: refused with
   * the reason (all steps done, outputs with quantities, a comment outside the yield limits), else
   * nothing happens. Changes nothing either way.
   */
  @Transactional
  public void checkCompletion(long batchId, List<Output> outputs, String comment) {
    completionRefusal(store.batchToWork(batchId, false), outputs, comment);
  }

  /** Refuses a completion that breaks a rule; else whether the yield is outside its limits. */
  private Optional<String> completionRefusal(Batch batch, List<Output> outputs, String comment) {
    actor.require(Roles.OPERATOR);
    if (batch.getCompletedAt() != null) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is completed already (it is "
              + batch.getStatus().label()
              + "). Nothing was completed.");
    }
    store.sequence(batch).requireAllDone();
    if (outputs == null || outputs.isEmpty()) {
      throw new RuleViolation("Enter the lot produced and its quantity. Nothing was completed.");
    }
    for (Output o : outputs) {
      Quantities.requirePositive(
          o == null ? null : o.quantity(), "the quantity produced", "Nothing was completed.");
    }
    Optional<String> outsideYield = outsideYield(batch, outputs);
    String why = comment == null ? "" : comment.strip();
    if (outsideYield.isPresent() && why.isEmpty()) {
      throw new RuleViolation(
          outsideYield.get() + ": add a comment saying why. Nothing was completed.");
    }
    if (why.length() > 2000) {
      throw new RuleViolation("A comment has at most 2000 characters. Nothing was completed.");
    }
    return outsideYield;
  }

  /**
   * "Yield 90 % of the planned 500 kg is outside 95 to 102 %" when the quantity produced is outside
   * the master record's yield limits; empty within them or without limits.
   */
  private static Optional<String> outsideYield(Batch batch, List<Output> outputs) {
    BigDecimal low = batch.getMasterBatchRecord().getYieldLowPercent();
    BigDecimal high = batch.getMasterBatchRecord().getYieldHighPercent();
    if (low == null || high == null) {
      return Optional.empty();
    }
    BigDecimal produced =
        outputs.stream().map(Output::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal percent = yieldPercent(produced, batch.getPlannedQuantity());
    if (percent.compareTo(low) >= 0 && percent.compareTo(high) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Yield "
            + Quantities.plain(percent).toPlainString()
            + " % ("
            + Quantities.plain(produced).toPlainString()
            + " of the planned "
            + Units.quantity(batch.getPlannedQuantity(), batch.getProduct().getUnit())
            + ") is outside "
            + Units.limits(low, high, "%"));
  }

  /** Produced in % of planned, to one decimal (half up, as the reconciliation shows it). */
  public static BigDecimal yieldPercent(BigDecimal produced, BigDecimal planned) {
    return produced
        .multiply(BigDecimal.valueOf(100))
        .divide(planned, 1, java.math.RoundingMode.HALF_UP);
  }

  /**
   * A lot a completed batch produced.
   *
   * @param lotNumber its number (unique)
   * @param quantity how much
   */
  public record Output(String lotNumber, BigDecimal quantity) {}
}
