package com.batchtrace.genealogy.entity;

/** Where a batch is in its life. */
public enum BatchStatus {
  PLANNED,
  IN_PROGRESS,
  COMPLETED,
  IN_REVIEW,
  RELEASED,
  REJECTED
}
