package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Batches from approved records, lot charges with every refusal rule, completion and trace. */
@Tag("URS-025")
class BatchIT extends DeployedApplication {

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);
  private final RestClient operator = RestClient.as(DemoUser.OPERATOR1);
  private String product;
  private String api;
  private long approvedRecord;
  private long line;

  @BeforeEach
  void anApprovedRecordAndALine() {
    product = Lots.material("FINISHED");
    api = Lots.material("RAW");
    approvedRecord = record(true);
    line = admin.createLine("Batch plant").getJsonNumber("id").longValue();
  }

  @Test
  void aBatchIsMadeOnlyFromAnApprovedVersion() {
    HttpResponse<String> fromDraft = create(Lots.unique("B"), record(false));
    assertEquals(422, fromDraft.statusCode());
    assertTrue(fromDraft.body().contains("only an approved version can be used"), fromDraft.body());

    HttpResponse<String> planned = create(Lots.unique("B"), approvedRecord);
    assertEquals(201, planned.statusCode(), planned.body());
    JsonObject batch = TestStack.jsonObject(planned);
    assertEquals("PLANNED", batch.getString("status"));
    assertEquals(1, batch.getInt("recordVersion"));
    assertEquals(product, batch.getString("product"));
  }

  @Test
  void chargingRefusesTheWrongLotsAndChangesNothing() throws SQLException {
    long batch = batch();
    JsonObject quarantined = Lots.inQuarantine(api);
    assertRefused(batch, quarantined, "10", "not released");

    JsonObject otherMaterial = Lots.released(Lots.inQuarantine());
    assertRefused(batch, otherMaterial, "10", "needs " + api);

    JsonObject lot = Lots.released(Lots.inQuarantine(api));
    assertRefused(batch, lot, "30", "Only 25.5 kg of lot");
    assertEquals("25.5", remaining(lot));

    JsonObject expired = Lots.released(Lots.inQuarantine(api));
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.material_lot set expiry = current_date - 1 where id = "
              + expired.getInt("id"));
    }
    assertRefused(batch, expired, "1", "expired on");

    HttpResponse<String> charged = charge(batch, lot, "10");
    assertEquals(200, charged.statusCode(), charged.body());
    assertEquals("IN_PROGRESS", TestStack.jsonObject(charged).getString("status"));
    assertEquals("15.5", remaining(lot));
    assertEquals(
        1,
        Signing.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ? and lot_id = ?",
            batch,
            lot.getJsonNumber("id").longValue()));
  }

  @Test
  void completingRecordsOutputLotsInQuarantineAndTheTraceFollowsThem() {
    long batch = started(oneStepRecord());
    JsonObject raw = Lots.released(Lots.inQuarantine(api));
    assertEquals(200, charge(batch, raw, "20").statusCode());
    String output = Lots.unique("FG");
    HttpResponse<String> early = complete(batch, output);
    assertEquals(422, early.statusCode(), "step 1 is not signed yet");
    assertTrue(early.body().contains("Step 1 (Charge) is not finished"), early.body());
    perform(batch, 1);

    HttpResponse<String> completed = complete(batch, output);
    assertEquals(200, completed.statusCode(), completed.body());
    JsonObject made = TestStack.json(completed.body()).asJsonArray().getJsonObject(0);
    assertEquals("QUARANTINE", made.getString("status"));
    assertEquals(product, made.getString("materialCode"));
    assertEquals(
        "IN_REVIEW", TestStack.jsonObject(admin.get("/batches/" + batch)).getString("status"));

    JsonObject forward =
        TestStack.jsonObject(admin.get("/lots/" + raw.getInt("id") + "/trace?direction=forward"));
    assertEquals(
        List.of(output),
        forward.getJsonArray("lots").getValuesAs(JsonObject.class).stream()
            .map(l -> l.getString("lotNumber"))
            .toList());
    assertEquals(422, charge(batch, raw, "1").statusCode(), "a completed batch takes no more");
  }

  @Test
  void aChargeThatWouldCloseACycleIsRefused() throws SQLException {
    // Step 2 takes the product itself (as a rework step would).
    long batch = started(Recipes.approved(product, step("Charge", api), step("Rework", product)));
    assertEquals(200, charge(batch, Lots.released(Lots.inQuarantine(api)), "5").statusCode());
    perform(batch, 1);
    operator.post("/batches/" + batch + "/steps/2/start", "{}");
    perform(batch, 2);
    String output = Lots.unique("FG");
    assertEquals(200, complete(batch, output).statusCode());
    // As a batch that reports partial output while step 2 still runs would be.
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate("update batchtrace.batch set status = 'IN_PROGRESS' where id = " + batch);
      s.executeUpdate(
          "update batchtrace.step_execution set status = 'IN_PROGRESS' where batch_id = "
              + batch
              + " and step_position = 2");
    }
    HttpResponse<String> cycle =
        operator.post(
            "/batches/" + batch + "/charges",
            Json.createObjectBuilder()
                .add("lotNumber", output)
                .add("quantity", 1)
                .build()
                .toString());
    assertEquals(422, cycle.statusCode());
    assertTrue(cycle.body().contains("would make the genealogy a cycle"), cycle.body());
  }

  @Test
  void aStepRunsOnlyOnEquipmentOfItsBatchsOwnLine() {
    long batch = batch(false);
    long otherLine = admin.createLine("Other plant").getJsonNumber("id").longValue();
    HttpResponse<String> refused =
        operator.post(
            "/batches/" + batch + "/steps/1/start", "{\"equipmentId\": " + otherLine + "}");
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("a step runs only on its batch's own line"), refused.body());
    assertEquals(
        "PLANNED", TestStack.jsonObject(admin.get("/batches/" + batch)).getString("status"));
    HttpResponse<String> outOfOrder = operator.post("/batches/" + batch + "/steps/2/start", "{}");
    assertEquals(422, outOfOrder.statusCode(), outOfOrder.body());
    assertTrue(outOfOrder.body().contains("Step 1 (Charge the granulator) is not finished"));
  }

  private void assertRefused(long batch, JsonObject lot, String quantity, String message) {
    HttpResponse<String> refused = charge(batch, lot, quantity);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains(message), refused.body());
  }

  /** A batch of the standard record with step 1 started: charges go into it. */
  private long batch() {
    return batch(true);
  }

  private long batch(boolean startStepOne) {
    return planned(approvedRecord, startStepOne);
  }

  private long started(long record) {
    return planned(record, true);
  }

  private long planned(long record, boolean startStepOne) {
    HttpResponse<String> created = create(Lots.unique("B"), record);
    assertEquals(201, created.statusCode(), created.body());
    long batch = TestStack.jsonObject(created).getJsonNumber("id").longValue();
    if (startStepOne) {
      HttpResponse<String> started = operator.post("/batches/" + batch + "/steps/1/start", "{}");
      assertEquals(200, started.statusCode(), started.body());
    }
    return batch;
  }

  private void perform(long batch, int step) {
    HttpResponse<String> signed =
        operator.post(
            "/executions/" + batch + "/steps/" + step + "/perform",
            "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertEquals(200, signed.statusCode(), signed.body());
  }

  /** An approved one-step record: "Charge" takes 20 kg ± 100 % of the material. */
  private long oneStepRecord() {
    return Recipes.approved(product, step("Charge", api));
  }

  private static JsonObject step(String name, String material) {
    return Recipes.charging("Processing", name, material, 20);
  }

  private HttpResponse<String> create(String number, long record) {
    return admin.post(
        "/batches",
        Json.createObjectBuilder()
            .add("batchNumber", number)
            .add("masterBatchRecordId", record)
            .add("lineId", line)
            .add("plannedQuantity", 100)
            .build()
            .toString());
  }

  private HttpResponse<String> charge(long batch, JsonObject lot, String quantity) {
    return operator.post(
        "/batches/" + batch + "/charges",
        Json.createObjectBuilder()
            .add("lotNumber", lot.getString("lotNumber"))
            .add("quantity", new java.math.BigDecimal(quantity))
            .build()
            .toString());
  }

  private HttpResponse<String> complete(long batch, String outputLot) {
    return operator.post(
        "/batches/" + batch + "/complete",
        Json.createObjectBuilder()
            .add(
                "outputs",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("lotNumber", outputLot)
                            .add("quantity", 1000)))
            .add("password", DemoUser.PASSWORD)
            .build()
            .toString());
  }

  private String remaining(JsonObject lot) {
    return TestStack.jsonObject(admin.get("/lots/" + lot.getInt("id")))
        .getJsonNumber("remainingQuantity")
        .toString();
  }

  private long record(boolean approve) {
    return Recipes.of(product, api, approve);
  }
}
