package com.batchtrace.execution.boundary;

import com.batchtrace.collection.boundary.CollectionMonitor;
import com.batchtrace.collection.boundary.CollectionMonitor.ExceptionView;
import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.collection.control.ProcessValueQueries.Point;
import com.batchtrace.collection.entity.BatchException;
import com.batchtrace.collection.entity.ExceptionKind;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.QueueEntry;
import com.batchtrace.execution.boundary.BatchRunView.ScanOutcome;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.control.StepRecord;
import com.batchtrace.execution.entity.EquipmentAllocation;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.execution.entity.StepStatus;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchService.Charge;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.masterdata.entity.StepMaterial;
import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Running a batch on the shop floor, step by step in the master record's order: start a step (which
 * allocates the batch's line, giving machine data its context), scan lots, enter values, sign the
 * step "performed", have a second person verify it where the record asks, complete the batch. Every
 * refusal names the rule and changes nothing, except that a refused lot is recorded as an
 * exception.
 */
@ApplicationScoped
public class BatchExecution {

  private static final Duration LATE_AFTER =
      Duration.ofMinutes(Settings.positive("BATCHTRACE_LATE_ENTRY_MINUTES", 15));

  private static final int MAX_NOTE = 1000;

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject BatchService batches;

  @Inject LotService lots;

  @Inject EquipmentAllocations allocations;

  @Inject SignatureService signatures;

  @Inject CollectionMonitor monitor;

  @Inject ProcessSeries processSeries;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /**
   * The batches of a line an operator can work on: running ones first, then planned, oldest first.
   */
  @Transactional
  public List<QueueEntry> workQueue(long lineId) {
    List<Batch> queued =
        em.createQuery(
                "select b from Batch b join fetch b.product join fetch b.masterBatchRecord"
                    + " where b.line.id = :line and b.status in :open"
                    + " order by case when b.status = :running then 0 else 1 end,"
                    + " b.createdAt, b.id",
                Batch.class)
            .setParameter("line", lineId)
            .setParameter("open", List.of(BatchStatus.PLANNED, BatchStatus.IN_PROGRESS))
            .setParameter("running", BatchStatus.IN_PROGRESS)
            .setMaxResults(100)
            .getResultList();
    // The queue's step runs in one query, not one per batch.
    Map<Long, Map<Integer, StepExecution>> started =
        queued.isEmpty()
            ? Map.of()
            : em.createQuery(
                    "select s from StepExecution s where s.batch in :batches", StepExecution.class)
                .setParameter("batches", queued)
                .getResultStream()
                .collect(
                    Collectors.groupingBy(
                        s -> s.getBatch().getId(),
                        Collectors.toMap(StepExecution::getStepPosition, Function.identity())));
    return queued.stream()
        .map(
            b -> {
              Map<Integer, StepExecution> runs = started.getOrDefault(b.getId(), Map.of());
              List<MbrStep> steps = b.getMasterBatchRecord().getSteps();
              long done =
                  runs.values().stream().filter(r -> r.getStatus() == StepStatus.DONE).count();
              String current =
                  steps.stream()
                      .filter(
                          s ->
                              !runs.containsKey(s.getPosition())
                                  || runs.get(s.getPosition()).getStatus() != StepStatus.DONE)
                      .findFirst()
                      .map(s -> s.getPosition() + ". " + s.getName())
                      .orElse(null);
              return new QueueEntry(
                  b.getId(),
                  b.getBatchNumber(),
                  b.getProduct().getCode(),
                  b.getProduct().getName(),
                  Quantities.plain(b.getPlannedQuantity()),
                  b.getProduct().getUnit(),
                  b.getStatus().name(),
                  b.getCreatedAt(),
                  (int) done,
                  steps.size(),
                  current);
            })
        .toList();
  }

  /** The batch with every step as the terminal shows it, with each step's latest machine values. */
  @Transactional
  public BatchRunView run(long batchId) {
    return view(batch(batchId, false), true);
  }

  /**
   * The batch's record without the machine values (liveValue is null): what QA's decision checks
   * and signs, which needs no process data lookups.
   */
  @Transactional
  public BatchRunView record(long batchId) {
    return view(batch(batchId, false), false);
  }

  /** Starts the step: the steps before it must be done; the batch's line runs it from now on. */
  @Transactional
  public BatchRunView start(long batchId, int position) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    MbrStep step = stepOf(batch, position);
    if (batch.getStatus() != BatchStatus.PLANNED && batch.getStatus() != BatchStatus.IN_PROGRESS) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is "
              + batch.getStatus().label()
              + ": no step can be started. Nothing was started.");
    }
    Map<Integer, StepExecution> runs = executionsOf(batchId);
    if (runs.containsKey(position)) {
      throw new RuleViolation(
          "Step "
              + position
              + " ("
              + step.getName()
              + ") is started already. Nothing was started.");
    }
    for (MbrStep earlier : batch.getMasterBatchRecord().getSteps()) {
      StepExecution run = runs.get(earlier.getPosition());
      if (earlier.getPosition() < position && (run == null || run.getStatus() != StepStatus.DONE)) {
        throw new RuleViolation(
            "Step "
                + earlier.getPosition()
                + " ("
                + earlier.getName()
                + ") is not finished: steps run in the master record's order. Nothing was started.");
      }
    }
    EquipmentAllocations.AllocationView allocation =
        allocations.start(batchId, position, batch.getLine().getId());
    auditTrail.creating(
        null, "Step " + position + " of batch " + batch.getBatchNumber() + " started");
    em.persist(
        new StepExecution(
            batch,
            position,
            em.find(EquipmentAllocation.class, allocation.id()),
            actor.get().userId(),
            clock.instant()));
    em.flush();
    return view(batch, true);
  }

  /**
   * A scanned lot for the step: it must be a material the step needs, released, not expired, with
   * enough left, and the step's total of that material must stay within its tolerance. An accepted
   * scan is a genealogy edge; a refused one is recorded as a LOT_REFUSED exception and charges
   * nothing. A lot number that does not exist is bad input: refused, nothing recorded.
   */
  @Transactional
  public ScanOutcome scan(long batchId, int position, String lotNumber, BigDecimal quantity) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    StepExecution run = execution(batch, position);
    run.requireOpen("scanning material");
    if (lotNumber == null || lotNumber.isBlank()) {
      throw new RuleViolation("Scan or enter the lot number. Nothing was charged.");
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new RuleViolation(
          "Enter the quantity of lot " + lotNumber.strip() + " to charge. Nothing was charged.");
    }
    LotView lot =
        lots.findByNumber(lotNumber.strip())
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "There is no lot "
                            + lotNumber.strip()
                            + ": check the label and scan again. Nothing was charged."));
    Optional<String> refusal =
        materialRefusal(run, lot, quantity)
            .or(() -> batches.refusalOfCharge(batchId, lot.lotNumber(), quantity));
    if (refusal.isPresent()) {
      auditTrail.creating(null, "Lot scan refused");
      BatchException refused =
          BatchException.raisedBy(
              actor.get().displayName(),
              batch,
              position,
              ExceptionKind.LOT_REFUSED,
              null,
              clock.instant(),
              "Lot " + lot.lotNumber() + " refused: " + refusal.get());
      em.persist(refused);
      em.flush();
      return new ScanOutcome(false, refusal.get(), refused.getId(), view(batch, true));
    }
    batches.charge(batchId, position, lot.lotNumber(), quantity);
    return new ScanOutcome(
        true,
        Quantities.plain(quantity)
            + " "
            + lot.unit()
            + " of lot "
            + lot.lotNumber()
            + " ("
            + lot.materialCode()
            + ") charged into step "
            + position
            + ".",
        null,
        view(batch, true));
  }

  /** Why the step refuses the lot's material or quantity, before the lot's own rules are asked. */
  private Optional<String> materialRefusal(StepExecution run, LotView lot, BigDecimal quantity) {
    MbrStep step = run.step();
    Optional<StepMaterial> need =
        step.getMaterials().stream()
            .filter(m -> m.getMaterial().getCode().equals(lot.materialCode()))
            .findFirst();
    if (need.isEmpty()) {
      return Optional.of(
          "Lot "
              + lot.lotNumber()
              + " is "
              + lot.materialCode()
              + " ("
              + lot.materialName()
              + "); "
              + run.describe()
              + (step.getMaterials().isEmpty()
                  ? " needs no material."
                  : " needs "
                      + step.getMaterials().stream()
                          .map(m -> m.getMaterial().getCode())
                          .collect(Collectors.joining(" or "))
                      + ".")
              + " Nothing was charged.");
    }
    MaterialNeed wanted = need(need.get(), chargesOf(run));
    BigDecimal after = wanted.charged().add(quantity);
    if (after.compareTo(wanted.maximum()) > 0) {
      return Optional.of(
          "Charging "
              + Quantities.plain(quantity)
              + " "
              + wanted.unit()
              + " would make "
              + Quantities.plain(after)
              + " "
              + wanted.unit()
              + " of "
              + wanted.materialCode()
              + " in step "
              + run.getStepPosition()
              + "; it needs "
              + Quantities.plain(wanted.quantity())
              + " "
              + wanted.unit()
              + " ± "
              + Quantities.plain(wanted.tolerancePercent())
              + "% (at most "
              + Quantities.plain(wanted.maximum())
              + " "
              + wanted.unit()
              + "). Nothing was charged.");
    }
    return Optional.empty();
  }

  /**
   * A value entered by hand for a manual parameter of the open step. Out of limits needs a comment
   * and raises an OUT_OF_LIMITS exception; a value taken more than the late-entry window before it
   * is entered is flagged late and raises a LATE_ENTRY exception.
   *
   * @param takenAt when the value was read; null for now
   */
  @Transactional
  public EntryView enter(
      long batchId,
      int position,
      String parameter,
      BigDecimal value,
      Instant takenAt,
      String comment) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    StepExecution run = execution(batch, position);
    run.requireOpen("entering values");
    StepParameter p = parameterOf(run, parameter);
    if (entriesOf(run).stream()
        .anyMatch(e -> e.getSupersededAt() == null && e.getParameter().equals(p.getName()))) {
      throw new RuleViolation(
          "'"
              + p.getName()
              + "' is entered already: correct it with a reason instead. Nothing was recorded.");
    }
    Actor by = actor.get();
    Instant now = clock.instant();
    StepEntry entry =
        new StepEntry(
            run, p, value, comment, takenAt, now, LATE_AFTER, by.userId(), by.displayName());
    auditTrail.creating(null, "Value entered for '" + p.getName() + "'");
    em.persist(entry);
    raiseFor(entry, run, by, now);
    if (entry.isLate()) {
      raise(
          run,
          ExceptionKind.LATE_ENTRY,
          entry.getParameter(),
          by,
          now,
          "'"
              + entry.getParameter()
              + "' taken at "
              + entry.getTakenAt()
              + " was entered at "
              + entry.getEnteredAt()
              + ", more than "
              + LATE_AFTER.toMinutes()
              + " minutes later.");
    }
    em.flush();
    return entryView(entry);
  }

  /**
   * Corrects an entered value while its step is open: a new entry with the reason; the original
   * stays, marked superseded. Raises a CORRECTION exception (and OUT_OF_LIMITS when the new value
   * is outside, with the reason as its comment unless the original had one).
   */
  @Transactional
  public EntryView correct(long entryId, BigDecimal value, String reason) {
    actor.require(Roles.OPERATOR);
    StepEntry original = em.find(StepEntry.class, entryId, LockModeType.PESSIMISTIC_WRITE);
    if (original == null) {
      throw new RuleViolation("There is no entered value with id " + entryId + ".");
    }
    StepExecution run = original.getExecution();
    em.lock(run, LockModeType.PESSIMISTIC_WRITE);
    run.requireOpen("correcting values");
    auditTrail.modifying(reason, "the value of '" + original.getParameter() + "'");
    Actor by = actor.get();
    Instant now = clock.instant();
    StepEntry correction =
        StepEntry.correcting(
            original,
            parameterOf(run, original.getParameter()),
            value,
            reason,
            now,
            by.userId(),
            by.displayName());
    em.persist(correction);
    raise(
        run,
        ExceptionKind.CORRECTION,
        original.getParameter(),
        by,
        now,
        "'"
            + original.getParameter()
            + "' corrected from "
            + Quantities.plain(original.getValue())
            + " to "
            + Quantities.plain(correction.getValue())
            + " "
            + correction.getUnit()
            + ": "
            + correction.getCorrectionReason());
    raiseFor(correction, run, by, now);
    em.flush();
    return entryView(correction);
  }

  private void raiseFor(StepEntry entry, StepExecution run, Actor by, Instant now) {
    if (!entry.isWithinLimits()) {
      raise(
          run,
          ExceptionKind.OUT_OF_LIMITS,
          entry.getParameter(),
          by,
          now,
          "'"
              + entry.getParameter()
              + "' = "
              + Quantities.plain(entry.getValue())
              + " "
              + entry.getUnit()
              + " is outside "
              + entry.limits()
              + ": "
              + entry.getComment());
    }
  }

  /**
   * A comment or a deviation on any step of a batch that is not yet released or rejected. Both are
   * exceptions QA dispositions before release.
   */
  @Transactional
  public ExceptionView raise(long batchId, int position, ExceptionKind kind, String text) {
    actor.require(Roles.OPERATOR);
    if (kind != ExceptionKind.COMMENT && kind != ExceptionKind.DEVIATION) {
      throw new RuleViolation("Raise a comment or a deviation. Nothing was recorded.");
    }
    Batch batch = batch(batchId, true);
    stepOf(batch, position);
    if (batch.getStatus() == BatchStatus.RELEASED || batch.getStatus() == BatchStatus.REJECTED) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is "
              + batch.getStatus().label()
              + ": its record is closed. Nothing was recorded.");
    }
    String what = kind == ExceptionKind.COMMENT ? "comment" : "deviation";
    if (text == null || text.isBlank()) {
      throw new RuleViolation("Write the " + what + ". Nothing was recorded.");
    }
    if (text.strip().length() > MAX_NOTE) {
      throw new RuleViolation(
          "The " + what + " has at most " + MAX_NOTE + " characters. Nothing was recorded.");
    }
    auditTrail.creating(
        null, (kind == ExceptionKind.COMMENT ? "Comment" : "Deviation") + " raised");
    BatchException note =
        BatchException.raisedBy(
            actor.get().displayName(), batch, position, kind, null, clock.instant(), text.strip());
    em.persist(note);
    em.flush();
    return monitor.exceptionsOf(batchId).stream()
        .filter(x -> x.id() == note.getId())
        .findFirst()
        .orElseThrow();
  }

  /**
   * The signed-in operator signs the step "performed": every manual value entered and every
   * material charged within its tolerance. Unless the step needs a second person's verification, it
   * is done and the line is free for the next step.
   */
  @Transactional
  public BatchRunView perform(long batchId, int position, SignatureRequest request) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    StepExecution run = execution(batch, position);
    run.requireOpen("signing it");
    List<StepEntry> entries = entriesOf(run);
    for (StepParameter p : run.step().getParameters()) {
      if ("MANUAL".equals(p.getSource())
          && entries.stream()
              .noneMatch(
                  e -> e.getSupersededAt() == null && e.getParameter().equals(p.getName()))) {
        throw new RuleViolation(
            "Enter '"
                + p.getName()
                + "' before signing "
                + run.describe()
                + ". Nothing was signed.");
      }
    }
    List<Charge> charged = chargesOf(run);
    for (StepMaterial m : run.step().getMaterials()) {
      MaterialNeed need = need(m, charged);
      if (!need.satisfied()) {
        throw new RuleViolation(
            "Charge "
                + Quantities.plain(need.minimum())
                + " to "
                + Quantities.plain(need.maximum())
                + " "
                + need.unit()
                + " of "
                + need.materialCode()
                + " before signing "
                + run.describe()
                + " ("
                + Quantities.plain(need.charged())
                + " "
                + need.unit()
                + " charged). Nothing was signed.");
      }
    }
    auditTrail.modifying(
        reasonOr(request, run.describe() + " signed as performed"), run.describe());
    SignatureView signed =
        signatures.sign(
            new SignatureRequest(
                request.username(),
                request.password(),
                SignatureMeaning.PERFORMED,
                request.reason()),
            new StepRecord(run, entries, charged),
            Roles.OPERATOR);
    run.performed(signed.signerId(), signed.signedAt());
    finishIfDone(run);
    em.flush();
    return view(batch, true);
  }

  /**
   * A second person verifies the performed step at the same terminal with their own user id and
   * password; they must be an operator and not the one who performed it.
   */
  @Transactional
  public BatchRunView verify(long batchId, int position, SignatureRequest request) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    StepExecution run = execution(batch, position);
    run.requireAwaitingVerification();
    auditTrail.modifying(reasonOr(request, run.describe() + " verified"), run.describe());
    SignatureView signed =
        signatures.verify(
            new SignatureRequest(
                request.username(),
                request.password(),
                SignatureMeaning.VERIFIED,
                request.reason()),
            new StepRecord(run, entriesOf(run), chargesOf(run)),
            Roles.OPERATOR,
            Set.of(run.getPerformedBy()));
    run.verified(signed.signerId(), signed.signedAt());
    finishIfDone(run);
    em.flush();
    return view(batch, true);
  }

  private void finishIfDone(StepExecution run) {
    if (run.getStatus() == StepStatus.DONE && run.getAllocation() != null) {
      allocations.end(run.getAllocation().getId());
    }
  }

  /**
   * Completes the batch once every step is done: the produced lot is received into quarantine and
   * the batch goes to QA's review.
   */
  @Transactional
  public List<LotView> complete(long batchId, String lotNumber, BigDecimal quantity) {
    actor.require(Roles.OPERATOR);
    Batch batch = batch(batchId, true);
    Map<Integer, StepExecution> runs = executionsOf(batchId);
    for (MbrStep step : batch.getMasterBatchRecord().getSteps()) {
      StepExecution run = runs.get(step.getPosition());
      if (run == null || run.getStatus() != StepStatus.DONE) {
        throw new RuleViolation(
            "Step "
                + step.getPosition()
                + " ("
                + step.getName()
                + ") is not finished: every step must be done before the batch is completed."
                + " Nothing was completed.");
      }
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new RuleViolation(
          "Enter the quantity produced (more than zero). Nothing was completed.");
    }
    return batches.complete(batchId, List.of(new BatchService.Output(lotNumber, quantity)));
  }

  private static String reasonOr(SignatureRequest request, String fallback) {
    return request.reason() == null || request.reason().isBlank() ? fallback : request.reason();
  }

  private Batch batch(long batchId, boolean lock) {
    Batch batch =
        lock
            ? em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE)
            : em.find(Batch.class, batchId);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    return batch;
  }

  private static MbrStep stepOf(Batch batch, int position) {
    return batch
        .getMasterBatchRecord()
        .step(position)
        .orElseThrow(
            () ->
                new RuleViolation(
                    "Batch "
                        + batch.getBatchNumber()
                        + " has steps 1 to "
                        + batch.getMasterBatchRecord().getSteps().size()
                        + "; there is no step "
                        + position
                        + "."));
  }

  private StepExecution execution(Batch batch, int position) {
    MbrStep step = stepOf(batch, position);
    StepExecution run = executionsOf(batch.getId()).get(position);
    if (run == null) {
      throw new RuleViolation(
          "Step "
              + position
              + " ("
              + step.getName()
              + ") is not started: start it first. Nothing was recorded.");
    }
    return run;
  }

  private static StepParameter parameterOf(StepExecution run, String name) {
    if (name == null || name.isBlank()) {
      throw new RuleViolation("Choose the parameter the value is for. Nothing was recorded.");
    }
    return run.step().getParameters().stream()
        .filter(p -> p.getName().equalsIgnoreCase(name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new RuleViolation(
                    run.describe()
                        + " has no parameter '"
                        + name.strip()
                        + "'. Nothing was recorded."));
  }

  private void raise(
      StepExecution run,
      ExceptionKind kind,
      String parameter,
      Actor by,
      Instant at,
      String detail) {
    em.persist(
        BatchException.raisedBy(
            by.displayName(), run.getBatch(), run.getStepPosition(), kind, parameter, at, detail));
  }

  private Map<Integer, StepExecution> executionsOf(long batchId) {
    return em.createQuery(
            "select s from StepExecution s where s.batch.id = :b", StepExecution.class)
        .setParameter("b", batchId)
        .getResultStream()
        .collect(Collectors.toMap(StepExecution::getStepPosition, Function.identity()));
  }

  private List<StepEntry> entriesOf(StepExecution run) {
    return em.createQuery(
            "select e from StepEntry e where e.execution = :r order by e.enteredAt, e.id",
            StepEntry.class)
        .setParameter("r", run)
        .getResultList();
  }

  private List<Charge> chargesOf(StepExecution run) {
    return batches.charges(run.getBatch().getId()).stream()
        .filter(c -> c.stepPosition() != null && c.stepPosition() == run.getStepPosition())
        .toList();
  }

  private static MaterialNeed need(StepMaterial m, List<Charge> charges) {
    BigDecimal quantity = m.getQuantity();
    BigDecimal tolerance =
        m.getTolerancePercent() == null ? BigDecimal.ZERO : m.getTolerancePercent();
    BigDecimal margin =
        quantity.multiply(tolerance).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
    BigDecimal charged =
        charges.stream()
            .filter(c -> c.materialCode().equals(m.getMaterial().getCode()))
            .map(Charge::quantity)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new MaterialNeed(
        m.getMaterial().getCode(),
        m.getMaterial().getName(),
        m.getMaterial().getUnit(),
        Quantities.plain(quantity),
        Quantities.plain(tolerance),
        Quantities.plain(quantity.subtract(margin)),
        Quantities.plain(quantity.add(margin)),
        Quantities.plain(charged));
  }

  private BatchRunView view(Batch batch, boolean machineValues) {
    long batchId = batch.getId();
    Map<Integer, StepExecution> runs = executionsOf(batchId);
    List<Charge> charges = batches.charges(batchId);
    List<ExceptionView> exceptions = monitor.exceptionsOf(batchId);
    List<StepRunView> steps = new ArrayList<>();
    Integer current = null;
    for (MbrStep step : batch.getMasterBatchRecord().getSteps()) {
      int position = step.getPosition();
      StepExecution run = runs.get(position);
      List<Charge> stepCharges =
          charges.stream()
              .filter(c -> c.stepPosition() != null && c.stepPosition() == position)
              .toList();
      List<StepEntry> stepEntries = run == null ? List.of() : entriesOf(run);
      List<EntryView> entries = stepEntries.stream().map(BatchExecution::entryView).toList();
      Map<String, Point> live =
          run == null || !machineValues
              ? Map.of()
              : processSeries.latest(
                  batchId,
                  position,
                  step.getParameters().stream()
                      .map(StepParameter::getTag)
                      .filter(t -> t != null)
                      .toList());
      List<ParameterRun> parameters =
          step.getParameters().stream()
              .map(
                  p -> {
                    Point point = p.getTag() == null ? null : live.get(p.getTag());
                    return new ParameterRun(
                        p.getName(),
                        p.getSource(),
                        p.getTag(),
                        p.getUnit(),
                        Quantities.plain(p.getLowLimit()),
                        Quantities.plain(p.getHighLimit()),
                        p.isCritical(),
                        point == null ? null : point.value(),
                        point == null ? null : point.ts(),
                        entries.stream()
                            .filter(e -> e.current() && e.parameter().equals(p.getName()))
                            .findFirst()
                            .orElse(null));
                  })
              .toList();
      String status = run == null ? "NOT_STARTED" : run.getStatus().name();
      if (current == null && !"DONE".equals(status)) {
        current = position;
      }
      steps.add(
          new StepRunView(
              position,
              step.getOperation(),
              step.getName(),
              step.getInstructions(),
              step.isRequiresVerification(),
              status,
              run == null ? null : run.getStartedAt(),
              run == null ? null : run.getStartedBy(),
              run == null ? null : run.getPerformedAt(),
              run == null ? null : run.getPerformedBy(),
              run == null ? null : run.getVerifiedAt(),
              run == null ? null : run.getVerifiedBy(),
              step.getMaterials().stream().map(m -> need(m, stepCharges)).toList(),
              parameters,
              entries,
              stepCharges,
              run == null
                  ? List.of()
                  : signatures.signaturesOf(new StepRecord(run, stepEntries, stepCharges)),
              exceptions.stream()
                  .filter(x -> x.stepPosition() != null && x.stepPosition() == position)
                  .toList()));
    }
    boolean completable = current == null && batch.getStatus() == BatchStatus.IN_PROGRESS;
    return new BatchRunView(
        batchId,
        batch.getBatchNumber(),
        batch.getProduct().getCode(),
        batch.getProduct().getName(),
        batch.getProduct().getUnit(),
        Quantities.plain(batch.getPlannedQuantity()),
        batch.getMasterBatchRecord().describe(),
        batch.getLine().getId(),
        batch.getLine().getName(),
        batch.getStatus().name(),
        steps,
        batch.getStatus() == BatchStatus.PLANNED || batch.getStatus() == BatchStatus.IN_PROGRESS
            ? current
            : null,
        completable);
  }

  private static EntryView entryView(StepEntry e) {
    return new EntryView(
        e.getId(),
        e.getParameter(),
        Quantities.plain(e.getValue()),
        e.getUnit(),
        e.limits(),
        e.isWithinLimits(),
        e.getComment(),
        e.getTakenAt(),
        e.getEnteredAt(),
        e.getEnteredBy(),
        e.getEnteredByName(),
        e.isLate(),
        e.getCorrectionOf() == null ? null : e.getCorrectionOf().getId(),
        e.getCorrectionReason(),
        e.getSupersededAt());
  }
}
