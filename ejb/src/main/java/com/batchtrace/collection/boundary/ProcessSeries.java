package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.Plausibility;
import com.batchtrace.collection.control.ProcessValueQueries;
import com.batchtrace.collection.control.ProcessValueQueries.StepTag;
import com.batchtrace.collection.control.ProcessValueQueries.TagSeries;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.execution.boundary.LiveValues;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.masterdata.boundary.MasterBatchRecordService;
import com.batchtrace.masterdata.boundary.RecordSpec;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A batch's machine data per parameter, for charts: for every step parameter of its master batch
 * record that names a machine tag, the values that tag published while the batch ran that step, the
 * parameter's limits and unit, and the exceptions of that step and tag. Pages and the REST API read
 * it here, so both show the same series.
 */
@ApplicationScoped
public class ProcessSeries implements LiveValues {

  /** The newest value of each named tag during one step of the batch (the terminal's live view). */
  @Override
  @Transactional
  public Map<String, Reading> latest(long batchId, int step, List<String> tags) {
    return values.latest(batchId, step, tags).entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, e -> new Reading(e.getValue().value(), e.getValue().ts())));
  }

  /** The batch's values that arrived after {@code after}; null when none did. */
  @Transactional
  public LateValues receivedAfter(long batchId, Instant after) {
    return values.receivedAfter(batchId, after);
  }

  /**
   * How old a value may be and still be stored (BATCHTRACE_MAX_AGE_DAYS): data of a batch can only
   * arrive while its steps are this recent.
   */
  public static final Duration ACCEPTED_AGE = Plausibility.MAX_AGE;

  /** At most this many points per series: enough for a chart as wide as a screen. */
  public static final int MAX_POINTS = 500;

  public static final String DOWNSAMPLING =
      "A series of more than "
          + MAX_POINTS
          + " samples is split into "
          + MAX_POINTS / 2
          + " equal time buckets, each shown by its lowest and highest sample at their own"
          + " times (min/max, not the average, so a short excursion stays visible).";

  @Inject BatchService batches;

  @Inject MasterBatchRecordService records;

  @Inject ProcessValueQueries values;

  @Inject BatchRecords batchRecords;

  @Transactional
  public BatchProcessData of(long batchId) {
    BatchView batch =
        batches
            .find(batchId)
            .orElseThrow(() -> new RuleViolation("There is no batch " + batchId + "."));
    List<RecordSpec.Step> steps = records.read(batch.masterBatchRecordId()).orElseThrow().steps();
    List<StepTag> wanted = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      for (RecordSpec.Parameter p : parameters(steps.get(i))) {
        wanted.add(new StepTag(i + 1, p.tag()));
      }
    }
    Map<StepTag, List<TagSeries>> found =
        values.series(batchId, wanted, MAX_POINTS).stream()
            .collect(Collectors.groupingBy(s -> new StepTag(s.step(), s.tag())));
    List<ExceptionView> exceptions = batchRecords.exceptionsOf(batchId);
    List<ParameterSeries> series = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      RecordSpec.Step step = steps.get(i);
      int position = i + 1;
      for (RecordSpec.Parameter p : parameters(step)) {
        List<TagSeries> published = found.getOrDefault(new StepTag(position, p.tag()), List.of());
        if (published.isEmpty()) {
          series.add(ParameterSeries.of(position, step, p, null, exceptions));
        }
        published.forEach(s -> series.add(ParameterSeries.of(position, step, p, s, exceptions)));
      }
    }
    return new BatchProcessData(
        batch.id(), batch.batchNumber(), DOWNSAMPLING, List.copyOf(series), exceptions);
  }

  /**
   * Exact statistics of every value of each series that has values (all samples, not the chart's
   * points), keyed by {@link #key}: what an archived record states.
   */
  @Transactional
  public Map<String, Statistics> statistics(long batchId, List<ParameterSeries> series) {
    List<ProcessValueQueries.SeriesLimits> wanted =
        series.stream()
            .filter(p -> p.topic() != null)
            .map(
                p ->
                    new ProcessValueQueries.SeriesLimits(
                        p.stepPosition(), p.topic(), p.low(), p.high()))
            .toList();
    Map<String, Statistics> found = new HashMap<>();
    for (ProcessValueQueries.TagStatistics t : values.statistics(batchId, wanted)) {
      found.put(
          t.step() + " " + t.topic(),
          new Statistics(
              t.samples(),
              t.minimum(),
              t.maximum(),
              t.mean(),
              Duration.ofNanos(Math.round(t.secondsOutside() * 1e9))));
    }
    return found;
  }

  /** The key of a series' statistics: its step and topic. */
  public static String key(ParameterSeries series) {
    return series.stepPosition() + " " + series.topic();
  }

  /** Exact figures of every value of a series; out of limits: each value holds until the next. */
  public record Statistics(
      long samples, double minimum, double maximum, double mean, Duration outOfLimits) {}

  private static List<RecordSpec.Parameter> parameters(RecordSpec.Step step) {
    return step.parameters().stream().filter(p -> p.tag() != null).toList();
  }

  /** A batch's process data: the series per parameter, and all of its exceptions. */
  public record BatchProcessData(
      long batchId,
      String batchNumber,
      String downsampling,
      List<ParameterSeries> parameters,
      List<ExceptionView> exceptions)
      implements Serializable {

    /** Whether any tag published a value for the batch. */
    public boolean hasValues() {
      return parameters.stream().anyMatch(p -> !p.points().isEmpty());
    }
  }

  /**
   * One parameter's series: from one tag (its topic), or with no points and no topic when no tag of
   * that name published during the step yet.
   *
   * @param samples how many values were stored; more than the points when downsampled
   * @param exceptions the step's exceptions on this tag (excursions, gaps)
   */
  public record ParameterSeries(
      int stepPosition,
      String step,
      String parameter,
      String tag,
      String topic,
      String unit,
      BigDecimal low,
      BigDecimal high,
      boolean critical,
      long samples,
      boolean downsampled,
      List<Point> points,
      List<ExceptionView> exceptions)
      implements Serializable {

    static ParameterSeries of(
        int position,
        RecordSpec.Step step,
        RecordSpec.Parameter p,
        TagSeries published,
        List<ExceptionView> all) {
      String topic = published == null ? null : published.topic();
      List<ExceptionView> mine =
          all.stream()
              .filter(x -> x.stepPosition() != null && x.stepPosition() == position)
              .filter(x -> topic == null ? p.tag().equals(x.tag()) : topic.equals(x.topic()))
              .toList();
      return new ParameterSeries(
          position,
          step.name(),
          p.name(),
          p.tag(),
          topic,
          p.unit(),
          p.low(),
          p.high(),
          p.critical(),
          published == null ? 0 : published.samples(),
          published != null && published.samples() > published.points().size(),
          published == null ? List.of() : List.copyOf(published.points()),
          mine);
    }

    /** Whether a value is outside the parameter's limits. */
    public boolean outside(double value) {
      return (low != null && value < low.doubleValue())
          || (high != null && value > high.doubleValue());
    }
  }
}
