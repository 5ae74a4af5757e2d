package com.batchtrace.it;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
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
 * Quantities consumed (kg): R1 12.5 and R2 3 + 1.5 (two charges) into B1, I1 10 into B2, F2 2 and
 * R2 4 into B3, F3 1 into B1.
 *
 * <p>Lots are received through the API; batches and consumptions are written with SQL, because the
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

  /** The batch numbers: B1 granulation, B2 packaging split, B3 merge. */
  String b1;

  String b2;
  String b3;

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
      p.b1 = Lots.unique("B") + " granulation";
      p.b2 = Lots.unique("B") + " packaging split";
      p.b3 = Lots.unique("B") + " merge";
      long b1 = batch(db, p.b1);
      long b2 = batch(db, p.b2);
      long b3 = batch(db, p.b3);
      consume(db, b1, p.r1, "12.5");
      consume(db, b1, p.r2, "3");
      consume(db, b1, p.r2, "1.5"); // a second charge of the same lot
      produce(db, b1, p.i1);
      consume(db, b2, p.i1, "10");
      produce(db, b2, p.f1);
      produce(db, b2, p.f2);
      consume(db, b3, p.f2, "2");
      consume(db, b3, p.r2, "4");
      produce(db, b3, p.f3);
      consume(db, b1, p.f3, "1"); // bad data: a cycle
    }
    return p;
  }

  static String number(JsonObject lot) {
    return lot.getString("lotNumber");
  }

  private static long batch(Connection db, String number) throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into batchtrace.batch (id, batch_number, product_id, status, planned_quantity,"
                + " created_at, version) select nextval('batchtrace.batch_seq'), ?, min(id),"
                + " 'COMPLETED', 100, now(), 0 from batchtrace.material returning id")) {
      s.setString(1, number);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void consume(Connection db, long batch, JsonObject lot, String quantity)
      throws SQLException {
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into batchtrace.lot_consumption (id, batch_id, lot_id, quantity, consumed_at,"
                + " version) values (nextval('batchtrace.lot_consumption_seq'), ?, ?, ?, now(), 0)")) {
      s.setLong(1, batch);
      s.setLong(2, lot.getJsonNumber("id").longValue());
      s.setBigDecimal(3, new BigDecimal(quantity));
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
