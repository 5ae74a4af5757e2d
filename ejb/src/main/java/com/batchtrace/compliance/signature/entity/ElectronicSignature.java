package com.batchtrace.compliance.signature.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** One electronic signature. Immutable: no setters, and the database refuses UPDATE. */
@Entity
@Table(name = "electronic_signature")
public class ElectronicSignature {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "electronic_signature_seq")
  @SequenceGenerator(
      name = "electronic_signature_seq",
      sequenceName = "electronic_signature_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  @Column(name = "signer_id", nullable = false)
  private String signerId;

  /**
   * The identity provider's immutable id of the signer's account; null in signatures made before it
   * was recorded. The user id alone can name two people over time (an account deleted and the name
   * given again); this cannot.
   */
  @Column(name = "signer_subject", length = 64)
  private String signerSubject;

  @Column(name = "signer_name", nullable = false)
  private String signerName;

  @Enumerated(EnumType.STRING)
  @Column(name = "meaning", nullable = false, length = 16)
  private SignatureMeaning meaning;

  @Column(name = "reason", length = 2000)
  private String reason;

  @Column(name = "record_type", nullable = false, length = 100)
  private String recordType;

  @Column(name = "record_id", nullable = false, length = 100)
  private String recordId;

  @Column(name = "content_sha256", nullable = false, length = 64, columnDefinition = "bpchar")
  private String contentSha256;

  @Column(name = "client_address")
  private String clientAddress;

  /** The format of the signed content; null in signatures made before formats were numbered (1). */
  @Column(name = "content_format")
  private Integer contentFormat;

  protected ElectronicSignature() {}

  public ElectronicSignature(
      Instant signedAt,
      String signerId,
      String signerSubject,
      String signerName,
      SignatureMeaning meaning,
      String reason,
      String recordType,
      String recordId,
      String contentSha256,
      int contentFormat,
      String clientAddress) {
    this.signedAt = Objects.requireNonNull(signedAt, "signedAt");
    this.signerId = Objects.requireNonNull(signerId, "signerId");
    this.signerSubject = signerSubject;
    this.signerName = Objects.requireNonNull(signerName, "signerName");
    this.meaning = Objects.requireNonNull(meaning, "meaning");
    this.reason = reason;
    this.recordType = Objects.requireNonNull(recordType, "recordType");
    this.recordId = Objects.requireNonNull(recordId, "recordId");
    if (!SHA256_HEX.matcher(Objects.requireNonNull(contentSha256, "contentSha256")).matches()) {
      throw new IllegalArgumentException("contentSha256 must be 64 lower-case hex digits");
    }
    this.contentSha256 = contentSha256;
    this.contentFormat = contentFormat;
    this.clientAddress = clientAddress;
  }

  public Long getId() {
    return id;
  }

  public Instant getSignedAt() {
    return signedAt;
  }

  public String getSignerId() {
    return signerId;
  }

  public String getSignerSubject() {
    return signerSubject;
  }

  public String getSignerName() {
    return signerName;
  }

  public SignatureMeaning getMeaning() {
    return meaning;
  }

  public String getReason() {
    return reason;
  }

  public String getRecordType() {
    return recordType;
  }

  public String getRecordId() {
    return recordId;
  }

  public String getContentSha256() {
    return contentSha256;
  }

  /** The signed content's format: what the record's content is rendered in to check this. */
  public int getContentFormat() {
    return contentFormat == null ? SignedContent.LEGACY_FORMAT : contentFormat;
  }

  public String getClientAddress() {
    return clientAddress;
  }
}
