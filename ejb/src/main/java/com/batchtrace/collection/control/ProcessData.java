package com.batchtrace.collection.control;

import com.batchtrace.collection.boundary.DeadLetter;
import com.batchtrace.collection.boundary.UnmappedTopic;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The collector's native SQL, in one place: machine data arrives by the thousand per second, so
 * values go in as arrays in one statement per batch of messages (JPA would build an entity and an
 * INSERT per value), and context is resolved with one query per batch. Runs in the caller's JTA
 * transaction (the data source is JTA-enlisted).
 */
@ApplicationScoped
public class ProcessData {

  /** A tag as the collector needs it. */
  public record TagRef(
      long id,
      String tag,
      long equipmentId,
      String equipmentPath,
      Integer intervalSeconds,
      boolean chargeEvents) {}

  /** A step run of a batch on equipment, with what a value needs from it. */
  public record Run(
      long batchId,
      String batchNumber,
      int step,
      String equipmentPath,
      Instant startedAt,
      Instant endedAt,
      String product,
      long recordId) {

    public boolean covers(String path, Instant ts) {
      return (path.equals(equipmentPath) || path.startsWith(equipmentPath + "/"))
          && !ts.isBefore(startedAt)
          && (endedAt == null || ts.isBefore(endedAt));
    }
  }

  /** A value with its context, ready to store. */
  public record Row(
      long tagId,
      Instant ts,
      double value,
      String quality,
      long equipmentId,
      Long batchId,
      Integer step,
      String product,
      String shift) {}

  /** A parameter a master batch record step records from a tag. */
  public record Limits(String name, BigDecimal low, BigDecimal high, boolean critical) {

    public boolean outside(double value) {
      return (low != null && value < low.doubleValue())
          || (high != null && value > high.doubleValue());
    }
  }

  /** A tag silent for longer than its interval during a running step. */
  public record Silence(long batchId, int step, long tagId, String tag, Instant since) {}

  /** A value's key: the tag and the source time (the table's primary key). */
  private record SeriesPoint(long tagId, Instant ts) {}

  private static final Set<YearMonth> MONTHS = ConcurrentHashMap.newKeySet();

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  public Map<String, TagRef> tags(Collection<String> addresses) {
    Map<String, TagRef> tags = new HashMap<>();
    if (addresses.isEmpty()) {
      return tags;
    }
    String sql =
        "select t.topic, t.id, t.tag, e.id, e.uns_path, t.expected_interval_seconds, t.kind"
            + " from batchtrace.uns_tag t join batchtrace.equipment e on e.id = t.equipment_id"
            + " where t.active and t.topic = any (?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("varchar", addresses.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tags.put(
              rs.getString(1),
              new TagRef(
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  (Integer) rs.getObject(6),
                  "CHARGE_EVENTS".equals(rs.getString(7))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the tag mapping failed", e);
    }
    return tags;
  }

  /** Every step run that overlaps the time range, whatever the equipment. */
  public List<Run> runs(Instant from, Instant to) {
    String sql =
        "select b.id, b.batch_number, a.step_position, e.uns_path, a.started_at, a.ended_at,"
            + " p.code, b.master_batch_record_id"
            + " from batchtrace.equipment_allocation a"
            + " join batchtrace.equipment e on e.id = a.equipment_id"
            + " join batchtrace.batch b on b.id = a.batch_id"
            + " join batchtrace.material p on p.id = b.product_id"
            + " where a.started_at <= ? and (a.ended_at is null or a.ended_at > ?)";
    List<Run> runs = new ArrayList<>();
    query(
        sql,
        rs -> {
          Timestamp ended = rs.getTimestamp(6);
          runs.add(
              new Run(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  ended == null ? null : ended.toInstant(),
                  rs.getString(7),
                  rs.getLong(8)));
        },
        Timestamp.from(to),
        Timestamp.from(from));
    return runs;
  }

  /**
   * Stores the values that are not stored yet; returns those it stored (a redelivered value is
   * already there and is not returned).
   */
  public List<Row> insert(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    ensureMonths(rows);
    String sql =
        "insert into batchtrace.process_value (tag_id, ts, value, quality, equipment_id, batch_id,"
            + " step_position, product, shift, received_at)"
            + " select *, now() from unnest(?::bigint[], ?::timestamptz[], ?::float8[],"
            + " ?::varchar[], ?::bigint[], ?::bigint[], ?::int[], ?::varchar[], ?::varchar[])"
            + " on conflict do nothing returning tag_id, ts";
    int n = rows.size();
    Object[] tag = new Object[n];
    Object[] ts = new Object[n];
    Object[] value = new Object[n];
    Object[] quality = new Object[n];
    Object[] equipment = new Object[n];
    Object[] batch = new Object[n];
    Object[] step = new Object[n];
    Object[] product = new Object[n];
    Object[] shift = new Object[n];
    Map<SeriesPoint, Row> byKey = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Row r = rows.get(i);
      tag[i] = r.tagId();
      ts[i] = Timestamp.from(r.ts());
      value[i] = r.value();
      quality[i] = r.quality();
      equipment[i] = r.equipmentId();
      batch[i] = r.batchId();
      step[i] = r.step();
      product[i] = r.product();
      shift[i] = r.shift();
      // The first of two rows with one key is the one the insert keeps.
      byKey.putIfAbsent(new SeriesPoint(r.tagId(), r.ts()), r);
    }
    List<Row> stored = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setArray(1, c.createArrayOf("bigint", tag));
      s.setArray(2, c.createArrayOf("timestamptz", ts));
      s.setArray(3, c.createArrayOf("float8", value));
      s.setArray(4, c.createArrayOf("varchar", quality));
      s.setArray(5, c.createArrayOf("bigint", equipment));
      s.setArray(6, c.createArrayOf("bigint", batch));
      s.setArray(7, c.createArrayOf("int4", step));
      s.setArray(8, c.createArrayOf("varchar", product));
      s.setArray(9, c.createArrayOf("varchar", shift));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Row row = byKey.get(new SeriesPoint(rs.getLong(1), rs.getTimestamp(2).toInstant()));
          if (row != null) {
            stored.add(row);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Storing process values failed", e);
    }
    return stored;
  }

  private void ensureMonths(List<Row> rows) {
    Set<YearMonth> months = new HashSet<>();
    for (Row r : rows) {
      YearMonth month = YearMonth.from(r.ts().atOffset(ZoneOffset.UTC));
      if (!MONTHS.contains(month)) {
        months.add(month);
      }
    }
    if (months.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("select batchtrace.process_value_month(?::timestamptz)")) {
      for (YearMonth month : months) {
        s.setTimestamp(1, Timestamp.from(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        s.execute();
        MONTHS.add(month);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Preparing the month's process value partition failed", e);
    }
  }

  public void deadLetter(String source, String topic, byte[] payload, String reason) {
    update(
        "insert into batchtrace.dead_letter (id, received_at, source, topic, payload, reason)"
            + " values (nextval('batchtrace.dead_letter_seq'), now(), ?, ?, ?, ?)",
        source,
        cut(topic, 700),
        payload.length > Plausibility.MAX_PAYLOAD_BYTES
            ? java.util.Arrays.copyOf(payload, Plausibility.MAX_PAYLOAD_BYTES)
            : payload,
        cut(reason, 1000));
  }

  public void unmapped(String topic, byte[] payload, int seen) {
    update(
        "insert into batchtrace.unmapped_topic (topic, first_seen, last_seen, seen, last_payload)"
            + " values (?, now(), now(), ?, ?) on conflict (topic) do update set last_seen = now(),"
            + " seen = unmapped_topic.seen + excluded.seen, last_payload = excluded.last_payload",
        cut(topic, 700),
        (long) seen,
        payload);
  }

  /** Records the event's key; false when it was recorded before (a redelivery). */
  public boolean firstDelivery(String topic, Instant ts) {
    return update(
            "insert into batchtrace.collected_event (topic, ts, received_at) values (?, ?, now())"
                + " on conflict do nothing",
            cut(topic, 700),
            Timestamp.from(ts))
        == 1;
  }

  /** What the step of the record measures from the tag, if it does. */
  public List<Limits> limits(long recordId, int step, String tag) {
    String sql =
        "select p.name, p.low_limit, p.high_limit, p.critical from batchtrace.mbr_parameter p"
            + " join batchtrace.mbr_step s on s.id = p.step_id"
            + " where s.record_id = ? and s.position = ? and p.tag = ?";
    List<Limits> limits = new ArrayList<>();
    query(
        sql,
        rs ->
            limits.add(
                new Limits(
                    rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4))),
        recordId,
        step,
        tag);
    return limits;
  }

  /**
   * Tags with an expected interval, below equipment running a step now, whose last value (or the
   * step's start, when none came yet) is older than the interval.
   */
  public List<Silence> silences(Instant now) {
    String sql =
        "select a.batch_id, a.step_position, t.id, t.tag,"
            + " greatest(a.started_at, (select max(v.ts) from batchtrace.process_value v"
            + " where v.tag_id = t.id and v.ts >= a.started_at)) as since,"
            + " t.expected_interval_seconds"
            + " from batchtrace.equipment_allocation a"
            + " join batchtrace.equipment ae on ae.id = a.equipment_id"
            + " join batchtrace.equipment te on te.uns_path = ae.uns_path"
            + " or te.uns_path like ae.uns_path || '/%'"
            + " join batchtrace.uns_tag t on t.equipment_id = te.id"
            + " where a.ended_at is null and t.active and t.expected_interval_seconds is not null";
    List<Silence> silences = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        Instant since = rs.getTimestamp(5).toInstant();
        if (since.plusSeconds(rs.getInt(6)).isBefore(now)) {
          silences.add(
              new Silence(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), since));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Looking for silent tags failed", e);
    }
    return silences;
  }

  /** A dead letter's message as it arrived, to take it again. */
  public record Letter(long id, String source, String topic, byte[] payload) {}

  /** The dead letter's message, if there is one with that id. */
  public java.util.Optional<Letter> deadLetter(long id) {
    List<Letter> letters = new ArrayList<>();
    query(
        "select id, source, topic, payload from batchtrace.dead_letter where id = ?",
        rs ->
            letters.add(
                new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4))),
        id);
    return letters.stream().findFirst();
  }

  /**
   * Makes whoever re-processes this dead letter wait until this transaction ends: two admins who
   * click at once take it one after the other, and the second finds it done.
   */
  public void lockDeadLetter(long id) {
    query(
        "select 1 from pg_advisory_xact_lock(hashtext('batchtrace.dead_letter_reprocessing'),"
            + " hashtext(?::text))",
        rs -> {},
        Long.toString(id));
  }

  /**
   * The newest dead letters, each with its latest re-processing attempt (the successful one, when
   * there is one).
   */
  public List<DeadLetter> deadLetters(int limit) {
    List<DeadLetter> letters = new ArrayList<>();
    query(
        "select d.id, d.received_at, d.source, d.topic, d.payload, d.reason,"
            + " r.attempted_at, r.attempted_by_name, r.outcome, r.detail"
            + " from batchtrace.dead_letter d left join lateral (select * from"
            + " batchtrace.dead_letter_reprocessing r where r.dead_letter_id = d.id"
            + " order by r.outcome = 'REPROCESSED' desc, r.attempted_at desc, r.id desc limit 1) r"
            + " on true order by d.received_at desc, d.id desc limit ?",
        rs -> {
          Timestamp attempted = rs.getTimestamp(7);
          letters.add(
              DeadLetter.of(
                  rs.getLong(1),
                  rs.getTimestamp(2).toInstant(),
                  rs.getString(3),
                  rs.getString(4),
                  printable(rs.getBytes(5)),
                  rs.getString(6),
                  attempted == null ? null : attempted.toInstant(),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10)));
        },
        limit);
    return letters;
  }

  /** The most recently seen unmapped topics. */
  public List<UnmappedTopic> unmappedTopics(int limit) {
    List<UnmappedTopic> topics = new ArrayList<>();
    query(
        "select topic, first_seen, last_seen, seen, last_payload from batchtrace.unmapped_topic"
            + " order by last_seen desc limit ?",
        rs ->
            topics.add(
                new UnmappedTopic(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant(),
                    rs.getLong(4),
                    printable(rs.getBytes(5)))),
        limit);
    return topics;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowReader reader, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading collection data failed", e);
    }
  }

  /** A payload as text when it is UTF-8 text, else as hex (Sparkplug is binary); at most 500. */
  private static String printable(byte[] payload) {
    java.nio.charset.CharsetDecoder utf8 =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT);
    String text;
    try {
      text =
          utf8.decode(java.nio.ByteBuffer.wrap(payload, 0, Math.min(payload.length, 2000)))
              .toString();
    } catch (java.nio.charset.CharacterCodingException binary) {
      text = "hex " + java.util.HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 250));
    }
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  /** One statement in its own connection; the collector's writes all go through here. */
  public int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Writing collection data failed", e);
    }
  }

  /** At most {@code max} characters, without NUL characters (PostgreSQL text cannot hold them). */
  private static String cut(String text, int max) {
    String storable = text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    return storable.length() > max ? storable.substring(0, max) : storable;
  }
}
