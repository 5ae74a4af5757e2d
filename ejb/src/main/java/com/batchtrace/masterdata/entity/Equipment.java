package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.hibernate.envers.Audited;

/**
 * A node of the equipment hierarchy. Its code and place in the hierarchy are fixed once created,
 * because machines publish under its UNS path; name, description and active flag may change, each
 * change audited with a reason. Nothing is deleted: an unused node is deactivated.
 */
@Entity
@Audited
@Table(name = "equipment")
public class Equipment {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "equipment_seq")
  @SequenceGenerator(name = "equipment_seq", sequenceName = "equipment_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private Equipment parent;

  @Enumerated(EnumType.STRING)
  @Column(name = "level", nullable = false, length = 16)
  private EquipmentLevel level;

  @Column(name = "code", nullable = false, length = 64)
  private String code;

  @Column(name = "name", nullable = false, length = MAX_NAME)
  private String name;

  @Column(name = "description", length = MAX_DESCRIPTION)
  private String description;

  @Column(name = "uns_path", nullable = false, length = 512)
  private String unsPath;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Equipment() {}

  private Equipment(
      Equipment parent, EquipmentLevel level, UnsPath path, String name, String description) {
    this.parent = parent;
    this.level = Objects.requireNonNull(level, "level");
    this.unsPath = path.value();
    this.code = path.value().substring(path.value().lastIndexOf('/') + 1);
    this.name = requireName(name);
    this.description = checkDescription(description);
    this.active = true;
  }

  /** A new top of a hierarchy. */
  public static Equipment enterprise(String code, String name, String description) {
    return new Equipment(null, EquipmentLevel.ENTERPRISE, UnsPath.root(code), name, description);
  }

  /** A new node one level below this one. */
  public Equipment addChild(String code, String name, String description) {
    EquipmentLevel childLevel = level.childLevel();
    if (childLevel == null) {
      throw new RuleViolation(
          "'"
              + unsPath
              + "' is a unit, the lowest level of the hierarchy: it cannot have children.");
    }
    if (!active) {
      throw new RuleViolation(
          "'" + unsPath + "' is inactive: reactivate it before adding equipment below it.");
    }
    return new Equipment(this, childLevel, unsPath().child(code), name, description);
  }

  public void rename(String newName) {
    this.name = requireName(newName);
  }

  public void describe(String newDescription) {
    this.description = checkDescription(newDescription);
  }

  /** Deactivation keeps the node and its history; only leaves or nodes with no active child. */
  public void deactivate(boolean hasActiveChildren) {
    if (hasActiveChildren) {
      throw new RuleViolation(
          "'" + unsPath + "' still has active equipment below it: deactivate that first.");
    }
    this.active = false;
  }

  public void activate() {
    if (parent != null && !parent.active) {
      throw new RuleViolation(
          "'"
              + unsPath
              + "' cannot be activated while its parent '"
              + parent.unsPath
              + "' is inactive.");
    }
    this.active = true;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new RuleViolation("Equipment needs a name.");
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_NAME) {
      throw new RuleViolation(
          "Equipment name is too long ("
              + trimmed.length()
              + " characters, at most "
              + MAX_NAME
              + ").");
    }
    return trimmed;
  }

  private static String checkDescription(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String trimmed = description.strip();
    if (trimmed.length() > MAX_DESCRIPTION) {
      throw new RuleViolation(
          "Equipment description is too long ("
              + trimmed.length()
              + " characters, at most "
              + MAX_DESCRIPTION
              + ").");
    }
    return trimmed;
  }

  public Long getId() {
    return id;
  }

  public Equipment getParent() {
    return parent;
  }

  public EquipmentLevel getLevel() {
    return level;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public UnsPath unsPath() {
    return new UnsPath(unsPath);
  }

  public String getUnsPath() {
    return unsPath;
  }

  public boolean isActive() {
    return active;
  }

  public long getVersion() {
    return version;
  }

  /**
   * Whether this is {@code line} itself or equipment below it: a step of a batch runs only there,
   * so that machine values of another line never land on the batch.
   */
  public boolean isWithin(Equipment line) {
    // Through the getters: a parent may be a lazy proxy whose fields are not loaded.
    for (Equipment e = this; e != null; e = e.getParent()) {
      if (e == line || (e.getId() != null && e.getId().equals(line.getId()))) {
        return true;
      }
    }
    return false;
  }
}
