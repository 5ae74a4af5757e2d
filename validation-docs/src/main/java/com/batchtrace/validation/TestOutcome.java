package com.batchtrace.validation;

/** The result of one test method in the last test run, as the matrix shows it next to the test. */
enum TestOutcome {
  PASSED("passed"),
  FAILED("FAILED"),
  SKIPPED("skipped"),
  /** No report names the test: its module's tests were not run (or not since it was written). */
  NOT_RUN("not run");

  private final String label;

  TestOutcome(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * The outcome of a method reported more than once (each invocation of a parameterized or repeated
   * test is a test case of its own): failed if any failed; otherwise passed only if every run
   * passed, so a test with a skipped or missing run is not evidence.
   */
  static TestOutcome combine(TestOutcome first, TestOutcome second) {
    if (first == FAILED || second == FAILED) {
      return FAILED;
    }
    if (first == NOT_RUN || second == NOT_RUN) {
      return NOT_RUN;
    }
    if (first == SKIPPED || second == SKIPPED) {
      return SKIPPED;
    }
    return PASSED;
  }
}
