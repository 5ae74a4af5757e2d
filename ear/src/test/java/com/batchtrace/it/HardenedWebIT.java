package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The API's door and what the audit trail keeps from a request: only tokens issued for Batchtrace
 * are accepted, a forged X-Forwarded-For never becomes the recorded client address, and what a user
 * typed never runs as a spreadsheet formula in an export.
 */
class HardenedWebIT extends DeployedApplication {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");

  @Test
  @Tag("URS-053")
  void aTokenIssuedToAnotherClientOfTheRealmIsRefused() {
    String clientId = "it-other-system-" + UUID.randomUUID().toString().substring(0, 8);
    TestStack.newServiceClient(clientId, "other-system-secret", "admin");

    HttpResponse<String> answer =
        RestClient.asClient(clientId, "other-system-secret").get("/equipment");

    assertEquals(401, answer.statusCode(), "a token not meant for Batchtrace: " + answer.body());
    HttpResponse<String> gateway =
        RestClient.asClient("plant-gateway", "plant-gateway-demo-secret")
            .post("/process-values", "[]");
    assertTrue(
        gateway.statusCode() != 401 && gateway.statusCode() != 403,
        "the plant's gateway, whose tokens name Batchtrace, is still let in: " + gateway.body());
  }

  @Test
  @Tag("URS-055")
  void aForgedForwardedForFromAnUntrustedPeerIsNotTheRecordedAddress() throws SQLException {
    String reason = "Forwarded-for check " + UUID.randomUUID();

    renameEquipment(reason, "6.6.6.6");

    String recorded;
    try (var db = TestStack.databaseAsSuperuser();
        var q =
            db.prepareStatement(
                "select client_address from batchtrace.audit_revision where reason = ?")) {
      q.setString(1, reason);
      try (var rs = q.executeQuery()) {
        assertTrue(rs.next(), "the change is audited");
        recorded = rs.getString(1);
      }
    }
    assertTrue(LOOPBACK.contains(recorded), "the real peer, not the forged header: " + recorded);
  }

  @Test
  @Tag("URS-056")
  void aReasonTypedAsAFormulaIsExportedAsText() {
    String formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    long id = renameEquipment(formula, null);

    HttpResponse<String> csv =
        RestClient.as(DemoUser.AUDITOR)
            .get("/audit-trail/export?format=csv&recordType=Equipment&recordId=" + id);

    assertEquals(200, csv.statusCode(), csv.body());
    CsvExport export = CsvExport.read(csv.body());
    assertTrue(export.data().contains("\"'=HYPERLINK("), export.data());
    assertTrue(!export.data().contains(",\"=HYPERLINK("), "never a bare formula cell");
  }

  /** An administrator renames a new piece of equipment for {@code reason}; its id. */
  private static long renameEquipment(String reason, String forwardedFor) {
    long id =
        RestClient.as(DemoUser.ADMIN)
            .createEnterprise("Hardening subject")
            .getJsonNumber("id")
            .longValue();
    HttpRequest.Builder put =
        HttpRequest.newBuilder(TestStack.app("/api/v1/equipment/" + id))
            .header("Authorization", "Bearer " + TestStack.accessToken(DemoUser.ADMIN))
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    jakarta.json.Json.createObjectBuilder()
                        .add("name", "Hardening subject renamed")
                        .add("active", true)
                        .add("reason", reason)
                        .build()
                        .toString()));
    if (forwardedFor != null) {
      put.header("X-Forwarded-For", forwardedFor);
    }
    HttpResponse<String> changed = TestStack.send(put);
    assertEquals(200, changed.statusCode(), changed.body());
    return id;
  }
}
