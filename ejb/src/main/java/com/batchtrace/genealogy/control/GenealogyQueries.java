package com.batchtrace.genealogy.control;

import com.batchtrace.genealogy.boundary.TraceStep;
import com.batchtrace.genealogy.boundary.TracedLot;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.platform.Quantities;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The genealogy traces, as native (recursive) SQL in one place. Why not JPQL: a trace of any depth
 * is one recursive query in PostgreSQL, while an entity traversal costs a round trip per node (the
 * benchmark in bench/ measures both). The recursion uses UNION, not UNION ALL: a lot already
 * reached is never expanded again, which both keeps diamonds (a lot reached along many paths) cheap
 * and ends a cycle in the data instead of looping.
 *
 * <p>Edges: a lot is consumed by batches (lot_consumption), a batch produces lots
 * (material_lot.produced_by_batch_id).
 *
 * <p>The trace page's tree expands one step at a time: the batches next to a lot and the lots on
 * their other side. That is one query too, not a query per batch, with both levels capped by window
 * functions (a raw lot may go into thousands of batches), which JPQL cannot express.
 */
@ApplicationScoped
public class GenealogyQueries {

  /** Every lot downstream of the start lot: where it went (a recall). */
  public static final String FORWARD =
      "with recursive reached(lot_id) as ("
          + " select cast(? as bigint)"
          + " union"
          + " select made.id from reached r"
          + " join batchtrace.lot_consumption c on c.lot_id = r.lot_id"
          + " join batchtrace.material_lot made on made.produced_by_batch_id = c.batch_id)"
          + " select lot_id from reached";

  /** Every lot upstream of the start lot: what went into it. */
  public static final String BACKWARD =
      "with recursive reached(lot_id) as ("
          + " select cast(? as bigint)"
          + " union"
          + " select c.lot_id from reached r"
          + " join batchtrace.material_lot l on l.id = r.lot_id"
          + " join batchtrace.lot_consumption c on c.batch_id = l.produced_by_batch_id)"
          + " select lot_id from reached";

  /**
   * The reached lots' details. The ids come in as an array: PostgreSQL cannot estimate how many
   * lots a recursion reaches and, joining it directly, may scan every lot; an id array is looked up
   * by primary key (1 s became 60 ms on the benchmark's million lots).
   */
  private static final String DETAILS =
      "select l.id, l.lot_number, m.code, m.kind, l.disposition, l.expiry, l.remaining_quantity,"
          + " b.batch_number"
          + " from batchtrace.material_lot l"
          + " join batchtrace.material m on m.id = l.material_id"
          + " left join batchtrace.batch b on b.id = l.produced_by_batch_id"
          + " where l.id = any(array(%s)) and l.id <> ?"
          + " order by m.kind, l.lot_number";

  /**
   * Whether the lot was made by the batch or from anything the batch made: consuming it in that
   * batch would close a cycle in the genealogy.
   */
  private static final String DOWNSTREAM_OF_BATCH =
      "with recursive reached(lot_id) as ("
          + " select id from batchtrace.material_lot where produced_by_batch_id = ?"
          + " union"
          + " select made.id from reached r"
          + " join batchtrace.lot_consumption c on c.lot_id = r.lot_id"
          + " join batchtrace.material_lot made on made.produced_by_batch_id = c.batch_id)"
          + " select exists (select 1 from reached where lot_id = ?)";

  /** One step forward: the batches that consumed the lot, with how much of it each consumed. */
  private static final String FORWARD_BATCHES =
      "select c.batch_id, sum(c.quantity) as quantity, m.unit"
          + " from batchtrace.lot_consumption c"
          + " join batchtrace.material_lot l on l.id = c.lot_id"
          + " join batchtrace.material m on m.id = l.material_id"
          + " where c.lot_id = ? group by c.batch_id, m.unit";

  /** ... and the lots those batches produced. */
  private static final String FORWARD_LOTS =
      "select l.produced_by_batch_id as batch_id, l.id as lot_id, cast(null as numeric) as quantity"
          + " from batchtrace.material_lot l join step s on s.batch_id = l.produced_by_batch_id";

  /** Whether a lot of a forward step was itself consumed: the tree offers to expand it. */
  private static final String FORWARD_CONTINUES =
      "exists (select 1 from batchtrace.lot_consumption n where n.lot_id = l.id)";

  /** One step backward: the batch that produced the lot (none for a received lot). */
  private static final String BACKWARD_BATCHES =
      "select l.produced_by_batch_id as batch_id, cast(null as numeric) as quantity,"
          + " cast(null as varchar) as unit"
          + " from batchtrace.material_lot l where l.id = ? and l.produced_by_batch_id is not null";

  /** ... and the lots that batch consumed, with how much of each. */
  private static final String BACKWARD_LOTS =
      "select c.batch_id, c.lot_id, sum(c.quantity) as quantity"
          + " from batchtrace.lot_consumption c join step s on s.batch_id = c.batch_id"
          + " group by c.batch_id, c.lot_id";

  private static final String BACKWARD_CONTINUES = "l.produced_by_batch_id is not null";

  /**
   * One step from a lot, given the batches next to it, the lots on their other side and whether
   * such a lot leads further. The first {@code ?} is the lot, the others are the cap on batches and
   * on lots per batch; the totals before the cap come along ({@code count(*) over}). The lot
   * columns are those of {@link #DETAILS}, from column 9.
   */
  private static final String STEP =
      "with batches as (%s),"
          + " step as (select e.batch_id, b.batch_number, b.status, e.quantity, e.unit,"
          + " count(*) over () as batch_count"
          + " from batches e join batchtrace.batch b on b.id = e.batch_id"
          + " order by b.batch_number limit ?),"
          + " lots as (%s),"
          + " ranked as (select f.batch_id, f.lot_id, f.quantity,"
          + " row_number() over (partition by f.batch_id order by l.lot_number) as n,"
          + " count(*) over (partition by f.batch_id) as lot_count"
          + " from lots f join batchtrace.material_lot l on l.id = f.lot_id)"
          + " select s.batch_id, s.batch_number, s.status, s.quantity, s.unit, s.batch_count,"
          + " coalesce(r.lot_count, 0), r.quantity,"
          + " l.id, l.lot_number, m.code, m.kind, l.disposition, l.expiry, l.remaining_quantity,"
          + " made.batch_number, m.unit, %s"
          + " from step s"
          + " left join ranked r on r.batch_id = s.batch_id and r.n <= ?"
          + " left join batchtrace.material_lot l on l.id = r.lot_id"
          + " left join batchtrace.material m on m.id = l.material_id"
          + " left join batchtrace.batch made on made.id = l.produced_by_batch_id"
          + " order by s.batch_number, r.n";

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  /** For CDI. */
  public GenealogyQueries() {}

  /** For tools outside the server (the genealogy benchmark). */
  public GenealogyQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Every lot downstream, with each lot's status on {@code today} (the site's date). */
  public List<TracedLot> forward(long lotId, LocalDate today) {
    return trace(FORWARD, lotId, today);
  }

  /** Every lot upstream, with each lot's status on {@code today} (the site's date). */
  public List<TracedLot> backward(long lotId, LocalDate today) {
    return trace(BACKWARD, lotId, today);
  }

  /** True when consuming the lot in the batch would make the genealogy a cycle. */
  public boolean wouldCycle(long batchId, long lotId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(DOWNSTREAM_OF_BATCH)) {
      s.setLong(1, batchId);
      s.setLong(2, lotId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Checking the genealogy for a cycle failed", e);
    }
  }

  /**
   * One step from the lot: forward, the batches that consumed it and the lots they produced;
   * backward, the batch that produced it and the lots it consumed. At most {@code limit} batches,
   * and at most {@code limit} lots under each.
   */
  public TraceStep step(long lotId, boolean forward, int limit, LocalDate today) {
    String sql =
        forward
            ? String.format(STEP, FORWARD_BATCHES, FORWARD_LOTS, FORWARD_CONTINUES)
            : String.format(STEP, BACKWARD_BATCHES, BACKWARD_LOTS, BACKWARD_CONTINUES);
    Map<BatchColumns, List<TraceStep.Lot>> lotsByBatch = new LinkedHashMap<>();
    long batchCount = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, lotId);
      s.setInt(2, limit);
      s.setInt(3, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          batchCount = rs.getLong(6);
          List<TraceStep.Lot> lots =
              lotsByBatch.computeIfAbsent(BatchColumns.of(rs), b -> new ArrayList<>());
          if (rs.getObject(9) != null) {
            BigDecimal consumed = Quantities.plain(rs.getBigDecimal(8));
            lots.add(
                new TraceStep.Lot(
                    lot(rs, 9, today),
                    consumed,
                    consumed == null ? null : rs.getString(17),
                    rs.getBoolean(18)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Tracing one step of the genealogy failed", e);
    }
    List<TraceStep.Batch> batches =
        lotsByBatch.entrySet().stream().map(e -> e.getKey().with(e.getValue())).toList();
    return new TraceStep(lotId, forward ? "FORWARD" : "BACKWARD", batches, batchCount);
  }

  private List<TracedLot> trace(String reached, long lotId, LocalDate today) {
    List<TracedLot> lots = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(String.format(DETAILS, reached))) {
      s.setLong(1, lotId);
      s.setLong(2, lotId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          lots.add(lot(rs, 1, today));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Tracing the genealogy failed", e);
    }
    return lots;
  }

  /** A lot from the columns of {@link #DETAILS}, starting at column {@code first}. */
  private static TracedLot lot(ResultSet rs, int first, LocalDate today) throws SQLException {
    LotDisposition disposition = LotDisposition.valueOf(rs.getString(first + 4));
    LocalDate expiry = rs.getObject(first + 5, LocalDate.class);
    BigDecimal remaining = Quantities.plain(rs.getBigDecimal(first + 6));
    return new TracedLot(
        rs.getLong(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getString(first + 3),
        disposition.name(),
        MaterialLot.status(disposition, expiry, remaining, today),
        expiry,
        remaining,
        rs.getString(first + 7));
  }

  /** The batch columns of a {@link #STEP} row: equal on every row of the same batch. */
  private record BatchColumns(
      long id, String number, String status, BigDecimal consumed, String unit, long lotCount) {

    static BatchColumns of(ResultSet rs) throws SQLException {
      return new BatchColumns(
          rs.getLong(1),
          rs.getString(2),
          rs.getString(3),
          Quantities.plain(rs.getBigDecimal(4)),
          rs.getString(5),
          rs.getLong(7));
    }

    TraceStep.Batch with(List<TraceStep.Lot> lots) {
      return new TraceStep.Batch(id, number, status, consumed, unit, lots, lotCount);
    }
  }
}
