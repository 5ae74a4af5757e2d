package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
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

  private SmallPlant plant;
  private JsonObject r1;
  private JsonObject r2;
  private JsonObject i1;
  private JsonObject f1;
  private JsonObject f2;
  private JsonObject f3;

  @BeforeEach
  void aSmallPlantGenealogy() throws SQLException {
    plant = SmallPlant.create();
    r1 = plant.r1;
    r2 = plant.r2;
    i1 = plant.i1;
    f1 = plant.f1;
    f2 = plant.f2;
    f3 = plant.f3;
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
}
