package com.batchtrace.validation.iq;

import com.batchtrace.validation.iq.ReleaseManifest.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * Writes the release manifest at build time, after the EAR is built: the EAR's SHA-256, the
 * qualified versions of the parent pom, each migration with the checksum Flyway records for it
 * (computed by Flyway's own calculator, so the IQ compares like with like), and the protective
 * triggers and functions the migrations create.
 */
public final class ReleaseManifestGenerator {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");
  private static final Pattern CREATE_TRIGGER =
      Pattern.compile(
          "CREATE\\s+TRIGGER\\s+(\\w+)\\s+[^;]*?\\bON\\s+(\\w+)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern DROP_TRIGGER =
      Pattern.compile(
          "DROP\\s+TRIGGER\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+(\\w+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CHAIN_ATTACH =
      Pattern.compile("audit_chain_attach\\(\\s*'(\\w+)'", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUDITED_REGISTER =
      Pattern.compile(
          "audited_record_register\\(\\s*'\\w+'\\s*,\\s*'(\\w+)'\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CREATE_FUNCTION =
      Pattern.compile(
          "CREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+(?:[\\w${}:]+\\.)?(\\w+)\\s*\\(",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP_FUNCTION =
      Pattern.compile(
          "DROP\\s+FUNCTION\\s+(?:IF\\s+EXISTS\\s+)?(?:[\\w${}:]+\\.)?(\\w+)",
          Pattern.CASE_INSENSITIVE);

  private ReleaseManifestGenerator() {}

  /**
   * @param args the repository root and the output folder ({@code validation-docs/target})
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "Usage: ReleaseManifestGenerator <repository root> <output folder>");
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Path output = Path.of(args[1]).toAbsolutePath().normalize();
    Path ear = root.resolve("ear/target/batchtrace.ear");
    if (!Files.isRegularFile(ear)) {
      System.out.println("Release manifest: no EAR at " + ear + " (ear not built); none written");
      return;
    }
    ReleaseManifest manifest = generate(root, ear);
    Path file = output.resolve("release").resolve(ReleaseManifest.FILE_NAME);
    manifest.write(file);
    System.out.println(
        "Release manifest: "
            + manifest.releaseVersion()
            + ", EAR SHA-256 "
            + manifest.earSha256()
            + ", schema version "
            + manifest.schemaVersion()
            + ", "
            + manifest.triggers().size()
            + " protective triggers: "
            + root.relativize(file));
  }

  static ReleaseManifest generate(Path root, Path ear) throws IOException {
    Properties pom = InstallationQualification.pomProperties(root.resolve("pom.xml"));
    Map<String, String> versions = new TreeMap<>();
    versions.put("java", pom.getProperty("maven.compiler.release"));
    versions.put("wildfly", pom.getProperty("wildfly.version"));
    versions.put("keycloak", pom.getProperty("keycloak.version"));
    versions.put("postgresql", pom.getProperty("postgresql.server.version"));
    versions.put("mosquitto", pom.getProperty("mosquitto.version"));
    Path migrations = root.resolve("db/src/main/resources/db/migration");
    List<Path> scripts = migrations(migrations);
    List<Migration> list = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    for (Path script : scripts) {
      Matcher m = VERSIONED.matcher(script.getFileName().toString());
      m.matches();
      list.add(new Migration(m.group(1), script.getFileName().toString(), checksum(script)));
      sql.add(Files.readString(script, StandardCharsets.UTF_8));
    }
    return new ReleaseManifest(
        pom.getProperty("project.version"),
        commit(root),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        sha256(ear),
        versions,
        list,
        triggers(sql),
        functions(sql));
  }

  /** The versioned migrations in the order Flyway applies them. */
  static List<Path> migrations(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> VERSIONED.matcher(p.getFileName().toString()).matches())
          .sorted(
              Comparator.comparingInt(
                  p -> {
                    Matcher m = VERSIONED.matcher(p.getFileName().toString());
                    m.matches();
                    return Integer.parseInt(m.group(1));
                  }))
          .toList();
    }
  }

  /** The checksum Flyway records for a SQL migration (its own calculator, over the raw file). */
  static int checksum(Path script) {
    LoadableResource resource =
        new LoadableResource() {
          @Override
          public Reader read() {
            try {
              return Files.newBufferedReader(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }

          @Override
          public String getAbsolutePath() {
            return script.toString();
          }

          @Override
          public String getAbsolutePathOnDisk() {
            return script.toString();
          }

          @Override
          public String getFilename() {
            return script.getFileName().toString();
          }

          @Override
          public String getRelativePath() {
            return script.getFileName().toString();
          }
        };
    return ChecksumCalculator.calculate(resource);
  }

  /**
   * The protective triggers, {@code table.trigger}, in the order the migrations create them: the
   * ones named in SQL, and those the helper functions create for each table they are called on
   * (audit_chain_attach: {@code <table>_chain}; audited_record_register: also {@code
   * <table>_append_only} and {@code <table>_no_truncate}); less those dropped later.
   */
  static List<String> triggers(List<String> scripts) {
    Set<String> triggers = new LinkedHashSet<>();
    for (String sql : scripts) {
      String code = withoutComments(sql);
      record Found(int at, String trigger, boolean drop) {}
      List<Found> found = new ArrayList<>();
      Matcher m = CREATE_TRIGGER.matcher(code);
      while (m.find()) {
        found.add(new Found(m.start(), m.group(2) + "." + m.group(1), false));
      }
      m = DROP_TRIGGER.matcher(code);
      while (m.find()) {
        found.add(new Found(m.start(), m.group(2) + "." + m.group(1), true));
      }
      m = CHAIN_ATTACH.matcher(code);
      while (m.find()) {
        found.add(new Found(m.start(), m.group(1) + "." + m.group(1) + "_chain", false));
      }
      m = AUDITED_REGISTER.matcher(code);
      while (m.find()) {
        String t = m.group(1);
        found.add(new Found(m.start(), t + "." + t + "_append_only", false));
        found.add(new Found(m.start(), t + "." + t + "_no_truncate", false));
        found.add(new Found(m.start(), t + "." + t + "_chain", false));
      }
      found.sort(Comparator.comparingInt(Found::at));
      for (Found f : found) {
        if (f.drop()) {
          triggers.remove(f.trigger());
        } else {
          triggers.add(f.trigger());
        }
      }
    }
    return List.copyOf(triggers);
  }

  /** The functions the migrations create (by name), less those dropped later. */
  static List<String> functions(List<String> scripts) {
    Set<String> functions = new LinkedHashSet<>();
    for (String sql : scripts) {
      String code = withoutComments(sql);
      Matcher drop = DROP_FUNCTION.matcher(code);
      while (drop.find()) {
        functions.remove(drop.group(1));
      }
      Matcher create = CREATE_FUNCTION.matcher(code);
      while (create.find()) {
        functions.add(create.group(1));
      }
    }
    return List.copyOf(functions);
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "");
  }

  private static String commit(Path root) {
    try {
      Process git =
          new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD")
              .redirectErrorStream(true)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (git.waitFor(10, TimeUnit.SECONDS)
          && git.exitValue() == 0
          && out.matches("[0-9a-f]{40}")) {
        Process status =
            new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain")
                .redirectErrorStream(true)
                .start();
        String changes =
            new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        status.waitFor(10, TimeUnit.SECONDS);
        return changes.isEmpty() ? out : out + " with uncommitted changes";
      }
      return "unknown (" + out + ")";
    } catch (IOException e) {
      return "unknown (no git: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  static String sha256(Path file) throws IOException {
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
}
