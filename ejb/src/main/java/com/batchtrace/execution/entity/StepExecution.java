package com.batchtrace.execution.entity;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.masterdata.entity.StepMaterial;
import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.platform.Quantities;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One step of a batch as it was run on the floor: started on the line's equipment, signed
 * "performed" by the operator, and, where the master record asks for it, "verified" by a second
 * person. Steps run in the master record's order; a step is done only when its signatures are.
 */
@Entity
@Audited
@Table(name = "step_execution")
public class StepExecution {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "step_execution_seq")
  @SequenceGenerator(
      name = "step_execution_seq",
      sequenceName = "step_execution_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "batch_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch batch;

  @Column(name = "step_position", nullable = false)
  private int stepPosition;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private StepStatus status;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "allocation_id")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private EquipmentAllocation allocation;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "started_by", nullable = false, length = 255)
  private String startedBy;

  @Column(name = "performed_at")
  private Instant performedAt;

  @Column(name = "performed_by", length = 255)
  private String performedBy;

  @Column(name = "verified_at")
  private Instant verifiedAt;

  @Column(name = "verified_by", length = 255)
  private String verifiedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected StepExecution() {}

  public StepExecution(
      Batch batch, int stepPosition, EquipmentAllocation allocation, String by, Instant at) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.stepPosition = stepPosition;
    this.allocation = allocation;
    this.startedBy = Objects.requireNonNull(by, "by");
    this.startedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.status = StepStatus.IN_PROGRESS;
  }

  /** The master record's step this runs. */
  public MbrStep step() {
    return batch.getMasterBatchRecord().step(stepPosition).orElseThrow();
  }

  /** Refuses anything that changes the step's record once the operator has signed it. */
  public void requireOpen(String action) {
    if (status != StepStatus.IN_PROGRESS) {
      throw new RuleViolation(
          describe()
              + " is signed as performed: "
              + action
              + " is not possible any more; raise a deviation instead. Nothing was recorded.");
    }
  }

  /**
   * Why this step refuses {@code quantity} of a lot's material, given how much of it the step has
   * so far, or empty when the step takes it: the material must be one the step needs, and the
   * step's total of it must stay within its tolerance. The lot's own rules are the lot's.
   */
  public Optional<String> refusalOfCharge(
      String lotNumber,
      String materialCode,
      String materialName,
      BigDecimal quantity,
      BigDecimal chargedSoFar) {
    MbrStep step = step();
    Optional<StepMaterial> need =
        step.getMaterials().stream()
            .filter(m -> m.getMaterial().getCode().equals(materialCode))
            .findFirst();
    if (need.isEmpty()) {
      return Optional.of(
          "Lot "
              + lotNumber
              + " is "
              + materialCode
              + " ("
              + materialName
              + "); "
              + describe()
              + (step.getMaterials().isEmpty()
                  ? " needs no material."
                  : " needs "
                      + step.getMaterials().stream()
                          .map(m -> m.getMaterial().getCode())
                          .collect(Collectors.joining(" or "))
                      + ".")
              + " Nothing was charged.");
    }
    StepMaterial wanted = need.get();
    if (wanted.wouldExceed(chargedSoFar, quantity)) {
      String unit = wanted.getMaterial().getUnit();
      return Optional.of(
          "Charging "
              + Quantities.plain(quantity)
              + " "
              + unit
              + " would make "
              + Quantities.plain(chargedSoFar.add(quantity))
              + " "
              + unit
              + " of "
              + materialCode
              + " in step "
              + stepPosition
              + "; it needs "
              + Quantities.plain(wanted.getQuantity())
              + " "
              + unit
              + " ± "
              + Quantities.plain(wanted.getTolerancePercent())
              + "% (at most "
              + Quantities.plain(wanted.maximum())
              + " "
              + unit
              + "). Nothing was charged.");
    }
    return Optional.empty();
  }

  /**
   * Refuses the "performed" signature until every manual parameter has a current value and every
   * material is charged within its tolerance.
   *
   * @param entered the parameters with a current (not superseded) value
   * @param charged the quantity charged so far per material code
   */
  public void requireSignable(Set<String> entered, Map<String, BigDecimal> charged) {
    requireOpen("signing it");
    for (StepParameter p : step().getParameters()) {
      if (p.isManual() && !entered.contains(p.getName())) {
        throw new RuleViolation(
            "Enter '" + p.getName() + "' before signing " + describe() + ". Nothing was signed.");
      }
    }
    for (StepMaterial m : step().getMaterials()) {
      BigDecimal total = charged.getOrDefault(m.getMaterial().getCode(), BigDecimal.ZERO);
      if (!m.isSatisfiedBy(total)) {
        String unit = m.getMaterial().getUnit();
        throw new RuleViolation(
            "Charge "
                + Quantities.plain(m.minimum())
                + " to "
                + Quantities.plain(m.maximum())
                + " "
                + unit
                + " of "
                + m.getMaterial().getCode()
                + " before signing "
                + describe()
                + " ("
                + Quantities.plain(total)
                + " "
                + unit
                + " charged). Nothing was signed.");
      }
    }
  }

  /** Whether the given person took part in this step: started, performed or verified it. */
  public boolean involves(String userId) {
    return userId.equals(startedBy) || userId.equals(performedBy) || userId.equals(verifiedBy);
  }

  /** The operator signed "performed"; the step is done unless a second person must verify it. */
  public void performed(String by, Instant at) {
    requireOpen("signing it again");
    performedBy = by;
    performedAt = at.truncatedTo(ChronoUnit.MICROS);
    status = step().isRequiresVerification() ? StepStatus.PERFORMED : StepStatus.DONE;
  }

  /** Refuses a verification unless the step is signed as performed and waits for it. */
  public void requireAwaitingVerification() {
    if (!step().isRequiresVerification()) {
      throw new RuleViolation(
          describe() + " does not ask for a second person's verification. Nothing was signed.");
    }
    if (status == StepStatus.IN_PROGRESS) {
      throw new RuleViolation(
          describe()
              + " is not signed as performed yet: the operator signs first, then the second"
              + " person verifies. Nothing was signed.");
    }
    if (status == StepStatus.DONE) {
      throw new RuleViolation(describe() + " is verified already. Nothing was signed.");
    }
  }

  /** A second person verified the performed step. */
  public void verified(String by, Instant at) {
    requireAwaitingVerification();
    verifiedBy = by;
    verifiedAt = at.truncatedTo(ChronoUnit.MICROS);
    status = StepStatus.DONE;
  }

  public String describe() {
    return "Step " + stepPosition + " (" + step().getName() + ")";
  }

  public Long getId() {
    return id;
  }

  public Batch getBatch() {
    return batch;
  }

  public int getStepPosition() {
    return stepPosition;
  }

  public StepStatus getStatus() {
    return status;
  }

  public EquipmentAllocation getAllocation() {
    return allocation;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Instant getPerformedAt() {
    return performedAt;
  }

  public String getPerformedBy() {
    return performedBy;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public String getVerifiedBy() {
    return verifiedBy;
  }
}
