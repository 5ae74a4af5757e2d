package com.batchtrace.masterdata.entity;

/** What a mapped topic carries. */
public enum TagKind {
  /** Process values (JSON or Sparkplug B metrics). */
  VALUES("values"),
  /** The material-charged events of a scale or scanner of the equipment. */
  CHARGE_EVENTS("charge events");

  private final String label;

  TagKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
