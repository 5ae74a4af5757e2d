package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The IQ record goes into the database signed ("performed") by the QA person who executed it, as
 * the IQ tool sends it; a refused signature or a malformed record leaves nothing; only QA records,
 * auditors read; the runtime role reads the migration history through the owner's function only.
 */
@Tag("URS-058")
class InstallationQualificationRecordIT extends DeployedApplication {

  private static final String EAR_SHA256 =
      "0f343b0931126a20f133d67c2b018a3b5e4c7b9d1e0f2a3b4c5d6e7f8091a2b3";

  @Test
  void qaSignsTheIqRecordTheyExecutedAndAuditorsReadItBackWithAValidSignature() {
    String quinn = TestStack.newKeycloakUser("Quinn", "qa-reviewer");
    long before = TestStack.count("select count(*) from batchtrace.installation_qualification");

    HttpResponse<String> signed =
        RestClient.as(quinn)
            .post(
                "/installation-qualifications", body(quinn, DemoUser.PASSWORD).build().toString());

    assertEquals(201, signed.statusCode(), signed.body());
    JsonObject record = TestStack.jsonObject(signed);
    assertTrue(record.getBoolean("passed"), record.toString());
    assertEquals(EAR_SHA256, record.getString("earSha256"));
    assertEquals(64, record.getString("recordSha256").length());
    JsonObject signature = record.getJsonArray("signatures").getJsonObject(0);
    assertEquals("PERFORMED", signature.getString("meaning"));
    assertEquals(quinn, signature.getString("signerId"));
    assertTrue(signature.getBoolean("valid"));
    assertEquals(
        before + 1, TestStack.count("select count(*) from batchtrace.installation_qualification"));

    JsonObject readBack =
        TestStack.jsonObject(
            RestClient.as(DemoUser.AUDITOR)
                .get("/installation-qualifications/" + record.getJsonNumber("id").longValue()));
    assertTrue(
        readBack.getString("record").contains("| IQ-07 | Database schema |"), readBack.toString());
    assertTrue(readBack.getJsonArray("signatures").getJsonObject(0).getBoolean("valid"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.audit_trail_entry where record_type ="
                + " 'InstallationQualification' and record_id = ?",
            record.getJsonNumber("id").longValue()),
        "the record is in the audit trail");
  }

  @Test
  void aWrongPasswordOrAMalformedRecordLeavesNoRecord() {
    String quinn = TestStack.newKeycloakUser("Quinn", "qa-reviewer");
    long before = TestStack.count("select count(*) from batchtrace.installation_qualification");
    RestClient qa = RestClient.as(quinn);

    HttpResponse<String> wrongPassword =
        qa.post("/installation-qualifications", body(quinn, "not-the-password").build().toString());
    assertEquals(422, wrongPassword.statusCode(), wrongPassword.body());

    HttpResponse<String> badChecksum =
        qa.post(
            "/installation-qualifications",
            body(quinn, DemoUser.PASSWORD).add("earSha256", "<script>").build().toString());
    assertEquals(422, badChecksum.statusCode(), badChecksum.body());
    assertTrue(badChecksum.body().contains("earSha256"), badChecksum.body());

    HttpResponse<String> moreFailedThanRun =
        qa.post(
            "/installation-qualifications",
            body(quinn, DemoUser.PASSWORD).add("checksFailed", 26).build().toString());
    assertEquals(422, moreFailedThanRun.statusCode(), moreFailedThanRun.body());

    HttpResponse<String> noChecks =
        qa.post(
            "/installation-qualifications",
            body(quinn, DemoUser.PASSWORD)
                .add("checksTotal", 0)
                .add("checksFailed", 0)
                .build()
                .toString());
    assertEquals(422, noChecks.statusCode(), noChecks.body());

    HttpResponse<String> inTheFuture =
        qa.post(
            "/installation-qualifications",
            body(quinn, DemoUser.PASSWORD)
                .add("executedAt", Instant.now().plusSeconds(3600).toString())
                .build()
                .toString());
    assertEquals(422, inTheFuture.statusCode(), inTheFuture.body());

    HttpResponse<String> tooLong =
        qa.post(
            "/installation-qualifications",
            body(quinn, DemoUser.PASSWORD).add("record", "x".repeat(200_001)).build().toString());
    assertEquals(422, tooLong.statusCode(), tooLong.body());

    HttpResponse<String> notJson = qa.post("/installation-qualifications", "{\"record\":");
    assertEquals(400, notJson.statusCode(), notJson.body());

    assertEquals(
        before, TestStack.count("select count(*) from batchtrace.installation_qualification"));
  }

  @Test
  void aFailedIqIsRecordedAsFailed() {
    String quinn = TestStack.newKeycloakUser("Quinn", "qa-reviewer");
    HttpResponse<String> failed =
        RestClient.as(quinn)
            .post(
                "/installation-qualifications",
                body(quinn, DemoUser.PASSWORD).add("checksFailed", 2).build().toString());
    assertEquals(201, failed.statusCode(), failed.body());
    assertFalse(TestStack.jsonObject(failed).getBoolean("passed"), "a failed IQ is evidence too");
  }

  @Test
  void onlyQaRecordsAnIqAndOperatorsDoNotReadThem() {
    HttpResponse<String> byAuditor =
        RestClient.as(DemoUser.AUDITOR)
            .post(
                "/installation-qualifications",
                body(DemoUser.AUDITOR.username, DemoUser.PASSWORD).build().toString());
    assertEquals(403, byAuditor.statusCode(), byAuditor.body());
    assertEquals(
        403, RestClient.as(DemoUser.OPERATOR1).get("/installation-qualifications").statusCode());
  }

  @Test
  void theRuntimeRoleReadsTheMigrationHistoryOnlyThroughTheOwnersFunction() throws Exception {
    try (var db = TestStack.databaseAsApplication();
        var statement = db.createStatement()) {
      var rows =
          statement.executeQuery(
              "select version, checksum, success from batchtrace.schema_migrations()"
                  + " where version = '36'");
      assertTrue(rows.next(), "the history lists this migration");
      assertTrue(rows.getBoolean("success"));
      assertFalse(rows.getString("checksum").isEmpty());
      try {
        statement.executeQuery("select count(*) from batchtrace.flyway_schema_history");
        throw new AssertionError("the runtime role read the history table directly");
      } catch (java.sql.SQLException refused) {
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
      }
    }
  }

  private static JsonObjectBuilder body(String username, String password) {
    return Json.createObjectBuilder()
        .add("executedAt", Instant.now().minusSeconds(30).toString())
        .add("host", "plant-app-01")
        .add("releaseVersion", "0.1.0-SNAPSHOT")
        .add("earSha256", EAR_SHA256)
        .add("schemaVersion", "36")
        .add("checksTotal", 25)
        .add("checksFailed", 0)
        .add(
            "record",
            "# Batchtrace – IQ record\n\n| Id | Check | Expected | Actual | Result |\n"
                + "| --- | --- | --- | --- | --- |\n"
                + "| IQ-07 | Database schema | 36 | 36 | PASS |\n")
        .add(
            "signature",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("reason", "IQ executed on plant-app-01"));
  }
}
