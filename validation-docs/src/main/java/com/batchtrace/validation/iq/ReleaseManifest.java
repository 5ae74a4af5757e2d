package com.batchtrace.validation.iq;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a release is, as the IQ compares an installation with it: the release version and commit,
 * the SHA-256 of its EAR, the exact platform versions it was qualified on, every migration with its
 * Flyway checksum, and the protective triggers and functions its migrations create. Written at
 * build time next to the IQ jar (the release bundle), read by the IQ; a plain properties file, so a
 * person can read it too.
 *
 * @param versions the qualified platform versions by name: java (feature release), wildfly,
 *     keycloak, postgresql (major), mosquitto (major.minor)
 * @param triggers the protective triggers as {@code table.trigger}
 * @param functions the functions of the schema the migrations create
 */
public record ReleaseManifest(
    String releaseVersion,
    String commit,
    String builtAt,
    String earSha256,
    Map<String, String> versions,
    List<Migration> migrations,
    List<String> triggers,
    List<String> functions) {

  public static final String FILE_NAME = "release-manifest.properties";

  /** One versioned migration as Flyway records it. */
  public record Migration(String version, String script, int checksum) {
    public Migration {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(script, "script");
    }
  }

  public ReleaseManifest {
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(earSha256, "earSha256");
    versions = Map.copyOf(versions);
    migrations = List.copyOf(migrations);
    triggers = List.copyOf(triggers);
    functions = List.copyOf(functions);
  }

  /** The schema version the release brings: its highest migration. */
  public String schemaVersion() {
    return migrations.isEmpty() ? "none" : migrations.get(migrations.size() - 1).version();
  }

  public String version(String name) {
    String value = versions.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("The release manifest names no " + name + " version");
    }
    return value;
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(text());
    }
  }

  /** The manifest as properties text, keys sorted (so two builds of one commit read the same). */
  String text() {
    Map<String, String> p = new TreeMap<>();
    p.put("release.version", releaseVersion);
    p.put("release.commit", commit);
    p.put("release.builtAt", builtAt);
    p.put("ear.sha256", earSha256);
    versions.forEach((name, value) -> p.put("version." + name, value));
    for (Migration m : migrations) {
      p.put("migration." + pad(m.version()), m.script() + "|" + m.checksum());
    }
    for (int i = 0; i < triggers.size(); i++) {
      p.put("trigger." + pad(String.valueOf(i + 1)), triggers.get(i));
    }
    for (int i = 0; i < functions.size(); i++) {
      p.put("function." + pad(String.valueOf(i + 1)), functions.get(i));
    }
    StringBuilder out =
        new StringBuilder(
            "# Batchtrace release manifest: what the installation qualification compares with.\n");
    p.forEach((k, v) -> out.append(k).append('=').append(escape(v)).append('\n'));
    return out.toString();
  }

  public static ReleaseManifest read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in);
    }
  }

  static ReleaseManifest parse(String text) throws IOException {
    return parse(new StringReader(text));
  }

  private static ReleaseManifest parse(Reader in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    Map<String, String> versions = new TreeMap<>();
    Map<String, Migration> migrations = new TreeMap<>();
    Map<String, String> triggers = new TreeMap<>();
    Map<String, String> functions = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key);
      if (key.startsWith("version.")) {
        versions.put(key.substring("version.".length()), value);
      } else if (key.startsWith("migration.")) {
        int bar = value.lastIndexOf('|');
        if (bar < 0) {
          throw new IOException("Release manifest: " + key + " is not 'script|checksum'");
        }
        migrations.put(
            key,
            new Migration(
                unpad(key.substring("migration.".length())),
                value.substring(0, bar),
                Integer.parseInt(value.substring(bar + 1))));
      } else if (key.startsWith("trigger.")) {
        triggers.put(key, value);
      } else if (key.startsWith("function.")) {
        functions.put(key, value);
      }
    }
    String ear = p.getProperty("ear.sha256");
    String release = p.getProperty("release.version");
    if (ear == null || release == null || migrations.isEmpty()) {
      throw new IOException(
          "Not a release manifest: it needs release.version, ear.sha256 and the migrations");
    }
    return new ReleaseManifest(
        release,
        p.getProperty("release.commit", "unknown"),
        p.getProperty("release.builtAt", "unknown"),
        ear,
        versions,
        new ArrayList<>(migrations.values()),
        new ArrayList<>(triggers.values()),
        new ArrayList<>(functions.values()));
  }

  /** Zero-padded so the sorted keys follow the numbers; versions are whole numbers here. */
  private static String pad(String number) {
    return number.matches("\\d+") ? String.format("%06d", Integer.parseInt(number)) : number;
  }

  private static String unpad(String number) {
    return number.matches("\\d+") ? String.valueOf(Integer.parseInt(number)) : number;
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : String.valueOf(value).toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
