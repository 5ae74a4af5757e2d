package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;

/**
 * A planned batch ready for the terminal: a raw material, a product, an approved two-step record
 * (step 1 "Dispense" needs 50 kg ± 2% of the material, a manual "Blend time" of 10 to 15 min, and a
 * second person's verification; step 2 "Dry" records the machine tag inlet-temp, 55 to 65 C), a
 * line of its own and a batch planned on it. Lots are received as 25.5 kg each.
 */
final class TerminalBatch {

  final String material;
  final String product;
  final long line;
  final String lineUnsPath;
  final long record;
  final long id;
  final String number;

  TerminalBatch() {
    this(Lots.material("RAW"));
  }

  /** The same batch for a material of the caller's (e.g. one with a GTIN). */
  TerminalBatch(String material) {
    this(material, Lots.material("FINISHED"), null);
  }

  /**
   * The same batch of the caller's product, its master record with yield limits ({@code "95",
   * "102"}) unless null.
   */
  TerminalBatch(String material, String product, String[] yieldLimits) {
    this.material = material;
    this.product = product;
    String body = recipe(product, material);
    if (yieldLimits != null) {
      body =
          Json.createObjectBuilder(TestStack.json(body).asJsonObject())
              .add("yieldLowPercent", new BigDecimal(yieldLimits[0]))
              .add("yieldHighPercent", new BigDecimal(yieldLimits[1]))
              .build()
              .toString();
    }
    record = Recipes.of(body, true);
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    JsonObject lineNode = admin.createLine("Terminal plant");
    line = lineNode.getJsonNumber("id").longValue();
    lineUnsPath = lineNode.getString("unsPath");
    JsonObject planned = admin.planBatch(record, line);
    id = planned.getJsonNumber("id").longValue();
    number = planned.getString("batchNumber");
  }

  /** A released 25.5 kg lot of the step's material. */
  JsonObject releasedLot() {
    return Lots.released(Lots.inQuarantine(material));
  }

  String path(String rest) {
    return "/executions/" + id + rest;
  }

  HttpResponse<String> start(RestClient operator, int step) {
    return operator.post(path("/steps/" + step + "/start"), "{}");
  }

  HttpResponse<String> scan(RestClient operator, int step, String lotNumber, String quantity) {
    return operator.post(
        path("/steps/" + step + "/scans"),
        Json.createObjectBuilder()
            .add("lotNumber", lotNumber)
            .add("quantity", new BigDecimal(quantity))
            .build()
            .toString());
  }

  /** Scans a lot in quarantine on the step: refused, which records a LOT_REFUSED exception. */
  void refusedScan(RestClient operator, int step) {
    assertEquals(
        422,
        scan(operator, step, Lots.inQuarantine(material).getString("lotNumber"), "5").statusCode());
  }

  HttpResponse<String> enter(RestClient operator, int step, String value, String comment) {
    var body =
        Json.createObjectBuilder()
            .add("parameter", "Blend time")
            .add("value", new BigDecimal(value));
    if (comment != null) {
      body.add("comment", comment);
    }
    return operator.post(path("/steps/" + step + "/entries"), body.build().toString());
  }

  HttpResponse<String> perform(RestClient operator, int step, String password) {
    return operator.post(
        path("/steps/" + step + "/perform"),
        Json.createObjectBuilder().add("password", password).build().toString());
  }

  HttpResponse<String> verify(RestClient atTerminal, int step, String username, String password) {
    return atTerminal.post(
        path("/steps/" + step + "/verify"),
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString());
  }

  /** Step 1 done by {@code performer} and verified by {@code verifier}: two lots, 12 min. */
  void stepOneDone(RestClient performer, String performerId, String verifierId) {
    expect(200, start(performer, 1));
    expect(200, scan(performer, 1, releasedLot().getString("lotNumber"), "25"));
    expect(200, scan(performer, 1, releasedLot().getString("lotNumber"), "25"));
    expect(200, enter(performer, 1, "12", null));
    expect(200, perform(performer, 1, DemoUser.PASSWORD));
    expect(200, verify(performer, 1, verifierId, DemoUser.PASSWORD));
  }

  /** Both steps done (step 1 performed and verified), the batch completed; returns its lot. */
  String completed(RestClient performer, String performerId, String verifierId) {
    stepOneDone(performer, performerId, verifierId);
    expect(200, start(performer, 2));
    expect(200, perform(performer, 2, DemoUser.PASSWORD));
    String output = Lots.unique("FG");
    HttpResponse<String> done = complete(performer, output, "98.5");
    assertEquals(200, done.statusCode(), done.body());
    return output;
  }

  /** Completes the batch with one output lot, signed "performed" with the demo password. */
  HttpResponse<String> complete(RestClient operator, String output, String quantity) {
    return operator.post(
        path("/complete"),
        Json.createObjectBuilder()
            .add("lotNumber", output)
            .add("quantity", new java.math.BigDecimal(quantity))
            .add("password", DemoUser.PASSWORD)
            .build()
            .toString());
  }

  JsonObject run(RestClient who) {
    return TestStack.jsonObject(who.get(path("")));
  }

  JsonObject step(RestClient who, int position) {
    return run(who).getJsonArray("steps").getJsonObject(position - 1);
  }

  static String recipe(String product, String material) {
    return Json.createObjectBuilder()
        .add("product", product)
        .add(
            "steps",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Dispensing")
                        .add("name", "Dispense and blend")
                        .add("instructions", "Scan the API lots, charge them and blend.")
                        .add("requiresVerification", true)
                        .add(
                            "materials",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("material", material)
                                        .add("quantity", 50)
                                        .add("tolerancePercent", 2)))
                        .add(
                            "parameters",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("name", "Blend time")
                                        .add("unit", "min")
                                        .add("low", 10)
                                        .add("high", 15)
                                        .add("critical", false))))
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Drying")
                        .add("name", "Dry")
                        .add("instructions", "Dry until the outlet temperature holds.")
                        .add(
                            "parameters",
                            Json.createArrayBuilder().add(MasterBatchRecordIT.inletTemperature()))))
        .build()
        .toString();
  }
}
