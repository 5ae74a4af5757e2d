package com.batchtrace.compliance.signature.boundary;

/**
 * A record that can be signed. Its canonical content is what the signature is linked to: the fields
 * that carry the record's meaning, rendered the same way every time (stable order, UTC times). If
 * any of them changes after signing, the signature shows as INVALID.
 */
public interface SignedRecord {

  /** The kind of record, e.g. {@code AuditTrailReview}; with the id, what the signature is on. */
  String recordType();

  String recordId();

  String canonicalContent();
}
