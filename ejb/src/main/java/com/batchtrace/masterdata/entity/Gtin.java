package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.RuleViolation;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A GS1 Global Trade Item Number: 8, 12, 13 or 14 digits whose last digit is the GS1 check digit;
 * kept as the 14-digit form (left-padded with zeros), which is how AI (01) carries it.
 */
public final class Gtin {

  private Gtin() {}

  /** The 14-digit form of a valid GTIN, or why it is not one. */
  public static String normalized(String text) {
    Optional<String> refusal = check(text);
    if (refusal.isPresent()) {
      throw new RuleViolation(refusal.get());
    }
    return "0".repeat(14 - text.strip().length()) + text.strip();
  }

  /**
   * The GS1 element string a label of this GTIN carries for a lot: GTIN (01), expiry (17, when
   * known) and lot (10) last, so no group separator is needed.
   */
  public static String elementString(String gtin, LocalDate expiry, String lot) {
    StringBuilder s = new StringBuilder("01").append(normalized(gtin));
    if (expiry != null) {
      s.append("17")
          .append(
              String.format(
                  "%02d%02d%02d",
                  expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth()));
    }
    return s.append("10").append(lot).toString();
  }

  /** Why {@code text} is not a GTIN, or empty when it is one. */
  public static Optional<String> check(String text) {
    String digits = text == null ? "" : text.strip();
    if (!digits.matches("[0-9]{8}|[0-9]{12,14}")) {
      return Optional.of(
          "GTIN '"
              + (digits.length() > 40 ? digits.substring(0, 40) + "…" : digits)
              + "' is not valid: a GTIN has 8, 12, 13 or 14 digits.");
    }
    int expected = checkDigit(digits.substring(0, digits.length() - 1));
    int given = digits.charAt(digits.length() - 1) - '0';
    if (expected != given) {
      return Optional.of(
          "GTIN "
              + digits
              + " is not valid: its check digit is "
              + given
              + ", the digits before it give "
              + expected
              + ".");
    }
    return Optional.empty();
  }

  /** The GS1 mod-10 check digit of the digits before it (weights 3 and 1 from the right). */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int digit = body.charAt(body.length() - 1 - i) - '0';
      sum += digit * (i % 2 == 0 ? 3 : 1);
    }
    return (10 - sum % 10) % 10;
  }
}
