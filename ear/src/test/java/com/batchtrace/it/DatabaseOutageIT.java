package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The database stops for 30 s while machine values stream in: the collector retries what it cannot
 * store, keeps nothing as a dead letter, and once the database is back every value is stored
 * exactly once. Stops and starts this machine's PostgreSQL cluster (Debian's pg_ctlcluster).
 */
@Tag("URS-029")
class DatabaseOutageIT extends DeployedApplication {

  private static final int BEFORE = 100;
  private static final int DURING = 200;
  private static final int AFTER = 100;

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void nothingIsDeadLetteredAndEveryValueIsStoredOnceWhenTheDatabaseComesBack() throws Exception {
    String topic = admin.createLineWithSpeedTag("Database outage plant");
    Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(120);
    int sent = 0;
    try (Uns device = Uns.device()) {
      for (; sent < BEFORE; sent++) {
        device.publish(topic, Uns.value(sent, base.plusMillis(sent)));
      }
      TestStack.await(() -> Uns.stored(topic) == BEFORE, Duration.ofSeconds(20), "values before");
      cluster("stop", "-m", "fast");
      try {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < DURING; i++, sent++) {
          device.publish(topic, Uns.value(sent, base.plusMillis(sent)));
          Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000 / (DURING - i)));
        }
      } finally {
        cluster("start");
      }
      for (int i = 0; i < AFTER; i++, sent++) {
        device.publish(topic, Uns.value(sent, base.plusMillis(sent)));
      }
    }
    int total = sent;
    TestStack.await(
        () -> storedOrZero(topic) == total,
        Duration.ofSeconds(90),
        "all " + total + " values stored after the outage");
    assertEquals(total, Uns.stored(topic), "each value exactly once");
    assertEquals(
        0,
        TestStack.count("select count(*) from batchtrace.dead_letter where topic = ?", topic),
        "a database outage is never a dead letter");
  }

  /** While the database is still starting, a count is not possible yet. */
  private static long storedOrZero(String topic) {
    try {
      return Uns.stored(topic);
    } catch (RuntimeException starting) {
      return 0;
    }
  }

  /** pg_ctlcluster of the machine's (newest) cluster, as the test run starts it. */
  private static void cluster(String action, String... options) throws Exception {
    String version;
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      version =
          versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    } catch (IOException e) {
      throw new IllegalStateException("No PostgreSQL cluster under /etc/postgresql", e);
    }
    Stream<String> command =
        Stream.concat(
            Stream.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action),
            Stream.of(options));
    Process p =
        new ProcessBuilder(command.toList())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("pg_ctlcluster " + action + " failed");
    }
  }
}
