package com.batchtrace.db.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The restore drill in small: the same class {@code ./batchtrace restore-drill} runs, with a few
 * transactions before and after the point T. Real clusters, real pgBackRest: a full and an
 * incremental backup, WAL archiving, a point-in-time restore into a separate cluster.
 */
@Tag("URS-048")
@Tag("URS-049")
class RestoreDrillIT {

  @Test
  void aPointInTimeRestoreBringsBackExactlyTheRecordsOfThatPointWithTheirChainsIntact()
      throws Exception {
    Path work = Path.of(System.getProperty("test.drill.dir", "target/restore-drill-it"));
    int port = Integer.getInteger("test.drill.port", 5548);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    RestoreDrill.Result result;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      Path verifier = Path.of(System.getProperty("test.verifier.jar"));
      result =
          new RestoreDrill(
                  new RestoreDrill.Options(work, port, 8, 3, null, false, verifier, null), out)
              .run();
    }
    String report = printed.toString(StandardCharsets.UTF_8);
    System.out.println(report);

    assertEquals(
        List.of(
            "integrity",
            "signatures",
            "row counts",
            "chain heads",
            "nothing after T",
            "last transaction before T restored"),
        result.checks().stream().map(RestoreDrill.Check::name).toList());
    for (RestoreDrill.Check check : result.checks()) {
      assertTrue(check.passed(), check.name() + ": " + check.detail());
    }
    assertTrue(result.passed(), report);
    assertTrue(report.contains("RESTORE DRILL PASSED"), report);
    assertTrue(report.contains("RTO ") && report.contains("RPO "), report);
    assertTrue(result.rto().compareTo(Duration.ofSeconds(60)) < 0, "RTO " + result.rto());
    assertTrue(result.tables() > 20, "the whole Batchtrace schema is restored: " + result.tables());
  }

  /**
   * A copy restored from a backup that is not what the installation signed (here: another database
   * than the one whose checkpoints are given) fails the drill, named.
   */
  @Test
  @Tag("URS-049")
  void aRestoredCopyTheInstallationsSignedCheckpointsDoNotDescribeFailsTheDrill() throws Exception {
    Path base = Path.of(System.getProperty("test.drill.dir", "target/restore-drill-it"));
    int port = Integer.getInteger("test.drill.port", 5548);
    Path verifier = Path.of(System.getProperty("test.verifier.jar"));
    Path other = base.resolveSibling(base.getFileName() + "-other");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      // Another installation's database and its signed checkpoints, kept.
      new RestoreDrill(new RestoreDrill.Options(other, port, 4, 1, null, true, verifier, null), out)
          .run();
      RestoreDrill.Installation foreign =
          new RestoreDrill.Installation(
              other.resolve("checkpoints").resolve("log"),
              other.resolve("checkpoints").resolve("checkpoint-public-key.pem"),
              OffsetDateTime.now(ZoneOffset.UTC));
      RestoreDrill.Result result =
          new RestoreDrill(
                  new RestoreDrill.Options(base, port, 4, 1, null, false, verifier, foreign), out)
              .run();
      String report = printed.toString(StandardCharsets.UTF_8);
      RestoreDrill.Check installation =
          result.checks().stream()
              .filter(c -> c.name().equals("integrity against the installation's checkpoints"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(report));
      assertFalse(installation.passed(), report);
      assertTrue(installation.detail().contains("differs from signed checkpoint"), report);
      assertFalse(result.passed(), report);
      assertTrue(report.contains("RESTORE DRILL FAILED"), report);
    }
  }
}
