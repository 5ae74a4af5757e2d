package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down and comes back (the test run's own Mosquitto): the collector shows that it
 * is reconnecting, records the loss and the reconnect as operations events, subscribes again by
 * itself and stores the next value. Runs near the end (alphabetical order) because it stops a
 * shared service; it restarts it before it ends.
 */
@Tag("URS-029")
class UnavailableBrokerIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void theCollectorReconnectsWithBackoffRecordsItAndStoresTheNextValue() throws Exception {
    awaitState("CONNECTED");
    Instant before = Instant.now();

    Path pidFile = Path.of(TestStack.property("mosquitto.pid.file"));
    ProcessHandle broker =
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
    broker.destroy();
    broker.onExit().get(10, TimeUnit.SECONDS);

    awaitState("CONNECTING");
    awaitEvent("BROKER_DISCONNECTED", before);

    Process restarted =
        new ProcessBuilder("mosquitto", "-c", TestStack.property("mosquitto.conf"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Files.writeString(pidFile, String.valueOf(restarted.pid()));
    Instant back = Instant.now();

    awaitState("CONNECTED");
    awaitEvent("BROKER_CONNECTED", back);

    JsonObject line = admin.createLine("Broker outage plant");
    String topic =
        TestStack.jsonObject(
                admin.post(
                    "/uns-tags",
                    "{\"equipmentId\": " + line.getJsonNumber("id") + ", \"tag\": \"line-speed\"}"))
            .getString("topic");
    MqttClient device =
        new MqttClient(
            TestStack.property("test.mqtt.url"),
            "it-" + UUID.randomUUID(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    device.connect(options);
    device.publish(
        topic,
        Json.createObjectBuilder()
            .add("value", 120)
            .add("timestamp", Instant.now().toString())
            .build()
            .toString()
            .getBytes(StandardCharsets.UTF_8),
        1,
        false);
    device.disconnect();
    device.close();
    awaitCount(
        "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
            + " on t.id = v.tag_id where t.topic = ?",
        topic);
  }

  private void awaitState(String state) throws InterruptedException {
    String last = "";
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      last = TestStack.jsonObject(admin.get("/collection/status")).getString("state");
      if (last.equals(state)) {
        return;
      }
      Thread.sleep(200);
    }
    assertEquals(state, last, "the collector's state within 60 s");
  }

  private static void awaitEvent(String kind, Instant since) throws Exception {
    awaitCount(
        "select count(*) from batchtrace.security_event where kind = ? and occurred_at >= ?",
        kind,
        Timestamp.from(since));
  }

  /** Waits up to 30 s until the count is at least one. */
  private static void awaitCount(String sql, Object... parameters) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    long found = 0;
    while (System.currentTimeMillis() < deadline) {
      found = count(sql, parameters);
      if (found > 0) {
        return;
      }
      Thread.sleep(200);
    }
    assertTrue(found > 0, sql);
  }

  private static long count(String sql, Object... parameters) throws SQLException {
    try (Connection db = TestStack.databaseAsSuperuser();
        PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
