package com.batchtrace.web.shell;

import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.Units;
import com.batchtrace.web.terminal.TerminalText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/**
 * Units on pages with their symbols (#{units.quantity(value, unit)}): "60.4 °C", "25 kg", and
 * limits as a sentence, "55 to 65 °C"; {@link Units} decides the symbols.
 */
@Named("units")
@ApplicationScoped
public class PlantUnits {

  public String symbol(String unit) {
    return Units.symbol(unit);
  }

  public String quantity(Object value, String unit) {
    return Units.quantity(value, unit);
  }

  /** Limits as a sentence in the page's language: "55 to 65 °C", "55 bis 65 °C". */
  public String limits(BigDecimal low, BigDecimal high, String unit) {
    if (low != null && high != null) {
      return TerminalText.format(
          "limits.range", Quantities.plain(low).toPlainString(), Units.quantity(high, unit));
    }
    if (low != null) {
      return TerminalText.format("limits.least", Units.quantity(low, unit));
    }
    return high == null
        ? TerminalText.format("limits.none")
        : TerminalText.format("limits.most", Units.quantity(high, unit));
  }
}
