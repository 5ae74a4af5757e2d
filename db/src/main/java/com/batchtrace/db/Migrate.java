package com.batchtrace.db;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Command-line entry point: {@code java -jar batchtrace-db-migrator.jar}. Every setting comes from
 * an environment variable or the system property of the same name in lower case with dots
 * (BATCHTRACE_DB_URL or batchtrace.db.url); the defaults are the local demo set-up, except for the
 * owner's password, which has none. It runs as its own step before the server starts: the server
 * never holds the owner's credentials.
 */
public final class Migrate {

  public static final String SCHEMA = "batchtrace";

  private Migrate() {}

  public static void main(String[] args) {
    String url = setting("BATCHTRACE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/batchtrace");
    String owner = setting("BATCHTRACE_DB_OWNER_USER", "batchtrace_owner");
    String ownerPassword = setting("BATCHTRACE_DB_OWNER_PASSWORD", null);
    if (ownerPassword == null) {
      System.err.println(
          "BATCHTRACE_DB_OWNER_PASSWORD is not set: the migrator runs as the owner role and needs"
              + " its password.");
      System.exit(2);
    }
    String appRole = setting("BATCHTRACE_DB_USER", "batchtrace_app");
    MigrateResult result = migrate(url, owner, ownerPassword, appRole);
    System.out.printf(
        "Batchtrace schema '%s' at %s: %d migration(s) applied, %s%n",
        SCHEMA,
        url,
        result.migrationsExecuted,
        result.targetSchemaVersion == null
            ? "already up to date"
            : "now at version " + result.targetSchemaVersion);
  }

  /** Migrates the schema; the runtime role name is a placeholder in the grant statements. */
  public static MigrateResult migrate(String url, String owner, String password, String appRole) {
    return Flyway.configure()
        .dataSource(url, owner, password)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .locations("classpath:db/migration")
        .placeholders(Map.of("appRole", appRole))
        .load()
        .migrate();
  }

  static String setting(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name.toLowerCase().replace('_', '.'));
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
