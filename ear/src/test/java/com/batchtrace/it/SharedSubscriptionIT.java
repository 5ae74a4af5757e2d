package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two collectors share the site's subscription and each value is stored once. The server's
 * collector is one member of the shared subscription group; this test joins the group as a second
 * node's collector would (same user, same filter {@code $share/batchtrace/#}, a client id of its
 * own) and stores what the broker hands it through the same ingestion (the REST door of the
 * gateways). The broker gives each message to one member only: what the server received and what
 * the second member received add up to what was published, and each value is stored once. The
 * second member's session is clean, so it leaves the group when it disconnects.
 */
@Tag("URS-080")
class SharedSubscriptionIT extends DeployedApplication {

  private static final int VALUES = 200;

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void eachValueGoesToOneNodeOnlyAndIsStoredOnce() throws Exception {
    String topic = admin.createLineWithSpeedTag("Shared subscription plant");
    TestStack.await(
        () -> "CONNECTED".equals(serverStatus().getString("state")),
        Duration.ofSeconds(60),
        "the server's collector connected");
    List<String[]> secondNode = new CopyOnWriteArrayList<>();
    MqttClient member =
        new MqttClient(
            TestStack.property("test.mqtt.url"),
            "it-second-node-" + UUID.randomUUID(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setUserName("batchtrace-collector");
    options.setPassword(TestStack.property("test.mqtt.collector.password").toCharArray());
    member.connect(options);
    try {
      // A callback, not a listener per subscription: Paho routes a message to a subscription's
      // listener by matching its topic against the filter, which never matches a $share filter.
      member.setCallback(
          new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
              secondNode.add(new String[] {t, new String(m.getPayload(), StandardCharsets.UTF_8)});
            }

            @Override
            public void connectionLost(Throwable cause) {
              // the test fails on the counts
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
              // publishes nothing
            }
          });
      member.subscribe("$share/batchtrace/#", 1);
      long serverBefore = serverReceived();
      Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
      try (Uns device = Uns.device()) {
        for (int i = 0; i < VALUES; i++) {
          device.publish(topic, Uns.value(i, base.plusMillis(i)));
        }
      }
      TestStack.await(
          () -> serverReceived() - serverBefore + ofTopic(secondNode, topic) >= VALUES,
          Duration.ofSeconds(60),
          () ->
              "all "
                  + VALUES
                  + " values received by one of the two members; the server received "
                  + (serverReceived() - serverBefore)
                  + ", the second member "
                  + ofTopic(secondNode, topic)
                  + "; the server's collector: "
                  + serverStatus());
      storeAsTheSecondNode(secondNode);
      TestStack.await(
          () -> Uns.stored(topic) >= VALUES, Duration.ofSeconds(30), "all values stored");
      long server = serverReceived() - serverBefore;
      long second = ofTopic(secondNode, topic);
      assertTrue(server > 0 && second > 0, "both members got a share: " + server + ", " + second);
      assertEquals(VALUES, server + second, "no value went to both members");
      assertEquals(VALUES, Uns.stored(topic), "each value stored once");
    } finally {
      member.disconnect(5000);
      member.close();
    }
  }

  private static long ofTopic(List<String[]> received, String topic) {
    return received.stream().filter(r -> r[0].equals(topic)).count();
  }

  /** What a second node's collector does with its share: the same ingestion. */
  private void storeAsTheSecondNode(List<String[]> received) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    for (String[] r : received) {
      JsonObject payload = Json.createReader(new StringReader(r[1])).readObject();
      values.add(Json.createObjectBuilder(payload).add("topic", r[0]));
    }
    RestClient.expect(200, admin.post("/process-values", values.build().toString()));
  }

  private long serverReceived() {
    return serverStatus().getJsonNumber("received").longValue();
  }

  private JsonObject serverStatus() {
    return RestClient.expect(200, admin.get("/collection/status"));
  }
}
