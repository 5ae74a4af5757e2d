package com.batchtrace.compliance.signature.control;

import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Checks a user id and password with Keycloak at the moment of signing (21 CFR 11.200(a)): a
 * resource-owner password grant of the application's confidential client. Keycloak's own
 * brute-force protection counts these attempts too. The token it returns came straight from the
 * identity provider over the back channel in answer to this request, so its claims (printed name,
 * roles) are taken as the signer's; the session it opened is ended at once.
 */
@ApplicationScoped
public class PasswordCheck {

  private static final Logger LOG = Logger.getLogger(PasswordCheck.class.getName());
  private static final String CLIENT_ID = "batchtrace";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The outcome: the signer's identity, empty for wrong credentials. */
  public Optional<SignerIdentity> check(String username, String password) {
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
      throw new IdentityProviderUnavailable(
          "the identity provider answered HTTP " + response.statusCode());
    }
    JsonObject tokens = parse(response.body());
    endSession(tokens.getString("refresh_token", null));
    return Optional.of(identityIn(tokens.getString("access_token")));
  }

  private void endSession(String refreshToken) {
    if (refreshToken == null) {
      return;
    }
    try {
      post("/protocol/openid-connect/logout", "refresh_token=" + encode(refreshToken));
    } catch (IdentityProviderUnavailable e) {
      LOG.log(Level.FINE, "Could not end the signing session at Keycloak", e);
    }
  }

  private static SignerIdentity identityIn(String accessToken) {
    String[] parts = accessToken.split("\\.");
    JsonObject claims =
        parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    String userId = claims.getString("preferred_username");
    String name = claims.getString("name", userId);
    Set<String> roles = new HashSet<>();
    JsonValue realmAccess = claims.get("realm_access");
    if (realmAccess instanceof JsonObject access && access.containsKey("roles")) {
      roles.addAll(
          access.getJsonArray("roles").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .collect(Collectors.toSet()));
    }
    return new SignerIdentity(userId, name, roles);
  }

  private HttpResponse<String> post(String path, String form) {
    String body =
        form
            + "&client_id="
            + CLIENT_ID
            + "&client_secret="
            + encode(Settings.text("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(providerUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IdentityProviderUnavailable(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IdentityProviderUnavailable("interrupted");
    }
  }

  /** The realm URL WildFly's OIDC client uses (configure.cli sets the system property). */
  private static String providerUrl() {
    return System.getProperty("batchtrace.oidc.provider-url", "http://localhost:8180/realms/plant")
        .replaceAll("/+$", "");
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Keycloak could not be asked: the signature cannot be checked now, so it is not given. */
  public static class IdentityProviderUnavailable extends RuntimeException {
    public IdentityProviderUnavailable(String detail) {
      super(detail);
    }
  }
}
