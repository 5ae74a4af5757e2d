package com.batchtrace.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The demo plant's lines as their gateways would publish them to the Unified Namespace: every
 * second one JSON value per tag ({@code value}, {@code timestamp}, {@code quality}) with noise and
 * a slow drift, a scale that fills and empties, and every few minutes a material-charged event of a
 * demo lot. The tags are the ones the demo data maps ({@code collection.boundary.DemoTags}), so the
 * values are stored, and with a batch step running on the equipment they get its context.
 *
 * <p>Switches inject what the collector must notice, every five minutes, starting shortly after the
 * start: {@code --excursion} the dryer's inlet temperature above its usual 55 to 65 °C for 20 s (a
 * CPP excursion when a batch whose recipe makes it critical runs on the dryer), {@code --gap} the
 * dryer's airflow silent for 60 s (a data gap: its expected interval is 5 s), {@code --malformed}
 * an unreadable payload every 15 s (dead letters, while the stream goes on). {@code --broker URL}
 * picks the broker (default BATCHTRACE_MQTT_URL, else tcp://127.0.0.1:1886, the demo broker) and
 * {@code --username} the gateway's user (default acme-gateway; password UNS_GATEWAY_PASSWORD). Run
 * it with {@code ./batchtrace simulate}; {@code ./batchtrace run} starts it in the background.
 */
public final class LineSimulator {

  private static final String LINE_1 = "acme/basel/granulation/line-1/";
  private static final String LINE_3 = "acme/basel/packaging/line-3/";
  private static final String INLET_TEMP = LINE_1 + "dryer-1/inlet-temp";
  private static final String AIRFLOW = LINE_1 + "dryer-1/airflow";
  private static final String SCALE = LINE_1 + "granulator-1/scale-weight";
  private static final String CHARGES = LINE_1 + "granulator-1/material-charged";
  private static final long CYCLE_SECONDS = 300;
  private static final List<String> DEMO_LOTS =
      List.of("L-API-24001", "L-MCC-24017", "L-PVP-24005", "L-API-24002");

  /** A measured signal: its usual value, its noise and the amplitude of its slow drift. */
  private record Signal(String topic, double usual, double noise, double drift, int decimals) {}

  private static final List<Signal> SIGNALS =
      List.of(
          new Signal(LINE_1 + "granulator-1/impeller-speed", 250, 2.5, 4, 1),
          new Signal(LINE_1 + "granulator-1/chopper-speed", 1500, 15, 20, 0),
          new Signal(LINE_1 + "granulator-1/power", 11.5, 0.3, 0.6, 2),
          new Signal(INLET_TEMP, 60, 0.5, 1.5, 2),
          new Signal(LINE_1 + "dryer-1/outlet-temp", 42, 0.4, 1, 2),
          new Signal(LINE_1 + "dryer-1/product-temp", 38, 0.3, 1, 2),
          new Signal(AIRFLOW, 1200, 12, 25, 0),
          new Signal(LINE_1 + "dryer-1/filter-pressure", 8.5, 0.2, 0.5, 2),
          new Signal(LINE_3 + "blister-1/speed", 45, 0.4, 1, 1),
          new Signal(LINE_3 + "blister-1/sealing-temp", 180, 0.8, 1.5, 1),
          new Signal(LINE_3 + "blister-1/sealing-pressure", 4.2, 0.04, 0.08, 3));

  private final Random random = new Random();
  private final boolean excursion;
  private final boolean gap;
  private final boolean malformed;
  private final MqttClient client;
  private double scale;
  private int lot;

  private final String username;

  private LineSimulator(
      String broker, String username, boolean excursion, boolean gap, boolean malformed)
      throws MqttException {
    this.username = username;
    this.excursion = excursion;
    this.gap = gap;
    this.malformed = malformed;
    client =
        new MqttClient(
            broker,
            "batchtrace-line-simulator-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
  }

  public static void main(String[] args) throws Exception {
    String broker = System.getenv().getOrDefault("BATCHTRACE_MQTT_URL", "tcp://127.0.0.1:1886");
    String username = "acme-gateway";
    boolean excursion = false;
    boolean gap = false;
    boolean malformed = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--excursion" -> excursion = true;
        case "--gap" -> gap = true;
        case "--malformed" -> malformed = true;
        case "--broker" -> broker = args[++i];
        case "--username" -> username = args[++i];
        default -> {
          System.err.println(
              "usage: simulate [--excursion] [--gap] [--malformed] [--broker tcp://host:port]"
                  + " [--username gateway] (password: UNS_GATEWAY_PASSWORD)");
          System.exit(2);
        }
      }
    }
    new LineSimulator(broker, username, excursion, gap, malformed).run(broker);
  }

  private void run(String broker) throws InterruptedException {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    // The plant's brokers refuse anonymous clients: the gateway's own user (docker/mosquitto/acl).
    options.setUserName(username);
    options.setPassword(
        System.getenv().getOrDefault("UNS_GATEWAY_PASSWORD", "gateway-local-demo").toCharArray());
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(10_000);
    while (!client.isConnected()) {
      try {
        client.connect(options);
      } catch (MqttException e) {
        log("broker " + broker + " not reachable (" + e.getMessage() + "); retrying in 5 s");
        Thread.sleep(5000);
      }
    }
    log(
        "publishing "
            + SIGNALS.size()
            + " tags and the scale of the demo plant to "
            + broker
            + " every second"
            + (excursion ? "; CPP excursions" : "")
            + (gap ? "; data gaps" : "")
            + (malformed ? "; malformed messages" : ""));
    long second = 0;
    long next = System.currentTimeMillis();
    while (true) {
      tick(second++);
      next += 1000;
      Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
    }
  }

  private void tick(long second) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    long inCycle = second % CYCLE_SECONDS;
    for (Signal signal : SIGNALS) {
      double value =
          signal.usual()
              + signal.drift() * Math.sin(2 * Math.PI * second / 600.0)
              + signal.noise() * random.nextGaussian();
      if (signal.topic().equals(INLET_TEMP) && excursion && inCycle >= 30 && inCycle < 50) {
        value = 70 + random.nextGaussian();
        if (inCycle == 30) {
          log("CPP excursion: " + INLET_TEMP + " above 65 °C for 20 s");
        }
      }
      if (signal.topic().equals(AIRFLOW) && gap && inCycle >= 60 && inCycle < 120) {
        if (inCycle == 60) {
          log("data gap: " + AIRFLOW + " silent for 60 s");
        }
        continue;
      }
      publish(signal.topic(), value(value, signal.decimals(), now));
    }
    weigh(second, now);
    if (malformed && second % 15 == 7) {
      String bad =
          switch ((int) (second / 15 % 3)) {
            case 0 -> "61.0 degrees";
            case 1 -> "{\"value\": 61.2}";
            default -> "{\"value\": \"hot\", \"timestamp\": \"" + now + "\"}";
          };
      log("malformed message on " + INLET_TEMP + ": " + bad);
      publish(INLET_TEMP, bad);
    }
  }

  /**
   * The scale fills for a minute, stays empty for the next, and every fifth filling is charged into
   * the granulator (a charge event every ten minutes, the first after one minute).
   */
  private void weigh(long second, Instant now) {
    long inRound = second % 120;
    if (inRound < 60) {
      scale = Math.min(25, scale + 0.4 + 0.05 * random.nextGaussian());
    } else if (inRound == 60) {
      if (second % 600 == 60) {
        String lotNumber = DEMO_LOTS.get(lot++ % DEMO_LOTS.size());
        double quantity = Math.round(scale * 100) / 100.0;
        log("material charged: " + quantity + " kg of lot " + lotNumber);
        publish(
            CHARGES,
            String.format(
                Locale.ROOT,
                "{\"lot\": \"%s\", \"quantity\": %.2f, \"timestamp\": \"%s\"}",
                lotNumber,
                quantity,
                now));
      }
      scale = 0;
    }
    publish(SCALE, value(scale + 0.01 * random.nextGaussian(), 2, now));
  }

  private static String value(double value, int decimals, Instant ts) {
    return String.format(
        Locale.ROOT,
        "{\"value\": %." + decimals + "f, \"timestamp\": \"%s\", \"quality\": \"GOOD\"}",
        value,
        ts);
  }

  private void publish(String topic, String payload) {
    try {
      client.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      // A gateway buffers; a simulator just says so and goes on with the next second.
      log("publishing to " + topic + " failed: " + e.getMessage());
    }
  }

  private static void log(String line) {
    System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
  }
}
