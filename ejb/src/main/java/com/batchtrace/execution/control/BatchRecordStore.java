package com.batchtrace.execution.control;

import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.execution.entity.StepSequence;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the parts of a batch's electronic record, for the commands and the read model alike: the
 * batch (locked when a command changes it), its step runs, entries, charges and exceptions.
 */
@ApplicationScoped
public class BatchRecordStore {

  @PersistenceContext EntityManager em;

  @Inject LineAssignment lineAssignment;

  /**
   * The batch an operator works on, locked when {@code lock}; refused when unknown or on a line the
   * person is not assigned to.
   */
  public Batch batchToWork(long batchId, boolean lock) {
    Batch batch = batch(batchId, lock);
    lineAssignment.require(batch.getLine(), "work on batch " + batch.getBatchNumber());
    return batch;
  }

  /** The batch for an operator's terminal view; refused for another line's operator. */
  public Batch batchToView(long batchId) {
    Batch batch = batch(batchId, false);
    lineAssignment.requireToView(batch.getLine(), "opening batch " + batch.getBatchNumber());
    return batch;
  }

  /** The batch, locked against concurrent commands when {@code lock}; refused when unknown. */
  public Batch batch(long batchId, boolean lock) {
    Batch batch =
        lock
            ? em.find(Batch.class, batchId, LockModeType.PESSIMISTIC_WRITE)
            : em.find(Batch.class, batchId);
    if (batch == null) {
      throw new RuleViolation("There is no batch with id " + batchId + ".");
    }
    return batch;
  }

  public List<StepExecution> runsOf(long batchId) {
    return em.createQuery(
            "select s from StepExecution s where s.batch.id = :b order by s.stepPosition",
            StepExecution.class)
        .setParameter("b", batchId)
        .getResultList();
  }

  /** The batch's step runs by their position in the master record. */
  public Map<Integer, StepExecution> runsByPosition(long batchId) {
    return runsOf(batchId).stream()
        .collect(Collectors.toMap(StepExecution::getStepPosition, Function.identity()));
  }

  /** Every entry of the batch by the step run it belongs to, each run's in entry order. */
  public Map<Long, List<StepEntry>> entriesByRun(long batchId) {
    return entriesOf(batchId).stream()
        .collect(Collectors.groupingBy(e -> e.getExecution().getId()));
  }

  /** The batch's steps in the master record's order with how each ran so far. */
  public StepSequence sequence(Batch batch) {
    return new StepSequence(batch, runsOf(batch.getId()));
  }

  /** A step's entries (corrected ones too) in the order they were entered. */
  public List<StepEntry> entriesOf(StepExecution run) {
    return em.createQuery(
            "select e from StepEntry e where e.execution = :r order by e.enteredAt, e.id",
            StepEntry.class)
        .setParameter("r", run)
        .getResultList();
  }

  /** Every entry of the batch, in the order they were entered. */
  public List<StepEntry> entriesOf(long batchId) {
    return em.createQuery(
            "select e from StepEntry e where e.execution.batch.id = :b order by e.enteredAt, e.id",
            StepEntry.class)
        .setParameter("b", batchId)
        .getResultList();
  }

  /** The lots charged into the batch, in the order they were charged. */
  public List<LotConsumption> chargesOf(long batchId) {
    return em.createQuery(
            "select c from LotConsumption c join fetch c.lot l join fetch l.material"
                + " where c.batch.id = :b order by c.consumedAt, c.id",
            LotConsumption.class)
        .setParameter("b", batchId)
        .getResultList();
  }

  /** The lots charged into one step of the batch. */
  public List<LotConsumption> chargesOf(StepExecution run) {
    return chargesOf(run.getBatch().getId()).stream()
        .filter(c -> c.getStepPosition() != null && c.getStepPosition() == run.getStepPosition())
        .toList();
  }

  /** The lots the batch produced, in the order they were received. */
  public List<MaterialLot> producedBy(long batchId) {
    return em.createQuery(
            "select l from MaterialLot l join fetch l.material where l.producedBy.id = :b"
                + " order by l.id",
            MaterialLot.class)
        .setParameter("b", batchId)
        .getResultList();
  }

  /** What the completion signature of the batch is linked to. */
  public BatchCompletionRecord completion(Batch batch) {
    return new BatchCompletionRecord(batch, producedBy(batch.getId()));
  }

  /** The batch's exceptions in the order they started. */
  public List<BatchException> exceptionsOf(long batchId) {
    return em.createQuery(
            "select x from BatchException x left join fetch x.tag where x.batch.id = :b"
                + " order by x.startedAt, x.id",
            BatchException.class)
        .setParameter("b", batchId)
        .getResultList();
  }
}
