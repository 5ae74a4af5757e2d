package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The scripted attack of issue 16: as the owner role, disable the triggers, change one audit row,
 * recompute every later link of its chain and the head, enable the triggers. The chain is then
 * consistent in itself, so the walk of audit_chain_verify() finds nothing; but the server signed
 * checkpoints of the chain with a key the database does not hold, so the integrity check reports
 * the chain against the last signed checkpoint, and the offline verifier rejects both an export
 * taken before the attack (compared with the database after it, through the checkpoint the server
 * signs after the attack) and an export taken after it (compared with the checkpoint log archived
 * before it). Afterwards the test rewrites the row and the chain back and starts a new checkpoint
 * log, so the tests after it find an intact trail (the old log is kept in target/owner-rewrite/).
 */
@Tag("URS-016")
@Tag("URS-040")
@Tag("URS-041")
class OwnerRewriteAttackIT extends DeployedApplication {

  private static final String FORGED = "Forged by the database owner";

  @Test
  void aConsistentRewriteByTheOwnerIsCaughtByTheCheckpointsAndTheOfflineVerifier()
      throws Exception {
    Path work = Path.of(TestStack.property("test.build.dir"), "owner-rewrite");
    deleteTree(work);
    Files.createDirectories(work);
    RestClient.as(DemoUser.ADMIN).createEnterprise("Owner rewrite subject");
    long revision = RogueOwner.number("select max(id) from batchtrace.audit_revision");
    String reason =
        RogueOwner.value("select reason from batchtrace.audit_revision where id = ?", revision);

    // Before the attack: exports in all three formats verify offline, with the log.
    Path csvBefore = export(work, "csv", "before");
    Path jsonBefore = export(work, "json", "before");
    Path pdfBefore = export(work, "pdf", "before");
    RestClient.as(DemoUser.ADMIN).createEnterprise("Owner rewrite, after the exports");
    Path logBefore = RogueOwner.copyLog(work.resolve("log-archived-before-the-attack"));
    for (Path export : List.of(csvBefore, jsonBefore, pdfBefore)) {
      RogueOwner.Verdict clean = verifier(export, RogueOwner.checkpointLog());
      assertEquals(0, clean.exitCode(), "a genuine export verifies: " + clean.output());
    }
    JsonObject intact = RogueOwner.verify();
    assertTrue(intact.getJsonArray("problems").isEmpty(), "intact before: " + intact);
    // The database itself, checked offline against the archived log, as after a restore.
    RogueOwner.Verdict database = databaseAgainst(logBefore);
    assertEquals(0, database.exitCode(), database.output());
    assertTrue(
        database.output().contains("INTACT against the signed checkpoints"), database.output());

    rewrite(revision, FORGED);
    try {
      assertEquals(
          0,
          RogueOwner.number("select count(*) from batchtrace.audit_chain_verify()"),
          "the rewrite is consistent: the chain walk alone finds nothing");

      // The integrity check compares the chain with the signed checkpoints.
      JsonObject report = RogueOwner.verify();
      JsonObject finding =
          report.getJsonArray("problems").stream()
              .map(p -> p.asJsonObject())
              .filter(p -> p.getString("problem").contains("differs from signed checkpoint"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("not reported: " + report));
      assertEquals("revision", finding.getString("chain"), finding.toString());
      assertTrue(
          finding
              .getString("problem")
              .matches("chain revision differs from signed checkpoint \\d+ .*at position \\d+.*"),
          finding.toString());

      // The database checked offline against the log archived before the attack: rejected.
      RogueOwner.Verdict rewritten = databaseAgainst(logBefore);
      assertEquals(1, rewritten.exitCode(), rewritten.output());
      assertTrue(
          rewritten
              .output()
              .matches(
                  "(?s).*FAIL  database: chain revision differs from signed"
                      + " checkpoint \\d+ .*at position \\d+: the records are not those the server"
                      + " signed.*"),
          rewritten.output());

      // An export taken after the attack, against the log archived before it: rejected.
      Path csvAfter = export(work, "csv", "after");
      RogueOwner.Verdict after = verifier(csvAfter, logBefore);
      assertEquals(1, after.exitCode(), after.output());
      assertTrue(after.output().contains("was rewritten in the database between"), after.output());

      // The export taken before the attack, against the log now (the server signed the rewritten
      // chain since): rejected, because the database no longer holds what it was taken from.
      RogueOwner.checkpoint();
      RogueOwner.Verdict before = verifier(csvBefore, RogueOwner.checkpointLog());
      assertEquals(1, before.exitCode(), before.output());
      assertTrue(
          before.output().contains("the database no longer holds the audit trail this export"),
          before.output());
    } finally {
      rewrite(revision, reason);
      Path used = RogueOwner.checkpointLog();
      Path kept = work.resolve("log-of-the-attacked-stack");
      Files.createDirectories(kept);
      try (var files = Files.list(used)) {
        for (Path file : files.toList()) {
          Files.move(file, kept.resolve(file.getFileName()));
        }
      }
    }
    RogueOwner.checkpoint();
    JsonObject restored = RogueOwner.verify();
    assertTrue(restored.getJsonArray("problems").isEmpty(), "intact once put back: " + restored);
  }

  /**
   * The attack itself, as the owner in one transaction: change the revision's reason, recompute its
   * link and every later link of the revision chain and the head, triggers off meanwhile. Run again
   * with the original reason, it puts everything back.
   */
  private static void rewrite(long revision, String reason) throws SQLException {
    RogueOwner.withTriggersOff(
        List.of("audit_revision", "audit_chain", "audit_chain_head"),
        "select 1 from batchtrace.audit_chain_head where chain = 'revision' for update",
        "update batchtrace.audit_revision set reason = '"
            + reason.replace("'", "''")
            + "' where id = "
            + revision,
        "update batchtrace.audit_chain c set content_sha256 ="
            + " batchtrace.audit_chain_content(to_jsonb(r)) from batchtrace.audit_revision r"
            + " where c.table_name = 'audit_revision' and c.row_key = r.id::text and r.id = "
            + revision,
        "do $$ declare link record; prior bytea; start bigint; begin"
            + " select position into start from batchtrace.audit_chain"
            + "  where table_name = 'audit_revision' and row_key = '"
            + revision
            + "';"
            + " select sha256 into prior from batchtrace.audit_chain"
            + "  where chain = 'revision' and position = start - 1;"
            + " for link in select position, content_sha256 from batchtrace.audit_chain"
            + "  where chain = 'revision' and position >= start order by position loop"
            + "  update batchtrace.audit_chain set previous_sha256 = prior,"
            + "   sha256 = sha256(prior || link.content_sha256)"
            + "   where chain = 'revision' and position = link.position;"
            + "  prior := sha256(prior || link.content_sha256);"
            + " end loop;"
            + " update batchtrace.audit_chain_head set sha256 = prior where chain = 'revision';"
            + " end $$");
  }

  private static Path export(Path work, String format, String when) throws IOException {
    HttpResponse<byte[]> response =
        RestClient.as(DemoUser.AUDITOR).getBytes("/audit-trail/export?format=" + format);
    assertEquals(200, response.statusCode(), new String(response.body()));
    Path file = work.resolve("audit-trail-" + when + "." + format);
    Files.write(file, response.body());
    return file;
  }

  private static RogueOwner.Verdict verifier(Path export, Path log) {
    return RogueOwner.offlineVerifier(
        export.toString(),
        "--public-key",
        RogueOwner.publicKey().toString(),
        "--checkpoints",
        log.toString());
  }

  /** The offline verifier's check of the test database against a checkpoint log. */
  private static RogueOwner.Verdict databaseAgainst(Path log) {
    return RogueOwner.offlineVerifier(
        "--public-key",
        RogueOwner.publicKey().toString(),
        "--checkpoints",
        log.toString(),
        "--database",
        TestStack.property("test.db.url")
            + "?user="
            + TestStack.property("test.db.owner.user")
            + "&password="
            + TestStack.property("test.db.owner.password"));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        p.toFile().setWritable(true);
        Files.delete(p);
      }
    }
  }
}
