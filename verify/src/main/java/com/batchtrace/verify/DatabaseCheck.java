package com.batchtrace.verify;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Checks a Batchtrace database (the live one, or a copy restored from a backup) against the signed
 * checkpoint log, without the server: the chains walk without a break, and at every position a
 * signed checkpoint recorded, each chain holds the hash that checkpoint signed and its tables at
 * least the rows it counted. A database that was rewritten, or restored from a backup that is not
 * what the server signed, fails here even if its chains are consistent in themselves.
 *
 * <p>With an "as of" time (a copy restored to that point in time), checkpoints signed after it
 * describe records the copy is not meant to hold; they are noted, not compared.
 */
final class DatabaseCheck {

  private DatabaseCheck() {}

  static void run(String url, CheckpointLogCheck log, Instant asOf, Findings findings) {
    // The password from the environment rather than the command line, where others could read it.
    Properties login = new Properties();
    if (System.getenv("PGUSER") != null) {
      login.setProperty("user", System.getenv("PGUSER"));
    }
    if (System.getenv("PGPASSWORD") != null) {
      login.setProperty("password", System.getenv("PGPASSWORD"));
    }
    try (Connection c = DriverManager.getConnection(url, login)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      walk(c, findings);
      Map<String, long[]> heads = heads(c);
      int compared = 0;
      int later = 0;
      int before = findings.failures();
      for (Checkpoint checkpoint : log.checkpoints.values()) {
        if (asOf != null && Instant.parse(checkpoint.takenAt).isAfter(asOf)) {
          later++;
          continue;
        }
        compared++;
        compare(c, checkpoint, heads, findings);
      }
      c.rollback();
      if (later > 0) {
        findings.note(
            later
                + " signed checkpoint(s) were taken after "
                + asOf
                + ", the time this database is a copy of; they were not compared");
      }
      if (compared == 0) {
        findings.fail(
            "database: no signed checkpoint of the log describes it"
                + (asOf == null ? "" : " (none was taken by " + asOf + ")")
                + ", so it cannot be checked against one");
      } else if (findings.failures() == before) {
        findings.ok(
            "database: at every position "
                + compared
                + " signed checkpoint(s) recorded, each chain holds the signed hash and at least"
                + " the rows counted: INTACT against the signed checkpoints");
      }
    } catch (SQLException e) {
      findings.fail("database: cannot be read (" + e.getMessage() + ")");
    }
  }

  /** The chain walk of the database itself: every link's hash recomputed from its row. */
  private static void walk(Connection c, Findings findings) throws SQLException {
    List<String> broken = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT chain, chain_position, problem FROM batchtrace.audit_chain_verify()")) {
      while (r.next()) {
        broken.add(r.getString(1) + " at " + r.getLong(2) + ": " + r.getString(3));
      }
    }
    if (broken.isEmpty()) {
      findings.ok("database: every chain link's hash recomputes from its row (chain walk)");
    } else {
      findings.fail(
          "database: "
              + broken.size()
              + " chain link(s) do not recompute, the first: "
              + String.join("; ", broken.subList(0, Math.min(3, broken.size()))));
    }
  }

  /** Each chain's head position and row count now: [position, rows]. */
  private static Map<String, long[]> heads(Connection c) throws SQLException {
    Map<String, long[]> heads = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT chain, head_position, row_count FROM batchtrace.audit_chain_checkpoint("
                    + "CAST('{}' AS varchar[]), CAST('{}' AS bigint[]))")) {
      while (r.next()) {
        heads.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
      }
    }
    return heads;
  }

  private static void compare(
      Connection c, Checkpoint checkpoint, Map<String, long[]> heads, Findings findings)
      throws SQLException {
    for (Checkpoint.Chain signed : checkpoint.chains.values()) {
      long[] now = heads.get(signed.chain());
      String actual = signed.position() == 0 ? genesis(signed.chain()) : hashAt(c, signed);
      if (now == null || actual == null) {
        findings.fail(
            "database: chain "
                + signed.chain()
                + " has no link at position "
                + signed.position()
                + (now == null ? "" : " (it ends at " + now[0] + ")")
                + ", but "
                + checkpoint.describe()
                + " signed one there: links were removed");
      } else if (!actual.equals(signed.head())) {
        findings.fail(
            "database: chain "
                + signed.chain()
                + " differs from "
                + checkpoint.describe()
                + " at position "
                + signed.position()
                + ": the records are not those the server signed");
      } else if (now[1] < signed.rows()) {
        findings.fail(
            "database: chain "
                + signed.chain()
                + "'s tables hold "
                + now[1]
                + " rows, fewer than the "
                + signed.rows()
                + " "
                + checkpoint.describe()
                + " counted: rows were removed");
      }
    }
  }

  private static String hashAt(Connection c, Checkpoint.Chain signed) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT sha256 FROM batchtrace.audit_chain WHERE chain = ? AND position = ?")) {
      p.setString(1, signed.chain());
      p.setLong(2, signed.position());
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? HexFormat.of().formatHex(r.getBytes(1)) : null;
      }
    }
  }

  /** The hash before a chain's first link: SHA-256 of "batchtrace:" and the chain's name. */
  private static String genesis(String chain) {
    return Signed.sha256(("batchtrace:" + chain).getBytes(StandardCharsets.UTF_8));
  }
}
