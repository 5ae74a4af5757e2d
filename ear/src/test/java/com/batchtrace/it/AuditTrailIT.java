package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The auditor's audit trail through the API: search, field-level history, checksummed exports. */
class AuditTrailIT extends DeployedApplication {

  private long id;

  @BeforeEach
  void aRecordWithTwoRevisions() {
    RestClient admin = RestClient.as(DemoUser.ADMIN);
    id = admin.createEnterprise("Audit subject").getJsonNumber("id").longValue();
    HttpResponse<String> changed =
        admin.put(
            "/equipment/" + id,
            "{\"name\":\"Audit subject renamed\",\"active\":true,\"reason\":\"Typo in the name\"}");
    assertEquals(200, changed.statusCode(), changed.body());
  }

  @Test
  @Tag("URS-018")
  void searchFindsTheRecordsEntriesNewestFirstWithWhoAndWhy() {
    JsonObject page =
        TestStack.jsonObject(
            RestClient.as(DemoUser.AUDITOR)
                .get("/audit-trail/entries?recordType=Equipment&user=admin&recordId=" + id));

    assertEquals(2, page.getJsonNumber("total").longValue(), page.toString());
    JsonArray rows = page.getJsonArray("rows");
    assertEquals("MODIFIED", rows.getJsonObject(0).getString("action"));
    assertEquals("Typo in the name", rows.getJsonObject(0).getString("reason"));
    assertEquals("Adrian Alvarez", rows.getJsonObject(0).getString("userName"));
    assertEquals("CREATED", rows.getJsonObject(1).getString("action"));
  }

  @Test
  @Tag("URS-018")
  void historyShowsEachChangedFieldWithOldAndNewValue() {
    JsonArray history =
        TestStack.json(
                RestClient.as(DemoUser.AUDITOR).get("/audit-trail/records/Equipment/" + id).body())
            .asJsonArray();

    assertEquals(2, history.size());
    JsonArray changes = history.getJsonObject(1).getJsonArray("changes");
    assertEquals(1, changes.size(), "only the name changed: " + changes);
    JsonObject name = changes.getJsonObject(0);
    assertEquals("name", name.getString("field"));
    assertEquals("Audit subject", name.getString("oldValue"));
    assertEquals("Audit subject renamed", name.getString("newValue"));
    assertEquals(
        "Typo in the name", history.getJsonObject(1).getJsonObject("entry").getString("reason"));
  }

  @Test
  @Tag("URS-018")
  void everyAuditedRecordTypeOfTheDatabaseHasItsHistory() throws SQLException {
    java.util.List<String> types = new java.util.ArrayList<>();
    try (java.sql.Connection db = TestStack.databaseAsSuperuser();
        java.sql.ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select record_type, table_name from batchtrace.audited_record_table"
                        + " order by record_type")) {
      while (rs.next()) {
        types.add(rs.getString(1));
      }
    }
    assertTrue(types.size() >= 13, types.toString());
    for (String type : types) {
      HttpResponse<String> history =
          RestClient.as(DemoUser.AUDITOR).get("/audit-trail/records/" + type + "/1");
      assertEquals(200, history.statusCode(), type + ": " + history.body());
    }
  }

  @Test
  @Tag("URS-018")
  void badSearchCriteriaGetASpecificMessage() {
    HttpResponse<String> bad =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/entries?from=yesterday");
    assertEquals(422, bad.statusCode());
    assertTrue(bad.body().contains("ISO-8601"), bad.body());
    // A time the database cannot hold: refused with the years allowed, not a server error.
    HttpResponse<String> farFuture =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/entries?from=%2B300000-01-01T00:00:00Z");
    assertEquals(422, farFuture.statusCode(), farFuture.body());
    assertTrue(farFuture.body().contains("between the years 2000 and 2999"), farFuture.body());
    HttpResponse<String> type =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/entries?recordType=Recipe");
    assertEquals(422, type.statusCode());
    assertTrue(type.body().contains("not an audited record type"), type.body());
    assertEquals(403, RestClient.as(DemoUser.OPERATOR1).get("/audit-trail/entries").statusCode());
  }

  @Test
  @Tag("URS-019")
  void csvAndJsonExportsCarryTheSameVerifiableChecksumAndAreSecurityEvents() throws SQLException {
    String filter = "recordType=Equipment&recordId=" + id;
    long exportsBefore =
        Signing.count("select count(*) from batchtrace.security_event where kind = 'EXPORT'");

    HttpResponse<String> csv =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/export?format=csv&" + filter);
    HttpResponse<String> json =
        RestClient.as(DemoUser.AUDITOR).get("/audit-trail/export?format=json&" + filter);

    assertEquals(200, csv.statusCode(), csv.body());
    CsvExport export = CsvExport.read(csv.body());
    String declared = export.sha256();
    assertEquals("2", export.value("# Rows: "));
    assertTrue(export.value("# Exported by: ").startsWith("Ava Adams (auditor)"));
    assertTrue(export.value("# Filter: ").contains("record id " + id));
    assertTrue(export.data().contains("Typo in the name"), export.data());

    JsonObject exported = TestStack.jsonObject(json);
    assertEquals(declared, exported.getString("sha256"), "same rows, same checksum");
    assertEquals(2, exported.getJsonArray("rows").size());
    assertTrue(
        exported.getJsonObject("export").getJsonObject("revisionChainHead").getInt("position") > 0);
    assertEquals(
        exportsBefore + 2,
        Signing.count("select count(*) from batchtrace.security_event where kind = 'EXPORT'"));
  }
}
