package com.batchtrace.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** Where the test stack runs (system properties set by ear/pom.xml) and plain clients of it. */
public final class TestStack {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private TestStack() {}

  /** A required system property; running outside Maven fails here instead of testing nothing. */
  public static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is missing: run the tests with ./batchtrace test");
    }
    return value;
  }

  /** The web server's root, e.g. http://localhost:8280. */
  public static String server() {
    return "http://localhost:" + property("test.http.port");
  }

  /** A URI of the application, {@code path} starting with a slash. */
  public static URI app(String path) {
    return URI.create(server() + "/batchtrace" + path);
  }

  public static String keycloak() {
    return property("test.keycloak.url");
  }

  /** An access token of the plant realm for a demo user (resource owner password grant). */
  public static String accessToken(DemoUser user) {
    return accessToken(user.username);
  }

  public static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** For downloads (PDF): the body as bytes. */
  public static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  public static JsonStructure json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }

  public static JsonObject jsonObject(HttpResponse<String> response) {
    return json(response.body()).asJsonObject();
  }

  /**
   * A connection as a PostgreSQL superuser: a rogue administrator who bypasses the application.
   * Only tests of tamper evidence use it.
   */
  public static Connection databaseAsSuperuser() throws SQLException {
    return DriverManager.getConnection(property("test.db.url"), property("test.db.superuser"), "");
  }

  /**
   * A connection as the database owner role (batchtrace_owner): the role the migrations run as,
   * which owns every table and may disable their triggers. Only the tests that play a rogue owner
   * rewriting the audit trail use it.
   */
  public static Connection databaseAsOwner() throws SQLException {
    return DriverManager.getConnection(
        property("test.db.url"),
        property("test.db.owner.user"),
        property("test.db.owner.password"));
  }

  /**
   * Clears Keycloak's brute-force lock of a demo user, so a test that types wrong passwords on
   * purpose leaves the user able to sign in for the tests after it.
   */
  public static void clearIdentityProviderLock(DemoUser user) {
    String admin = keycloakAdminToken();
    HttpResponse<String> cleared =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/attack-detection/brute-force/users/"
                            + keycloakUserId(admin, user.username)))
                .header("Authorization", admin)
                .DELETE());
    if (cleared.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not clear the lock: " + cleared.body());
    }
  }

  /**
   * A new Keycloak user of the test realm holding {@code roles}, with the demo password: for tests
   * that lock a user out on purpose (no demo user stays locked for the tests after them) or need a
   * combination of roles no demo user has.
   */
  public static String newKeycloakUser(String firstName, String... roles) {
    return createKeycloakUser(
        "it-" + java.util.UUID.randomUUID().toString().substring(0, 8), firstName, roles);
  }

  /** A Keycloak user of the test realm named {@code username}, with the demo password. */
  public static String createKeycloakUser(String username, String firstName, String... roles) {
    String admin = keycloakAdminToken();
    String user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("enabled", true)
            .add("emailVerified", true)
            .add("firstName", firstName)
            .add("lastName", "Tester")
            .add("email", username + "@plant.example")
            .add(
                "credentials",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", DemoUser.PASSWORD)
                            .add("temporary", false)))
            .build()
            .toString();
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/plant/users"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Keycloak did not create a user: " + created.body());
    }
    grantRealmRoles(admin, keycloakUserId(admin, username), roles);
    return username;
  }

  private static void grantRealmRoles(String admin, String userId, String... roles) {
    String roleJson =
        java.util.Arrays.stream(roles)
            .map(
                role ->
                    send(HttpRequest.newBuilder(
                                URI.create(keycloak() + "/admin/realms/plant/roles/" + role))
                            .header("Authorization", admin))
                        .body())
            .collect(java.util.stream.Collectors.joining(","));
    HttpResponse<String> mapped =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/users/"
                            + userId
                            + "/role-mappings/realm"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + roleJson + "]")));
    if (mapped.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not grant the role: " + mapped.body());
    }
  }

  /**
   * A new operator (with any further roles) who works on every line, as the demo operators do in
   * the test run (see DeployedApplication).
   */
  public static String newOperator(String firstName, String... moreRoles) {
    String[] roles = new String[moreRoles.length + 1];
    roles[0] = "operator";
    System.arraycopy(moreRoles, 0, roles, 1, moreRoles.length);
    String username = newKeycloakUser(firstName, roles);
    assignLine(username, "");
    return username;
  }

  /**
   * Assigns a user to the line (or area, site: any UNS path; "" for every line) by membership of
   * its group below /lines in Keycloak, creating the groups on the way as an administrator would.
   * Takes effect with the user's next token or sign-in.
   */
  public static void assignLine(String username, String unsPath) {
    String admin = keycloakAdminToken();
    String path = "/lines";
    String group = groupId(admin, path, null, "lines");
    for (String segment : unsPath.isEmpty() ? new String[0] : unsPath.split("/")) {
      path = path + "/" + segment;
      group = groupId(admin, path, group, segment);
    }
    HttpResponse<String> joined =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/users/"
                            + keycloakUserId(admin, username)
                            + "/groups/"
                            + group))
                .header("Authorization", admin)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    if (joined.statusCode() != 204) {
      throw new IllegalStateException(
          "Keycloak did not add the user to " + path + ": " + joined.body());
    }
  }

  /** The id of the group at {@code path}, created below {@code parent} when missing. */
  private static String groupId(String admin, String path, String parent, String name) {
    HttpResponse<String> found =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak() + "/admin/realms/plant/group-by-path" + path))
                .header("Authorization", admin));
    if (found.statusCode() == 200) {
      return json(found.body()).asJsonObject().getString("id");
    }
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/groups"
                            + (parent == null ? "" : "/" + parent + "/children")))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("name", name).build().toString())));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "Keycloak did not create group " + path + ": " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * A new confidential client of the realm with a service account holding {@code roles}, as an
   * administrator would add one for another system: its tokens are issued to it, not to batchtrace.
   */
  public static void newServiceClient(String clientId, String secret, String... roles) {
    String admin = keycloakAdminToken();
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/plant/clients"))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("clientId", clientId)
                            .add("publicClient", false)
                            .add("secret", secret)
                            .add("standardFlowEnabled", false)
                            .add("serviceAccountsEnabled", true)
                            .build()
                            .toString())));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Keycloak did not create a client: " + created.body());
    }
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    String account =
        json(send(HttpRequest.newBuilder(
                        URI.create(
                            keycloak()
                                + "/admin/realms/plant/clients/"
                                + id
                                + "/service-account-user"))
                    .header("Authorization", admin))
                .body())
            .asJsonObject()
            .getString("id");
    grantRealmRoles(admin, account, roles);
  }

  /** Deletes a user from Keycloak, as an administrator removing a leaver would. */
  public static void deleteKeycloakUser(String username) {
    String admin = keycloakAdminToken();
    HttpResponse<String> deleted =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/users/"
                            + keycloakUserId(admin, username)))
                .header("Authorization", admin)
                .DELETE());
    if (deleted.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not delete the user: " + deleted.body());
    }
  }

  /** An access token of the realm for any user with the demo password. */
  public static String accessToken(String username) {
    return token(
        "grant_type=password&client_id=batchtrace&client_secret=batchtrace-demo-secret&scope=openid"
            + "&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(DemoUser.PASSWORD, StandardCharsets.UTF_8),
        username);
  }

  /** An access token of a confidential client's service account (client credentials grant). */
  public static String clientToken(String clientId, String secret) {
    return token(
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8),
        clientId);
  }

  private static String token(String form, String who) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak() + "/realms/plant/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused a token for " + who + ": " + response.body());
    }
    return json(response.body()).asJsonObject().getString("access_token");
  }

  /** An administrator sets the user's password in Keycloak; Keycloak's answer. */
  public static HttpResponse<String> resetPassword(String username, String password) {
    String admin = keycloakAdminToken();
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    keycloak()
                        + "/admin/realms/plant/users/"
                        + keycloakUserId(admin, username)
                        + "/reset-password"))
            .header("Authorization", admin)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    jakarta.json.Json.createObjectBuilder()
                        .add("type", "password")
                        .add("value", password)
                        .add("temporary", false)
                        .build()
                        .toString())));
  }

  /** The realm's password policy as Keycloak applies it. */
  public static String realmPasswordPolicy() {
    String admin = keycloakAdminToken();
    HttpResponse<String> realm =
        send(
            HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/plant"))
                .header("Authorization", admin));
    return json(realm.body()).asJsonObject().getString("passwordPolicy", "");
  }

  /** How many failed logins (wrong passwords included) Keycloak recorded for the user. */
  public static int identityProviderLoginErrors(String username) {
    String admin = keycloakAdminToken();
    HttpResponse<String> events =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak()
                            + "/admin/realms/plant/events?type=LOGIN_ERROR&max=1000&user="
                            + keycloakUserId(admin, username)))
                .header("Authorization", admin));
    return json(events.body()).asJsonArray().size();
  }

  /**
   * Turns direct access grants (the password check of a signature) of the app's client on or off.
   */
  public static void directGrants(boolean enabled) {
    String admin = keycloakAdminToken();
    HttpResponse<String> clients =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak() + "/admin/realms/plant/clients?clientId=batchtrace"))
                .header("Authorization", admin));
    jakarta.json.JsonObject client = json(clients.body()).asJsonArray().getJsonObject(0);
    jakarta.json.JsonObject changed =
        jakarta.json.Json.createObjectBuilder(client)
            .add("directAccessGrantsEnabled", enabled)
            .build();
    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak() + "/admin/realms/plant/clients/" + client.getString("id")))
                .header("Authorization", admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed.toString())));
    if (put.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not change the client: " + put.body());
    }
  }

  /** A bearer token of Keycloak's administrator (master realm), for tests that set up Keycloak. */
  static String keycloakAdminToken() {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(property("test.keycloak.admin.password"), StandardCharsets.UTF_8);
    HttpResponse<String> token =
        send(
            HttpRequest.newBuilder(
                    URI.create(keycloak() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    return "Bearer " + json(token.body()).asJsonObject().getString("access_token");
  }

  private static String keycloakUserId(String admin, String username) {
    HttpResponse<String> users =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        keycloak() + "/admin/realms/plant/users?exact=true&username=" + username))
                .header("Authorization", admin));
    return json(users.body()).asJsonArray().getJsonObject(0).getString("id");
  }

  /** A connection as the application's runtime role, exactly as WildFly connects. */
  public static Connection databaseAsApplication() throws SQLException {
    return DriverManager.getConnection(
        property("test.db.url"), property("test.db.user"), property("test.db.password"));
  }

  /** A count from the test database (as superuser). */
  public static long count(String sql, Object... parameters) {
    try (Connection db = databaseAsSuperuser();
        java.sql.PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      try (java.sql.ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the condition holds, polling, at most {@code limit}; fails naming {@code what}. */
  public static void await(
      java.util.function.BooleanSupplier condition, java.time.Duration limit, String what)
      throws InterruptedException {
    await(condition, limit, () -> what);
  }

  /** As above; {@code what} is read only when the wait fails, so it can say what was seen. */
  public static void await(
      java.util.function.BooleanSupplier condition,
      java.time.Duration limit,
      java.util.function.Supplier<String> what)
      throws InterruptedException {
    java.time.Instant end = java.time.Instant.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (java.time.Instant.now().isAfter(end)) {
        throw new AssertionError("Not within " + limit + ": " + what.get());
      }
      Thread.sleep(100);
    }
  }
}
