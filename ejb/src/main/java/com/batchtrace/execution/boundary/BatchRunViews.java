package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.StepRecord;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.platform.Quantities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The view mapping: a batch's record as the terminal and the office pages show it. Only pages read
 * this; what is signed and what QA's rules check is built from the entities ({@link StepRecord},
 * {@link BatchRecord}), so a change of a page's field never touches a signature.
 */
@ApplicationScoped
public class BatchRunViews {

  @Inject BatchRecordStore store;

  @Inject SignatureService signatures;

  @Inject LiveValues liveValues;

  /** The batch with every step; with each running step's latest machine values when asked. */
  BatchRunView of(Batch batch, boolean machineValues) {
    long batchId = batch.getId();
    Map<Integer, StepExecution> runs = store.runsByPosition(batchId);
    List<LotConsumption> consumptions = store.chargesOf(batchId);
    Map<Long, List<StepEntry>> entriesByRun = store.entriesByRun(batchId);
    List<ExceptionView> exceptions =
        store.exceptionsOf(batchId).stream().map(ExceptionView::of).toList();
    List<StepRunView> steps = new ArrayList<>();
    Integer current = null;
    for (MbrStep step : batch.getMasterBatchRecord().getSteps()) {
      int position = step.getPosition();
      StepExecution run = runs.get(position);
      List<LotConsumption> stepConsumptions =
          consumptions.stream().filter(c -> Objects.equals(c.getStepPosition(), position)).toList();
      List<Charge> stepCharges = stepConsumptions.stream().map(Charge::of).toList();
      List<StepEntry> stepEntries =
          run == null ? List.of() : entriesByRun.getOrDefault(run.getId(), List.of());
      List<EntryView> entries = stepEntries.stream().map(EntryView::of).toList();
      Map<String, LiveValues.Reading> live =
          run == null || !machineValues
              ? Map.of()
              : liveValues.latest(
                  batchId,
                  position,
                  step.getParameters().stream()
                      .map(StepParameter::getTag)
                      .filter(Objects::nonNull)
                      .toList());
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
              step.getMaterials().stream().map(m -> MaterialNeed.of(m, stepCharges)).toList(),
              parameters(step, live, entries),
              entries,
              stepCharges,
              run == null
                  ? List.of()
                  : signatures.signaturesOf(new StepRecord(run, stepEntries, stepConsumptions)),
              exceptions.stream()
                  .filter(x -> Objects.equals(x.stepPosition(), position))
                  .toList()));
    }
    boolean open =
        batch.getStatus() == BatchStatus.PLANNED || batch.getStatus() == BatchStatus.IN_PROGRESS;
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
        open ? current : null,
        current == null && batch.getStatus() == BatchStatus.IN_PROGRESS,
        batch.getMasterBatchRecord().getYieldLowPercent() == null
            ? null
            : Quantities.plain(batch.getMasterBatchRecord().getYieldLowPercent()),
        batch.getMasterBatchRecord().getYieldHighPercent() == null
            ? null
            : Quantities.plain(batch.getMasterBatchRecord().getYieldHighPercent()));
  }

  private static List<ParameterRun> parameters(
      MbrStep step, Map<String, LiveValues.Reading> live, List<EntryView> entries) {
    return step.getParameters().stream()
        .map(
            p -> {
              LiveValues.Reading point = p.getTag() == null ? null : live.get(p.getTag());
              return new ParameterRun(
                  p.getName(),
                  p.getSource(),
                  p.getTag(),
                  p.getUnit(),
                  Quantities.plain(p.getLowLimit()),
                  Quantities.plain(p.getHighLimit()),
                  p.isCritical(),
                  point == null ? null : point.value(),
                  point == null ? null : point.at(),
                  entries.stream()
                      .filter(e -> e.current() && e.parameter().equals(p.getName()))
                      .findFirst()
                      .orElse(null));
            })
        .toList();
  }
}
