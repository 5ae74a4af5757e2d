package com.batchtrace.db.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An external program (initdb, pg_ctl, pgbackrest) run to completion. PostgreSQL refuses to run as
 * root and pgBackRest must write the repository as the user that runs the cluster, so when this JVM
 * runs as root every command runs as the operating system user {@code postgres}.
 */
final class Command {

  static final String CLUSTER_USER = "postgres";

  private Command() {}

  static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Runs the command as the cluster's user; returns its output, or fails with it. */
  static String run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (asRoot()) {
      full.addAll(List.of("runuser", "-u", CLUSTER_USER, "--"));
    }
    full.addAll(command);
    return exec(full);
  }

  /** Hands a directory this JVM made to the cluster's user (root only; otherwise it is ours). */
  static void giveToClusterUser(Path dir) {
    if (asRoot()) {
      exec(List.of("chown", "-R", CLUSTER_USER + ":", dir.toString()));
    }
  }

  private static String exec(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (exit " + exit + "):\n" + output.strip());
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }
}
