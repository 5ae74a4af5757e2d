package com.batchtrace.genealogy.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.TestPlant.TODAY;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.platform.RuleViolation;
import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A lot is charged only when QA released it, it has not expired and enough of it is left; a refused
 * charge changes nothing. The lot: 25 kg of API-0001, expiring a year from today.
 */
@Tag("URS-025")
@Tag("URS-032")
class MaterialLotTest {

  private final TestPlant plant = new TestPlant();
  private final MaterialLot released = plant.releasedLot("L-API-0001-01", plant.api, "25");

  private static BigDecimal kg(String quantity) {
    return new BigDecimal(quantity);
  }

  private static String refusalOf(MaterialLot lot, String quantity, LocalDate today) {
    return refusal(() -> lot.requireConsumable(kg(quantity), today));
  }

  @Test
  void aLotInQuarantineIsNotUsed() {
    MaterialLot quarantined = plant.lot("L-API-0001-02", plant.api, "25");

    String message = refusalOf(quarantined, "1", TODAY);

    assertTrue(message.contains("Lot L-API-0001-02 is quarantine, not released"), message);
  }

  @Test
  void aRejectedLotIsNotUsed() {
    MaterialLot rejected = plant.lot("L-API-0001-03", plant.api, "25");
    rejected.reject();

    String message = refusalOf(rejected, "1", TODAY);

    assertTrue(message.contains("is rejected, not released"), message);
  }

  @Test
  void anExpiredLotIsNotUsedEvenIfReleased() {
    LocalDate dayAfterExpiry = released.getExpiry().plusDays(1);

    String message = refusalOf(released, "1", dayAfterExpiry);

    assertTrue(message.contains("expired on " + released.getExpiry()), message);
  }

  @Test
  void aLotIsStillUsedOnItsExpiryDay() {
    assertDoesNotThrow(() -> released.requireConsumable(kg("1"), released.getExpiry()));
  }

  @Test
  void noMoreIsChargedThanIsLeftInTheLot() {
    String message = refusalOf(released, "25.5", TODAY);

    assertTrue(message.contains("Only 25 kg of lot L-API-0001-01 are left"), message);
    assertTrue(message.contains("25.5 cannot be charged"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1"})
  void theQuantityChargedIsMoreThanZero(String quantity) {
    String message = refusalOf(released, quantity, TODAY);

    assertTrue(message.contains("must be more than zero"), message);
  }

  @Test
  void whatIsLeftIsChargedAndARefusedChargeChangesNothing() {
    released.consume(kg("20"), TODAY);
    assertThrows(RuleViolation.class, () -> released.consume(kg("5.000001"), TODAY));

    assertEquals(0, kg("5").compareTo(released.getRemainingQuantity()));
    released.consume(kg("5"), TODAY);
    assertEquals(0, released.getRemainingQuantity().signum());
  }
}
