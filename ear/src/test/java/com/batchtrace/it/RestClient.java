package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Calls the REST API as a demo user, with a fresh access token from Keycloak. */
public final class RestClient {

  private final String token;

  private RestClient(String token) {
    this.token = token;
  }

  public static RestClient as(DemoUser user) {
    return new RestClient(TestStack.accessToken(user));
  }

  /** As any user of the realm with the demo password (users a test created itself). */
  public static RestClient as(String username) {
    return new RestClient(TestStack.accessToken(username));
  }

  /** As a confidential client of the realm with its own service account (a machine gateway). */
  public static RestClient asClient(String clientId, String secret) {
    return new RestClient(TestStack.clientToken(clientId, secret));
  }

  public HttpResponse<String> get(String path) {
    return TestStack.send(request(path).GET());
  }

  /** For downloads (a PDF export): the body as bytes. */
  public HttpResponse<byte[]> getBytes(String path) {
    return TestStack.sendForBytes(request(path).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return TestStack.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String json) {
    return TestStack.send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(TestStack.app("/api/v1" + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
  }

  /** A new enterprise with a unique code, so tests never depend on each other's data. */
  public JsonObject createEnterprise(String name) {
    return createEnterprise(name, "it-" + UUID.randomUUID().toString().substring(0, 8));
  }

  /** The enterprise with this code (its UNS path), created when there is none yet. */
  public JsonObject enterprise(String name, String code) {
    return TestStack.json(get("/equipment").body()).asJsonArray().stream()
        .map(JsonObject.class::cast)
        .filter(e -> e.getString("unsPath").equals(code))
        .findFirst()
        .orElseGet(() -> createEnterprise(name, code));
  }

  private JsonObject createEnterprise(String name, String code) {
    HttpResponse<String> created =
        post(
            "/equipment",
            Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add("reason", "Integration test set-up")
                .build()
                .toString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Could not create test equipment: " + created.body());
    }
    return TestStack.jsonObject(created);
  }

  /** A new line ({@link #createLine}) with the tag "speed" mapped; returns the tag's topic. */
  public String createLineWithSpeedTag(String plantName) {
    JsonObject line = createLine(plantName);
    return TestStack.jsonObject(
            post(
                "/uns-tags",
                "{\"equipmentId\": " + line.getJsonNumber("id") + ", \"tag\": \"speed\"}"))
        .getString("topic");
  }

  /** A new enterprise with a site, an area and a line below it; returns the line. */
  public JsonObject createLine(String plantName) {
    long parent = createEnterprise(plantName).getJsonNumber("id").longValue();
    JsonObject node = null;
    for (String code : java.util.List.of("site", "area", "line")) {
      HttpResponse<String> created =
          post(
              "/equipment",
              Json.createObjectBuilder()
                  .add("parentId", parent)
                  .add("code", code)
                  .add("name", plantName + " " + code)
                  .build()
                  .toString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("Could not create test equipment: " + created.body());
      }
      node = TestStack.jsonObject(created);
      parent = node.getJsonNumber("id").longValue();
    }
    return node;
  }

  /** A new batch (unique number, 100 planned) of the approved record on the line; returns it. */
  public JsonObject planBatch(long record, long line) {
    return expect(
        201,
        post(
            "/batches",
            Json.createObjectBuilder()
                .add("batchNumber", Lots.unique("B"))
                .add("masterBatchRecordId", record)
                .add("lineId", line)
                .add("plannedQuantity", 100)
                .build()
                .toString()),
        "plan a batch");
  }

  /**
   * As an operator: starts the step on the batch's line and signs it performed (a step that needs
   * no entry, charge or second person), so the next step may start.
   */
  public void runStep(long batch, int step) {
    expect(200, post("/batches/" + batch + "/steps/" + step + "/start", "{}"), "start a step");
    expect(
        200,
        post(
            "/executions/" + batch + "/steps/" + step + "/perform",
            "{\"password\":\"" + DemoUser.PASSWORD + "\"}"),
        "sign a step performed");
  }

  /** Starts a step of the batch on the equipment; returns the step run (id, startedAt). */
  public JsonObject startStep(long batch, int step, long equipment) {
    return expect(
        200,
        post(
            "/batches/" + batch + "/steps/" + step + "/start",
            "{\"equipmentId\": " + equipment + "}"),
        "start a step");
  }

  /**
   * Maps the equipment's {@code material-charged} topic as the charge events of its scale or
   * scanner; returns the tag.
   */
  public JsonObject mapChargeEvents(long equipment) {
    return expect(
        200,
        post(
            "/uns-tags",
            jakarta.json.Json.createObjectBuilder()
                .add("equipmentId", equipment)
                .add("tag", "material-charged")
                .add("kind", "CHARGE_EVENTS")
                .build()
                .toString()),
        "map a scale's charge events");
  }

  /** Asserts the answer's status (showing its body when it differs); returns its JSON object. */
  static JsonObject expect(int status, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    return TestStack.jsonObject(response);
  }

  private static JsonObject expect(int status, HttpResponse<String> response, String what) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("Could not " + what + ": " + response.body());
    }
    return TestStack.jsonObject(response);
  }
}
