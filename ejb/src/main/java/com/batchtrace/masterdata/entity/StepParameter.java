package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.envers.Audited;

/**
 * A value a step records: from a machine tag or entered by hand, with its unit and limits; a
 * critical parameter outside its limits is a CPP excursion.
 */
@Entity
@Audited
@Table(name = "mbr_parameter")
public class StepParameter {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mbr_parameter_seq")
  @SequenceGenerator(
      name = "mbr_parameter_seq",
      sequenceName = "mbr_parameter_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "step_id", nullable = false)
  private MbrStep step;

  @Column(name = "name", nullable = false, length = 100)
  private String name;

  @Column(name = "source", nullable = false, length = 16)
  private String source;

  @Column(name = "tag", length = 200)
  private String tag;

  @Column(name = "unit", nullable = false, length = 16)
  private String unit;

  @Column(name = "low_limit", precision = 18, scale = 6)
  private BigDecimal lowLimit;

  @Column(name = "high_limit", precision = 18, scale = 6)
  private BigDecimal highLimit;

  @Column(name = "critical", nullable = false)
  private boolean critical;

  protected StepParameter() {}

  StepParameter(
      MbrStep step,
      String name,
      String tag,
      String unit,
      BigDecimal lowLimit,
      BigDecimal highLimit,
      boolean critical) {
    String where = "Step " + step.getPosition() + ", parameter '" + name + "'";
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new RuleViolation(
          "Step "
              + step.getPosition()
              + ": every parameter needs a name (at most 100 characters).");
    }
    if (unit == null || unit.isBlank() || unit.strip().length() > 16) {
      throw new RuleViolation(where + " needs its unit (at most 16 characters).");
    }
    if (lowLimit != null && highLimit != null && lowLimit.compareTo(highLimit) > 0) {
      throw new RuleViolation(where + ": the low limit is above the high limit.");
    }
    if (critical && lowLimit == null && highLimit == null) {
      throw new RuleViolation(where + " is critical and needs at least one limit.");
    }
    this.step = step;
    this.name = name.strip();
    this.tag = tag == null || tag.isBlank() ? null : tag.strip();
    this.source = this.tag == null ? "MANUAL" : "MACHINE";
    this.unit = unit.strip();
    this.lowLimit =
        lowLimit == null
            ? null
            : Quantities.requireInRange(lowLimit, "low limit of " + where, "Nothing was saved.")
                .setScale(6);
    this.highLimit =
        highLimit == null
            ? null
            : Quantities.requireInRange(highLimit, "high limit of " + where, "Nothing was saved.")
                .setScale(6);
    this.critical = critical;
  }

  public String getName() {
    return name;
  }

  /** Entered by hand at the terminal (no machine tag records it). */
  public boolean isManual() {
    return "MANUAL".equals(source);
  }

  public String getSource() {
    return source;
  }

  public String getTag() {
    return tag;
  }

  public String getUnit() {
    return unit;
  }

  public BigDecimal getLowLimit() {
    return lowLimit;
  }

  public BigDecimal getHighLimit() {
    return highLimit;
  }

  public boolean isCritical() {
    return critical;
  }
}
