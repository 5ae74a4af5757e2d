package com.batchtrace.platform;

import static com.batchtrace.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A quantity from a form, a REST body or a machine message is more than zero and fits the records
 * (12 digits before, 6 after the decimal point), or it is refused with a plain message, never a
 * database error.
 */
@Tag("URS-009")
class QuantitiesTest {

  private static final String NOTHING = "Nothing was charged.";

  private static String refusalOf(BigDecimal quantity) {
    return refusal(() -> Quantities.requirePositive(quantity, "the quantity to charge", NOTHING));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"0", "0.000000", "-1", "-0.000001"})
  void aQuantityIsMoreThanZero(BigDecimal quantity) {
    String message = refusalOf(quantity);

    assertTrue(message.contains("Enter the quantity to charge (more than zero)"), message);
    assertTrue(message.endsWith(NOTHING), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "1000000000000", "0.0000001", "1e-400"})
  void aQuantityBeyondWhatTheRecordsHoldIsRefused(BigDecimal quantity) {
    String message = refusalOf(quantity);

    assertTrue(message.contains("is out of range"), message);
    assertTrue(message.contains("at most 12 digits before and 6 after"), message);
    assertTrue(message.endsWith(NOTHING), message);
  }

  @Test
  void aHugeExponentIsRefusedAtOnceNeverWrittenOut() {
    BigDecimal huge = new BigDecimal("1e300000000");

    String message = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> refusalOf(huge));

    assertTrue(message.contains("is out of range"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12.5", "999999999999.999999", "0.000001", "12.500000000", "1E+3"})
  void aQuantityThatFitsIsTakenAsItIs(BigDecimal quantity) {
    assertSame(quantity, Quantities.requirePositive(quantity, "the quantity", NOTHING));
  }

  @Test
  void quantitiesReadPlainWithoutTrailingZerosOrExponents() {
    assertEquals("12.5", Quantities.plain(new BigDecimal("12.500000")).toString());
    assertEquals("100", Quantities.plain(new BigDecimal("100.000000")).toString());
    assertEquals(null, Quantities.plain(null));
  }
}
