package com.batchtrace.validation.iq;

import com.batchtrace.validation.iq.ReleaseManifest.Migration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The acceptance criteria of the IQ checks, decided from facts the IQ gathered: no I/O here, so
 * each criterion is tested with passing and failing fixtures. Each returns the check with what was
 * expected and what was found; a fact that could not be read is never a pass.
 */
final class IqChecks {

  /** The largest clock offset accepted (IQ.md). */
  static final Duration MAX_CLOCK_OFFSET = Duration.ofSeconds(1);

  /** The demo values of the server's secrets (LOCAL DEMO ONLY; README, "Production"). */
  static final Map<String, String> DEMO_SECRETS = new LinkedHashMap<>();

  /** The demo Keycloak administrator's password (scripts/batchtrace-lib.sh). */
  static final String DEMO_KEYCLOAK_ADMIN_PASSWORD = "Admin-Local-1";

  /** The demo realm's people: none may exist on a production installation. */
  static final List<String> DEMO_USERS =
      List.of("operator1", "operator2", "reviewer", "auditor", "admin");

  static {
    DEMO_SECRETS.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    DEMO_SECRETS.put("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    DEMO_SECRETS.put("BATCHTRACE_MQTT_PASSWORD", "collector-local-demo");
  }

  private IqChecks() {}

  /** IQ-01: the server's Java is the qualified feature release, exactly. */
  static IqCheck java(String qualifiedFeature, String serverJavaVersion) {
    String expected = "Java " + qualifiedFeature + " (feature release " + qualifiedFeature + ")";
    if (serverJavaVersion == null) {
      return new IqCheck("IQ-01", "Java runtime", expected, "not readable", false);
    }
    String feature = serverJavaVersion.replaceFirst("^1\\.", "").split("[.+\\-_]", 2)[0];
    return new IqCheck(
        "IQ-01",
        "Java runtime",
        expected,
        "the server runs Java " + serverJavaVersion,
        feature.equals(qualifiedFeature));
  }

  /** IQ-03: the deployed EAR is the released one, byte for byte. */
  static IqCheck ear(ReleaseManifest manifest, String deployedSha256, boolean deployed) {
    String expected =
        "batchtrace.ear of release "
            + manifest.releaseVersion()
            + ", SHA-256 "
            + manifest.earSha256()
            + ", deployed";
    if (deployedSha256 == null) {
      return new IqCheck("IQ-03", "Application deployed", expected, "no EAR found", false);
    }
    boolean same = manifest.earSha256().equals(deployedSha256);
    return new IqCheck(
        "IQ-03",
        "Application deployed",
        expected,
        "SHA-256 "
            + deployedSha256
            + (same ? " (the released EAR)" : " DIFFERS from the release manifest")
            + (deployed ? ", deployed" : ", NOT deployed"),
        same && deployed);
  }

  /** IQ-06: the PostgreSQL server's major version is the qualified one, exactly. */
  static IqCheck postgresql(String qualifiedMajor, int serverVersionNum, String serverVersion) {
    return new IqCheck(
        "IQ-06",
        "PostgreSQL version",
        "PostgreSQL " + qualifiedMajor + ".x (major " + qualifiedMajor + " exactly)",
        serverVersion,
        String.valueOf(serverVersionNum / 10000).equals(qualifiedMajor));
  }

  /**
   * IQ-07: every migration of the release is applied, successfully, with the released checksum, in
   * order, and nothing else; the schema version is the release's.
   */
  static IqCheck migrations(ReleaseManifest manifest, List<AppliedMigration> applied) {
    String expected =
        "schema version "
            + manifest.schemaVersion()
            + "; the "
            + manifest.migrations().size()
            + " migrations of the release, each applied successfully with its released checksum";
    if (applied == null) {
      return new IqCheck(
          "IQ-07", "Database schema", expected, "the migration history is not readable", false);
    }
    List<String> problems = new ArrayList<>();
    Map<String, AppliedMigration> byVersion = new LinkedHashMap<>();
    for (AppliedMigration a : applied) {
      if (!a.success()) {
        problems.add("V" + a.version() + " FAILED");
      }
      if (a.version() != null) {
        byVersion.put(a.version(), a);
      }
    }
    for (Migration m : manifest.migrations()) {
      AppliedMigration a = byVersion.remove(m.version());
      if (a == null) {
        problems.add("V" + m.version() + " not applied");
      } else if (a.checksum() == null || a.checksum() != m.checksum()) {
        problems.add(
            "V"
                + m.version()
                + " checksum "
                + a.checksum()
                + ", released "
                + m.checksum()
                + " (the script was changed)");
      } else if (!m.script().equals(a.script())) {
        problems.add("V" + m.version() + " is " + a.script() + ", released " + m.script());
      }
    }
    byVersion.keySet().forEach(v -> problems.add("V" + v + " is not part of the release"));
    String found =
        applied.stream()
            .filter(a -> a.version() != null && a.success())
            .map(AppliedMigration::version)
            .reduce((a, b) -> b)
            .orElse("none");
    return new IqCheck(
        "IQ-07",
        "Database schema",
        expected,
        "schema version "
            + found
            + ", "
            + applied.size()
            + " history rows"
            + (problems.isEmpty()
                ? "; every checksum as released"
                : "; " + String.join("; ", problems)),
        problems.isEmpty() && found.equals(manifest.schemaVersion()));
  }

  /** A row of Flyway's history as the runtime role reads it. */
  record AppliedMigration(String version, String script, Integer checksum, boolean success) {}

  /**
   * IQ-20: every protective trigger of the release exists and is enabled, every history table
   * ({@code *_aud}) has its three, and every function of the release exists.
   *
   * @param triggers the schema's triggers, {@code table.trigger} to enabled
   * @param historyTables the schema's {@code *_aud} tables
   */
  static IqCheck protectiveObjects(
      ReleaseManifest manifest,
      Map<String, Boolean> triggers,
      Collection<String> historyTables,
      Collection<String> functions) {
    Set<String> expectedTriggers = new LinkedHashSet<>(manifest.triggers());
    for (String table : historyTables) {
      for (String suffix : List.of("_append_only", "_no_truncate", "_chain")) {
        expectedTriggers.add(table + "." + table + suffix);
      }
    }
    List<String> problems = new ArrayList<>();
    for (String trigger : expectedTriggers) {
      Boolean enabled = triggers.get(trigger);
      if (enabled == null) {
        problems.add("trigger " + trigger + " MISSING");
      } else if (!enabled) {
        problems.add("trigger " + trigger + " DISABLED");
      }
    }
    Set<String> missingFunctions = new TreeSet<>(manifest.functions());
    missingFunctions.removeAll(functions);
    missingFunctions.forEach(f -> problems.add("function " + f + " MISSING"));
    return new IqCheck(
        "IQ-20",
        "Protective triggers and functions",
        expectedTriggers.size()
            + " protective triggers enabled (the release's and three on each history table); the "
            + manifest.functions().size()
            + " functions of the release",
        problems.isEmpty()
            ? "all "
                + expectedTriggers.size()
                + " triggers present and enabled; all "
                + manifest.functions().size()
                + " functions present"
            : String.join("; ", problems),
        problems.isEmpty() && !expectedTriggers.isEmpty());
  }

  /**
   * IQ-21: the integrity check found every chain intact and compared it with at least one signed
   * checkpoint, with nothing limiting the comparison.
   */
  static IqCheck chains(Optional<ChainFinding> finding, String unavailable) {
    String expected =
        "every chain intact and matching the signed checkpoints (at least one), no notice";
    if (finding.isEmpty()) {
      return new IqCheck(
          "IQ-21", "Audit chains and signed checkpoints", expected, unavailable, false);
    }
    ChainFinding f = finding.get();
    boolean pass = f.intact() && f.compared() > 0 && f.notices().isEmpty();
    return new IqCheck(
        "IQ-21",
        "Audit chains and signed checkpoints",
        expected,
        f.summary()
            + (f.notices().isEmpty() ? "" : "; notices: " + String.join("; ", f.notices()))
            + (f.compared() == 0 ? "; NO signed checkpoint compared" : ""),
        pass);
  }

  /** What the server's integrity check answered. */
  record ChainFinding(boolean intact, int compared, List<String> notices, String summary) {}

  /**
   * IQ-22: the realm's settings that the controls rely on: a password policy with a minimum length
   * of 12 or more, brute-force protection, login and admin events (with details) recorded, and TLS
   * required at least for external requests.
   */
  static IqCheck realm(Map<String, String> realm, boolean demoInstallation) {
    String expected =
        "passwordPolicy with length(12) or more; bruteForceProtected; eventsEnabled;"
            + " adminEventsEnabled with details; sslRequired external or all";
    if (realm == null) {
      return new IqCheck("IQ-22", "Realm settings", expected, "the realm is not readable", false);
    }
    List<String> problems = new ArrayList<>();
    String policy = realm.getOrDefault("passwordPolicy", "");
    var length = java.util.regex.Pattern.compile("length\\((\\d+)\\)").matcher(policy);
    if (!length.find() || Integer.parseInt(length.group(1)) < 12) {
      problems.add("password policy without length(12) or more: '" + policy + "'");
    }
    for (String flag :
        List.of(
            "bruteForceProtected",
            "eventsEnabled",
            "adminEventsEnabled",
            "adminEventsDetailsEnabled")) {
      if (!"true".equals(realm.get(flag))) {
        problems.add(flag + " " + realm.getOrDefault(flag, "not set"));
      }
    }
    String ssl = realm.getOrDefault("sslRequired", "not set");
    boolean demoWithoutTls = demoInstallation && ssl.equals("none");
    if (!ssl.equals("external") && !ssl.equals("all") && !demoWithoutTls) {
      problems.add("sslRequired " + ssl);
    }
    return new IqCheck(
        "IQ-22",
        "Realm settings",
        expected,
        problems.isEmpty()
            ? "policy '"
                + policy
                + "'; brute-force protection, events, admin events on; sslRequired "
                + ssl
                + (demoWithoutTls
                    ? " (accepted on the DEMO installation only; NOT FOR GMP USE)"
                    : "")
            : String.join("; ", problems),
        problems.isEmpty());
  }

  /**
   * IQ-23: every connection configured with TLS completed a verified handshake; a plain connection
   * is accepted only to this host (loopback).
   */
  static IqCheck tls(List<Endpoint> endpoints) {
    String expected =
        "each TLS connection verified (certificate and host name); plain connections only to"
            + " this host";
    List<String> found = new ArrayList<>();
    boolean pass = !endpoints.isEmpty();
    for (Endpoint e : endpoints) {
      if (e.tls()) {
        found.add(
            e.name()
                + " TLS "
                + (e.handshakeError() == null ? "verified" : "FAILED: " + e.handshakeError()));
        pass &= e.handshakeError() == null;
      } else {
        found.add(e.name() + " plain " + (e.loopback() ? "(this host)" : "to ANOTHER HOST"));
        pass &= e.loopback();
      }
    }
    return new IqCheck("IQ-23", "TLS where configured", expected, String.join("; ", found), pass);
  }

  /** A connection the installation is configured with. */
  record Endpoint(String name, boolean tls, boolean loopback, String handshakeError) {}

  /**
   * IQ-24: the clock's offset from each time source that could be asked is within 1 s, and at least
   * one was asked. A source that could not be asked is reported, never counted as a pass.
   */
  static IqCheck clock(List<ClockComparison> comparisons) {
    String expected =
        "offset within "
            + MAX_CLOCK_OFFSET.toMillis()
            + " ms of every time source asked (chrony or timedatectl, PostgreSQL server, NTP"
            + " server), at least one compared";
    List<String> found = new ArrayList<>();
    int compared = 0;
    boolean within = true;
    for (ClockComparison c : comparisons) {
      if (c.offset() == null) {
        found.add(c.source() + ": not compared (" + c.unavailable() + ")");
        continue;
      }
      compared++;
      boolean ok = c.offset().abs().compareTo(MAX_CLOCK_OFFSET) <= 0;
      within &= ok;
      found.add(
          c.source() + ": offset " + c.offset().toMillis() + " ms" + (ok ? "" : " TOO LARGE"));
    }
    if (compared == 0) {
      found.add("NO time source could be compared");
    }
    return new IqCheck(
        "IQ-24", "Clock offset", expected, String.join("; ", found), compared > 0 && within);
  }

  /** One comparison of this host's clock; {@code offset} null when the source was not available. */
  record ClockComparison(String source, Duration offset, String unavailable) {}

  /**
   * IQ-25: on a production installation no secret of the server has its public demo value, the
   * Keycloak administrator is not the demo one and the realm holds no demo user. A demo
   * installation ({@code BATCHTRACE_DEMO_DATA=true}) passes only as a demo: the record says it is
   * not for GMP use.
   *
   * @param serverEnvironment the running server's environment; null when it could not be read
   * @param demoUsersInRealm which demo users the realm holds; null when it could not be asked
   */
  static IqCheck demoSecrets(
      Map<String, String> serverEnvironment,
      String keycloakAdminPassword,
      Collection<String> demoUsersInRealm) {
    String expected =
        "production: no demo secret, no demo Keycloak admin password, no demo user;"
            + " a demo installation says so";
    if (serverEnvironment == null) {
      return new IqCheck(
          "IQ-25", "No demo secrets", expected, "the server's environment is not readable", false);
    }
    List<String> demo = new ArrayList<>();
    DEMO_SECRETS.forEach(
        (name, value) -> {
          if (value.equals(serverEnvironment.getOrDefault(name, "").strip())) {
            demo.add(name);
          }
        });
    if (DEMO_KEYCLOAK_ADMIN_PASSWORD.equals(keycloakAdminPassword)) {
      demo.add("KC_ADMIN_PASSWORD");
    }
    boolean isDemo =
        "true".equalsIgnoreCase(serverEnvironment.getOrDefault("BATCHTRACE_DEMO_DATA", "").strip());
    if (isDemo) {
      return new IqCheck(
          "IQ-25",
          "No demo secrets",
          expected,
          "DEMO installation (BATCHTRACE_DEMO_DATA=true): demo values of "
              + (demo.isEmpty() ? "none" : String.join(", ", demo))
              + "; NOT FOR GMP USE",
          true);
    }
    List<String> problems = new ArrayList<>();
    if (!demo.isEmpty()) {
      problems.add("demo values of " + String.join(", ", demo));
    }
    if (demoUsersInRealm == null) {
      problems.add("the realm's users could not be read");
    } else if (!demoUsersInRealm.isEmpty()) {
      problems.add("demo users in the realm: " + String.join(", ", demoUsersInRealm));
    }
    return new IqCheck(
        "IQ-25",
        "No demo secrets",
        expected,
        problems.isEmpty()
            ? "production installation: no demo secret, no demo user"
            : String.join("; ", problems),
        problems.isEmpty());
  }
}
