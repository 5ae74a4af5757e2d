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

  private static long events(String kind, String user) {
    return TestStack.count(
        "select count(*) from batchtrace.security_event where kind = ? and user_id = ?",
        kind,
        user);
  }
}
