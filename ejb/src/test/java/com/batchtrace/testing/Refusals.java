package com.batchtrace.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.batchtrace.platform.RuleViolation;
import org.junit.jupiter.api.function.Executable;

/** How the tests read a refusal: the plant-language message of the rule that was broken. */
public final class Refusals {

  private Refusals() {}

  /** The message of the {@link RuleViolation} {@code rule} throws; fails when it throws none. */
  public static String refusal(Executable rule) {
    return assertThrows(RuleViolation.class, rule).getMessage();
  }
}
