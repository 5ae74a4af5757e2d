package com.batchtrace.web.terminal;

import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.execution.boundary.BatchCommands;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.ScanOutcome;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.StepRecording;
import com.batchtrace.execution.entity.ExceptionKind;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.PlantUnits;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backing bean of terminal/batch.xhtml: one batch executed on the shop floor, step by step. Every
 * action goes to {@link BatchCommands} or {@link StepRecording}, which decides; the page shows its
 * answer (or its refusal, word for word) and the batch as it is afterwards. Only the current step
 * takes material, values and signatures; comments and deviations go on any step.
 */
@Named
@ViewScoped
public class BatchRunPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BatchRecords records;

  @Inject BatchCommands commands;

  @Inject StepRecording recording;

  @Inject BatchService batches;

  @Inject SignatureForm signatureForm;

  @Inject PlantUnits units;

  private Long batchId;
  private BatchRunView run;
  private List<LotView> produced = List.of();

  private String lotNumber;
  private BigDecimal scanQuantity;

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> comments = new HashMap<>();
  private final Set<String> commentAsked = new HashSet<>();

  private Long correcting;
  private String correctingParameter;
  private BigDecimal correctionValue;
  private String correctionReason;

  private Integer notePosition;
  private String noteKind = ExceptionKind.COMMENT.name();
  private String noteText;

  private String outputLot;
  private BigDecimal outputQuantity;
  private String outputComment;

  /** f:viewAction: the batch of the address; an unknown one says so. */
  public void load() {
    if (batchId == null) {
      Feedback.refuse(TerminalText.format("msg.openFromQueue"));
      return;
    }
    Feedback.attempt(this::reload, null);
  }

  private void reload() {
    run = records.run(batchId);
    produced = batches.outputs(batchId);
    if (outputLot == null) {
      outputLot = run.batchNumber();
    }
    if (outputQuantity == null) {
      outputQuantity = run.plannedQuantity();
    }
    scanQuantity = remainingNeed().orElse(null);
  }

  /** What the current step's first material short of its quantity still needs, to charge. */
  private Optional<BigDecimal> remainingNeed() {
    return current()
        .flatMap(
            step ->
                step.materials().stream()
                    .filter(m -> m.charged().compareTo(m.quantity()) < 0)
                    .findFirst())
        .map(m -> m.quantity().subtract(m.charged()));
  }

  /** Polled: the machine values of the running step, fresh (nothing to do without any). */
  public void refresh() {
    if (isLive()) {
      Feedback.attempt(() -> run = records.run(batchId), null);
    }
  }

  /**
   * Whether a running step shows machine values, which the page then polls; once the step is signed
   * as performed its values are final and the polling stops.
   */
  public boolean isLive() {
    return run != null
        && run.steps().stream()
            .anyMatch(s -> s.open() && s.parameters().stream().anyMatch(p -> !p.manual()));
  }

  /**
   * The one next action of the batch, which the action bar offers: start, scan, enter, perform,
   * verify, complete, or done when nothing is left to do at the terminal.
   */
  public String getNextAction() {
    Optional<StepRunView> step = current();
    if (step.isEmpty()) {
      return run != null && run.completable() ? "complete" : "done";
    }
    StepRunView s = step.get();
    if (!s.started()) {
      return "start";
    }
    if (s.awaitingVerification()) {
      return "verify";
    }
    if (getNextMaterial() != null) {
      return "scan";
    }
    if (getNextParameter() != null) {
      return "enter";
    }
    return "perform";
  }

  /** The current step's first material not yet charged within its tolerance, else null. */
  public MaterialNeed getNextMaterial() {
    return current()
        .filter(StepRunView::open)
        .flatMap(s -> s.materials().stream().filter(m -> !m.satisfied()).findFirst())
        .orElse(null);
  }

  /** The current step's first manual parameter without a value, else null. */
  public ParameterRun getNextParameter() {
    return current()
        .filter(StepRunView::open)
        .flatMap(
            s -> s.parameters().stream().filter(p -> p.manual() && p.entry() == null).findFirst())
        .orElse(null);
  }

  /** The limits an entered value was held against, with the unit's symbol. */
  public String limitsOf(StepRunView step, BatchRunView.EntryView entry) {
    return step.parameters().stream()
        .filter(p -> p.name().equals(entry.parameter()))
        .findFirst()
        .map(p -> units.limits(p.lowLimit(), p.highLimit(), p.unit()))
        .orElse(entry.limits());
  }

  /** What the signature dialog says is signed: "Step 2 Dry of batch GRN-26-0001 — Performed". */
  public String signingSubject(String meaning) {
    return current()
        .map(
            s ->
                TerminalText.format(
                    "sign.subject", s.position(), s.name(), run.batchNumber(), meaning))
        .orElse("");
  }

  public Optional<StepRunView> current() {
    return run == null || run.currentStep() == null
        ? Optional.empty()
        : Optional.of(run.step(run.currentStep()));
  }

  private int position() {
    return current()
        .map(StepRunView::position)
        .orElseThrow(
            () -> new RuleViolation("Every step of this batch is done. Nothing was recorded."));
  }

  public boolean isCurrent(StepRunView step) {
    return run != null && run.currentStep() != null && run.currentStep() == step.position();
  }

  public void start() {
    Feedback.obtain(() -> commands.start(batchId, position()), null)
        .ifPresent(
            view -> {
              Feedback.info(TerminalText.format("msg.started", view.currentStep()));
              reload();
            });
  }

  /** A scanned (or typed) lot: charged, or refused with the reason recorded on the step. */
  public void scan() {
    String lot = lotNumber;
    Optional<ScanOutcome> outcome =
        Feedback.obtain(() -> commands.charge(batchId, position(), lot, scanQuantity), null);
    if (outcome.isEmpty()) {
      return;
    }
    lotNumber = null;
    if (outcome.get().accepted()) {
      Feedback.info(outcome.get().message());
    } else {
      Feedback.refuse(outcome.get().message());
    }
    reload();
  }

  /** A value entered for a manual parameter; out of limits, the page asks for a comment. */
  public void enter(ParameterRun parameter) {
    String name = parameter.name();
    Optional<BigDecimal> value = number(values.get(name), name);
    if (value.isEmpty()) {
      return;
    }
    boolean entered =
        Feedback.attempt(
            () -> recording.enter(batchId, position(), name, value.get(), null, comments.get(name)),
            TerminalText.format("msg.recorded", name));
    if (entered) {
      values.remove(name);
      comments.remove(name);
      commentAsked.remove(name);
      reload();
    } else if (outside(parameter, value.get())) {
      commentAsked.add(name);
    }
  }

  private static boolean outside(ParameterRun p, BigDecimal value) {
    return (p.lowLimit() != null && value.compareTo(p.lowLimit()) < 0)
        || (p.highLimit() != null && value.compareTo(p.highLimit()) > 0);
  }

  private static Optional<BigDecimal> number(String text, String what) {
    if (text == null || text.isBlank()) {
      Feedback.refuse(TerminalText.format("msg.enterValue", what));
      return Optional.empty();
    }
    try {
      return TerminalNumbers.parse(text, TerminalText.locale());
    } catch (TerminalNumbers.Refused refused) {
      Feedback.refuse(
          refused.key().equals("number.notNumber")
              ? TerminalText.format("msg.notNumber", text.strip(), what)
              : refused.text());
      return Optional.empty();
    }
  }

  public void prepareCorrection(long entryId, String parameter) {
    correcting = entryId;
    correctingParameter = parameter;
    correctionValue = null;
    correctionReason = null;
  }

  /** A corrected value with its reason: the original stays on the record, marked corrected. */
  public void correct() {
    if (Feedback.attempt(
        () -> recording.correct(correcting, correctionValue, correctionReason),
        TerminalText.format("msg.corrected", correctingParameter))) {
      correcting = null;
      reload();
    }
  }

  public void prepareNote(int position, String kind) {
    notePosition = position;
    noteKind = kind;
    noteText = null;
  }

  /** A comment or a deviation on any step; QA dispositions both before release. */
  public void raiseNote() {
    ExceptionKind kind = ExceptionKind.valueOf(noteKind);
    if (Feedback.attempt(
        () -> recording.raise(batchId, notePosition, kind, noteText),
        TerminalText.format(
            kind == ExceptionKind.COMMENT ? "msg.commentRecorded" : "msg.deviationRecorded",
            notePosition))) {
      noteText = null;
      reload();
    }
  }

  /** The signed-in operator signs the current step as performed. */
  public void perform() {
    sign(SignatureMeaning.PERFORMED, "msg.performed");
  }

  /** A second operator verifies the current step with their own user id and password. */
  public void verify() {
    sign(SignatureMeaning.VERIFIED, "msg.verified");
  }

  private void sign(SignatureMeaning meaning, String done) {
    int position;
    try {
      position = position();
    } catch (RuleViolation finished) {
      Feedback.refuse(finished.getMessage());
      return;
    }
    if (Feedback.attempt(
        () -> {
          if (meaning == SignatureMeaning.PERFORMED) {
            recording.perform(batchId, position, signatureForm.take());
          } else {
            recording.verify(batchId, position, signatureForm.take());
          }
        },
        TerminalText.format(done, position))) {
      reload();
    }
  }

  /**
   * Checks the completion as entered before it is signed: a refusal (a step not done, no quantity,
   * no comment outside the yield limits) shows at the action bar and the signature dialog stays
   * closed; otherwise the dialog opens for the signed-in operator.
   */
  public void checkCompletion() {
    if (Feedback.attempt(
        () ->
            commands.checkCompletion(
                batchId,
                List.of(new BatchCommands.Output(outputLot, outputQuantity)),
                outputComment),
        null)) {
      signatureForm.asSignedInUser();
    }
  }

  /**
   * Completes the batch, signed "performed" by the operator in the dialog: the produced lot goes to
   * quarantine, the batch to QA's review.
   */
  public void complete() {
    Feedback.obtain(
            () ->
                commands.complete(
                    batchId,
                    List.of(new BatchCommands.Output(outputLot, outputQuantity)),
                    outputComment,
                    signatureForm.take()),
            null)
        .ifPresent(
            lots -> {
              Feedback.info(
                  TerminalText.format("msg.completed", run.batchNumber(), lots.get(0).lotNumber()));
              reload();
            });
  }

  /** What the completion's signature dialog says is signed. */
  public String getCompletionSubject() {
    return run == null
        ? ""
        : TerminalText.format(
            "sign.completion",
            run.batchNumber(),
            outputLot == null ? "" : outputLot.strip(),
            units.quantity(outputQuantity, run.unit()),
            TerminalText.format("sign.performed"));
  }

  public BatchRunView getRun() {
    return run;
  }

  public List<LotView> getProduced() {
    return produced;
  }

  public Long getBatchId() {
    return batchId;
  }

  public void setBatchId(Long batchId) {
    this.batchId = batchId;
  }

  public String getLotNumber() {
    return lotNumber;
  }

  public void setLotNumber(String lotNumber) {
    this.lotNumber = lotNumber;
  }

  public BigDecimal getScanQuantity() {
    return scanQuantity;
  }

  public void setScanQuantity(BigDecimal scanQuantity) {
    this.scanQuantity = scanQuantity;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getComments() {
    return comments;
  }

  public boolean commentAskedFor(String parameter) {
    return commentAsked.contains(parameter);
  }

  public Long getCorrecting() {
    return correcting;
  }

  public String getCorrectingParameter() {
    return correctingParameter;
  }

  public BigDecimal getCorrectionValue() {
    return correctionValue;
  }

  public void setCorrectionValue(BigDecimal correctionValue) {
    this.correctionValue = correctionValue;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public void setCorrectionReason(String correctionReason) {
    this.correctionReason = correctionReason;
  }

  public Integer getNotePosition() {
    return notePosition;
  }

  public String getNoteKind() {
    return noteKind;
  }

  public String getNoteText() {
    return noteText;
  }

  public void setNoteText(String noteText) {
    this.noteText = noteText;
  }

  public String getOutputLot() {
    return outputLot;
  }

  public void setOutputLot(String outputLot) {
    this.outputLot = outputLot;
  }

  public String getOutputComment() {
    return outputComment;
  }

  public void setOutputComment(String outputComment) {
    this.outputComment = outputComment;
  }

  /** The quantity made in % of the planned quantity, or null before one is entered. */
  public BigDecimal getYieldOfPlanned() {
    return run == null || outputQuantity == null || outputQuantity.signum() <= 0
        ? null
        : BatchCommands.yieldPercent(outputQuantity, run.plannedQuantity());
  }

  /** The quantity made in % of what was charged in the product's unit, or null without it. */
  public BigDecimal getYieldOfInputs() {
    BigDecimal inputs = run == null ? null : run.chargedInProductUnit();
    return inputs == null || inputs.signum() == 0 || outputQuantity == null
        ? null
        : BatchCommands.yieldPercent(outputQuantity, inputs);
  }

  /** Whether the yield of the planned quantity is outside the master record's limits. */
  public boolean isYieldOutside() {
    BigDecimal y = getYieldOfPlanned();
    return y != null
        && run.yieldLowPercent() != null
        && (y.compareTo(run.yieldLowPercent()) < 0 || y.compareTo(run.yieldHighPercent()) > 0);
  }

  public BigDecimal getOutputQuantity() {
    return outputQuantity;
  }

  public void setOutputQuantity(BigDecimal outputQuantity) {
    this.outputQuantity = outputQuantity;
  }
}
