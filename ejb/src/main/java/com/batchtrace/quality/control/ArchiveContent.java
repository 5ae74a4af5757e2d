package com.batchtrace.quality.control;

import com.batchtrace.collection.boundary.Point;
import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.collection.boundary.ProcessSeries.ParameterSeries;
import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.boundary.TracedLot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything an archive package holds of one batch, read once and written twice (the PDF/A record
 * and the JSON record), so the two can never tell different stories.
 *
 * @param packageName the package's folder name: the batch number, then -2, -3 for later packages
 * @param reason why it was written ("released", "rejected", "on demand by ...")
 * @param status the batch's status word at archiving (RELEASED, REJECTED, IN_REVIEW ...)
 * @param decision QA's release or rejection signature; null while undecided
 */
public record ArchiveContent(
    String packageName,
    String reason,
    Instant archivedAt,
    String archivedById,
    String archivedByName,
    BatchRunView run,
    String status,
    SignatureView decision,
    List<LotView> producedLots,
    List<Exception> exceptions,
    List<ProcessSummary> processData,
    List<Genealogy> genealogy,
    List<AuditEntry> auditTrail) {

  public ArchiveContent {
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(archivedAt, "archivedAt");
    producedLots = List.copyOf(producedLots);
    exceptions = List.copyOf(exceptions);
    processData = List.copyOf(processData);
    genealogy = List.copyOf(genealogy);
    auditTrail = List.copyOf(auditTrail);
  }

  /** Whether QA released or rejected the batch. */
  public boolean decided() {
    return decision != null;
  }

  /**
   * An exception with QA's disposition and its signatures (disposition null while open).
   *
   * @param disposition ACCEPTED, REJECTED ... as QA decided; null while open
   */
  public record Exception(
      ExceptionView exception,
      String disposition,
      String justification,
      String deviationReference,
      List<SignatureView> signatures) {

    public Exception {
      Objects.requireNonNull(exception, "exception");
      signatures = List.copyOf(signatures);
    }
  }

  /** One produced lot's genealogy: what went into it (backward) and where it went (forward). */
  public record Genealogy(String lotNumber, List<TracedLot> backward, List<TracedLot> forward) {

    public Genealogy {
      backward = List.copyOf(backward);
      forward = List.copyOf(forward);
    }
  }

  /**
   * One parameter's process data during its step (its series with the chart's points: every value,
   * or each time bucket's lowest and highest when there are more than {@code
   * ProcessSeries.MAX_POINTS}) and the summary the archive prints.
   *
   * @param minimum exact (the kept points include every bucket's extremes); null without values
   * @param mean over the kept points (exact unless downsampled)
   * @param outOfLimits how long the values were outside the limits: from each point outside to the
   *     next point
   */
  public record ProcessSummary(
      ParameterSeries series, Double minimum, Double maximum, Double mean, Duration outOfLimits) {

    /**
     * The summary of a parameter's series from the exact statistics of all its values (null when it
     * has none: then from its points, which are then all its values or none).
     */
    public static ProcessSummary of(ParameterSeries s, ProcessSeries.Statistics exact) {
      if (exact == null) {
        return of(s);
      }
      return new ProcessSummary(
          s, exact.minimum(), exact.maximum(), exact.mean(), exact.outOfLimits());
    }

    /** The summary of a parameter's series from its points (exact when not downsampled). */
    public static ProcessSummary of(ParameterSeries s) {
      List<Point> points = s.points();
      Double min = null;
      Double max = null;
      Double mean = null;
      Duration outside = Duration.ZERO;
      if (!points.isEmpty()) {
        double sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
          double v = points.get(i).value();
          min = Math.min(min, v);
          max = Math.max(max, v);
          sum += v;
          if (i + 1 < points.size() && s.outside(v)) {
            outside = outside.plus(Duration.between(points.get(i).ts(), points.get(i + 1).ts()));
          }
        }
        mean = sum / points.size();
      }
      return new ProcessSummary(s, min, max, mean, outside);
    }
  }
}
