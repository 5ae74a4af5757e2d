package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.StorageFailure;
import com.batchtrace.collection.control.UnsConnection;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.TransientFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The application's MQTT client on the plant's Unified Namespace. QoS 1 with a persistent session
 * (clean session off, a fixed client id), so the broker keeps what arrives while the server is
 * down; messages are acknowledged by hand, and only after {@link Ingestion} has committed their
 * data, so a crash never loses an acknowledged message (a redelivery is stored once). Reconnects
 * with backoff; each connect and loss is an operations event in the security log.
 *
 * <p>Settings: BATCHTRACE_MQTT_URL (default tcp://127.0.0.1:1883; ssl://host:port for TLS),
 * BATCHTRACE_MQTT_USERNAME (default batchtrace-collector), BATCHTRACE_MQTT_PASSWORD,
 * BATCHTRACE_MQTT_CA_FILE (PEM file of the CA that signed the broker's certificate),
 * BATCHTRACE_MQTT_CLIENT_ID (default batchtrace-HOSTNAME), BATCHTRACE_MQTT_TOPICS (topic filters,
 * comma-separated, default {@code #}), BATCHTRACE_MQTT_ENABLED (default true),
 * BATCHTRACE_MQTT_SHARED (default false; true on every node of a clustered site).
 *
 * <p>On a clustered site every node subscribes to the same filters as a member of the MQTT shared
 * subscription group {@value #SHARE_GROUP} ({@code $share/batchtrace/<filter>}), each with a client
 * id and persistent session of its own: the broker hands each message to one member only, so each
 * value is received and stored once however many nodes run.
 */
@Singleton
@Startup
// Only once the installation passed its start-up check (no demo secret in production).
@DependsOn("ProductionReadiness")
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MqttCollector implements MqttCallbackExtended {

  private static final Logger LOG = Logger.getLogger(MqttCollector.class.getName());
  private static final int BATCH = 500;

  /** The shared subscription group of the site's nodes. */
  static final String SHARE_GROUP = "batchtrace";

  /** How long stopping the application waits for the broker connection to close. */
  private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);

  /** How long a connect waits for the broker's answer before it is tried again. */
  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(30);

  /** A message waiting for its data to be committed before it is acknowledged. */
  private record Pending(InboundMessage message, int id, int qos) {}

  @Resource ManagedThreadFactory threads;

  @Inject Ingestion ingestion;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>(20_000);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile Instant lastCommit;
  private volatile String lastWriterError;
  private volatile Instant lastWriterErrorAt;

  private String url;
  private String username;
  private String password;
  private String caFile;
  private String clientId;
  private String[] filters;
  private volatile MqttClient client;
  private volatile boolean running;
  private volatile String state = "DISCONNECTED";
  private volatile Instant since;
  private volatile String lastError;
  private Thread connector;
  private Thread writer;

  @PostConstruct
  void start() {
    url = Settings.text("BATCHTRACE_MQTT_URL", "tcp://127.0.0.1:1883");
    username = Settings.text("BATCHTRACE_MQTT_USERNAME", "batchtrace-collector");
    password = Settings.text("BATCHTRACE_MQTT_PASSWORD", "");
    caFile = Settings.text("BATCHTRACE_MQTT_CA_FILE", "");
    clientId = Settings.text("BATCHTRACE_MQTT_CLIENT_ID", "batchtrace-" + hostname());
    filters =
        subscriptions(
            Settings.text("BATCHTRACE_MQTT_TOPICS", "#").split("\\s*,\\s*"),
            Boolean.parseBoolean(Settings.text("BATCHTRACE_MQTT_SHARED", "false")));
    since = clock.instant();
    if (!Boolean.parseBoolean(Settings.text("BATCHTRACE_MQTT_ENABLED", "true"))) {
      state = "DISABLED";
      return;
    }
    running = true;
    writer = threads.newThread(this::writeLoop);
    writer.setName("mqtt-collector-writer");
    writer.start();
    connector = threads.newThread(this::connectLoop);
    connector.setName("mqtt-collector-connect");
    connector.start();
  }

  /**
   * The filters as subscribed: as configured, or each as a member of the site's shared subscription
   * group (a filter already naming a shared group is refused: the group is the site's, not a
   * setting).
   */
  static String[] subscriptions(String[] topics, boolean shared) {
    for (String topic : topics) {
      if (topic.startsWith("$share/")) {
        throw new IllegalStateException(
            "BATCHTRACE_MQTT_TOPICS lists topic filters ("
                + topic
                + " names a shared subscription group); set BATCHTRACE_MQTT_SHARED=true instead.");
      }
    }
    return shared
        ? java.util.Arrays.stream(topics)
            .map(t -> "$share/" + SHARE_GROUP + "/" + t)
            .toArray(String[]::new)
        : topics.clone();
  }

  @PreDestroy
  void stop() {
    running = false;
    if (connector != null) {
      connector.interrupt();
    }
    if (writer != null) {
      writer.interrupt();
    }
    MqttClient closing = client;
    if (closing != null) {
      try {
        if (!UnsConnection.close(closing, threads, CLOSE_WITHIN)) {
          LOG.warning(
              "MQTT collector "
                  + clientId
                  + ": the connection did not close within "
                  + CLOSE_WITHIN.toSeconds()
                  + " s; the application stops without waiting for it");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public CollectionStatus status() {
    return new CollectionStatus(
        url,
        username,
        clientId,
        String.join(", ", filters),
        state,
        since,
        lastError,
        received.get(),
        acknowledged.get(),
        pending.size(),
        lastCommit,
        deadLettered.get(),
        writer != null && writer.isAlive(),
        lastWriterError,
        lastWriterErrorAt);
  }

  /** The first connection, retried with backoff; later losses are Paho's automatic reconnect. */
  private void connectLoop() {
    long backoff = 1000;
    while (running) {
      try {
        state("CONNECTING", null);
        client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setCallback(this);
        client.setManualAcks(true);
        MqttConnectOptions options = UnsConnection.options(url, username, password, caFile);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setKeepAliveInterval(20);
        options.setConnectionTimeout(10);
        options.setMaxInflight(1000);
        UnsConnection.connect(client, options, CONNECT_WITHIN);
        if (!running) {
          // stopped while connecting: this client must not stay connected after the application
          UnsConnection.close(client, threads, CLOSE_WITHIN);
        }
        return;
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (MqttException | IllegalArgumentException e) {
        state("DISCONNECTED", describe(e));
        closeQuietly();
        sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  /**
   * Subscribes on a thread of its own. Paho calls this on its callback thread, which also delivers
   * the messages: after a restart the broker sends the persistent session's queued messages right
   * after the connect, they fill Paho's small inbound queue, its receiver stops reading, and a
   * subscribe waiting on that thread for its acknowledgement would never get it (the connection
   * then times out, again and again).
   */
  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    threads.newThread(() -> subscribe(serverUri)).start();
  }

  private void subscribe(String serverUri) {
    try {
      int[] qos = new int[filters.length];
      java.util.Arrays.fill(qos, 1);
      client.subscribe(filters, qos);
      state("CONNECTED", null);
      securityLog.record(
          SecurityEventKind.BROKER_CONNECTED,
          "MQTT collector "
              + clientId
              + " connected to "
              + serverUri
              + " ("
              + String.join(", ", filters)
              + ")");
    } catch (MqttException e) {
      state("DISCONNECTED", describe(e));
      LOG.log(Level.WARNING, "Subscribing to the UNS failed", e);
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    state("CONNECTING", "Connection lost: " + cause);
    operationsEvent(
        SecurityEventKind.BROKER_DISCONNECTED,
        "MQTT collector " + clientId + " lost " + url + ": " + cause + "; reconnecting");
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    received.incrementAndGet();
    Pending arrived =
        new Pending(
            new InboundMessage("MQTT", topic, message.getPayload()),
            message.getId(),
            message.getQos());
    // Waits while the writer catches up, but never once stopping: Paho's disconnect waits for this
    // thread. A message left here is not acknowledged, so the broker delivers it again.
    while (running && !pending.offer(arrived, 500, TimeUnit.MILLISECONDS)) {
      // the queue is full; the writer is committing
    }
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    // The collector publishes nothing.
  }

  /**
   * Commits what arrived, in batches, then acknowledges it. Survives anything a message can cause:
   * a failure is reported in the status and handled by {@link #isolate}; the loop goes on.
   */
  private void writeLoop() {
    List<Pending> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        Pending first = pending.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, BATCH - 1);
        commitThenAcknowledge(batch);
        batch.clear();
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (Throwable unexpected) {
        // Never silently: reported, and the batch is taken apart message by message next round.
        writerError("The writer failed and goes on", unexpected);
      }
    }
  }

  /**
   * One transaction for the whole batch; when it fails, a transient problem (the database is
   * unreachable) is retried with backoff and never dead-lettered, and anything else makes each
   * message go on its own, so only the message that cannot be stored becomes a dead letter.
   */
  private void commitThenAcknowledge(List<Pending> batch) throws InterruptedException {
    List<InboundMessage> messages = batch.stream().map(Pending::message).toList();
    long backoff = 500;
    while (running) {
      try {
        ingestion.ingest(messages);
        committed(batch);
        return;
      } catch (Throwable failed) {
        if (!TransientFailure.isTransient(failed)) {
          for (Pending p : batch) {
            isolate(p);
          }
          return;
        }
        writerError("Storing " + batch.size() + " message(s) failed; retrying", failed);
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** One message alone: stored, or a dead letter with the reason; transient failures retried. */
  private void isolate(Pending p) throws InterruptedException {
    long backoff = 500;
    while (running) {
      try {
        store(p);
        committed(List.of(p));
        return;
      } catch (Throwable transientFailure) {
        writerError("Storing message " + p.id() + " failed; retrying", transientFailure);
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  /** Stores the message, or keeps it as a dead letter; only a transient failure is thrown. */
  private void store(Pending p) throws Throwable {
    try {
      ingestion.ingest(List.of(p.message()));
    } catch (Throwable failed) {
      if (TransientFailure.isTransient(failed)) {
        throw failed;
      }
      writerError("Message on " + p.message().topic() + " kept as a dead letter", failed);
      ingestion.deadLetter(p.message(), StorageFailure.reason(failed));
      deadLettered.incrementAndGet();
    }
  }

  private void committed(List<Pending> batch) {
    lastCommit = clock.instant();
    for (Pending p : batch) {
      try {
        client.messageArrivedComplete(p.id(), p.qos());
        acknowledged.incrementAndGet();
      } catch (MqttException e) {
        // The broker redelivers it after the reconnect; the redelivery is stored once.
        LOG.log(Level.FINE, "Acknowledging message " + p.id() + " failed", e);
      }
    }
  }

  private void writerError(String what, Throwable e) {
    lastWriterError = what + ": " + StorageFailure.reason(e);
    lastWriterErrorAt = clock.instant();
    LOG.log(Level.WARNING, "MQTT collector writer: " + what, e);
  }

  /** Recorded from a managed thread: Paho calls back on its own threads. */
  private void operationsEvent(SecurityEventKind kind, String detail) {
    threads.newThread(() -> securityLog.record(kind, detail)).start();
  }

  private void state(String newState, String error) {
    state = newState;
    since = clock.instant();
    if (error != null) {
      lastError = error;
      LOG.warning("MQTT collector " + clientId + " at " + url + ": " + error);
    }
  }

  private void closeQuietly() {
    try {
      if (client != null) {
        client.close(true);
      }
    } catch (MqttException ignored) {
      // nothing left to close
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
