package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A machine gateway without MQTT posts values with its own client credentials and role: it may post
 * process values and nothing else, and a person without the admin role may not post them.
 */
@Tag("URS-027")
class GatewayIngestionIT extends DeployedApplication {

  private static final RestClient GATEWAY =
      RestClient.asClient("plant-gateway", "plant-gateway-demo-secret");

  @Test
  void theGatewayPostsValuesAndMayDoNothingElse() {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    JsonObject line = admin.createLine("Gateway plant");
    HttpResponse<String> tag =
        admin.post(
            "/uns-tags",
            Json.createObjectBuilder()
                .add("equipmentId", line.getJsonNumber("id").longValue())
                .add("tag", "line-speed")
                .add("unit", "m/min")
                .build()
                .toString());
    assertEquals(200, tag.statusCode(), tag.body());
    String topic = TestStack.jsonObject(tag).getString("topic");
    String values =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add("topic", topic)
                    .add("value", 118)
                    .add("timestamp", Instant.now().toString()))
            .build()
            .toString();

    HttpResponse<String> posted = GATEWAY.post("/process-values", values);
    assertEquals(200, posted.statusCode(), posted.body());
    assertEquals(1, TestStack.jsonObject(posted).getInt("stored"));

    var tooMany = Json.createArrayBuilder();
    for (int i = 0; i < 10_001; i++) {
      tooMany.add(
          Json.createObjectBuilder()
              .add("topic", topic)
              .add("value", i)
              .add("timestamp", Instant.now().plusMillis(i + 1).toString()));
    }
    HttpResponse<String> refused = GATEWAY.post("/process-values", tooMany.build().toString());
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("At most 10000 values per request"), refused.body());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
                + " on t.id = v.tag_id where t.topic = ?",
            topic),
        "nothing of the refused request was stored");

    HttpResponse<String> elsewhere = GATEWAY.get("/materials");
    assertEquals(403, elsewhere.statusCode(), elsewhere.body());
    HttpResponse<String> operator =
        RestClient.as(DemoUser.OPERATOR1).post("/process-values", values);
    assertEquals(403, operator.statusCode(), operator.body());
    assertTrue(operator.body().contains("gateway"), operator.body());
  }
}
