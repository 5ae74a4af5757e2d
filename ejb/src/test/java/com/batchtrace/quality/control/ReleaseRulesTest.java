package com.batchtrace.quality.control;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.ReviewedBatch.EXCURSION_ID;
import static com.batchtrace.testing.ReviewedBatch.exception;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.execution.boundary.BatchRecord;
import com.batchtrace.testing.ReviewedBatch;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QA releases a batch only when every step is done, every exception is dispositioned (an open
 * deviation named first) and every step signature is valid, and never a batch they took part in.
 * The batch: step 1 started by olivia, performed by omar, verified by vera, humidity entered by
 * emil, a lot charged by carl; step 2 started and performed by omar; a CPP excursion on step 2.
 */
@Tag("URS-036")
class ReleaseRulesTest {

  private static final long DEVIATION_ID = 32;
  private static final long LATE_ENTRY_ID = 33;

  private final ReviewedBatch batch = new ReviewedBatch();

  private String refusalToRelease(Set<Long> dispositioned) {
    BatchRecord record = batch.build();
    return refusal(() -> ReleaseRules.requireReleasable(record, dispositioned));
  }

  private String refusalOf(String reviewer) {
    BatchRecord record = batch.build();
    return refusal(() -> ReleaseRules.requireNotParticipant(record, reviewer, true));
  }

  @Test
  void whoPerformedAStepDoesNotReleaseTheBatch() {
    String message = refusalOf("omar");

    assertTrue(message.contains("You performed step 1 (Dispense) of batch B-2026-001"), message);
    assertTrue(message.contains("someone who took no part in it must release it"), message);
  }

  @Test
  void whoVerifiedAStepDoesNotRejectTheBatch() {
    BatchRecord record = batch.build();

    String message = refusal(() -> ReleaseRules.requireNotParticipant(record, "vera", false));

    assertTrue(message.contains("You verified step 1 (Dispense) of batch B-2026-001"), message);
    assertTrue(message.contains("must reject it"), message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"olivia", "emil", "carl"})
  void whoStartedAStepEnteredAValueOrChargedALotTookPartAndDoesNotDecide(String participant) {
    String message = refusalOf(participant);

    assertTrue(message.contains("You took part in batch B-2026-001"), message);
  }

  @Test
  void whoOnlyRaisedACommentOnTheBatchDoesNotDecide() {
    batch.moreExceptions.add(ReviewedBatch.raisedBy("nora", 40, "COMMENT", 1, "Bag torn"));
    String message = refusalOf("nora");

    assertTrue(message.contains("You took part in batch B-2026-001"), message);
  }

  @Test
  void someoneWhoTookNoPartDecidesOnTheBatch() {
    BatchRecord record = batch.build();

    assertDoesNotThrow(() -> ReleaseRules.requireNotParticipant(record, "quinn", true));
  }

  @Test
  void aBatchWithAStepNotDoneIsNotReleased() {
    batch.granulateStatus = "PERFORMED";

    String message = refusalToRelease(Set.of(EXCURSION_ID));

    assertTrue(message.contains("Step 2 (Granulate) of batch B-2026-001"), message);
    assertTrue(message.contains("is not finished (performed)"), message);
  }

  @Test
  void anOpenDeviationIsNamedBeforeOtherOpenExceptions() {
    batch.moreExceptions.add(exception(DEVIATION_ID, "DEVIATION", 1, "Granulate spilled"));

    String message = refusalToRelease(Set.of());

    assertTrue(message.contains("A deviation on step 1 is open ('Granulate spilled')"), message);
  }

  @Test
  void theRefusalCountsTheOpenExceptionsAndNamesTheFirst() {
    batch.moreExceptions.add(exception(LATE_ENTRY_ID, "LATE_ENTRY", 1, "Humidity entered late"));

    String message = refusalToRelease(Set.of());

    assertTrue(message.contains("2 exceptions are not dispositioned"), message);
    assertTrue(message.contains("(first: cpp excursion on step 2)"), message);
  }

  @Test
  void oneOpenExceptionIsEnoughToRefuseTheRelease() {
    batch.moreExceptions.add(exception(DEVIATION_ID, "DEVIATION", 1, "Granulate spilled"));

    String message = refusalToRelease(Set.of(DEVIATION_ID));

    assertTrue(message.contains("1 exception is not dispositioned"), message);
  }

  @Test
  void aBatchWithEveryStepDoneAndEveryExceptionDispositionedIsReleasable() {
    batch.moreExceptions.add(exception(DEVIATION_ID, "DEVIATION", 1, "Granulate spilled"));
    BatchRecord record = batch.build();

    assertDoesNotThrow(
        () -> ReleaseRules.requireReleasable(record, Set.of(EXCURSION_ID, DEVIATION_ID)));
  }

  @Test
  void aRecordShowingAnInvalidStepSignatureIsNotDecided() {
    batch.verificationValid = false;
    BatchRecord record = batch.build();

    String message = refusal(() -> ReleaseRules.requireValidStepSignatures(record));

    assertTrue(message.contains("The record shows an INVALID signature"), message);
    assertTrue(message.contains("verified by Vera Vogel on step 1"), message);
  }

  @Test
  void aRecordWhoseStepSignaturesAreAllValidMayBeDecided() {
    BatchRecord record = batch.build();

    assertDoesNotThrow(() -> ReleaseRules.requireValidStepSignatures(record));
  }

  @Test
  @Tag("URS-066")
  void theReadinessListsEveryBlockerAtOnceEachWithWhereItIsResolved() {
    batch.granulateStatus = "PERFORMED";
    batch.verificationValid = false;
    batch.moreExceptions.add(exception(DEVIATION_ID, "DEVIATION", 1, "Granulate spilled"));
    BatchRecord record = batch.build();

    var blockers = ReleaseRules.blockers(record, Set.of(), "omar");
    var texts = blockers.stream().map(b -> b.text()).toList();

    assertTrue(
        texts.contains(
            "You performed step 1 (Dispense) of batch B-2026-001: someone who took no part in it"
                + " must release it."),
        texts.toString());
    assertTrue(texts.contains("Step 2 (Granulate) is not finished: performed."), texts.toString());
    assertTrue(
        texts.contains(
            "CPP excursion on step 2 is not dispositioned: Inlet temperature above 65 °C"),
        texts.toString());
    assertTrue(texts.contains("Deviation on step 1 is open: Granulate spilled"), texts.toString());
    assertTrue(
        texts.stream().anyMatch(t -> t.startsWith("Invalid signature: verified by Vera Vogel")),
        texts.toString());
    assertTrue(
        blockers.stream().anyMatch(b -> b.anchor().equals("exception-" + DEVIATION_ID)),
        "each exception links to its row: " + blockers);
    assertTrue(blockers.stream().anyMatch(b -> b.anchor().equals("step-2")), blockers.toString());
  }

  @Test
  @Tag("URS-066")
  void aDispositionedExceptionNoLongerBlocks() {
    BatchRecord record = batch.build();

    assertTrue(ReleaseRules.blockers(record, Set.of(EXCURSION_ID), "quinn").isEmpty());
    assertTrue(
        ReleaseRules.blockers(record, Set.of(), "quinn").stream()
            .allMatch(b -> b.anchor().equals("exception-" + EXCURSION_ID)));
  }

  /**
   * The readiness panel and the release decide alike: no blocker exactly when every rule lets the
   * release pass, over combinations of the batch's states.
   */
  @Tag("URS-066")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "quinn,DONE,valid,disposed",
        "quinn,PERFORMED,valid,disposed",
        "quinn,DONE,invalid,disposed",
        "quinn,DONE,valid,open",
        "omar,DONE,valid,disposed",
        "carl,PERFORMED,invalid,open"
      })
  void noBlockerExactlyWhenTheReleaseRulesPass(String combination) {
    String[] c = combination.split(",");
    batch.granulateStatus = c[1];
    batch.verificationValid = c[2].equals("valid");
    BatchRecord record = batch.build();
    Set<Long> dispositioned = c[3].equals("disposed") ? Set.of(EXCURSION_ID) : Set.of();

    boolean passes;
    try {
      ReleaseRules.requireNotParticipant(record, c[0], true);
      ReleaseRules.requireReleasable(record, dispositioned);
      ReleaseRules.requireValidStepSignatures(record);
      passes = true;
    } catch (com.batchtrace.platform.RuleViolation refused) {
      passes = false;
    }

    org.junit.jupiter.api.Assertions.assertEquals(
        passes, ReleaseRules.blockers(record, dispositioned, c[0]).isEmpty(), combination);
  }
}
