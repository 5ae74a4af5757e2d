package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward trace over a small plant: a granulation, a packaging split, a merge, and a
 * cycle in the data that the trace must survive; and the one step at a time a tree expands by.
 *
 * <pre>
 *   R1, R2 --B1--> I1 --B2--> F1, F2      F2, R2 --B3--> F3      F3 --B1 (cycle)
 * </pre>
 *
 * Batches and consumptions are written here with SQL, so the trace is tested on a known graph
 * independent of how batches are run (BatchIT and the browser tests run them through the API).
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

  @Test
  void oneStepForwardShowsTheBatchesThatConsumedTheLotWithHowMuchAndTheLotsTheyMade() {
    JsonObject step = step(r2, "forward", 200);
    assertEquals(2, step.getInt("batchCount"));
    Map<String, JsonObject> batches = byNumber(step.getJsonArray("batches"));
    assertEquals(Set.of(plant.b1, plant.b3), batches.keySet());

    JsonObject granulation = batches.get(plant.b1);
    assertQuantity("4.5", granulation, "the two charges of R2 into B1 add up");
    assertEquals("kg", granulation.getString("unit"));
    assertEquals(1, granulation.getInt("lotCount"));
    assertEquals(numbers(i1), lotNumbers(granulation));
    assertTrue(lotIn(granulation, i1).getBoolean("continues"), "I1 went on into B2");
    assertQuantity("4", batches.get(plant.b3), "R2 into B3");
    assertEquals(numbers(f3), lotNumbers(batches.get(plant.b3)));

    JsonObject split = step(i1, "forward", 200).getJsonArray("batches").getJsonObject(0);
    assertEquals(plant.b2, split.getString("batchNumber"));
    assertEquals(numbers(f1, f2), lotNumbers(split));
    assertFalse(lotIn(split, f1).getBoolean("continues"), "F1 went nowhere: nothing to expand");
    assertTrue(lotIn(split, f2).getBoolean("continues"), "F2 went into B3");
  }

  @Test
  void oneStepBackwardShowsTheBatchThatMadeTheLotAndHowMuchOfEachLotWentIn() {
    JsonObject step = step(f3, "backward", 200);
    assertEquals(1, step.getInt("batchCount"));
    JsonObject merge = step.getJsonArray("batches").getJsonObject(0);
    assertEquals(plant.b3, merge.getString("batchNumber"));
    assertTrue(!merge.containsKey("consumed") || merge.isNull("consumed"), merge.toString());
    assertEquals(numbers(f2, r2), lotNumbers(merge));
    assertQuantity("2", lotIn(merge, f2), "F2 into B3");
    assertQuantity("4", lotIn(merge, r2), "R2 into B3");
    assertTrue(lotIn(merge, f2).getBoolean("continues"), "F2 was made by B2");
    assertFalse(lotIn(merge, r2).getBoolean("continues"), "R2 was received, not made");

    JsonObject received = step(r1, "backward", 200);
    assertEquals(0, received.getInt("batchCount"));
    assertTrue(received.getJsonArray("batches").isEmpty(), received.toString());
  }

  @Test
  void aStepIsCutAtTheLimitAndSaysHowManyThereAreInAll() {
    JsonObject batches = step(r2, "forward", 1);
    assertEquals(1, batches.getJsonArray("batches").size());
    assertEquals(2, batches.getInt("batchCount"));

    JsonObject split = step(i1, "forward", 1).getJsonArray("batches").getJsonObject(0);
    assertEquals(1, split.getJsonArray("lots").size());
    assertEquals(2, split.getInt("lotCount"));

    RestClient reviewer = RestClient.as(DemoUser.REVIEWER);
    assertEquals(
        422, reviewer.get("/lots/" + r2.getInt("id") + "/trace/step?limit=0").statusCode());
    assertEquals(
        422, reviewer.get("/lots/" + r2.getInt("id") + "/trace/step?limit=201").statusCode());
    assertEquals(422, reviewer.get("/lots/-1/trace/step").statusCode());
  }

  private static JsonObject step(JsonObject lot, String direction, int limit) {
    HttpResponse<String> response =
        RestClient.as(DemoUser.REVIEWER)
            .get(
                "/lots/"
                    + lot.getInt("id")
                    + "/trace/step?direction="
                    + direction
                    + "&limit="
                    + limit);
    assertEquals(200, response.statusCode(), response.body());
    return TestStack.jsonObject(response);
  }

  private static Set<String> lotNumbers(JsonObject batch) {
    return batch.getJsonArray("lots").getValuesAs(JsonObject.class).stream()
        .map(l -> l.getJsonObject("lot").getString("lotNumber"))
        .collect(Collectors.toSet());
  }

  /** The lot's entry under the batch of a step. */
  private static JsonObject lotIn(JsonObject batch, JsonObject lot) {
    return batch.getJsonArray("lots").getValuesAs(JsonObject.class).stream()
        .filter(l -> l.getJsonObject("lot").getString("lotNumber").equals(SmallPlant.number(lot)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(SmallPlant.number(lot) + " not in " + batch));
  }

  private static Map<String, JsonObject> byNumber(JsonArray batches) {
    return batches.getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(b -> b.getString("batchNumber"), b -> b));
  }

  private static void assertQuantity(String expected, JsonObject withConsumed, String what) {
    assertEquals(
        0,
        new BigDecimal(expected)
            .compareTo(withConsumed.getJsonNumber("consumed").bigDecimalValue()),
        what + ": " + withConsumed);
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
