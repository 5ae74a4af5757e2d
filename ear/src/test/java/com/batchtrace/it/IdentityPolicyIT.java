package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
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

  @Test
  void userRoleAndPasswordAdministrationInKeycloakReachesTheSecurityEventLog() throws Exception {
    String user = TestStack.newKeycloakUser("Ida", "auditor");
    assertEquals(204, TestStack.resetPassword(user, "Another-Plant-2028").statusCode());
    TestStack.await(
        () ->
            administration(user, "User created") == 1
                && administration(user, "Roles granted: auditor") == 1
                && administration(user, "Password reset") == 1,
        Duration.ofSeconds(30),
        "Keycloak's admin events of " + user + " in the security event log");
    assertEquals(
        3,
        TestStack.count(
            "select count(*) from batchtrace.security_event where kind = 'IDENTITY_ADMINISTRATION'"
                + " and user_id = ? and detail like '%by administrator%'",
            user),
        "each names the administrator who did it");
  }

  private static long administration(String user, String what) {
    return TestStack.count(
        "select count(*) from batchtrace.security_event where kind = 'IDENTITY_ADMINISTRATION'"
            + " and user_id = ? and detail like ?",
        user,
        what + "%");
  }
}
