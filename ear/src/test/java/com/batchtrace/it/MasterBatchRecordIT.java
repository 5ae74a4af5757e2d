package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The master batch record lifecycle and its rules, through the API. */
@Tag("URS-024")
class MasterBatchRecordIT extends DeployedApplication {

  private String product;
  private String api;

  @BeforeEach
  void materials() {
    product = Lots.material("FINISHED");
    api = Lots.material("RAW");
  }

  @Test
  void draftToReviewToApprovalByQaWithASignatureAndThenFrozen() throws SQLException {
    long id = draft(RestClient.as(DemoUser.ADMIN), product);
    assertEquals(
        200,
        RestClient.as(DemoUser.ADMIN)
            .post("/master-batch-records/" + id + "/submit", "{}")
            .statusCode());

    HttpResponse<String> approved = approve(DemoUser.REVIEWER, id);
    assertEquals(200, approved.statusCode(), approved.body());
    JsonObject record = TestStack.jsonObject(approved);
    assertEquals("APPROVED", record.getString("status"));
    JsonObject signature = record.getJsonArray("signatures").getJsonObject(0);
    assertEquals("APPROVED", signature.getString("meaning"));
    assertEquals("Rita Reyes", signature.getString("signerName"));
    assertTrue(signature.getBoolean("valid"));
    assertEquals(2, record.getJsonArray("steps").size());

    HttpResponse<String> edit =
        RestClient.as(DemoUser.ADMIN)
            .put("/master-batch-records/" + id + "/steps", "{\"steps\":[],\"reason\":\"Tweak\"}");
    assertEquals(422, edit.statusCode());
    assertTrue(edit.body().contains("an approved version never changes"), edit.body());

    // Not even the application's database role can change an approved version's content.
    try (Connection db = TestStack.databaseAsApplication();
        Statement s = db.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "update batchtrace.mbr_step set instructions = 'changed' where record_id = "
                          + id));
      assertTrue(
          refused.getMessage().contains("only a draft can be changed"), refused.getMessage());
    }
  }

  @Test
  void aChangeToAnApprovedVersionIsANewVersionWhoseApprovalRetiresTheOld() {
    long v1 = draft(RestClient.as(DemoUser.ADMIN), product);
    RestClient.as(DemoUser.ADMIN).post("/master-batch-records/" + v1 + "/submit", "{}");
    assertEquals(200, approve(DemoUser.REVIEWER, v1).statusCode());

    HttpResponse<String> copy =
        RestClient.as(DemoUser.ADMIN)
            .post(
                "/master-batch-records/" + v1 + "/new-version",
                "{\"reason\":\"New granulation time\"}");
    assertEquals(200, copy.statusCode(), copy.body());
    JsonObject v2 = TestStack.jsonObject(copy);
    assertEquals(2, v2.getInt("recordVersion"));
    assertEquals("DRAFT", v2.getString("status"));
    long v2id = v2.getJsonNumber("id").longValue();
    RestClient.as(DemoUser.ADMIN).post("/master-batch-records/" + v2id + "/submit", "{}");
    assertEquals(200, approve(DemoUser.REVIEWER, v2id).statusCode());

    JsonObject old =
        TestStack.jsonObject(RestClient.as(DemoUser.REVIEWER).get("/master-batch-records/" + v1));
    assertEquals("RETIRED", old.getString("status"));
    assertTrue(
        old.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"),
        "retiring does not void the approval");
  }

  @Test
  void theAuthorCannotApproveTheirOwnRecord() {
    String both = TestStack.newKeycloakUser("Alex", "admin", "qa-reviewer");
    long id = draft(RestClient.as(both), product);
    RestClient.as(both).post("/master-batch-records/" + id + "/submit", "{}");

    HttpResponse<String> own =
        RestClient.as(both)
            .post(
                "/master-batch-records/" + id + "/approve",
                "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertEquals(422, own.statusCode());
    assertTrue(own.body().contains("someone else must approve"), own.body());
    assertEquals(
        "IN_REVIEW",
        TestStack.jsonObject(RestClient.as(both).get("/master-batch-records/" + id))
            .getString("status"));
  }

  @Test
  @Tag("URS-047")
  void whoEditedTheDraftCannotApproveItThoughTheyDidNotWriteIt() {
    String editor = TestStack.newKeycloakUser("Edith", "admin", "qa-reviewer");
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    long id = draft(admin, product);
    JsonObject steps =
        Json.createObjectBuilder()
            .add("steps", TestStack.json(body(product, api)).asJsonObject().getJsonArray("steps"))
            .add("reason", "Instruction wording clarified")
            .build();
    HttpResponse<String> edited =
        RestClient.as(editor).put("/master-batch-records/" + id + "/steps", steps.toString());
    assertEquals(200, edited.statusCode(), edited.body());
    admin.post("/master-batch-records/" + id + "/submit", "{}");

    HttpResponse<String> approval =
        RestClient.as(editor)
            .post(
                "/master-batch-records/" + id + "/approve",
                "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertEquals(422, approval.statusCode(), approval.body());
    assertTrue(approval.body().contains("while it was a draft"), approval.body());
    assertEquals(
        "IN_REVIEW",
        TestStack.jsonObject(admin.get("/master-batch-records/" + id)).getString("status"));
    assertEquals(200, approve(DemoUser.REVIEWER, id).statusCode(), "who took no part approves");
  }

  @Test
  void badRecordsAreRefusedWithTheRuleTheyBreak() {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    HttpResponse<String> rawProduct = admin.post("/master-batch-records", body(api, api));
    assertEquals(422, rawProduct.statusCode());
    assertTrue(
        rawProduct.body().contains("makes a finished or intermediate product"), rawProduct.body());

    HttpResponse<String> unknown =
        admin.post("/master-batch-records", body(product, "NO-SUCH-MAT"));
    assertEquals(422, unknown.statusCode());
    assertTrue(unknown.body().contains("no material with code 'NO-SUCH-MAT'"), unknown.body());

    String noLimits =
        "{\"product\":\""
            + product
            + "\",\"steps\":[{\"operation\":\"Drying\",\"name\":\"Dry\",\"instructions\":\"Dry it\","
            + "\"parameters\":[{\"name\":\"Outlet temperature\",\"unit\":\"C\",\"critical\":true}]}]}";
    HttpResponse<String> critical = admin.post("/master-batch-records", noLimits);
    assertEquals(422, critical.statusCode());
    assertTrue(
        critical.body().contains("is critical and needs at least one limit"), critical.body());

    long empty =
        TestStack.jsonObject(
                admin.post(
                    "/master-batch-records", "{\"product\":\"" + product + "\",\"steps\":[]}"))
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> submit = admin.post("/master-batch-records/" + empty + "/submit", "{}");
    assertEquals(422, submit.statusCode());
    assertTrue(submit.body().contains("without steps"), submit.body());

    long draft = draft(admin, product);
    assertEquals(422, approve(DemoUser.REVIEWER, draft).statusCode(), "a draft is not in review");
  }

  private long draft(RestClient client, String productCode) {
    HttpResponse<String> created = client.post("/master-batch-records", body(productCode, api));
    assertEquals(201, created.statusCode(), created.body());
    return TestStack.jsonObject(created).getJsonNumber("id").longValue();
  }

  private static HttpResponse<String> approve(DemoUser user, long id) {
    return RestClient.as(user)
        .post(
            "/master-batch-records/" + id + "/approve",
            "{\"password\":\"" + DemoUser.PASSWORD + "\",\"reason\":\"Reviewed\"}");
  }

  /** The drying step's critical parameter: the dryer's inlet-temp tag, 55 to 65 C. */
  static JsonObjectBuilder inletTemperature() {
    return Json.createObjectBuilder()
        .add("name", "Inlet temperature")
        .add("tag", "inlet-temp")
        .add("unit", "C")
        .add("low", 55)
        .add("high", 65)
        .add("critical", true);
  }

  static String body(String productCode, String material) {
    return Json.createObjectBuilder()
        .add("product", productCode)
        .add(
            "steps",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Granulation")
                        .add("name", "Charge the granulator")
                        .add("instructions", "Charge the API and start the impeller.")
                        .add("requiresVerification", true)
                        .add(
                            "materials",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("material", material)
                                        .add("quantity", 50)
                                        .add("tolerancePercent", 2))))
                .add(
                    Json.createObjectBuilder()
                        .add("operation", "Drying")
                        .add("name", "Dry the granulate")
                        .add("instructions", "Dry until the outlet temperature holds.")
                        .add(
                            "parameters",
                            Json.createArrayBuilder().add(MasterBatchRecordIT.inletTemperature()))))
        .build()
        .toString();
  }
}
