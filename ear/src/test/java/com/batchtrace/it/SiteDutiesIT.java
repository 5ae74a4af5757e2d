package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The once-per-site jobs run on one node of the site only, and move to another node when that one
 * stops. This test's own database session plays the second node: it queues for the site's duties
 * (the same PostgreSQL advisory lock a second WildFly would take), the server's session that holds
 * them is ended as if its node had died, and the duties pass to the queued node; the server then
 * only stands by. When the second node stops, the server takes the duties back at its next tick.
 * The job watched is the identity provider event mirror: a failed sign-in at Keycloak is copied
 * only by the node holding the duties.
 */
@Tag("URS-079")
class SiteDutiesIT extends DeployedApplication {

  /** SiteDuties.LOCK_KEY. */
  private static final long LOCK_KEY = 0x425453495445L;

  private static final String MIRROR = "identity provider event mirror";

  private final RestClient admin = RestClient.as(DemoUser.ADMIN);

  @Test
  void aJobRefusesToRunOnANodeWithoutTheDutiesAndMovesToTheNodeThatRemains() throws Exception {
    TestStack.await(
        () -> duties().getBoolean("holder"), Duration.ofSeconds(30), "the server holds the duties");
    String probe = "site-duty-probe-" + UUID.randomUUID().toString().substring(0, 8);

    try (Connection otherNode = TestStack.databaseAsApplication()) {
      CompletableFuture<Void> queued =
          CompletableFuture.runAsync(() -> lock(otherNode, "select pg_advisory_lock(?)"));
      TestStack.await(
          () -> waiters() == 1, Duration.ofSeconds(10), "the second node queues for the duties");
      endHolderSession();
      queued.get(10, TimeUnit.SECONDS);

      TestStack.await(
          () -> !duties().getBoolean("holder"),
          Duration.ofSeconds(30),
          "the server notices that it no longer holds the duties");
      failedSignIn(probe);
      long standbys = ticks("standbys");
      long runs = ticks("runs");
      // Two more ticks of the mirror: the first of them started after the failed sign-in, and
      // ended before the second began (a singleton's timeouts never overlap).
      TestStack.await(
          () -> ticks("standbys") >= standbys + 2,
          Duration.ofSeconds(30),
          "two ticks of the mirror on the standing-by server");
      assertEquals(runs, ticks("runs"), "no tick of the mirror ran on the standing-by server");
      assertEquals(0, copied(probe), "the standing-by server copied nothing");
    }

    // The second node stopped (its session ended): the server takes the duties and the job runs.
    // The pooled connection whose session was ended is discarded when the pool next hands it out
    // (it checks each one), so the next tick gets a live one; 60 s is only a bound.
    TestStack.await(
        () -> duties().getBoolean("holder"),
        Duration.ofSeconds(60),
        () -> "the server holds the duties again: " + duties());
    TestStack.await(
        () -> copied(probe) == 1,
        Duration.ofSeconds(30),
        "the failed sign-in copied once the server holds the duties again");
    assertFalse(duties().getString("node").isBlank());
  }

  private JsonObject duties() {
    return RestClient.expect(200, admin.get("/site/duties"));
  }

  private long ticks(String kind) {
    JsonObject counts = duties().getJsonObject(kind);
    return counts.containsKey(MIRROR) ? counts.getJsonNumber(MIRROR).longValue() : 0;
  }

  private static void lock(Connection c, String sql) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, LOCK_KEY);
      s.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sessions waiting for the site's duties (not granted). */
  private static long waiters() {
    return TestStack.count(
        "select count(*) from pg_locks where locktype = 'advisory' and not granted"
            + " and ((classid::bigint << 32) | objid::bigint) = ?",
        LOCK_KEY);
  }

  /** As when the holding node dies: PostgreSQL ends its session, and with it the lock. */
  private static void endHolderSession() {
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from (select pg_terminate_backend(pid) from pg_locks"
                + " where locktype = 'advisory' and granted"
                + " and ((classid::bigint << 32) | objid::bigint) = ?) t",
            LOCK_KEY),
        "one session held the duties");
  }

  /** A failed sign-in of an unknown user at the identity provider (its event store keeps it). */
  private static void failedSignIn(String username) {
    Browser.openSignInPage("/");
    Browser.driver().findElement(By.id("username")).sendKeys(username);
    Browser.driver().findElement(By.id("password")).sendKeys("Not-A-Password-9");
    Browser.driver().findElement(By.id("kc-login")).click();
    Browser.visible(By.id("input-error-username"));
  }

  private static long copied(String username) {
    return TestStack.count(
        "select count(*) from batchtrace.security_event where user_id = ? and kind = 'SIGN_IN_FAILED'",
        username);
  }
}
