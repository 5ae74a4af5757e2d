package com.batchtrace.quality.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.genealogy.entity.Batch;
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
 * QA's signed acknowledgement of machine data that arrived for a batch after its release or
 * rejection: which values (received after one time, up to another), how many, and QA's conclusion.
 * The released record itself never changes; this is the evidence that QA saw them.
 */
@Entity
@Audited
@Table(name = "post_release_review")
public class PostReleaseReview implements SignedRecord {

  private static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_release_review_seq")
  @SequenceGenerator(
      name = "post_release_review_seq",
      sequenceName = "post_release_review_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "batch_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch batch;

  @Column(name = "received_after", nullable = false)
  private Instant receivedAfter;

  @Column(name = "received_up_to", nullable = false)
  private Instant receivedUpTo;

  @Column(name = "value_count", nullable = false)
  private long valueCount;

  @Column(name = "conclusion", nullable = false, length = MAX_TEXT)
  private String conclusion;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  @Column(name = "reviewed_by", nullable = false, length = 255)
  private String reviewedBy;

  @Column(name = "reviewed_by_name", nullable = false, length = 255)
  private String reviewedByName;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PostReleaseReview() {}

  public PostReleaseReview(
      Batch batch,
      Instant receivedAfter,
      Instant receivedUpTo,
      long valueCount,
      String conclusion,
      Instant at,
      String by,
      String byName) {
    this.batch = Objects.requireNonNull(batch, "batch");
    if (valueCount <= 0 || !receivedAfter.isBefore(receivedUpTo)) {
      throw new RuleViolation(
          "No machine data arrived for batch "
              + batch.getBatchNumber()
              + " after its decision that is not acknowledged yet. Nothing was signed.");
    }
    if (conclusion == null || conclusion.isBlank()) {
      throw new RuleViolation(
          "Write QA's conclusion on the data that arrived after the decision. Nothing was signed.");
    }
    if (conclusion.strip().length() > MAX_TEXT) {
      throw new RuleViolation(
          "The conclusion has at most " + MAX_TEXT + " characters. Nothing was signed.");
    }
    this.receivedAfter = receivedAfter.truncatedTo(ChronoUnit.MICROS);
    this.receivedUpTo = receivedUpTo.truncatedTo(ChronoUnit.MICROS);
    this.valueCount = valueCount;
    this.conclusion = conclusion.strip();
    this.reviewedAt = at.truncatedTo(ChronoUnit.MICROS);
    this.reviewedBy = Objects.requireNonNull(by, "by");
    this.reviewedByName = Objects.requireNonNull(byName, "byName");
  }

  @Override
  public String recordType() {
    return "PostReleaseReview";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("batch", batch.getBatchNumber())
        .field("receivedAfter", receivedAfter)
        .field("receivedUpTo", receivedUpTo)
        .field("values", valueCount)
        .field("conclusion", conclusion)
        .field("reviewedBy", reviewedBy)
        .field("reviewedAt", reviewedAt);
  }

  /** Made after format 2: there are no format 1 signatures of this record. */
  @Override
  public String legacyContent() {
    return content().canonical();
  }

  public Long getId() {
    return id;
  }

  public Batch getBatch() {
    return batch;
  }

  public Instant getReceivedAfter() {
    return receivedAfter;
  }

  public Instant getReceivedUpTo() {
    return receivedUpTo;
  }

  public long getValueCount() {
    return valueCount;
  }

  public String getConclusion() {
    return conclusion;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public String getReviewedByName() {
    return reviewedByName;
  }
}
