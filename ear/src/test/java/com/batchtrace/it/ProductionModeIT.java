package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of production mode: a second copy of the built server (the same WildFly home, a base
 * folder of its own, port offset 600), started with the demo client secret and without
 * BATCHTRACE_DEMO_DATA against the test database and the test realm, refuses its deployment and
 * says why: the deployment's .failed marker and the server log name the client secret (and the
 * realm's demo users, found through the service account). The test stack's own server runs the same
 * EAR as a declared demo, so it starts.
 */
@Tag("URS-043")
class ProductionModeIT {

  private static final int OFFSET = 600;

  @Test
  void theDemoClientSecretWithoutDemoModeStopsTheDeploymentWithThatReason() throws Exception {
    for (int port : new int[] {8080 + OFFSET, 8443 + OFFSET, 9990 + OFFSET}) {
      assertFalse(
          ServerCopy.listening(port), "port " + port + " must be free for the second server");
    }
    Path home = Path.of(TestStack.property("jboss.home"));
    Path base = Path.of(TestStack.property("test.build.dir"), "production-mode-server");
    ServerCopy.freshBase(home, base);

    ProcessBuilder start =
        new ProcessBuilder(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + OFFSET)
            .redirectErrorStream(true)
            .redirectOutput(base.resolve("console.log").toFile());
    Map<String, String> environment = start.environment();
    environment.remove("BATCHTRACE_DEMO_DATA");
    environment.remove("BATCHTRACE_DEMO_PLANT");
    environment.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    // Never touch the test server's broker session.
    environment.put("BATCHTRACE_MQTT_ENABLED", "false");
    Process server = start.start();
    try {
      Path failed = base.resolve("deployments/batchtrace.ear.failed");
      Path deployed = base.resolve("deployments/batchtrace.ear.deployed");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
      while (!Files.exists(failed) && !Files.exists(deployed) && Instant.now().isBefore(deadline)) {
        assertTrue(
            server.isAlive(), "the second server stopped: see " + base.resolve("console.log"));
        Thread.sleep(250);
      }
      assertFalse(Files.exists(deployed), "the deployment must be refused, but it deployed");
      assertTrue(Files.exists(failed), "no deployment result within 90 s: see " + base);
      String reason = Files.readString(failed, StandardCharsets.UTF_8);
      String log = Files.readString(base.resolve("log/server.log"), StandardCharsets.UTF_8);
      String secret = "BATCHTRACE_OIDC_CLIENT_SECRET has its public demo value";
      assertTrue(reason.contains(secret), "the .failed marker names the secret: " + reason);
      assertTrue(
          log.contains("Batchtrace refuses to start: " + secret),
          "the server log has the reason on a line of its own");
      assertTrue(
          log.contains(
              "Batchtrace refuses to start: The realm holds the demo users operator1, operator2,"
                  + " reviewer, auditor, admin"),
          "the realm's demo users, asked through the service account, are named too");
    } finally {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      server.waitFor();
    }
  }

  /**
   * The production realm template imports into the real Keycloak as it is, and Keycloak reads it as
   * intended: no people, TLS required on every request, the password policy, user and admin events,
   * new users made to change their password, and a client secret Keycloak generated.
   */
  @Test
  void theProductionRealmTemplateImportsWithoutPeopleAndWithItsPolicies() throws IOException {
    Path template =
        Path.of(TestStack.property("test.build.dir"))
            .resolve("../../docker/keycloak/realm-production-template.json");
    String realm = "plant-template-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String json =
        Files.readString(template, StandardCharsets.UTF_8)
            .replaceFirst("\"realm\"\\s*:\\s*\"plant\"", "\"realm\": \"" + realm + "\"");
    String admin = TestStack.keycloakAdminToken();
    String realmUrl = TestStack.keycloak() + "/admin/realms/" + realm;
    HttpResponse<String> created =
        TestStack.send(
            HttpRequest.newBuilder(URI.create(TestStack.keycloak() + "/admin/realms"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    try {
      assertEquals(201, created.statusCode(), created.body());
      JsonObject imported = adminGet(admin, realmUrl).asJsonObject();
      assertEquals("all", imported.getString("sslRequired"));
      assertTrue(imported.getBoolean("eventsEnabled"), "user events on");
      assertTrue(imported.getBoolean("adminEventsEnabled"), "admin events on");
      assertTrue(imported.getBoolean("bruteForceProtected"), "brute-force protection on");
      assertTrue(
          imported.getString("passwordPolicy", "").contains("length(12)"), "password policy on");
      List<String> people =
          adminGet(admin, realmUrl + "/users?briefRepresentation=true")
              .asJsonArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .map(u -> u.getString("username"))
              .filter(name -> !name.startsWith("service-account-"))
              .toList();
      assertEquals(List.of(), people, "the template holds no people");
      assertTrue(
          adminGet(admin, realmUrl + "/authentication/required-actions/UPDATE_PASSWORD")
              .asJsonObject()
              .getBoolean("defaultAction"),
          "every new user must change the given password");
      String client =
          adminGet(admin, realmUrl + "/clients?clientId=batchtrace")
              .asJsonArray()
              .getJsonObject(0)
              .getString("id");
      String secret =
          adminGet(admin, realmUrl + "/clients/" + client + "/client-secret")
              .asJsonObject()
              .getString("value", "");
      assertTrue(secret.length() >= 16, "Keycloak generated the client secret");
      assertNotEquals("batchtrace-demo-secret", secret);
    } finally {
      TestStack.send(
          HttpRequest.newBuilder(URI.create(realmUrl)).header("Authorization", admin).DELETE());
    }
  }

  private static JsonStructure adminGet(String admin, String url) {
    HttpResponse<String> answer =
        TestStack.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin));
    assertEquals(200, answer.statusCode(), url + ": " + answer.body());
    return TestStack.json(answer.body());
  }
}
