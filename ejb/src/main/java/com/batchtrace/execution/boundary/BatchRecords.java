package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.execution.boundary.BatchRunView.QueueEntry;
import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.LineAssignment;
import com.batchtrace.execution.control.StepRecord;
import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.execution.entity.StepSequence;
import com.batchtrace.execution.entity.StepStatus;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The read side of the electronic batch record: a line's work queue, a batch as pages show it, its
 * exceptions and charges, the batches waiting for review, and {@link BatchRecord}, the one read
 * model quality's rules and signatures use.
 */
@ApplicationScoped
public class BatchRecords {

  /** The work queue shows this many batches per line; a batch beyond it opens by its number. */
  private static final int QUEUE_LIMIT = 100;

  @PersistenceContext EntityManager em;

  @Inject BatchRecordStore store;

  @Inject LineAssignment lineAssignment;

  @Inject BatchRunViews views;

  @Inject SignatureService signatures;

  /**
   * The batches of a line an operator can work on: running ones first, then planned, oldest first.
   */
  @Transactional
  public List<QueueEntry> workQueue(long lineId) {
    Equipment line = em.find(Equipment.class, lineId);
    if (line == null) {
      throw new RuleViolation("There is no line with id " + lineId + ".");
    }
    lineAssignment.requireToView(line, "the work queue of " + line.getName());
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
            .setMaxResults(QUEUE_LIMIT)
            .getResultList();
    // The queue's step runs in one query, not one per batch.
    Map<Long, List<StepExecution>> started =
        queued.isEmpty()
            ? Map.of()
            : em.createQuery(
                    "select s from StepExecution s where s.batch in :batches", StepExecution.class)
                .setParameter("batches", queued)
                .getResultStream()
                .collect(Collectors.groupingBy(s -> s.getBatch().getId()));
    return queued.stream()
        .map(
            b -> {
              List<StepExecution> runs = started.getOrDefault(b.getId(), List.of());
              StepSequence sequence = new StepSequence(b, runs);
              long done = runs.stream().filter(r -> r.getStatus() == StepStatus.DONE).count();
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
                  b.getMasterBatchRecord().getSteps().size(),
                  sequence.current().map(s -> s.getPosition() + ". " + s.getName()).orElse(null),
                  runs.stream().anyMatch(r -> r.getStatus() == StepStatus.PERFORMED));
            })
        .toList();
  }

  /** The batch with every step as the terminal shows it, with each step's latest machine values. */
  @Transactional
  public BatchRunView run(long batchId) {
    return views.of(store.batchToView(batchId), true);
  }

  /** The batch's record as pages show it, without machine value look-ups. */
  @Transactional
  public BatchRunView view(long batchId) {
    return views.of(store.batch(batchId, false), false);
  }

  /**
   * The batch's completion with its "performed" signature, for QA's review and the batch report;
   * empty while the batch is not completed.
   */
  @Transactional
  public java.util.Optional<BatchCompletionView> completion(long batchId) {
    Batch batch = store.batch(batchId, false);
    if (batch.getCompletedAt() == null) {
      return java.util.Optional.empty();
    }
    java.math.BigDecimal made =
        store.producedBy(batchId).stream()
            .map(com.batchtrace.genealogy.entity.MaterialLot::getReceivedQuantity)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    return java.util.Optional.of(
        new BatchCompletionView(
            batch.getBatchNumber(),
            batch.getCompletedAt(),
            Quantities.plain(batch.getPlannedQuantity()),
            Quantities.plain(made),
            batch.getProduct().getUnit(),
            BatchCommands.yieldPercent(made, batch.getPlannedQuantity()),
            batch.getMasterBatchRecord().getYieldLowPercent(),
            batch.getMasterBatchRecord().getYieldHighPercent(),
            batch.getCompletionComment(),
            signatures.signaturesOf(store.completion(batch))));
  }

  /** The exceptions on a batch, in the order they started. */
  @Transactional
  public List<ExceptionView> exceptionsOf(long batchId) {
    return store.exceptionsOf(batchId).stream().map(ExceptionView::of).toList();
  }

  /** The lots charged into a batch, in the order they were charged. */
  @Transactional
  public List<Charge> charges(long batchId) {
    return store.chargesOf(batchId).stream().map(Charge::of).toList();
  }

  /**
   * Every batch waiting for QA's review, with the ids of its exceptions: quality orders them by its
   * own dispositions. A plant has tens of batches in review, not thousands.
   */
  @Transactional
  public List<AwaitingReview> awaitingReview() {
    Map<Long, List<Long>> exceptions =
        em.createQuery(
                "select x.batch.id, x.id from BatchException x where x.batch.status = :s",
                Object[].class)
            .setParameter("s", BatchStatus.IN_REVIEW)
            .getResultStream()
            .collect(
                Collectors.groupingBy(
                    r -> (Long) r[0], Collectors.mapping(r -> (Long) r[1], Collectors.toList())));
    return em.createQuery(
            "select b from Batch b join fetch b.product join fetch b.line where b.status = :s"
                + " order by b.completedAt, b.id",
            Batch.class)
        .setParameter("s", BatchStatus.IN_REVIEW)
        .getResultStream()
        .map(
            b ->
                new AwaitingReview(
                    b.getId(),
                    b.getBatchNumber(),
                    b.getProduct().getCode(),
                    b.getProduct().getName(),
                    b.getLine().getName(),
                    b.getCompletedAt(),
                    exceptions.getOrDefault(b.getId(), List.of())))
        .toList();
  }

  /** A batch waiting for review and the ids of its exceptions. */
  public record AwaitingReview(
      long batchId,
      String batchNumber,
      String productCode,
      String productName,
      String line,
      Instant completedAt,
      List<Long> exceptionIds) {}

  /**
   * The batch's electronic record for QA: steps with entries, charges and their signatures (each
   * checked now), exceptions, produced lots.
   */
  @Transactional
  public BatchRecord record(long batchId) {
    Batch batch = store.batch(batchId, false);
    Map<Integer, StepExecution> runs = store.runsByPosition(batchId);
    List<LotConsumption> consumptions = store.chargesOf(batchId);
    Map<Long, List<StepEntry>> entriesByRun = store.entriesByRun(batchId);
    List<BatchRecord.Step> steps = new ArrayList<>();
    for (MbrStep step : batch.getMasterBatchRecord().getSteps()) {
      StepExecution run = runs.get(step.getPosition());
      List<StepEntry> entries =
          run == null ? List.of() : entriesByRun.getOrDefault(run.getId(), List.of());
      List<LotConsumption> charged =
          consumptions.stream()
              .filter(c -> Objects.equals(c.getStepPosition(), step.getPosition()))
              .toList();
      steps.add(
          new BatchRecord.Step(
              step.getPosition(),
              step.getName(),
              run == null ? "NOT_STARTED" : run.getStatus().name(),
              run == null ? null : run.getStartedBy(),
              run == null ? null : run.getStartedAt(),
              run == null ? null : run.getPerformedBy(),
              run == null ? null : run.getVerifiedBy(),
              entries.stream().map(BatchRecords::entry).toList(),
              charged.stream().map(BatchRecords::consumed).toList(),
              run == null ? List.of() : signaturesOf(new StepRecord(run, entries, charged))));
    }
    return new BatchRecord(
        batchId,
        batch.getBatchNumber(),
        batch.getProduct().getCode(),
        batch.getMasterBatchRecord().describe(),
        batch.getLine().getUnsPath(),
        batch.getPlannedQuantity(),
        batch.getStatus().name(),
        steps,
        store.exceptionsOf(batchId).stream().map(BatchRecords::exception).toList(),
        store.producedBy(batchId).stream()
            .map(
                l ->
                    new BatchRecord.Output(
                        l.getLotNumber(), l.getReceivedQuantity(), l.getMaterial().getUnit()))
            .toList(),
        signaturesOf(store.completion(batch)));
  }

  private List<BatchRecord.Signature> signaturesOf(SignedRecord record) {
    return signatures.signaturesOf(record).stream()
        .map(
            s ->
                new BatchRecord.Signature(
                    s.id(),
                    s.meaning(),
                    s.signerId(),
                    s.signerName(),
                    s.signedAt(),
                    s.contentSha256(),
                    s.valid()))
        .toList();
  }

  private static BatchRecord.Entry entry(StepEntry e) {
    return new BatchRecord.Entry(
        e.getId(),
        e.getParameter(),
        e.getValue(),
        e.getUnit(),
        e.getEnteredBy(),
        e.getEnteredAt(),
        e.getCorrectionReason(),
        e.getSupersededAt());
  }

  private static BatchRecord.Consumed consumed(LotConsumption c) {
    return new BatchRecord.Consumed(
        c.getLot().getLotNumber(),
        c.getLot().getMaterial().getCode(),
        c.getQuantity(),
        c.getLot().getMaterial().getUnit(),
        c.getConsumedAt(),
        c.getChargedBy());
  }

  private static BatchRecord.RecordedException exception(BatchException x) {
    return new BatchRecord.RecordedException(
        x.getId(),
        x.getKind().name(),
        x.getStepPosition(),
        x.getParameter(),
        x.getStartedAt(),
        x.getEndedAt(),
        x.getWorstValue(),
        x.getDetail(),
        x.getRaisedById());
  }
}
