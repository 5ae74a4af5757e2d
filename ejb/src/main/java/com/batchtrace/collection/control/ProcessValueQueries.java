package com.batchtrace.collection.control;

import com.batchtrace.collection.boundary.LateValues;
import com.batchtrace.collection.boundary.Point;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reading a batch's process values back for charts, as native SQL in one place. Why not JPQL:
 * process values are no entities (they arrive by the thousand and are written in bulk by {@link
 * ProcessData}), and downsampling a long series to time buckets with the lowest and highest sample
 * of each takes window functions, which JPQL does not have. The partial index on (batch, tag, ts)
 * serves the query.
 */
@ApplicationScoped
public class ProcessValueQueries {

  /** A step of the batch and the tag name its parameter records from. */
  public record StepTag(int step, String tag) {}

  /** A value at its own time. */

  /**
   * The values one tag published during one step of the batch: all of them when there are at most
   * the maximum, else the lowest and highest sample of each of maximum / 2 equal time buckets.
   */
  public record TagSeries(
      int step, long tagId, String tag, String topic, long samples, List<Point> points) {}

  /**
   * Min/max per time bucket, not the average: an excursion of one sample must stay visible on a
   * chart of thousands. The buckets split the series' own first-to-last span; a bucket's lowest and
   * highest samples keep their real times.
   */
  private static final String SERIES =
      "select step_position, tag_id, tag, topic, samples, ts, value from ("
          + " select b.*,"
          + " row_number() over (partition by step_position, tag_id, bucket order by value, ts)"
          + " as lowest,"
          + " row_number() over (partition by step_position, tag_id, bucket order by value desc, ts)"
          + " as highest"
          + " from (select v.step_position, v.tag_id, t.tag, t.topic, v.ts, v.value,"
          + " count(*) over s as samples,"
          + " floor(cast(? as int) * extract(epoch from v.ts - min(v.ts) over s)"
          + " / (extract(epoch from max(v.ts) over s - min(v.ts) over s) + 0.000001)) as bucket"
          + " from batchtrace.process_value v"
          + " join batchtrace.uns_tag t on t.id = v.tag_id"
          + " join (select distinct * from unnest(?::int[], ?::varchar[])) p(step, tag)"
          + " on p.step = v.step_position and p.tag = t.tag"
          + " where v.batch_id = ?"
          + " window s as (partition by v.step_position, v.tag_id)) b) r"
          + " where samples <= ? or lowest = 1 or highest = 1"
          + " order by step_position, tag_id, ts";

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  /**
   * The series of the batch for the wanted step tags, one per step and tag that published (a tag
   * name may exist on several pieces of equipment), each with at most {@code maxPoints} points.
   */
  public List<TagSeries> series(long batchId, Collection<StepTag> wanted, int maxPoints) {
    List<TagSeries> series = new ArrayList<>();
    if (wanted.isEmpty()) {
      return series;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(SERIES)) {
      s.setInt(1, maxPoints / 2);
      s.setArray(2, c.createArrayOf("int4", wanted.stream().map(StepTag::step).toArray()));
      s.setArray(3, c.createArrayOf("varchar", wanted.stream().map(StepTag::tag).toArray()));
      s.setLong(4, batchId);
      s.setLong(5, maxPoints);
      try (ResultSet rs = s.executeQuery()) {
        TagSeries current = null;
        while (rs.next()) {
          int step = rs.getInt(1);
          long tagId = rs.getLong(2);
          if (current == null || current.step() != step || current.tagId() != tagId) {
            current =
                new TagSeries(
                    step,
                    tagId,
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    new ArrayList<>());
            series.add(current);
          }
          current.points().add(new Point(rs.getTimestamp(6).toInstant(), rs.getDouble(7)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the batch's process values failed", e);
    }
    return series;
  }

  /** Exact statistics of every value of one step's tag (all samples, never a chart's points). */
  public record TagStatistics(
      int step,
      String topic,
      long samples,
      double minimum,
      double maximum,
      double mean,
      double secondsOutside) {}

  /** One series whose statistics are wanted, with its limits (null: no limit on that side). */
  public record SeriesLimits(int step, String topic, BigDecimal low, BigDecimal high) {}

  /**
   * Count, minimum, maximum and mean of every value of each wanted series, and the time its values
   * were outside the limits (each value holds until the next one; the last holds no time), in one
   * query over the partial index on (batch, tag, time).
   */
  public List<TagStatistics> statistics(long batchId, Collection<SeriesLimits> wanted) {
    List<TagStatistics> statistics = new ArrayList<>();
    if (wanted.isEmpty()) {
      return statistics;
    }
    String sql =
        "select p.step, p.topic, count(*), min(v.value), max(v.value), avg(v.value),"
            + " coalesce(sum(extract(epoch from v.next_ts - v.ts)) filter (where"
            + " (p.low is not null and v.value < p.low) or (p.high is not null and v.value > p.high)),"
            + " 0)"
            + " from (select step_position, tag_id, ts, value,"
            + " lead(ts) over (partition by step_position, tag_id order by ts) as next_ts"
            + " from batchtrace.process_value where batch_id = ?) v"
            + " join batchtrace.uns_tag t on t.id = v.tag_id"
            + " join unnest(?::int[], ?::varchar[], ?::numeric[], ?::numeric[]) p(step, topic, low, high)"
            + " on p.step = v.step_position and p.topic = t.topic"
            + " group by p.step, p.topic";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, batchId);
      s.setArray(2, c.createArrayOf("int4", wanted.stream().map(SeriesLimits::step).toArray()));
      s.setArray(3, c.createArrayOf("varchar", wanted.stream().map(SeriesLimits::topic).toArray()));
      s.setArray(4, c.createArrayOf("numeric", wanted.stream().map(SeriesLimits::low).toArray()));
      s.setArray(5, c.createArrayOf("numeric", wanted.stream().map(SeriesLimits::high).toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          statistics.add(
              new TagStatistics(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getDouble(4),
                  rs.getDouble(5),
                  rs.getDouble(6),
                  rs.getDouble(7)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the statistics of the batch's values failed", e);
    }
    return statistics;
  }

  /**
   * The newest value of each named tag during one step of the batch, for the terminal's live view:
   * one index probe per tag on (batch, tag, time) instead of scanning the step's series.
   */
  public Map<String, Point> latest(long batchId, int step, Collection<String> tags) {
    Map<String, Point> latest = new HashMap<>();
    if (tags.isEmpty()) {
      return latest;
    }
    String sql =
        "select t.tag, v.ts, v.value from batchtrace.uns_tag t"
            + " cross join lateral (select ts, value from batchtrace.process_value v"
            + " where v.batch_id = ? and v.tag_id = t.id and v.step_position = ?"
            + " order by v.ts desc limit 1) v"
            + " where t.tag = any(?) order by v.ts";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, batchId);
      s.setInt(2, step);
      s.setArray(3, c.createArrayOf("varchar", tags.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          latest.put(rs.getString(1), new Point(rs.getTimestamp(2).toInstant(), rs.getDouble(3)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the latest values of batch " + batchId + " failed", e);
    }
    return latest;
  }

  /**
   * The batch's values received after {@code after}: how many, their source times and when the
   * newest arrived; null when there are none.
   */
  public LateValues receivedAfter(long batchId, Instant after) {
    String sql =
        "select count(*), min(ts), max(ts), max(received_at) from batchtrace.process_value"
            + " where batch_id = ? and received_at > ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, batchId);
      s.setTimestamp(2, java.sql.Timestamp.from(after));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        long count = rs.getLong(1);
        return count == 0
            ? null
            : new LateValues(
                count,
                rs.getTimestamp(2).toInstant(),
                rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Reading the values batch " + batchId + " received late failed", e);
    }
  }

  /**
   * Each mapped tag's last stored value: one index lookup per tag (primary key tag_id, ts) on the
   * partitioned table, which a "max per group" over the whole table would scan instead.
   */
  public java.util.Map<Long, com.batchtrace.collection.boundary.TagLastValue> lastValues() {
    String sql =
        "select t.id, v.value, v.ts from batchtrace.uns_tag t left join lateral"
            + " (select p.value, p.ts from batchtrace.process_value p where p.tag_id = t.id"
            + " order by p.ts desc limit 1) v on true";
    java.util.Map<Long, com.batchtrace.collection.boundary.TagLastValue> last =
        new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        double value = rs.getDouble(2);
        boolean none = rs.wasNull();
        java.time.OffsetDateTime ts = rs.getObject(3, java.time.OffsetDateTime.class);
        last.put(
            rs.getLong(1),
            new com.batchtrace.collection.boundary.TagLastValue(
                rs.getLong(1), none ? null : value, ts == null ? null : ts.toInstant()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the tags' last values failed", e);
    }
    return last;
  }
}
