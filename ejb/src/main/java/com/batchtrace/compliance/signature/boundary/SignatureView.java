package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.signature.entity.ElectronicSignature;
import java.io.Serializable;
import java.time.Instant;

/**
 * The manifestation of a signature (21 CFR 11.50): printed name, time, meaning, and whether the
 * record still has the content that was signed.
 *
 * @param signerAccount the identity provider's immutable id of the signer's account (null for
 *     signatures made before it was recorded): tells apart two people who had the same user id
 * @param valid false when the record's content no longer matches the signed hash
 */
public record SignatureView(
    long id,
    String signerId,
    String signerAccount,
    String signerName,
    String meaning,
    String meaningLabel,
    String reason,
    Instant signedAt,
    String recordType,
    String recordId,
    String contentSha256,
    boolean valid)
    implements Serializable {

  static SignatureView of(ElectronicSignature s, boolean valid) {
    return new SignatureView(
        s.getId(),
        s.getSignerId(),
        s.getSignerSubject(),
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

  /** The account id as people compare it on screen and paper: its first eight characters. */
  public String signerAccountShort() {
    return signerAccount == null
        ? ""
        : signerAccount.substring(0, Math.min(8, signerAccount.length()));
  }
}
