package com.batchtrace.it;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A small plant genealogy: a granulation, a packaging split, a merge, and a cycle in the data that
 * a trace must survive. R1, R2 are raw lots, I1 an intermediate, F1 to F3 finished lots.
 *
 * <pre>
 *   R1, R2 --B1--> I1 --B2--> F1, F2      F2, R2 --B3--> F3      F3 --B1 (cycle)
 * </pre>
 *
 * Lots are received through the API; batches and consumptions are written with SQL, because the
 * batch execution that records them in the application comes with the master batch records (issue
 * 4, still open).
 */
final class SmallPlant {

  JsonObject r1;
  JsonObject r2;
  JsonObject i1;
  JsonObject f1;
  JsonObject f2;
  JsonObject f3;

  private SmallPlant() {}

  static SmallPlant create() throws SQLException {
    SmallPlant p = new SmallPlant();
    String raw = Lots.material("RAW");
    String intermediate = Lots.material("INTERMEDIATE");
    String finished = Lots.material("FINISHED");
    p.r1 = Lots.inQuarantine(raw);
    p.r2 = Lots.inQuarantine(raw);
    p.i1 = Lots.inQuarantine(intermediate);
    p.f1 = Lots.inQuarantine(finished);
    p.f2 = Lots.inQuarantine(finished);
    p.f3 = Lots.inQuarantine(finished);
    try (Connection db = TestStack.databaseAsSuperuser()) {
      long b1 = batch(db, "granulation");
      long b2 = batch(db, "packaging split");
      long b3 = batch(db, "merge");
      consume(db, b1, p.r1);
      consume(db, b1, p.r2);
      produce(db, b1, p.i1);
      consume(db, b2, p.i1);
      produce(db, b2, p.f1);
      produce(db, b2, p.f2);
      consume(db, b3, p.f2);
      consume(db, b3, p.r2);
      produce(db, b3, p.f3);
      consume(db, b1, p.f3); // bad data: a cycle
    }
    return p;
  }

  static String number(JsonObject lot) {
    return lot.getString("lotNumber");
  }

  private static long batch(Connection db, String what) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into batchtrace.batch (id, batch_number, product_id, status, planned_quantity,"
                + " created_at, version) select nextval('batchtrace.batch_seq'), ?, min(id),"
                + " 'COMPLETED', 100, now(), 0 from batchtrace.material returning id")) {
      s.setString(1, Lots.unique("B") + " " + what);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void consume(Connection db, long batch, JsonObject lot) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into batchtrace.lot_consumption (id, batch_id, lot_id, quantity, consumed_at,"
                + " version) values (nextval('batchtrace.lot_consumption_seq'), ?, ?, 1, now(), 0)")) {
      s.setLong(1, batch);
      s.setLong(2, lot.getJsonNumber("id").longValue());
      s.executeUpdate();
    }
  }

  private static void produce(Connection db, long batch, JsonObject lot) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "update batchtrace.material_lot set produced_by_batch_id = ? where id = ?")) {
      s.setLong(1, batch);
      s.setLong(2, lot.getJsonNumber("id").longValue());
      s.executeUpdate();
    }
  }
}
