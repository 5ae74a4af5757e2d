package com.batchtrace.quality.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.execution.entity.BatchException;
import com.batchtrace.platform.RuleViolation;
import jakarta.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * QA's decision on one exception of a batch, signed "reviewed": accepted with a justification, or
 * linked to a deviation by its reference. One per exception; it is never changed.
 */
@Entity
@Audited
@Table(name = "exception_disposition")
public class ExceptionDisposition implements SignedRecord {

  private static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exception_disposition_seq")
  @SequenceGenerator(
      name = "exception_disposition_seq",
      sequenceName = "exception_disposition_seq",
      allocationSize = 50)
  private Long id;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "exception_id", nullable = false, unique = true)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private BatchException exception;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, length = 16)
  private DispositionDecision decision;

  @Column(name = "justification", nullable = false, length = MAX_TEXT)
  private String justification;

  @Column(name = "deviation_reference", length = 64)
  private String deviationReference;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @Column(name = "decided_by", nullable = false, length = 255)
  private String decidedBy;

  @Column(name = "decided_by_name", nullable = false, length = 255)
  private String decidedByName;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ExceptionDisposition() {}

  public ExceptionDisposition(
      BatchException exception,
      DispositionDecision decision,
      String justification,
      String deviationReference,
      Instant at,
      String by,
      String byName) {
    this.exception = Objects.requireNonNull(exception, "exception");
    if (decision == null) {
      throw new RuleViolation(
          "Choose the disposition: accepted, or linked to a deviation. Nothing was signed.");
    }
    if (justification == null || justification.isBlank()) {
      throw new RuleViolation("Write the justification of the disposition. Nothing was signed.");
    }
    if (justification.strip().length() > MAX_TEXT) {
      throw new RuleViolation(
          "The justification has at most " + MAX_TEXT + " characters. Nothing was signed.");
    }
    String reference =
        deviationReference == null || deviationReference.isBlank()
            ? null
            : deviationReference.strip();
    if (decision == DispositionDecision.DEVIATION && reference == null) {
      throw new RuleViolation(
          "Name the deviation this exception is linked to (its reference). Nothing was signed.");
    }
    if (reference != null && reference.length() > 64) {
      throw new RuleViolation(
          "A deviation reference has at most 64 characters. Nothing was signed.");
    }
    this.decision = decision;
    this.justification = justification.strip();
    this.deviationReference = decision == DispositionDecision.DEVIATION ? reference : null;
    this.decidedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.decidedBy = by;
    this.decidedByName = byName;
  }

  @Override
  public String recordType() {
    return "ExceptionDisposition";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /**
   * What the disposition signs: the exception as QA saw it (kind, step, detail, its extent and
   * worst value) and QA's decision. Machine data that changes the exception later shows it INVALID.
   */
  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("exception", exception.getId())
        .field("batch", exception.getBatch().getBatchNumber())
        .field("kind", exception.getKind().name())
        .field("step", exception.getStepPosition())
        .field("parameter", exception.getParameter())
        .field("startedAt", exception.getStartedAt())
        .field("endedAt", exception.getEndedAt())
        .field("worstValue", exception.getWorstValue())
        .field("detail", exception.getDetail())
        .field("decision", decision.name())
        .field("justification", justification)
        .field("deviation", deviationReference);
  }

  @Override
  public String legacyContent() {
    return Json.createObjectBuilder()
        .add("type", recordType())
        .add("exception", exception.getId())
        .add("batch", exception.getBatch().getBatchNumber())
        .add("kind", exception.getKind().name())
        .add("detail", exception.getDetail())
        .add("decision", decision.name())
        .add("justification", justification)
        .add("deviation", deviationReference == null ? "" : deviationReference)
        .build()
        .toString();
  }

  public Long getId() {
    return id;
  }

  public BatchException getException() {
    return exception;
  }

  public DispositionDecision getDecision() {
    return decision;
  }

  public String getJustification() {
    return justification;
  }

  public String getDeviationReference() {
    return deviationReference;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getDecidedByName() {
    return decidedByName;
  }
}
