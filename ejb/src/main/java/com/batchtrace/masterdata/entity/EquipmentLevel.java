package com.batchtrace.masterdata.entity;

/** ISA-95 equipment levels, top down. A node's children are always exactly one level lower. */
public enum EquipmentLevel {
  ENTERPRISE("Enterprise"),
  SITE("Site"),
  AREA("Area"),
  LINE("Line"),
  UNIT("Unit");

  private final String label;

  EquipmentLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The level of this level's children, or {@code null} for a unit, which has none. */
  public EquipmentLevel childLevel() {
    return this == UNIT ? null : values()[ordinal() + 1];
  }
}
