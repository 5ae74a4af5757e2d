package com.batchtrace.db.backup;

import com.batchtrace.db.Migrate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./batchtrace backup} and {@code ./batchtrace restore} run:
 *
 * <pre>
 * local-cluster --work DIR --port N [--seed-dump FILE]   the local installation's cluster, made once
 * backup  --config FILE --stanza S [--type full|diff|incr]
 * restore --config FILE --stanza S --to TIME --target DIR [--port N] [--over-live]
 * </pre>
 *
 * The stanza's configuration file is the one pgBackRest reads; on a plant's server that is
 * /etc/pgbackrest/pgbackrest.conf.
 */
public final class BackupCommand {

  private BackupCommand() {}

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
    if (args.length == 0) {
      usage("a command is needed");
    }
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        usage("unexpected " + args[i]);
      }
      boolean flag = args[i].equals("--over-live");
      o.put(args[i].substring(2), flag ? "true" : (i + 1 < args.length ? args[++i] : ""));
    }
    try {
      switch (args[0]) {
        case "local-cluster" -> localCluster(o);
        case "backup" -> backup(o);
        case "restore" -> restore(o);
        default -> usage("unknown command " + args[0]);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("batchtrace: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("batchtrace: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void usage(String problem) {
    System.err.println("batchtrace: " + problem);
    System.exit(2);
  }

  private static String required(Map<String, String> o, String name) {
    String v = o.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  /**
   * The local installation's cluster, with WAL archived by pgBackRest: made (and the Batchtrace
   * database migrated, filled from the seed dump if given) on first use, started if stopped.
   */
  static void localCluster(Map<String, String> o) throws IOException, SQLException {
    Path work = Path.of(required(o, "work")).toAbsolutePath();
    int port = Integer.parseInt(o.getOrDefault("port", "5544"));
    LocalCluster cluster = new LocalCluster(work.resolve("pg"), port, work.resolve("sock"));
    PgBackRest pgbackrest = new PgBackRest(work.resolve("pgbackrest.conf"), "batchtrace");
    if (Files.exists(cluster.dataDir.resolve("PG_VERSION"))) {
      if (!Files.exists(cluster.dataDir.resolve("postmaster.pid"))) {
        cluster.start();
      }
      System.out.println("local cluster " + cluster.dataDir + " runs on port " + port);
      return;
    }
    Files.createDirectories(work.resolve("repo"));
    Files.writeString(
        pgbackrest.config, PgBackRest.configuration("batchtrace", work.resolve("repo"), cluster));
    Command.giveToClusterUser(work);
    cluster.create(
        """
        wal_level = replica
        archive_mode = on
        archive_command = '%s'
        archive_timeout = 60
        track_commit_timestamp = on
        """
            .formatted(pgbackrest.archiveCommand()));
    cluster.start();
    String owner = System.getenv().getOrDefault("BATCHTRACE_DB_OWNER_PASSWORD", "");
    String app = System.getenv().getOrDefault("BATCHTRACE_DB_PASSWORD", "");
    try (Connection c = cluster.connect("postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE batchtrace_owner LOGIN PASSWORD '" + owner.replace("'", "''") + "'");
      s.execute(
          "CREATE ROLE batchtrace_app LOGIN NOINHERIT PASSWORD '" + app.replace("'", "''") + "'");
      s.execute("CREATE DATABASE batchtrace OWNER batchtrace_owner");
      s.execute("REVOKE ALL ON DATABASE batchtrace FROM PUBLIC");
      s.execute("GRANT CONNECT, TEMPORARY ON DATABASE batchtrace TO batchtrace_app");
    }
    String seed = o.get("seed-dump");
    if (seed != null && !seed.isBlank()) {
      Command.run(
          List.of(
              LocalCluster.bin().resolve("pg_restore").toString(),
              "--host=" + cluster.socketDir,
              "--port=" + port,
              "--username=postgres",
              "--dbname=batchtrace",
              "--exit-on-error",
              seed));
    }
    Migrate.migrate(cluster.jdbcUrl("batchtrace"), "batchtrace_owner", owner, "batchtrace_app");
    pgbackrest.stanzaCreate();
    System.out.println(
        "made the local cluster "
            + cluster.dataDir
            + " on port "
            + port
            + (seed == null ? "" : " with the records of " + seed)
            + "; WAL archived to "
            + work.resolve("repo"));
  }

  static void backup(Map<String, String> o) {
    PgBackRest pgbackrest = new PgBackRest(Path.of(required(o, "config")), required(o, "stanza"));
    String type = o.getOrDefault("type", "incr");
    if (!List.of("full", "diff", "incr").contains(type)) {
      throw new IllegalArgumentException("--type is full, diff or incr, not " + type);
    }
    pgbackrest.backup(type);
    System.out.print(pgbackrest.info());
  }

  static void restore(Map<String, String> o) throws IOException {
    PgBackRest pgbackrest = new PgBackRest(Path.of(required(o, "config")), required(o, "stanza"));
    String when = required(o, "to");
    OffsetDateTime to = "latest".equals(when) ? null : parseTime(when, ZoneId.systemDefault());
    Path target = Path.of(required(o, "target")).toAbsolutePath().normalize();
    boolean overLive = Boolean.parseBoolean(o.getOrDefault("over-live", "false"));
    Path live = pgbackrest.livePath();
    pgbackrest.restoreToTime(to, target, live, overLive);
    boolean isLive = target.equals(live);
    int port = Integer.parseInt(o.getOrDefault("port", "5545"));
    if (!isLive) {
      // A copy beside the live cluster: its own port, and it never archives into the live
      // cluster's repository.
      new LocalCluster(target, port, Path.of("/tmp")).appendSettings("archive_mode = off");
    }
    System.out.printf(
        "restored stanza %s as of %s into %s%n"
            + "start it with:%n  %s%s/pg_ctl -D %s -l %s.log start%n"
            + "it replays the archived WAL up to there, then opens for writes%s%n",
        pgbackrest.stanza,
        to == null ? "the end of the archived WAL" : to.toInstant(),
        target,
        Command.asRoot() ? "runuser -u postgres -- " : "",
        LocalCluster.bin(),
        target,
        target,
        isLive
            ? " as the live cluster"
            : " on port " + port + " (127.0.0.1 and the unix socket in /tmp)");
  }

  private static final DateTimeFormatter TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("yyyy-MM-dd[ ]['T']HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter();

  /** A time as an operator writes it; without an offset it is in the machine's zone. */
  static OffsetDateTime parseTime(String text, ZoneId zone) {
    try {
      var parsed = TIME.parse(text.trim());
      LocalDateTime local = LocalDateTime.from(parsed);
      return parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? local.atOffset(
              java.time.ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
          : local.atZone(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--to takes a time like \"2026-12-04 14:30:00\" (this machine's zone) or"
              + " \"2026-12-04T13:30:00Z\", not \""
              + text
              + "\"");
    }
  }

  /** Reads the stanza's pg1-path from its configuration file (a simple ini file). */
  static Path livePathOf(String configText, String stanza) {
    String section = null;
    Matcher m = Pattern.compile("^\\s*pg1-path\\s*=\\s*(.+?)\\s*$").matcher("");
    for (String line : configText.split("\\R")) {
      String t = line.trim();
      if (t.startsWith("[") && t.endsWith("]")) {
        section = t.substring(1, t.length() - 1);
      } else if (stanza.equals(section) && m.reset(line).matches()) {
        return Path.of(m.group(1)).toAbsolutePath().normalize();
      }
    }
    return null;
  }
}
