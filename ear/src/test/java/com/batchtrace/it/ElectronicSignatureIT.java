package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Electronic signatures on a real record (an audit trail review), with the password checked by the
 * real Keycloak: 21 CFR 11.50, 11.70, 11.100, 11.200(a), 11.300(d).
 */
class ElectronicSignatureIT extends DeployedApplication {

  private static final String REVIEWS = "select count(*) from batchtrace.audit_trail_review";

  @Test
  @Tag("URS-013")
  @Tag("URS-014")
  void theRightPasswordSignsTheRecordWithNameMeaningTimeAndContentHash() throws SQLException {
    HttpResponse<String> signed =
        Signing.review(DemoUser.AUDITOR, DemoUser.PASSWORD, "No unexplained changes found.");

    assertEquals(201, signed.statusCode(), signed.body());
    JsonObject signature = TestStack.jsonObject(signed).getJsonArray("signatures").getJsonObject(0);
    assertEquals("auditor", signature.getString("signerId"));
    assertEquals("Ava Adams", signature.getString("signerName"));
    assertEquals("REVIEWED", signature.getString("meaning"));
    assertEquals("Reviewed by", signature.getString("meaningLabel"));
    assertEquals("Weekly audit trail review", signature.getString("reason"));
    assertTrue(signature.getString("contentSha256").matches("[0-9a-f]{64}"));
    assertTrue(signature.getBoolean("valid"));
    String id = TestStack.jsonObject(signed).getJsonNumber("id").toString();
    assertEquals(
        1,
        Signing.count(
            "select count(*) from batchtrace.electronic_signature where record_type ="
                + " 'AuditTrailReview' and record_id = ? and signer_id = 'auditor'",
            id),
        "stored with the review, in the same transaction");
  }

  @Test
  @Tag("URS-015")
  void aWrongPasswordIsRefusedRecordedAndLeavesNoRecord() throws SQLException {
    long reviewsBefore = Signing.count(REVIEWS);
    long failuresBefore = failures(DemoUser.AUDITOR);

    HttpResponse<String> refused =
        Signing.review(DemoUser.AUDITOR, "Not-The-Password-1", "Should not be stored.");

    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(
        TestStack.jsonObject(refused).getString("message").contains("Wrong password"),
        refused.body());
    assertEquals(reviewsBefore, Signing.count(REVIEWS), "no review without its signature");
    assertEquals(failuresBefore + 1, failures(DemoUser.AUDITOR), "a security event");
    TestStack.clearIdentityProviderLock(DemoUser.AUDITOR);
  }

  @Test
  @Tag("URS-015")
  void threeWrongPasswordsInARowLockSigningEvenWithTheRightPassword() throws SQLException {
    // A reviewer of its own: the lock lasts 15 minutes and must not stop the tests after this.
    String quinn = TestStack.newKeycloakUser("Quinn", "qa-reviewer");
    RestClient asQuinn = RestClient.as(quinn);

    assertEquals(422, Signing.review(asQuinn, "Wrong-Pass-001", "x").statusCode());
    HttpResponse<String> second = Signing.review(asQuinn, "Wrong-Pass-002", "x");
    assertEquals(422, second.statusCode());
    assertTrue(second.body().contains("1 attempt is left"), second.body());

    HttpResponse<String> third = Signing.review(asQuinn, "Wrong-Pass-003", "x");
    assertEquals(423, third.statusCode(), third.body());
    assertTrue(third.body().contains("locked"), third.body());

    HttpResponse<String> rightButLocked = Signing.review(asQuinn, DemoUser.PASSWORD, "x");
    assertEquals(423, rightButLocked.statusCode(), rightButLocked.body());
    assertTrue(rightButLocked.body().contains("Signing is locked for " + quinn + " until"));
    assertEquals(
        1,
        Signing.count(
            "select count(*) from batchtrace.security_event where user_id = ?"
                + " and kind = 'SIGNING_LOCKED'",
            quinn),
        "the lock is a security event");
    assertEquals(
        3,
        Signing.count(
            "select count(*) from batchtrace.security_event where user_id = ?"
                + " and kind = 'SIGNATURE_FAILED'",
            quinn));
  }

  @Test
  @Tag("URS-014")
  void changingASignedRecordInTheDatabaseShowsTheSignatureInvalid() throws SQLException {
    HttpResponse<String> signed =
        Signing.review(DemoUser.AUDITOR, DemoUser.PASSWORD, "Reviewed, all in order.");
    assertEquals(201, signed.statusCode(), signed.body());
    long id = TestStack.jsonObject(signed).getJsonNumber("id").longValue();

    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.audit_trail_review set conclusion = 'Rewritten later' where id = "
              + id);
    }

    HttpResponse<String> read = RestClient.as(DemoUser.AUDITOR).get("/audit-trail-reviews/" + id);
    JsonObject signature = TestStack.jsonObject(read).getJsonArray("signatures").getJsonObject(0);
    assertFalse(signature.getBoolean("valid"), read.body());
  }

  private static long failures(DemoUser user) throws SQLException {
    return Signing.count(
        "select count(*) from batchtrace.security_event where user_id = ? and kind ="
            + " 'SIGNATURE_FAILED'",
        user.username);
  }
}
