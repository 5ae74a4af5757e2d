package com.batchtrace.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
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
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> client.connect(options));
      script.connected.countDown();
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

  @Test
  void aConnectTheBrokerNeverAnswersFailsWithinItsBound() throws Exception {
    try (ServerSocket broker = new ServerSocket(0)) {
      CountDownLatch over = new CountDownLatch(1);
      Thread silent =
          new Thread(
              () -> {
                try (Socket s = broker.accept()) {
                  ScriptedBroker.skipPacket(new DataInputStream(s.getInputStream()));
                  over.await(); // takes the CONNECT and never answers
                } catch (IOException | InterruptedException e) {
                  // the test is over
                }
              },
              "silent-broker");
      silent.setDaemon(true);
      silent.start();
      MqttClient client =
          new MqttClient(
              "tcp://127.0.0.1:" + broker.getLocalPort(), "silent-test", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setConnectionTimeout(5);
      try {
        MqttException refused =
            assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () ->
                    assertThrows(
                        MqttException.class,
                        () -> UnsConnection.connect(client, options, Duration.ofSeconds(2))),
                "the connect gives up within its bound");
        assertEquals(MqttException.REASON_CODE_CLIENT_TIMEOUT, refused.getReasonCode());
      } finally {
        over.countDown();
        UnsConnection.close(client, Thread::new, Duration.ofSeconds(5));
      }
    }
  }

  /**
   * Accepts the first connection and drops it once the client is connected; answers the reconnect's
   * CONNECT after a second (a broker slow to answer), then reads until the client hangs up.
   */
  private static final class ScriptedBroker implements Runnable {
    private final ServerSocket broker;
    final CountDownLatch connected = new CountDownLatch(1);
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
          // Dropped once the client has taken the CONNACK: dropped sooner, Paho's connect can
          // wait for ever (its own known race), which is not what this test is about.
          connected.await();
        }
        try (Socket again = broker.accept()) {
          again.setSoTimeout(30_000);
          skipPacket(new DataInputStream(again.getInputStream()));
          reconnecting.countDown();
          Thread.sleep(1000); // the broker is slow to answer the reconnect
          try {
            connack(again);
          } catch (IOException gone) {
            // the client has hung up already
          }
          answered.countDown();
          hangUpAwaited(again.getInputStream());
        }
      } catch (IOException | InterruptedException over) {
        // the test is over
      }
    }

    /** Reads what the client sends (a DISCONNECT) until it closes the connection. */
    private void hangUpAwaited(InputStream in) {
      try {
        while (in.read() >= 0) {
          // what the client sends
        }
      } catch (SocketTimeoutException kept) {
        return; // the client kept the connection
      } catch (IOException reset) {
        // closed by the client as well
      }
      reconnectionEnded.countDown();
    }

    private static void connack(Socket s) throws IOException {
      s.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, 0x00});
      s.getOutputStream().flush();
    }

    static void skipPacket(DataInputStream in) throws IOException {
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
