package com.batchtrace.web.shell;

import com.batchtrace.platform.Units;
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

  public String limits(BigDecimal low, BigDecimal high, String unit) {
    return Units.limits(low, high, unit);
  }
}
