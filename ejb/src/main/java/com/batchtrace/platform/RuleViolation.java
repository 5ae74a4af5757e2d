package com.batchtrace.platform;

/**
 * A business rule refused the request. The message is written for the person who made it: it says
 * which rule and what to do. The transaction rolls back, so nothing changes.
 */
public class RuleViolation extends IllegalArgumentException {

  public RuleViolation(String message) {
    super(message);
  }
}
