package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.LineAssignment;
import com.batchtrace.execution.control.StepRecord;
import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.execution.entity.ExceptionKind;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.execution.entity.StepStatus;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an operator records on an open step: values entered by hand (checked against limits, late
 * ones flagged), corrections with a reason that keep the original, comments and deviations, and the
 * step's "performed" and "verified" signatures. Every refusal names the rule and changes nothing.
 */
@ApplicationScoped
public class StepRecording {

  private static final Duration LATE_AFTER =
      Duration.ofMinutes(Settings.positive("BATCHTRACE_LATE_ENTRY_MINUTES", 15));

  private static final int MAX_NOTE = 1000;

  @PersistenceContext EntityManager em;

  @Inject BatchRecordStore store;

  @Inject LineAssignment lineAssignment;

  @Inject BatchRunViews views;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject CurrentActor actor;

  @Inject Clock clock;

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
    Batch batch = store.batchToWork(batchId, true);
    StepExecution run = store.sequence(batch).started(position);
    run.requireOpen("entering values");
    StepParameter p = parameterOf(run, parameter);
    if (store.entriesOf(run).stream()
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
              + SiteZone.format(entry.getTakenAt())
              + " was entered at "
              + SiteZone.format(entry.getEnteredAt())
              + ", more than "
              + LATE_AFTER.toMinutes()
              + " minutes later.");
    }
    em.flush();
    return EntryView.of(entry);
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
    lineAssignment.require(
        run.getBatch().getLine(), "correcting a value of batch " + run.getBatch().getBatchNumber());
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
    return EntryView.of(correction);
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
    Batch batch = store.batchToWork(batchId, true);
    store.sequence(batch).step(position);
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
            actor.get().userId(),
            actor.get().displayName(),
            batch,
            position,
            kind,
            null,
            clock.instant(),
            text.strip());
    em.persist(note);
    em.flush();
    return ExceptionView.of(note);
  }

  /**
   * The signed-in operator signs the step "performed": every manual value entered and every
   * material charged within its tolerance. Unless the step needs a second person's verification, it
   * is done and the line is free for the next step.
   */
  public BatchRunView perform(long batchId, int position, SignatureRequest request) {
    return signatures.signing(
        request,
        () -> {
          actor.require(Roles.OPERATOR);
          Batch batch = store.batchToWork(batchId, true);
          StepExecution run = store.sequence(batch).started(position);
          List<StepEntry> entries = store.entriesOf(run);
          List<LotConsumption> charged = store.chargesOf(run);
          run.requireSignable(
              entries.stream()
                  .filter(e -> e.getSupersededAt() == null)
                  .map(StepEntry::getParameter)
                  .collect(Collectors.toSet()),
              charged.stream()
                  .collect(
                      Collectors.toMap(
                          c -> c.getLot().getMaterial().getCode(),
                          LotConsumption::getQuantity,
                          BigDecimal::add)));
          auditTrail.modifying(
              commentOr(request, run.describe() + " signed as performed"), run.describe());
          SignatureView signed =
              signatures.sign(
                  request,
                  SignatureMeaning.PERFORMED,
                  new StepRecord(run, entries, charged),
                  Roles.OPERATOR);
          run.performed(signed.signerId(), signed.signedAt());
          freeEquipmentIfDone(run);
          em.flush();
          return views.of(batch, true);
        });
  }

  /**
   * A second person verifies the performed step at the same terminal with their own user id and
   * password; they must be an operator who took no part in the step.
   */
  public BatchRunView verify(long batchId, int position, SignatureRequest request) {
    return signatures.signing(
        request,
        () -> {
          actor.require(Roles.OPERATOR);
          Batch batch = store.batchToWork(batchId, true);
          StepExecution run = store.sequence(batch).started(position);
          run.requireAwaitingVerification();
          List<StepEntry> entries = store.entriesOf(run);
          List<LotConsumption> charged = store.chargesOf(run);
          // Nobody verifies their own work: not who started or performed the step, nor who
          // entered or corrected a value or charged a lot in it.
          Set<String> tookPart = new HashSet<>();
          tookPart.add(run.getStartedBy());
          tookPart.add(run.getPerformedBy());
          entries.forEach(e -> tookPart.add(e.getEnteredBy()));
          charged.stream()
              .map(LotConsumption::getChargedBy)
              .filter(Objects::nonNull)
              .forEach(tookPart::add);
          auditTrail.modifying(commentOr(request, run.describe() + " verified"), run.describe());
          SignatureView signed =
              signatures.verify(
                  request, new StepRecord(run, entries, charged), Roles.OPERATOR, tookPart);
          run.verified(signed.signerId(), signed.signedAt());
          freeEquipmentIfDone(run);
          em.flush();
          return views.of(batch, true);
        });
  }

  private void freeEquipmentIfDone(StepExecution run) {
    if (run.getStatus() == StepStatus.DONE
        && run.getAllocation() != null
        && run.getAllocation().getEndedAt() == null) {
      run.getAllocation().end(clock.instant());
    }
  }

  private static String commentOr(SignatureRequest request, String fallback) {
    return request == null || request.comment() == null || request.comment().isBlank()
        ? fallback
        : request.comment();
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
            by.userId(),
            by.displayName(),
            run.getBatch(),
            run.getStepPosition(),
            kind,
            parameter,
            at,
            detail));
  }
}
