package com.batchtrace.platform;

import java.math.BigDecimal;

/** Quantities and limits as people read them: no trailing zeros, never in exponent notation. */
public final class Quantities {

  private Quantities() {}

  /** 12.500000 becomes 12.5 and 100.000000 becomes 100 (not 1E+2); null stays null. */
  public static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
