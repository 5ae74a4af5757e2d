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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Executing a batch over the terminal's service: steps in order, every scan refusal rule, manual
 * entries against limits, late entries, corrections, comments and deviations, the performed and
 * verified signatures, and completion. Each refusal answers with its rule and changes nothing but
 * the exception it records.
 */
class BatchExecutionIT extends DeployedApplication {

  private static String performerId;
  private static String verifierId;
  private static RestClient performer;

  private TerminalBatch batch;

  @BeforeAll
  static void twoOperatorsOfTheirOwn() {
    performerId = TestStack.newOperator("Paula");
    verifierId = TestStack.newOperator("Victor");
    performer = RestClient.as(performerId);
  }

  @BeforeEach
  void aPlannedBatch() {
    batch = new TerminalBatch();
  }

  @Test
  @Tag("URS-032")
  void stepsRunInTheRecordsOrderAndStartingOneAllocatesTheLine() {
    HttpResponse<String> early = batch.start(performer, 2);
    assertEquals(422, early.statusCode());
    assertTrue(early.body().contains("Step 1 (Dispense and blend) is not finished"), early.body());
    HttpResponse<String> notStarted = batch.scan(performer, 1, "L-ANY", "1");
    assertEquals(422, notStarted.statusCode());
    assertTrue(notStarted.body().contains("is not started: start it first"), notStarted.body());

    JsonObject run = expect(200, batch.start(performer, 1));
    assertEquals("IN_PROGRESS", run.getString("status"));
    assertEquals(1, run.getInt("currentStep"));
    JsonObject step = run.getJsonArray("steps").getJsonObject(0);
    assertEquals("IN_PROGRESS", step.getString("status"));
    assertEquals(performerId, step.getString("startedBy"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.equipment_allocation"
                + " where batch_id = ? and equipment_id = ? and step_position = 1"
                + " and ended_at is null",
            batch.id,
            batch.line));
    HttpResponse<String> again = batch.start(performer, 1);
    assertEquals(422, again.statusCode());
    assertTrue(again.body().contains("is started already"), again.body());
    HttpResponse<String> byReviewer = batch.start(RestClient.as(DemoUser.REVIEWER), 2);
    assertEquals(403, byReviewer.statusCode(), "only operators execute steps");
  }

  @Test
  @Tag("URS-032")
  void everyRefusedScanIsRecordedAsAnExceptionAndChargesNothing() throws SQLException {
    expect(200, batch.start(performer, 1));
    JsonObject otherMaterial = Lots.released(Lots.inQuarantine());
    JsonObject quarantined = Lots.inQuarantine(batch.material);
    JsonObject expired = batch.releasedLot();
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.material_lot set expiry = current_date - 1 where id = "
              + expired.getInt("id"));
    }
    JsonObject good = batch.releasedLot();

    assertRefused(otherMaterial, "10", "needs " + batch.material);
    assertRefused(quarantined, "10", "not released");
    assertRefused(expired, "10", "expired on");
    assertRefused(good, "30", "Only 25.5 kg of lot");
    expect(200, batch.scan(performer, 1, good.getString("lotNumber"), "25"));
    JsonObject second = batch.releasedLot();
    assertRefused(second, "26.5", "(at most 51 kg)");

    HttpResponse<String> unknown = batch.scan(performer, 1, "NO-SUCH-LOT", "1");
    assertEquals(422, unknown.statusCode());
    assertTrue(unknown.body().contains("There is no lot NO-SUCH-LOT"), unknown.body());
    HttpResponse<String> blank = batch.scan(performer, 1, " ", "1");
    assertEquals(422, blank.statusCode());
    assertTrue(blank.body().contains("Scan or enter the lot number"), blank.body());

    assertEquals(
        5,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where batch_id = ?"
                + " and kind = 'LOT_REFUSED' and step_position = 1 and raised_by like 'Paula%'",
            batch.id),
        "the five rule refusals are exceptions; bad input is not");
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ?"
                + " and step_position = 1",
            batch.id),
        "only the accepted scan is a genealogy edge");
    JsonObject step = batch.step(performer, 1);
    assertEquals(5, step.getJsonArray("exceptions").size());
    JsonObject need = step.getJsonArray("materials").getJsonObject(0);
    assertEquals("25", need.getJsonNumber("charged").toString());
    assertEquals("49", need.getJsonNumber("minimum").toString());
  }

  private void assertRefused(JsonObject lot, String quantity, String reason) {
    long edges =
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ?", batch.id);
    HttpResponse<String> refused = batch.scan(performer, 1, lot.getString("lotNumber"), quantity);
    assertEquals(422, refused.statusCode(), refused.body());
    JsonObject outcome = TestStack.jsonObject(refused);
    assertFalse(outcome.getBoolean("accepted"));
    assertTrue(outcome.getString("message").contains(reason), outcome.getString("message"));
    long exception = outcome.getJsonNumber("exceptionId").longValue();
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where id = ? and detail like ?",
            exception,
            "%" + lot.getString("lotNumber") + "%"));
    assertEquals(
        edges,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption where batch_id = ?", batch.id));
  }

  @Test
  @Tag("URS-033")
  void manualValuesAreCheckedAgainstTheirLimits() {
    expect(200, batch.start(performer, 1));
    HttpResponse<String> noComment = batch.enter(performer, 1, "17", null);
    assertEquals(422, noComment.statusCode());
    assertTrue(
        noComment.body().contains("'Blend time' = 17 min is outside 10 to 15 min: add a comment"),
        noComment.body());
    assertEquals(0, entries());
    HttpResponse<String> notANumber =
        performer.post(batch.path("/steps/1/entries"), "{\"parameter\":\"Blend time\"}");
    assertEquals(422, notANumber.statusCode());
    assertTrue(notANumber.body().contains("Enter a number for 'Blend time'"), notANumber.body());

    JsonObject entry = expect(200, batch.enter(performer, 1, "17", "Granulate was still wet"));
    assertFalse(entry.getBoolean("withinLimits"));
    assertFalse(entry.getBoolean("late"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where batch_id = ?"
                + " and kind = 'OUT_OF_LIMITS' and detail like '%still wet%'",
            batch.id));

    HttpResponse<String> twice = batch.enter(performer, 1, "12", null);
    assertEquals(422, twice.statusCode());
    assertTrue(twice.body().contains("is entered already: correct it"), twice.body());
    HttpResponse<String> machine =
        performer.post(
            batch.path("/steps/1/entries"), "{\"parameter\":\"Inlet temperature\",\"value\":60}");
    assertEquals(422, machine.statusCode());
    assertTrue(machine.body().contains("has no parameter 'Inlet temperature'"), machine.body());
    assertEquals(1, entries());
  }

  @Test
  @Tag("URS-033")
  void aValueTakenLongBeforeItIsEnteredIsFlaggedLate() throws SQLException {
    expect(200, batch.start(performer, 1));
    // As a step that started an hour ago, with a reading noted on paper 40 minutes ago.
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.step_execution set started_at = now() - interval '1 hour'"
              + " where batch_id = "
              + batch.id);
    }
    Instant fortyMinutesAgo = Instant.now().minus(40, ChronoUnit.MINUTES);
    HttpResponse<String> beforeStart = entry(Instant.now().minus(2, ChronoUnit.HOURS));
    assertEquals(422, beforeStart.statusCode());
    assertTrue(beforeStart.body().contains("cannot be before Step 1"), beforeStart.body());
    HttpResponse<String> future = entry(Instant.now().plus(1, ChronoUnit.HOURS));
    assertEquals(422, future.statusCode());
    assertTrue(future.body().contains("cannot be in the future"), future.body());

    JsonObject late = expect(200, entry(fortyMinutesAgo));
    assertTrue(late.getBoolean("late"));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where batch_id = ?"
                + " and kind = 'LATE_ENTRY' and parameter = 'Blend time'",
            batch.id));
  }

  private HttpResponse<String> entry(Instant takenAt) {
    return performer.post(
        batch.path("/steps/1/entries"),
        Json.createObjectBuilder()
            .add("parameter", "Blend time")
            .add("value", 12)
            .add("takenAt", takenAt.toString())
            .build()
            .toString());
  }

  @Test
  @Tag("URS-033")
  void aCorrectionNeedsAReasonAndKeepsTheOriginalVisible() {
    expect(200, batch.start(performer, 1));
    long original =
        expect(200, batch.enter(performer, 1, "11", null)).getJsonNumber("id").longValue();
    HttpResponse<String> noReason = correct(original, "13", null);
    assertEquals(422, noReason.statusCode());
    assertTrue(noReason.body().contains("A reason for change is required"), noReason.body());

    JsonObject correction = expect(200, correct(original, "13", "Read the wrong timer"));
    assertEquals(original, correction.getJsonNumber("correctionOf").longValue());
    assertEquals("Read the wrong timer", correction.getString("correctionReason"));
    HttpResponse<String> again = correct(original, "14", "Once more");
    assertEquals(422, again.statusCode());
    assertTrue(again.body().contains("was corrected already"), again.body());

    List<JsonObject> entries =
        batch.step(performer, 1).getJsonArray("entries").getValuesAs(JsonObject.class);
    assertEquals(2, entries.size(), "the original stays in the record");
    assertEquals("11", entries.get(0).getJsonNumber("value").toString());
    assertFalse(entries.get(0).isNull("supersededAt"));
    assertEquals("13", entries.get(1).getJsonNumber("value").toString());
    JsonObject parameter = batch.step(performer, 1).getJsonArray("parameters").getJsonObject(0);
    assertEquals("13", parameter.getJsonObject("entry").getJsonNumber("value").toString());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where batch_id = ?"
                + " and kind = 'CORRECTION' and detail like '%from 11 to 13 min: Read the wrong timer'",
            batch.id));
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.step_entry_aud a join batchtrace.audit_revision r"
                + " on r.id = a.rev where a.id = ? and a.revtype = 1"
                + " and r.reason = 'Read the wrong timer'",
            original),
        "superseding the original is an audited change with the reason");
  }

  private HttpResponse<String> correct(long entry, String value, String reason) {
    var body = Json.createObjectBuilder().add("value", new java.math.BigDecimal(value));
    if (reason != null) {
      body.add("reason", reason);
    }
    return performer.post("/executions/entries/" + entry + "/corrections", body.build().toString());
  }

  @Test
  @Tag("URS-033")
  void commentsAndDeviationsCanBeRaisedOnAnyStep() {
    JsonObject comment =
        expect(
            200,
            performer.post(
                batch.path("/steps/2/notes"),
                "{\"kind\":\"COMMENT\",\"text\":\"Dryer filter changed before the batch\"}"));
    assertEquals("COMMENT", comment.getString("kind"));
    assertTrue(comment.getString("raisedBy").startsWith("Paula"), comment.toString());
    JsonObject deviation =
        expect(
            200,
            performer.post(
                batch.path("/steps/1/notes"),
                "{\"kind\":\"DEVIATION\",\"text\":\"Scale 3 out of calibration\"}"));
    assertEquals("DEVIATION", deviation.getString("kind"));
    HttpResponse<String> empty =
        performer.post(batch.path("/steps/1/notes"), "{\"kind\":\"DEVIATION\",\"text\":\" \"}");
    assertEquals(422, empty.statusCode());
    assertTrue(empty.body().contains("Write the deviation"), empty.body());
    HttpResponse<String> otherKind =
        performer.post(batch.path("/steps/1/notes"), "{\"kind\":\"PRAISE\",\"text\":\"Nice\"}");
    assertEquals(422, otherKind.statusCode());
    assertTrue(otherKind.body().contains("COMMENT or DEVIATION"), otherKind.body());
    assertEquals(
        2,
        TestStack.count(
            "select count(*) from batchtrace.batch_exception where batch_id = ?", batch.id));
  }

  @Test
  @Tag("URS-034")
  void performingNeedsCompleteDataAndTheSignedInOperatorsOwnSignature() {
    expect(200, batch.start(performer, 1));
    HttpResponse<String> noMaterial = batch.perform(performer, 1, DemoUser.PASSWORD);
    assertEquals(422, noMaterial.statusCode());
    assertTrue(
        noMaterial.body().contains("Enter 'Blend time' before signing Step 1"), noMaterial.body());
    expect(200, batch.enter(performer, 1, "12", null));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    HttpResponse<String> tooLittle = batch.perform(performer, 1, DemoUser.PASSWORD);
    assertEquals(422, tooLittle.statusCode());
    assertTrue(
        tooLittle.body().contains("Charge 49 to 51 kg of " + batch.material), tooLittle.body());
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));

    HttpResponse<String> asSomeoneElse =
        performer.post(
            batch.path("/steps/1/perform"),
            Json.createObjectBuilder()
                .add("username", verifierId)
                .add("password", DemoUser.PASSWORD)
                .build()
                .toString());
    assertEquals(422, asSomeoneElse.statusCode());
    assertTrue(asSomeoneElse.body().contains("sign with your own user id"), asSomeoneElse.body());
    HttpResponse<String> wrongPassword = batch.perform(performer, 1, "not-the-password");
    assertEquals(422, wrongPassword.statusCode());
    assertTrue(wrongPassword.body().contains("Wrong password"), wrongPassword.body());
    assertEquals(0, signatures());

    JsonObject run = expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    JsonObject step = run.getJsonArray("steps").getJsonObject(0);
    assertEquals("PERFORMED", step.getString("status"), "waits for the second person");
    JsonObject signature = step.getJsonArray("signatures").getJsonObject(0);
    assertEquals("PERFORMED", signature.getString("meaning"));
    assertEquals(performerId, signature.getString("signerId"));
    assertTrue(signature.getBoolean("valid"));
    assertEquals(1, run.getInt("currentStep"), "step 1 is not done before it is verified");

    HttpResponse<String> scanAfter =
        batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "1");
    assertEquals(422, scanAfter.statusCode());
    assertTrue(scanAfter.body().contains("is signed as performed"), scanAfter.body());
    long entry = step.getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
    HttpResponse<String> correctAfter = correct(entry, "13", "Too late");
    assertEquals(422, correctAfter.statusCode());
    assertTrue(correctAfter.body().contains("raise a deviation instead"), correctAfter.body());
  }

  @Test
  @Tag("URS-034")
  void whoEnteredAValueInTheStepCannotVerifyIt() {
    expect(200, batch.start(performer, 1));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    // The would-be verifier enters the step's one value at the terminal, then the performer signs.
    expect(200, batch.enter(RestClient.as(verifierId), 1, "12", null));
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    HttpResponse<String> refused = batch.verify(performer, 1, verifierId, DemoUser.PASSWORD);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("took part in this work"), refused.body());
    assertEquals("PERFORMED", batch.step(performer, 1).getString("status"));
  }

  @Test
  @Tag("URS-047")
  void whoChargedALotInTheStepCannotVerifyIt() {
    expect(200, batch.start(performer, 1));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    // The would-be verifier scans one of the step's lots at the terminal.
    expect(
        200,
        batch.scan(RestClient.as(verifierId), 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.enter(performer, 1, "12", null));
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));
    HttpResponse<String> refused = batch.verify(performer, 1, verifierId, DemoUser.PASSWORD);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("took part in this work"), refused.body());
    assertEquals("PERFORMED", batch.step(performer, 1).getString("status"));
  }

  @Test
  @Tag("URS-034")
  void aSecondOperatorVerifiesWithTheirOwnCredentialsNeverThePerformer() {
    expect(200, batch.start(performer, 1));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.scan(performer, 1, batch.releasedLot().getString("lotNumber"), "25"));
    expect(200, batch.enter(performer, 1, "12", null));
    HttpResponse<String> beforePerformed =
        batch.verify(performer, 1, verifierId, DemoUser.PASSWORD);
    assertEquals(422, beforePerformed.statusCode());
    assertTrue(
        beforePerformed.body().contains("is not signed as performed yet"), beforePerformed.body());
    expect(200, batch.perform(performer, 1, DemoUser.PASSWORD));

    HttpResponse<String> self = batch.verify(performer, 1, performerId, DemoUser.PASSWORD);
    assertEquals(422, self.statusCode());
    assertTrue(
        self.body().contains("took part in this work and cannot also verify it"), self.body());
    HttpResponse<String> notAnOperator =
        batch.verify(performer, 1, DemoUser.REVIEWER.username, DemoUser.PASSWORD);
    assertEquals(422, notAnOperator.statusCode());
    assertTrue(
        notAnOperator.body().contains("the role 'operator' is required"), notAnOperator.body());
    HttpResponse<String> startTooEarly = batch.start(performer, 2);
    assertEquals(422, startTooEarly.statusCode(), "step 1 waits for its verification");

    JsonObject run = expect(200, batch.verify(performer, 1, verifierId, DemoUser.PASSWORD));
    JsonObject step = run.getJsonArray("steps").getJsonObject(0);
    assertEquals("DONE", step.getString("status"));
    assertEquals(verifierId, step.getString("verifiedBy"));
    List<String> meanings =
        step.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
            .map(s -> s.getString("meaning") + " " + s.getString("signerId"))
            .toList();
    assertEquals(List.of("PERFORMED " + performerId, "VERIFIED " + verifierId), meanings);
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.equipment_allocation where batch_id = ?"
                + " and ended_at is null",
            batch.id),
        "a done step frees the line");
    HttpResponse<String> twice = batch.verify(performer, 1, verifierId, DemoUser.PASSWORD);
    assertEquals(422, twice.statusCode());
    assertTrue(twice.body().contains("is verified already"), twice.body());

    expect(200, batch.start(performer, 2));
    HttpResponse<String> notAsked = batch.verify(performer, 2, verifierId, DemoUser.PASSWORD);
    assertEquals(422, notAsked.statusCode());
    assertTrue(notAsked.body().contains("does not ask for a second person"), notAsked.body());
    JsonObject done = expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    assertEquals("DONE", done.getJsonArray("steps").getJsonObject(1).getString("status"));
    assertTrue(done.getBoolean("completable"));
  }

  @Test
  @Tag("URS-034")
  void aSignedStepWhoseRecordChangesShowsItsSignaturesInvalid() throws SQLException {
    batch.stepOneDone(performer, performerId, verifierId);
    JsonObject step = batch.step(performer, 1);
    assertTrue(
        step.getJsonArray("signatures").getValuesAs(JsonObject.class).stream()
            .allMatch(s -> s.getBoolean("valid")));
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.step_entry set value = 14 where step_execution_id ="
              + " (select id from batchtrace.step_execution where batch_id = "
              + batch.id
              + ")");
    }
    List<JsonObject> signatures =
        batch.step(performer, 1).getJsonArray("signatures").getValuesAs(JsonObject.class);
    assertEquals(2, signatures.size());
    assertTrue(signatures.stream().noneMatch(s -> s.getBoolean("valid")), signatures.toString());
  }

  @Test
  @Tag("URS-034")
  void completingNeedsEveryStepDoneAndPutsTheBatchIntoReviewWithItsLotInQuarantine() {
    batch.stepOneDone(performer, performerId, verifierId);
    HttpResponse<String> early = batch.complete(performer, "X", "100");
    assertEquals(422, early.statusCode());
    assertTrue(early.body().contains("Step 2 (Dry) is not finished"), early.body());
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));

    String output = Lots.unique("FG");
    HttpResponse<String> completed = batch.complete(performer, output, "98.5");
    assertEquals(200, completed.statusCode(), completed.body());
    JsonObject lot = TestStack.json(completed.body()).asJsonArray().getJsonObject(0);
    assertEquals(output, lot.getString("lotNumber"));
    assertEquals("QUARANTINE", lot.getString("status"));
    assertEquals(batch.product, lot.getString("materialCode"));
    assertEquals("IN_REVIEW", batch.run(performer).getString("status"));
    assertEquals(
        2,
        TestStack.count(
            "select count(*) from batchtrace.lot_consumption c join batchtrace.material_lot l"
                + " on l.id = c.lot_id where c.batch_id = ? and c.step_position = 1",
            batch.id),
        "the scanned lots are the batch's inputs");
    HttpResponse<String> again =
        performer.post(batch.path("/steps/1/notes"), "{\"kind\":\"COMMENT\",\"text\":\"ok\"}");
    assertEquals(200, again.statusCode(), "comments stay possible while QA reviews");
  }

  @Test
  @Tag("URS-075")
  void completionRefusesAWrongPasswordAnotherUsersIdAndASecondCompletionAndIsSignedPerformed()
      throws SQLException {
    batch.stepOneDone(performer, performerId, verifierId);
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    String output = Lots.unique("FG");

    HttpResponse<String> unsigned =
        performer.post(
            batch.path("/complete"), "{\"lotNumber\":\"" + output + "\",\"quantity\":98.5}");
    assertEquals(422, unsigned.statusCode());
    assertTrue(unsigned.body().contains("Enter your password to sign"), unsigned.body());
    HttpResponse<String> wrongPassword = completeAs(null, "not-the-password", output);
    assertEquals(422, wrongPassword.statusCode());
    assertTrue(wrongPassword.body().contains("Wrong password"), wrongPassword.body());
    HttpResponse<String> asSomeoneElse = completeAs(verifierId, DemoUser.PASSWORD, output);
    assertEquals(422, asSomeoneElse.statusCode());
    assertTrue(asSomeoneElse.body().contains("sign with your own user id"), asSomeoneElse.body());
    assertEquals("IN_PROGRESS", batch.run(performer).getString("status"), "nothing completed");
    assertEquals(0, completionSignatures());
    assertEquals(
        0,
        TestStack.count(
            "select count(*) from batchtrace.material_lot where produced_by_batch_id = ?",
            batch.id));

    HttpResponse<String> completed = batch.complete(performer, output, "98.5");
    assertEquals(200, completed.statusCode(), completed.body());
    assertEquals(1, completionSignatures());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.electronic_signature where record_type ="
                + " 'BatchCompletion' and record_id = ?::text and meaning = 'PERFORMED'"
                + " and signer_id = ?",
            batch.id,
            performerId));
    HttpResponse<String> twice = batch.complete(performer, Lots.unique("FG"), "98.5");
    assertEquals(422, twice.statusCode());
    assertTrue(twice.body().contains("is completed already"), twice.body());
    assertEquals(1, completionSignatures(), "the second completion signed nothing");

    // Linked to the content: a produced quantity changed afterwards shows the signature INVALID.
    assertTrue(completionSignatureValid());
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.executeUpdate(
          "update batchtrace.material_lot set received_quantity = 99 where produced_by_batch_id = "
              + batch.id);
    }
    assertFalse(completionSignatureValid());
  }

  @Test
  @Tag("URS-083")
  void aHugeCompletionCommentIsRefusedAndAChangedCommentShowsTheSignatureInvalid()
      throws SQLException {
    batch.stepOneDone(performer, performerId, verifierId);
    expect(200, batch.start(performer, 2));
    expect(200, batch.perform(performer, 2, DemoUser.PASSWORD));
    String output = Lots.unique("FG");
    for (String hostile : new String[] {"x".repeat(2001), "\u00e4".repeat(1_000_000)}) {
      HttpResponse<String> refused = completeWithComment(output, hostile);
      assertEquals(422, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("at most 2000 characters"), refused.body());
    }
    assertEquals("IN_PROGRESS", batch.run(performer).getString("status"), "nothing completed");
    assertEquals(0, completionSignatures());

    HttpResponse<String> completed = completeWithComment(output, "  Sieve changed mid-run  ");
    assertEquals(200, completed.statusCode(), completed.body());
    assertEquals(
        1,
        TestStack.count(
            "select count(*) from batchtrace.batch where id = ?"
                + " and completion_comment = 'Sieve changed mid-run'",
            batch.id),
        "kept with the batch, trimmed");
    assertTrue(completionSignatureValid());
    // The comment is part of what the operator signed.
    try (Connection rogue = TestStack.databaseAsSuperuser();
        Statement s = rogue.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.executeUpdate(
          "update batchtrace.batch set completion_comment = 'All fine' where id = " + batch.id);
    }
    assertFalse(completionSignatureValid(), "a changed comment voids the signature");
  }

  private HttpResponse<String> completeWithComment(String output, String comment) {
    return performer.post(
        batch.path("/complete"),
        Json.createObjectBuilder()
            .add("lotNumber", output)
            .add("quantity", 98.5)
            .add("comment", comment)
            .add("password", DemoUser.PASSWORD)
            .build()
            .toString());
  }

  /** The performer completes the batch signing with the user id (null: theirs) and password. */
  private HttpResponse<String> completeAs(String username, String password, String output) {
    var body =
        Json.createObjectBuilder()
            .add("lotNumber", output)
            .add("quantity", 98.5)
            .add("password", password);
    if (username != null) {
      body.add("username", username);
    }
    return performer.post(batch.path("/complete"), body.build().toString());
  }

  private boolean completionSignatureValid() {
    return TestStack.jsonObject(
            RestClient.as(DemoUser.AUDITOR).get("/signatures?signer=" + performerId + "&limit=50"))
        .getJsonArray("rows")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(
            s ->
                "BatchCompletion".equals(s.getString("recordType"))
                    && String.valueOf(batch.id).equals(s.getString("recordId")))
        .findFirst()
        .orElseThrow()
        .getBoolean("valid");
  }

  private long completionSignatures() {
    return TestStack.count(
        "select count(*) from batchtrace.electronic_signature where record_type ="
            + " 'BatchCompletion' and record_id = ?::text",
        batch.id);
  }

  private long entries() {
    return TestStack.count(
        "select count(*) from batchtrace.step_entry e join batchtrace.step_execution s"
            + " on s.id = e.step_execution_id where s.batch_id = ?",
        batch.id);
  }

  private long signatures() {
    return TestStack.count(
        "select count(*) from batchtrace.electronic_signature where record_type = 'StepExecution'"
            + " and record_id in (select id::text from batchtrace.step_execution where batch_id = ?)",
        batch.id);
  }
}
