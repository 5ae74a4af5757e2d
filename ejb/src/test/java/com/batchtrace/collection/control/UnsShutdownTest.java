package com.batchtrace.collection.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stopping the collector leaves no connection behind. The collector reconnects automatically; when
 * the application stops just as the connection was lost and a reconnect is under way, Paho refuses
 * the close ("connect in progress"). A client left so finishes its reconnect after the application
 * has gone and keeps the plant's session under the collector's client id: the next start's client
 * and the orphan then take the session from each other, and a disconnect caught in that churn can
 * wait without end. The broker here is a socket speaking just enough MQTT: it drops the first
 * connection and answers the reconnect a moment later.
 */
@Tag("URS-029")
class UnsShutdownTest {

  @Test
  void aClientStoppedWhileReconnectingIsClosedAndDoesNotConnectAgain() throws Exception {
    try (ServerSocket broker = new ServerSocket(0)) {
      ScriptedBroker script = new ScriptedBroker(broker);
      Thread plant = new Thread(script, "scripted-broker");
      plant.setDaemon(true);
      plant.start();
      MqttClient client =
          new MqttClient(
              "tcp://127.0.0.1:" + broker.getLocalPort(), "shutdown-test", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setConnectionTimeout(5);
      options.setAutomaticReconnect(true);
      client.connect(options);
      assertTrue(script.reconnecting.await(15, TimeUnit.SECONDS), "the client reconnects");

      boolean closed =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () -> UnsConnection.close(client, Thread::new, Duration.ofSeconds(10)),
              "closing returns within its bound");

      assertTrue(closed, "the client is closed");
      assertTrue(script.answered.await(10, TimeUnit.SECONDS), "the broker answered the reconnect");
      assertTrue(
          script.reconnectionEnded.await(10, TimeUnit.SECONDS),
          "the client hung up the connection its reconnect made, rather than keeping it");
      assertFalse(client.isConnected(), "no connection is left after the close");
    }
  }

  /**
   * Accepts the first connection and drops it right after the CONNACK; answers the reconnect's
   * CONNECT after a second (a broker slow to answer), then reads until the client hangs up.
   */
  private static final class ScriptedBroker implements Runnable {
    private final ServerSocket broker;
    final CountDownLatch reconnecting = new CountDownLatch(1);
    final CountDownLatch answered = new CountDownLatch(1);
    final CountDownLatch reconnectionEnded = new CountDownLatch(1);

    ScriptedBroker(ServerSocket broker) {
      this.broker = broker;
    }

    @Override
    public void run() {
      try {
        try (Socket first = broker.accept()) {
          skipPacket(new DataInputStream(first.getInputStream()));
          connack(first);
        }
        try (Socket again = broker.accept()) {
          again.setSoTimeout(30_000);
          skipPacket(new DataInputStream(again.getInputStream()));
          reconnecting.countDown();
          Thread.sleep(1000); // the broker is slow to answer the reconnect
          connack(again);
          answered.countDown();
          InputStream in = again.getInputStream();
          while (in.read() >= 0) {
            // what the client sends (a DISCONNECT) until it closes the connection
          }
          reconnectionEnded.countDown();
        }
      } catch (IOException | InterruptedException over) {
        // the test is over
      }
    }

    private static void connack(Socket s) throws IOException {
      s.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x00});
      s.getOutputStream().flush();
    }

    private static void skipPacket(DataInputStream in) throws IOException {
      in.readUnsignedByte();
      int length = 0;
      int multiplier = 1;
      int b;
      do {
        b = in.readUnsignedByte();
        length += (b & 0x7f) * multiplier;
        multiplier *= 128;
      } while ((b & 0x80) != 0);
      in.readFully(new byte[length]);
    }
  }
}
