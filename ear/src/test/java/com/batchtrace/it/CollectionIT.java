package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Machine data through the real Mosquitto broker into the running application: each value lands
 * once with the batch, step, product and shift of its equipment at its own time; CPP excursions and
 * data gaps are one exception each; unreadable payloads are dead-lettered and the stream goes on; a
 * scale's charge event charges the lot once, or is refused and recorded.
 */
class CollectionIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);
  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private Uns publisher;
  private String product;
  private String api;
  private String apiGtin;
  private long record;
  private long line;
  private long dryer;
  private String dryerPath;
  private long inletTemp;
  private String inletTopic;

  @BeforeEach
  void aDryerRunningStepTwoOfABatch() throws MqttException {
    publisher = Uns.device();

    product = Lots.material("FINISHED");
    apiGtin = Gs1ScanIT.randomGtin();
    api = Lots.material("RAW", apiGtin);
    record = Recipes.drying(product, api);
    JsonObject lineNode = admin.createLine("Collection plant");
    line = lineNode.getJsonNumber("id").longValue();
    JsonObject unit = created(admin.post("/equipment", child(line, "dryer-1")));
    dryer = unit.getJsonNumber("id").longValue();
    dryerPath = unit.getString("unsPath");
    JsonObject tag = mapTag(dryer, "inlet-temp", null, null);
    inletTemp = tag.getJsonNumber("id").longValue();
    inletTopic = tag.getString("topic");
    assertEquals(dryerPath + "/inlet-temp", inletTopic);
  }

  @AfterEach
  void disconnect() throws MqttException {
    publisher.close();
  }

  @Test
  @Tag("URS-027")
  void aJsonValueLandsWithTheBatchStepProductAndShiftOfItsEquipment() throws Exception {
    long batch = runningBatch();
    Instant ts = now();
    publish(inletTopic, Uns.value(60.5, ts));

    Stored value = awaitValue(inletTemp, ts);
    assertEquals(60.5, value.value);
    assertEquals(batch, value.batchId);
    assertEquals(2, value.step);
    assertEquals(product, value.product);
    assertEquals(dryer, value.equipmentId);
    assertTrue(value.shift.matches("\\d{4}-\\d{2}-\\d{2} (Early|Late|Night)"), value.shift);
  }

  @Test
  @Tag("URS-027")
  void aSparkplugBMetricLandsWithItsBatch() throws Exception {
    long batch = runningBatch();
    String group = "it" + UUID.randomUUID().toString().substring(0, 6);
    JsonObject outlet =
        mapTag(dryer, "outlet-temp", "spBv1.0/" + group + "/edge-1/dryer-1/outlet-temp", null);
    Instant ts = now();
    SparkplugBPayload payload =
        new SparkplugBPayload.SparkplugBPayloadBuilder(0L)
            .setTimestamp(Date.from(ts))
            .addMetric(
                new Metric.MetricBuilder("outlet-temp", MetricDataType.Double, 41.25)
                    .timestamp(Date.from(ts))
                    .createMetric())
            .createPayload();
    publish(
        "spBv1.0/" + group + "/DDATA/edge-1/dryer-1",
        new SparkplugBPayloadEncoder().getBytes(payload, false));

    Stored value = awaitValue(outlet.getJsonNumber("id").longValue(), ts);
    assertEquals(41.25, value.value);
    assertEquals(batch, value.batchId);
    assertEquals(2, value.step);
  }

  @Test
  @Tag("URS-027")
  void aLateValueGetsTheBatchThatRanAtItsTimeNotTheOneRunningNow() throws Exception {
    long first = plannedBatch();
    JsonObject run = startDrying(first);
    Instant during = now();
    Thread.sleep(300);
    JsonObject ended =
        TestStack.jsonObject(
            operator.post("/batches/step-runs/" + run.getJsonNumber("id") + "/end", "{}"));
    assertNotNull(ended.getString("endedAt"));
    long second = plannedBatch();
    startDrying(second);

    Instant current = now();
    publish(inletTopic, Uns.value(60, current));
    publish(inletTopic, Uns.value(59, during)); // arrives after the first batch's step ended

    assertEquals(second, awaitValue(inletTemp, current).batchId);
    assertEquals(first, awaitValue(inletTemp, during).batchId);
  }

  @Test
  @Tag("URS-028")
  void anExcursionIsOneExceptionFromItsFirstToItsLastOutOfLimitSample() throws Exception {
    long batch = runningBatch();
    Instant t = now();
    // Limits 55 to 65 (MasterBatchRecordIT.body): three samples above, then back within.
    publish(inletTopic, Uns.value(66, t.plusSeconds(1)));
    publish(inletTopic, Uns.value(71.5, t.plusSeconds(2)));
    publish(inletTopic, Uns.value(67, t.plusSeconds(3)));
    publish(inletTopic, Uns.value(60, t.plusSeconds(4)));
    awaitValue(inletTemp, t.plusSeconds(4));
    // A redelivery of an out-of-limit sample changes nothing.
    publish(inletTopic, Uns.value(71.5, t.plusSeconds(2)));
    publish(inletTopic, Uns.value(61, t.plusSeconds(5)));
    awaitValue(inletTemp, t.plusSeconds(5));

    List<JsonObject> excursions = exceptions(batch, "CPP_EXCURSION");
    assertEquals(1, excursions.size(), excursions.toString());
    JsonObject excursion = excursions.get(0);
    assertEquals(2, excursion.getInt("stepPosition"));
    assertEquals(t.plusSeconds(1), Instant.parse(excursion.getString("startedAt")));
    assertEquals(t.plusSeconds(4), Instant.parse(excursion.getString("endedAt")));
    assertEquals(71.5, excursion.getJsonNumber("worstValue").doubleValue());
    assertTrue(
        excursion.getString("detail").contains("Inlet temperature 66 outside its limits 55 to 65"),
        excursion.getString("detail"));
  }

  @Test
  @Tag("URS-028")
  void aTagSilentBeyondItsIntervalDuringAStepIsOneGapEndedByItsNextValue() throws Exception {
    JsonObject speed = mapTag(dryer, "fan-speed", null, 2);
    String speedTopic = speed.getString("topic");
    long batch = runningBatch();
    publish(speedTopic, Uns.value(1200, now()));
    awaitValue(speed.getJsonNumber("id").longValue(), null);

    await(() -> !exceptions(batch, "DATA_GAP").isEmpty(), Duration.ofSeconds(15));
    Thread.sleep(3000); // several more looks of the watch (every second in tests)
    List<JsonObject> gaps = exceptions(batch, "DATA_GAP");
    assertEquals(1, gaps.size(), "one gap, not one per look: " + gaps);
    assertTrue(gaps.get(0).getString("topic").endsWith("/fan-speed"));
    assertTrue(stillOpen(gaps.get(0)), gaps.toString());

    Instant back = now();
    publish(speedTopic, Uns.value(1190, back));
    await(() -> !stillOpen(exceptions(batch, "DATA_GAP").get(0)), Duration.ofSeconds(10));
    assertEquals(back, Instant.parse(exceptions(batch, "DATA_GAP").get(0).getString("endedAt")));
  }

  @Test
  @Tag("URS-029")
  void aRedeliveredMessageIsStoredOnce() throws Exception {
    runningBatch();
    Instant ts = now();
    byte[] message = Uns.value(58, ts);
    publish(inletTopic, message);
    publish(inletTopic, message);
    awaitValue(inletTemp, ts);

    HttpResponse<String> again =
        admin.post(
            "/process-values",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("topic", inletTopic)
                        .add("value", 58)
                        .add("timestamp", ts.toString()))
                .build()
                .toString());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(1, TestStack.jsonObject(again).getInt("duplicates"));
    assertEquals(0, TestStack.jsonObject(again).getInt("stored"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.process_value where tag_id = ?", inletTemp));
  }

  @Test
  @Tag("URS-029")
  void anUnreadablePayloadIsDeadLetteredWithItsReasonAndTheStreamGoesOn() throws Exception {
    runningBatch();
    publish(inletTopic, "61.0 degrees".getBytes(StandardCharsets.UTF_8));
    publish(inletTopic, "{\"value\": 61}".getBytes(StandardCharsets.UTF_8));
    Instant ts = now();
    publish(inletTopic, Uns.value(61, ts));

    awaitValue(inletTemp, ts);
    await(
        () ->
            TestStack.count(
                    "select count(*) from batchtrace.dead_letter where topic = ?", inletTopic)
                == 2,
        Duration.ofSeconds(10));
    JsonArray letters =
        TestStack.json(admin.get("/collection/dead-letters?limit=50").body()).asJsonArray();
    List<String> reasons =
        letters.stream()
            .map(JsonObject.class::cast)
            .filter(l -> l.getString("topic").equals(inletTopic))
            .map(l -> l.getString("payload") + " -> " + l.getString("reason"))
            .toList();
    assertTrue(
        reasons.stream().anyMatch(r -> r.startsWith("61.0 degrees -> The payload is not a JSON")),
        reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("no \"timestamp\"")), reasons.toString());
  }

  @Test
  @Tag("URS-029")
  void valuesOverRestTakeTheSamePathAndARequestWithoutTopicsStoresNothing() throws Exception {
    long batch = runningBatch();
    Instant ts = now();
    HttpResponse<String> refused =
        admin.post(
            "/process-values",
            "[{\"topic\": \""
                + inletTopic
                + "\", \"value\": 60, \"timestamp\": \""
                + ts
                + "\"}, {\"value\": 61}]");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("Element 2 has no \\\"topic\\\""), refused.body());
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.process_value where tag_id = ?", inletTemp));

    HttpResponse<String> stored =
        admin.post(
            "/process-values",
            "[{\"topic\": \""
                + inletTopic
                + "\", \"value\": 60, \"timestamp\": \""
                + ts
                + "\"}, {\"topic\": \""
                + dryerPath
                + "/not-mapped\", \"value\": 1, \"timestamp\": \""
                + ts
                + "\"}]");
    assertEquals(200, stored.statusCode(), stored.body());
    JsonObject report = TestStack.jsonObject(stored);
    assertEquals(1, report.getInt("stored"));
    assertEquals(1, report.getInt("unmapped"));
    assertEquals(batch, awaitValue(inletTemp, ts).batchId);
    assertTrue(admin.get("/collection/unmapped-topics").body().contains(dryerPath + "/not-mapped"));
  }

  @Test
  @Tag("URS-030")
  void aScalesChargeEventChargesTheLotOnceOrIsRefusedAndRecorded() throws Exception {
    // Step 1, which takes the material, runs on the dryer's scale, mapped as charge events.
    long batch = plannedBatch();
    operator.startStep(batch, 1, dryer);
    admin.mapChargeEvents(dryer);
    JsonObject released = Lots.inQuarantine(api);
    long lotId = released.getJsonNumber("id").longValue();
    assertEquals(
        200,
        Lots.decide(DemoUser.REVIEWER, lotId, "release", DemoUser.PASSWORD, null).statusCode());
    JsonObject quarantined = Lots.inQuarantine(api);

    Instant ts = now();
    byte[] charge = chargeEvent(released.getString("lotNumber"), 5, ts);
    publish(dryerPath + "/material-charged", charge);
    publish(dryerPath + "/material-charged", charge); // redelivered
    publish(
        dryerPath + "/material-charged", chargeEvent(quarantined.getString("lotNumber"), 5, now()));

    await(() -> !exceptions(batch, "LOT_REFUSED").isEmpty(), Duration.ofSeconds(10));
    JsonObject refusal = exceptions(batch, "LOT_REFUSED").get(0);
    assertTrue(refusal.getString("detail").contains("not released"), refusal.toString());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ? and lot_id = ?",
            batch,
            lotId),
        "charged once");
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where lot_id = ?",
            quarantined.getJsonNumber("id").longValue()));
    JsonObject lot = TestStack.jsonObject(admin.get("/lots/" + lotId));
    assertEquals(20.5, lot.getJsonNumber("remainingQuantity").doubleValue());
  }

  @Test
  @Tag("URS-078")
  void aChargeEventWithAGs1CodeChargesItsLotAndAWrongGtinIsRefusedAndRecorded() throws Exception {
    long batch = plannedBatch();
    operator.startStep(batch, 1, dryer);
    admin.mapChargeEvents(dryer);
    JsonObject lot = Lots.released(Lots.inQuarantine(api));
    String lotNumber = lot.getString("lotNumber");
    long lotId = lot.getJsonNumber("id").longValue();

    // A label of another material with this lot number: GTIN and lot must both agree.
    String otherGtin = Gs1ScanIT.randomGtin();
    publish(
        dryerPath + "/material-charged",
        chargeEvent("01" + otherGtin + "10" + lotNumber, 5, now()));
    // The scanner's DataMatrix: symbology identifier, GTIN, lot, group separator, serial.
    publish(
        dryerPath + "/material-charged",
        chargeEvent("]d201" + apiGtin + "10" + lotNumber + "\u001D21S-1", 5, now()));

    await(
        () ->
            !exceptions(batch, "LOT_REFUSED").isEmpty()
                && TestStack.count(
                        "select count(*) from batchtrace.lot_consumption where lot_id = ?", lotId)
                    == 1,
        Duration.ofSeconds(10));
    List<JsonObject> refused = exceptions(batch, "LOT_REFUSED");
    assertEquals(1, refused.size(), refused.toString());
    String detail = refused.get(0).getString("detail");
    assertTrue(
        detail.contains("Lot " + lotNumber)
            && detail.contains("GTIN " + otherGtin + " is not the GTIN of material " + api),
        detail);
    assertEquals(
        5,
        TestStack.count("select quantity from batchtrace.lot_consumption where lot_id = ?", lotId),
        "charged once, by the lot the code names");
  }

  // --- the plant and the broker ---

  private long plannedBatch() {
    return admin.planBatch(record, line).getJsonNumber("id").longValue();
  }

  /** A new batch with step 2 (drying, CPP inlet temperature 55 to 65) running on the dryer. */
  private long runningBatch() {
    long batch = plannedBatch();
    startDrying(batch);
    return batch;
  }

  /** Step 1 done, then step 2 started on the dryer: steps run in order; returns the step run. */
  private JsonObject startDrying(long batch) {
    operator.runStep(batch, 1);
    return operator.startStep(batch, 2, dryer);
  }

  private JsonObject mapTag(long equipment, String tag, String source, Integer interval) {
    var body =
        Json.createObjectBuilder().add("equipmentId", equipment).add("tag", tag).add("unit", "C");
    if (source != null) {
      body.add("source", source);
    }
    if (interval != null) {
      body.add("expectedIntervalSeconds", interval);
    }
    return TestStack.jsonObject(expect(200, admin.post("/uns-tags", body.build().toString())));
  }

  private static String child(long parent, String code) {
    return Json.createObjectBuilder()
        .add("parentId", parent)
        .add("code", code)
        .add("name", "Fluid bed dryer")
        .build()
        .toString();
  }

  private void publish(String topic, byte[] payload) throws MqttException {
    publisher.publish(topic, payload);
  }

  private static byte[] chargeEvent(String lot, double quantity, Instant ts) {
    return Json.createObjectBuilder()
        .add("lot", lot)
        .add("quantity", quantity)
        .add("timestamp", ts.toString())
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private List<JsonObject> exceptions(long batch, String kind) {
    return TestStack.json(admin.get("/batches/" + batch + "/exceptions").body())
        .asJsonArray()
        .stream()
        .map(JsonObject.class::cast)
        .filter(x -> x.getString("kind").equals(kind))
        .toList();
  }

  private static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    TestStack.await(condition, limit, "the collector's result");
  }

  /** JSON leaves out an end that is not there yet. */
  private static boolean stillOpen(JsonObject exception) {
    return !exception.containsKey("endedAt") || exception.isNull("endedAt");
  }

  /** A stored value with its context. */
  private record Stored(
      double value, Long batchId, Integer step, String product, long equipmentId, String shift) {}

  /** Waits until the tag's value at {@code ts} (or any value, for null) is stored; returns it. */
  private static Stored awaitValue(long tag, Instant ts) throws Exception {
    Stored[] found = new Stored[1];
    await(
        () -> {
          found[0] = value(tag, ts);
          return found[0] != null;
        },
        Duration.ofSeconds(15));
    return found[0];
  }

  private static Stored value(long tag, Instant ts) {
    String sql =
        "select value, batch_id, step_position, product, equipment_id, shift"
            + " from batchtrace.process_value where tag_id = ?"
            + (ts == null ? "" : " and ts = ?")
            + " limit 1";
    try (Connection db = TestStack.databaseAsSuperuser();
        PreparedStatement s = db.prepareStatement(sql)) {
      s.setLong(1, tag);
      if (ts != null) {
        s.setTimestamp(2, Timestamp.from(ts));
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        return new Stored(
            rs.getDouble(1),
            (Long) rs.getObject(2),
            (Integer) rs.getObject(3),
            rs.getString(4),
            rs.getLong(5),
            rs.getString(6));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    return response;
  }

  private static JsonObject created(HttpResponse<String> response) {
    return TestStack.jsonObject(expect(201, response));
  }
}
