package com.batchtrace.web.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Numbers as operators type them: a decimal comma on the German terminal (and the English one), a
 * number that could be read two ways refused with both readings, never guessed.
 */
@Tag("URS-076")
class TerminalNumbersTest {

  private static final Locale DE = Locale.GERMAN;
  private static final Locale EN = Locale.ENGLISH;

  private static BigDecimal number(String typed, Locale language) {
    return TerminalNumbers.parse(typed, language).orElseThrow();
  }

  @Test
  void aDecimalCommaIsTakenInGermanAndADecimalPointInBoth() {
    assertEquals(new BigDecimal("12.5"), number("12,5", DE));
    assertEquals(new BigDecimal("12.5"), number(" 12.5 ", DE));
    assertEquals(new BigDecimal("12.5"), number("12.5", EN));
    assertEquals(new BigDecimal("12.5"), number("12,5", EN));
    assertEquals(new BigDecimal("1250"), number("1250", DE));
    assertEquals(new BigDecimal("-0.75"), number("-0,75", DE));
    assertEquals(new BigDecimal("1.250"), number("1,250", DE), "a comma is German's decimal");
    assertEquals(new BigDecimal("1.250"), number("1.250", EN), "a point is English's decimal");
    assertEquals(Optional.empty(), TerminalNumbers.parse("  ", DE));
  }

  @Test
  void aThousandsSeparatorThatCouldBeADecimalIsRefusedWithBothReadings() {
    TerminalNumbers.Refused german =
        assertThrows(TerminalNumbers.Refused.class, () -> TerminalNumbers.parse("1.250", DE));
    assertEquals("number.ambiguous", german.key());
    assertEquals(
        "„1.250“ kann 1250 oder 1,25 bedeuten: Geben Sie 1250 ohne Trennzeichen ein oder 1,25.",
        german.text(DE));
    TerminalNumbers.Refused english =
        assertThrows(TerminalNumbers.Refused.class, () -> TerminalNumbers.parse("1,250", EN));
    assertEquals(
        "'1,250' could mean 1250 or 1.25: type 1250 without a separator, or 1.25.",
        english.text(EN));
  }

  @Test
  void groupedNumbersAndWhatIsNoNumberAreRefused() {
    for (String grouped : new String[] {"1.250,5", "1,250.5", "1.250.000", "1,2,3"}) {
      assertEquals(
          "number.grouped",
          assertThrows(TerminalNumbers.Refused.class, () -> TerminalNumbers.parse(grouped, DE))
              .key(),
          grouped);
    }
    for (String garbage :
        new String[] {"12,5 kg", "1e5", "abc", ",", "+", "١٢", "9".repeat(31), "12 5"}) {
      assertEquals(
          "number.notNumber",
          assertThrows(TerminalNumbers.Refused.class, () -> TerminalNumbers.parse(garbage, DE))
              .key(),
          garbage);
    }
  }

  @Test
  @Tag("URS-082")
  void aNumberIsShownWithTheLanguagesDecimalSeparatorAndNoTrailingZeros() {
    assertEquals("12,5", TerminalNumbers.show(new BigDecimal("12.500000"), DE));
    assertEquals("12.5", TerminalNumbers.show(new BigDecimal("12.500000"), EN));
    assertEquals("100", TerminalNumbers.show(new BigDecimal("1E+2"), DE));
    assertEquals("-0,25", TerminalNumbers.show(new BigDecimal("-0.25"), DE));
    assertEquals("60,4", TerminalNumbers.show(60.4d, DE));
    assertEquals("", TerminalNumbers.show(null, DE));
  }
}
