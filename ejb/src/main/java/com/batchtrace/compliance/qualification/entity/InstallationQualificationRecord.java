package com.batchtrace.compliance.qualification.entity;

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
import java.util.regex.Pattern;
import org.hibernate.envers.Audited;

/**
 * The record of one installation qualification as it was executed (Markdown, every check with its
 * expected and actual value), with what it qualified: the release, the EAR's SHA-256 and the schema
 * version, the host and the outcome. Signed ("performed") by the QA person who executed it; the
 * record enters the signature through its SHA-256. Never changed once written.
 */
@Entity
@Audited
@Table(name = "installation_qualification")
public class InstallationQualificationRecord implements SignedRecord {

  /** The longest record accepted: an IQ record is a few kilobytes. */
  public static final int MAX_RECORD = 200_000;

  private static final int MAX_SHORT = 255;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.\\-_+]{1,64}");
  private static final Pattern SCHEMA_VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})*");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "installation_qualification_seq")
  @SequenceGenerator(
      name = "installation_qualification_seq",
      sequenceName = "installation_qualification_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "executed_at", nullable = false)
  private Instant executedAt;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "executed_by", nullable = false)
  private String executedBy;

  @Column(name = "executed_by_name", nullable = false)
  private String executedByName;

  @Column(name = "host", nullable = false)
  private String host;

  @Column(name = "release_version", nullable = false, length = 64)
  private String releaseVersion;

  @Column(name = "ear_sha256", nullable = false, length = 64, columnDefinition = "bpchar")
  private String earSha256;

  @Column(name = "schema_version", nullable = false, length = 32)
  private String schemaVersion;

  @Column(name = "checks_total", nullable = false)
  private int checksTotal;

  @Column(name = "checks_failed", nullable = false)
  private int checksFailed;

  @Column(name = "passed", nullable = false)
  private boolean passed;

  @Column(name = "record", nullable = false, columnDefinition = "text")
  private String record;

  @Column(name = "record_sha256", nullable = false, length = 64, columnDefinition = "bpchar")
  private String recordSha256;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected InstallationQualificationRecord() {}

  /**
   * Checks every field as a hostile request could send it: each refusal names the field and the
   * rule, so the caller can correct it.
   */
  public InstallationQualificationRecord(
      Instant executedAt,
      Instant recordedAt,
      String executedBy,
      String executedByName,
      String host,
      String releaseVersion,
      String earSha256,
      String schemaVersion,
      int checksTotal,
      int checksFailed,
      String record) {
    if (executedAt == null) {
      throw new RuleViolation("Give the time the IQ was executed (executedAt, UTC).");
    }
    if (executedAt.isAfter(recordedAt.plusSeconds(60))) {
      throw new RuleViolation("The IQ cannot have been executed in the future.");
    }
    this.host = text("host", host, MAX_SHORT);
    this.releaseVersion = matching("releaseVersion", releaseVersion, VERSION, "a release version");
    this.earSha256 = matching("earSha256", earSha256, SHA256, "64 lower-case hex digits");
    this.schemaVersion =
        matching("schemaVersion", schemaVersion, SCHEMA_VERSION, "a schema version such as 36");
    if (checksTotal < 1 || checksTotal > 1000) {
      throw new RuleViolation("checksTotal must be between 1 and 1000.");
    }
    if (checksFailed < 0 || checksFailed > checksTotal) {
      throw new RuleViolation("checksFailed must be between 0 and checksTotal.");
    }
    this.record = text("record", record, MAX_RECORD);
    this.executedAt = executedAt.truncatedTo(ChronoUnit.MICROS);
    this.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
    this.executedBy = Objects.requireNonNull(executedBy, "executedBy");
    this.executedByName = Objects.requireNonNull(executedByName, "executedByName");
    this.checksTotal = checksTotal;
    this.checksFailed = checksFailed;
    this.passed = checksFailed == 0;
    this.recordSha256 = Sha256.hex(this.record);
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation("The IQ record needs its " + field + ".");
    }
    if (value.length() > max) {
      throw new RuleViolation(field + " is too long (at most " + max + " characters).");
    }
    return value.strip();
  }

  private static String matching(String field, String value, Pattern pattern, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new RuleViolation(field + " must be " + what + ".");
    }
    return value;
  }

  @Override
  public String recordType() {
    return "InstallationQualification";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /** The record enters the signature through its hash. */
  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("executedAt", executedAt)
        .field("executedBy", executedBy)
        .field("host", host)
        .field("releaseVersion", releaseVersion)
        .field("earSha256", earSha256)
        .field("schemaVersion", schemaVersion)
        .field("checksTotal", checksTotal)
        .field("checksFailed", checksFailed)
        .field("passed", passed)
        .field("recordSha256", Sha256.hex(record));
  }

  /** IQ records were signed in the current format from the start. */
  @Override
  public String legacyContent() {
    return content().canonical();
  }

  public Long getId() {
    return id;
  }

  public Instant getExecutedAt() {
    return executedAt;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getExecutedBy() {
    return executedBy;
  }

  public String getExecutedByName() {
    return executedByName;
  }

  public String getHost() {
    return host;
  }

  public String getReleaseVersion() {
    return releaseVersion;
  }

  public String getEarSha256() {
    return earSha256;
  }

  public String getSchemaVersion() {
    return schemaVersion;
  }

  public int getChecksTotal() {
    return checksTotal;
  }

  public int getChecksFailed() {
    return checksFailed;
  }

  public boolean isPassed() {
    return passed;
  }

  public String getRecord() {
    return record;
  }

  public String getRecordSha256() {
    return recordSha256;
  }
}
