package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.signature.entity.SignedRecord;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/**
 * Finds a signed record by its type and id, so that a signature can be checked against the record's
 * content now wherever it is listed (the signature register). Each context that owns a kind of
 * signed record provides one, built the way it builds the record when signing.
 */
public interface SignedRecordSource {

  /** The record types this source finds, e.g. {@code StepExecution}. */
  java.util.Set<String> recordTypes();

  /** The record of that type and id, or empty when there is none. */
  Optional<SignedRecord> find(String recordType, String recordId);

  /** A record id as signatures store it: a whole number of at most 18 digits, else empty. */
  static Optional<Long> numericId(String recordId) {
    return recordId == null || !recordId.matches("\\d{1,18}")
        ? Optional.empty()
        : Optional.of(Long.parseLong(recordId));
  }

  /** The entity of that class whose id the record id names, when it is a signed record. */
  static Optional<SignedRecord> entity(
      EntityManager em, Class<? extends SignedRecord> type, String recordId) {
    return numericId(recordId).map(id -> em.find(type, id));
  }
}
