package com.batchtrace.validation.iq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running WildFly of an installation, as Linux shows it under /proc: its java process is the
 * one whose command line names {@code -Djboss.home.dir=<home>}. Reading another process's
 * environment needs the same user or root, as the installation's technician has.
 */
final class WildFlyProcess {

  private WildFlyProcess() {}

  /** The pids of the java processes running the WildFly installed at {@code home}. */
  static List<Long> of(Path home) {
    String marker = "-Djboss.home.dir=" + home;
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p.pid()).contains(marker + "\0"))
        .map(ProcessHandle::pid)
        .toList();
  }

  /** A process's environment, by name. */
  static Map<String, String> environment(long pid) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    String all =
        new String(
            Files.readAllBytes(Path.of("/proc", pid + "", "environ")), StandardCharsets.UTF_8);
    for (String entry : all.split("\0")) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        environment.put(entry.substring(0, equals), entry.substring(equals + 1));
      }
    }
    return environment;
  }

  private static String commandLine(long pid) {
    try {
      return new String(
          Files.readAllBytes(Path.of("/proc", pid + "", "cmdline")), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException gone) {
      return "";
    }
  }
}
