package com.batchtrace.execution.boundary;

import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.ExceptionDetector;
import com.batchtrace.execution.entity.CriticalLimits;
import com.batchtrace.execution.entity.MachineReading;
import com.batchtrace.genealogy.entity.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The door through which machine data reaches the batch record: critical values that open, extend
 * or end excursions, tags that fall silent or publish again, and a scale's or scanner's charge
 * events (by the terminal's rules, see {@link BatchCommands#chargeEvent}). Runs in the collector's
 * transaction, which declares the audit reason.
 */
@ApplicationScoped
public class MachineDataEvents {

  @Inject ExceptionDetector detector;

  @Inject BatchCommands commands;

  @Inject BatchRecordStore store;

  /**
   * Whether QA has decided the batch: its record is closed and signed, so late machine data is
   * stored with its context but never changes the record (no exception opens or changes).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean closed(long batchId) {
    BatchStatus status = store.batch(batchId, false).getStatus();
    return status == BatchStatus.RELEASED || status == BatchStatus.REJECTED;
  }

  /** Stored values of one step's critical parameter from one tag, in time order. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void criticalValues(
      long batchId, int step, long tagId, CriticalLimits limits, List<MachineReading> values) {
    if (!closed(batchId)) {
      detector.observe(batchId, step, tagId, limits, values);
    }
  }

  /** The tag published again: a data gap it was in ends at this value. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean tagResumed(long batchId, int step, long tagId, Instant ts) {
    return !closed(batchId) && detector.resumed(batchId, step, tagId, ts);
  }

  /** The tag has been silent since {@code since}: a data gap opens unless one is open. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean tagSilent(
      long batchId, int step, long tagId, String tag, Instant since, Instant now) {
    return !closed(batchId) && detector.silent(batchId, step, tagId, tag, since, now);
  }

  /**
   * A charge event on the equipment the batch's step runs on: accepted, or recorded as refused;
   * false when the batch's record is closed (the caller keeps the event as a dead letter).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean charged(
      long batchId,
      int step,
      String equipmentPath,
      String lotNumber,
      BigDecimal quantity,
      Instant at) {
    if (closed(batchId)) {
      return false;
    }
    commands.chargeEvent(batchId, step, equipmentPath, lotNumber, quantity, at);
    return true;
  }

  /**
   * A second, different value for a tag and source time of the batch's step: a data conflict QA
   * dispositions (the stored value stays; the other is kept as evidence by the collector).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void conflicting(
      long batchId,
      Integer step,
      long tagId,
      Instant ts,
      double storedValue,
      double value,
      String source) {
    if (!closed(batchId)) {
      detector.conflict(batchId, step, tagId, ts, storedValue, value, source);
    }
  }
}
