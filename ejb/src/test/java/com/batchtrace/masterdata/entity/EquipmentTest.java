package com.batchtrace.masterdata.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.testing.TestPlant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A step runs on its batch's line or on equipment below it, so that machine values of another line
 * never land on the batch.
 */
@Tag("URS-007")
@Tag("URS-027")
class EquipmentTest {

  private final TestPlant plant = new TestPlant();

  @Test
  void theLineIsWithinItself() {
    assertTrue(plant.line.isWithin(plant.line));
  }

  @Test
  void aUnitBelowTheLineIsWithinIt() {
    assertTrue(plant.dryer.isWithin(plant.line));
  }

  @Test
  void aUnitOfAnotherLineIsNotWithinTheLine() {
    Equipment otherLine = plant.area.addChild("line-3", "Line 3", null);
    Equipment otherDryer = otherLine.addChild("dryer-1", "Dryer 1", null);

    assertFalse(otherDryer.isWithin(plant.line));
    assertFalse(plant.dryer.isWithin(otherLine));
  }

  @Test
  void theAreaAboveTheLineIsNotWithinIt() {
    assertFalse(plant.area.isWithin(plant.line));
  }

  @Test
  void theLineReadAgainAsAnotherObjectIsTheSameLineByItsId() {
    TestPlant.withId(plant.line, 40);
    Equipment sameLineLoadedAgain = TestPlant.withId(new TestPlant().line, 40);
    Equipment otherLineWithOtherId =
        TestPlant.withId(plant.area.addChild("line-3", "Line 3", null), 41);

    assertTrue(plant.dryer.isWithin(sameLineLoadedAgain));
    assertFalse(plant.dryer.isWithin(otherLineWithOtherId));
  }
}
