package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** Master batch records for tests, made through the API. */
final class Recipes {

  private Recipes() {}

  /**
   * The standard two-step record of {@link MasterBatchRecordIT#body} for the product; approved by
   * QA when {@code approve}, else left a draft. Returns its id.
   */
  static long of(String product, String material, boolean approve) {
    return of(MasterBatchRecordIT.body(product, material), approve);
  }

  /** A record of the given JSON body, approved by QA when {@code approve}; returns its id. */
  static long of(String body, boolean approve) {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    HttpResponse<String> created = admin.post("/master-batch-records", body);
    assertEquals(201, created.statusCode(), created.body());
    long id = TestStack.jsonObject(created).getJsonNumber("id").longValue();
    if (approve) {
      admin.post("/master-batch-records/" + id + "/submit", "{}");
      HttpResponse<String> approved =
          RestClient.as(DemoUser.REVIEWER)
              .post(
                  "/master-batch-records/" + id + "/approve",
                  "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
      assertEquals(200, approved.statusCode(), approved.body());
    }
    return id;
  }

  /**
   * A two-step record for machine data tests, approved: step 1 "Charge the granulator" takes the
   * material (50 kg ± 100 %, so any amount up to 100 kg) and needs only the operator's signature;
   * step 2 "Dry the granulate" records the CPP inlet temperature (55 to 65 C) from the dryer.
   */
  static long drying(String product, String material) {
    return approved(
        product,
        charging("Granulation", "Charge the granulator", material, 50),
        Json.createObjectBuilder()
            .add("operation", "Drying")
            .add("name", "Dry the granulate")
            .add("instructions", "Dry until the outlet temperature holds.")
            .add(
                "parameters", Json.createArrayBuilder().add(MasterBatchRecordIT.inletTemperature()))
            .build());
  }

  /**
   * A step that takes {@code quantity} kg ± 100 % of the material (any amount up to twice it) and
   * needs only the operator's signature.
   */
  static JsonObject charging(String operation, String name, String material, int quantity) {
    return Json.createObjectBuilder()
        .add("operation", operation)
        .add("name", name)
        .add("instructions", "Charge the material.")
        .add("requiresVerification", false)
        .add(
            "materials",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("material", material)
                        .add("quantity", quantity)
                        .add("tolerancePercent", 100)))
        .build();
  }

  /** An approved record of the product with these steps; returns its id. */
  static long approved(String product, JsonObject... steps) {
    var array = Json.createArrayBuilder();
    for (JsonObject step : steps) {
      array.add(step);
    }
    return of(
        Json.createObjectBuilder().add("product", product).add("steps", array).build().toString(),
        true);
  }
}
