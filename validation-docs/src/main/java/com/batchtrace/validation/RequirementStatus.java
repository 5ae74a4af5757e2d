package com.batchtrace.validation;

import java.util.Collection;

/**
 * Where a requirement stands after the last test run. Only "verified" is evidence; the others are
 * written so that they stand out in the matrix, the two that need action in capitals.
 */
enum RequirementStatus {
  /** At least one test, and every one passed. */
  VERIFIED("verified"),
  /** At least one test failed. */
  FAILED("FAILED"),
  /** Tests exist, none failed, but not every one has a passing result (not run or skipped). */
  NOT_RUN("not run"),
  /** No test names the requirement. */
  NOT_COVERED("NOT COVERED");

  private final String label;

  RequirementStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** The status of a requirement from the outcomes of its tests. */
  static RequirementStatus of(Collection<TestOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return NOT_COVERED;
    }
    if (outcomes.contains(TestOutcome.FAILED)) {
      return FAILED;
    }
    return outcomes.stream().allMatch(o -> o == TestOutcome.PASSED) ? VERIFIED : NOT_RUN;
  }
}
