package com.batchtrace.genealogy.control;

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
import java.util.List;
import javax.sql.DataSource;

/**
 * The genealogy traces, as native recursive SQL in one place. Why not JPQL: a trace of any depth is
 * one recursive query in PostgreSQL, while an entity traversal costs a round trip per node (the
 * benchmark in bench/ measures both). The recursion uses UNION, not UNION ALL: a lot already
 * reached is never expanded again, which both keeps diamonds (a lot reached along many paths) cheap
 * and ends a cycle in the data instead of looping.
 *
 * <p>Edges: a lot is consumed by batches (lot_consumption), a batch produces lots
 * (material_lot.produced_by_batch_id).
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

  private List<TracedLot> trace(String reached, long lotId, LocalDate today) {
    List<TracedLot> lots = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(String.format(DETAILS, reached))) {
      s.setLong(1, lotId);
      s.setLong(2, lotId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          LotDisposition disposition = LotDisposition.valueOf(rs.getString(5));
          LocalDate expiry = rs.getObject(6, LocalDate.class);
          BigDecimal remaining = Quantities.plain(rs.getBigDecimal(7));
          lots.add(
              new TracedLot(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  disposition.name(),
                  MaterialLot.status(disposition, expiry, remaining, today),
                  expiry,
                  remaining,
                  rs.getString(8)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Tracing the genealogy failed", e);
    }
    return lots;
  }
}
