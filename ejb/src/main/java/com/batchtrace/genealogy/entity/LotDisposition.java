package com.batchtrace.genealogy.entity;

/** QA's decision on a lot. Every lot starts in quarantine. */
public enum LotDisposition {
  QUARANTINE,
  RELEASED,
  REJECTED
}
