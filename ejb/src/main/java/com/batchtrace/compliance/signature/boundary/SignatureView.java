package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.signature.entity.ElectronicSignature;
import java.time.Instant;

/**
 * The manifestation of a signature (21 CFR 11.50): printed name, time, meaning, and whether the
 * record still has the content that was signed.
 *
 * @param valid false when the record's content no longer matches the signed hash
 */
public record SignatureView(
    long id,
    String signerId,
    String signerName,
    String meaning,
    String meaningLabel,
    String reason,
    Instant signedAt,
    String recordType,
    String recordId,
    String contentSha256,
    boolean valid) {

  static SignatureView of(ElectronicSignature s, boolean valid) {
    return new SignatureView(
        s.getId(),
        s.getSignerId(),
        s.getSignerName(),
        s.getMeaning().name(),
        s.getMeaning().label(),
        s.getReason(),
        s.getSignedAt(),
        s.getRecordType(),
        s.getRecordId(),
        s.getContentSha256(),
        valid);
  }
}
