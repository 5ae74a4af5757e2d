package com.batchtrace.genealogy.entity;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/** A quantity of a lot consumed by a batch: the genealogy's input edge. */
@Entity
@Audited
@Table(name = "lot_consumption")
public class LotConsumption {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lot_consumption_seq")
  @SequenceGenerator(
      name = "lot_consumption_seq",
      sequenceName = "lot_consumption_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "batch_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch batch;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "lot_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private MaterialLot lot;

  @Column(name = "quantity", nullable = false, precision = 18, scale = 6)
  private BigDecimal quantity;

  @Column(name = "consumed_at", nullable = false)
  private Instant consumedAt;

  /** The user id of who charged the lot; null for a machine's charge event and older rows. */
  @Column(name = "charged_by", length = 255)
  private String chargedBy;

  @Column(name = "step_position")
  private Integer stepPosition;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected LotConsumption() {}

  public LotConsumption(Batch batch, MaterialLot lot, BigDecimal quantity, Instant consumedAt) {
    this(batch, null, lot, quantity, consumedAt);
  }

  /** A charge into one step of the batch, as the terminal records a scan. */
  public LotConsumption(
      Batch batch, Integer stepPosition, MaterialLot lot, BigDecimal quantity, Instant consumedAt) {
    this.batch = batch;
    this.stepPosition = stepPosition;
    this.lot = lot;
    this.quantity = quantity.setScale(6);
    this.consumedAt = consumedAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** Records who charged the lot (a person's user id). */
  public void chargedBy(String userId) {
    this.chargedBy = userId;
  }

  public String getChargedBy() {
    return chargedBy;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public MaterialLot getLot() {
    return lot;
  }

  public Batch getBatch() {
    return batch;
  }

  public Integer getStepPosition() {
    return stepPosition;
  }

  public Instant getConsumedAt() {
    return consumedAt;
  }
}
