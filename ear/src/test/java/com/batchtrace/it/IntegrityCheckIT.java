package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence: a superuser who bypasses every grant and trigger to rewrite one revision is
 * caught by the integrity check, which names that row; the application's role cannot even try.
 */
@Tag("URS-016")
class IntegrityCheckIT extends DeployedApplication {

  @Test
  void aSuperusersRewriteOfOneRevisionIsNamedByTheIntegrityCheck() throws SQLException {
    RestClient.as(DemoUser.ADMIN).createEnterprise("Integrity check subject");
    JsonObject before = verify();
    assertTrue(before.getJsonArray("problems").isEmpty(), "intact before: " + before);
    long revision = latestRevision();
    String original =
        TestStack.jsonObject(RestClient.as(DemoUser.AUDITOR).get("/audit-trail/entries?limit=1"))
            .getJsonArray("rows")
            .getJsonObject(0)
            .getString("reason");

    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      // The superuser's way around the append-only triggers.
      s.execute("set session_replication_role = replica");
      s.executeUpdate(
          "update batchtrace.audit_revision set reason = 'Forged reason' where id = " + revision);
      try {
        JsonObject after = verify();
        JsonObject first = after.getJsonArray("problems").getJsonObject(0);
        assertEquals("revision", first.getString("chain"), after.toString());
        assertEquals("audit_revision", first.getString("table"), after.toString());
        assertEquals(String.valueOf(revision), first.getString("rowKey"), after.toString());
        assertTrue(first.getString("problem").contains("changed"), after.toString());
        assertEquals(
            1,
            Signing.count(
                "select count(*) from batchtrace.security_event where kind = 'INTEGRITY_BROKEN'"
                    + " and detail like ?",
                "%audit_revision row " + revision + "%"),
            "the broken check is itself a security event");
      } finally {
        try (var restore =
            rogue.prepareStatement(
                "update batchtrace.audit_revision set reason = ? where id = ?")) {
          restore.setString(1, original);
          restore.setLong(2, revision);
          restore.executeUpdate();
        }
      }
    }
    assertTrue(verify().getJsonArray("problems").isEmpty(), "intact again once restored");
  }

  @Test
  void theApplicationRoleCannotChangeOrDeleteChainedRows() throws SQLException {
    Signing.review(DemoUser.AUDITOR, DemoUser.PASSWORD, "Subject of the append-only check.");
    for (String sql :
        new String[] {
          "update batchtrace.electronic_signature set signer_name = 'x'",
          "delete from batchtrace.electronic_signature",
          "update batchtrace.security_event set detail = 'x'",
          "delete from batchtrace.security_event",
          "update batchtrace.audit_chain set row_key = 'x'",
          "delete from batchtrace.audit_chain",
          "update batchtrace.audit_chain_head set position = 0",
          "insert into batchtrace.audit_chain_head values ('forged', 0, '\\x00')",
          "update batchtrace.audit_trail_review set conclusion = 'x'"
        }) {
      try (Connection db = TestStack.databaseAsApplication();
          Statement s = db.createStatement()) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
      }
    }
  }

  private static JsonObject verify() {
    HttpResponse<String> report = RestClient.as(DemoUser.AUDITOR).post("/integrity-checks", "");
    assertEquals(200, report.statusCode(), report.body());
    return TestStack.jsonObject(report);
  }

  private static long latestRevision() throws SQLException {
    try (Connection db = TestStack.databaseAsApplication();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select max(id) from batchtrace.audit_revision")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
