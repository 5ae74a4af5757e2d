package com.batchtrace.compliance.review.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Sha256;
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

/**
 * A signed periodic access review: QA read who had which access (the accounts as they were read,
 * kept with the review) and signed "reviewed". Never changed once written.
 */
@Entity
@Audited
@Table(name = "access_review")
public class AccessReview implements SignedRecord {

  static final int MAX_CONCLUSION = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_review_seq")
  @SequenceGenerator(
      name = "access_review_seq",
      sequenceName = "access_review_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "reviewed_at", nullable = false)
  private Instant reviewedAt;

  @Column(name = "reviewed_by", nullable = false)
  private String reviewedBy;

  @Column(name = "reviewed_by_name", nullable = false)
  private String reviewedByName;

  @Column(name = "account_count", nullable = false)
  private int accountCount;

  /** The accounts reviewed, as JSON, exactly as they were read. */
  @Column(name = "accounts", nullable = false, columnDefinition = "text")
  private String accounts;

  @Column(name = "accounts_sha256", nullable = false, length = 64, columnDefinition = "bpchar")
  private String accountsSha256;

  @Column(name = "conclusion", nullable = false, length = MAX_CONCLUSION)
  private String conclusion;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected AccessReview() {}

  public AccessReview(
      Instant reviewedAt,
      String reviewedBy,
      String reviewedByName,
      int accountCount,
      String accounts,
      String conclusion) {
    if (conclusion == null || conclusion.isBlank()) {
      throw new RuleViolation(
          "Write the conclusion of the access review: what you found and what you had changed.");
    }
    if (conclusion.strip().length() > MAX_CONCLUSION) {
      throw new RuleViolation(
          "The conclusion is too long (at most " + MAX_CONCLUSION + " characters).");
    }
    this.reviewedAt = reviewedAt.truncatedTo(ChronoUnit.MICROS);
    this.reviewedBy = Objects.requireNonNull(reviewedBy, "reviewedBy");
    this.reviewedByName = Objects.requireNonNull(reviewedByName, "reviewedByName");
    this.accountCount = accountCount;
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.accountsSha256 = Sha256.hex(accounts);
    this.conclusion = conclusion.strip();
  }

  @Override
  public String recordType() {
    return "AccessReview";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /** The accounts reviewed enter the signature through their hash. */
  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("reviewedAt", reviewedAt)
        .field("reviewedBy", reviewedBy)
        .field("accountCount", accountCount)
        .field("accountsSha256", Sha256.hex(accounts))
        .field("conclusion", conclusion);
  }

  /** Access reviews were signed in the current format from the start. */
  @Override
  public String legacyContent() {
    return content().canonical();
  }

  public Long getId() {
    return id;
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

  public int getAccountCount() {
    return accountCount;
  }

  public String getAccounts() {
    return accounts;
  }

  public String getAccountsSha256() {
    return accountsSha256;
  }

  public String getConclusion() {
    return conclusion;
  }
}
