package com.batchtrace.execution.entity;

import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.masterdata.entity.UnsTag;
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
 * Something in a batch's record that QA must look at before release: a CPP excursion from its first
 * to its last out-of-limit sample, a gap in a tag's data, a refused lot charge (raised by the
 * collector; an excursion or gap stays open, no end, until the data is back), or what happened at
 * the terminal: a value out of limits, a late entry, a correction, a comment, a deviation (raised
 * by a person, who is named).
 */
@Entity
@Audited
@Table(name = "batch_exception")
public class BatchException {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batch_exception_seq")
  @SequenceGenerator(
      name = "batch_exception_seq",
      sequenceName = "batch_exception_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "batch_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch batch;

  @Column(name = "step_position")
  private Integer stepPosition;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 24)
  private ExceptionKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "tag_id")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private UnsTag tag;

  @Column(name = "parameter", length = 100)
  private String parameter;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "worst_value")
  private Double worstValue;

  /** When QA's disposition froze it; from then on machine data never changes it. */
  @Column(name = "frozen_at")
  private Instant frozenAt;

  @Column(name = "detail", nullable = false, length = 1000)
  private String detail;

  @Column(name = "raised_by", length = 255)
  private String raisedBy;

  /** The user id of who raised or caused it at the terminal; null for machine and older rows. */
  @Column(name = "raised_by_id", length = 255)
  private String raisedById;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected BatchException() {}

  /** An exception a person caused or raised on a step at the terminal; it has no end. */
  public static BatchException raisedBy(
      String personId,
      String person,
      Batch batch,
      int stepPosition,
      ExceptionKind kind,
      String parameter,
      Instant at,
      String detail) {
    BatchException raised =
        new BatchException(batch, stepPosition, kind, null, parameter, at, null, detail);
    raised.raisedById = Objects.requireNonNull(personId, "personId");
    raised.raisedBy = Objects.requireNonNull(person, "person");
    raised.endedAt = raised.startedAt;
    return raised;
  }

  public BatchException(
      Batch batch,
      Integer stepPosition,
      ExceptionKind kind,
      UnsTag tag,
      String parameter,
      Instant startedAt,
      Double worstValue,
      String detail) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.stepPosition = stepPosition;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.tag = tag;
    this.parameter = parameter;
    this.startedAt = startedAt.truncatedTo(ChronoUnit.MICROS);
    this.worstValue = worstValue;
    this.detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
  }

  /**
   * QA dispositioned it: what QA saw and signed stays as it is. Later data opens a new exception
   * instead of extending or ending this one.
   */
  public void freeze(Instant at) {
    if (frozenAt == null) {
      frozenAt = at.truncatedTo(ChronoUnit.MICROS);
    }
  }

  public boolean isFrozen() {
    return frozenAt != null;
  }

  private void requireNotFrozen() {
    if (frozenAt != null) {
      throw new IllegalStateException(
          "Exception " + id + " was dispositioned by QA and never changes any more");
    }
  }

  /** Another out-of-limit sample of the same excursion: it may start earlier or be worse. */
  public boolean extend(Instant at, double value, boolean worse) {
    requireNotFrozen();
    boolean changed = false;
    if (at.isBefore(startedAt)) {
      startedAt = at.truncatedTo(ChronoUnit.MICROS);
      changed = true;
    }
    if (worse) {
      worstValue = value;
      changed = true;
    }
    return changed;
  }

  /** The data is back (within limits, or the tag published again). */
  public void end(Instant at) {
    requireNotFrozen();
    endedAt = at.isBefore(startedAt) ? startedAt : at.truncatedTo(ChronoUnit.MICROS);
  }

  public Long getId() {
    return id;
  }

  public Batch getBatch() {
    return batch;
  }

  public Integer getStepPosition() {
    return stepPosition;
  }

  public ExceptionKind getKind() {
    return kind;
  }

  public UnsTag getTag() {
    return tag;
  }

  public String getParameter() {
    return parameter;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public Double getWorstValue() {
    return worstValue;
  }

  public String getDetail() {
    return detail;
  }

  public String getRaisedBy() {
    return raisedBy;
  }

  public String getRaisedById() {
    return raisedById;
  }
}
