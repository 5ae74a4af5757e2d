package com.batchtrace.execution.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.TestPlant.start;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One step as it runs: which lots it takes, when the operator may sign it "performed", and when a
 * second person verifies it. Step 1 (Dispense) needs 10 kg of API-0001 within 2 % and the room
 * humidity entered by hand, and asks for verification; step 3 (Dry) needs nothing.
 */
class StepExecutionTest {

  private static final Instant SIGNED = Instant.parse("2026-03-02T12:00:00Z");
  private static final Set<String> HUMIDITY = Set.of("Room humidity");
  private static final Map<String, BigDecimal> TEN_KG = Map.of("API-0001", new BigDecimal("10"));

  private final Batch batch = new TestPlant().plannedBatch();
  private final StepExecution dispense = start(batch, 1, "olivia");
  private final StepExecution dry = start(batch, 3, "olivia");

  private Optional<String> charge(String material, String quantity, String chargedSoFar) {
    return dispense.refusalOfCharge(
        "L-1", material, "Some material", new BigDecimal(quantity), new BigDecimal(chargedSoFar));
  }

  @Test
  @Tag("URS-032")
  void aLotOfAMaterialTheStepDoesNotNeedIsRefused() {
    String message = charge("EXC-0002", "1", "0").orElseThrow();

    assertTrue(message.contains("Lot L-1 is EXC-0002"), message);
    assertTrue(message.contains("Step 1 (Dispense) needs API-0001."), message);
    assertTrue(message.contains("Nothing was charged"), message);
  }

  @Test
  @Tag("URS-032")
  void aStepThatNeedsNoMaterialRefusesEveryLot() {
    String message =
        dry.refusalOfCharge("L-1", "API-0001", "Paracetamol", BigDecimal.ONE, BigDecimal.ZERO)
            .orElseThrow();

    assertTrue(message.contains("Step 3 (Dry) needs no material"), message);
  }

  @Test
  @Tag("URS-032")
  void aChargeThatTakesTheStepOverItsToleranceIsRefused() {
    String message = charge("API-0001", "2.5", "8").orElseThrow();

    assertTrue(message.contains("would make 10.5 kg of API-0001"), message);
    assertTrue(message.contains("at most 10.2 kg"), message);
  }

  @Test
  @Tag("URS-032")
  void aChargeUpToTheTopOfTheToleranceIsTaken() {
    assertEquals(Optional.empty(), charge("API-0001", "2.2", "8"));
  }

  @Test
  @Tag("URS-034")
  void theStepIsNotSignedBeforeItsManualValuesAreEntered() {
    String message = refusal(() -> dispense.requireSignable(Set.of(), TEN_KG));

    assertTrue(message.contains("Enter 'Room humidity' before signing Step 1 (Dispense)"), message);
  }

  @Test
  @Tag("URS-034")
  void aMachineParameterNeedsNoEntryBeforeSigning() {
    StepExecution granulate = start(batch, 2, "olivia");

    assertDoesNotThrow(() -> granulate.requireSignable(Set.of(), Map.of()));
  }

  @Test
  @Tag("URS-034")
  void theStepIsNotSignedWithLessMaterialThanItsMinimum() {
    Map<String, BigDecimal> tooLittle = Map.of("API-0001", new BigDecimal("9.7"));

    String message = refusal(() -> dispense.requireSignable(HUMIDITY, tooLittle));

    assertTrue(message.contains("Charge 9.8 to 10.2 kg of API-0001"), message);
    assertTrue(message.contains("(9.7 kg charged)"), message);
  }

  @Test
  @Tag("URS-034")
  void theStepIsNotSignedWithNothingCharged() {
    String message = refusal(() -> dispense.requireSignable(HUMIDITY, Map.of()));

    assertTrue(message.contains("(0 kg charged)"), message);
  }

  @Test
  @Tag("URS-034")
  void theStepIsSignedWithItsValuesEnteredAndItsMaterialWithinTolerance() {
    Map<String, BigDecimal> bottom = Map.of("API-0001", new BigDecimal("9.8"));

    assertDoesNotThrow(() -> dispense.requireSignable(HUMIDITY, bottom));
  }

  @Test
  @Tag("URS-034")
  void aSignedStepTakesNoMoreChargesOrEntries() {
    dry.performed("olivia", SIGNED);

    String message = refusal(() -> dry.requireOpen("charging a lot"));

    assertTrue(message.contains("Step 3 (Dry) is signed as performed"), message);
    assertTrue(message.contains("charging a lot is not possible any more"), message);
  }

  @Test
  @Tag("URS-034")
  void aStepWithoutVerificationIsDoneOnceSignedAsPerformed() {
    dry.performed("olivia", SIGNED);

    assertEquals(StepStatus.DONE, dry.getStatus());
    assertEquals("olivia", dry.getPerformedBy());
  }

  @Test
  @Tag("URS-034")
  void aStepThatAsksForVerificationWaitsForItOnceSignedAsPerformed() {
    dispense.performed("olivia", SIGNED);

    assertEquals(StepStatus.PERFORMED, dispense.getStatus());
  }

  @Test
  @Tag("URS-034")
  void aStepIsNotSignedAsPerformedTwice() {
    dispense.performed("olivia", SIGNED);

    String message = refusal(() -> dispense.performed("olivia", SIGNED));

    assertTrue(message.contains("signing it again is not possible"), message);
  }

  @Test
  @Tag("URS-034")
  void aStepThatDoesNotAskForVerificationIsNotVerified() {
    dry.performed("olivia", SIGNED);

    String message = refusal(dry::requireAwaitingVerification);

    assertTrue(message.contains("does not ask for a second person's verification"), message);
  }

  @Test
  @Tag("URS-034")
  void theOperatorSignsBeforeTheSecondPersonVerifies() {
    String message = refusal(dispense::requireAwaitingVerification);

    assertTrue(message.contains("is not signed as performed yet"), message);
  }

  @Test
  @Tag("URS-034")
  void aVerifiedStepIsNotVerifiedAgain() {
    dispense.performed("olivia", SIGNED);
    dispense.verified("vera", SIGNED);

    String message = refusal(() -> dispense.verified("victor", SIGNED));

    assertTrue(message.contains("is verified already"), message);
    assertEquals("vera", dispense.getVerifiedBy());
  }

  @Test
  @Tag("URS-034")
  void theSecondPersonsVerificationMakesTheStepDone() {
    dispense.performed("olivia", SIGNED);

    dispense.verified("vera", SIGNED.plusSeconds(60));

    assertEquals(StepStatus.DONE, dispense.getStatus());
    assertEquals("vera", dispense.getVerifiedBy());
    assertEquals(SIGNED.plusSeconds(60), dispense.getVerifiedAt());
  }

  @Test
  @Tag("URS-036")
  void whoStartedPerformedOrVerifiedTheStepTookPartInItAndNobodyElse() {
    StepExecution step = start(batch, 1, "sam");
    step.performed("omar", SIGNED);
    step.verified("vera", SIGNED);

    assertTrue(step.involves("sam"));
    assertTrue(step.involves("omar"));
    assertTrue(step.involves("vera"));
    assertFalse(step.involves("quinn"));
  }
}
