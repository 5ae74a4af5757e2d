package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A batch's process data over REST: per step parameter with a machine tag, exactly the values of
 * that batch and step (never another batch's on the same equipment), the parameter's limits and
 * unit, and the exception periods; a long series downsampled to at most 500 points that keep its
 * extremes.
 */
class ProcessDataIT extends DeployedApplication {

  private final DryingLine dryingLine = new DryingLine();

  @Test
  @Tag("URS-027")
  @Tag("URS-028")
  void aBatchsSeriesHasItsOwnValuesTheLimitsAndTheExcursionPeriod() throws Exception {
    long first = dryingLine.plannedBatch().getJsonNumber("id").longValue();
    JsonObject run = dryingLine.startDrying(first);
    Instant start = Instant.parse(run.getString("startedAt")).plusMillis(1);
    dryingLine.publish(start, 10, 60, 66, 71.5, 67, 60);
    Thread.sleep(100);
    dryingLine.endRun(run);
    long second = dryingLine.plannedBatch().getJsonNumber("id").longValue();
    Instant secondStart =
        Instant.parse(dryingLine.startDrying(second).getString("startedAt")).plusMillis(1);
    dryingLine.publish(secondStart, 10, 58, 59);

    JsonObject series = inletTemperature(dryingLine.processData(first));
    assertEquals(DryingLine.DRYING, series.getInt("stepPosition"));
    assertEquals(dryingLine.inletTopic, series.getString("topic"));
    assertEquals("C", series.getString("unit"));
    assertEquals(55, series.getJsonNumber("low").doubleValue());
    assertEquals(65, series.getJsonNumber("high").doubleValue());
    assertTrue(series.getBoolean("critical"));
    assertEquals(5, series.getInt("samples"));
    assertFalse(series.getBoolean("downsampled"));
    List<Double> values =
        series.getJsonArray("points").stream()
            .map(JsonObject.class::cast)
            .map(p -> p.getJsonNumber("value").doubleValue())
            .toList();
    assertEquals(List.of(60.0, 66.0, 71.5, 67.0, 60.0), values, "only the first batch's values");
    assertEquals(
        start.toString(),
        Instant.parse(series.getJsonArray("points").getJsonObject(0).getString("ts")).toString());

    assertEquals(1, series.getJsonArray("exceptions").size(), series.toString());
    JsonObject excursion = series.getJsonArray("exceptions").getJsonObject(0);
    assertEquals("CPP_EXCURSION", excursion.getString("kind"));
    assertEquals(start.plusMillis(10), Instant.parse(excursion.getString("startedAt")));
    assertEquals(start.plusMillis(40), Instant.parse(excursion.getString("endedAt")));
    assertEquals(71.5, excursion.getJsonNumber("worstValue").doubleValue());

    JsonObject other = inletTemperature(dryingLine.processData(second));
    assertEquals(2, other.getInt("samples"));
    assertEquals(0, other.getJsonArray("exceptions").size());
  }

  @Test
  @Tag("URS-027")
  void aLongSeriesIsDownsampledToAtMost500PointsKeepingItsExtremes() {
    long batch = dryingLine.plannedBatch().getJsonNumber("id").longValue();
    Instant start =
        Instant.parse(dryingLine.startDrying(batch).getString("startedAt")).plusMillis(1);
    double[] values = new double[2000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 60 + Math.sin(i / 50.0);
    }
    values[777] = 90; // one sample far above, one far below: both must stay on the chart
    values[1501] = 40;
    dryingLine.publish(start, 100, values);

    JsonObject data = dryingLine.processData(batch);
    assertTrue(data.getString("downsampling").contains("min/max"), data.getString("downsampling"));
    JsonObject series = inletTemperature(data);
    assertEquals(2000, series.getInt("samples"));
    assertTrue(series.getBoolean("downsampled"));
    List<JsonObject> points =
        series.getJsonArray("points").stream().map(JsonObject.class::cast).toList();
    assertTrue(points.size() <= 500 && points.size() >= 400, "points: " + points.size());
    assertTrue(has(points, 90, start.plusMillis(777 * 100)), "the spike is kept at its time");
    assertTrue(has(points, 40, start.plusMillis(1501 * 100)), "the dip is kept at its time");
    assertEquals(
        start,
        Instant.parse(points.get(0).getString("ts")),
        "the first sample is the lowest of its bucket");
  }

  /**
   * The archived record states the figures of all 2,000 values, not of the chart's points: the mean
   * of the points differs, the exact one is the mean of every value.
   */
  @Test
  @Tag("URS-050")
  void theArchivedRecordSummarisesEveryValueNotTheChartsPoints() throws Exception {
    long batch = dryingLine.plannedBatch().getJsonNumber("id").longValue();
    Instant start =
        Instant.parse(dryingLine.startDrying(batch).getString("startedAt")).plusMillis(1);
    double[] values = new double[2000];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 1500 ? 60 : 64 + (i % 7) * 0.5; // 64 .. 67: 65.5 and up are out of limits
      sum += values[i];
    }
    dryingLine.publish(start, 100, values);
    double outsideSeconds = 0;
    for (int i = 0; i + 1 < values.length; i++) {
      if (values[i] > 65) {
        outsideSeconds += 0.1;
      }
    }
    JsonObject series = inletTemperature(dryingLine.processData(batch));
    assertTrue(series.getBoolean("downsampled"), "the chart shows fewer points than values");
    double pointsMean =
        series.getJsonArray("points").stream()
            .map(JsonObject.class::cast)
            .mapToDouble(p -> p.getJsonNumber("value").doubleValue())
            .average()
            .orElseThrow();
    double exactMean = sum / values.length;
    assertTrue(Math.abs(pointsMean - exactMean) > 0.1, "points " + pointsMean + " " + exactMean);

    JsonObject written =
        TestStack.jsonObject(RestClient.as(DemoUser.AUDITOR).post("/archive/batches/" + batch, ""));
    Path record = Path.of(written.getString("location")).resolve("record.json");
    JsonObject archived;
    try (var reader = Json.createReader(Files.newBufferedReader(record))) {
      archived = reader.readObject();
    }
    JsonObject summary =
        archived.getJsonArray("processData").stream()
            .map(JsonObject.class::cast)
            .filter(p -> DryingLine.PARAMETER.equals(p.getString("parameter", "")))
            .findFirst()
            .orElseThrow(() -> new AssertionError(archived.toString()));
    assertEquals(60, summary.getJsonNumber("minimum").doubleValue(), 1e-9);
    assertEquals(67, summary.getJsonNumber("maximum").doubleValue(), 1e-9);
    assertEquals(exactMean, summary.getJsonNumber("mean").doubleValue(), 1e-6);
    assertEquals(outsideSeconds, summary.getJsonNumber("secondsOutOfLimits").doubleValue(), 0.0015);
  }

  @Test
  @Tag("URS-027")
  void aBatchWithoutDataHasItsParameterWithNoPointsAndAnUnknownBatchIsNotFound() {
    long batch = dryingLine.plannedBatch().getJsonNumber("id").longValue();
    JsonObject series = inletTemperature(dryingLine.processData(batch));
    assertEquals(0, series.getJsonArray("points").size());
    assertEquals("inlet-temp", series.getString("tag"));
    assertEquals(
        404, RestClient.as(DemoUser.ADMIN).get("/batches/999999999/process-data").statusCode());
  }

  private static JsonObject inletTemperature(JsonObject processData) {
    List<JsonObject> found =
        processData.getJsonArray("parameters").stream()
            .map(JsonObject.class::cast)
            .filter(p -> p.getString("parameter").equals(DryingLine.PARAMETER))
            .toList();
    assertEquals(1, found.size(), processData.toString());
    return found.get(0);
  }

  private static boolean has(List<JsonObject> points, double value, Instant ts) {
    return points.stream()
        .anyMatch(
            p ->
                p.getJsonNumber("value").doubleValue() == value
                    && Instant.parse(p.getString("ts")).equals(ts));
  }
}
