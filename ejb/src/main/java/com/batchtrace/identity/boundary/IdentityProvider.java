package com.batchtrace.identity.boundary;

import com.batchtrace.identity.control.TokenVerifier;
import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keycloak's token and admin endpoints for the application's confidential client {@code
 * batchtrace}. The realm URL is the one WildFly's OIDC client uses (system property set by
 * configure.cli); the secret is BATCHTRACE_OIDC_CLIENT_SECRET.
 */
@ApplicationScoped
public class IdentityProvider {

  private static final String CLIENT_ID = "batchtrace";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * A resource-owner password grant: the tokens for correct credentials, empty for wrong ones.
   *
   * @throws Unavailable when Keycloak cannot be asked
   */
  public Optional<JsonObject> passwordGrant(String username, String password) {
    HttpResponse<String> response =
        post(
            "/protocol/openid-connect/token",
            "grant_type=password&scope=openid&username="
                + encode(username)
                + "&password="
                + encode(password));
    if (response.statusCode() == 200) {
      return Optional.of(parse(response.body()).asJsonObject());
    }
    if (isWrongCredential(response)) {
      return Optional.empty();
    }
    // Anything else (direct grants not allowed, a wrong client secret, an account that must
    // first update its password, a Keycloak fault) is not the signer's wrong password: it must
    // never count toward the signing lock.
    throw new Unavailable(
        "the identity provider refused the check (HTTP "
            + response.statusCode()
            + errorOf(response)
            + ")");
  }

  /** Only Keycloak's answer to a wrong user id or password: invalid_grant, invalid credentials. */
  static boolean isWrongCredential(HttpResponse<String> response) {
    if (response.statusCode() != 401 && response.statusCode() != 400) {
      return false;
    }
    try {
      JsonObject error = parse(response.body()).asJsonObject();
      return "invalid_grant".equals(error.getString("error", ""))
          && error
              .getString("error_description", "")
              .toLowerCase(java.util.Locale.ROOT)
              .contains("invalid user credentials");
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  private static String errorOf(HttpResponse<String> response) {
    try {
      JsonObject error = parse(response.body()).asJsonObject();
      return ": "
          + error.getString("error", "error")
          + (error.containsKey("error_description")
              ? ", " + error.getString("error_description", "")
              : "");
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  /**
   * The claims of a token this realm issued to the application, once verified: the realm's key
   * signed it (its published keys are fetched again for a key id not seen yet), the realm issued it
   * (BATCHTRACE_OIDC_ISSUER, default the realm URL), it was issued to the application, and it has
   * not expired.
   *
   * @throws Unavailable when the token does not verify or the keys cannot be fetched
   */
  public JsonObject verifiedClaims(String token) {
    try {
      return TokenVerifier.verify(
          token,
          this::key,
          Settings.text("BATCHTRACE_OIDC_ISSUER", realmUrl()),
          CLIENT_ID,
          Instant.now());
    } catch (TokenVerifier.Invalid invalid) {
      throw new Unavailable(
          "the identity provider's token does not verify: " + invalid.getMessage());
    }
  }

  private PublicKey key(String kid) {
    PublicKey known = keys.get(kid);
    if (known != null) {
      return known;
    }
    HttpResponse<String> certs;
    try {
      certs =
          http.send(
              HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/certs"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable("the realm's keys cannot be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
    for (JsonObject jwk :
        parse(certs.body()).asJsonObject().getJsonArray("keys").getValuesAs(JsonObject.class)) {
      if ("RSA".equals(jwk.getString("kty", ""))
          && jwk.containsKey("kid")
          && jwk.containsKey("n")) {
        keys.put(
            jwk.getString("kid"), TokenVerifier.rsaKey(jwk.getString("n"), jwk.getString("e")));
      }
    }
    return keys.get(kid);
  }

  /** Ends the session a password grant opened (best effort). */
  public void endSession(String refreshToken) {
    if (refreshToken != null) {
      post("/protocol/openid-connect/logout", "refresh_token=" + encode(refreshToken));
    }
  }

  /**
   * One page of the realm's user events of the given types, newest first. Needs the client's
   * service account with the realm-management role view-events.
   */
  public JsonArray events(List<String> types, int first, int max) {
    String bearer = serviceAccountBearer();
    String query =
        types.stream().map(t -> "type=" + encode(t)).collect(Collectors.joining("&"))
            + "&first="
            + first
            + "&max="
            + max;
    HttpResponse<String> events =
        send(
            HttpRequest.newBuilder(URI.create(adminUrl() + "/events?" + query))
                .header("Authorization", bearer)
                .GET());
    if (events.statusCode() != 200) {
      throw new Unavailable(
          "reading the realm's events answered HTTP "
              + events.statusCode()
              + " (the service account needs the role view-events)");
    }
    return parse(events.body()).asJsonArray();
  }

  /** The admin event resources that concern who may do what: users, their roles and groups. */
  private static final String ACCESS_RESOURCES =
      "&resourceTypes=USER&resourceTypes=REALM_ROLE_MAPPING"
          + "&resourceTypes=CLIENT_ROLE_MAPPING&resourceTypes=GROUP_MEMBERSHIP";

  /**
   * One page of the realm's admin events on users, their roles and groups (who changed access),
   * newest first.
   */
  public JsonArray adminEvents(int first, int max) {
    HttpResponse<String> events =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminUrl()
                            + "/admin-events?first="
                            + first
                            + "&max="
                            + max
                            + ACCESS_RESOURCES))
                .header("Authorization", serviceAccountBearer())
                .GET());
    if (events.statusCode() != 200) {
      throw new Unavailable(
          "reading the realm's admin events answered HTTP "
              + events.statusCode()
              + " (the service account needs the role view-events)");
    }
    return parse(events.body()).asJsonArray();
  }

  /** The user name of a user of this realm by Keycloak's id; empty when there is none. */
  public Optional<String> usernameOf(String userId) {
    HttpResponse<String> user =
        send(
            HttpRequest.newBuilder(URI.create(adminUrl() + "/users/" + encode(userId)))
                .header("Authorization", serviceAccountBearer())
                .GET());
    return user.statusCode() == 200
        ? Optional.of(parse(user.body()).asJsonObject().getString("username", userId))
        : Optional.empty();
  }

  /**
   * The realm roles a user holds (composite roles resolved), looked up by the application's service
   * account without the user's password: who may sign is decided before any password is checked.
   * Empty when there is no such user. Needs the role view-users of realm-management.
   */
  public java.util.Set<String> realmRolesOf(String username) {
    String bearer = serviceAccountBearer();
    Optional<JsonObject> found = user(username, bearer);
    if (found.isEmpty()) {
      return java.util.Set.of();
    }
    HttpResponse<String> roles =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminUrl()
                            + "/users/"
                            + found.get().getString("id")
                            + "/role-mappings/realm/composite"))
                .header("Authorization", bearer)
                .GET());
    if (roles.statusCode() != 200) {
      throw new Unavailable("reading a user's roles answered HTTP " + roles.statusCode());
    }
    return parse(roles.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
        .map(r -> r.getString("name"))
        .collect(Collectors.toSet());
  }

  /**
   * Which of {@code usernames} are users of this realm, looked up by the application's service
   * account (role view-users of realm-management).
   */
  public List<String> existingUsers(List<String> usernames) {
    String bearer = serviceAccountBearer();
    return usernames.stream().filter(name -> user(name, bearer).isPresent()).toList();
  }

  /** The user of this realm with exactly this user name; empty when there is none. */
  private Optional<JsonObject> user(String username, String bearer) {
    HttpResponse<String> users =
        send(
            HttpRequest.newBuilder(
                    URI.create(adminUrl() + "/users?exact=true&username=" + encode(username)))
                .header("Authorization", bearer)
                .GET());
    if (users.statusCode() != 200) {
      throw new Unavailable(
          "looking up a user answered HTTP "
              + users.statusCode()
              + " (the service account needs the role view-users)");
    }
    JsonArray found = parse(users.body()).asJsonArray();
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getJsonObject(0));
  }

  /** Keycloak's group below which line assignments live (see execution's LineAssignment). */
  public static final String LINES_GROUP = "/lines";

  /** At most this many accounts are read for one access review. */
  private static final int MAX_ACCOUNTS = 5000;

  /**
   * Every person's account of the realm (service accounts of clients left out) with their
   * application roles and line assignments, read by the application's service account (role
   * view-users of realm-management). One call for the list, two per account.
   */
  public List<Account> accounts() {
    String bearer = serviceAccountBearer();
    HttpResponse<String> users =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        adminUrl()
                            + "/users?briefRepresentation=false&first=0&max="
                            + MAX_ACCOUNTS))
                .header("Authorization", bearer)
                .GET());
    if (users.statusCode() != 200) {
      throw new Unavailable(
          "listing the users answered HTTP "
              + users.statusCode()
              + " (the service account needs the role view-users)");
    }
    List<Account> accounts = new ArrayList<>();
    for (JsonObject user : parse(users.body()).asJsonArray().getValuesAs(JsonObject.class)) {
      if (user.containsKey("serviceAccountClientId")) {
        continue;
      }
      String id = user.getString("id");
      Set<String> roles =
          names(adminArray(bearer, "/users/" + id + "/role-mappings/realm/composite"), "name");
      roles.retainAll(Roles.ALL);
      Set<String> lines = new TreeSet<>();
      for (String path : names(adminArray(bearer, "/users/" + id + "/groups"), "path")) {
        if (path.equals(LINES_GROUP)) {
          lines.add("");
        } else if (path.startsWith(LINES_GROUP + "/")) {
          lines.add(path.substring(LINES_GROUP.length() + 1));
        }
      }
      String name =
          (user.getString("firstName", "") + " " + user.getString("lastName", "")).strip();
      accounts.add(
          new Account(
              id,
              user.getString("username"),
              name.isEmpty() ? user.getString("username") : name,
              user.getBoolean("enabled", false),
              user.containsKey("createdTimestamp")
                  ? Instant.ofEpochMilli(user.getJsonNumber("createdTimestamp").longValue())
                  : null,
              roles,
              lines));
    }
    accounts.sort(java.util.Comparator.comparing(Account::userId));
    return accounts;
  }

  private JsonArray adminArray(String bearer, String path) {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(adminUrl() + path))
                .header("Authorization", bearer)
                .GET());
    if (answer.statusCode() != 200) {
      throw new Unavailable("reading " + path + " answered HTTP " + answer.statusCode());
    }
    return parse(answer.body()).asJsonArray();
  }

  private static Set<String> names(JsonArray array, String field) {
    return array.getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString(field, ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The service account's token and when to fetch a new one. */
  private record ServiceToken(String bearer, Instant renewAt) {}

  private volatile ServiceToken serviceToken;

  /**
   * The service account's bearer token, reused until shortly before it expires: one event poll or
   * verification asks several admin endpoints, and each need not fetch a token of its own.
   */
  private String serviceAccountBearer() {
    ServiceToken current = serviceToken;
    if (current != null && Instant.now().isBefore(current.renewAt())) {
      return current.bearer();
    }
    HttpResponse<String> token =
        post("/protocol/openid-connect/token", "grant_type=client_credentials");
    if (token.statusCode() != 200) {
      throw new Unavailable(
          "the service account of client batchtrace got no token (HTTP "
              + token.statusCode()
              + "): is serviceAccountsEnabled on?");
    }
    JsonObject issued = parse(token.body()).asJsonObject();
    long lifetime =
        issued.containsKey("expires_in") ? issued.getJsonNumber("expires_in").longValue() : 0;
    serviceToken =
        new ServiceToken(
            "Bearer " + issued.getString("access_token"),
            Instant.now().plusSeconds(Math.max(0, lifetime - 30)));
    return serviceToken.bearer();
  }

  private HttpResponse<String> post(String path, String form) {
    String body =
        form
            + "&client_id="
            + CLIENT_ID
            + "&client_secret="
            // No fallback: production mode refuses to start without it (ProductionMode).
            + encode(Settings.text("BATCHTRACE_OIDC_CLIENT_SECRET", ""));
    return send(
        HttpRequest.newBuilder(URI.create(realmUrl() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unavailable(String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  private static String realmUrl() {
    return System.getProperty("batchtrace.oidc.provider-url", "http://localhost:8180/realms/plant")
        .replaceAll("/+$", "");
  }

  /** {@code http://host/realms/plant} becomes {@code http://host/admin/realms/plant}. */
  private static String adminUrl() {
    String realm = realmUrl();
    int at = realm.lastIndexOf("/realms/");
    return realm.substring(0, at) + "/admin" + realm.substring(at);
  }

  public static JsonStructure parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Keycloak could not be asked. */
  public static class Unavailable extends RuntimeException {
    public Unavailable(String detail) {
      super(detail);
    }
  }
}
