package com.batchtrace.genealogy.entity;

import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.EquipmentLevel;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.masterdata.entity.RecordStatus;
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
import java.util.regex.Pattern;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A batch: made on a line by one approved master batch record version, frozen into it. It consumes
 * lots while it runs and produces lots when it completes (the genealogy edges).
 */
@Entity
@Audited
@Table(name = "batch")
public class Batch {

  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batch_seq")
  @SequenceGenerator(name = "batch_seq", sequenceName = "batch_seq", allocationSize = 50)
  private Long id;

  @Column(name = "batch_number", nullable = false, length = 64)
  private String batchNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Material product;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "master_batch_record_id")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private MasterBatchRecord masterBatchRecord;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "line_id")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Equipment line;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private BatchStatus status;

  @Column(name = "planned_quantity", nullable = false, precision = 18, scale = 6)
  private BigDecimal plannedQuantity;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** The operator's comment on the completion (why the yield is outside its limits); or null. */
  @Column(name = "completion_comment", length = 2000)
  private String completionComment;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Batch() {}

  public Batch(
      String batchNumber,
      MasterBatchRecord record,
      Equipment line,
      BigDecimal plannedQuantity,
      Instant createdAt) {
    if (batchNumber == null || !NUMBER.matcher(batchNumber.strip()).matches()) {
      throw new RuleViolation(
          "Batch number '"
              + (batchNumber == null ? "" : batchNumber)
              + "' is not valid: 1 to 64 letters, digits, '.', '_', '/' or '-'.");
    }
    if (record.getStatus() != RecordStatus.APPROVED) {
      throw new RuleViolation(
          record.describe()
              + " is "
              + record.getStatus().name().toLowerCase().replace('_', ' ')
              + ": only an approved version can be used for a batch.");
    }
    if (line == null || line.getLevel() != EquipmentLevel.LINE || !line.isActive()) {
      throw new RuleViolation("A batch runs on an active production line; choose one.");
    }
    if (plannedQuantity == null || plannedQuantity.signum() <= 0) {
      throw new RuleViolation("The planned quantity must be more than zero.");
    }
    this.batchNumber = batchNumber.strip();
    this.masterBatchRecord = record;
    this.product = record.getProduct();
    this.line = line;
    this.plannedQuantity =
        Quantities.requireInRange(plannedQuantity, "planned quantity", "Nothing was created.")
            .setScale(6);
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    this.status = BatchStatus.PLANNED;
  }

  /** A step starts on its equipment: the batch is running from then on. */
  public void start() {
    charge();
  }

  /** Material may be charged while the batch is planned or running; the first charge starts it. */
  public void charge() {
    requireChargeable();
    status = BatchStatus.IN_PROGRESS;
  }

  /** Refuses a charge (or a step start) unless the batch is planned or running. */
  public void requireChargeable() {
    if (status != BatchStatus.PLANNED && status != BatchStatus.IN_PROGRESS) {
      throw new RuleViolation(
          "Batch " + batchNumber + " is " + status.label() + ": no more material can be charged.");
    }
  }

  /** The batch is done: its output lots exist and it waits for QA's review. */
  public void complete(Instant at) {
    complete(at, null);
  }

  /**
   * Completes the batch at {@code at} with the operator's comment (blank for none): it goes to QA's
   * review.
   */
  public void complete(Instant at, String comment) {
    if (status != BatchStatus.IN_PROGRESS) {
      throw new RuleViolation(
          "Batch "
              + batchNumber
              + " is "
              + status.label()
              + ": only a running batch can be completed.");
    }
    status = BatchStatus.IN_REVIEW;
    completedAt = at.truncatedTo(ChronoUnit.MICROS);
    completionComment = comment == null || comment.isBlank() ? null : comment.strip();
  }

  /**
   * QA's decision on a batch in review, at {@code at}: released (its lots may be used) or rejected.
   */
  public void decide(boolean release, Instant at) {
    if (status != BatchStatus.IN_REVIEW) {
      throw new RuleViolation(
          "Batch "
              + batchNumber
              + " is "
              + status.label()
              + ": only a batch in review can be "
              + (release ? "released" : "rejected")
              + ". Nothing was signed.");
    }
    status = release ? BatchStatus.RELEASED : BatchStatus.REJECTED;
    decidedAt = at.truncatedTo(ChronoUnit.MICROS);
  }

  /** When QA released or rejected it; null before. */
  public Instant getDecidedAt() {
    return decidedAt;
  }

  public Long getId() {
    return id;
  }

  public String getBatchNumber() {
    return batchNumber;
  }

  public Material getProduct() {
    return product;
  }

  public MasterBatchRecord getMasterBatchRecord() {
    return masterBatchRecord;
  }

  public Equipment getLine() {
    return line;
  }

  public BatchStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public String getCompletionComment() {
    return completionComment;
  }

  public BigDecimal getPlannedQuantity() {
    return plannedQuantity;
  }
}
