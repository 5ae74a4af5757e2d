package com.batchtrace.execution.entity;

/** Where a started step of a batch stands. A step that has no execution yet is not started. */
public enum StepStatus {
  /** Started: materials are scanned and values entered. */
  IN_PROGRESS,
  /** Signed "performed" by the operator; a second person still has to verify it. */
  PERFORMED,
  /** Finished: performed, and verified where the master record asks for it. */
  DONE
}
