package com.batchtrace.web.shell;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.collection.boundary.ProcessSeries.ParameterSeries;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.platform.SiteZone;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's process data as the page shows it (component bt:processData): one Chart.js line chart
 * per parameter, its values with the points outside the limits in red, the low and high limits as
 * dashed lines, and the exception periods as shaded bands (drawn by the extender in
 * batchtrace/process-chart.js, which also shows the times in the site's zone); and the batch's
 * exceptions as a table.
 */
public class ProcessCharts implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final String VALUE_COLOUR = "#1d4ed8";
  private static final String OUTSIDE_COLOUR = "#dc2626";
  private static final String LIMIT_COLOUR = "#b45309";

  private final ProcessSeries.BatchProcessData data;
  private final List<Chart> charts;

  /** A parameter's chart: its series and the Chart.js configuration for p:chart. */
  public record Chart(ParameterSeries series, String config, String description)
      implements Serializable {}

  public ProcessCharts(ProcessSeries.BatchProcessData data) {
    this.data = data;
    this.charts = data.parameters().stream().map(ProcessCharts::chart).toList();
  }

  public List<Chart> getCharts() {
    return charts;
  }

  public List<ExceptionView> getExceptions() {
    return data.exceptions();
  }

  /** Whether any parameter's tag published a value for the batch yet. */
  public boolean isWithValues() {
    return data.hasValues();
  }

  public String getDownsampling() {
    return data.downsampling();
  }

  private static Chart chart(ParameterSeries s) {
    String unit = s.unit();
    List<Instant> times = new ArrayList<>();
    s.points().forEach(p -> times.add(p.ts()));
    s.exceptions().forEach(x -> times.add(x.startedAt()));
    s.exceptions().stream().map(ExceptionView::endedAt).filter(t -> t != null).forEach(times::add);
    times.sort(null);
    long from = times.isEmpty() ? 0 : times.get(0).toEpochMilli();
    long to = times.isEmpty() ? 0 : times.get(times.size() - 1).toEpochMilli();

    JsonArrayBuilder values = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    s.points()
        .forEach(
            p -> {
              values.add(point(p.ts().toEpochMilli(), p.value()));
              colours.add(s.outside(p.value()) ? OUTSIDE_COLOUR : VALUE_COLOUR);
            });
    JsonArrayBuilder datasets =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("label", s.parameter() + " (" + unit + ")")
                    .add("data", values)
                    .add("borderColor", VALUE_COLOUR)
                    .add("backgroundColor", VALUE_COLOUR)
                    .add("pointBackgroundColor", colours)
                    .add("pointBorderColor", colours)
                    .add("pointRadius", s.points().size() > 100 ? 1 : 3)
                    .add("borderWidth", 1.5));
    limit(datasets, "Low limit", s.low(), unit, from, to);
    limit(datasets, "High limit", s.high(), unit, from, to);

    JsonArrayBuilder periods = Json.createArrayBuilder();
    for (ExceptionView x : s.exceptions()) {
      periods.add(
          Json.createObjectBuilder()
              .add("kind", x.kind())
              .add("from", x.startedAt().toEpochMilli())
              .add("to", x.endedAt() == null ? to : x.endedAt().toEpochMilli()));
    }
    String config =
        Json.createObjectBuilder()
            .add("type", "line")
            .add("data", Json.createObjectBuilder().add("datasets", datasets))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("animation", false)
                    .add("maintainAspectRatio", false)
                    .add(
                        "scales",
                        Json.createObjectBuilder()
                            .add(
                                "x",
                                Json.createObjectBuilder()
                                    .add("type", "linear")
                                    .add("min", from)
                                    .add("max", to)
                                    .add("title", title("Time (" + SiteZone.zone().getId() + ")")))
                            .add("y", Json.createObjectBuilder().add("title", title(unit))))
                    .add(
                        "plugins",
                        Json.createObjectBuilder()
                            .add("legend", Json.createObjectBuilder().add("position", "bottom"))
                            .add(
                                "btProcess",
                                Json.createObjectBuilder()
                                    .add("zone", SiteZone.zone().getId())
                                    .add("periods", periods))))
            .build()
            .toString();
    return new Chart(s, config, description(s));
  }

  private static void limit(
      JsonArrayBuilder datasets, String name, BigDecimal limit, String unit, long from, long to) {
    if (limit == null) {
      return;
    }
    datasets.add(
        Json.createObjectBuilder()
            .add("label", name + " " + limit.toPlainString() + " " + unit)
            .add(
                "data",
                Json.createArrayBuilder()
                    .add(point(from, limit.doubleValue()))
                    .add(point(to, limit.doubleValue())))
            .add("borderColor", LIMIT_COLOUR)
            .add("backgroundColor", LIMIT_COLOUR)
            .add("borderDash", Json.createArrayBuilder().add(6).add(4))
            .add("borderWidth", 1.5)
            .add("pointRadius", 0));
  }

  private static JsonObjectBuilder point(long x, double y) {
    return Json.createObjectBuilder().add("x", x).add("y", y);
  }

  private static JsonObjectBuilder title(String text) {
    return Json.createObjectBuilder().add("display", true).add("text", text);
  }

  /** What the chart shows, for screen readers (the canvas's aria-label). */
  private static String description(ParameterSeries s) {
    return s.parameter()
        + " in step "
        + s.stepPosition()
        + ": "
        + s.samples()
        + " values"
        + (s.low() == null ? "" : ", low limit " + s.low().toPlainString())
        + (s.high() == null ? "" : ", high limit " + s.high().toPlainString())
        + " "
        + s.unit()
        + ", "
        + s.exceptions().size()
        + " exception(s)";
  }
}
