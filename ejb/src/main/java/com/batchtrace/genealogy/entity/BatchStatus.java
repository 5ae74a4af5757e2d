package com.batchtrace.genealogy.entity;

/** Where a batch is in its life. */
public enum BatchStatus {
  PLANNED,
  IN_PROGRESS,
  COMPLETED,
  IN_REVIEW,
  RELEASED,
  REJECTED;

  /** The status as a sentence says it: "in review". */
  public String label() {
    return name().toLowerCase().replace('_', ' ');
  }
}
