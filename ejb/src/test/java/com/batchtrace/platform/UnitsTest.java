package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pages show units with their symbols, however master data spells them. */
@Tag("URS-060")
class UnitsTest {

  @Test
  void plcSpellingsBecomeSymbols() {
    assertEquals("°C", Units.symbol("C"));
    assertEquals("°C", Units.symbol("degC"));
    assertEquals("%", Units.symbol("pct"));
    assertEquals("min", Units.symbol("minutes"));
    assertEquals("kg", Units.symbol("kg"));
    assertEquals("bar", Units.symbol("bar"), "an unknown unit stays as written");
    assertEquals("", Units.symbol(null));
  }

  @Test
  void quantitiesCarryTheSymbol() {
    assertEquals("60.4 °C", Units.quantity(60.4, "C"));
    assertEquals("25 kg", Units.quantity(new BigDecimal("25.000"), "kg"));
    assertEquals("", Units.quantity(null, "kg"));
  }

  @Test
  void limitsReadAsASentence() {
    assertEquals("55 to 65 °C", Units.limits(BigDecimal.valueOf(55), BigDecimal.valueOf(65), "C"));
    assertEquals("at least 10 min", Units.limits(BigDecimal.TEN, null, "min"));
    assertEquals("at most 15 min", Units.limits(null, BigDecimal.valueOf(15), "min"));
    assertEquals("no limits", Units.limits(null, null, "min"));
  }
}
