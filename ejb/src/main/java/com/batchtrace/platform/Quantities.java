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

  /**
   * The most digits before the decimal point a quantity or a value may have (the columns' 18,6).
   */
  public static final int MAX_INTEGER_DIGITS = 12;

  /** The most digits after the decimal point a quantity may have. */
  public static final int MAX_DECIMALS = 6;

  /**
   * Refuses a quantity that is missing, not more than zero, or beyond what the records hold (more
   * than 12 digits before or 6 after the decimal point), naming {@code what}; never a database
   * error.
   */
  public static BigDecimal requirePositive(BigDecimal value, String what, String nothingDone) {
    if (value == null || value.signum() <= 0) {
      throw new RuleViolation("Enter " + what + " (more than zero). " + nothingDone);
    }
    BigDecimal plain = plain(value);
    if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS || plain.scale() > MAX_DECIMALS) {
      throw new RuleViolation(
          "The "
              + what
              + " is out of range: at most "
              + MAX_INTEGER_DIGITS
              + " digits before and "
              + MAX_DECIMALS
              + " after the decimal point. "
              + nothingDone);
    }
    return value;
  }
}
