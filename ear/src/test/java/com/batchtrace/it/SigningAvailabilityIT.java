package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Only a wrong credential is a wrong password: when the identity provider cannot check a correct
 * password (here: direct grants switched off for the application's client), the signature says
 * signing is unavailable, the attempt is an operations event, and it never counts toward the
 * signing lock.
 */
@Tag("URS-014")
class SigningAvailabilityIT extends DeployedApplication {

  @Test
  void aPasswordTheIdentityProviderCannotCheckIsUnavailableNeverAWrongPassword() {
    String qa = TestStack.newKeycloakUser("Quinn", "qa-reviewer");
    RestClient quinn = RestClient.as(qa);
    long lot = Lots.inQuarantine().getJsonNumber("id").longValue();
    String sign = "{\"password\":\"" + DemoUser.PASSWORD + "\"}";
    TestStack.directGrants(false);
    try {
      for (int attempt = 0; attempt < 5; attempt++) {
        HttpResponse<String> refused = quinn.post("/lots/" + lot + "/release", sign);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Signing is unavailable"), refused.body());
      }
    } finally {
      TestStack.directGrants(true);
    }
    assertEquals(0, events("SIGNATURE_FAILED", qa), "never counted as a wrong password");
    assertEquals(0, events("SIGNING_LOCKED", qa), "never locked");
    assertEquals(5, events("SIGNING_UNAVAILABLE", qa), "each an operations event");

    HttpResponse<String> released = quinn.post("/lots/" + lot + "/release", sign);
    assertEquals(200, released.statusCode(), released.body());
  }

  @Test
  @Tag("URS-034")
  void anOperatorNamingSomeoneWhoMayNotVerifyIsRefusedBeforeAnyPasswordIsChecked() {
    TerminalBatch batch = new TerminalBatch();
    String performerId = TestStack.newOperator("Oscar");
    RestClient performer = RestClient.as(performerId);
    RestClient.expect(200, batch.start(performer, 1));
    RestClient.expect(
        200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    RestClient.expect(
        200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    RestClient.expect(200, batch.enter(performer, 1, "12", null));
    RestClient.expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    int keycloakErrorsBefore = TestStack.identityProviderLoginErrors(DemoUser.REVIEWER.username);
    long refusedBefore = events("SIGNATURE_REFUSED", performerId);
    long failedBefore = events("SIGNATURE_FAILED", DemoUser.REVIEWER.username);
    long locksBefore = events("SIGNING_LOCKED", DemoUser.REVIEWER.username);

    for (int guess = 0; guess < 10; guess++) {
      HttpResponse<String> refused =
          batch.verify(performer, 1, DemoUser.REVIEWER.username, "guess-" + guess);
      assertEquals(422, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("the role 'operator' is required"), refused.body());
    }

    assertEquals(
        keycloakErrorsBefore,
        TestStack.identityProviderLoginErrors(DemoUser.REVIEWER.username),
        "the identity provider never saw a password for the reviewer");
    assertEquals(
        failedBefore,
        events("SIGNATURE_FAILED", DemoUser.REVIEWER.username),
        "no wrong password counted for the reviewer");
    assertEquals(
        locksBefore, events("SIGNING_LOCKED", DemoUser.REVIEWER.username), "not locked out");
    assertEquals(10, events("SIGNATURE_REFUSED", performerId) - refusedBefore);
    HttpResponse<String> stillSigns =
        RestClient.as(DemoUser.REVIEWER)
            .post(
                "/lots/" + Lots.inQuarantine().getJsonNumber("id") + "/release",
                "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertEquals(200, stillSigns.statusCode(), stillSigns.body());
  }

  private static long events(String kind, String user) {
    return TestStack.count(
        "select count(*) from batchtrace.security_event where kind = ? and user_id = ?",
        kind,
        user);
  }
}
