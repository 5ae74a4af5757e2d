package com.batchtrace.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

/** Materials and lots through the API, with unique codes so tests never share data. */
final class Lots {

  private Lots() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** A new raw material; returns its code. */
  static String material() {
    return material("RAW");
  }

  /** A new material of the given kind; returns its code. */
  static String material(String kind) {
    return material(kind, null);
  }

  /** A new material of the given kind whose GS1 labels carry the GTIN (null: none). */
  static String material(String kind, String gtin) {
    String code = unique(kind.substring(0, 3));
    var material =
        Json.createObjectBuilder()
            .add("code", code)
            .add("name", "Test material " + code)
            .add("kind", kind)
            .add("unit", "kg")
            .add("shelfLifeDays", 365);
    if (gtin != null) {
      material.add("gtin", gtin);
    }
    HttpResponse<String> created =
        RestClient.as(DemoUser.ADMIN).post("/materials", material.build().toString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Could not create a material: " + created.body());
    }
    return code;
  }

  static HttpResponse<String> receive(String lotNumber, String material, LocalDate expiry) {
    return RestClient.as(DemoUser.ADMIN)
        .post(
            "/lots",
            Json.createObjectBuilder()
                .add("lotNumber", lotNumber)
                .add("materialCode", material)
                .add("quantity", 25.5)
                .add("expiry", expiry.toString())
                .add("supplierLot", "SUP-1")
                .build()
                .toString());
  }

  /** A new lot of a new raw material, in quarantine; returns it. */
  static JsonObject inQuarantine() {
    return inQuarantine(material());
  }

  /** A new lot of the material, in quarantine; returns it. */
  static JsonObject inQuarantine(String material) {
    HttpResponse<String> received = receive(unique("L"), material, LocalDate.now().plusYears(1));
    if (received.statusCode() != 201) {
      throw new IllegalStateException("Could not receive a lot: " + received.body());
    }
    return TestStack.jsonObject(received);
  }

  static HttpResponse<String> decide(
      DemoUser user, long lot, String decision, String password, String reason) {
    var body = Json.createObjectBuilder().add("password", password);
    if (reason != null) {
      body.add("reason", reason);
    }
    return RestClient.as(user).post("/lots/" + lot + "/" + decision, body.build().toString());
  }

  /** The lot released by QA (Rita) with her signature; returns it as it is now. */
  static JsonObject released(JsonObject lot) {
    HttpResponse<String> released =
        decide(
            DemoUser.REVIEWER,
            lot.getJsonNumber("id").longValue(),
            "release",
            DemoUser.PASSWORD,
            null);
    if (released.statusCode() != 200) {
      throw new IllegalStateException("QA could not release the lot: " + released.body());
    }
    return TestStack.jsonObject(released);
  }
}
