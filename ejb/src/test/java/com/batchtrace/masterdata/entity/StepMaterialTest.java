package com.batchtrace.masterdata.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A step's material requirement: 10 kg within a tolerance, the window a step's charges must hit.
 */
@Tag("URS-024")
@Tag("URS-032")
class StepMaterialTest {

  private final TestPlant plant = new TestPlant();

  private final MbrStep blend = plant.draftRecipe().addStep("Blending", "Blend", "Blend.", false);

  private StepMaterial tenKgWithin(String tolerancePercent) {
    blend.consume(plant.excipient, BigDecimal.TEN, new BigDecimal(tolerancePercent));
    return blend.getMaterials().get(0);
  }

  private String refusalToConsume(BigDecimal quantity, BigDecimal tolerancePercent) {
    return refusal(() -> blend.consume(plant.excipient, quantity, tolerancePercent));
  }

  @ParameterizedTest(name = "10 kg within {0} % is {1} to {2} kg")
  @CsvSource({"0, 10, 10", "2, 9.8, 10.2", "100, 0, 20"})
  void theToleranceSetsTheLeastAndTheMostAStepTakes(
      String tolerance, BigDecimal least, BigDecimal most) {
    StepMaterial need = tenKgWithin(tolerance);

    assertEquals(0, least.compareTo(need.minimum()), () -> "minimum " + need.minimum());
    assertEquals(0, most.compareTo(need.maximum()), () -> "maximum " + need.maximum());
  }

  @ParameterizedTest(name = "within {0} %: {1} kg satisfies, {2} and {3} kg do not")
  @CsvSource({
    "0, 10, 9.999999, 10.000001",
    "2, 9.8, 9.799999, 10.200001",
    "2, 10.2, 9.79, 10.21",
    "100, 0, -0.000001, 20.000001",
    "100, 20, -1, 21"
  })
  void aTotalWithinTheToleranceSatisfiesTheStepAndOneOutsideDoesNot(
      String tolerance, BigDecimal inside, BigDecimal under, BigDecimal over) {
    StepMaterial need = tenKgWithin(tolerance);

    assertTrue(need.isSatisfiedBy(inside), "inside");
    assertFalse(need.isSatisfiedBy(under), "under");
    assertFalse(need.isSatisfiedBy(over), "over");
  }

  @ParameterizedTest(name = "within {0} %: {1} kg more on {2} kg would exceed: {3}")
  @CsvSource({
    "0, 0.000001, 10, true",
    "0, 1, 9, false",
    "2, 0.2, 10, false",
    "2, 0.200001, 10, true",
    "100, 20, 0, false",
    "100, 0.000001, 20, true"
  })
  void aFurtherChargeWouldExceedOnlyWhenTheTotalGoesOverTheMost(
      String tolerance, BigDecimal more, BigDecimal charged, boolean exceeds) {
    assertEquals(exceeds, tenKgWithin(tolerance).wouldExceed(charged, more));
  }

  @Test
  void aToleranceOverAHundredPercentIsRefused() {
    String message = refusalToConsume(BigDecimal.TEN, new BigDecimal("100.001"));

    assertTrue(
        message.contains("the tolerance of EXC-0002 is a percentage from 0 to 100"), message);
  }

  @Test
  void aStepNeedsMoreThanNothingOfAMaterial() {
    String message = refusalToConsume(BigDecimal.ZERO, BigDecimal.ONE);

    assertTrue(message.contains("the quantity of EXC-0002 must be more than zero"), message);
    assertTrue(blend.getMaterials().isEmpty());
  }

  @ParameterizedTest(name = "{0} kg within {1} %")
  @CsvSource({"10.0000001, 2", "10000000000000, 2", "10, 2.0005"})
  @Tag("URS-009")
  void aQuantityOrToleranceTheRecordCannotHoldIsRefusedWithAPlainMessage(
      BigDecimal quantity, BigDecimal tolerancePercent) {
    String message = refusalToConsume(quantity, tolerancePercent);

    assertTrue(message.contains("EXC-0002"), message);
    assertTrue(blend.getMaterials().isEmpty());
  }

  @Test
  void theSameMaterialIsNotListedTwiceInAStep() {
    TestPlant.withId(plant.excipient, 2);
    blend.consume(plant.excipient, BigDecimal.TEN, BigDecimal.ONE);

    String message = refusalToConsume(BigDecimal.ONE, BigDecimal.ONE);

    assertTrue(message.contains("lists material EXC-0002 twice"), message);
    assertEquals(1, blend.getMaterials().size());
  }
}
