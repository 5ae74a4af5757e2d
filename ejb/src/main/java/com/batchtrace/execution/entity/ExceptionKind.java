package com.batchtrace.execution.entity;

/**
 * What an exception on a batch is about: raised by machine data (the first four) or by what
 * happened at the terminal (the rest). Each must be dispositioned by QA before release.
 */
public enum ExceptionKind {
  /** A critical process parameter outside its limits: one exception per excursion. */
  CPP_EXCURSION,
  /** A tag silent for longer than its expected interval while a step ran. */
  DATA_GAP,
  /** A scale or scanner charged a lot the batch may not use; the charge was refused. */
  LOT_REFUSED,
  /** A second, different value arrived for a tag and time that already had one. */
  DATA_CONFLICT,
  /** A value entered by hand outside its limits, with the operator's comment. */
  OUT_OF_LIMITS,
  /** A value entered by hand for a time well before it was entered. */
  LATE_ENTRY,
  /** A value entered by hand was corrected, with a reason; the original stays visible. */
  CORRECTION,
  /** An operator's comment on a step. */
  COMMENT,
  /** A deviation an operator raised on a step. */
  DEVIATION,
  /** A batch completed with a yield outside its master record's limits, with the comment why. */
  YIELD_OUT_OF_LIMITS
}
