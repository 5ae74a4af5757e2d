package com.batchtrace.db.backup;

import com.batchtrace.db.Migrate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The restore drill: proves that a backup of a Batchtrace database can be restored to a point in
 * time with every record of that point intact and nothing of later.
 *
 * <ol>
 *   <li>A cluster of its own (initdb, WAL archived by pgBackRest), the Batchtrace schema from the
 *       migrations, and records written as the application role: revisions, audited equipment,
 *       signatures and security events, so the hash chains form as in production (or a dump of a
 *       populated Batchtrace database, such as the demo's).
 *   <li>A full backup, more records, an incremental backup, more records; then the point T: row
 *       counts of every table, the chain heads, every signature's content hash, and the last
 *       transaction committed before T.
 *   <li>More records after T, their WAL archived.
 *   <li>A point-in-time restore to T into a separate data directory, started on its own port (the
 *       restore's duration, to accepting writes, is the RTO).
 *   <li>The checks: the offline verifier finds the restored copy INTACT against the signed
 *       checkpoints taken up to T (the chain walk, and at every signed position the signed hash),
 *       and against the installation's own checkpoint log when one is given; it does not reach the
 *       checkpoint signed after T; every signature of T is there with the same validity, recomputed
 *       from its record where the drill can (its own records) and with the same content hash
 *       otherwise; every row count and chain head equals T's; the last transaction before T is
 *       restored (RPO).
 * </ol>
 *
 * <p>The drill's primary has no server to sign checkpoints, so the drill signs them as the server
 * does ({@link DrillCheckpoints}), with a key made for the run.
 */
public final class RestoreDrill {

  static final String DATABASE = "batchtrace";
  static final String OWNER = "batchtrace_owner";
  static final String APP = "batchtrace_app";
  static final String STANZA = "drill";

  /** What the drill runs on and how much it writes. */
  public record Options(
      Path workDir,
      int port,
      int rounds,
      int roundsAfterT,
      Path seedDump,
      boolean keep,
      Path verifierJar,
      Installation installation) {
    public Options {
      Objects.requireNonNull(workDir, "workDir");
      Objects.requireNonNull(verifierJar, "verifierJar");
      if (rounds < 4 || roundsAfterT < 1) {
        throw new IllegalArgumentException(
            "the drill needs at least 4 rounds before T and 1 after");
      }
    }
  }

  /**
   * The checkpoint log and public key of the installation the seed dump comes from, and when the
   * dump was taken: the restored copy is checked against the checkpoints signed before then.
   */
  public record Installation(Path checkpointLog, Path publicKey, OffsetDateTime dumpedAt) {}

  /** A database's records at one moment, as the drill compares them. */
  record State(
      Map<String, Long> rowCounts,
      Map<String, String> chainHeads,
      Map<Long, String> signatures,
      Map<Long, Boolean> recomputed,
      long lastCommitXid,
      OffsetDateTime lastCommitAt) {}

  /** One check of the drill, printed with its outcome. */
  public record Check(String name, boolean passed, String detail) {}

  /** The drill's outcome: its checks, the point T, the recovery time and the data loss window. */
  public record Result(
      List<Check> checks, OffsetDateTime pointT, Duration rto, Duration rpo, int tables) {
    public boolean passed() {
      return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
  }

  private final Options options;
  private final PrintStream out;
  private final String ownerPassword = "drill-owner-" + Long.toHexString(System.nanoTime());
  private final String appPassword = "drill-app-" + Long.toHexString(System.nanoTime());

  public RestoreDrill(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    // The migrations' own progress would drown the drill's report.
    System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("restore-drill: " + e.getMessage());
      System.err.println(
          "usage: RestoreDrill --work <dir> --verifier <batchtrace-verify.jar> [--port 5546]"
              + " [--rounds 400] [--after 40] [--seed-dump <pg_dump -Fc file>"
              + " [--checkpoints <log dir> --public-key <pem> --dumped-at <time>]] [--keep]");
      System.exit(2);
      return;
    }
    try {
      Result result = new RestoreDrill(options, System.out).run();
      System.exit(result.passed() ? 0 : 1);
    } catch (Exception e) {
      System.err.println("RESTORE DRILL FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  static Options parse(String[] args) {
    Path work = null;
    Path seed = null;
    int port = 5546;
    int rounds = 400;
    int after = 40;
    boolean keep = false;
    Path verifier = null;
    Path checkpoints = null;
    Path publicKey = null;
    OffsetDateTime dumpedAt = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--work" -> work = Path.of(value(args, ++i));
        case "--port" -> port = Integer.parseInt(value(args, ++i));
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--after" -> after = Integer.parseInt(value(args, ++i));
        case "--seed-dump" -> seed = Path.of(value(args, ++i));
        case "--keep" -> keep = true;
        case "--verifier" -> verifier = Path.of(value(args, ++i));
        case "--checkpoints" -> checkpoints = Path.of(value(args, ++i));
        case "--public-key" -> publicKey = Path.of(value(args, ++i));
        case "--dumped-at" -> dumpedAt = OffsetDateTime.parse(value(args, ++i));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (work == null || verifier == null) {
      throw new IllegalArgumentException("--work <dir> and --verifier <jar> are required");
    }
    Installation installation = null;
    if (checkpoints != null || publicKey != null || dumpedAt != null) {
      if (checkpoints == null || publicKey == null || dumpedAt == null || seed == null) {
        throw new IllegalArgumentException(
            "--checkpoints, --public-key and --dumped-at go together, with --seed-dump");
      }
      installation = new Installation(checkpoints, publicKey, dumpedAt);
    }
    return new Options(work, port, rounds, after, seed, keep, verifier, installation);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  public Result run() throws IOException, SQLException, InterruptedException {
    Path work = options.workDir().toAbsolutePath();
    clean(work);
    Files.createDirectories(work);
    Files.writeString(work.resolve(".batchtrace-restore-drill"), "restore drill work directory\n");
    Path sockets = work.resolve("sock");
    LocalCluster primary = new LocalCluster(work.resolve("primary"), options.port(), sockets);
    LocalCluster restored = new LocalCluster(work.resolve("restored"), options.port() + 1, sockets);
    PgBackRest pgbackrest = new PgBackRest(work.resolve("pgbackrest.conf"), STANZA);
    Files.writeString(
        pgbackrest.config, PgBackRest.configuration(STANZA, work.resolve("repo"), primary));
    Files.createDirectories(work.resolve("repo"));
    Files.createDirectories(work.resolve("log"));
    Files.createDirectories(work.resolve("lock"));
    if (options.seedDump() != null) {
      Files.copy(options.seedDump(), work.resolve("seed.dump"));
    }
    Command.giveToClusterUser(work);
    DrillCheckpoints checkpoints;
    try {
      checkpoints = new DrillCheckpoints(work.resolve("checkpoints"));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("no Ed25519 key for the drill's checkpoints: " + e, e);
    }
    try (primary;
        restored) {
      out.printf("restore drill in %s%n", work);
      primary.create(
          """
          wal_level = replica
          archive_mode = on
          archive_command = '%s'
          archive_timeout = 60
          track_commit_timestamp = on
          max_wal_senders = 3
          """
              .formatted(pgbackrest.archiveCommand()));
      primary.start();
      createDatabase(primary);
      pgbackrest.stanzaCreate();
      int first = options.rounds() / 2;
      int second = options.rounds() - first;
      int written = write(primary, 0, first);
      checkpoint(primary, checkpoints, "before the full backup");
      out.printf(
          "  primary cluster on port %d, WAL archived by pgBackRest: Batchtrace schema%s,"
              + " %d transactions before the full backup%n",
          primary.port,
          options.seedDump() == null ? "" : " with the records of " + options.seedDump(),
          written);
      long started = System.nanoTime();
      pgbackrest.backup("full");
      out.printf("  full backup in %s%n", seconds(Duration.ofNanos(System.nanoTime() - started)));
      write(primary, first, second / 2);
      started = System.nanoTime();
      pgbackrest.backup("incr");
      out.printf(
          "  incremental backup in %s%n", seconds(Duration.ofNanos(System.nanoTime() - started)));
      checkpoint(primary, checkpoints, "after the incremental backup");
      write(primary, first + second / 2, second - second / 2);

      // The point T: nothing writes between reading the state, signing the checkpoint of T and
      // reading the clock.
      State atT = state(primary);
      checkpoint(primary, checkpoints, "at T");
      OffsetDateTime pointT = now(primary);
      out.printf(
          "  point T %s: %d rows in %d tables, chain heads %s, %d signatures%n",
          pointT,
          atT.rowCounts().values().stream().mapToLong(Long::longValue).sum(),
          atT.rowCounts().size(),
          atT.chainHeads(),
          atT.signatures().size());
      // Commits after T get later timestamps than T, so a restore to T keeps none of them.
      Thread.sleep(20);
      write(primary, options.rounds(), options.roundsAfterT());
      State end = state(primary);
      checkpoint(primary, checkpoints, "after T");
      // pgBackRest's check switches to a new WAL segment and waits until it is archived.
      pgbackrest.stanzaCreate();
      out.printf(
          "  after T: %d more transactions, WAL archived; chain heads now %s%n",
          options.roundsAfterT(), end.chainHeads());
      primary.stop();

      started = System.nanoTime();
      pgbackrest.restoreToTime(pointT, restored.dataDir, primary.dataDir, false);
      Duration restoreOnly = Duration.ofNanos(System.nanoTime() - started);
      // The restored copy is a separate cluster: its own port, and it archives nowhere.
      restored.appendSettings("archive_mode = off\nautovacuum = off");
      restored.start();
      awaitPromotion(restored);
      Duration rto = Duration.ofNanos(System.nanoTime() - started);
      out.printf(
          "  restored to T into %s (port %d) in %s (restore %s, recovery and start %s)%n",
          restored.dataDir,
          restored.port,
          seconds(rto),
          seconds(restoreOnly),
          seconds(rto.minus(restoreOnly)));

      State back = state(restored);
      List<Check> checks = new ArrayList<>();
      checks.add(integrity(restored, checkpoints, pointT));
      if (options.installation() != null) {
        checks.add(installationIntegrity(restored, options.installation()));
      }
      checks.add(signatures(atT, back));
      checks.add(rowCounts(atT, back));
      checks.add(
          new Check(
              "chain heads",
              atT.chainHeads().equals(back.chainHeads()),
              "at T " + atT.chainHeads() + ", restored " + back.chainHeads()));
      checks.add(nothingAfterT(restored, checkpoints, end, back));
      boolean lastRestored =
          back.lastCommitXid() == atT.lastCommitXid()
              && Objects.equals(back.lastCommitAt(), atT.lastCommitAt());
      checks.add(
          new Check(
              "last transaction before T restored",
              lastRestored,
              "transaction "
                  + atT.lastCommitXid()
                  + " committed "
                  + atT.lastCommitAt()
                  + "; restored: "
                  + back.lastCommitXid()
                  + " "
                  + back.lastCommitAt()));
      Duration rpo =
          back.lastCommitAt() == null
              ? Duration.ZERO
              : Duration.between(back.lastCommitAt(), pointT).abs();
      Result result = new Result(checks, pointT, rto, rpo, atT.rowCounts().size());
      report(result);
      return result;
    } finally {
      if (!options.keep()) {
        clean(work);
      }
    }
  }

  private void report(Result result) {
    for (Check check : result.checks()) {
      out.printf("  [%s] %s: %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
    }
    out.printf(
        "  RTO %s (restore to T, recovery, ready for writes)%n"
            + "  RPO %s (T minus the last transaction restored; 0 transactions before T lost)%n",
        seconds(result.rto()), millis(result.rpo()));
    out.println(result.passed() ? "RESTORE DRILL PASSED" : "RESTORE DRILL FAILED");
  }

  private void createDatabase(LocalCluster cluster) throws SQLException {
    try (Connection c = cluster.connect("postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + ownerPassword + "'");
      s.execute("CREATE ROLE " + APP + " LOGIN NOINHERIT PASSWORD '" + appPassword + "'");
      s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
      s.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
      s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP);
    }
    if (options.seedDump() != null) {
      Command.run(
          List.of(
              LocalCluster.bin().resolve("pg_restore").toString(),
              "--host=" + cluster.socketDir,
              "--port=" + cluster.port,
              "--username=postgres",
              "--dbname=" + DATABASE,
              "--exit-on-error",
              options.workDir().toAbsolutePath().resolve("seed.dump").toString()));
    }
    Migrate.migrate(cluster.jdbcUrl(DATABASE), OWNER, ownerPassword, APP);
  }

  /**
   * Writes {@code count} transactions as the application role, each one audited change as the
   * application makes it: a revision, a new line and its audit row, a signature of it and a
   * security event. The chain triggers link every row.
   */
  private int write(LocalCluster cluster, int from, int count) throws SQLException {
    try (Connection c = cluster.connect(DATABASE + "?currentSchema=batchtrace", APP, appPassword)) {
      c.setAutoCommit(false);
      for (int i = from; i < from + count; i++) {
        long revision = next(c, "audit_revision_seq");
        long equipment = next(c, "equipment_seq");
        String code = "drill-line-" + i;
        String name = "Drill line " + i;
        insert(
            c,
            "INSERT INTO audit_revision (id, revision_time, user_id, user_name, reason,"
                + " client_address) VALUES (?, clock_timestamp(), 'drill', 'Restore Drill', ?,"
                + " '127.0.0.1')",
            revision,
            "restore drill round " + i);
        insert(
            c,
            "INSERT INTO equipment (id, parent_id, level, code, name, uns_path, active, version)"
                + " VALUES (?, NULL, 'LINE', ?, ?, ?, true, 0)",
            equipment,
            code,
            name,
            "drill/" + code);
        insert(
            c,
            "INSERT INTO equipment_aud (id, rev, revtype, level, code, name, uns_path, active)"
                + " VALUES (?, ?, 0, 'LINE', ?, ?, ?, true)",
            equipment,
            revision,
            code,
            name,
            "drill/" + code);
        insert(
            c,
            "INSERT INTO electronic_signature (id, signed_at, signer_id, signer_name, meaning,"
                + " reason, record_type, record_id, content_sha256, client_address) VALUES (?,"
                + " clock_timestamp(), 'drill', 'Restore Drill', 'APPROVED', 'restore drill',"
                + " 'equipment', ?, ?, '127.0.0.1')",
            next(c, "electronic_signature_seq"),
            Long.toString(equipment),
            sha256(code + "/" + name));
        insert(
            c,
            "INSERT INTO security_event (id, occurred_at, kind, user_id, user_name,"
                + " client_address, detail) VALUES (?, clock_timestamp(), 'EXPORT', 'drill',"
                + " 'Restore Drill', '127.0.0.1', ?)",
            next(c, "security_event_seq"),
            "restore drill round " + i);
        c.commit();
      }
    }
    return count;
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setObject(i + 1, values[i]);
      }
      p.executeUpdate();
    }
  }

  private static long next(Connection c, String sequence) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT nextval('" + sequence + "')")) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * Row counts of every table of the schema, chain heads, signatures, last commit: one snapshot.
   */
  private State state(LocalCluster cluster) throws SQLException {
    try (Connection c = cluster.connect(DATABASE, "postgres", "")) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Map<String, Long> counts = new TreeMap<>();
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                      + " WHERE n.nspname = 'batchtrace' AND c.relkind = 'r' ORDER BY 1")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT count(*) FROM batchtrace.\"" + table.replace("\"", "") + "\"")) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
      Map<String, String> heads = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT chain, position, encode(sha256, 'hex') FROM batchtrace.audit_chain_head")) {
        while (r.next()) {
          heads.put(r.getString(1), r.getLong(2) + ":" + r.getString(3).substring(0, 12));
        }
      }
      Map<Long, String> signatures = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("SELECT id, content_sha256 FROM batchtrace.electronic_signature")) {
        while (r.next()) {
          signatures.put(r.getLong(1), r.getString(2));
        }
      }
      // The drill's own signed records: validity recomputed from the record as it is now.
      Map<Long, Boolean> recomputed = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT s.id, s.content_sha256, e.code, e.name"
                      + " FROM batchtrace.electronic_signature s"
                      + " LEFT JOIN batchtrace.equipment e ON e.id::text = s.record_id"
                      + " WHERE s.signer_id = 'drill' AND s.record_type = 'equipment'")) {
        while (r.next()) {
          recomputed.put(
              r.getLong(1),
              r.getString(3) != null
                  && r.getString(2).equals(sha256(r.getString(3) + "/" + r.getString(4))));
        }
      }
      long xid = 0;
      OffsetDateTime at = null;
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery("SELECT xid::text::bigint, timestamp FROM pg_last_committed_xact()")) {
        if (r.next()) {
          xid = r.getLong(1);
          at = r.getObject(2, OffsetDateTime.class);
        }
      }
      c.commit();
      return new State(counts, heads, signatures, recomputed, xid, at);
    }
  }

  private static OffsetDateTime now(LocalCluster cluster) throws SQLException {
    try (Connection c = cluster.connect("postgres", "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT clock_timestamp()")) {
      r.next();
      return r.getObject(1, OffsetDateTime.class);
    }
  }

  /** Signs a checkpoint of the primary as the application role, as the server would. */
  private void checkpoint(LocalCluster cluster, DrillCheckpoints checkpoints, String reason)
      throws SQLException, IOException {
    try (Connection c = cluster.connect(DATABASE, APP, appPassword)) {
      checkpoints.take(c, reason);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the drill could not sign its checkpoint: " + e, e);
    }
  }

  /**
   * The restored copy against the checkpoints signed up to T, by the offline verifier: the chain
   * walk, and at every signed position the signed hash and at least the rows counted.
   */
  private Check integrity(LocalCluster restored, DrillCheckpoints checkpoints, OffsetDateTime t)
      throws SQLException {
    long links;
    try (Connection c = restored.connect(DATABASE, "postgres", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM batchtrace.audit_chain")) {
      r.next();
      links = r.getLong(1);
    }
    Verdict v = verifier(restored, checkpoints.log(), checkpoints.publicKey(), t);
    boolean intact =
        v.exitCode() == 0 && v.output().contains("INTACT against the signed checkpoints");
    return new Check(
        "integrity",
        intact && links > 0,
        intact
            ? links
                + " links; the offline verifier walked every chain and found the restored copy"
                + " INTACT against the "
                + (checkpoints.count() - 1)
                + " signed checkpoints taken up to T"
            : "the offline verifier did not find the restored copy intact:\n" + v.output());
  }

  /** The restored copy against the installation's own signed checkpoints, up to the dump. */
  private Check installationIntegrity(LocalCluster restored, Installation installation) {
    Verdict v =
        verifier(
            restored,
            installation.checkpointLog(),
            installation.publicKey(),
            installation.dumpedAt());
    boolean intact =
        v.exitCode() == 0 && v.output().contains("INTACT against the signed checkpoints");
    return new Check(
        "integrity against the installation's checkpoints",
        intact,
        intact
            ? "INTACT against the checkpoints the server signed (log "
                + installation.checkpointLog()
                + ") up to the copy's dump at "
                + installation.dumpedAt()
            : "the offline verifier did not find the restored copy intact against "
                + installation.checkpointLog()
                + ":\n"
                + v.output());
  }

  /**
   * Nothing written after T came back: the chain heads are not those the primary reached, and the
   * checkpoint signed after T finds links the restored copy does not hold.
   */
  private Check nothingAfterT(
      LocalCluster restored, DrillCheckpoints checkpoints, State end, State back) {
    Verdict v = verifier(restored, checkpoints.log(), checkpoints.publicKey(), null);
    boolean beyond =
        v.exitCode() == 1
            && v.output().contains("signed checkpoint " + checkpoints.count() + " (")
            && v.output().contains("links were removed");
    return new Check(
        "nothing after T",
        beyond && !end.chainHeads().equals(back.chainHeads()),
        "the primary went on to "
            + end.chainHeads()
            + "; the restored copy did not"
            + (beyond
                ? ", and lacks the links the checkpoint signed after T recorded"
                : "; yet the checkpoint signed after T was not reported beyond it:\n"
                    + v.output()));
  }

  /** What the offline verifier printed and its exit code. */
  record Verdict(int exitCode, String output) {}

  /** Runs the offline verifier on the restored copy, as an auditor would. */
  private Verdict verifier(LocalCluster restored, Path log, Path publicKey, OffsetDateTime asOf) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                options.verifierJar().toAbsolutePath().toString(),
                "--public-key",
                publicKey.toString(),
                "--checkpoints",
                log.toString(),
                "--database",
                restored.jdbcUrl(DATABASE) + "?user=postgres"));
    if (asOf != null) {
      command.addAll(List.of("--as-of", asOf.toInstant().toString()));
    }
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Verdict(process.waitFor(), output);
    } catch (IOException e) {
      return new Verdict(-1, "the offline verifier could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Verdict(-1, "interrupted while the offline verifier ran");
    }
  }

  private static Check signatures(State atT, State back) {
    long unchanged =
        atT.signatures().entrySet().stream()
            .filter(e -> e.getValue().equals(back.signatures().get(e.getKey())))
            .count();
    long extra =
        back.signatures().keySet().stream().filter(k -> !atT.signatures().containsKey(k)).count();
    long recomputed = atT.recomputed().size();
    long sameValidity =
        atT.recomputed().entrySet().stream()
            .filter(e -> e.getValue().equals(back.recomputed().get(e.getKey())))
            .count();
    long valid = back.recomputed().values().stream().filter(Boolean::booleanValue).count();
    return new Check(
        "signatures",
        unchanged == atT.signatures().size()
            && extra == 0
            && unchanged > 0
            && recomputed > 0
            && sameValidity == recomputed
            && back.recomputed().keySet().equals(atT.recomputed().keySet()),
        unchanged
            + " of "
            + atT.signatures().size()
            + " signatures of T with their content hash unchanged, "
            + extra
            + " not of T; validity recomputed from the signed record for "
            + recomputed
            + " (the drill's records): "
            + sameValidity
            + " as at T, "
            + valid
            + " VALID restored (the others' records are checked by the server's signature"
            + " register once it runs on the copy)");
  }

  private static Check rowCounts(State atT, State back) {
    List<String> differ = new ArrayList<>();
    for (String table : atT.rowCounts().keySet()) {
      Long restored = back.rowCounts().get(table);
      if (!atT.rowCounts().get(table).equals(restored)) {
        differ.add(table + " " + atT.rowCounts().get(table) + " at T, " + restored + " restored");
      }
    }
    return new Check(
        "row counts",
        differ.isEmpty() && atT.rowCounts().keySet().equals(back.rowCounts().keySet()),
        differ.isEmpty()
            ? atT.rowCounts().size() + " tables, each with the row count of T"
            : String.join("; ", differ));
  }

  /** Waits until the restored cluster has replayed to T and left recovery. */
  private static void awaitPromotion(LocalCluster cluster)
      throws SQLException, InterruptedException {
    for (int i = 0; i < 6000; i++) {
      try (Connection c = cluster.connect("postgres", "postgres", "");
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
        r.next();
        if (!r.getBoolean(1)) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the restored cluster did not finish recovery in 5 minutes");
  }

  /** Removes a work directory the drill made before (it carries the drill's marker file). */
  private static void clean(Path work) throws IOException {
    if (!Files.exists(work)) {
      return;
    }
    if (!Files.exists(work.resolve(".batchtrace-restore-drill"))
        && !PgBackRest.isEmptyOrAbsent(work)) {
      throw new IllegalArgumentException(
          work + " exists and is not a restore drill's work directory: choose another --work");
    }
    for (String cluster : List.of("primary", "restored")) {
      if (Files.exists(work.resolve(cluster).resolve("postmaster.pid"))) {
        new LocalCluster(work.resolve(cluster), 0, work.resolve("sock")).close();
      }
    }
    try (Stream<Path> paths = Files.walk(work)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
