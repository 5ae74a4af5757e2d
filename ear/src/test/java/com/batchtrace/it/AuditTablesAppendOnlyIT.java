package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The application's own database role cannot rewrite history: every UPDATE or DELETE of an audit
 * row is refused by PostgreSQL, whatever a defect in the application might try.
 */
@Tag("URS-005")
class AuditTablesAppendOnlyIT extends DeployedApplication {

  /** PostgreSQL's SQLSTATE for "permission denied". */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private long equipmentId;
  private long revision;

  @BeforeEach
  void anAuditedRecordExists() throws SQLException {
    JsonObject created = RestClient.as(DemoUser.ADMIN).createEnterprise("Append-only check");
    equipmentId = created.getJsonNumber("id").longValue();
    try (Connection db = TestStack.databaseAsApplication();
        PreparedStatement q =
            db.prepareStatement("select rev from batchtrace.equipment_aud where id = ?")) {
      q.setLong(1, equipmentId);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        revision = rs.getLong(1);
      }
    }
  }

  @Test
  void theRevisionTableRefusesUpdateAndDelete() throws SQLException {
    assertRefused(
        "update batchtrace.audit_revision set reason = 'rewritten' where id = " + revision);
    assertRefused(
        "update batchtrace.audit_revision set user_id = 'someone' where id = " + revision);
    assertRefused("delete from batchtrace.audit_revision where id = " + revision);
    assertRefused("truncate batchtrace.audit_revision cascade");
    assertEquals("Integration test set-up", reasonOfRevision());
  }

  @Test
  void theEquipmentHistoryRefusesUpdateAndDelete() throws SQLException {
    assertRefused(
        "update batchtrace.equipment_aud set name = 'rewritten' where id = " + equipmentId);
    assertRefused("delete from batchtrace.equipment_aud where id = " + equipmentId);
    assertEquals("Append-only check", auditedName());
  }

  @Test
  void theValidityEndOfAHistoryRowIsSetOnceByTheApplicationAndNeverMovedAfterwards()
      throws SQLException {
    RestClient.as(DemoUser.ADMIN)
        .put(
            "/equipment/" + equipmentId,
            "{\"name\":\"Renamed\",\"active\":true,\"reason\":\"Closes the first row\"}");
    String moveEnd =
        "update batchtrace.equipment_aud set revend = revend + 1 where revend is not null and id = "
            + equipmentId;
    try (Connection db = TestStack.databaseAsApplication()) {
      SQLException refused =
          assertThrows(SQLException.class, () -> db.createStatement().execute(moveEnd));
      assertTrue(
          refused.getMessage().contains("audit records are never changed"), refused.getMessage());
    }
  }

  private static void assertRefused(String sql) throws SQLException {
    try (Connection db = TestStack.databaseAsApplication()) {
      SQLException refused =
          assertThrows(SQLException.class, () -> db.createStatement().execute(sql), sql);
      assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
    }
  }

  private String reasonOfRevision() throws SQLException {
    return single("select reason from batchtrace.audit_revision where id = ?", revision);
  }

  private String auditedName() throws SQLException {
    return single("select name from batchtrace.equipment_aud where id = ?", equipmentId);
  }

  private static String single(String sql, long key) throws SQLException {
    try (Connection db = TestStack.databaseAsApplication();
        PreparedStatement q = db.prepareStatement(sql)) {
      q.setLong(1, key);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
