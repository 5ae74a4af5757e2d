package com.batchtrace.compliance.review.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.platform.RuleViolation;
import jakarta.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** A signed audit trail review. Never changed once written (the runtime role cannot UPDATE it). */
@Entity
@Audited
@Table(name = "audit_trail_review")
public class AuditTrailReview implements SignedRecord {

  static final int MAX_CONCLUSION = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_trail_review_seq")
  @SequenceGenerator(
      name = "audit_trail_review_seq",
      sequenceName = "audit_trail_review_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "period_from", nullable = false)
  private Instant periodFrom;

  @Column(name = "period_to", nullable = false)
  private Instant periodTo;

  @Column(name = "revisions_reviewed", nullable = false)
  private long revisionsReviewed;

  @Column(name = "chain_position", nullable = false)
  private long chainPosition;

  @Column(name = "chain_sha256", nullable = false, length = 64, columnDefinition = "bpchar")
  private String chainSha256;

  @Column(name = "chains_intact", nullable = false)
  private boolean chainsIntact;

  @Column(name = "conclusion", nullable = false, length = MAX_CONCLUSION)
  private String conclusion;

  @Column(name = "reviewed_by", nullable = false)
  private String reviewedBy;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected AuditTrailReview() {}

  /**
   * Times are kept to the microsecond, as PostgreSQL stores them, so the signed content is the same
   * before and after the record is read back.
   */
  public AuditTrailReview(
      Instant periodFrom,
      Instant periodTo,
      long revisionsReviewed,
      long chainPosition,
      String chainSha256,
      boolean chainsIntact,
      String conclusion,
      String reviewedBy,
      Instant reviewedAt) {
    if (periodFrom == null || periodTo == null) {
      throw new RuleViolation("An audit trail review needs the start and end of its period.");
    }
    if (!periodFrom.isBefore(periodTo)) {
      throw new RuleViolation("The review period must start before it ends.");
    }
    if (periodTo.isAfter(reviewedAt)) {
      throw new RuleViolation("The review period cannot end in the future.");
    }
    if (conclusion == null || conclusion.isBlank()) {
      throw new RuleViolation("Write the conclusion of the review: what you found.");
    }
    if (conclusion.strip().length() > MAX_CONCLUSION) {
      throw new RuleViolation(
          "The conclusion is too long (at most " + MAX_CONCLUSION + " characters).");
    }
    this.periodFrom = periodFrom.truncatedTo(ChronoUnit.MICROS);
    this.periodTo = periodTo.truncatedTo(ChronoUnit.MICROS);
    this.revisionsReviewed = revisionsReviewed;
    this.chainPosition = chainPosition;
    this.chainSha256 = Objects.requireNonNull(chainSha256, "chainSha256");
    this.chainsIntact = chainsIntact;
    this.conclusion = conclusion.strip();
    this.reviewedBy = Objects.requireNonNull(reviewedBy, "reviewedBy");
    this.reviewedAt = reviewedAt.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public String recordType() {
    return "AuditTrailReview";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("periodFrom", periodFrom)
        .field("periodTo", periodTo)
        .field("revisionsReviewed", revisionsReviewed)
        .field("chainPosition", chainPosition)
        .field("chainSha256", chainSha256)
        .field("chainsIntact", chainsIntact)
        .field("conclusion", conclusion)
        .field("reviewedBy", reviewedBy)
        .field("reviewedAt", reviewedAt);
  }

  @Override
  public String legacyContent() {
    return Json.createObjectBuilder()
        .add("type", recordType())
        .add("id", id)
        .add("periodFrom", periodFrom.toString())
        .add("periodTo", periodTo.toString())
        .add("revisionsReviewed", revisionsReviewed)
        .add("chainPosition", chainPosition)
        .add("chainSha256", chainSha256)
        .add("chainsIntact", chainsIntact)
        .add("conclusion", conclusion)
        .add("reviewedBy", reviewedBy)
        .add("reviewedAt", reviewedAt.toString())
        .build()
        .toString();
  }

  public Long getId() {
    return id;
  }

  public Instant getPeriodFrom() {
    return periodFrom;
  }

  public Instant getPeriodTo() {
    return periodTo;
  }

  public long getRevisionsReviewed() {
    return revisionsReviewed;
  }

  public long getChainPosition() {
    return chainPosition;
  }

  public String getChainSha256() {
    return chainSha256;
  }

  public boolean isChainsIntact() {
    return chainsIntact;
  }

  public String getConclusion() {
    return conclusion;
  }

  public String getReviewedBy() {
    return reviewedBy;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }
}
