package com.batchtrace.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time the processes of the stack used between two readings, from Linux's /proc: per process
 * group (Keycloak and WildFly run in groups of their own, started with setsid by ./batchtrace), all
 * PostgreSQL processes, this JVM, and the whole machine. It tells where a phase's CPU went, so a
 * latency can be put down to the process that spent it.
 */
final class CpuMeter {

  private static final double TICK = 100.0; // USER_HZ on Linux

  private final Map<String, Long> groups = new LinkedHashMap<>();

  /** Reading of one moment: CPU seconds by name. */
  record Reading(Map<String, Double> seconds, long nanos) {}

  /** {@code name=pgid} pairs; a pgid that is not a number is left out. */
  CpuMeter(Map<String, String> processGroups) {
    processGroups.forEach(
        (name, pgid) -> {
          try {
            groups.put(name, Long.parseLong(pgid.strip()));
          } catch (NumberFormatException | NullPointerException e) {
            // not known: not measured
          }
        });
  }

  Reading read() {
    Map<String, Double> s = new LinkedHashMap<>();
    groups.keySet().forEach(name -> s.put(name, 0.0));
    s.put("PostgreSQL (all databases)", 0.0);
    s.put("the benchmark's client", 0.0);
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        String stat;
        try {
          stat = Files.readString(p.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long pgid = Long.parseLong(f[2]);
        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
        long pid = Long.parseLong(p.getFileName().toString());
        for (Map.Entry<String, Long> g : groups.entrySet()) {
          if (g.getValue() == pgid) {
            s.merge(g.getKey(), cpu, Double::sum);
          }
        }
        if (command.startsWith("postgres")) {
          s.merge("PostgreSQL (all databases)", cpu, Double::sum);
        }
        if (pid == self) {
          s.merge("the benchmark's client", cpu, Double::sum);
        }
      }
      String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
      long busy = 0;
      for (int i = 1; i < all.length; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(all[i]);
        }
      }
      s.put("the whole machine (shared)", busy / TICK);
    } catch (IOException | RuntimeException e) {
      return new Reading(Map.of(), System.nanoTime());
    }
    return new Reading(s, System.nanoTime());
  }

  /** CPU seconds since {@code from} per name, and per unit of work (e.g. per step). */
  static void print(Reading from, Reading to, long units, String unit) {
    if (from.seconds().isEmpty() || to.seconds().isEmpty()) {
      return;
    }
    double wall = (to.nanos() - from.nanos()) / 1e9;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "  CPU used in this phase (%.1f s on %d cores = %.1f CPU-s available):%n",
        wall,
        cores,
        wall * cores);
    for (String name : to.seconds().keySet()) {
      double used = to.seconds().get(name) - from.seconds().getOrDefault(name, 0.0);
      if (used < 0) {
        // A process group that ended (a node killed) takes its CPU time with it.
        System.out.printf(Locale.ROOT, "    %-30s (ended during the phase)%n", name);
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "    %-30s %7.1f CPU-s  %5.0f%% of the machine  %7.1f ms per %s%n",
          name,
          used,
          100 * used / (wall * cores),
          units == 0 ? 0 : 1000 * used / units,
          unit);
    }
  }
}
