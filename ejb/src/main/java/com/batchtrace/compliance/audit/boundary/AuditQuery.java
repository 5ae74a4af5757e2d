package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.platform.ListFilter;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A search of the audit trail; every criterion is optional.
 *
 * @param from revisions at or after this time (UTC)
 * @param to revisions before this time (UTC)
 * @param userId who made the change
 * @param recordType e.g. {@code Equipment}
 * @param recordId the record's id
 * @param action CREATED, MODIFIED or DELETED
 * @param record what people know a record by: a batch number (the whole batch record: the batch,
 *     its step runs, values and their corrections, lot charges, exceptions, dispositions, equipment
 *     allocations, produced lots and reviews of data after the decision), a lot number, a material
 *     code, a master batch record as "code version n", or an equipment's UNS path
 */
public record AuditQuery(
    Instant from,
    Instant to,
    String userId,
    String recordType,
    Long recordId,
    String action,
    String record)
    implements Serializable {

  /** Longest business identifier searched for (a UNS path is the longest, 700 characters). */
  public static final int MAX_RECORD_LENGTH = 700;

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null);

  public AuditQuery {
    userId = blankToNull(userId);
    recordType = blankToNull(recordType);
    action = blankToNull(action);
    record = blankToNull(record);
    ListFilter.timesPlausible(from, to);
    if (record != null && record.length() > MAX_RECORD_LENGTH) {
      throw new com.batchtrace.platform.RuleViolation(
          "A batch, lot, material, master record or equipment is named in at most "
              + MAX_RECORD_LENGTH
              + " characters.");
    }
  }

  /** A search without a business identifier (the REST API's and older export links' criteria). */
  public AuditQuery(
      Instant from, Instant to, String userId, String recordType, Long recordId, String action) {
    this(from, to, userId, recordType, recordId, action, null);
  }

  /** The criteria in words, for export headers and the security event log. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (from != null) {
      parts.add("from " + from);
    }
    if (to != null) {
      parts.add("before " + to);
    }
    if (userId != null) {
      parts.add("user " + userId);
    }
    if (recordType != null) {
      parts.add("record type " + recordType);
    }
    if (recordId != null) {
      parts.add("record id " + recordId);
    }
    if (action != null) {
      parts.add("action " + action);
    }
    if (record != null) {
      parts.add("record " + record);
    }
    return parts.isEmpty() ? "all entries" : String.join(", ", parts);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
