package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.IdentityProvider;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Settings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * Reads the signed-in user from a request: the user id is the principal name (Keycloak's
 * preferred_username, see configure.cli), the account id the token's {@code sub}, the printed name
 * its {@code name} claim (read-only for users in the realm's user profile), the lines from its
 * {@code groups}.
 */
final class SignedInUser {

  /** The identity provider's group under which line assignments live. */
  private static final String LINES = IdentityProvider.LINES_GROUP;

  /**
   * The reverse proxies whose X-Forwarded-For is believed: comma-separated addresses, none by
   * default.
   */
  private static final Set<String> TRUSTED_PROXIES =
      Stream.of(Settings.text("BATCHTRACE_TRUSTED_PROXIES", "").split(","))
          .map(String::strip)
          .filter(address -> !address.isEmpty())
          .collect(Collectors.toUnmodifiableSet());

  private SignedInUser() {}

  static Optional<Actor> of(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null) {
      return Optional.empty();
    }
    Set<String> roles =
        Roles.ALL.stream().filter(request::isUserInRole).collect(Collectors.toUnmodifiableSet());
    Optional<JsonWebToken> token = token(principal);
    String displayName = token.map(SignedInUser::printedName).orElse(principal.getName());
    return Optional.of(
        new Actor(
            principal.getName(),
            token.map(JsonWebToken::getSubject).orElse(null),
            displayName,
            clientAddress(request),
            roles,
            token.map(SignedInUser::lines).orElse(Set.of()),
            sessionStart(request)));
  }

  /**
   * When the page session began: its first signing needs both the user id and the password, later
   * ones the password (21 CFR 11.200(a)(1)). A session ends at sign-out, idle timeout or a switch
   * of user, so the next one starts afresh. API requests have no session: null.
   */
  private static Instant sessionStart(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : Instant.ofEpochMilli(session.getCreationTime());
  }

  /** The raw ID token, needed as id_token_hint when signing out at the identity provider. */
  static Optional<String> idToken(HttpServletRequest request) {
    return oidc(request.getUserPrincipal()).map(p -> p.getOidcSecurityContext().getIDTokenString());
  }

  /**
   * The person's own language at the identity provider (the token's {@code locale} claim, set when
   * they choose a language on the sign-in page), if any.
   */
  static Optional<String> locale(HttpServletRequest request) {
    return token(request.getUserPrincipal())
        .filter(t -> t.hasClaim("locale"))
        .map(t -> t.getClaimValueAsString("locale"));
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

  /**
   * The lines the person is assigned to: their groups below {@code /lines} (the token's {@code
   * groups} claim, full paths), each path below it being a UNS path; {@code /lines} itself is every
   * line.
   */
  private static Set<String> lines(JsonWebToken token) {
    List<String> groups =
        token.hasClaim("groups") ? token.getStringListClaimValue("groups") : List.of();
    return groups.stream()
        .filter(g -> g.equals(LINES) || g.startsWith(LINES + "/"))
        .map(g -> g.equals(LINES) ? "" : g.substring(LINES.length() + 1))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String printedName(JsonWebToken token) {
    String name = token.getClaimValueAsString("name");
    return name == null || name.isBlank()
        ? token.getClaimValueAsString("preferred_username")
        : name;
  }

  private static String clientAddress(HttpServletRequest request) {
    return clientAddress(
        request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TRUSTED_PROXIES);
  }

  /**
   * The terminal's address as the audit trail records it. X-Forwarded-For is anyone's to write, so
   * it is believed only when the direct peer is one of the plant's reverse proxies
   * (BATCHTRACE_TRUSTED_PROXIES): then the client is the last hop that no trusted proxy added. From
   * any other peer the header is ignored and the peer's own address recorded.
   */
  static String clientAddress(String peer, String forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor == null || !trustedProxies.contains(peer)) {
      return peer;
    }
    List<String> hops = List.of(forwardedFor.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i).strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
