package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The start-up verdict over a given set of settings: production refuses every demo secret. */
@Tag("URS-043")
class ProductionModeTest {

  /** Settings of a production installation with secrets of its own. */
  private static Map<String, String> production() {
    Map<String, String> settings = new HashMap<>();
    settings.put("BATCHTRACE_OIDC_CLIENT_SECRET", "kq3-Zr81-client-secret-of-this-plant");
    settings.put("BATCHTRACE_DB_PASSWORD", "7hG-app-role-password");
    settings.put("BATCHTRACE_MQTT_PASSWORD", "collector-password-of-this-plant");
    return settings;
  }

  @Test
  void productionWithItsOwnSecretsAndNoDemoUsersStarts() {
    assertEquals(List.of(), ProductionMode.refusals(production(), List.of()));
    assertTrue(ProductionMode.checksRealm(production()));
  }

  @Test
  void theDemoClientSecretWithoutDemoModeIsRefusedByName() {
    Map<String, String> settings = production();
    settings.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    List<String> refusals = ProductionMode.refusals(settings, List.of());
    assertEquals(1, refusals.size(), refusals.toString());
    assertTrue(
        refusals.get(0).startsWith("BATCHTRACE_OIDC_CLIENT_SECRET has its public demo value"),
        refusals.get(0));
  }

  @Test
  void everyDemoSecretAndTheDemoUsersAreEachNamed() {
    Map<String, String> settings = new HashMap<>();
    settings.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    settings.put("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    settings.put("BATCHTRACE_MQTT_PASSWORD", " collector-local-demo ");
    List<String> refusals = ProductionMode.refusals(settings, List.of("operator1", "reviewer"));
    assertEquals(4, refusals.size(), refusals.toString());
    assertTrue(refusals.get(1).startsWith("BATCHTRACE_DB_PASSWORD has its public demo value"));
    assertTrue(refusals.get(2).startsWith("BATCHTRACE_MQTT_PASSWORD has its public demo value"));
    assertTrue(refusals.get(3).contains("demo users operator1, reviewer"), refusals.get(3));
  }

  @Test
  void aMissingSecretIsRefusedInEveryMode() {
    Map<String, String> settings = production();
    settings.remove("BATCHTRACE_DB_PASSWORD");
    settings.put("BATCHTRACE_DEMO_DATA", "true");
    assertEquals(
        List.of("BATCHTRACE_DB_PASSWORD is not set: there is no default for a secret."),
        ProductionMode.refusals(settings, List.of()));
  }

  @Test
  void theCollectorPasswordIsNotNeededWithoutABroker() {
    Map<String, String> settings = production();
    settings.remove("BATCHTRACE_MQTT_PASSWORD");
    settings.put("BATCHTRACE_MQTT_ENABLED", "false");
    assertEquals(List.of(), ProductionMode.refusals(settings, List.of()));
  }

  @Test
  void theOwnerPasswordIsRefusedEvenOnADemo() {
    Map<String, String> settings = production();
    settings.put("BATCHTRACE_DEMO_DATA", "true");
    settings.put("BATCHTRACE_DB_OWNER_PASSWORD", "batchtrace-owner-demo");
    List<String> refusals = ProductionMode.refusals(settings, List.of());
    assertEquals(1, refusals.size(), refusals.toString());
    assertTrue(refusals.get(0).startsWith("BATCHTRACE_DB_OWNER_PASSWORD is in the server's"));
  }

  @Test
  void aDemoAllowsDemoSecretsAndUsersAndDoesNotAskTheRealm() {
    Map<String, String> settings = new HashMap<>();
    settings.put("BATCHTRACE_DEMO_DATA", "true");
    settings.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    settings.put("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    settings.put("BATCHTRACE_MQTT_PASSWORD", "collector-local-demo");
    assertEquals(List.of(), ProductionMode.refusals(settings, ProductionMode.DEMO_USERS));
    assertFalse(ProductionMode.checksRealm(settings));
    assertTrue(ProductionMode.loadsDemoPlant(settings));
    settings.put("BATCHTRACE_DEMO_PLANT", "false");
    assertFalse(ProductionMode.loadsDemoPlant(settings));
  }

  @Test
  void onlyTrueMakesADemo() {
    Map<String, String> settings = production();
    settings.put("BATCHTRACE_OIDC_CLIENT_SECRET", "batchtrace-demo-secret");
    settings.put("BATCHTRACE_DEMO_DATA", "yes");
    assertEquals(1, ProductionMode.refusals(settings, List.of()).size());
    assertFalse(ProductionMode.loadsDemoPlant(settings));
  }
}
