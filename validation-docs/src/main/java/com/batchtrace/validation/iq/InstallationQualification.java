package com.batchtrace.validation.iq;

import com.batchtrace.validation.ValidationPackageGenerator;
import com.batchtrace.validation.iq.IqChecks.AppliedMigration;
import com.batchtrace.validation.iq.IqChecks.ChainFinding;
import com.batchtrace.validation.iq.IqChecks.Endpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The installation qualification (protocol {@code IQ.md}): checks an installed Batchtrace from the
 * outside, as a technician would, against the release manifest of the release it should be; prints
 * PASS or FAIL per check, writes a dated record, has the executing QA person sign it into the
 * database through the application's signature service, and (from a source checkout) builds the
 * validation package again with it.
 *
 * <pre>
 * java -jar batchtrace-iq.jar --manifest release-manifest.properties [--output DIR] [--root REPO]
 * </pre>
 *
 * <p>It reads the server's own settings from the environment (README, "Production"). The checks
 * only read, except that when no signed checkpoint exists yet it has the server sign one (as the
 * integrity page does), and that it writes the signed record.
 */
public final class InstallationQualification {

  /** Tables whose rows the runtime role may never change, not even one column. */
  static final List<String> APPEND_ONLY_TABLES =
      List.of(
          "audit_revision",
          "electronic_signature",
          "security_event",
          "audit_chain",
          "audit_chain_head",
          "audit_chain_member",
          "installation_qualification");

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String OWNER_PASSWORD = "BATCHTRACE_DB_OWNER_PASSWORD";

  private final ReleaseManifest manifest;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final String dbPassword;
  private final String mqttPassword;
  private final String keycloakAdminPassword;
  private final String clientSecret;
  private final String mqttCaFile;
  private final QaSigner signer;
  private final List<IqCheck> checks = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** What later checks and the record need from earlier ones. */
  private String earSha256;

  private String schemaVersion = "unknown";
  private Map<String, String> serverEnvironment;
  private String qaToken;

  InstallationQualification(ReleaseManifest manifest, Map<String, String> env, QaSigner signer) {
    this.manifest = manifest;
    this.signer = signer;
    settings.put("Release", manifest.releaseVersion() + " (commit " + manifest.commit() + ")");
    settings.put(
        "BATCHTRACE_APP_URL",
        env.getOrDefault("BATCHTRACE_APP_URL", "http://localhost:8080/batchtrace"));
    settings.put(
        "BATCHTRACE_DB_URL",
        env.getOrDefault("BATCHTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/batchtrace"));
    settings.put("BATCHTRACE_DB_USER", env.getOrDefault("BATCHTRACE_DB_USER", "batchtrace_app"));
    settings.put(
        "BATCHTRACE_DB_OWNER_USER",
        env.getOrDefault("BATCHTRACE_DB_OWNER_USER", "batchtrace_owner"));
    settings.put("BATCHTRACE_DB_SCHEMA", env.getOrDefault("BATCHTRACE_DB_SCHEMA", "batchtrace"));
    settings.put(
        "BATCHTRACE_OIDC_PROVIDER_URL",
        env.getOrDefault("BATCHTRACE_OIDC_PROVIDER_URL", "http://localhost:8180/realms/plant"));
    settings.put(
        "BATCHTRACE_MQTT_URL", env.getOrDefault("BATCHTRACE_MQTT_URL", "tcp://127.0.0.1:1886"));
    settings.put(
        "BATCHTRACE_MQTT_USERNAME",
        env.getOrDefault("BATCHTRACE_MQTT_USERNAME", "batchtrace-collector"));
    settings.put("BATCHTRACE_NTP_SERVER", env.getOrDefault("BATCHTRACE_NTP_SERVER", ""));
    settings.put("WILDFLY_HOME", env.getOrDefault("WILDFLY_HOME", ".stack/wildfly-run"));
    settings.put("KC_ADMIN_USER", env.getOrDefault("KC_ADMIN_USER", "admin"));
    dbPassword = env.getOrDefault("BATCHTRACE_DB_PASSWORD", "");
    // Kept out of the settings, which the IQ record lists.
    mqttPassword = env.getOrDefault("BATCHTRACE_MQTT_PASSWORD", "");
    keycloakAdminPassword = env.getOrDefault("KC_ADMIN_PASSWORD", "");
    clientSecret = env.getOrDefault("BATCHTRACE_OIDC_CLIENT_SECRET", "");
    mqttCaFile = env.getOrDefault("BATCHTRACE_MQTT_CA_FILE", "");
  }

  /**
   * Runs the IQ: {@code --manifest FILE} (required), {@code --output DIR} (where the record goes;
   * default the current folder), {@code --root REPO} (a source checkout: the validation package is
   * built again with the record).
   */
  public static void main(String[] args) throws IOException {
    Path manifestFile = null;
    Path output = Path.of(".");
    Path root = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--manifest" -> manifestFile = Path.of(value);
        case "--output" -> output = Path.of(value);
        case "--root" -> root = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "Usage: java -jar batchtrace-iq.jar --manifest release-manifest.properties"
                    + " [--output DIR] [--root REPO]; not understood: "
                    + args[i]);
      }
      i++;
    }
    if (manifestFile == null) {
      System.err.println(
          "Usage: java -jar batchtrace-iq.jar --manifest release-manifest.properties"
              + " [--output DIR] [--root REPO]");
      System.exit(2);
    }
    ReleaseManifest manifest = ReleaseManifest.read(manifestFile);
    QaSigner signer = QaSigner.fromConsole(System.getenv());
    InstallationQualification iq = new InstallationQualification(manifest, System.getenv(), signer);
    List<IqCheck> checks = iq.run();
    checks.forEach(check -> System.out.println(check.line()));
    long failed = checks.stream().filter(c -> !c.passed()).count();
    Instant now = Instant.now();
    Path folder =
        root == null
            ? output.toAbsolutePath().normalize()
            : root.resolve("validation-docs/target")
                .resolve(ValidationPackageGenerator.PACKAGE_FOLDER);
    Files.createDirectories(folder);
    String host = hostName();
    String executor = signer.username().orElse(System.getProperty("user.name"));
    String record = IqRecord.render(now, executor, host, iq.settings, checks, manifest);
    Optional<String> signed = iq.sign(now, host, record, checks);
    record = record + IqRecord.signatureLine(signed);
    Path file = folder.resolve(IqRecord.fileName(now));
    Files.writeString(file, record, StandardCharsets.UTF_8);
    System.out.println(
        (failed == 0 ? "IQ PASSED: " : "IQ FAILED: ")
            + checks.size()
            + " checks: "
            + (checks.size() - failed)
            + " passed, "
            + failed
            + " failed; record: "
            + file
            + "; "
            + signed.map(s -> "signed into the database: " + s).orElse("NOT SIGNED"));
    if (root != null) {
      try {
        ValidationPackageGenerator.generate(
            root, root.resolve("validation-docs/target"), manifest.releaseVersion(), now);
        System.out.println("Validation package with this record: " + folder.resolve("index.html"));
      } catch (RuntimeException | IOException e) {
        System.out.println("The validation package could not be built again: " + e.getMessage());
      }
    }
    System.exit(failed == 0 && signed.isPresent() ? 0 : 1);
  }

  /** Every check of IQ.md, in its order. */
  List<IqCheck> run() {
    checkJava();
    checkWildFly();
    checkDeployment();
    checkApplicationAnswers();
    checkDatabase();
    checkOidc();
    checkKeycloak();
    checkMqtt();
    checkSecurityHeaders();
    checkApiRefusesAnonymous();
    checkServerHoldsNoOwnerPassword();
    checkChains();
    checkTls();
    checkClock();
    checkDemoSecrets();
    checks.sort(java.util.Comparator.comparing(IqCheck::id));
    return List.copyOf(checks);
  }

  /**
   * The QA person signs the record into the database ("performed"), through the application's API
   * and signature service. Empty when they gave no credentials or the application refused.
   */
  private Optional<String> sign(Instant at, String host, String record, List<IqCheck> done) {
    if (signer.username().isEmpty()) {
      System.out.println(
          "No QA user id given (BATCHTRACE_IQ_USER or the prompt): the record is NOT signed and"
              + " is no IQ evidence.");
      return Optional.empty();
    }
    if (qaToken == null) {
      System.out.println("The QA person could not sign in: the record is NOT signed.");
      return Optional.empty();
    }
    JsonObject body =
        Json.createObjectBuilder()
            .add("executedAt", at.toString())
            .add("host", host)
            .add("releaseVersion", manifest.releaseVersion())
            .add("earSha256", earSha256 == null ? manifest.earSha256() : earSha256)
            .add("schemaVersion", schemaVersion.matches("[0-9.]+") ? schemaVersion : "0")
            .add("checksTotal", done.size())
            .add("checksFailed", (int) done.stream().filter(c -> !c.passed()).count())
            .add("record", record)
            .add(
                "signature",
                Json.createObjectBuilder()
                    .add("username", signer.username().get())
                    .add("password", signer.password())
                    .add("reason", "Installation qualification executed on " + host))
            .build();
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          settings.get("BATCHTRACE_APP_URL")
                              + "/api/v1/installation-qualifications"))
                  .timeout(Duration.ofSeconds(60))
                  .header("Authorization", "Bearer " + qaToken)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        System.out.println(
            "The application refused the record (HTTP "
                + answer.statusCode()
                + "): "
                + answer.body());
        return Optional.empty();
      }
      JsonObject saved = json(answer.body()).asJsonObject();
      JsonObject signature = saved.getJsonArray("signatures").getJsonObject(0);
      return Optional.of(
          "IQ record "
              + saved.getJsonNumber("id")
              + ", "
              + signature.getString("meaning").toLowerCase(java.util.Locale.ROOT)
              + " by "
              + signature.getString("signerName", signature.getString("signerId"))
              + " at "
              + signature.getString("signedAt")
              + ", record SHA-256 "
              + saved.getString("recordSha256"));
    } catch (IOException | RuntimeException e) {
      System.out.println("The record could not be signed: " + e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * IQ-18: the running WildFly of WILDFLY_HOME (its java process, found by {@code
   * -Djboss.home.dir}) has no owner password in its environment, read from /proc/PID/environ.
   */
  private void checkServerHoldsNoOwnerPassword() {
    String expected = "no " + OWNER_PASSWORD + " in the environment of the running WildFly";
    try {
      Path home = Path.of(settings.get("WILDFLY_HOME")).toRealPath();
      List<Long> servers = WildFlyProcess.of(home);
      if (servers.isEmpty()) {
        add("IQ-18", "Server holds no owner password", expected, "no WildFly of " + home, false);
        return;
      }
      List<String> holding = new ArrayList<>();
      for (long pid : servers) {
        if (WildFlyProcess.environment(pid).containsKey(OWNER_PASSWORD)) {
          holding.add("pid " + pid);
        }
      }
      add(
          "IQ-18",
          "Server holds no owner password",
          expected,
          holding.isEmpty()
              ? "WildFly pid " + servers + ": not in its environment"
              : "IN the environment of " + String.join(", ", holding),
          holding.isEmpty());
    } catch (IOException | RuntimeException e) {
      failed("IQ-18", "Server holds no owner password", expected, e);
    }
  }

  private void add(String id, String name, String expected, String actual, boolean passed) {
    checks.add(new IqCheck(id, name, expected, actual, passed));
  }

  private void failed(String id, String name, String expected, Exception e) {
    add(id, name, expected, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
  }

  /** IQ-01: the Java the server runs (its JDK's release file), the qualified feature release. */
  private void checkJava() {
    String found = null;
    try {
      for (long pid : wildFlyPids()) {
        Path java = Path.of("/proc", String.valueOf(pid), "exe").toRealPath();
        Path release = java.getParent().getParent().resolve("release");
        if (Files.isRegularFile(release)) {
          Properties p = new Properties();
          try (var in = Files.newBufferedReader(release)) {
            p.load(in);
          }
          found = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        }
      }
    } catch (IOException | RuntimeException e) {
      found = null;
    }
    checks.add(IqChecks.java(manifest.version("java"), found));
  }

  private List<Long> wildFlyPids() throws IOException {
    return WildFlyProcess.of(Path.of(settings.get("WILDFLY_HOME")).toRealPath());
  }

  private void checkWildFly() {
    String expected = manifest.version("wildfly");
    Path product =
        Path.of(
            settings.get("WILDFLY_HOME"), "modules/system/layers/base/org/jboss/as/product/main");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(product, "*.jar")) {
      String found = null;
      for (Path jar : jars) {
        try (JarFile file = new JarFile(jar.toFile())) {
          var attributes = file.getManifest().getMainAttributes();
          found =
              attributes.getValue("JBoss-Product-Release-Name")
                  + " "
                  + attributes.getValue("JBoss-Product-Release-Version");
        }
      }
      add(
          "IQ-02",
          "WildFly",
          "WildFly " + expected + " exactly",
          String.valueOf(found),
          found != null && found.endsWith(" " + expected));
    } catch (IOException | RuntimeException e) {
      failed("IQ-02", "WildFly", "WildFly " + expected, e);
    }
  }

  private void checkDeployment() {
    Path ear = Path.of(settings.get("WILDFLY_HOME"), "standalone/deployments/batchtrace.ear");
    try {
      boolean deployed = Files.exists(ear.resolveSibling("batchtrace.ear.deployed"));
      earSha256 = Files.isRegularFile(ear) ? ReleaseManifestGenerator.sha256(ear) : null;
      checks.add(IqChecks.ear(manifest, earSha256, deployed));
    } catch (IOException | RuntimeException e) {
      failed("IQ-03", "Application deployed", "the released batchtrace.ear, deployed", e);
    }
  }

  private void checkDatabase() {
    String schema = settings.get("BATCHTRACE_DB_SCHEMA");
    String owner = settings.get("BATCHTRACE_DB_OWNER_USER");
    try (Connection db =
        DriverManager.getConnection(
            settings.get("BATCHTRACE_DB_URL"), settings.get("BATCHTRACE_DB_USER"), dbPassword)) {
      add(
          "IQ-05",
          "Datasource reachable",
          "connection as " + settings.get("BATCHTRACE_DB_USER"),
          "connected as "
              + one(db, "select current_user")
              + " to database "
              + one(db, "select current_database()"),
          true);
      checks.add(
          IqChecks.postgresql(
              manifest.version("postgresql"),
              Integer.parseInt(one(db, "show server_version_num")),
              one(db, "show server_version")));
      checkSchema(db, schema);
      checkProtectiveObjects(db, schema);
      checkRoles(db, schema, owner);
      clockAgainstDatabase(db);
    } catch (SQLException | RuntimeException e) {
      failed(
          "IQ-05",
          "Datasource reachable",
          "connection as " + settings.get("BATCHTRACE_DB_USER"),
          e);
    }
  }

  /** IQ-07, through the owner's function schema_migrations() (the runtime role's only view). */
  private void checkSchema(Connection db, String schema) {
    List<AppliedMigration> applied = new ArrayList<>();
    try (PreparedStatement query =
            db.prepareStatement(
                "select version, script, checksum, success from "
                    + schema
                    + ".schema_migrations() order by installed_rank");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        int checksum = rows.getInt(3);
        applied.add(
            new AppliedMigration(
                rows.getString(1),
                rows.getString(2),
                rows.wasNull() ? null : checksum,
                rows.getBoolean(4)));
      }
      schemaVersion =
          applied.stream()
              .filter(a -> a.version() != null && a.success())
              .map(AppliedMigration::version)
              .reduce((a, b) -> b)
              .orElse("none");
      checks.add(IqChecks.migrations(manifest, applied));
    } catch (SQLException e) {
      safeOne(db, "select 1");
      checks.add(IqChecks.migrations(manifest, null));
      checks.set(
          checks.size() - 1,
          new IqCheck(
              "IQ-07",
              "Database schema",
              checks.get(checks.size() - 1).expected(),
              "the migration history is not readable by the runtime role: "
                  + e.getMessage().strip(),
              false));
    }
  }

  /** IQ-20: the triggers and functions that protect the records, from the catalog. */
  private void checkProtectiveObjects(Connection db, String schema) {
    try {
      Map<String, Boolean> triggers = new TreeMap<>();
      List<String> historyTables = new ArrayList<>();
      List<String> functions = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "select c.relname, t.tgname, t.tgenabled <> 'D' from pg_trigger t"
                  + " join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid ="
                  + " c.relnamespace where n.nspname = ? and not t.tgisinternal")) {
        q.setString(1, schema);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            triggers.put(rows.getString(1) + "." + rows.getString(2), rows.getBoolean(3));
          }
        }
      }
      try (PreparedStatement q =
          db.prepareStatement(
              "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                  + " where n.nspname = ? and c.relkind in ('r', 'p') and c.relname like"
                  + " '%\\_aud'")) {
        q.setString(1, schema);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            historyTables.add(rows.getString(1));
          }
        }
      }
      try (PreparedStatement q =
          db.prepareStatement(
              "select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                  + " where n.nspname = ?")) {
        q.setString(1, schema);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            functions.add(rows.getString(1));
          }
        }
      }
      checks.add(IqChecks.protectiveObjects(manifest, triggers, historyTables, functions));
    } catch (SQLException e) {
      failed("IQ-20", "Protective triggers and functions", "every one present and enabled", e);
    }
  }

  /** One of IQ-24's comparisons: the database server's clock, corrected by half the round trip. */
  private void clockAgainstDatabase(Connection db) {
    try (PreparedStatement q = db.prepareStatement("select clock_timestamp()")) {
      long before = System.currentTimeMillis();
      Instant server;
      try (ResultSet row = q.executeQuery()) {
        row.next();
        server = row.getTimestamp(1).toInstant();
      }
      long after = System.currentTimeMillis();
      Instant local = Instant.ofEpochMilli(before + (after - before) / 2);
      clocks.add(
          new IqChecks.ClockComparison(
              "PostgreSQL server clock (round trip " + (after - before) + " ms)",
              Duration.between(server, local),
              null));
    } catch (SQLException e) {
      clocks.add(new IqChecks.ClockComparison("PostgreSQL server clock", null, e.getMessage()));
    }
  }

  private void checkApplicationAnswers() {
    try {
      HttpResponse<String> page = get(settings.get("BATCHTRACE_APP_URL") + "/signed-out.xhtml");
      add(
          "IQ-04",
          "Application answers",
          "HTTP 200",
          "HTTP " + page.statusCode(),
          page.statusCode() == 200);
    } catch (IOException | RuntimeException e) {
      failed("IQ-04", "Application answers", "HTTP 200", e);
    }
  }

  private void checkRoles(Connection db, String schema, String owner) throws SQLException {
    String app = one(db, "select current_user");
    try (PreparedStatement query =
        db.prepareStatement(
            "select r.rolsuper, r.rolcreaterole, r.rolcreatedb,"
                + " exists(select from pg_roles where rolname = ?) as owner_exists,"
                + " (select pg_has_role(current_user, oid, 'MEMBER') from pg_roles where rolname = ?) as member_of_owner"
                + " from pg_roles r where r.rolname = current_user")) {
      query.setString(1, owner);
      query.setString(2, owner);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        boolean superuser = row.getBoolean(1);
        boolean createRole = row.getBoolean(2);
        boolean createDb = row.getBoolean(3);
        boolean ownerExists = row.getBoolean(4);
        boolean member = row.getBoolean(5);
        add(
            "IQ-12",
            "Runtime role is not privileged",
            "no superuser, createrole, createdb; separate owner role " + owner,
            app
                + ": superuser "
                + superuser
                + ", createrole "
                + createRole
                + ", createdb "
                + createDb
                + "; owner role "
                + owner
                + (ownerExists ? " exists" : " MISSING")
                + ", member of it "
                + member,
            !superuser && !createRole && !createDb && ownerExists && !member && !owner.equals(app));
      }
    }
    String owned =
        one(
            db,
            "select count(*) from pg_tables where schemaname = '"
                + schema
                + "' and tableowner = current_user");
    // Any schema, public and pg_temp included: a role that may create objects could shadow the
    // schema's functions and tables in a search path.
    String create =
        one(
            db,
            "select coalesce(string_agg(nspname, ', ' order by nspname), '') from pg_namespace"
                + " where has_schema_privilege(oid, 'CREATE')");
    String temporary = one(db, "select has_database_privilege(current_database(), 'TEMPORARY')");
    add(
        "IQ-13",
        "Runtime role owns and creates nothing",
        "owns no table; no CREATE in any schema; no TEMPORARY on the database",
        "owns "
            + owned
            + " tables; CREATE in "
            + (create.isEmpty() ? "no schema" : create)
            + "; TEMPORARY "
            + ("t".equals(temporary) ? "granted" : "not granted"),
        "0".equals(owned) && create.isEmpty() && "f".equals(temporary));

    // A SECURITY DEFINER function runs with its owner's rights; without a fixed search path
    // that names pg_temp last, the caller's temporary schema is searched first.
    String definers =
        one(
            db,
            "select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where p.prosecdef and n.nspname = '"
                + schema
                + "'");
    String unsafe =
        one(
            db,
            "select coalesce(string_agg(p.oid::regprocedure::text, ', '), '') from pg_proc p"
                + " join pg_namespace n on n.oid = p.pronamespace where p.prosecdef"
                + " and n.nspname = '"
                + schema
                + "' and not coalesce('search_path=pg_catalog, "
                + schema
                + ", pg_temp' = any(p.proconfig), false)");
    add(
        "IQ-19",
        "Owner-rights functions fix their search path",
        "every SECURITY DEFINER function sets search_path = pg_catalog, " + schema + ", pg_temp",
        unsafe.isEmpty()
            ? definers + " SECURITY DEFINER functions, all with that search path"
            : "without it: " + unsafe,
        unsafe.isEmpty() && !"0".equals(definers));

    List<String> grants = new ArrayList<>();
    for (String table : APPEND_ONLY_TABLES) {
      String qualified = schema + "." + table;
      String row =
          one(
              db,
              "select concat_ws(',', case when has_any_column_privilege('"
                  + qualified
                  + "', 'UPDATE') then 'UPDATE' end,"
                  + " case when has_table_privilege('"
                  + qualified
                  + "', 'DELETE') then 'DELETE' end,"
                  + " case when has_table_privilege('"
                  + qualified
                  + "', 'TRUNCATE') then 'TRUNCATE' end)");
      if (!row.isEmpty()) {
        grants.add(table + ": " + row);
      }
    }
    add(
        "IQ-14",
        "Audit and signature tables append-only",
        "no UPDATE, DELETE or TRUNCATE on " + String.join(", ", APPEND_ONLY_TABLES),
        grants.isEmpty()
            ? "none of them granted on any of the " + APPEND_ONLY_TABLES.size() + " tables"
            : "granted: " + String.join("; ", grants),
        grants.isEmpty());

    String historyTables =
        one(
            db,
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '"
                + schema
                + "' and c.relkind in ('r','p') and c.relname like '%\\_aud'");
    String wrong =
        one(
            db,
            "select coalesce(string_agg(x, '; ' order by x), '') from ("
                + " select c.relname || ': DELETE' as x from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '"
                + schema
                + "' and c.relkind in ('r','p') and c.relname like '%\\_aud' and has_table_privilege(c.oid, 'DELETE')"
                + " union all select c.relname || ': TRUNCATE' from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '"
                + schema
                + "' and c.relkind in ('r','p') and c.relname like '%\\_aud' and has_table_privilege(c.oid, 'TRUNCATE')"
                + " union all select c.relname || ': UPDATE ' || a.attname from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped"
                + " where n.nspname = '"
                + schema
                + "' and c.relkind in ('r','p') and c.relname like '%\\_aud' and a.attname <> 'revend' and has_column_privilege(c.oid, a.attnum, 'UPDATE')) w");
    add(
        "IQ-15",
        "History tables append-only",
        "no DELETE, TRUNCATE, UPDATE but revend on *_aud",
        wrong.isEmpty() ? historyTables + " history tables, none granted" : "granted: " + wrong,
        wrong.isEmpty() && !"0".equals(historyTables));
  }

  private void checkOidc() {
    String provider = settings.get("BATCHTRACE_OIDC_PROVIDER_URL");
    try {
      HttpResponse<String> metadata = get(provider + "/.well-known/openid-configuration");
      String issuer = jsonString(metadata.body(), "issuer");
      add(
          "IQ-08",
          "OIDC provider metadata",
          "HTTP 200, issuer " + provider,
          "HTTP " + metadata.statusCode() + ", issuer " + issuer,
          metadata.statusCode() == 200 && provider.equals(issuer));
    } catch (IOException | RuntimeException e) {
      failed("IQ-08", "OIDC provider metadata", "HTTP 200, issuer " + provider, e);
    }
  }

  private final List<IqChecks.ClockComparison> clocks = new ArrayList<>();

  private List<String> demoUsersInRealm;

  /** IQ-09 (exact version), IQ-22 (realm settings) and the demo users, as Keycloak's admin. */
  private void checkKeycloak() {
    String expected = manifest.version("keycloak");
    String provider = settings.get("BATCHTRACE_OIDC_PROVIDER_URL");
    String base = provider.replaceFirst("/realms/[^/]+/?$", "");
    String realm = provider.replaceFirst(".*/realms/([^/]+)/?$", "$1");
    String admin;
    try {
      admin = adminToken(base);
    } catch (IOException | RuntimeException e) {
      add(
          "IQ-09",
          "Keycloak version",
          expected,
          "cannot sign in as Keycloak admin "
              + settings.get("KC_ADMIN_USER")
              + " ("
              + e.getMessage()
              + "); set KC_ADMIN_USER and KC_ADMIN_PASSWORD",
          false);
      checks.add(IqChecks.realm(null, false));
      return;
    }
    try {
      JsonObject info = json(adminGet(base + "/admin/serverinfo", admin)).asJsonObject();
      String version = info.getJsonObject("systemInfo").getString("version", null);
      add(
          "IQ-09",
          "Keycloak version",
          expected + " exactly",
          "Keycloak " + version,
          expected.equals(version));
    } catch (IOException | RuntimeException e) {
      failed("IQ-09", "Keycloak version", expected, e);
    }
    try {
      JsonObject r = json(adminGet(base + "/admin/realms/" + realm, admin)).asJsonObject();
      Map<String, String> values = new LinkedHashMap<>();
      for (String name :
          List.of(
              "passwordPolicy",
              "bruteForceProtected",
              "eventsEnabled",
              "adminEventsEnabled",
              "adminEventsDetailsEnabled",
              "sslRequired")) {
        JsonValue v = r.get(name);
        if (v != null) {
          values.put(name, v instanceof JsonString s ? s.getString() : v.toString());
        }
      }
      checks.add(IqChecks.realm(values, isDemoInstallation()));
      List<String> present = new ArrayList<>();
      for (String user : IqChecks.DEMO_USERS) {
        String found =
            adminGet(
                base
                    + "/admin/realms/"
                    + realm
                    + "/users?exact=true&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8),
                admin);
        if (!json(found).asJsonArray().isEmpty()) {
          present.add(user);
        }
      }
      demoUsersInRealm = present;
    } catch (IOException | RuntimeException e) {
      checks.add(IqChecks.realm(null, false));
    }
  }

  private String adminToken(String base) throws IOException {
    String form =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(settings.get("KC_ADMIN_USER"), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(keycloakAdminPassword, StandardCharsets.UTF_8);
    HttpResponse<String> token =
        post(base + "/realms/master/protocol/openid-connect/token", form, null);
    if (token.statusCode() != 200) {
      throw new IOException("HTTP " + token.statusCode());
    }
    return json(token.body()).asJsonObject().getString("access_token");
  }

  private String adminGet(String url, String token) throws IOException {
    HttpResponse<String> answer = get(url, token);
    if (answer.statusCode() != 200) {
      throw new IOException("HTTP " + answer.statusCode() + " from " + url);
    }
    return answer.body();
  }

  /**
   * IQ-21: the QA person signs in; the server checks every chain against the signed checkpoints
   * (taking one first if none exists yet).
   */
  private void checkChains() {
    if (signer.username().isEmpty()) {
      checks.add(
          IqChecks.chains(
              Optional.empty(), "not checked: no QA user id given, the check needs QA's sign-in"));
      return;
    }
    String provider = settings.get("BATCHTRACE_OIDC_PROVIDER_URL");
    String secret =
        clientSecret.isEmpty() && serverEnvironment() != null
            ? serverEnvironment().getOrDefault("BATCHTRACE_OIDC_CLIENT_SECRET", "")
            : clientSecret;
    try {
      String form =
          "grant_type=password&client_id=batchtrace&client_secret="
              + URLEncoder.encode(secret, StandardCharsets.UTF_8)
              + "&username="
              + URLEncoder.encode(signer.username().get(), StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(signer.password(), StandardCharsets.UTF_8);
      HttpResponse<String> token = post(provider + "/protocol/openid-connect/token", form, null);
      if (token.statusCode() != 200) {
        checks.add(
            IqChecks.chains(
                Optional.empty(),
                "not checked: "
                    + signer.username().get()
                    + " could not sign in (HTTP "
                    + token.statusCode()
                    + ")"));
        return;
      }
      qaToken = json(token.body()).asJsonObject().getString("access_token");
      String api = settings.get("BATCHTRACE_APP_URL") + "/api/v1";
      JsonObject report = integrityCheck(api);
      if (report.getJsonObject("checkpoints") == null
          || report.getJsonObject("checkpoints").getInt("compared", 0) == 0) {
        HttpResponse<String> taken = post(api + "/checkpoints", "", qaToken);
        if (taken.statusCode() == 200) {
          report = integrityCheck(api);
        }
      }
      JsonObject cp = report.getJsonObject("checkpoints");
      List<String> notices =
          cp == null
              ? List.of("no checkpoint finding")
              : cp.getJsonArray("notices").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList();
      boolean intact = report.getJsonArray("problems").isEmpty();
      int compared = cp == null ? 0 : cp.getInt("compared", 0);
      String summary =
          (intact
                  ? "all chains intact"
                  : report.getJsonArray("problems").size() + " broken link(s)")
              + "; compared with "
              + compared
              + " signed checkpoint(s)"
              + (cp != null && !cp.isNull("latest") ? ", latest " + cp.get("latest") : "");
      checks.add(
          IqChecks.chains(Optional.of(new ChainFinding(intact, compared, notices, summary)), null));
    } catch (IOException | RuntimeException e) {
      checks.add(IqChecks.chains(Optional.empty(), "not checked: " + e.getMessage()));
    }
  }

  private JsonObject integrityCheck(String api) throws IOException {
    HttpResponse<String> answer = post(api + "/integrity-checks", "", qaToken);
    if (answer.statusCode() != 200) {
      throw new IOException("integrity check HTTP " + answer.statusCode() + ": " + answer.body());
    }
    return json(answer.body()).asJsonObject();
  }

  /** IQ-23: each configured connection; TLS ones must complete a verified handshake. */
  private void checkTls() {
    List<Endpoint> endpoints = new ArrayList<>();
    endpoints.add(httpEndpoint("application", settings.get("BATCHTRACE_APP_URL")));
    endpoints.add(httpEndpoint("identity provider", settings.get("BATCHTRACE_OIDC_PROVIDER_URL")));
    String db = settings.get("BATCHTRACE_DB_URL");
    Matcher sslmode = Pattern.compile("[?&]sslmode=([a-z-]+)").matcher(db);
    String mode = sslmode.find() ? sslmode.group(1) : "";
    String dbHost = db.replaceFirst("^jdbc:postgresql://([^/:?]+).*$", "$1");
    if (mode.equals("verify-full")) {
      // The connection of IQ-05 was made with this URL: it verified certificate and host name.
      boolean connected = checks.stream().anyMatch(c -> c.id().equals("IQ-05") && c.passed());
      endpoints.add(
          new Endpoint("database", true, loopback(dbHost), connected ? null : "no connection"));
    } else {
      endpoints.add(
          new Endpoint(
              "database" + (mode.isEmpty() ? "" : " (sslmode=" + mode + ", not verify-full)"),
              false,
              loopback(dbHost),
              null));
    }
    String mqtt = settings.get("BATCHTRACE_MQTT_URL");
    URI broker = URI.create(mqtt);
    if ("ssl".equals(broker.getScheme())) {
      boolean connected = checks.stream().anyMatch(c -> c.id().equals("IQ-10") && c.passed());
      endpoints.add(
          new Endpoint(
              "MQTT broker", true, loopback(broker.getHost()), connected ? null : "no connection"));
    } else {
      endpoints.add(new Endpoint("MQTT broker", false, loopback(broker.getHost()), null));
    }
    checks.add(IqChecks.tls(endpoints));
  }

  private Endpoint httpEndpoint(String name, String url) {
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme())) {
      return new Endpoint(name, false, loopback(uri.getHost()), null);
    }
    try {
      get(url, null);
      return new Endpoint(name, true, loopback(uri.getHost()), null);
    } catch (IOException | RuntimeException e) {
      return new Endpoint(name, true, loopback(uri.getHost()), e.getMessage());
    }
  }

  static boolean loopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  /** IQ-24: chrony or timedatectl, the database's clock (IQ-05) and the plant's NTP server. */
  private void checkClock() {
    clocks.add(TimeSources.chrony());
    clocks.add(TimeSources.timedatectl());
    if (clocks.stream().noneMatch(c -> c.source().startsWith("PostgreSQL"))) {
      clocks.add(new IqChecks.ClockComparison("PostgreSQL server clock", null, "no connection"));
    }
    String ntp = settings.get("BATCHTRACE_NTP_SERVER");
    clocks.add(
        ntp.isBlank()
            ? new IqChecks.ClockComparison("NTP server", null, "BATCHTRACE_NTP_SERVER not set")
            : TimeSources.ntp(ntp));
    checks.add(IqChecks.clock(clocks));
  }

  /** IQ-25, from the running server's environment and the realm's users. */
  private void checkDemoSecrets() {
    checks.add(IqChecks.demoSecrets(serverEnvironment(), keycloakAdminPassword, demoUsersInRealm));
  }

  /** Whether the running server says it is a demo (BATCHTRACE_DEMO_DATA=true). */
  private boolean isDemoInstallation() {
    Map<String, String> env = serverEnvironment();
    return env != null
        && "true".equalsIgnoreCase(env.getOrDefault("BATCHTRACE_DEMO_DATA", "").strip());
  }

  /** The running WildFly's environment, or null when it cannot be read. */
  private Map<String, String> serverEnvironment() {
    if (serverEnvironment == null) {
      try {
        List<Long> pids = wildFlyPids();
        if (pids.size() == 1) {
          serverEnvironment = WildFlyProcess.environment(pids.get(0));
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    return serverEnvironment;
  }

  private HttpResponse<String> post(String url, String form, String bearer) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (bearer == null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    } else {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpResponse<String> get(String url, String bearer) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpResponse<String> get(String url) throws IOException {
    return get(url, null);
  }

  /** A TLS socket factory that trusts only the CA certificates of a PEM file. */
  static javax.net.ssl.SSLSocketFactory trusting(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      int n = 0;
      for (var certificate :
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + n++, certificate);
      }
      var factory =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(null, factory.getTrustManagers(), null);
      return tls.getSocketFactory();
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("The CA file " + caFile + " cannot be used: " + e.getMessage(), e);
    }
  }

  private static JsonValue json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    }
  }

  private void checkMqtt() {
    String url = settings.get("BATCHTRACE_MQTT_URL");
    String expected = manifest.version("mosquitto");
    MqttClient client = null;
    try {
      client =
          new MqttClient(
              url, "batchtrace-iq-" + ProcessHandle.current().pid(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setConnectionTimeout(10);
      // The broker refuses anonymous clients: the IQ logs in as the collector does.
      options.setUserName(settings.get("BATCHTRACE_MQTT_USERNAME"));
      options.setPassword(mqttPassword.toCharArray());
      if (url.startsWith("ssl://") && !mqttCaFile.isBlank()) {
        // As the server does: only the plant's CA is trusted; paho checks the host name.
        options.setSocketFactory(trusting(Path.of(mqttCaFile)));
        options.setHttpsHostnameVerificationEnabled(true);
      }
      client.connect(options);
      add(
          "IQ-10",
          "MQTT broker reachable",
          "MQTT connection to " + url,
          "connected to " + url,
          true);
      CompletableFuture<String> version = new CompletableFuture<>();
      client.subscribe(
          "$SYS/broker/version",
          1,
          (topic, message) ->
              version.complete(new String(message.getPayload(), StandardCharsets.UTF_8)));
      String found = version.get(10, TimeUnit.SECONDS);
      add(
          "IQ-11",
          "Mosquitto version",
          "mosquitto version " + expected + ".x",
          found,
          found.startsWith("mosquitto version " + expected + "."));
    } catch (Exception e) {
      if (checks.stream().noneMatch(c -> c.id().equals("IQ-10"))) {
        failed("IQ-10", "MQTT broker reachable", "MQTT connection to " + url, e);
      }
      failed("IQ-11", "Mosquitto version", "mosquitto version " + expected + ".x", e);
    } finally {
      if (client != null) {
        try {
          if (client.isConnected()) {
            client.disconnect();
          }
          client.close();
        } catch (Exception ignored) {
          // The check's outcome is recorded; a failing goodbye changes nothing.
        }
      }
    }
  }

  private void checkSecurityHeaders() {
    String expected =
        "CSP frame-ancestors 'none' and nonce script-src; X-Frame-Options DENY; X-Content-Type-Options nosniff; Referrer-Policy same-origin";
    try {
      HttpResponse<String> page = get(settings.get("BATCHTRACE_APP_URL") + "/signed-out.xhtml");
      List<String> csp = page.headers().allValues("Content-Security-Policy");
      boolean frameAncestors = csp.stream().anyMatch(v -> v.contains("frame-ancestors 'none'"));
      boolean nonce = csp.stream().anyMatch(v -> v.contains("script-src") && v.contains("'nonce-"));
      String frame = page.headers().firstValue("X-Frame-Options").orElse("(missing)");
      String sniff = page.headers().firstValue("X-Content-Type-Options").orElse("(missing)");
      String referrer = page.headers().firstValue("Referrer-Policy").orElse("(missing)");
      add(
          "IQ-16",
          "Security headers",
          expected,
          "CSP frame-ancestors 'none' "
              + (frameAncestors ? "present" : "MISSING")
              + ", nonce script-src "
              + (nonce ? "present" : "MISSING")
              + "; X-Frame-Options "
              + frame
              + "; X-Content-Type-Options "
              + sniff
              + "; Referrer-Policy "
              + referrer,
          frameAncestors
              && nonce
              && "DENY".equals(frame)
              && "nosniff".equals(sniff)
              && "same-origin".equals(referrer));
    } catch (IOException | RuntimeException e) {
      failed("IQ-16", "Security headers", expected, e);
    }
  }

  private void checkApiRefusesAnonymous() {
    try {
      HttpResponse<String> api = get(settings.get("BATCHTRACE_APP_URL") + "/api/v1/equipment");
      String challenge = api.headers().firstValue("WWW-Authenticate").orElse("(none)");
      add(
          "IQ-17",
          "API refuses anonymous callers",
          "HTTP 401, WWW-Authenticate Bearer",
          "HTTP " + api.statusCode() + ", WWW-Authenticate " + challenge,
          api.statusCode() == 401 && challenge.startsWith("Bearer"));
    } catch (IOException | RuntimeException e) {
      failed("IQ-17", "API refuses anonymous callers", "HTTP 401, WWW-Authenticate Bearer", e);
    }
  }

  private static String one(Connection db, String sql) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql);
        ResultSet row = query.executeQuery()) {
      row.next();
      return String.valueOf(row.getString(1));
    }
  }

  private static String safeOne(Connection db, String sql) {
    try {
      if (!db.getAutoCommit()) {
        db.rollback();
      }
      return one(db, sql);
    } catch (SQLException e) {
      return "unknown (" + e.getMessage().strip() + ")";
    }
  }

  /** The string value of a top-level-looking JSON field, enough for the answers read here. */
  static String jsonString(String json, String field) {
    Matcher value =
        Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(json);
    return value.find() ? value.group(1).replace("\\/", "/") : null;
  }

  /** The properties of the parent pom, with its version as {@code project.version}. */
  static Properties pomProperties(Path pomFile) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document pom = factory.newDocumentBuilder().parse(pomFile.toFile());
      Properties properties = new Properties();
      for (Node child = pom.getDocumentElement().getFirstChild();
          child != null;
          child = child.getNextSibling()) {
        if ("version".equals(child.getNodeName())) {
          properties.setProperty("project.version", child.getTextContent().strip());
        }
        if ("properties".equals(child.getNodeName())) {
          for (Node p = child.getFirstChild(); p != null; p = p.getNextSibling()) {
            if (p.getNodeType() == Node.ELEMENT_NODE) {
              properties.setProperty(p.getNodeName(), p.getTextContent().strip());
            }
          }
        }
      }
      return properties;
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("Cannot read " + pomFile + ": " + e.getMessage(), e);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
