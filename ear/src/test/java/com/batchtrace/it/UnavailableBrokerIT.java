package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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
    try (Uns device = Uns.device()) {
      device.publish(topic, Uns.value(120, Instant.now()));
    }
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

  private static void awaitEvent(String kind, Instant since) throws InterruptedException {
    awaitCount(
        "select count(*) from batchtrace.security_event where kind = ? and occurred_at >= ?",
        kind,
        Timestamp.from(since));
  }

  /** Waits up to 30 s until the count is at least one. */
  private static void awaitCount(String sql, Object... parameters) throws InterruptedException {
    TestStack.await(() -> TestStack.count(sql, parameters) > 0, Duration.ofSeconds(30), sql);
  }
}
