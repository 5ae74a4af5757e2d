package com.batchtrace.docker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * URS-001 (role-based access): the Keycloak realm the demo stack imports
 * (docker/keycloak/realm-plant.json) defines the plant's four roles, one enabled demo user for
 * each, a password policy those users' passwords keep, brute-force protection, and a confidential
 * {@code batchtrace} client limited to the application's own redirect URIs.
 */
@Tag("URS-001")
class KeycloakRealmTest {

  private static final String WHERE = "docker/" + StackFiles.REALM_FILE;

  /** The demo users and the one plant role each must hold. */
  private static final Map<String, String> USER_ROLES = new LinkedHashMap<>();

  static {
    USER_ROLES.put("operator1", "operator");
    USER_ROLES.put("operator2", "operator");
    USER_ROLES.put("reviewer", "qa-reviewer");
    USER_ROLES.put("auditor", "auditor");
    USER_ROLES.put("admin", "admin");
  }

  private static JsonNode realm;

  @BeforeAll
  static void readRealm() {
    realm = StackFiles.realm();
  }

  @Test
  void realmIsNamedPlant() {
    assertEquals(
        "plant",
        StackFiles.text(realm, "realm", "the realm"),
        WHERE + " must define realm 'plant': the app's provider URL ends in /realms/plant");
  }

  @Test
  void realmDefinesTheFourPlantRoles() {
    Set<String> roles = new TreeSet<>();
    realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asText()));
    assertAll(
        "realm roles of " + WHERE,
        Set.of("operator", "qa-reviewer", "auditor", "admin").stream()
            .map(
                role ->
                    (Executable)
                        () ->
                            assertTrue(
                                roles.contains(role),
                                WHERE + " lacks realm role '" + role + "'; it has " + roles)));
  }

  @Test
  void everyDemoUserExistsEnabledWithProfileAndRoles() {
    List<Executable> checks = new ArrayList<>();
    USER_ROLES.forEach(
        (username, role) ->
            checks.add(
                () -> {
                  JsonNode user = user(username);
                  String who = WHERE + " user '" + username + "'";
                  assertAll(
                      who,
                      () -> assertTrue(user.path("enabled").asBoolean(false), who + " is disabled"),
                      () -> assertHasText(user, "email", who),
                      () -> assertHasText(user, "firstName", who),
                      () -> assertHasText(user, "lastName", who),
                      () -> assertHasRealmRole(user, "default-roles-plant", who),
                      () -> assertHasRealmRole(user, role, who));
                }));
    assertAll("demo users of " + WHERE, checks);
  }

  @Test
  void everyUserPasswordSatisfiesTheRealmPasswordPolicy() {
    PasswordPolicy policy =
        PasswordPolicy.parse(StackFiles.text(realm, "passwordPolicy", "the realm"));
    List<Executable> checks = new ArrayList<>();
    for (JsonNode user : realm.path("users")) {
      if (user.has("serviceAccountClientId")) {
        continue; // a client's service account signs in with the client secret, never a password
      }
      String username = user.path("username").asText();
      List<JsonNode> passwords = new ArrayList<>();
      user.path("credentials")
          .forEach(
              credential -> {
                if ("password".equals(credential.path("type").asText())) {
                  passwords.add(credential);
                }
              });
      checks.add(
          () ->
              assertFalse(
                  passwords.isEmpty(),
                  WHERE + " user '" + username + "' has no password credential"));
      for (JsonNode credential : passwords) {
        String password = credential.path("value").asText();
        checks.add(
            () -> {
              List<String> violations = policy.violations(username, password);
              assertTrue(
                  violations.isEmpty(),
                  "The password of user '"
                      + username
                      + "' in "
                      + WHERE
                      + " breaks the realm's password policy '"
                      + policy
                      + "': it "
                      + String.join("; ", violations)
                      + ". Choose a demo password the realm itself would accept.");
            });
      }
    }
    assertFalse(checks.isEmpty(), WHERE + " has no users");
    assertAll("passwords of " + WHERE, checks);
  }

  @Test
  void bruteForceProtectionLocksAfterAtMostFiveFailures() {
    int failureFactor = realm.path("failureFactor").asInt(Integer.MAX_VALUE);
    assertAll(
        "brute-force protection of " + WHERE,
        () ->
            assertTrue(
                realm.path("bruteForceProtected").asBoolean(false),
                WHERE + " must set bruteForceProtected: true"),
        () ->
            assertTrue(
                failureFactor >= 1 && failureFactor <= 5,
                WHERE
                    + " must set failureFactor to 1..5 failed logins, found "
                    + realm.get("failureFactor")));
  }

  @Test
  void batchtraceClientIsConfidentialWithTheAppsRedirectUris() {
    JsonNode client = StackFiles.client(realm, "batchtrace");
    String who = WHERE + " client 'batchtrace'";
    List<String> redirectUris = new ArrayList<>();
    client.path("redirectUris").forEach(uri -> redirectUris.add(uri.asText()));
    assertAll(
        who,
        () ->
            assertFalse(
                client.path("publicClient").asBoolean(true),
                who + " must be confidential (publicClient: false): it holds a client secret"),
        () ->
            assertTrue(
                client.path("standardFlowEnabled").asBoolean(false),
                who + " must enable the standard (authorization code) flow"),
        () -> assertRedirectUri(redirectUris, "http://localhost:8080/*", who),
        () -> assertRedirectUri(redirectUris, "http://localhost:8280/*", who),
        () ->
            assertFalse(
                redirectUris.stream().anyMatch(uri -> uri.strip().equals("*")),
                who + " must not allow the bare wildcard redirect URI '*': " + redirectUris));
  }

  private static JsonNode user(String username) {
    for (JsonNode user : realm.path("users")) {
      if (username.equals(user.path("username").asText())) {
        return user;
      }
    }
    fail(WHERE + " has no user '" + username + "'");
    return null;
  }

  private static void assertHasText(JsonNode node, String field, String who) {
    assertFalse(node.path(field).asText("").isBlank(), who + " has no " + field);
  }

  private static void assertHasRealmRole(JsonNode user, String role, String who) {
    List<String> roles = new ArrayList<>();
    user.path("realmRoles").forEach(r -> roles.add(r.asText()));
    assertTrue(roles.contains(role), who + " lacks realm role '" + role + "'; it has " + roles);
  }

  private static void assertRedirectUri(List<String> redirectUris, String uri, String who) {
    assertTrue(
        redirectUris.contains(uri), who + " lacks redirect URI '" + uri + "': " + redirectUris);
  }
}
