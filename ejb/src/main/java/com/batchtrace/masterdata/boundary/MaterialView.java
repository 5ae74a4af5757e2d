package com.batchtrace.masterdata.boundary;

import com.batchtrace.masterdata.entity.Material;
import java.io.Serializable;

/** A material as pages and JSON show it. */
public record MaterialView(
    long id,
    String code,
    String name,
    String kind,
    String unit,
    int shelfLifeDays,
    boolean active,
    long version,
    String gtin)
    implements Serializable {

  public static MaterialView of(Material m) {
    return new MaterialView(
        m.getId(),
        m.getCode(),
        m.getName(),
        m.getKind().name(),
        m.getUnit(),
        m.getShelfLifeDays(),
        m.isActive(),
        m.getVersion(),
        m.getGtin());
  }
}
