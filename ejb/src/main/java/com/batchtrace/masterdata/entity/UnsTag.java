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
import java.util.regex.Pattern;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A tag a piece of equipment publishes, and where its values come from: by default the equipment's
 * UNS path and the tag ({@code acme/basel/granulation/line-2/dryer-1/inlet-temp}), or a Sparkplug B
 * metric ({@code spBv1.0/group/edge/device/metric}) when the plant's gateway speaks Sparkplug.
 * Master batch record parameters name the tag; the expected interval turns silence during a step
 * into a data-gap exception.
 */
@Entity
@Audited
@Table(name = "uns_tag")
public class UnsTag {

  private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "uns_tag_seq")
  @SequenceGenerator(name = "uns_tag_seq", sequenceName = "uns_tag_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "equipment_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Equipment equipment;

  @Column(name = "tag", nullable = false, length = 100)
  private String tag;

  @Column(name = "topic", nullable = false, length = 700)
  private String topic;

  @Column(name = "unit", length = 16)
  private String unit;

  @Column(name = "expected_interval_seconds")
  private Integer expectedIntervalSeconds;

  @Column(name = "active", nullable = false)
  private boolean active;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 16)
  private TagKind kind = TagKind.VALUES;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected UnsTag() {}

  /**
   * A tag of the equipment; {@code source} is the topic or Sparkplug metric address its values
   * arrive on, or null for the equipment's UNS path and the tag.
   */
  public UnsTag(
      Equipment equipment,
      String tag,
      String source,
      String unit,
      Integer expectedIntervalSeconds) {
    if (equipment == null || !equipment.isActive()) {
      throw new RuleViolation("A tag belongs to an active piece of equipment; choose one.");
    }
    if (tag == null || !TAG.matcher(tag.strip()).matches()) {
      throw new RuleViolation(
          "Tag '"
              + (tag == null ? "" : tag)
              + "' is not valid: 1 to 100 lower-case letters, digits, '.', '_' or '-', e.g."
              + " inlet-temp.");
    }
    if (expectedIntervalSeconds != null && expectedIntervalSeconds <= 0) {
      throw new RuleViolation("The expected interval is a number of seconds above zero.");
    }
    this.equipment = equipment;
    this.tag = tag.strip();
    this.topic =
        source == null || source.isBlank()
            ? equipment.getUnsPath() + "/" + this.tag
            : source.strip();
    if (topic.length() > 700 || topic.contains("#") || topic.contains("+")) {
      throw new RuleViolation(
          "The source topic '" + topic + "' is not valid: one topic, no wildcards.");
    }
    this.unit = unit == null || unit.isBlank() ? null : unit.strip();
    this.expectedIntervalSeconds = expectedIntervalSeconds;
    this.active = true;
  }

  public Long getId() {
    return id;
  }

  public Equipment getEquipment() {
    return equipment;
  }

  public String getTag() {
    return tag;
  }

  public String getTopic() {
    return topic;
  }

  public String getUnit() {
    return unit;
  }

  public Integer getExpectedIntervalSeconds() {
    return expectedIntervalSeconds;
  }

  public boolean isActive() {
    return active;
  }

  /** Maps the topic as the charge events of a scale or scanner of the equipment (or back). */
  public UnsTag carrying(TagKind kind) {
    this.kind = kind == null ? TagKind.VALUES : kind;
    return this;
  }

  public TagKind getKind() {
    return kind;
  }
}
