package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.signature.entity.SignedRecord;
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
}
