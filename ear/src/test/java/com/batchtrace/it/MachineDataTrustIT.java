package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Machine data a plant can trust: a message that cannot be read or stored becomes a dead letter
 * with its reason while the values around it are stored, implausible times and numbers are refused,
 * and what QA signed never changes by later data.
 */
class MachineDataTrustIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);
  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private final RestClient rita = RestClient.as(DemoUser.REVIEWER);

  @Test
  @Tag("URS-029")
  void poisonMessagesBecomeDeadLettersAndEveryGoodValueAroundThemIsStored() throws Exception {
    DryingLine line = new DryingLine();
    Instant started = Instant.now();
    Instant base = started.truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
    byte[] invalidUtf8 = {'{', '"', 'v', (byte) 0xC3, (byte) 0x28, '"', '}'};
    byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
    Arrays.fill(fiveMegabytes, (byte) ' ');
    Map<Integer, byte[]> poison =
        Map.of(
            100,
            ("{\"value\":1e400,\"timestamp\":\"" + base + "\"}").getBytes(StandardCharsets.UTF_8),
            300,
            "{\"value\":60,\"timestamp\":\"+294277-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8),
            500,
            fiveMegabytes,
            700,
            invalidUtf8);
    try (Uns device = Uns.device()) {
      for (int i = 0; i < 1000; i++) {
        if (poison.containsKey(i)) {
          device.publish(line.inletTopic, poison.get(i));
        }
        device.publish(line.inletTopic, Uns.value(60, base.plusMillis(i)));
      }
      device.publish(
          "spBv1.0/trust/DDATA/edge-1/dryer-1", "not protobuf".getBytes(StandardCharsets.UTF_8));
    }

    long published = System.nanoTime();
    List<String> reasons =
        List.of(
            "not a finite number",
            "ahead of the server's clock",
            "at most 262144 are read",
            "not a JSON object");
    TestStack.await(
        () ->
            reasons.stream().allMatch(r -> deadLetters(line.inletTopic, r) == 1)
                && TestStack.count(
                        "select count(*) from batchtrace.dead_letter where topic = ?"
                            + " and reason like '%not a Sparkplug B protobuf%'",
                        "spBv1.0/trust/DDATA/edge-1/dryer-1")
                    == 1
                && stored(line.inletTopic) == 1000,
        Duration.ofSeconds(30),
        "five dead letters with their reasons and the 1,000 good values");
    System.out.println(
        "Poison messages dead-lettered and 1,000 good values stored "
            + (System.nanoTime() - published) / 1_000_000
            + " ms after the last was published");
    assertEquals(1000, stored(line.inletTopic), "every good value exactly once");
    for (String reason : reasons) {
      assertEquals(1, deadLetters(line.inletTopic, reason), reason);
    }
    JsonObject status = TestStack.jsonObject(admin.get("/collection/status"));
    assertTrue(status.getBoolean("writerRunning"), status.toString());
    assertEquals(0, status.getInt("queued"), status.toString());
  }

  @Test
  @Tag("URS-029")
  void theWriterSurvivesAnErrorReportsItAndStoresTheNextValues() throws Exception {
    DryingLine line = new DryingLine();
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
    try (Uns device = Uns.device()) {
      device.publish(line.inletTopic, Uns.value(60, base));
      // The test server throws an Error for this topic (BATCHTRACE_FAULT_INJECTION_TOPIC).
      device.publish("it-fault/writer-error", Uns.value(1, base));
      for (int i = 1; i <= 10; i++) {
        device.publish(line.inletTopic, Uns.value(60, base.plusMillis(i)));
      }
    }
    TestStack.await(
        () -> stored(line.inletTopic) == 11, Duration.ofSeconds(20), "the values around it");
    JsonObject status = expect(200, admin.get("/collection/status"));
    assertTrue(status.getBoolean("writerRunning"), status.toString());
    assertTrue(status.getString("lastWriterError").contains("AssertionError"), status.toString());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.dead_letter where topic = 'it-fault/writer-error'"
                + " and reason like '%AssertionError%'"));
  }

  @Test
  @Tag("URS-027")
  void implausibleTimesAndHugeNumbersAreRefusedWithAReasonAndChangeNothing() {
    DryingLine line = new DryingLine();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    JsonObject report =
        expect(
            200,
            admin.post(
                "/process-values",
                Json.createArrayBuilder()
                    .add(value(line.inletTopic, "60", now.plus(Duration.ofMinutes(10))))
                    .add(value(line.inletTopic, "60", now.minus(Duration.ofDays(maxAgeDays() + 1))))
                    .add(value(line.inletTopic, "1e400", now))
                    .add(value(line.inletTopic, "61", now))
                    .build()
                    .toString()));
    assertEquals(1, report.getInt("stored"), report.toString());
    assertEquals(3, report.getInt("deadLettered"), report.toString());
    assertEquals(1, stored(line.inletTopic));
    JsonObject badTopics =
        expect(
            200,
            admin.post(
                "/process-values",
                Json.createArrayBuilder()
                    .add(value(line.inletTopic + "\u0000x", "60", now))
                    .add(value(line.inletTopic + "/" + "x".repeat(800), "60", now))
                    .build()
                    .toString()));
    assertEquals(2, badTopics.getInt("deadLettered"), badTopics.toString());
    assertEquals(0, badTopics.getInt("stored"), badTopics.toString());

    long batch = line.plannedBatch().getJsonNumber("id").longValue();
    operator.post("/batches/" + batch + "/steps/1/start", "{}");
    for (String path :
        List.of("/batches/" + batch + "/charges", "/executions/" + batch + "/steps/1/scans")) {
      long before = System.nanoTime();
      HttpResponse<String> refused =
          operator.post(path, "{\"lotNumber\":\"ANY\",\"quantity\":1e300000000}");
      long millis = (System.nanoTime() - before) / 1_000_000;
      assertEquals(422, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("out of range"), refused.body());
      System.out.println("Refusing 1e300000000 at " + path + " took " + millis + " ms");
      assertTrue(millis < 500, path + " took " + millis + " ms");
    }
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ?", batch));
    HttpResponse<String> planned =
        admin.post(
            "/batches",
            "{\"batchNumber\":\""
                + Lots.unique("B")
                + "\",\"masterBatchRecordId\":"
                + Recipes.drying(Lots.material("FINISHED"), Lots.material("RAW"))
                + ",\"lineId\":"
                + line.lineId()
                + ",\"plannedQuantity\":1e300000000}");
    assertEquals(422, planned.statusCode(), planned.body());
  }

  @Test
  @Tag("URS-028")
  @Tag("URS-035")
  void aDispositionedExcursionNeverChangesLateDataOpensANewOneAndAReleasedRecordStaysAsSigned() {
    DryingLine line = new DryingLine();
    long batch = line.plannedBatch().getJsonNumber("id").longValue();
    Instant t0 = Instant.parse(line.startDrying(batch).getString("startedAt")).plusMillis(1);
    line.publish(t0, 100, 70, 72, 60);
    expect(
        200,
        operator.post(
            "/executions/" + batch + "/steps/2/perform",
            "{\"password\":\"" + DemoUser.PASSWORD + "\"}"));
    HttpResponse<String> completed =
        operator.post(
            "/executions/" + batch + "/complete",
            "{\"lotNumber\":\""
                + Lots.unique("FG")
                + "\",\"quantity\":100,\"password\":\""
                + DemoUser.PASSWORD
                + "\"}");
    assertEquals(200, completed.statusCode(), completed.body());
    List<JsonObject> reviewed = exceptions(batch);
    assertEquals(1, reviewed.size(), reviewed.toString());
    long first = reviewed.get(0).getJsonObject("exception").getJsonNumber("id").longValue();
    expect(200, dispose(first));

    // A late value inside the dispositioned excursion's time, worse than anything QA saw (early in
    // the step's run, which ended when step 2 was signed).
    line.publish(t0.plusMillis(20), 100, 80);
    reviewed = exceptions(batch);
    assertEquals(2, reviewed.size(), "a new exception, not a changed one: " + reviewed);
    JsonObject dispositioned = reviewed.get(0);
    assertEquals(
        72.0, dispositioned.getJsonObject("exception").getJsonNumber("worstValue").doubleValue());
    assertTrue(
        dispositioned
            .getJsonObject("disposition")
            .getJsonArray("signatures")
            .getJsonObject(0)
            .getBoolean("valid"),
        "the disposition's signature stays VALID");
    HttpResponse<String> blocked = release(batch);
    assertEquals(422, blocked.statusCode(), blocked.body());
    assertTrue(blocked.body().contains("1 exception is not dispositioned"), blocked.body());
    expect(
        200, dispose(reviewed.get(1).getJsonObject("exception").getJsonNumber("id").longValue()));
    expect(200, release(batch));

    // Data for the released batch is stored with its context but never changes the record.
    line.publish(t0.plusMillis(30), 100, 90);
    assertEquals(2, exceptions(batch).size());
    JsonObject decision = TestStack.jsonObject(rita.get("/batches/" + batch + "/disposition"));
    assertTrue(decision.getJsonObject("signature").getBoolean("valid"), decision.toString());

    // It is listed as data after the decision, for QA to review with a signature.
    JsonObject late = TestStack.jsonObject(rita.get("/reviews/" + batch + "/post-release"));
    assertEquals(1, late.getJsonObject("pending").getInt("values"), late.toString());
    assertTrue(
        rita.get("/reviews/post-release").body().contains("\"batchId\":" + batch),
        "the batch is in QA's list of data after the decision");
    JsonObject acknowledged =
        expect(
            200,
            rita.post(
                "/reviews/" + batch + "/post-release/acknowledge",
                "{\"conclusion\":\"Late inlet value after the release; no impact\",\"password\":\""
                    + DemoUser.PASSWORD
                    + "\"}"));
    assertTrue(
        !acknowledged.containsKey("pending") || acknowledged.isNull("pending"),
        acknowledged.toString());
    JsonObject acknowledgement = acknowledged.getJsonArray("reviews").getJsonObject(0);
    assertEquals(1, acknowledgement.getInt("values"));
    assertTrue(acknowledgement.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"));
    HttpResponse<String> nothingLeft =
        rita.post(
            "/reviews/" + batch + "/post-release/acknowledge",
            "{\"conclusion\":\"again\",\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertEquals(422, nothingLeft.statusCode(), nothingLeft.body());
    decision = TestStack.jsonObject(rita.get("/batches/" + batch + "/disposition"));
    assertTrue(decision.getJsonObject("signature").getBoolean("valid"), decision.toString());
  }

  @Test
  @Tag("URS-029")
  void aDifferentValueForTheSameTagAndTimeIsKeptAsEvidenceAndRaisesOneDataConflict() {
    DryingLine line = new DryingLine();
    long batch = line.plannedBatch().getJsonNumber("id").longValue();
    Instant t0 = Instant.parse(line.startDrying(batch).getString("startedAt")).plusMillis(1);
    assertEquals(1, ingest(line.inletTopic, "60", t0).getInt("stored"));
    JsonObject conflicting = ingest(line.inletTopic, "61", t0);
    assertEquals(0, conflicting.getInt("stored"), conflicting.toString());
    assertEquals(1, conflicting.getInt("conflicts"), conflicting.toString());
    JsonObject redelivered = ingest(line.inletTopic, "60", t0);
    assertEquals(1, redelivered.getInt("duplicates"), redelivered.toString());
    assertEquals(0, redelivered.getInt("conflicts"), redelivered.toString());
    assertEquals(0, ingest(line.inletTopic, "61", t0).getInt("conflicts"), "kept once");

    List<JsonObject> conflicts =
        TestStack.json(admin.get("/batches/" + batch + "/exceptions").body()).asJsonArray().stream()
            .map(JsonObject.class::cast)
            .filter(x -> x.getString("kind").equals("DATA_CONFLICT"))
            .toList();
    assertEquals(1, conflicts.size(), conflicts.toString());
    assertTrue(
        conflicts.get(0).getString("detail").contains("already had 60"), conflicts.toString());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.process_value_conflict c join batchtrace.uns_tag t"
                + " on t.id = c.tag_id where t.topic = ? and c.value = 61 and c.stored_value = 60",
            line.inletTopic));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
                + " on t.id = v.tag_id where t.topic = ? and v.value = 60",
            line.inletTopic),
        "the first value stays");
  }

  private JsonObject ingest(String topic, String value, Instant ts) {
    return expect(
        200,
        admin.post(
            "/process-values",
            Json.createArrayBuilder().add(value(topic, value, ts)).build().toString()));
  }

  /** BATCHTRACE_MAX_AGE_DAYS of the test server (ear/pom.xml). */
  static int maxAgeDays() {
    return Integer.parseInt(TestStack.property("test.max.age.days"));
  }

  private List<JsonObject> exceptions(long batch) {
    return TestStack.json(rita.get("/reviews/" + batch + "/exceptions").body())
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }

  private HttpResponse<String> dispose(long exception) {
    return rita.post(
        "/reviews/exceptions/" + exception + "/disposition",
        Json.createObjectBuilder()
            .add("decision", "ACCEPTED")
            .add("justification", "Within the validated range of the dryer")
            .add("password", DemoUser.PASSWORD)
            .build()
            .toString());
  }

  private HttpResponse<String> release(long batch) {
    return rita.post(
        "/reviews/" + batch + "/release", "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
  }

  private static JsonObject value(String topic, String value, Instant ts) {
    return Json.createObjectBuilder()
        .add("topic", topic)
        .add("value", new BigDecimal(value))
        .add("timestamp", ts.toString())
        .build();
  }

  private static long stored(String topic) {
    return TestStack.count(
        "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
            + " on t.id = v.tag_id where t.topic = ?",
        topic);
  }

  private static long deadLetters(String topic, String reason) {
    return TestStack.count(
        "select count(*) from batchtrace.dead_letter where topic = ? and reason like ?",
        topic,
        "%" + reason + "%");
  }
}
