package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  @Test
  @Tag("URS-029")
  void gatewaysWritingTheFirstValuesOfANewMonthAtOnceAllSucceed() throws Exception {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    long line = admin.createLine("Month plant").getJsonNumber("id").longValue();
    // A month no test writes into otherwise, so its partition does not exist yet: one of the past
    // months the test server still takes values for (BATCHTRACE_MAX_AGE_DAYS, ear/pom.xml).
    Instant month =
        LocalDate.now()
            .withDayOfMonth(1)
            .minusMonths(2 + new Random().nextInt(MachineDataTrustIT.maxAgeDays() / 31 - 3))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    List<String> topics = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> tag =
          admin.post(
              "/uns-tags",
              Json.createObjectBuilder()
                  .add("equipmentId", line)
                  .add("tag", "speed-" + i)
                  .add("unit", "m/min")
                  .build()
                  .toString());
      assertEquals(200, tag.statusCode(), tag.body());
      topics.add(TestStack.jsonObject(tag).getString("topic"));
    }
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService gateways = Executors.newFixedThreadPool(topics.size());
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String topic : topics) {
        String value =
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("topic", topic)
                        .add("value", 1)
                        .add("timestamp", month.plusSeconds(60).toString()))
                .build()
                .toString();
        answers.add(
            gateways.submit(
                () -> {
                  go.await();
                  return GATEWAY.post("/process-values", value);
                }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> posted = answer.get();
        assertEquals(200, posted.statusCode(), posted.body());
      }
    } finally {
      gateways.shutdownNow();
    }
    assertEquals(
        topics.size(),
        TestStack.count(
            "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
                + " on t.id = v.tag_id where t.equipment_id in (select id from batchtrace.equipment"
                + " where parent_id = ? or id = ?)",
            line,
            line));
  }
}
