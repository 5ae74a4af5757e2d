package com.batchtrace.execution.entity;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.platform.RuleViolation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order a batch's steps run in: the master record's, each one done before the next starts, and
 * every one done before the batch is completed. The same rules for the terminal, an MES over the
 * REST API and a scale's or scanner's event.
 */
public final class StepSequence {

  private final Batch batch;
  private final Map<Integer, StepExecution> runs;

  public StepSequence(Batch batch, Collection<StepExecution> runs) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.runs =
        runs.stream()
            .collect(Collectors.toMap(StepExecution::getStepPosition, Function.identity()));
  }

  /** The master record's step at {@code position}; refused when the record has none there. */
  public MbrStep step(int position) {
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

  /** How the step ran so far, if it was started. */
  public Optional<StepExecution> run(int position) {
    return Optional.ofNullable(runs.get(position));
  }

  /** The started step at {@code position}; refused when it is not started. */
  public StepExecution started(int position) {
    MbrStep step = step(position);
    StepExecution run = runs.get(position);
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

  /** The step open for charges and entries (started, not yet signed), if there is one. */
  public Optional<StepExecution> openStep() {
    return batch.getMasterBatchRecord().getSteps().stream()
        .map(s -> runs.get(s.getPosition()))
        .filter(r -> r != null && r.getStatus() == StepStatus.IN_PROGRESS)
        .findFirst();
  }

  /**
   * Refuses to start the step unless the batch is open, it is new and every earlier step is done.
   */
  public void requireStartable(int position) {
    MbrStep step = step(position);
    if (batch.getStatus() != BatchStatus.PLANNED && batch.getStatus() != BatchStatus.IN_PROGRESS) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " is "
              + batch.getStatus().label()
              + ": no step can be started. Nothing was started.");
    }
    if (runs.containsKey(position)) {
      throw new RuleViolation(
          "Step "
              + position
              + " ("
              + step.getName()
              + ") is started already. Nothing was started.");
    }
    for (MbrStep earlier : batch.getMasterBatchRecord().getSteps()) {
      if (earlier.getPosition() < position && !isDone(earlier)) {
        throw new RuleViolation(
            "Step "
                + earlier.getPosition()
                + " ("
                + earlier.getName()
                + ") is not finished: steps run in the master record's order. Nothing was started.");
      }
    }
  }

  /** The master record's steps that are not done, in order. */
  public List<MbrStep> unfinished() {
    return batch.getMasterBatchRecord().getSteps().stream().filter(s -> !isDone(s)).toList();
  }

  /** The first step not done, if any: where the batch stands. */
  public Optional<MbrStep> current() {
    return unfinished().stream().findFirst();
  }

  /** Refuses completion while any step is not done, naming every such step. */
  public void requireAllDone() {
    List<MbrStep> open = unfinished();
    if (!open.isEmpty()) {
      throw new RuleViolation(
          (open.size() == 1 ? "Step " : "Steps ")
              + open.stream()
                  .map(s -> s.getPosition() + " (" + s.getName() + ")")
                  .collect(Collectors.joining(", "))
              + (open.size() == 1 ? " is" : " are")
              + " not finished: every step must be done before batch "
              + batch.getBatchNumber()
              + " is completed. Nothing was completed.");
    }
  }

  private boolean isDone(MbrStep step) {
    StepExecution run = runs.get(step.getPosition());
    return run != null && run.getStatus() == StepStatus.DONE;
  }
}
