package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The realm's password policy (21 CFR 11.300): a password used before is refused, passwords expire,
 * and they are long and mixed (docker/keycloak/realm-plant.json).
 */
@Tag("URS-013")
class IdentityPolicyIT extends DeployedApplication {

  @Test
  void aPasswordUsedBeforeIsRefusedAndPasswordsExpire() {
    String user = TestStack.newKeycloakUser("Hector", "operator");
    HttpResponse<String> reused = TestStack.resetPassword(user, DemoUser.PASSWORD);
    assertEquals(400, reused.statusCode(), reused.body());
    assertTrue(reused.body().toLowerCase().contains("history"), reused.body());
    HttpResponse<String> fresh = TestStack.resetPassword(user, "Another-Plant-2027");
    assertEquals(204, fresh.statusCode(), fresh.body());

    String policy = TestStack.realmPasswordPolicy();
    assertTrue(policy.contains("passwordHistory(5)"), policy);
    assertTrue(policy.contains("forceExpiredPasswordChange(90)"), policy);
    assertTrue(policy.contains("length(12)"), policy);
  }
}
