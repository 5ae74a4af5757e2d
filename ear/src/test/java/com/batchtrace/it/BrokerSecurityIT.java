package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.collection.control.UnsConnection;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every data source is authenticated: the Unified Namespace refuses anonymous clients, a device
 * publishes only under its own equipment, a charge event counts only on a topic mapped as a scale's
 * or scanner's charge events, and the collector talks TLS to the broker it trusts only.
 */
@Tag("URS-027")
class BrokerSecurityIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void anAnonymousClientCannotConnect() {
    MqttSecurityException refused = assertThrows(MqttSecurityException.class, Uns::anonymous);
    assertEquals(MqttException.REASON_CODE_NOT_AUTHORIZED, refused.getReasonCode());
  }

  @Test
  void aDeviceWritesOnlyUnderItsOwnEquipment() throws Exception {
    String ownTopic = tagOf("line-a", "speed");
    String otherTopic = tagOf("line-b", "speed");
    Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Uns lineA = Uns.device("line-a")) {
      // The broker refuses it (it may also drop the connection): never routed to anyone.
      lineA.publish(otherTopic, Uns.value(99, ts));
    } catch (MqttException refused) {
      // refused by the broker: what the ACL is for
    }
    try (Uns lineA = Uns.device("line-a")) {
      lineA.publish(ownTopic, Uns.value(42, ts));
    }
    TestStack.await(
        () -> stored(ownTopic) == 1, Duration.ofSeconds(15), "line-a's own value stored");
    assertEquals(0, stored(otherTopic), "nothing of line-a lands on line-b");
    assertEquals(
        0,
        TestStack.count("select count(*) from batchtrace.dead_letter where topic = ?", otherTopic)
            + TestStack.count(
                "select count(*) from batchtrace.unmapped_topic where topic = ?", otherTopic));
  }

  @Test
  @Tag("URS-030")
  void aChargeEventOnATopicNotMappedAsChargeEventsIsADeadLetter() throws Exception {
    JsonObject line = admin.createLine("Unmapped scale plant");
    String topic = line.getString("unsPath") + "/material-charged";
    Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (Uns gateway = Uns.device()) {
      gateway.publish(
          topic,
          Json.createObjectBuilder()
              .add("lot", "ANY-LOT")
              .add("quantity", 5)
              .add("timestamp", ts.toString())
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8));
    }
    TestStack.await(
        () ->
            TestStack.count(
                    "select count(*) from batchtrace.dead_letter where topic = ?"
                        + " and reason like '%as a tag of kind charge events%'",
                    topic)
                == 1,
        Duration.ofSeconds(15),
        "the charge event kept as a dead letter with its reason");
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption l"
                + " join batchtrace.material_lot m on m.id = l.lot_id where m.lot_number = 'ANY-LOT'"));
  }

  @Test
  void theCollectorTalksTlsToTheBrokerItsCaSignedAndRefusesAnother() throws Exception {
    JsonObject status = expect(200, admin.get("/collection/status"));
    assertTrue(status.getString("broker").startsWith("ssl://"), status.toString());
    assertEquals("CONNECTED", status.getString("state"), status.toString());

    Path tls = Path.of(TestStack.property("test.mqtt.tls.dir"));
    String url = TestStack.property("test.mqtt.tls.url");
    String password = TestStack.property("test.mqtt.collector.password");
    MqttClient trusted = client(url);
    trusted.connect(
        UnsConnection.options(
            url, "batchtrace-collector", password, tls.resolve("ca.crt").toString()));
    assertTrue(trusted.isConnected());
    trusted.disconnect();
    trusted.close();

    MqttClient misled = client(url);
    MqttException refused =
        assertThrows(
            MqttException.class,
            () ->
                misled.connect(
                    UnsConnection.options(
                        url,
                        "batchtrace-collector",
                        password,
                        tls.resolve("other-ca.crt").toString())));
    assertTrue(
        String.valueOf(refused.getCause()).contains("SSLHandshakeException"),
        "the reason names the failed handshake: " + refused.getCause());
    misled.close();
  }

  private static MqttClient client(String url) throws MqttException {
    return new MqttClient(url, "it-tls-" + UUID.randomUUID(), new MemoryPersistence());
  }

  /** A tag on equipment below the enterprise with this code (the device's user name). */
  private String tagOf(String enterpriseCode, String tag) {
    long enterprise =
        admin
            .enterprise("Device " + enterpriseCode, enterpriseCode)
            .getJsonNumber("id")
            .longValue();
    String mapped = enterpriseCode + "/" + tag;
    return TestStack.json(admin.get("/uns-tags").body()).asJsonArray().stream()
        .map(JsonObject.class::cast)
        .map(t -> t.getString("topic"))
        .filter(mapped::equals)
        .findFirst()
        .orElseGet(
            () ->
                expect(
                        200,
                        admin.post(
                            "/uns-tags",
                            Json.createObjectBuilder()
                                .add("equipmentId", enterprise)
                                .add("tag", tag)
                                .build()
                                .toString()))
                    .getString("topic"));
  }

  private static long stored(String topic) {
    return TestStack.count(
        "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
            + " on t.id = v.tag_id where t.topic = ?",
        topic);
  }
}
