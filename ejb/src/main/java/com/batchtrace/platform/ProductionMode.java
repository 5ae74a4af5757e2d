package com.batchtrace.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether this server may start, decided over its settings: a production installation refuses every
 * public demo secret and the demo users, unless it says it is a demo with {@code
 * BATCHTRACE_DEMO_DATA=true}. Whatever the mode, the server never holds the database owner's
 * password (only the migrator does) and never starts without a secret it needs: there is no
 * fallback value for any secret.
 */
public final class ProductionMode {

  /** {@code true}: a demo installation (demo secrets and users allowed, the demo plant loaded). */
  public static final String DEMO_SWITCH = "BATCHTRACE_DEMO_DATA";

  /** {@code false}: a demo installation without the demo plant (the test and benchmark stacks). */
  public static final String DEMO_PLANT_SWITCH = "BATCHTRACE_DEMO_PLANT";

  /** Read only to refuse it: the owner's password has no place in the server. */
  public static final String OWNER_PASSWORD = "BATCHTRACE_DB_OWNER_PASSWORD";

  /** The demo realm's people (docker/keycloak/realm-plant.json): none may exist in production. */
  public static final List<String> DEMO_USERS =
      List.of("operator1", "operator2", "reviewer", "auditor", "admin");

  /** The secrets the server needs and their public demo values (LOCAL DEMO ONLY). */
  private static final Map<String, String> DEMO_SECRETS = new LinkedHashMap<>();

  static {
    DEMO_SECRETS.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    DEMO_SECRETS.put("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    DEMO_SECRETS.put("BATCHTRACE_MQTT_PASSWORD", "collector-local-demo");
  }

  private ProductionMode() {}

  /** The settings this verdict reads, for the caller to collect into the map it passes. */
  public static List<String> settingNames() {
    List<String> names = new ArrayList<>(DEMO_SECRETS.keySet());
    names.addAll(
        List.of(DEMO_SWITCH, DEMO_PLANT_SWITCH, OWNER_PASSWORD, "BATCHTRACE_MQTT_ENABLED"));
    return names;
  }

  public static boolean isDemo(Map<String, String> settings) {
    return "true".equalsIgnoreCase(settings.getOrDefault(DEMO_SWITCH, "").strip());
  }

  /** The demo plant is loaded on a demo installation unless BATCHTRACE_DEMO_PLANT=false. */
  public static boolean loadsDemoPlant(Map<String, String> settings) {
    return isDemo(settings)
        && !"false".equalsIgnoreCase(settings.getOrDefault(DEMO_PLANT_SWITCH, "").strip());
  }

  /** Whether the realm must be asked for demo users before the verdict. */
  public static boolean checksRealm(Map<String, String> settings) {
    return !isDemo(settings);
  }

  /**
   * Every reason this server must not start, one sentence each naming the setting or user; empty
   * when it may start.
   *
   * @param settings the server's settings by name (at least those of {@link #settingNames()})
   * @param demoUsersInRealm which of {@link #DEMO_USERS} the realm holds (ignored on a demo)
   */
  public static List<String> refusals(
      Map<String, String> settings, Collection<String> demoUsersInRealm) {
    List<String> refusals = new ArrayList<>();
    if (!blank(settings.get(OWNER_PASSWORD))) {
      refusals.add(
          OWNER_PASSWORD
              + " is in the server's environment: the application never holds the database"
              + " owner's credentials. Only the migrator gets them; remove it from the server.");
    }
    boolean mqtt = !"false".equalsIgnoreCase(settings.getOrDefault("BATCHTRACE_MQTT_ENABLED", ""));
    DEMO_SECRETS.forEach(
        (name, demoValue) -> {
          String value = settings.get(name);
          if (name.equals("BATCHTRACE_MQTT_PASSWORD") && !mqtt) {
            return;
          }
          if (blank(value)) {
            refusals.add(name + " is not set: there is no default for a secret.");
          } else if (value.strip().equals(demoValue) && !isDemo(settings)) {
            refusals.add(
                name
                    + " has its public demo value: set a secret of this installation (or "
                    + DEMO_SWITCH
                    + "=true on a demo).");
          }
        });
    if (!isDemo(settings) && !demoUsersInRealm.isEmpty()) {
      refusals.add(
          "The realm holds the demo users "
              + String.join(", ", demoUsersInRealm)
              + ": delete them in Keycloak (production realms start from"
              + " docker/keycloak/realm-production-template.json, without users).");
    }
    return refusals;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
