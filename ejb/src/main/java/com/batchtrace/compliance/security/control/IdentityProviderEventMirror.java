package com.batchtrace.compliance.security.control;

import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.IdentityProvider;
import com.batchtrace.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
import java.util.logging.Logger;

/**
 * Failed sign-ins happen at Keycloak, which keeps them in its event store. Every
 * BATCHTRACE_IDP_EVENTS_POLL_SECONDS (default 30) this copies new ones into the security event log
 * as SIGN_IN_FAILED, newest first until it meets one it already has. Keycloak's event id is the
 * row's source_id, so an event is stored once however often it is read and by however many cluster
 * nodes. Password checks at signing also reach Keycloak as failed password grants; those are
 * already recorded as SIGNATURE_FAILED and are not copied again.
 */
@Singleton
@Startup
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

  private boolean unavailableReported;

  @PostConstruct
  void schedule() {
    long millis = Settings.positive("BATCHTRACE_IDP_EVENTS_POLL_SECONDS", 30) * 1000L;
    timers.createIntervalTimer(millis, millis, new TimerConfig("identity-provider-events", false));
  }

  /** One poll, in one transaction. */
  @Timeout
  void poll() {
    try {
      int copied = copyNewEvents();
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
    int copied = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonArray events = identityProvider.events(TYPES, page * PAGE, PAGE);
      boolean metKnown = false;
      for (JsonObject event : events.getValuesAs(JsonObject.class)) {
        if (isSignatureCheck(event)) {
          continue;
        }
        if (store(event)) {
          copied++;
        } else {
          metKnown = true;
        }
      }
      if (metKnown || events.size() < PAGE) {
        break;
      }
    }
    return copied;
  }

  /** Stores the event unless it is there already; true when it was new. */
  private boolean store(JsonObject event) {
    JsonObject details =
        event.containsKey("details")
            ? event.getJsonObject("details")
            : JsonObject.EMPTY_JSON_OBJECT;
    String username = details.getString("username", event.getString("userId", "unknown"));
    return em.createNativeQuery(
                "insert into batchtrace.security_event (id, occurred_at, kind, user_id,"
                    + " user_name, client_address, detail, source_id) values"
                    + " (nextval('batchtrace.security_event_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                    + " on conflict (source_id) do nothing")
            .setParameter(
                1,
                Instant.ofEpochMilli(event.getJsonNumber("time").longValue())
                    .atOffset(ZoneOffset.UTC))
            .setParameter(2, SecurityEventKind.SIGN_IN_FAILED.name())
            .setParameter(3, username)
            .setParameter(4, username)
            .setParameter(5, event.getString("ipAddress", null))
            .setParameter(6, detail(event))
            .setParameter(7, event.getString("id"))
            .executeUpdate()
        == 1;
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
