package com.batchtrace.validation;

import java.util.Locale;
import java.util.Optional;

/**
 * High, medium or low: the scale of severity, probability and detectability in the risk assessment,
 * and of the risk priority that follows from them (GAMP 5, the risk class from severity and
 * probability, then the priority from the class and detectability).
 */
enum RiskLevel {
  HIGH,
  MEDIUM,
  LOW;

  /** How the documents write it. */
  String label() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }

  /** The level a cell names, in any case; empty for anything else. */
  static Optional<RiskLevel> parse(String text) {
    for (RiskLevel level : values()) {
      if (level.name().equalsIgnoreCase(text.strip())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /**
   * The GAMP 5 risk class (1 is the highest) of a failure with this severity at a probability.
   *
   * <pre>
   *                probability: low  medium  high
   *   severity high             2    1       1
   *   severity medium           3    2       1
   *   severity low              3    3       2
   * </pre>
   */
  static int riskClass(RiskLevel severity, RiskLevel probability) {
    return switch (severity) {
      case HIGH -> probability == LOW ? 2 : 1;
      case MEDIUM -> probability == LOW ? 3 : probability == MEDIUM ? 2 : 1;
      case LOW -> probability == HIGH ? 2 : 3;
    };
  }

  /**
   * The GAMP 5 risk priority of a risk class at a detectability (how likely the failure is noticed
   * before it harms: high detectability lowers the priority).
   *
   * <pre>
   *            detectability: low     medium  high
   *   class 1                 high    high    medium
   *   class 2                 high    medium  low
   *   class 3                 medium  low     low
   * </pre>
   */
  static RiskLevel priority(int riskClass, RiskLevel detectability) {
    return switch (riskClass) {
      case 1 -> detectability == HIGH ? MEDIUM : HIGH;
      case 2 -> detectability == LOW ? HIGH : detectability == MEDIUM ? MEDIUM : LOW;
      case 3 -> detectability == LOW ? MEDIUM : LOW;
      default -> throw new IllegalArgumentException("A risk class is 1, 2 or 3: " + riskClass);
    };
  }
}
