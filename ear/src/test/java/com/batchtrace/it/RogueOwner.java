package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database owner turned attacker, for the tamper-evidence tests: works as the owner role
 * (batchtrace_owner), which owns every table and so may disable their triggers. Each attack runs in
 * one transaction that disables the triggers, changes what it changes and enables them again, so
 * rows the application writes meanwhile wait for it and are linked as usual. Also runs the offline
 * verifier's jar, as an auditor would.
 */
final class RogueOwner {

  private RogueOwner() {}

  /** Runs the statements as the owner in one transaction, with the tables' own triggers off. */
  static void withTriggersOff(List<String> tables, String... statements) throws SQLException {
    try (Connection owner = TestStack.databaseAsOwner()) {
      owner.setAutoCommit(false);
      try (Statement s = owner.createStatement()) {
        s.execute("set local timezone = 'UTC'");
        s.execute("set local extra_float_digits = 1");
        for (String table : tables) {
          s.execute("alter table batchtrace." + table + " disable trigger user");
        }
        for (String statement : statements) {
          s.execute(statement);
        }
        for (String table : tables) {
          s.execute("alter table batchtrace." + table + " enable trigger user");
        }
      }
      owner.commit();
    }
  }

  /** One value from the database, read as the owner. */
  static String value(String sql, Object... parameters) throws SQLException {
    try (Connection owner = TestStack.databaseAsOwner();
        PreparedStatement s = owner.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static long number(String sql, Object... parameters) throws SQLException {
    return Long.parseLong(value(sql, parameters));
  }

  /** The integrity check, as an auditor runs it through the API. */
  static JsonObject verify() {
    HttpResponse<String> report = RestClient.as(DemoUser.AUDITOR).post("/integrity-checks", "");
    assertEquals(200, report.statusCode(), report.body());
    return TestStack.jsonObject(report);
  }

  /** A signed checkpoint taken now, on demand, through the API. */
  static JsonObject checkpoint() {
    HttpResponse<String> signed = RestClient.as(DemoUser.AUDITOR).post("/checkpoints", "");
    assertEquals(200, signed.statusCode(), signed.body());
    return TestStack.jsonObject(signed);
  }

  /** The test server's checkpoint log and public key (./batchtrace test makes them). */
  static Path checkpointDir() {
    return Path.of(TestStack.property("test.checkpoint.dir"));
  }

  static Path checkpointLog() {
    return checkpointDir().resolve("log");
  }

  static Path publicKey() {
    return checkpointDir().resolve("checkpoint-public-key.pem");
  }

  /** What the offline verifier printed and its exit code. */
  record Verdict(int exitCode, String output) {}

  /** Runs java -jar batchtrace-verify.jar with the arguments, as an auditor would. */
  static Verdict offlineVerifier(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(TestStack.property("batchtrace.verify.jar"));
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the offline verifier did not finish: " + command);
      }
      return new Verdict(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Copies the checkpoint log as it is now (what an auditor archived) into {@code target}. */
  static Path copyLog(Path target) throws IOException {
    Files.createDirectories(target);
    try (var files = Files.list(checkpointLog())) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }
}
