package com.batchtrace.collection.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Values that differ from the one already stored for their tag and source time: evidence, kept with
 * where they came from (process_value_conflict), never silently dropped like a redelivery of the
 * same value.
 */
@ApplicationScoped
public class ConflictingValues {

  /** A value's key: the tag and the source time. */
  private record Key(long tagId, Instant ts) {}

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  @Inject ProcessData data;

  /** A value that differs from the one already stored for its tag and source time. */
  public record Conflict(ProcessData.Row row, double storedValue) {}

  /**
   * Of values that were not stored because their tag and time had one already, those whose value
   * differs from the stored one (a redelivery of the same value is no conflict).
   */
  public List<Conflict> of(List<ProcessData.Row> notStored) {
    if (notStored.isEmpty()) {
      return List.of();
    }
    Object[] tag = new Object[notStored.size()];
    Object[] ts = new Object[notStored.size()];
    for (int i = 0; i < notStored.size(); i++) {
      tag[i] = notStored.get(i).tagId();
      ts[i] = Timestamp.from(notStored.get(i).ts());
    }
    Map<Key, Double> existing = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select v.tag_id, v.ts, v.value from batchtrace.process_value v"
                    + " join unnest(?::bigint[], ?::timestamptz[]) as k(tag_id, ts)"
                    + " on v.tag_id = k.tag_id and v.ts = k.ts")) {
      s.setArray(1, c.createArrayOf("bigint", tag));
      s.setArray(2, c.createArrayOf("timestamptz", ts));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          existing.put(new Key(rs.getLong(1), rs.getTimestamp(2).toInstant()), rs.getDouble(3));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading stored process values failed", e);
    }
    List<Conflict> conflicts = new ArrayList<>();
    for (ProcessData.Row r : notStored) {
      Double stored = existing.get(new Key(r.tagId(), r.ts()));
      if (stored != null && Double.compare(stored, r.value()) != 0) {
        conflicts.add(new Conflict(r, stored));
      }
    }
    return conflicts;
  }

  /**
   * Keeps the conflicting values as evidence, with where they came from; returns those kept now (a
   * redelivered conflicting value is kept once).
   */
  public List<Conflict> keep(List<Conflict> conflicts, String source) {
    List<Conflict> kept = new ArrayList<>();
    for (Conflict c : conflicts) {
      int inserted =
          data.update(
              "insert into batchtrace.process_value_conflict (id, tag_id, ts, stored_value, value,"
                  + " quality, source, batch_id, received_at)"
                  + " select nextval('batchtrace.process_value_conflict_seq'), ?, ?, ?, ?, ?, ?, ?, now()"
                  + " where not exists (select 1 from batchtrace.process_value_conflict"
                  + " where tag_id = ? and ts = ? and value = ?)",
              c.row().tagId(),
              Timestamp.from(c.row().ts()),
              c.storedValue(),
              c.row().value(),
              c.row().quality(),
              source,
              c.row().batchId(),
              c.row().tagId(),
              Timestamp.from(c.row().ts()),
              c.row().value());
      if (inserted > 0) {
        kept.add(c);
      }
    }
    return kept;
  }
}
