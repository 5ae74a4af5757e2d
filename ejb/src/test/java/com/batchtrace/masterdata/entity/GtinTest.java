package com.batchtrace.masterdata.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A material's GTIN has a valid GS1 check digit and is kept in its 14-digit form. */
@Tag("URS-062")
class GtinTest {

  @Test
  void validGtinsAreKeptWithFourteenDigits() {
    assertEquals("09506000134352", Gtin.normalized("9506000134352"));
    assertEquals("09506000134352", Gtin.normalized("09506000134352"));
    assertEquals("00000096385074", Gtin.normalized("96385074"));
  }

  @Test
  void aWrongCheckDigitOrLengthIsRefused() {
    assertTrue(refusal(() -> Gtin.normalized("9506000134353")).contains("check digit"));
    assertTrue(refusal(() -> Gtin.normalized("12345")).contains("8, 12, 13 or 14 digits"));
    assertTrue(refusal(() -> Gtin.normalized(null)).contains("8, 12, 13 or 14 digits"));
  }
}
