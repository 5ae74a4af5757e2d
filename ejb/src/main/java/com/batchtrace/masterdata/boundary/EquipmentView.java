package com.batchtrace.masterdata.boundary;

import com.batchtrace.masterdata.entity.Equipment;
import java.io.Serializable;

/** Read-only view of an equipment node for pages and JSON. */
public record EquipmentView(
    long id,
    Long parentId,
    String level,
    String code,
    String name,
    String description,
    String unsPath,
    boolean active,
    long version)
    implements Serializable {

  static EquipmentView of(Equipment e) {
    return new EquipmentView(
        e.getId(),
        e.getParent() == null ? null : e.getParent().getId(),
        e.getLevel().name(),
        e.getCode(),
        e.getName(),
        e.getDescription(),
        e.getUnsPath(),
        e.isActive(),
        e.getVersion());
  }

  /** How deep the node sits (0 for an enterprise): pages indent by it. */
  public int depth() {
    return (int) unsPath.chars().filter(c -> c == '/').count();
  }
}
