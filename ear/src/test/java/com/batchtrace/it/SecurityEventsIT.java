package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The security event log records sign-in, sign-out and failed sign-ins (copied from Keycloak's
 * event store), and the auditor reads it.
 */
@Tag("URS-017")
class SecurityEventsIT extends DeployedApplication {

  private static final String EVENTS_OF =
      "select count(*) from batchtrace.security_event where user_id = ? and kind = ?";

  @Test
  void aFailedSignInAtTheIdentityProviderReachesTheSecurityEventLog() throws SQLException {
    long before = Signing.count(EVENTS_OF, DemoUser.OPERATOR2.username, "SIGN_IN_FAILED");
    try {
      Browser.openSignInPage("/");
      Browser.driver().findElement(By.id("username")).sendKeys(DemoUser.OPERATOR2.username);
      Browser.driver().findElement(By.id("password")).sendKeys("Not-Her-Password-9");
      Browser.driver().findElement(By.id("kc-login")).click();
      Browser.visible(By.id("input-error-username"));

      new FluentWait<>(DemoUser.OPERATOR2)
          .withTimeout(Duration.ofSeconds(30))
          .pollingEvery(Duration.ofMillis(500))
          .withMessage("no SIGN_IN_FAILED event for operator2 within 30 s")
          .until(user -> count(user, "SIGN_IN_FAILED") > before);
      assertEquals(
          before + 1,
          Signing.count(EVENTS_OF, DemoUser.OPERATOR2.username, "SIGN_IN_FAILED"),
          "copied once, however often the event store is read");
    } finally {
      TestStack.clearIdentityProviderLock(DemoUser.OPERATOR2);
    }

    Browser.signInAs(DemoUser.AUDITOR, "/audit/security-events.xhtml");
    String log = Browser.visible(By.id("log:events")).getText();
    assertTrue(log.contains("Sign-in failed"), log);
    assertTrue(log.contains("invalid_user_credentials"), log);
  }

  @Test
  void signingInAndOutAreSecurityEventsWithTheClientAddress() throws SQLException {
    long signIns = Signing.count(EVENTS_OF, DemoUser.OPERATOR1.username, "SIGN_IN");
    long signOuts = Signing.count(EVENTS_OF, DemoUser.OPERATOR1.username, "SIGN_OUT");

    Browser.signInAs(DemoUser.OPERATOR1, "/");
    Browser.driver().get(TestStack.app("/terminal/index.xhtml").toString());
    Browser.driver().findElement(By.id("nav:sign-out")).click();
    Browser.waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "You are signed out"));

    assertEquals(
        signIns + 1,
        Signing.count(EVENTS_OF, DemoUser.OPERATOR1.username, "SIGN_IN"),
        "one sign-in per session, however many pages it opens");
    assertEquals(signOuts + 1, Signing.count(EVENTS_OF, DemoUser.OPERATOR1.username, "SIGN_OUT"));
    assertEquals(
        0,
        Signing.count(
            "select count(*) from batchtrace.security_event where user_id = ?"
                + " and kind in ('SIGN_IN', 'SIGN_OUT') and client_address is null",
            DemoUser.OPERATOR1.username));
  }

  private static long count(DemoUser user, String kind) {
    try {
      return Signing.count(EVENTS_OF, user.username, kind);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
