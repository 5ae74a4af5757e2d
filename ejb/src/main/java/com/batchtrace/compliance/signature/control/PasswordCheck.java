package com.batchtrace.compliance.signature.control;

import com.batchtrace.identity.boundary.IdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
 * identity provider over the back channel in answer to this request; its signature, issuer,
 * audience and expiry are still verified against the realm's published keys before its claims
 * (printed name, roles) are taken as the signer's. The session it opened is ended at once.
 */
@ApplicationScoped
public class PasswordCheck {

  private static final Logger LOG = Logger.getLogger(PasswordCheck.class.getName());

  @Inject IdentityProvider identityProvider;

  /**
   * The signer's identity, empty for wrong credentials.
   *
   * @throws IdentityProvider.Unavailable when Keycloak cannot be asked
   */
  public Optional<SignerIdentity> check(String username, String password) {
    return identityProvider
        .passwordGrant(username, password)
        .map(
            tokens -> {
              endSession(tokens.getString("refresh_token", null));
              return identityIn(tokens.getString("access_token"));
            });
  }

  private void endSession(String refreshToken) {
    try {
      identityProvider.endSession(refreshToken);
    } catch (IdentityProvider.Unavailable e) {
      LOG.log(Level.FINE, "Could not end the signing session at Keycloak", e);
    }
  }

  /** The signer as the verified token names them; an unverifiable token is not believed. */
  private SignerIdentity identityIn(String accessToken) {
    JsonObject claims = identityProvider.verifiedClaims(accessToken);
    String userId = claims.getString("preferred_username");
    String subject = claims.getString("sub");
    String name = claims.getString("name", userId);
    Set<String> roles = new HashSet<>();
    JsonValue realmAccess = claims.get("realm_access");
    if (realmAccess instanceof JsonObject access && access.containsKey("roles")) {
      roles.addAll(
          access.getJsonArray("roles").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .collect(Collectors.toSet()));
    }
    return new SignerIdentity(userId, subject, name, roles);
  }
}
