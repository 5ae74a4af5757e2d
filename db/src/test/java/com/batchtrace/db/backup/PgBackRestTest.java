package com.batchtrace.db.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore never writes over a cluster that is there, unless the operator says so. */
@Tag("URS-048")
class PgBackRestTest {

  private final PgBackRest pgbackrest = new PgBackRest(Path.of("pgbackrest.conf"), "batchtrace");

  @Test
  void aRestoreIntoTheLiveClustersDataDirectoryIsRefused(@TempDir Path dir) throws Exception {
    Path live = Files.createDirectories(dir.resolve("main"));
    Files.writeString(live.resolve("PG_VERSION"), "15\n");

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                pgbackrest.restoreToTime(
                    OffsetDateTime.now(), dir.resolve("main/../main"), live, false));
    assertTrue(refused.getMessage().contains("live cluster"), refused.getMessage());
    assertTrue(Files.exists(live.resolve("PG_VERSION")));
  }

  @Test
  void aRestoreIntoADirectoryThatIsNotEmptyIsRefused(@TempDir Path dir) throws Exception {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("keep.txt"), "someone's files\n");

    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                pgbackrest.restoreToTime(OffsetDateTime.now(), other, dir.resolve("main"), false));
    assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
  }

  @Test
  void theTargetTimeIsHandedToPostgresqlInUtcWithMicroseconds() {
    String target =
        OffsetDateTime.parse("2026-12-05T01:02:03.456789+01:00")
            .withOffsetSameInstant(java.time.ZoneOffset.UTC)
            .format(PgBackRest.TARGET_TIME);
    assertTrue(target.equals("2026-12-05 00:02:03.456789+00:00"), target);
    assertFalse(PgBackRest.configuration("s", Path.of("/r/repo"), cluster()).isBlank());
  }

  @Test
  void theLiveDataDirectoryIsTheStanzasOwnPg1PathNotAnotherStanzas() {
    String config =
        """
        [global]
        repo1-path=/var/lib/pgbackrest
        pg1-path=/not/this/one

        [reporting]
        pg1-path=/var/lib/postgresql/15/reporting

        [batchtrace]
        pg1-port=5432
        pg1-path = /var/lib/postgresql/15/main
        """;
    assertEquals(
        Path.of("/var/lib/postgresql/15/main"), BackupCommand.livePathOf(config, "batchtrace"));
  }

  @Test
  void aRestoreTimeWithoutOffsetIsInTheMachinesZoneAndOneWithOffsetIsKept() {
    assertEquals(
        Instant.parse("2026-12-04T13:30:00Z"),
        BackupCommand.parseTime("2026-12-04 14:30:00", ZoneId.of("Europe/Zurich")).toInstant());
    assertEquals(
        Instant.parse("2026-12-04T13:30:00.25Z"),
        BackupCommand.parseTime("2026-12-04T13:30:00.25Z", ZoneId.of("Europe/Zurich")).toInstant());
    assertThrows(
        IllegalArgumentException.class,
        () -> BackupCommand.parseTime("yesterday", ZoneId.of("Europe/Zurich")));
  }

  private static LocalCluster cluster() {
    return new LocalCluster(Path.of("/data/main"), 5432, Path.of("/run/postgresql"));
  }
}
