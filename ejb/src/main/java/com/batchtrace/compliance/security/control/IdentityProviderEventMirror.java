package com.batchtrace.compliance.security.control;

import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.IdentityProvider;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.Sha256;
import com.batchtrace.platform.SiteDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Failed sign-ins happen at Keycloak, which keeps them in its event store. Every
 * BATCHTRACE_IDP_EVENTS_POLL_SECONDS (default 30) this copies new ones into the security event log
 * as SIGN_IN_FAILED, newest first until it meets one it already has. Keycloak's event id is the
 * row's source_id, so an event is stored once however often it is read; only the node holding the
 * site's duties polls ({@link SiteDuties}). Password checks at signing also reach Keycloak as
 * failed password grants; those are already recorded as SIGNATURE_FAILED and are not copied again.
 */
@Singleton
@Startup
// Only once the installation passed its start-up check (no demo secret in production).
@DependsOn("ProductionReadiness")
public class IdentityProviderEventMirror {

  private static final Logger LOG = Logger.getLogger(IdentityProviderEventMirror.class.getName());
  private static final List<String> TYPES =
      List.of(
          "LOGIN_ERROR",
          "USER_DISABLED_BY_TEMPORARY_LOCKOUT",
          "USER_DISABLED_BY_PERMANENT_LOCKOUT");
  private static final int PAGE = 100;
  private static final int MAX_PAGES = 20;

  @Resource TimerService timers;

  @Inject IdentityProvider identityProvider;

  @PersistenceContext EntityManager em;

  @Inject SiteDuties duties;

  private boolean unavailableReported;

  @PostConstruct
  void schedule() {
    long millis = Settings.positive("BATCHTRACE_IDP_EVENTS_POLL_SECONDS", 30) * 1000L;
    timers.createIntervalTimer(millis, millis, new TimerConfig("identity-provider-events", false));
  }

  /** One poll, in one transaction. */
  @Timeout
  void poll() {
    if (!duties.mayRun("identity provider event mirror")) {
      return;
    }
    try {
      int copied = copyNewEvents() + copyNewAdminEvents();
      if (unavailableReported) {
        LOG.info("The identity provider's event store is reachable again.");
        unavailableReported = false;
      }
      if (copied > 0) {
        LOG.fine(() -> copied + " failed sign-in(s) copied from the identity provider");
      }
    } catch (IdentityProvider.Unavailable e) {
      if (!unavailableReported) {
        LOG.warning(
            "Cannot read failed sign-ins from the identity provider ("
                + e.getMessage()
                + "); retrying every poll.");
        unavailableReported = true;
      }
    }
  }

  private int copyNewEvents() {
    return copyPages(
        page -> identityProvider.events(TYPES, page * PAGE, PAGE),
        event -> isSignatureCheck(event) ? Optional.empty() : Optional.of(store(event)));
  }

  /**
   * Reads pages newest first and copies each event (empty: not one to copy; else whether it was
   * new) until one is met that was copied before.
   */
  private static int copyPages(
      java.util.function.IntFunction<JsonArray> page,
      java.util.function.Function<JsonObject, Optional<Boolean>> copy) {
    int copied = 0;
    for (int n = 0; n < MAX_PAGES; n++) {
      JsonArray events = page.apply(n);
      boolean metKnown = false;
      for (JsonObject event : events.getValuesAs(JsonObject.class)) {
        Optional<Boolean> fresh = copy.apply(event);
        if (fresh.isPresent() && fresh.get()) {
          copied++;
        } else if (fresh.isPresent()) {
          metKnown = true;
        }
      }
      if (metKnown || events.size() < PAGE) {
        break;
      }
    }
    return copied;
  }

  /** Keycloak's admin events on users, their roles, groups and credentials, each once. */
  private int copyNewAdminEvents() {
    return copyPages(
        page -> identityProvider.adminEvents(page * PAGE, PAGE), this::storeAdminEvent);
  }

  private Optional<Boolean> storeAdminEvent(JsonObject event) {
    if (known(sourceId(event))) {
      // Copied on an earlier poll: no need to ask the identity provider for the names again.
      return Optional.of(false);
    }
    Optional<String> detail = adminDetail(event);
    if (detail.isEmpty()) {
      return Optional.empty();
    }
    String path = event.getString("resourcePath", "");
    String affected =
        path.startsWith("users/")
            ? identityProvider
                .usernameOf(path.split("/")[1])
                .orElse("deleted user " + path.split("/")[1])
            : "realm";
    return Optional.of(
        insert(
            event.getJsonNumber("time").longValue(),
            SecurityEventKind.IDENTITY_ADMINISTRATION,
            affected,
            authDetail(event, "ipAddress"),
            detail.get(),
            sourceId(event)));
  }

  private boolean known(String sourceId) {
    return !em.createNativeQuery("select 1 from batchtrace.security_event where source_id = ?1")
        .setParameter(1, sourceId)
        .getResultList()
        .isEmpty();
  }

  /** Keycloak's id of the admin event (or its time, operation and path), at most 64 characters. */
  private static String sourceId(JsonObject event) {
    String id =
        event.getString(
            "id",
            event.getJsonNumber("time")
                + ":"
                + event.getString("operationType", "")
                + ":"
                + event.getString("resourcePath", ""));
    return id.length() <= 58 ? "admin:" + id : "admin:" + Sha256.hex(id).substring(0, 58);
  }

  /** What an admin event did to whom and who did it; empty for events outside access control. */
  private Optional<String> adminDetail(JsonObject event) {
    String type = event.getString("resourceType", "");
    String operation = event.getString("operationType", "");
    String path = event.getString("resourcePath", "");
    String what =
        switch (type) {
          case "USER" ->
              path.endsWith("/reset-password")
                  ? "Password reset"
                  : switch (operation) {
                    case "CREATE" -> "User created";
                    case "DELETE" -> "User deleted";
                    case "UPDATE" -> "User changed (enabled, name or attributes)";
                    default -> "User " + operation.toLowerCase();
                  };
          case "REALM_ROLE_MAPPING", "CLIENT_ROLE_MAPPING" ->
              ("DELETE".equals(operation) ? "Roles removed: " : "Roles granted: ")
                  + roleNames(event);
          case "GROUP_MEMBERSHIP" ->
              "DELETE".equals(operation) ? "Removed from a group" : "Added to a group";
          case "USER_CREDENTIAL", "CREDENTIAL" -> "Credential " + operation.toLowerCase();
          default -> null;
        };
    if (what == null) {
      return Optional.empty();
    }
    String admin = authDetail(event, "userId");
    String adminName =
        admin == null
            ? "an unknown administrator"
            : identityProvider
                .usernameOf(admin)
                .map(n -> "administrator " + n)
                .orElse("administrator " + admin + " of another realm");
    return Optional.of(
        what + ", by " + adminName + " (client " + authDetail(event, "clientId") + ")");
  }

  private static String roleNames(JsonObject event) {
    try {
      String representation = event.getString("representation", "");
      return IdentityProvider.parse(representation)
          .asJsonArray()
          .getValuesAs(JsonObject.class)
          .stream()
          .map(r -> r.getString("name", "?"))
          .collect(java.util.stream.Collectors.joining(", "));
    } catch (RuntimeException noDetails) {
      return "(names not recorded)";
    }
  }

  private static String authDetail(JsonObject event, String field) {
    return event.containsKey("authDetails")
        ? event.getJsonObject("authDetails").getString(field, null)
        : null;
  }

  private boolean insert(
      long epochMillis,
      SecurityEventKind kind,
      String user,
      String address,
      String detail,
      String sourceId) {
    return em.createNativeQuery(
                "insert into batchtrace.security_event (id, occurred_at, kind, user_id,"
                    + " user_name, client_address, detail, source_id) values"
                    + " (nextval('batchtrace.security_event_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    + " on conflict (source_id) do nothing")
            .setParameter(1, Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC))
            .setParameter(2, kind.name())
            .setParameter(3, user)
            .setParameter(4, user)
            .setParameter(5, address)
            .setParameter(6, detail.length() > 4000 ? detail.substring(0, 4000) : detail)
            .setParameter(7, sourceId)
            .executeUpdate()
        == 1;
  }

  /** Stores the event unless it is there already; true when it was new. */
  private boolean store(JsonObject event) {
    JsonObject details =
        event.containsKey("details")
            ? event.getJsonObject("details")
            : JsonObject.EMPTY_JSON_OBJECT;
    String username = details.getString("username", event.getString("userId", "unknown"));
    return insert(
        event.getJsonNumber("time").longValue(),
        SecurityEventKind.SIGN_IN_FAILED,
        username,
        event.getString("ipAddress", null),
        detail(event),
        event.getString("id"));
  }

  private static String detail(JsonObject event) {
    String type = event.getString("type", "");
    String client = event.getString("clientId", "?");
    if (type.startsWith("USER_DISABLED_BY")) {
      return "Account locked by the identity provider after repeated failed sign-ins (client "
          + client
          + ")";
    }
    return "Sign-in failed at the identity provider: "
        + event.getString("error", "unknown error")
        + " (client "
        + client
        + ")";
  }

  /** A failed password grant of this application is a signature attempt, logged as such. */
  private static boolean isSignatureCheck(JsonObject event) {
    JsonObject details =
        event.containsKey("details")
            ? event.getJsonObject("details")
            : JsonObject.EMPTY_JSON_OBJECT;
    return "batchtrace".equals(event.getString("clientId", ""))
        && "password".equals(details.getString("grant_type", ""));
  }
}
