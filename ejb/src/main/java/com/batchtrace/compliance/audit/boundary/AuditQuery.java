package com.batchtrace.compliance.audit.boundary;

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
 */
public record AuditQuery(
    Instant from, Instant to, String userId, String recordType, Long recordId, String action) {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null);

  public AuditQuery {
    userId = blankToNull(userId);
    recordType = blankToNull(recordType);
    action = blankToNull(action);
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
    return parts.isEmpty() ? "all entries" : String.join(", ", parts);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
