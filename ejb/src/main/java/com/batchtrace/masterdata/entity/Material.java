package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.regex.Pattern;
import org.hibernate.envers.Audited;

/**
 * A material: what lots are lots of. Its code and kind are fixed once created (lots and recipes
 * refer to them); name, unit of measure, shelf life and active flag may change with a reason.
 */
@Entity
@Audited
@Table(name = "material")
public class Material {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
  private static final Pattern UNIT = Pattern.compile("[A-Za-z%][A-Za-z0-9%/.]{0,15}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_seq")
  @SequenceGenerator(name = "material_seq", sequenceName = "material_seq", allocationSize = 50)
  private Long id;

  @Column(name = "code", nullable = false, length = 64)
  private String code;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private MaterialKind kind;

  @Column(name = "unit", nullable = false, length = 16)
  private String unit;

  @Column(name = "shelf_life_days", nullable = false)
  private int shelfLifeDays;

  @Column(name = "active", nullable = false)
  private boolean active;

  /** The GS1 GTIN of the material's trade item (14 digits), or null without a GS1 label. */
  @Column(name = "gtin", length = 14)
  private String gtin;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Material() {}

  public Material(String code, String name, MaterialKind kind, String unit, int shelfLifeDays) {
    if (code == null || !CODE.matcher(code.strip()).matches()) {
      throw new RuleViolation(
          "Material code '"
              + (code == null ? "" : code)
              + "' is not valid: use 1 to 64 upper-case letters, digits and hyphens, e.g."
              + " API-0001.");
    }
    if (kind == null) {
      throw new RuleViolation(
          "A material needs its kind: RAW, INTERMEDIATE, FINISHED or PACKAGING.");
    }
    this.code = code.strip();
    this.kind = kind;
    rename(name);
    measureIn(unit);
    keepFor(shelfLifeDays);
    this.active = true;
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank()) {
      throw new RuleViolation("A material needs a name.");
    }
    if (newName.strip().length() > 200) {
      throw new RuleViolation("A material name has at most 200 characters.");
    }
    this.name = newName.strip();
  }

  public void measureIn(String newUnit) {
    if (newUnit == null || !UNIT.matcher(newUnit.strip()).matches()) {
      throw new RuleViolation(
          "Unit '" + (newUnit == null ? "" : newUnit) + "' is not valid: use e.g. kg, g, L, pcs.");
    }
    this.unit = newUnit.strip();
  }

  public void keepFor(int days) {
    if (days < 1) {
      throw new RuleViolation("The shelf life is a whole number of days, at least 1.");
    }
    this.shelfLifeDays = days;
  }

  /** Sets the GTIN its GS1 labels carry (any valid GTIN form, kept as 14 digits), or none. */
  public void identifyBy(String newGtin) {
    this.gtin = newGtin == null || newGtin.isBlank() ? null : Gtin.normalized(newGtin);
  }

  public String getGtin() {
    return gtin;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public MaterialKind getKind() {
    return kind;
  }

  public String getUnit() {
    return unit;
  }

  public int getShelfLifeDays() {
    return shelfLifeDays;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }
}
