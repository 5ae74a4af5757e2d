package com.batchtrace.identity.boundary;

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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    if (response.statusCode() == 401 || response.statusCode() == 400) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new Unavailable("the identity provider answered HTTP " + response.statusCode());
    }
    return Optional.of(parse(response.body()).asJsonObject());
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
    HttpResponse<String> token =
        post("/protocol/openid-connect/token", "grant_type=client_credentials");
    if (token.statusCode() != 200) {
      throw new Unavailable(
          "the service account of client batchtrace got no token (HTTP "
              + token.statusCode()
              + "): is serviceAccountsEnabled on?");
    }
    String query =
        types.stream().map(t -> "type=" + encode(t)).collect(Collectors.joining("&"))
            + "&first="
            + first
            + "&max="
            + max;
    HttpResponse<String> events =
        send(
            HttpRequest.newBuilder(URI.create(adminUrl() + "/events?" + query))
                .header(
                    "Authorization",
                    "Bearer " + parse(token.body()).asJsonObject().getString("access_token"))
                .GET());
    if (events.statusCode() != 200) {
      throw new Unavailable(
          "reading the realm's events answered HTTP "
              + events.statusCode()
              + " (the service account needs the role view-events)");
    }
    return parse(events.body()).asJsonArray();
  }

  private HttpResponse<String> post(String path, String form) {
    String body =
        form
            + "&client_id="
            + CLIENT_ID
            + "&client_secret="
            + encode(Settings.text("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret"));
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
