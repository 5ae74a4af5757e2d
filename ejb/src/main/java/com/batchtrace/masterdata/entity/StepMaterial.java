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
import java.math.RoundingMode;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** A material a step consumes: how much, and within which tolerance. */
@Entity
@Audited
@Table(name = "mbr_material")
public class StepMaterial {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mbr_material_seq")
  @SequenceGenerator(
      name = "mbr_material_seq",
      sequenceName = "mbr_material_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "step_id", nullable = false)
  private MbrStep step;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "material_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Material material;

  @Column(name = "quantity", nullable = false, precision = 18, scale = 6)
  private BigDecimal quantity;

  @Column(name = "tolerance_percent", nullable = false, precision = 6, scale = 3)
  private BigDecimal tolerancePercent;

  protected StepMaterial() {}

  StepMaterial(MbrStep step, Material material, BigDecimal quantity, BigDecimal tolerancePercent) {
    if (quantity == null || quantity.signum() <= 0) {
      throw new RuleViolation(
          "Step "
              + step.getPosition()
              + ": the quantity of "
              + material.getCode()
              + " must be more than zero.");
    }
    if (tolerancePercent == null
        || tolerancePercent.signum() < 0
        || tolerancePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new RuleViolation(
          "Step "
              + step.getPosition()
              + ": the tolerance of "
              + material.getCode()
              + " is a percentage from 0 to 100.");
    }
    this.step = step;
    this.material = material;
    this.quantity =
        Quantities.requireInRange(
                quantity, "quantity of " + material.getCode(), "Nothing was saved.")
            .setScale(6);
    if (tolerancePercent.stripTrailingZeros().scale() > 3) {
      throw new RuleViolation(
          "Step "
              + step.getPosition()
              + ": the tolerance of "
              + material.getCode()
              + " has at most 3 decimals. Nothing was saved.");
    }
    this.tolerancePercent = tolerancePercent.setScale(3);
  }

  /** The least that satisfies the step: the quantity less its tolerance. */
  public BigDecimal minimum() {
    return quantity.subtract(margin());
  }

  /** The most the step may take: the quantity plus its tolerance. */
  public BigDecimal maximum() {
    return quantity.add(margin());
  }

  /** Whether {@code charged} in all lies within the tolerance. */
  public boolean isSatisfiedBy(BigDecimal charged) {
    return charged.compareTo(minimum()) >= 0 && charged.compareTo(maximum()) <= 0;
  }

  /** Whether a further {@code quantity} on top of {@code charged} would go over the tolerance. */
  public boolean wouldExceed(BigDecimal charged, BigDecimal quantity) {
    return charged.add(quantity).compareTo(maximum()) > 0;
  }

  private BigDecimal margin() {
    return quantity
        .multiply(tolerancePercent)
        .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
  }

  public Material getMaterial() {
    return material;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public BigDecimal getTolerancePercent() {
    return tolerancePercent;
  }
}
