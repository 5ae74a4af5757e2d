package com.batchtrace.collection.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.envers.Audited;

/**
 * One attempt to take a dead letter again after its cause was fixed, and its outcome: re-processed
 * (its values stored, its charge acted on), or failed again with the reason. The dead letter itself
 * is never changed; a dead letter is re-processed at most once (a unique index in the database).
 * Never changed once written. The admin signs it ("performed"): the signature is linked to the dead
 * letter (its id and its payload's SHA-256) and the reason, with what the attempt came to.
 */
@Entity
@Audited
@Table(name = "dead_letter_reprocessing")
public class DeadLetterReprocessing implements SignedRecord {

  /** What the attempt came to. */
  public enum Outcome {
    REPROCESSED,
    FAILED
  }

  private static final int MAX_DETAIL = 1000;
  private static final int MAX_REASON = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dead_letter_reprocessing_seq")
  @SequenceGenerator(
      name = "dead_letter_reprocessing_seq",
      sequenceName = "dead_letter_reprocessing_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "dead_letter_id", nullable = false, updatable = false)
  private long deadLetterId;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant attemptedAt;

  @Column(name = "attempted_by", nullable = false, updatable = false)
  private String attemptedBy;

  @Column(name = "attempted_by_name", nullable = false, updatable = false)
  private String attemptedByName;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, updatable = false, length = 12)
  private Outcome outcome;

  @Column(name = "detail", nullable = false, updatable = false, length = MAX_DETAIL)
  private String detail;

  /** Null for attempts made before re-processing was signed. */
  @Column(name = "reason", updatable = false, length = MAX_REASON)
  private String reason;

  /** The SHA-256 of the dead letter's payload as it was taken; null as the reason. */
  @Column(name = "payload_sha256", updatable = false, length = 64, columnDefinition = "bpchar")
  private String payloadSha256;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected DeadLetterReprocessing() {}

  public DeadLetterReprocessing(
      long deadLetterId,
      Instant attemptedAt,
      String attemptedBy,
      String attemptedByName,
      Outcome outcome,
      String detail,
      String reason,
      String payloadSha256) {
    this.deadLetterId = deadLetterId;
    this.attemptedAt =
        Objects.requireNonNull(attemptedAt, "attemptedAt").truncatedTo(ChronoUnit.MICROS);
    this.attemptedBy = Objects.requireNonNull(attemptedBy, "attemptedBy");
    this.attemptedByName = Objects.requireNonNull(attemptedByName, "attemptedByName");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    String text = Objects.requireNonNull(detail, "detail");
    this.detail = text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    this.reason = Objects.requireNonNull(reason, "reason").strip();
    if (this.reason.isEmpty() || this.reason.length() > MAX_REASON) {
      throw new IllegalArgumentException("a reason of 1 to " + MAX_REASON + " characters");
    }
    this.payloadSha256 = Objects.requireNonNull(payloadSha256, "payloadSha256");
  }

  @Override
  public String recordType() {
    return "DeadLetterReprocessing";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /** What the admin signed: which message was taken again, why, and what came of it. */
  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("deadLetterId", deadLetterId)
        .field("payloadSha256", payloadSha256)
        .field("reason", reason)
        .field("attemptedAt", attemptedAt)
        .field("attemptedBy", attemptedBy)
        .field("outcome", outcome.name())
        .field("detail", detail);
  }

  /** Signed in the current format from the start. */
  @Override
  public String legacyContent() {
    return content().canonical();
  }

  public String getReason() {
    return reason;
  }

  public Long getId() {
    return id;
  }

  public long getDeadLetterId() {
    return deadLetterId;
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }

  public String getAttemptedBy() {
    return attemptedBy;
  }

  public String getAttemptedByName() {
    return attemptedByName;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getDetail() {
    return detail;
  }
}
