package com.batchtrace.web.audit;

import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.platform.RuleViolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads an audit trail search from request parameters, for the REST API and the export link. */
public final class AuditQueryParameters {

  public static final int MAX_PAGE = 500;

  private AuditQueryParameters() {}

  public static AuditQuery query(
      String from, String to, String user, String recordType, String recordId, String action) {
    return new AuditQuery(
        instant("from", from), instant("to", to), user, recordType, id(recordId), action);
  }

  /** As above, with what people know a record by (a batch or lot number; see AuditQuery). */
  public static AuditQuery query(
      String from,
      String to,
      String user,
      String recordType,
      String recordId,
      String action,
      String record) {
    return new AuditQuery(
        instant("from", from), instant("to", to), user, recordType, id(recordId), action, record);
  }

  static Long id(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new RuleViolation("'recordId' must be a whole number, not '" + value + "'.");
    }
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "'"
              + name
              + "' must be an ISO-8601 UTC time such as 2026-11-25T08:00:00Z, not '"
              + value
              + "'.");
    }
  }

  public static int offset(int offset) {
    if (offset < 0) {
      throw new RuleViolation("'offset' cannot be negative.");
    }
    return offset;
  }

  public static int limit(int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new RuleViolation("'limit' must be between 1 and " + MAX_PAGE + ".");
    }
    return limit;
  }
}
