package com.batchtrace.db.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
}
