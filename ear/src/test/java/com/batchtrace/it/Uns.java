package com.batchtrace.it;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plant device on the test run's broker, publishing to the Unified Namespace with QoS 1. */
final class Uns implements AutoCloseable {

  private final MqttClient client;

  private Uns(String username) throws MqttException {
    client =
        new MqttClient(
            TestStack.property("test.mqtt.url"),
            "it-" + UUID.randomUUID(),
            new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    if (username != null) {
      options.setUserName(username);
      options.setPassword(TestStack.property("test.mqtt.gateway.password").toCharArray());
    }
    client.connect(options);
  }

  /** The test plants' gateway (docker/mosquitto/acl: plant-gateway); close it when done. */
  static Uns device() throws MqttException {
    return new Uns("plant-gateway");
  }

  /** A device of its own user: it may publish only under {@code <username>/}. */
  static Uns device(String username) throws MqttException {
    return new Uns(username);
  }

  /** A client without a user: the broker must refuse it. */
  static Uns anonymous() throws MqttException {
    return new Uns(null);
  }

  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, false);
  }

  /** A JSON value as a device publishes it. */
  static byte[] value(double value, Instant ts) {
    return Json.createObjectBuilder()
        .add("value", value)
        .add("timestamp", ts.toString())
        .add("quality", "GOOD")
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }

  /** How many values the database holds for the topic's tag. */
  static long stored(String topic) {
    return TestStack.count(
        "select count(*) from batchtrace.process_value v join batchtrace.uns_tag t"
            + " on t.id = v.tag_id where t.topic = ?",
        topic);
  }
}
