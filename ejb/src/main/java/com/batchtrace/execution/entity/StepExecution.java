package com.batchtrace.execution.entity;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.MbrStep;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
