package com.batchtrace.db.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * pgBackRest on one stanza, with the configuration file that describes it (repository, retention,
 * the cluster's data directory and port). The same calls serve a plant's cluster (its own
 * /etc/pgbackrest/pgbackrest.conf) and the clusters the drill makes.
 */
final class PgBackRest {

  /** The time format pgBackRest hands to PostgreSQL's recovery_target_time. */
  static final DateTimeFormatter TARGET_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

  final Path config;
  final String stanza;

  PgBackRest(Path config, String stanza) {
    this.config = config.toAbsolutePath();
    this.stanza = stanza;
  }

  /**
   * The configuration of a stanza whose repository lives in {@code repo}: two full backups kept
   * (with the incremental backups and WAL that depend on them), compressed, started with an
   * immediate checkpoint.
   */
  static String configuration(String stanza, Path repo, LocalCluster cluster) {
    return """
        [global]
        repo1-path=%1$s
        repo1-retention-full=2
        compress-type=lz4
        start-fast=y
        archive-async=n
        log-path=%2$s/log
        lock-path=%2$s/lock
        log-level-console=warn
        log-level-file=info

        [%3$s]
        pg1-path=%4$s
        pg1-port=%5$d
        pg1-socket-path=%6$s
        pg1-user=postgres
        """
        .formatted(
            repo, repo.getParent(), stanza, cluster.dataDir, cluster.port, cluster.socketDir);
  }

  /** The data directory of the stanza's cluster (pg1-path), which a restore never overwrites. */
  Path livePath() throws IOException {
    return BackupCommand.livePathOf(Files.readString(config), stanza);
  }

  /** The archive_command that pushes each finished WAL segment into the repository. */
  String archiveCommand() {
    return "pgbackrest --config=" + config + " --stanza=" + stanza + " archive-push %p";
  }

  void stanzaCreate() {
    run("stanza-create");
    run("check");
  }

  /** A backup now: "full", "diff" or "incr" (pgBackRest makes a full one if none exists yet). */
  void backup(String type) {
    run("backup", "--type=" + type);
  }

  /** What the repository holds, as pgBackRest reports it. */
  String info() {
    return run("info");
  }

  /**
   * Restores the stanza as it was at {@code time} (null: the end of the archived WAL) into {@code
   * target}, a new data directory; the restored cluster ends recovery there and becomes a primary
   * of its own. Refuses the live cluster's data directory and any directory that is not empty: a
   * restore never writes over a cluster unless the operator says so ({@code overLive}, with the
   * live cluster stopped).
   */
  void restoreToTime(OffsetDateTime time, Path target, Path liveDataDir, boolean overLive)
      throws IOException {
    Path to = target.toAbsolutePath().normalize();
    boolean live = liveDataDir != null && to.equals(liveDataDir.toAbsolutePath().normalize());
    if (live && !overLive) {
      throw new IllegalArgumentException(
          to
              + " is the live cluster's data directory: restore into a new directory, or stop the"
              + " cluster and say --over-live");
    }
    if (!live && !isEmptyOrAbsent(to)) {
      throw new IllegalArgumentException(
          to + " is not empty: a restore goes into a new, empty data directory");
    }
    Files.createDirectories(to);
    Files.setPosixFilePermissions(
        to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Command.giveToClusterUser(to);
    List<String> args = new ArrayList<>();
    args.add("restore");
    args.add("--pg1-path=" + to);
    if (time != null) {
      args.add("--type=time");
      args.add("--target=" + time.withOffsetSameInstant(ZoneOffset.UTC).format(TARGET_TIME));
      args.add("--target-action=promote");
    }
    if (live) {
      args.add("--delta");
    }
    run(args.toArray(String[]::new));
  }

  static boolean isEmptyOrAbsent(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private String run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("pgbackrest");
    command.add("--config=" + config);
    command.add("--stanza=" + stanza);
    command.addAll(List.of(args));
    return Command.run(command);
  }
}
