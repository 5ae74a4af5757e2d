package com.batchtrace.validation.iq;

import com.batchtrace.validation.iq.IqChecks.ClockComparison;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * The time sources the IQ compares this host's clock with. Each answers an offset or says why it
 * could not be asked (a missing tool is reported, not passed over).
 */
final class TimeSources {

  private static final Pattern CHRONY_OFFSET =
      Pattern.compile("System time\\s*:\\s*([0-9.]+) seconds (fast|slow)");

  private static final Pattern TIMESYNC_OFFSET =
      Pattern.compile("Offset:\\s*([+-]?[0-9.]+)\\s*(µs|us|ms|s|min)\\b");

  private TimeSources() {}

  /** {@code chronyc tracking}: the system clock's offset from chrony's reference. */
  static ClockComparison chrony() {
    String source = "chrony (chronyc tracking)";
    try {
      String out = run(List.of("chronyc", "tracking"));
      return chronyOffset(source, out);
    } catch (IOException e) {
      return new ClockComparison(source, null, "chronyc not available: " + e.getMessage());
    }
  }

  static ClockComparison chronyOffset(String source, String out) {
    Matcher m = CHRONY_OFFSET.matcher(out);
    if (!m.find()) {
      return new ClockComparison(source, null, "no offset in its answer: " + firstLine(out));
    }
    long nanos = Math.round(Double.parseDouble(m.group(1)) * 1e9);
    return new ClockComparison(
        source, Duration.ofNanos(m.group(2).equals("fast") ? nanos : -nanos), null);
  }

  /**
   * {@code timedatectl timesync-status}: systemd-timesyncd's measured offset from its NTP server
   * ("Offset: +1.234ms"). A synchronised flag alone is no comparison and is not taken for one.
   */
  static ClockComparison timedatectl() {
    String source = "systemd-timesyncd (timedatectl timesync-status)";
    try {
      return timesyncOffset(source, run(List.of("timedatectl", "timesync-status")));
    } catch (IOException e) {
      return new ClockComparison(source, null, "timedatectl not available: " + e.getMessage());
    }
  }

  static ClockComparison timesyncOffset(String source, String out) {
    Matcher m = TIMESYNC_OFFSET.matcher(out);
    if (!m.find()) {
      return new ClockComparison(source, null, "no offset in its answer: " + firstLine(out));
    }
    double value = Double.parseDouble(m.group(1));
    double nanos =
        switch (m.group(2)) {
          case "us", "µs" -> value * 1e3;
          case "ms" -> value * 1e6;
          case "min" -> value * 60e9;
          default -> value * 1e9;
        };
    // timesyncd's offset is the server's time minus this host's.
    return new ClockComparison(source, Duration.ofNanos(-Math.round(nanos)), null);
  }

  /** An SNTP query of the plant's NTP server. */
  static ClockComparison ntp(String server) {
    String source = "NTP server " + server;
    NTPUDPClient client = new NTPUDPClient();
    client.setDefaultTimeout(Duration.ofSeconds(5));
    try {
      client.open();
      TimeInfo info = client.getTime(InetAddress.getByName(server));
      info.computeDetails();
      Long offset = info.getOffset();
      if (offset == null) {
        return new ClockComparison(source, null, "its answer gave no offset");
      }
      // getOffset is the server's time minus this host's; this host's offset is the opposite.
      return new ClockComparison(source, Duration.ofMillis(-offset), null);
    } catch (IOException e) {
      return new ClockComparison(source, null, "no answer: " + e.getMessage());
    } finally {
      client.close();
    }
  }

  private static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not answer in 10 s");
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException("exit " + p.exitValue() + ": " + firstLine(out));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
