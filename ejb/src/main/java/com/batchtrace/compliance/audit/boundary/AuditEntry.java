package com.batchtrace.compliance.audit.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the audit trail: one record changed by one revision.
 *
 * @param revision the revision number
 * @param time when (UTC)
 * @param userId who
 * @param userName who (printed name)
 * @param userAccount the identity provider's immutable id of who's account; null for the system and
 *     for revisions written before it was recorded
 * @param clientAddress from where
 * @param recordType what kind of record
 * @param recordId which record
 * @param action CREATED, MODIFIED or DELETED
 * @param reason why
 * @param changes what the revision changed in the record, field by field with old and new value as
 *     stored ("name: Dryer → Dryer 1; active: true → false"; a creation lists the fields it set):
 *     filled in exports, empty where a page reads the entry
 */
public record AuditEntry(
    long revision,
    Instant time,
    String userId,
    String userName,
    String userAccount,
    String clientAddress,
    String recordType,
    long recordId,
    String action,
    String reason,
    String changes)
    implements Serializable {

  /** An entry without its changes (pages and searches; the export adds them). */
  public AuditEntry(
      long revision,
      Instant time,
      String userId,
      String userName,
      String userAccount,
      String clientAddress,
      String recordType,
      long recordId,
      String action,
      String reason) {
    this(
        revision,
        time,
        userId,
        userName,
        userAccount,
        clientAddress,
        recordType,
        recordId,
        action,
        reason,
        "");
  }

  /** The same entry with what it changed. */
  public AuditEntry withChanges(String fieldChanges) {
    return new AuditEntry(
        revision,
        time,
        userId,
        userName,
        userAccount,
        clientAddress,
        recordType,
        recordId,
        action,
        reason,
        fieldChanges == null ? "" : fieldChanges);
  }

  /** Column names of exports, in the order of {@link #values()}. */
  public static final List<String> COLUMNS =
      List.of(
          "revision",
          "time_utc",
          "user_id",
          "user_name",
          "user_account",
          "client",
          "record_type",
          "record_id",
          "action",
          "reason",
          "changes");

  /** The entry's values as exported, in the order of {@link #COLUMNS}. */
  public List<String> values() {
    return List.of(
        String.valueOf(revision),
        time.toString(),
        userId,
        userName,
        userAccount == null ? "" : userAccount,
        clientAddress == null ? "" : clientAddress,
        recordType,
        String.valueOf(recordId),
        action,
        reason,
        changes == null ? "" : changes);
  }
}
