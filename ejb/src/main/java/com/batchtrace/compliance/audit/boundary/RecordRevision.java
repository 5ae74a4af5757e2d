package com.batchtrace.compliance.audit.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * One revision of one record: the state after the change, and who changed it, when and why.
 *
 * @param revision the revision number (shared by everything one transaction wrote)
 * @param time when, in UTC
 * @param userId who (identity provider user name)
 * @param userName who (printed name)
 * @param reason why
 * @param clientAddress from where
 * @param change created, modified or deleted
 * @param state the record as it was after this revision
 */
public record RecordRevision<T>(
    long revision,
    Instant time,
    String userId,
    String userName,
    String reason,
    String clientAddress,
    Change change,
    T state)
    implements Serializable {

  /** What the revision did to the record. */
  public enum Change {
    CREATED,
    MODIFIED,
    DELETED
  }
}
