package com.batchtrace.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Which build the test results are evidence for: the commit, the EAR's SHA-256 and build time, and
 * the time span of the reports read. Stale when a report is older than its module's build (the
 * module, or the EAR, was built again without running its tests): its results count as not run, and
 * the matrix and the package say so.
 *
 * @param commit the commit of the sources, with a note when they had uncommitted changes
 * @param earSha256 the SHA-256 of {@code ear/target/batchtrace.ear}, or null when it is not built
 * @param earBuiltAt when the EAR was written, or null
 * @param oldestReport the oldest report's time, or null when none was read
 * @param newestReport the newest report's time, or null
 * @param staleReports the reports older than their module's build, relative to the root
 */
record BuildEvidence(
    String commit,
    String earSha256,
    Instant earBuiltAt,
    Instant oldestReport,
    Instant newestReport,
    List<String> staleReports) {

  static final String EAR = "ear/target/batchtrace.ear";

  BuildEvidence {
    staleReports = List.copyOf(staleReports);
  }

  static BuildEvidence of(Path root, TestReports reports) throws IOException {
    Path ear = root.resolve(EAR);
    boolean built = Files.isRegularFile(ear);
    return new BuildEvidence(
        commit(root),
        built ? sha256(ear) : null,
        built ? Files.getLastModifiedTime(ear).toInstant() : null,
        reports.oldestReport().orElse(null),
        reports.newestReport().orElse(null),
        reports.staleReports());
  }

  boolean stale() {
    return !staleReports.isEmpty();
  }

  /** One sentence naming the build, for the package's title page and every matrix. */
  String sentence() {
    return "Build: commit "
        + commit
        + "; EAR "
        + (earSha256 == null ? "not built" : "SHA-256 " + earSha256 + ", built " + earBuiltAt)
        + "; test reports from "
        + (oldestReport == null ? "none" : oldestReport + " to " + newestReport)
        + (stale()
            ? ". STALE: "
                + staleReports.size()
                + " report(s) are older than their module's build (built again without running"
                + " its tests); their results count as not run."
            : ".");
  }

  /** The build in a few words, for every page's header: commit, EAR and whether it is stale. */
  String shortName() {
    return "build "
        + (commit.matches("[0-9a-f]{40}.*") ? commit.substring(0, 12) : commit)
        + (commit.contains("uncommitted") ? "+changes" : "")
        + ", EAR "
        + (earSha256 == null ? "not built" : earSha256.substring(0, 12))
        + (stale() ? ", STALE test results" : "");
  }

  static String commit(Path root) {
    try {
      String head = git(root, "rev-parse", "HEAD");
      if (!head.matches("[0-9a-f]{40}")) {
        return "unknown";
      }
      return git(root, "status", "--porcelain").isEmpty()
          ? head
          : head + " with uncommitted changes";
    } catch (IOException e) {
      return "unknown (no git checkout)";
    }
  }

  private static String git(Path root, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
        throw new IOException("git " + String.join(" ", args) + ": " + out);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
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

  /** For tests and documents that know no build. */
  static BuildEvidence none() {
    return new BuildEvidence("unknown", null, null, null, null, List.of());
  }

  Optional<String> earSha() {
    return Optional.ofNullable(earSha256);
  }
}
