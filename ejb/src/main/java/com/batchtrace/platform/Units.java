package com.batchtrace.platform;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * Units as the plant writes them: master data may spell a unit the way a PLC tag list does ("C",
 * "degC", "pct"); pages show the symbol (°C, %). Only the display changes, never the stored unit.
 */
public final class Units {

  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("c", "°C"),
          Map.entry("degc", "°C"),
          Map.entry("deg c", "°C"),
          Map.entry("celsius", "°C"),
          Map.entry("°c", "°C"),
          Map.entry("f", "°F"),
          Map.entry("degf", "°F"),
          Map.entry("°f", "°F"),
          Map.entry("pct", "%"),
          Map.entry("percent", "%"),
          Map.entry("%", "%"),
          Map.entry("min", "min"),
          Map.entry("mins", "min"),
          Map.entry("minute", "min"),
          Map.entry("minutes", "min"),
          Map.entry("kg", "kg"),
          Map.entry("kilogram", "kg"),
          Map.entry("kilograms", "kg"),
          Map.entry("l", "L"),
          Map.entry("litre", "L"),
          Map.entry("liter", "L"),
          Map.entry("ml", "mL"),
          Map.entry("sec", "s"),
          Map.entry("hours", "h"),
          Map.entry("rh", "% RH"));

  private Units() {}

  /** The unit's symbol ("C" is °C, "pct" is %); a unit not known here stays as written. */
  public static String symbol(String unit) {
    if (unit == null || unit.isBlank()) {
      return "";
    }
    return SYMBOLS.getOrDefault(unit.strip().toLowerCase(Locale.ROOT), unit.strip());
  }

  /** A quantity with its unit's symbol: "60.4 °C", "25 kg", "98 %"; empty without a value. */
  public static String quantity(Object value, String unit) {
    if (value == null) {
      return "";
    }
    String number = number(value);
    String symbol = symbol(unit);
    return symbol.isEmpty() ? number : number + " " + symbol;
  }

  /** A number as people read it: "12.5", "100" (never 1E+2); empty without a value. */
  public static String number(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal d
        ? Quantities.plain(d).toPlainString()
        : value instanceof Double v
            ? Quantities.plain(BigDecimal.valueOf(v)).toPlainString()
            : value.toString();
  }

  /**
   * Limits as the plant reads them: "55 to 65 °C", "at least 55 °C", "at most 65 °C", or "no
   * limits".
   */
  public static String limits(BigDecimal low, BigDecimal high, String unit) {
    if (low != null && high != null) {
      return Quantities.plain(low).toPlainString() + " to " + quantity(high, unit);
    }
    if (low != null) {
      return "at least " + quantity(low, unit);
    }
    return high == null ? "no limits" : "at most " + quantity(high, unit);
  }
}
