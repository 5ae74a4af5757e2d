package com.batchtrace.masterdata.entity;

/** Lifecycle of a master batch record version. */
public enum RecordStatus {
  DRAFT,
  IN_REVIEW,
  APPROVED,
  RETIRED
}
