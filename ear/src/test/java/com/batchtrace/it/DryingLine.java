package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;

/**
 * A line with a dryer that publishes {@code inlet-temp}, and batches of a two-step record ({@link
 * Recipes#drying}) that run their step 2, drying (CPP inlet temperature 55 to 65 C), on it. Values
 * go in through the REST ingestion, which stores them and raises exceptions before it answers, so a
 * test can read them back at once.
 */
final class DryingLine {

  static final String PARAMETER = "Inlet temperature";
  static final int DRYING = 2;

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);
  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private final long record;
  private final long line;
  private final long dryer;
  final String inletTopic;

  DryingLine() {
    this(Recipes.drying(Lots.material("FINISHED"), Lots.material("RAW")));
  }

  /** The line for batches of another approved record whose drying step reads the dryer. */
  DryingLine(long record) {
    this.record = record;
    line = admin.createLine("Drying plant").getJsonNumber("id").longValue();
    dryer =
        created(
                admin.post(
                    "/equipment",
                    Json.createObjectBuilder()
                        .add("parentId", line)
                        .add("code", "dryer-1")
                        .add("name", "Fluid bed dryer")
                        .build()
                        .toString()))
            .getJsonNumber("id")
            .longValue();
    inletTopic =
        TestStack.jsonObject(
                expect(
                    200,
                    admin.post(
                        "/uns-tags",
                        Json.createObjectBuilder()
                            .add("equipmentId", dryer)
                            .add("tag", "inlet-temp")
                            .add("unit", "C")
                            .build()
                            .toString())))
            .getString("topic");
  }

  long lineId() {
    return line;
  }

  /** A new batch planned on the line; returns it. */
  JsonObject plannedBatch() {
    return admin.planBatch(record, line);
  }

  /**
   * An operator runs step 1 and starts the drying step of the batch on the dryer (steps run in
   * order, for an MES as on the terminal); returns the step run (id, startedAt).
   */
  JsonObject startDrying(long batch) {
    operator.runStep(batch, 1);
    return operator.startStep(batch, DRYING, dryer);
  }

  void endRun(JsonObject run) {
    expect(200, operator.post("/batches/step-runs/" + run.getJsonNumber("id") + "/end", "{}"));
  }

  /** Publishes inlet temperatures, the i-th at {@code start} + i × {@code stepMillis}. */
  void publish(Instant start, long stepMillis, double... values) {
    JsonArrayBuilder body = Json.createArrayBuilder();
    for (int i = 0; i < values.length; i++) {
      body.add(
          Json.createObjectBuilder()
              .add("topic", inletTopic)
              .add("value", values[i])
              .add("timestamp", start.plusMillis(i * stepMillis).toString()));
    }
    JsonObject report =
        TestStack.jsonObject(expect(200, admin.post("/process-values", body.build().toString())));
    assertEquals(values.length, report.getInt("stored"), report.toString());
  }

  /** GET /batches/{id}/process-data. */
  JsonObject processData(long batch) {
    return TestStack.jsonObject(expect(200, admin.get("/batches/" + batch + "/process-data")));
  }

  private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    return response;
  }

  private static JsonObject created(HttpResponse<String> response) {
    return TestStack.jsonObject(expect(201, response));
  }
}
