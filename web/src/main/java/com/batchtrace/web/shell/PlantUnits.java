package com.batchtrace.web.shell;

import com.batchtrace.platform.Units;
import com.batchtrace.web.terminal.TerminalNumbers;
import com.batchtrace.web.terminal.TerminalText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/**
 * Units on pages with their symbols (#{units.quantity(value, unit)}): "60.4 °C", "25 kg", and
 * limits as a sentence, "55 to 65 °C"; {@link Units} decides the symbols. Numbers are in the page's
 * language: on the German terminal with a decimal comma ("60,4 °C", "55,5 bis 65 °C").
 */
@Named("units")
@ApplicationScoped
public class PlantUnits {

  public String symbol(String unit) {
    return Units.symbol(unit);
  }

  /** A number in the page's language: "12,5" on the German terminal, "12.5" elsewhere. */
  public String number(Object value) {
    return TerminalNumbers.show(value, TerminalText.locale());
  }

  /** A quantity with its unit's symbol, its number in the page's language: "12,5 kg". */
  public String quantity(Object value, String unit) {
    String number = number(value);
    String symbol = Units.symbol(unit);
    return number.isEmpty() || symbol.isEmpty() ? number : number + " " + symbol;
  }

  /** Limits as a sentence in the page's language: "55 to 65 °C", "55 bis 65 °C". */
  public String limits(BigDecimal low, BigDecimal high, String unit) {
    if (low != null && high != null) {
      return TerminalText.format("limits.range", number(low), quantity(high, unit));
    }
    if (low != null) {
      return TerminalText.format("limits.least", quantity(low, unit));
    }
    return high == null
        ? TerminalText.format("limits.none")
        : TerminalText.format("limits.most", quantity(high, unit));
  }
}
