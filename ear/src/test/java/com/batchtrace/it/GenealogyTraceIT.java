package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward trace over a small plant: a granulation, a packaging split, a merge, and a
 * cycle in the data that the trace must survive.
 *
 * <pre>
 *   R1, R2 --B1--> I1 --B2--> F1, F2      F2, R2 --B3--> F3      F3 --B1 (cycle)
 * </pre>
 *
 * Batches and consumptions are written here with SQL: the batch execution that records them in the
 * application comes with the master batch records (issue 4, still open).
 */
@Tag("URS-023")
class GenealogyTraceIT extends DeployedApplication {

  private JsonObject r1;
  private JsonObject r2;
  private JsonObject i1;
  private JsonObject f1;
  private JsonObject f2;
  private JsonObject f3;

  @BeforeEach
  void aSmallPlantGenealogy() throws SQLException {
    r1 = Lots.inQuarantine();
    r2 = Lots.inQuarantine();
    i1 = Lots.inQuarantine();
    f1 = Lots.inQuarantine();
    f2 = Lots.inQuarantine();
    f3 = Lots.inQuarantine();
    try (Connection db = TestStack.databaseAsSuperuser()) {
      long b1 = batch(db, "granulation");
      long b2 = batch(db, "packaging split");
      long b3 = batch(db, "merge");
      consume(db, b1, r1);
      consume(db, b1, r2);
      produce(db, b1, i1);
      consume(db, b2, i1);
      produce(db, b2, f1);
      produce(db, b2, f2);
      consume(db, b3, f2);
      consume(db, b3, r2);
      produce(db, b3, f3);
      consume(db, b1, f3); // bad data: a cycle
    }
  }

  @Test
  void forwardTraceFindsEveryDownstreamLotOnceAndEndsDespiteTheCycle() {
    assertEquals(numbers(i1, f1, f2, f3), trace(r1, "forward"));
    assertEquals(numbers(f3, i1, f1), trace(f2, "forward"), "through the merge and the cycle");
  }

  @Test
  void backwardTraceFindsEverythingThatWentIn() {
    assertEquals(numbers(f2, r2, i1, r1), trace(f3, "backward"));
    assertEquals(numbers(i1, r1, r2, f2, f3), trace(f1, "backward"));
  }

  @Test
  void aTraceOfAnUnknownLotOrDirectionIsRefused() {
    HttpResponse<String> direction =
        RestClient.as(DemoUser.REVIEWER)
            .get("/lots/" + r1.getInt("id") + "/trace?direction=sideways");
    assertEquals(422, direction.statusCode());
    assertTrue(direction.body().contains("forward or backward"), direction.body());
    assertEquals(422, RestClient.as(DemoUser.REVIEWER).get("/lots/-1/trace").statusCode());
  }

  private static Set<String> trace(JsonObject lot, String direction) {
    HttpResponse<String> response =
        RestClient.as(DemoUser.REVIEWER)
            .get("/lots/" + lot.getInt("id") + "/trace?direction=" + direction);
    assertEquals(200, response.statusCode(), response.body());
    var lots = TestStack.jsonObject(response).getJsonArray("lots");
    Set<String> numbers =
        lots.getValuesAs(JsonObject.class).stream()
            .map(l -> l.getString("lotNumber"))
            .collect(Collectors.toSet());
    assertEquals(lots.size(), numbers.size(), "each lot once: " + lots);
    return numbers;
  }

  private static Set<String> numbers(JsonObject... lots) {
    return java.util.Arrays.stream(lots)
        .map(l -> l.getString("lotNumber"))
        .collect(Collectors.toSet());
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
