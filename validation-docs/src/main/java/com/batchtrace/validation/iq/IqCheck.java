package com.batchtrace.validation.iq;

import java.util.Objects;

/**
 * One check of the installation qualification and its outcome.
 *
 * @param id the check's id in IQ.md (IQ-01 ...)
 * @param name what is checked
 * @param expected the acceptance criterion
 * @param actual what was found
 * @param passed whether it meets the criterion
 */
public record IqCheck(String id, String name, String expected, String actual, boolean passed) {

  public IqCheck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  /** The line the technician reads. */
  public String line() {
    return (passed ? "PASS " : "FAIL ") + id + " " + name + ": " + actual;
  }
}
