package com.batchtrace.validation.iq;

import com.batchtrace.validation.ValidationPackageGenerator;
import java.io.IOException;
import java.io.InputStream;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The installation qualification ({@code ./batchtrace iq}, protocol {@code IQ.md}): checks an
 * installed Batchtrace from the outside, as a technician would, prints PASS or FAIL per check,
 * writes a dated record into the validation package and builds the package again with it.
 *
 * <p>It reads the server's own settings from the environment (README, "Production") and the
 * qualified versions from the parent {@code pom.xml}. It only reads: no check changes the
 * installation.
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
          "audit_chain_member");

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String OWNER_PASSWORD = "BATCHTRACE_DB_OWNER_PASSWORD";

  private final Path root;
  private final Map<String, String> settings = new LinkedHashMap<>();
  private final String dbPassword;
  private final String mqttPassword;
  private final String keycloakAdminPassword;
  private final Properties pom;
  private final List<IqCheck> checks = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  InstallationQualification(Path root, Map<String, String> env) throws IOException {
    this.root = root;
    pom = pomProperties(root.resolve("pom.xml"));
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

    settings.put(
        "WILDFLY_HOME",
        env.getOrDefault("WILDFLY_HOME", root.resolve(".stack/wildfly-run").toString()));
    settings.put("KC_ADMIN_USER", env.getOrDefault("KC_ADMIN_USER", "admin"));
    dbPassword = env.getOrDefault("BATCHTRACE_DB_PASSWORD", "");
    // Kept out of the settings, which the IQ record lists. LOCAL DEMO default, as ./batchtrace
    // sets.
    mqttPassword = env.getOrDefault("BATCHTRACE_MQTT_PASSWORD", "collector-local-demo");
    keycloakAdminPassword = env.getOrDefault("KC_ADMIN_PASSWORD", "");
  }

  /**
   * Runs the IQ.
   *
   * @param args the repository root and the output folder ({@code validation-docs/target})
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "Usage: InstallationQualification <repository root> <output folder>");
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Path target = Path.of(args[1]).toAbsolutePath().normalize();
    InstallationQualification iq = new InstallationQualification(root, System.getenv());
    List<IqCheck> checks = iq.run();
    checks.forEach(check -> System.out.println(check.line()));
    long failed = checks.stream().filter(c -> !c.passed()).count();
    Instant now = Instant.now();
    Path folder = target.resolve(ValidationPackageGenerator.PACKAGE_FOLDER);
    Files.createDirectories(folder);
    Path record = folder.resolve(IqRecord.fileName(now));
    Files.writeString(
        record,
        IqRecord.render(now, System.getProperty("user.name"), hostName(), iq.settings, checks),
        StandardCharsets.UTF_8);
    System.out.println(
        (failed == 0 ? "IQ PASSED: " : "IQ FAILED: ")
            + checks.size()
            + " checks: "
            + (checks.size() - failed)
            + " passed, "
            + failed
            + " failed; record: "
            + root.relativize(record));
    try {
      ValidationPackageGenerator.generate(root, target, iq.pom.getProperty("project.version"), now);
      System.out.println(
          "Validation package with this record: " + root.relativize(folder.resolve("index.html")));
    } catch (RuntimeException | IOException e) {
      System.out.println("The validation package could not be built again: " + e.getMessage());
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Every check of IQ.md, in its order. */
  List<IqCheck> run() {
    checkJava();
    checkWildFly();
    checkDeployment();
    checkApplicationAnswers();
    checkDatabase();
    checkOidc();
    checkKeycloakVersion();
    checkMqtt();
    checkSecurityHeaders();
    checkApiRefusesAnonymous();
    checkServerHoldsNoOwnerPassword();
    return List.copyOf(checks);
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

  private void checkJava() {
    Runtime.Version version = Runtime.version();
    add(
        "IQ-01",
        "Java runtime",
        "17 or later",
        version.toString() + " (" + System.getProperty("java.vendor") + ")",
        version.feature() >= 17);
  }

  private void checkWildFly() {
    String expected = pom.getProperty("wildfly.version");
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
          "WildFly " + expected,
          String.valueOf(found),
          found != null && found.endsWith(" " + expected));
    } catch (IOException | RuntimeException e) {
      failed("IQ-02", "WildFly", "WildFly " + expected, e);
    }
  }

  private void checkDeployment() {
    String expected = pom.getProperty("project.version");
    Path ear = Path.of(settings.get("WILDFLY_HOME"), "standalone/deployments/batchtrace.ear");
    try {
      boolean deployed = Files.exists(ear.resolveSibling("batchtrace.ear.deployed"));
      String version;
      try (ZipFile zip = new ZipFile(ear.toFile())) {
        var entry = zip.getEntry("META-INF/maven/com.batchtrace/batchtrace-ear/pom.properties");
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
          properties.load(in);
        }
        version = properties.getProperty("version");
      }
      add(
          "IQ-03",
          "Application deployed",
          "batchtrace.ear " + expected + ", deployed",
          "batchtrace.ear "
              + version
              + (deployed ? ", deployed" : ", NOT deployed")
              + ", SHA-256 "
              + sha256(ear),
          deployed && expected.equals(version));
    } catch (IOException | RuntimeException e) {
      failed("IQ-03", "Application deployed", "batchtrace.ear " + expected + ", deployed", e);
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
      int versionNumber = Integer.parseInt(one(db, "show server_version_num"));
      int expectedMajor = Integer.parseInt(pom.getProperty("postgresql.server.version"));
      add(
          "IQ-06",
          "PostgreSQL version",
          expectedMajor + " or later",
          one(db, "show server_version"),
          versionNumber / 10000 >= expectedMajor);
      checkSchema(db, schema);
      checkRoles(db, schema, owner);
    } catch (SQLException | RuntimeException e) {
      failed(
          "IQ-05",
          "Datasource reachable",
          "connection as " + settings.get("BATCHTRACE_DB_USER"),
          e);
    }
  }

  private void checkSchema(Connection db, String schema) {
    try {
      String latest =
          one(
              db,
              "select coalesce(max(version::int)::text, 'none') from "
                  + schema
                  + ".flyway_schema_history where success and version is not null");
      String failedCount =
          one(db, "select count(*) from " + schema + ".flyway_schema_history where not success");
      add(
          "IQ-07",
          "Database schema",
          "migrated, no failed migration",
          "schema version " + latest + ", " + failedCount + " failed migrations",
          "0".equals(failedCount) && !"none".equals(latest));
    } catch (SQLException e) {
      String tables =
          safeOne(db, "select count(*) from pg_tables where schemaname = '" + schema + "'");
      add(
          "IQ-07",
          "Database schema",
          "migrated, no failed migration",
          tables
              + " tables in schema "
              + schema
              + "; the migration history is not readable by the runtime role ("
              + e.getMessage().strip()
              + ")",
          !"0".equals(tables) && tables.matches("\\d+"));
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

  private void checkKeycloakVersion() {
    String expected = pom.getProperty("keycloak.version");
    String provider = settings.get("BATCHTRACE_OIDC_PROVIDER_URL");
    String base = provider.replaceFirst("/realms/[^/]+/?$", "");
    try {
      String form =
          "grant_type=password&client_id=admin-cli&username="
              + URLEncoder.encode(settings.get("KC_ADMIN_USER"), StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(keycloakAdminPassword, StandardCharsets.UTF_8);
      HttpResponse<String> token =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/realms/master/protocol/openid-connect/token"))
                  .timeout(TIMEOUT)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (token.statusCode() != 200) {
        add(
            "IQ-09",
            "Keycloak version",
            expected,
            "cannot sign in as Keycloak admin "
                + settings.get("KC_ADMIN_USER")
                + " (HTTP "
                + token.statusCode()
                + "); set KC_ADMIN_USER and KC_ADMIN_PASSWORD",
            false);
        return;
      }
      HttpResponse<String> info =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/admin/serverinfo"))
                  .timeout(TIMEOUT)
                  .header("Authorization", "Bearer " + jsonString(token.body(), "access_token"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String body = info.body();
      int system = body.indexOf("\"systemInfo\"");
      String version = system < 0 ? null : jsonString(body.substring(system), "version");
      add("IQ-09", "Keycloak version", expected, "Keycloak " + version, expected.equals(version));
    } catch (IOException | RuntimeException e) {
      failed("IQ-09", "Keycloak version", expected, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed("IQ-09", "Keycloak version", expected, e);
    }
  }

  private void checkMqtt() {
    String url = settings.get("BATCHTRACE_MQTT_URL");
    String expected = pom.getProperty("mosquitto.version");
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

  private HttpResponse<String> get(String url) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
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

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
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
