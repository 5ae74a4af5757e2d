package com.batchtrace.genealogy.boundary;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * One step of a trace from a lot, what a tree shows when the lot is expanded: forward, the batches
 * that consumed the lot and the lots each produced; backward, the batch that produced the lot and
 * the lots it consumed. Long lists are cut off; the counts say how many there are in all.
 *
 * @param lotId the lot stepped from
 * @param direction FORWARD or BACKWARD
 * @param batches the batches next to the lot, by batch number, at most the limit asked for
 * @param batchCount how many batches there are in all
 */
public record TraceStep(long lotId, String direction, List<Batch> batches, long batchCount)
    implements Serializable {

  public TraceStep {
    batches = List.copyOf(batches);
  }

  /** How many batches the limit left out. */
  public long batchesLeftOut() {
    return batchCount - batches.size();
  }

  /**
   * A batch next to the lot.
   *
   * @param status the batch's status (PLANNED ... RELEASED, REJECTED)
   * @param consumed forward: how much of the lot stepped from the batch consumed; backward: null
   * @param unit the unit of {@code consumed}
   * @param lots the lots on the batch's other side, by lot number, at most the limit asked for
   * @param lotCount how many lots there are in all
   */
  public record Batch(
      long id,
      String batchNumber,
      String status,
      BigDecimal consumed,
      String unit,
      List<Lot> lots,
      long lotCount)
      implements Serializable {

    public Batch {
      lots = List.copyOf(lots);
    }

    /** How many lots the limit left out. */
    public long lotsLeftOut() {
      return lotCount - lots.size();
    }
  }

  /**
   * A lot on the other side of a batch.
   *
   * @param consumed backward: how much of this lot the batch consumed; forward: null
   * @param unit the unit of {@code consumed}
   * @param continues whether the trace goes on from this lot (it went into a batch, forward; it was
   *     made by one, backward)
   */
  public record Lot(TracedLot lot, BigDecimal consumed, String unit, boolean continues)
      implements Serializable {}
}
