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
    if (stripped.scale() < 0 && (long) stripped.precision() - stripped.scale() > 40) {
      // Too large to write out digit by digit (1e300000000 would take minutes): left as it is.
      return stripped;
    }
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
   * error, and in constant time whatever the exponent (1e300000000 is never expanded).
   */
  public static BigDecimal requirePositive(BigDecimal value, String what, String nothingDone) {
    if (value == null || value.signum() <= 0) {
      throw new RuleViolation("Enter " + what + " (more than zero). " + nothingDone);
    }
    return requireInRange(value, what, nothingDone);
  }

  /**
   * Refuses a value (negative allowed) with more than 12 digits before or 6 after the decimal
   * point; null passes (the caller decides whether one is required).
   */
  public static BigDecimal requireInRange(BigDecimal value, String what, String nothingDone) {
    if (value == null) {
      return null;
    }
    // precision - scale is the number of integer digits; both are read, never computed.
    long integerDigits = (long) value.precision() - value.scale();
    boolean tooFine =
        value.scale() > MAX_DECIMALS
            && (value.scale() > 1000 || value.stripTrailingZeros().scale() > MAX_DECIMALS);
    if (integerDigits > MAX_INTEGER_DIGITS || tooFine) {
      throw new RuleViolation(
          "The "
              + what.replaceFirst("^the ", "")
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
