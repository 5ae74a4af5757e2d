package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The application's database role creates nothing, and no function running with the owner's rights
 * can be led to the caller's objects: asked of the real PostgreSQL catalog of the test database, as
 * the runtime role the server connects with, and tried.
 */
@Tag("URS-042")
class DatabaseHardeningIT {

  /** PostgreSQL's SQLSTATE for "permission denied". */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private static final String FIXED_PATH = "search_path=pg_catalog, batchtrace, pg_temp";

  @Test
  void theRuntimeRoleHasNoTemporaryOnTheDatabase() throws SQLException {
    try (Connection db = TestStack.databaseAsApplication()) {
      assertEquals(
          List.of("false"),
          rows(db, "select has_database_privilege(current_database(), 'TEMPORARY')::text"));
      SQLException refused =
          assertThrows(SQLException.class, () -> run(db, "create temp table shadow (i int)"));
      assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
    }
  }

  @Test
  void theRuntimeRoleMayCreateInNoSchema() throws SQLException {
    try (Connection db = TestStack.databaseAsApplication()) {
      assertEquals(
          List.of(),
          rows(db, "select nspname from pg_namespace where has_schema_privilege(oid, 'CREATE')"),
          "schemas the runtime role may create objects in");
      for (String schema : List.of("public", "batchtrace")) {
        SQLException refused =
            assertThrows(
                SQLException.class, () -> run(db, "create table " + schema + ".shadow (i int)"));
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), refused.getMessage());
      }
    }
  }

  @Test
  void everyOwnerRightsFunctionFixesItsSearchPathWithTheTemporarySchemaLast() throws SQLException {
    try (Connection db = TestStack.databaseAsApplication()) {
      List<String> definers = new ArrayList<>();
      try (Statement q = db.createStatement();
          ResultSet rs =
              q.executeQuery(
                  "select p.oid::regprocedure::text, p.proconfig from pg_proc p"
                      + " join pg_namespace n on n.oid = p.pronamespace"
                      + " where p.prosecdef and n.nspname not in ('pg_catalog',"
                      + " 'information_schema')")) {
        List<String> unsafe = new ArrayList<>();
        while (rs.next()) {
          definers.add(rs.getString(1));
          java.sql.Array config = rs.getArray(2);
          List<String> settings =
              config == null ? List.of() : List.of((String[]) config.getArray());
          if (!settings.contains(FIXED_PATH)) {
            unsafe.add(rs.getString(1) + " " + settings);
          }
        }
        assertFalse(definers.isEmpty(), "the schema has SECURITY DEFINER functions");
        assertEquals(List.of(), unsafe, "SECURITY DEFINER functions without " + FIXED_PATH);
      }
    }
  }

  /**
   * With pg_catalog first in its path, the partition creator still puts a new month into the
   * schema: the runtime role calls it as the collector does, for a month no test writes.
   */
  @Test
  void theOwnerRightsPartitionCreatorStillCreatesTheMonthInTheSchema() throws SQLException {
    try (Connection db = TestStack.databaseAsApplication()) {
      run(db, "select batchtrace.process_value_month('2031-07-15T00:00:00Z'::timestamptz)");
      assertEquals(
          List.of("batchtrace.process_value_2031_07"),
          rows(db, "select to_regclass('batchtrace.process_value_2031_07')::text"));
    }
  }

  private static void run(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> rows(Connection db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement q = db.createStatement();
        ResultSet rs = q.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
