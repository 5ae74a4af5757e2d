package com.batchtrace.it;

import static com.batchtrace.it.RestClient.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * QA's review by exception and release: every refusal rule of a release (a step not finished, an
 * exception not dispositioned, an open deviation, the reviewer took part, an INVALID signature),
 * the disposition rules, rejection, and two reviewers releasing at once.
 */
class BatchReleaseIT extends DeployedApplication {

  private static String performerId;
  private static String verifierId;
  private static RestClient performer;
  private static final RestClient rita = RestClient.as(DemoUser.REVIEWER);

  private TerminalBatch batch;

  @BeforeAll
  static void operatorsOfTheirOwn() {
    performerId = TestStack.newOperator("Petra");
    verifierId = TestStack.newOperator("Vera");
    performer = RestClient.as(performerId);
  }

  @BeforeEach
  void aPlannedBatch() {
    batch = new TerminalBatch();
  }

  @Test
  @Tag("URS-036")
  void aBatchWithAStepNotFinishedIsNeitherCompletedNorReleased() throws SQLException {
    // An MES that charges and completes over the batch API meets the terminal's rules.
    expect(200, batch.start(performer, 1));
    HttpResponse<String> charged =
        performer.post(
            "/batches/" + batch.id + "/charges",
            "{\"lotNumber\":\""
                + batch.releasedLot().getString("lotNumber")
                + "\",\"quantity\":5}");
    assertEquals(200, charged.statusCode(), charged.body());
    HttpResponse<String> completed =
        performer.post(
            "/batches/" + batch.id + "/complete",
            "{\"outputs\":[{\"lotNumber\":\""
                + Lots.unique("FG")
                + "\",\"quantity\":5}],\"password\":\""
                + DemoUser.PASSWORD
                + "\"}");
    assertRefused(
        completed,
        "Steps 1 (Dispense and blend), 2 (Dry) are not finished",
        "Nothing was completed");
    assertRefused(release(rita), "Step 1 (Dispense and blend) of batch", "is not finished");
    assertEquals("IN_PROGRESS", disposition().getString("status"));
    assertEquals(
        0,
        Signing.count(
            "select count(*) from batchtrace.material_lot where produced_by_batch_id = ?",
            batch.id));
  }

  @Test
  @Tag("URS-036")
  void aBatchRunOnlyOverTheApiCanBeReleasedAndItsReleaseShowsInvalidOnceTheRecordChanges()
      throws SQLException {
    batch.completed(performer, performerId, verifierId);
    HttpResponse<String> released = release(rita);
    assertEquals(200, released.statusCode(), released.body());
    JsonObject decided = disposition();
    assertEquals("RELEASED", decided.getString("status"));
    assertTrue(decided.getJsonObject("signature").getBoolean("valid"));
    // Read again: the signed content is rebuilt from the record and still matches.
    assertTrue(disposition().getJsonObject("signature").getBoolean("valid"));

    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.lot_consumption set quantity = quantity + 1 where batch_id = "
              + batch.id);
    }
    assertFalse(
        disposition().getJsonObject("signature").getBoolean("valid"),
        "a changed charge quantity shows the release INVALID");
  }

  @Test
  @Tag("URS-035")
  @Tag("URS-036")
  void everyExceptionIsDispositionedWithASignatureBeforeRelease() {
    expect(200, batch.start(performer, 1));
    batch.refusedScan(performer, 1);
    finishStartedBatch();
    List<JsonObject> queue = queue();
    JsonObject entry =
        queue.stream().filter(q -> q.getInt("batchId") == batch.id).findFirst().orElseThrow();
    assertEquals(1, entry.getInt("openExceptions"));
    assertRefused(release(rita), "1 exception is not dispositioned (first: lot refused on step 1)");

    List<JsonObject> exceptions = exceptions();
    assertEquals(1, exceptions.size());
    long refused = exceptions.get(0).getJsonObject("exception").getJsonNumber("id").longValue();
    assertRefused(dispose(rita, refused, "ACCEPTED", " ", null), "Write the justification");
    assertRefused(
        dispose(rita, refused, "DEVIATION", "Handled elsewhere", null), "Name the deviation");
    assertEquals(
        403,
        dispose(RestClient.as(performerId), refused, "ACCEPTED", "Fine", null).statusCode(),
        "only QA dispositions exceptions");
    JsonObject decided =
        expect(
            200,
            dispose(
                rita, refused, "ACCEPTED", "The quarantined lot was refused; nothing used", null));
    JsonObject signature =
        decided.getJsonObject("disposition").getJsonArray("signatures").getJsonObject(0);
    assertEquals("REVIEWED", signature.getString("meaning"));
    assertEquals(DemoUser.REVIEWER.username, signature.getString("signerId"));
    assertRefused(
        dispose(rita, refused, "ACCEPTED", "Again", null), "dispositioned by Rita Reyes already");

    JsonObject released = expect(200, release(rita));
    assertEquals("RELEASED", released.getString("status"));
    assertEquals("RELEASED", released.getJsonObject("signature").getString("meaning"));
    JsonObject erp = disposition();
    assertEquals("RELEASED", erp.getString("status"));
    assertEquals("Rita Reyes", erp.getJsonObject("signature").getString("signerName"));
    assertTrue(erp.getJsonObject("signature").getBoolean("valid"));
    assertEquals("RELEASED", erp.getJsonArray("lots").getJsonObject(0).getString("disposition"));
    assertTrue(
        queue().stream().noneMatch(q -> q.getInt("batchId") == batch.id),
        "a released batch leaves the queue");
  }

  @Test
  @Tag("URS-036")
  void anOpenDeviationStopsTheRelease() {
    expect(
        200,
        performer.post(
            batch.path("/steps/1/notes"),
            "{\"kind\":\"DEVIATION\",\"text\":\"Granulator stopped for 10 minutes\"}"));
    batch.completed(performer, performerId, verifierId);
    assertRefused(release(rita), "A deviation on step 1 is open ('Granulator stopped");
    long deviation = exceptions().get(0).getJsonObject("exception").getJsonNumber("id").longValue();
    JsonObject linked =
        expect(
            200, dispose(rita, deviation, "DEVIATION", "Investigated in the QMS", "DEV-2026-0042"));
    assertEquals(
        "DEV-2026-0042", linked.getJsonObject("disposition").getString("deviationReference"));
    assertEquals("RELEASED", expect(200, release(rita)).getString("status"));
  }

  @Test
  @Tag("URS-036")
  void nobodyReleasesABatchTheyPerformedOrVerified() {
    String dora = TestStack.newOperator("Dora", "qa-reviewer");
    RestClient doraClient = RestClient.as(dora);
    batch.completed(doraClient, dora, verifierId);
    assertRefused(
        release(doraClient),
        "You performed step 1 (Dispense and blend)",
        "someone who took no part");

    TerminalBatch verified = new TerminalBatch();
    verified.completed(performer, performerId, dora);
    HttpResponse<String> byVerifier =
        doraClient.post(
            "/reviews/" + verified.id + "/release", "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertRefused(byVerifier, "You verified step 1");
    assertEquals("RELEASED", expect(200, release(rita)).getString("status"));
  }

  @Test
  @Tag("URS-075")
  void nobodyReleasesABatchWhoseCompletionTheySigned() {
    String dora = TestStack.newOperator("Dora", "qa-reviewer");
    RestClient doraClient = RestClient.as(dora);
    batch.stepOneDone(performer, performerId, verifierId);
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    HttpResponse<String> completed = batch.complete(doraClient, Lots.unique("FG"), "98.5");
    assertEquals(200, completed.statusCode(), completed.body());
    assertRefused(release(doraClient), "You took part in batch " + batch.number);
  }

  @Test
  @Tag("URS-047")
  void nobodyReleasesABatchInWhichTheyOnlyEnteredOneValueOrOnlyRaisedAComment() {
    String dora = TestStack.newOperator("Dora", "qa-reviewer");
    RestClient doraClient = RestClient.as(dora);
    expect(200, batch.start(performer, 1));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.enter(doraClient, 1, "12", null));
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    expect(200, batch.verify(performer, 1, verifierId, DemoUser.PASSWORD));
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    assertEquals(200, batch.complete(performer, Lots.unique("FG"), "98.5").statusCode());
    assertRefused(release(doraClient), "You took part in batch " + batch.number);

    TerminalBatch commented = new TerminalBatch();
    commented.stepOneDone(performer, performerId, verifierId);
    expect(200, commented.start(performer, 2));
    expect(
        200,
        doraClient.post(
            commented.path("/steps/2/notes"), "{\"kind\":\"COMMENT\",\"text\":\"Sieve checked\"}"));
    expect(200, commented.perform(performer, 2, DemoUser.PASSWORD));
    assertEquals(200, commented.complete(performer, Lots.unique("FG"), "98.5").statusCode());
    HttpResponse<String> byCommenter =
        doraClient.post(
            "/reviews/" + commented.id + "/release",
            "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
    assertRefused(byCommenter, "You took part in batch " + commented.number);
  }

  @Test
  @Tag("URS-036")
  void aRecordWithAnInvalidSignatureIsNotReleased() throws SQLException {
    batch.completed(performer, performerId, verifierId);
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.step_entry set value = 14.5 where step_execution_id ="
              + " (select id from batchtrace.step_execution where batch_id = "
              + batch.id
              + " and step_position = 1)");
    }
    assertRefused(release(rita), "The record shows an INVALID signature", "on step 1");
    assertEquals("IN_REVIEW", disposition().getString("status"));
  }

  @Test
  @Tag("URS-036")
  void aRejectedBatchRejectsItsLotsAndNeedsAReason() {
    String output = batch.completed(performer, performerId, verifierId);
    assertRefused(
        rita.post(
            "/reviews/" + batch.id + "/reject", "{\"password\":\"" + DemoUser.PASSWORD + "\"}"),
        "Say why the batch is rejected");
    JsonObject rejected =
        expect(
            200,
            rita.post(
                "/reviews/" + batch.id + "/reject",
                Json.createObjectBuilder()
                    .add("password", DemoUser.PASSWORD)
                    .add("reason", "Blend uniformity failed in the lab")
                    .build()
                    .toString()));
    assertEquals("REJECTED", rejected.getString("status"));
    assertEquals(output, rejected.getJsonArray("lots").getJsonObject(0).getString("lotNumber"));
    assertEquals(
        "REJECTED", rejected.getJsonArray("lots").getJsonObject(0).getString("disposition"));
    assertRefused(release(rita), "was rejected by Rita Reyes", "already");
  }

  @Test
  @Tag("URS-036")
  void twoReviewersReleasingAtOnceExactlyOneWins() throws Exception {
    batch.completed(performer, performerId, verifierId);
    RestClient quinn = RestClient.as(TestStack.newKeycloakUser("Quinn", "qa-reviewer"));
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (RestClient reviewer : List.of(rita, quinn)) {
        Callable<HttpResponse<String>> releasing =
            () -> {
              go.await();
              return release(reviewer);
            };
        answers.add(two.submit(releasing));
      }
      go.countDown();
      List<HttpResponse<String>> results = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        results.add(answer.get());
      }
      results.sort(Comparator.comparingInt(HttpResponse::statusCode));
      assertEquals(200, results.get(0).statusCode(), results.get(0).body());
      assertEquals(422, results.get(1).statusCode(), results.get(1).body());
      assertTrue(results.get(1).body().contains("was released by"), results.get(1).body());
      assertTrue(results.get(1).body().contains("already. Nothing was signed."));
    } finally {
      two.shutdownNow();
    }
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.electronic_signature where record_type = 'Batch'"
                + " and record_id = ?",
            String.valueOf(batch.id)),
        "exactly one release signature");
  }

  private void finishStartedBatch() {
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.enter(performer, 1, "12", null));
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    expect(200, batch.verify(performer, 1, verifierId, DemoUser.PASSWORD));
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    HttpResponse<String> done = batch.complete(performer, Lots.unique("FG"), "98.5");
    assertEquals(200, done.statusCode(), done.body());
  }

  private HttpResponse<String> release(RestClient reviewer) {
    return reviewer.post(
        "/reviews/" + batch.id + "/release", "{\"password\":\"" + DemoUser.PASSWORD + "\"}");
  }

  private HttpResponse<String> dispose(
      RestClient reviewer, long exception, String decision, String justification, String ref) {
    var body =
        Json.createObjectBuilder()
            .add("decision", decision)
            .add("justification", justification)
            .add("password", DemoUser.PASSWORD);
    if (ref != null) {
      body.add("deviationReference", ref);
    }
    return reviewer.post(
        "/reviews/exceptions/" + exception + "/disposition", body.build().toString());
  }

  private List<JsonObject> queue() {
    return TestStack.jsonObject(rita.get("/reviews?limit=200"))
        .getJsonArray("rows")
        .getValuesAs(JsonObject.class);
  }

  private List<JsonObject> exceptions() {
    return TestStack.json(rita.get("/reviews/" + batch.id + "/exceptions").body())
        .asJsonArray()
        .getValuesAs(JsonObject.class);
  }

  private JsonObject disposition() {
    return TestStack.jsonObject(rita.get("/batches/" + batch.id + "/disposition"));
  }

  private static void assertRefused(HttpResponse<String> response, String... parts) {
    assertEquals(422, response.statusCode(), response.body());
    for (String part : parts) {
      assertTrue(response.body().contains(part), response.body());
    }
  }
}
