package com.batchtrace.verify;

import java.io.PrintStream;

/** What the verifier found, printed as it goes: OK, FAIL (does not verify) and NOTE lines. */
final class Findings {

  private final PrintStream out;
  private int failures;

  Findings(PrintStream out) {
    this.out = out;
  }

  void ok(String what) {
    out.println("OK    " + what);
  }

  void fail(String what) {
    failures++;
    out.println("FAIL  " + what);
  }

  void note(String what) {
    out.println("NOTE  " + what);
  }

  int failures() {
    return failures;
  }
}
