package com.batchtrace.execution.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.TestPlant.T0;
import static com.batchtrace.testing.TestPlant.done;
import static com.batchtrace.testing.TestPlant.start;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.testing.TestPlant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A batch's steps run in the master record's order, one done before the next starts, and the batch
 * is completed only when every step is done (recipe: 1 Dispense, 2 Granulate, 3 Dry).
 */
@Tag("URS-032")
@Tag("URS-034")
class StepSequenceTest {

  private final Batch batch = new TestPlant().plannedBatch();

  @Test
  void theFirstStepOfAPlannedBatchMayStart() {
    assertDoesNotThrow(() -> new StepSequence(batch, List.of()).requireStartable(1));
  }

  @Test
  void aStepStartsOnlyAfterTheStepsBeforeItAreDone() {
    StepSequence sequence = new StepSequence(batch, List.of(start(batch, 1, "olivia")));

    String message = refusal(() -> sequence.requireStartable(2));

    assertTrue(message.contains("Step 1 (Dispense) is not finished"), message);
    assertTrue(message.contains("master record's order"), message);
  }

  @Test
  void aStepCannotSkipAStepThatWasNeverStarted() {
    StepSequence sequence = new StepSequence(batch, List.of(done(batch, 1)));

    String message = refusal(() -> sequence.requireStartable(3));

    assertTrue(message.contains("Step 2 (Granulate) is not finished"), message);
  }

  @Test
  void aStepWaitingForItsVerificationIsNotDoneSoTheNextWaits() {
    StepExecution dispense = start(batch, 1, "olivia");
    dispense.performed("olivia", T0.plusSeconds(600));
    StepSequence sequence = new StepSequence(batch, List.of(dispense));

    String message = refusal(() -> sequence.requireStartable(2));

    assertTrue(message.contains("Step 1 (Dispense) is not finished"), message);
  }

  @Test
  void theNextStepStartsOnceTheOneBeforeIsDone() {
    batch.start();
    StepSequence sequence = new StepSequence(batch, List.of(done(batch, 1)));

    assertDoesNotThrow(() -> sequence.requireStartable(2));
  }

  @Test
  void aStartedStepIsNotStartedAgain() {
    StepSequence sequence = new StepSequence(batch, List.of(start(batch, 1, "olivia")));

    String message = refusal(() -> sequence.requireStartable(1));

    assertTrue(message.contains("Step 1 (Dispense) is started already"), message);
  }

  @Test
  void noStepStartsOnABatchThatIsNoLongerPlannedOrInProgress() {
    batch.start();
    batch.complete(T0.plusSeconds(3600));
    StepSequence sequence = new StepSequence(batch, List.of());

    String message = refusal(() -> sequence.requireStartable(1));

    assertTrue(message.contains("is in review: no step can be started"), message);
  }

  @Test
  void aStepTheRecordDoesNotHaveIsRefusedNamingTheStepsItHas() {
    StepSequence sequence = new StepSequence(batch, List.of());

    String message = refusal(() -> sequence.started(4));

    assertTrue(message.contains("has steps 1 to 3; there is no step 4"), message);
  }

  @Test
  void aStepMustBeStartedBeforeItIsWorkedOn() {
    StepSequence sequence = new StepSequence(batch, List.of());

    String message = refusal(() -> sequence.started(1));

    assertTrue(message.contains("Step 1 (Dispense) is not started"), message);
  }

  @Test
  void theOpenStepIsTheStartedStepNotYetSigned() {
    StepExecution granulate = start(batch, 2, "olivia");
    StepSequence sequence = new StepSequence(batch, List.of(done(batch, 1), granulate));

    assertSame(granulate, sequence.openStep().orElseThrow());
  }

  @Test
  void aStepSignedAsPerformedIsNoLongerOpen() {
    StepExecution dispense = start(batch, 1, "olivia");
    dispense.performed("olivia", T0.plusSeconds(600));

    assertTrue(new StepSequence(batch, List.of(dispense)).openStep().isEmpty());
  }

  @Test
  void theUnfinishedStepsAreListedInTheRecordsOrder() {
    StepSequence sequence = new StepSequence(batch, List.of(done(batch, 1)));

    assertEquals(List.of(2, 3), sequence.unfinished().stream().map(MbrStep::getPosition).toList());
    assertEquals(2, sequence.current().orElseThrow().getPosition());
  }

  @Test
  void theBatchIsCompletedOnlyWhenEveryStepIsDoneAndTheRefusalNamesEveryUnfinishedStep() {
    StepSequence sequence =
        new StepSequence(batch, List.of(done(batch, 1), start(batch, 2, "olivia")));

    String message = refusal(sequence::requireAllDone);

    assertTrue(message.contains("Steps 2 (Granulate), 3 (Dry) are not finished"), message);
    assertTrue(message.contains("batch " + TestPlant.BATCH_NUMBER), message);
  }

  @Test
  void oneUnfinishedStepIsNamedAlone() {
    StepSequence sequence = new StepSequence(batch, List.of(done(batch, 1), done(batch, 2)));

    String message = refusal(sequence::requireAllDone);

    assertTrue(message.contains("Step 3 (Dry) is not finished"), message);
  }

  @Test
  void aBatchWithEveryStepDoneMayBeCompleted() {
    StepSequence sequence =
        new StepSequence(batch, List.of(done(batch, 1), done(batch, 2), done(batch, 3)));

    assertDoesNotThrow(sequence::requireAllDone);
    assertTrue(sequence.unfinished().isEmpty());
  }
}
