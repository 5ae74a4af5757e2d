package com.batchtrace.execution.entity;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.Equipment;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * What ran where and when: a step of a batch on a piece of equipment (a unit, or a whole line) from
 * its start to its end. Machine data gets its batch, step and product from the allocation of its
 * equipment at the value's own time.
 */
@Entity
@Audited
@Table(name = "equipment_allocation")
public class EquipmentAllocation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "equipment_allocation_seq")
  @SequenceGenerator(
      name = "equipment_allocation_seq",
      sequenceName = "equipment_allocation_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "equipment_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Equipment equipment;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "batch_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch batch;

  @Column(name = "step_position", nullable = false)
  private int stepPosition;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected EquipmentAllocation() {}

  public EquipmentAllocation(Equipment equipment, Batch batch, int stepPosition, Instant at) {
    this.equipment = Objects.requireNonNull(equipment, "equipment");
    this.batch = Objects.requireNonNull(batch, "batch");
    int steps = batch.getMasterBatchRecord().getSteps().size();
    if (stepPosition < 1 || stepPosition > steps) {
      throw new RuleViolation(
          "Batch "
              + batch.getBatchNumber()
              + " has steps 1 to "
              + steps
              + "; there is no step "
              + stepPosition
              + ".");
    }
    this.stepPosition = stepPosition;
    this.startedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public void end(Instant at) {
    if (endedAt != null) {
      throw new RuleViolation(
          "Step " + stepPosition + " of batch " + batch.getBatchNumber() + " has ended already.");
    }
    endedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  public Long getId() {
    return id;
  }

  public Equipment getEquipment() {
    return equipment;
  }

  public Batch getBatch() {
    return batch;
  }

  public int getStepPosition() {
    return stepPosition;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }
}
