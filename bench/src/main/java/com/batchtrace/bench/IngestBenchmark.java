package com.batchtrace.bench;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.postgresql.PGConnection;

/**
 * Machine data through the broker into a running server, end to end: a gateway publishes Sparkplug
 * B DDATA messages (QoS 1), each with one value of every tag of a line, the server's collector
 * stores them with their batch context and acknowledges them after the commit, and the benchmark
 * watches the database until every value is there. Then it checks the count (stored == published,
 * exactly: no loss, no duplicates) and, in {@code ingest} mode, loads the same rows with {@code
 * COPY} into the same table (another tag range) as the reference.
 *
 * <p>In {@code fault} mode it publishes at a steady rate, writes the marker file BENCH_FAULT_MARKER
 * half way (the script then kills the server with {@code kill -9} and starts it again) and checks
 * the count after the server caught up: PASS or FAIL.
 *
 * <p>The fixture (a line, a product, an approved record, a batch running step 1 on the line, and
 * the tags) is written with SQL as the owner role straight into the benchmark's own scratch
 * database; the audited paths that normally create them are the integration tests' business.
 */
public final class IngestBenchmark {

  private static final String GROUP = "bench";

  private final String dbUrl = setting("BATCHTRACE_DB_URL", "jdbc:postgresql:batchtrace_ingest");
  private final String owner = setting("BATCHTRACE_DB_OWNER_USER", "batchtrace_owner");
  private final String ownerPassword =
      setting("BATCHTRACE_DB_OWNER_PASSWORD", "batchtrace-owner-demo");
  private final String app = setting("BATCHTRACE_DB_USER", "batchtrace_app");
  private final String appPassword = setting("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
  private final String broker = setting("BENCH_MQTT_URL", "tcp://127.0.0.1:1884");
  private final String collector = setting("BENCH_COLLECTOR_CLIENT_ID", "batchtrace-bench");
  private final int perMessage = Integer.parseInt(setting("BENCH_VALUES_PER_MESSAGE", "100"));

  /** The line, batch and tags of one run. */
  private record Fixture(
      String run, long equipmentId, long batchId, long firstTag, long lastTag, Instant from) {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "ingest";
    IngestBenchmark bench = new IngestBenchmark();
    boolean ok =
        switch (mode) {
          case "ingest" -> bench.ingest(Long.parseLong(setting("BENCH_VALUES", "1000000")));
          case "fault" -> bench.fault(Long.parseLong(setting("BENCH_FAULT_VALUES", "500000")));
          default -> throw new IllegalArgumentException("mode ingest or fault, not " + mode);
        };
    System.exit(ok ? 0 : 1);
  }

  /** What one run publishes: whole messages of perMessage values, encoded before the clock runs. */
  private record Stream(Fixture f, int messages, long values, List<byte[]> payloads) {}

  /** The fixture, the collector connected, and the messages. */
  private Stream prepare(long values) throws Exception {
    int messages = (int) (values / perMessage);
    Fixture f = fixture();
    awaitCollector();
    return new Stream(f, messages, (long) messages * perMessage, encode(f, messages));
  }

  private boolean ingest(long wanted) throws Exception {
    Stream stream = prepare(wanted);
    Fixture f = stream.f();
    int messages = stream.messages();
    long values = stream.values();
    System.out.printf(
        Locale.ROOT,
        "%nIngestion benchmark: %,d values as %,d Sparkplug B DDATA messages of %d metrics (QoS 1)"
            + " via %s%n",
        values,
        messages,
        perMessage,
        broker);

    Watch watch = new Watch(f, messages);
    Instant start = Instant.now();
    Publisher publisher = new Publisher();
    publisher.publish(f, stream.payloads(), 0);
    Duration published = Duration.between(start, Instant.now());
    watch.until(start, Duration.ofMinutes(10));
    Duration all = Duration.between(start, watch.done);
    Thread.sleep(2000); // anything still coming would be a duplicate or a late one: count after
    long stored = count(f, "");
    long inContext = count(f, " and batch_id = " + f.batchId());
    publisher.close();

    double endToEnd = values / seconds(all);
    double sustained = watch.sustained(perMessage);
    System.out.printf(
        Locale.ROOT,
        "  published (broker acknowledged):  %,10.0f values/s  (%.1f s, %,.0f messages/s)%n",
        values / seconds(published),
        seconds(published),
        messages / seconds(published));
    System.out.printf(
        Locale.ROOT,
        "  stored with context, end to end:  %,10.0f values/s  (%.1f s from the first publish"
            + " to the last commit)%n",
        endToEnd,
        seconds(all));
    System.out.printf(
        Locale.ROOT,
        "  sustained (10%% to 90%% stored):    %,10.0f values/s  (goal >= 50,000: %s)%n",
        sustained,
        sustained >= 50_000 ? "met" : "NOT MET");
    boolean exact = stored == values && inContext == values;
    System.out.printf(
        Locale.ROOT,
        "  count check: published %,d, stored %,d, with the batch's context %,d: %s%n",
        values,
        stored,
        inContext,
        exact ? "exact (no loss, no duplicates)" : "MISMATCH");

    double copy = copyReference(f, messages);
    System.out.printf(
        Locale.ROOT,
        "  COPY of the same rows into process_value (reference): %,10.0f values/s%n",
        copy);
    System.out.printf(
        Locale.ROOT,
        "  sustained / COPY: %.2f   (goal >= 0.30: %s)%n",
        sustained / copy,
        sustained / copy >= 0.3 ? "met" : "NOT MET");
    return exact;
  }

  private boolean fault(long wanted) throws Exception {
    Path marker = Path.of(setting("BENCH_FAULT_MARKER", ".stack/bench-fault.half"));
    Files.deleteIfExists(marker);
    Stream stream = prepare(wanted);
    Fixture f = stream.f();
    int messages = stream.messages();
    long values = stream.values();
    int rate = Integer.parseInt(setting("BENCH_FAULT_MESSAGES_PER_SECOND", "1000"));
    System.out.printf(
        Locale.ROOT,
        "%nFault run: %,d values as %,d messages of %d metrics at %d messages/s; %s%n",
        values,
        messages,
        perMessage,
        rate,
        setting("BENCH_FAULT_WHAT", "the server is killed (kill -9) half way and started again"));
    Publisher publisher = new Publisher();
    long[] storedAtKill = new long[1];
    long publishStart = System.nanoTime();
    publisher.publish(
        f,
        stream.payloads(),
        rate,
        sent -> {
          if (sent == messages / 2) {
            storedAtKill[0] = count(f, "");
            Files.writeString(marker, "half");
            System.out.printf(
                Locale.ROOT,
                "  %,d messages published, %,d values stored: marker written%n",
                sent,
                storedAtKill[0]);
          }
        });
    double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "  all %,d messages published (broker acknowledged) in %.1f s: %,.0f values/s%n",
        messages,
        publishSeconds,
        values / publishSeconds);
    new Watch(f, messages).until(Instant.now(), Duration.ofMinutes(10));
    Thread.sleep(3000);
    long stored = count(f, "");
    publisher.close();
    // Every published value has a (tag, time) of its own and the table's key is (tag, time): a
    // value the broker delivers twice is not stored twice, so stored == published is exact.
    boolean pass = stored == values;
    System.out.printf(
        Locale.ROOT,
        "  published %,d, stored %,d (each once: the key is tag and time; %,d stored before the"
            + " fault): %s%n",
        values,
        stored,
        storedAtKill[0],
        pass ? "PASS" : "FAIL");
    return pass;
  }

  // --- the fixture, the gateway and the watch ---

  private Fixture fixture() throws SQLException {
    String run = "r" + Long.toString(System.currentTimeMillis(), 36);
    try (Connection db = DriverManager.getConnection(dbUrl, owner, ownerPassword)) {
      db.setAutoCommit(false);
      long enterprise =
          id(db, "select coalesce(max(id), 0) from batchtrace.equipment where uns_path = 'bench'");
      if (enterprise == 0) {
        enterprise = id(db, "select nextval('batchtrace.equipment_seq')");
        exec(
            db,
            "insert into batchtrace.equipment (id, level, code, name, uns_path, active, version)"
                + " values (?, 'ENTERPRISE', 'bench', 'Benchmark plant', 'bench', true, 0)",
            enterprise);
      }
      long line = id(db, "select nextval('batchtrace.equipment_seq')");
      exec(
          db,
          "insert into batchtrace.equipment (id, parent_id, level, code, name, uns_path, active,"
              + " version) values (?, ?, 'LINE', ?, 'Benchmark line', ?, true, 0)",
          line,
          enterprise,
          run,
          "bench/" + run);
      long product = id(db, "select nextval('batchtrace.material_seq')");
      exec(
          db,
          "insert into batchtrace.material (id, code, name, kind, unit, shelf_life_days, active,"
              + " version) values (?, ?, 'Benchmark product', 'FINISHED', 'kg', 365, true, 0)",
          product,
          run.toUpperCase(Locale.ROOT));
      long record = id(db, "select nextval('batchtrace.master_batch_record_seq')");
      exec(
          db,
          "insert into batchtrace.master_batch_record (id, product_id, mbr_version, status,"
              + " author_id, created_at, version) values (?, ?, 1, 'APPROVED', 'bench', now(), 0)",
          record,
          product);
      long batch = id(db, "select nextval('batchtrace.batch_seq')");
      exec(
          db,
          "insert into batchtrace.batch (id, batch_number, product_id, line_id, status,"
              + " planned_quantity, created_at, version, master_batch_record_id)"
              + " values (?, ?, ?, ?, 'IN_PROGRESS', 100, now(), 0, ?)",
          batch,
          "B-" + run,
          product,
          line,
          record);
      Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      exec(
          db,
          "insert into batchtrace.equipment_allocation (id, equipment_id, batch_id, step_position,"
              + " started_at, version) values (nextval('batchtrace.equipment_allocation_seq'), ?,"
              + " ?, 1, ?, 0)",
          line,
          batch,
          Timestamp.from(from.minus(1, ChronoUnit.HOURS)));
      long firstTag = 0;
      long lastTag = 0;
      for (int m = 0; m < perMessage; m++) {
        long tag = id(db, "select nextval('batchtrace.uns_tag_seq')");
        exec(
            db,
            "insert into batchtrace.uns_tag (id, equipment_id, tag, topic, unit, active, version)"
                + " values (?, ?, ?, ?, 'C', true, 0)",
            tag,
            line,
            metric(m),
            "spBv1.0/" + GROUP + "/" + run + "/line/" + metric(m));
        firstTag = m == 0 ? tag : firstTag;
        lastTag = tag;
      }
      db.commit();
      return new Fixture(run, line, batch, firstTag, lastTag, from);
    }
  }

  private static String metric(int m) {
    return String.format(Locale.ROOT, "m%03d", m);
  }

  /** The collector's persistent session must exist before anything is published to it. */
  private void awaitCollector() throws Exception {
    Instant end = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(end)) {
      try (Connection db = DriverManager.getConnection(dbUrl, owner, ownerPassword);
          PreparedStatement s =
              db.prepareStatement(
                  "select count(*) from batchtrace.security_event where kind = 'BROKER_CONNECTED'"
                      + " and detail like ?")) {
        s.setString(1, "%" + collector + "%");
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return;
          }
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("The server's collector did not connect to " + broker);
  }

  /** Message i holds one value of every tag at from + i ms: each (tag, time) exactly once. */
  private List<byte[]> encode(Fixture f, int messages) throws Exception {
    List<byte[]> payloads = new ArrayList<>(messages);
    SparkplugBPayloadEncoder encoder = new SparkplugBPayloadEncoder();
    for (int i = 0; i < messages; i++) {
      Date ts = Date.from(f.from().plusMillis(i));
      SparkplugBPayload.SparkplugBPayloadBuilder payload =
          new SparkplugBPayload.SparkplugBPayloadBuilder((long) (i % 256)).setTimestamp(ts);
      for (int m = 0; m < perMessage; m++) {
        payload.addMetric(
            new Metric.MetricBuilder(metric(m), MetricDataType.Double, value(i, m))
                .timestamp(ts)
                .createMetric());
      }
      payloads.add(encoder.getBytes(payload.createPayload(), false));
    }
    return payloads;
  }

  private static double value(int i, int m) {
    return 20 + ((i * 31L + m * 7L) % 1000) / 10.0;
  }

  private interface Progress {
    void sent(int count) throws Exception;
  }

  /** A gateway: QoS 1, up to 1,000 messages in flight, optionally at a fixed rate. */
  private final class Publisher implements MqttCallback {
    private final Semaphore window = new Semaphore(1000);
    private final MqttAsyncClient client;

    Publisher() throws Exception {
      client =
          new MqttAsyncClient(
              broker, "bench-gateway-" + System.nanoTime(), new MemoryPersistence());
      client.setCallback(this);
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(1000);
      // The benchmark broker refuses anonymous clients, as every broker of the project does.
      options.setUserName(setting("BENCH_MQTT_USERNAME", "plant-gateway"));
      options.setPassword(setting("UNS_GATEWAY_PASSWORD", "gateway-local-demo").toCharArray());
      client.connect(options).waitForCompletion(10_000);
    }

    void publish(Fixture f, List<byte[]> payloads, int perSecond) throws Exception {
      publish(f, payloads, perSecond, sent -> {});
    }

    void publish(Fixture f, List<byte[]> payloads, int perSecond, Progress progress)
        throws Exception {
      String topic = "spBv1.0/" + GROUP + "/DDATA/" + f.run() + "/line";
      long start = System.nanoTime();
      for (int i = 0; i < payloads.size(); i++) {
        if (perSecond > 0) {
          long due = start + i * 1_000_000_000L / perSecond;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
        }
        window.acquire();
        MqttMessage message = new MqttMessage(payloads.get(i));
        message.setQos(1);
        client.publish(topic, message);
        progress.sent(i + 1);
      }
      // Every message acknowledged by the broker (PUBACK): it is the broker's now.
      window.acquire(1000);
      window.release(1000);
    }

    void close() throws Exception {
      client.disconnect().waitForCompletion(5000);
      client.close();
    }

    @Override
    public void connectionLost(Throwable cause) {
      System.out.println("  the gateway lost the broker: " + cause);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {}

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      window.release();
    }
  }

  /**
   * Watches the last tag of the run (one value per message, so its count is the messages stored,
   * and cheap to count), with the time each count was first seen.
   */
  private final class Watch {
    private final Fixture f;
    private final int messages;
    private final List<long[]> samples = new ArrayList<>(); // {nanos, count}
    Instant done;

    Watch(Fixture f, int messages) {
      this.f = f;
      this.messages = messages;
    }

    void until(Instant start, Duration limit) throws Exception {
      Instant end = start.plus(limit);
      try (Connection db = DriverManager.getConnection(dbUrl, owner, ownerPassword);
          PreparedStatement s =
              db.prepareStatement(
                  "select count(*) from batchtrace.process_value where tag_id = ? and ts >= ?")) {
        s.setLong(1, f.lastTag());
        s.setTimestamp(2, Timestamp.from(f.from()));
        while (Instant.now().isBefore(end)) {
          long n;
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            n = rs.getLong(1);
          }
          samples.add(new long[] {System.nanoTime(), n});
          if (n >= messages) {
            done = Instant.now();
            return;
          }
          Thread.sleep(200);
        }
      }
      throw new IllegalStateException(
          "Not all values stored within " + limit + ": " + last() + " of " + messages);
    }

    private long last() {
      return samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1];
    }

    /** Values per second between the moments 10% and 90% of the messages were stored. */
    double sustained(int perMessage) {
      long[] from = firstAtLeast(messages / 10);
      long[] to = firstAtLeast(messages * 9L / 10);
      return (double) (to[1] - from[1]) * perMessage / ((to[0] - from[0]) / 1e9);
    }

    private long[] firstAtLeast(long count) {
      return samples.stream().filter(s -> s[1] >= count).findFirst().orElseThrow();
    }
  }

  // --- the reference and the checks ---

  /** COPY of the same rows (same times, values and context) for a tag range of their own. */
  private double copyReference(Fixture f, int messages) throws Exception {
    String shift;
    try (Connection db = DriverManager.getConnection(dbUrl, owner, ownerPassword);
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select shift, product from batchtrace.process_value where tag_id = "
                    + f.lastTag()
                    + " limit 1")) {
      rs.next();
      shift = rs.getString(1) + "\t" + rs.getString(2);
    }
    long tagOffset = 1_000_000_000L + f.lastTag();
    try (Connection db = DriverManager.getConnection(dbUrl, app, appPassword)) {
      db.setAutoCommit(false);
      long start = System.nanoTime();
      long rows =
          db.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY batchtrace.process_value (tag_id, ts, value, quality, equipment_id,"
                      + " batch_id, step_position, shift, product, received_at) FROM STDIN",
                  new RowsReader(f, messages, tagOffset, shift));
      db.commit();
      double rate = rows / ((System.nanoTime() - start) / 1e9);
      if (rows != (long) messages * perMessage) {
        throw new IllegalStateException("COPY loaded " + rows + " rows");
      }
      return rate;
    }
  }

  /** The COPY text of the run's rows, generated as it is read (nothing held in memory). */
  private final class RowsReader extends Reader {
    private final Fixture f;
    private final int messages;
    private final long tagOffset;
    private final String shiftAndProduct;
    private final StringBuilder buffer = new StringBuilder();
    private int position;
    private int message;

    RowsReader(Fixture f, int messages, long tagOffset, String shiftAndProduct) {
      this.f = f;
      this.messages = messages;
      this.tagOffset = tagOffset;
      this.shiftAndProduct = shiftAndProduct;
    }

    @Override
    public int read(char[] into, int offset, int length) {
      if (position == buffer.length()) {
        if (message == messages) {
          return -1;
        }
        buffer.setLength(0);
        position = 0;
        String ts = f.from().plusMillis(message).toString();
        String received = Instant.now().toString();
        for (int m = 0; m < perMessage; m++) {
          buffer
              .append(tagOffset + m)
              .append('\t')
              .append(ts)
              .append('\t')
              .append(value(message, m))
              .append("\tGOOD\t")
              .append(f.equipmentId())
              .append('\t')
              .append(f.batchId())
              .append("\t1\t")
              .append(shiftAndProduct)
              .append('\t')
              .append(received)
              .append('\n');
        }
        message++;
      }
      int n = Math.min(length, buffer.length() - position);
      buffer.getChars(position, position + n, into, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private long count(Fixture f, String condition) throws SQLException {
    return id(
        "select count(*) from batchtrace.process_value where tag_id between "
            + f.firstTag()
            + " and "
            + f.lastTag()
            + condition);
  }

  private long id(String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(dbUrl, owner, ownerPassword)) {
      return id(db, sql);
    }
  }

  private static long id(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void exec(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      s.execute();
    }
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static String setting(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
