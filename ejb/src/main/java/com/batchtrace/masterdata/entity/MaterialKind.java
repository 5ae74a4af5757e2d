package com.batchtrace.masterdata.entity;

/** What a material is used as. */
public enum MaterialKind {
  RAW,
  INTERMEDIATE,
  FINISHED,
  PACKAGING
}
