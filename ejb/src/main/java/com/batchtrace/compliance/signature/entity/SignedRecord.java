package com.batchtrace.compliance.signature.entity;

/**
 * A record that can be signed. Its canonical content is what the signature is linked to: the fields
 * that carry the record's meaning, built from the record's entities (never from a page's view), in
 * one unambiguous format. If any of them changes after signing, the signature shows as INVALID.
 */
public interface SignedRecord {

  /** The kind of record, e.g. {@code AuditTrailReview}; with the id, what the signature is on. */
  String recordType();

  String recordId();

  /** The content in the current format ({@link SignedContent#FORMAT}). */
  SignedContent content();

  /**
   * The content as format 1 rendered it (plain text lines), for signatures made before format 2:
   * they stay checkable, so they stay VALID while the record is unchanged.
   */
  String legacyContent();

  /** The content in the given format: what a signature made in that format is checked against. */
  default String canonicalContent(int format) {
    return switch (format) {
      case SignedContent.LEGACY_FORMAT -> legacyContent();
      case SignedContent.FORMAT -> content().canonical();
      default -> throw new IllegalArgumentException("unknown signed content format " + format);
    };
  }
}
