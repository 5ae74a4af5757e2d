package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Reads the signed-in user from a request: the user id is the principal name (Keycloak's
 * preferred_username, see configure.cli), the printed name is the token's {@code name} claim.
 */
final class SignedInUser {

  private SignedInUser() {}

  static Optional<Actor> of(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    Set<String> roles =
        Roles.ALL.stream().filter(request::isUserInRole).collect(Collectors.toUnmodifiableSet());
    String displayName =
        token(principal).map(SignedInUser::printedName).orElse(principal.getName());
    return Optional.of(new Actor(principal.getName(), displayName, clientAddress(request), roles));
  }

  /** The raw ID token, needed as id_token_hint when signing out at the identity provider. */
  static Optional<String> idToken(HttpServletRequest request) {
    return oidc(request.getUserPrincipal()).map(p -> p.getOidcSecurityContext().getIDTokenString());
  }

  /** The issuer (realm URL) of the user's token: where sign-out must be sent. */
  static Optional<String> issuer(HttpServletRequest request) {
    return token(request.getUserPrincipal()).map(JsonWebToken::getIssuer);
  }

  private static Optional<JsonWebToken> token(Principal principal) {
    return oidc(principal)
        .map(
            p -> {
              IDToken id = p.getOidcSecurityContext().getIDToken();
              return id != null ? id : p.getOidcSecurityContext().getToken();
            });
  }

  private static Optional<OidcPrincipal<?>> oidc(Principal principal) {
    return principal instanceof OidcPrincipal<?> oidc ? Optional.of(oidc) : Optional.empty();
  }

  private static String printedName(JsonWebToken token) {
    String name = token.getClaimValueAsString("name");
    return name == null || name.isBlank()
        ? token.getClaimValueAsString("preferred_username")
        : name;
  }

  /** The terminal's address; behind a reverse proxy, the first X-Forwarded-For hop. */
  private static String clientAddress(HttpServletRequest request) {
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].strip();
    }
    return request.getRemoteAddr();
  }
}
