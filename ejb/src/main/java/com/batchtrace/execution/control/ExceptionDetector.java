package com.batchtrace.execution.control;

import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.execution.entity.CriticalLimits;
import com.batchtrace.execution.entity.ExceptionKind;
import com.batchtrace.execution.entity.MachineReading;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.UnsTag;
import com.batchtrace.platform.Quantities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides what in the machine data is an exception. A CPP excursion is one
 * exception from its first to its last out-of-limit sample, not one per sample: a further
 * out-of-limit sample extends it (also one that arrives late), a sample back within limits ends it.
 * A data gap opens when a tag stays silent beyond its expected interval during a step and ends with
 * the tag's next value. Runs in the caller's transaction; the caller declares the reason.
 */
@ApplicationScoped
public class ExceptionDetector {

  @PersistenceContext EntityManager em;

  /**
   * Stored values of one step's critical parameter from one tag, in time order: they open, extend
   * or end excursions. The open excursion is looked up once and followed in memory; only an
   * out-of-limit value with no excursion open asks whether it falls into an earlier one.
   */
  public void observe(
      long batchId, int step, long tagId, CriticalLimits limits, List<MachineReading> values) {
    BatchException open = open(batchId, step, tagId, ExceptionKind.CPP_EXCURSION).orElse(null);
    for (MachineReading row : values) {
      Instant ts = row.ts();
      double value = row.value();
      if (!limits.outside(value)) {
        if (open != null && !ts.isBefore(open.getStartedAt())) {
          open.end(ts);
          open = null;
        }
        continue;
      }
      BatchException same = open != null ? open : covering(batchId, step, tagId, ts).orElse(null);
      if (same != null) {
        same.extend(ts, value, worse(limits, value, same.getWorstValue()));
        continue;
      }
      open =
          new BatchException(
              em.getReference(Batch.class, batchId),
              step,
              ExceptionKind.CPP_EXCURSION,
              em.getReference(UnsTag.class, tagId),
              limits.name(),
              ts,
              value,
              limits.name()
                  + " "
                  + Quantities.plain(java.math.BigDecimal.valueOf(value)).toPlainString()
                  + " outside its limits "
                  + (limits.low() == null ? "–" : Quantities.plain(limits.low()).toPlainString())
                  + " to "
                  + (limits.high() == null ? "–" : Quantities.plain(limits.high()).toPlainString())
                  + " (critical process parameter)");
      em.persist(open);
    }
  }

  /** The tag published again: a gap it was in ends at this value. */
  public boolean resumed(long batchId, int step, long tagId, Instant ts) {
    Optional<BatchException> gap = open(batchId, step, tagId, ExceptionKind.DATA_GAP);
    gap.ifPresent(g -> g.end(ts));
    return gap.isPresent();
  }

  /** A silent tag: opens a gap unless one is open already. */
  public boolean silent(
      long batchId, int step, long tagId, String tag, Instant since, Instant now) {
    if (open(batchId, step, tagId, ExceptionKind.DATA_GAP).isPresent()) {
      return false;
    }
    em.persist(
        new BatchException(
            em.getReference(Batch.class, batchId),
            step,
            ExceptionKind.DATA_GAP,
            em.getReference(UnsTag.class, tagId),
            null,
            since,
            null,
            "No data from tag " + tag + " since " + since + " (noticed at " + now + ")"));
    return true;
  }

  /** A different value for a tag and time that had one: one data conflict per value. */
  public void conflict(
      long batchId,
      Integer step,
      long tagId,
      Instant ts,
      double storedValue,
      double value,
      String source) {
    UnsTag tag = em.find(UnsTag.class, tagId);
    em.persist(
        new BatchException(
            em.getReference(Batch.class, batchId),
            step,
            ExceptionKind.DATA_CONFLICT,
            tag,
            null,
            ts,
            null,
            "Tag "
                + tag.getTag()
                + " sent "
                + value
                + " for "
                + ts
                + " ("
                + source
                + "), which already had "
                + storedValue
                + ": the first value stays, the second is kept as evidence."));
  }

  private Optional<BatchException> open(long batchId, int step, long tagId, ExceptionKind kind) {
    return first(
        em.createQuery(
                "select x from BatchException x where x.batch.id = :b and x.stepPosition = :s"
                    + " and x.tag.id = :t and x.kind = :k and x.endedAt is null"
                    + " and x.frozenAt is null",
                BatchException.class)
            .setParameter("b", batchId)
            .setParameter("s", step)
            .setParameter("t", tagId)
            .setParameter("k", kind)
            .getResultList());
  }

  private Optional<BatchException> covering(long batchId, int step, long tagId, Instant ts) {
    return first(
        em.createQuery(
                "select x from BatchException x where x.batch.id = :b and x.stepPosition = :s"
                    + " and x.tag.id = :t and x.kind = :k and x.startedAt <= :ts"
                    + " and x.endedAt >= :ts and x.frozenAt is null",
                BatchException.class)
            .setParameter("b", batchId)
            .setParameter("s", step)
            .setParameter("t", tagId)
            .setParameter("k", ExceptionKind.CPP_EXCURSION)
            .setParameter("ts", ts)
            .getResultList());
  }

  private static Optional<BatchException> first(List<BatchException> found) {
    return found.stream().findFirst();
  }

  private static boolean worse(CriticalLimits limits, double value, Double worst) {
    if (worst == null) {
      return true;
    }
    return distance(limits, value) > distance(limits, worst);
  }

  private static double distance(CriticalLimits limits, double value) {
    double below = limits.low() == null ? 0 : limits.low().doubleValue() - value;
    double above = limits.high() == null ? 0 : value - limits.high().doubleValue();
    return Math.max(below, above);
  }
}
