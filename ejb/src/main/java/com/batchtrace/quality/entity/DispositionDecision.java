package com.batchtrace.quality.entity;

/** What QA decided about an exception on a batch. */
public enum DispositionDecision {
  /** The exception does not affect the batch's quality; the justification says why. */
  ACCEPTED,
  /** The exception is handled in a deviation, named by its reference. */
  DEVIATION
}
