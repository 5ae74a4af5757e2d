package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.compliance.audit.control.AuditTrailQueries;
import com.batchtrace.compliance.audit.control.AuditedRecordType;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The auditor's reading of the audit trail: search across record types and field-level history. */
@ApplicationScoped
public class AuditSearch {

  @Inject AuditTrailQueries queries;

  @Inject CurrentActor actor;

  /**
   * Counting stops here: on millions of revisions an exact count of a broad search costs a second,
   * while the first pages come back in milliseconds. Beyond it the auditor narrows the criteria
   * (usually the time range).
   */
  public static final int COUNT_CAP = 10_000;

  /** One page of matching entries, newest first, with the (capped) count. */
  public Page<AuditEntry> search(AuditQuery query, int offset, int limit) {
    long count = count(query);
    return new Page<>(rows(query, offset, limit), Math.min(count, COUNT_CAP), count <= COUNT_CAP);
  }

  /** How many entries match, counting at most {@link #COUNT_CAP} + 1. */
  public long count(AuditQuery query) {
    actor.require(Roles.AUDITOR);
    return queries.count(query, COUNT_CAP + 1);
  }

  /** One page of matching entries, newest first. */
  public List<AuditEntry> rows(AuditQuery query, int offset, int limit) {
    actor.require(Roles.AUDITOR);
    return queries.page(query, offset, limit);
  }

  /**
   * The audit trail of one batch, newest first (as the search shows entries): every revision of the
   * batch and of the records that make up its electronic record (charges, step runs, values,
   * exceptions, dispositions, equipment allocations, produced lots). QA reads it on the batch
   * review page, auditors anywhere.
   */
  public List<AuditEntry> ofBatch(long batchId) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    return queries.ofBatch(batchId);
  }

  /** The record types that have an audit trail, for search forms. */
  public List<String> recordTypes() {
    return AuditedRecordType.names();
  }

  /**
   * Every revision of one record, oldest first, each with the fields it changed (old and new
   * value); a creation lists every field it set.
   */
  public List<RecordChange> history(String recordType, long recordId) {
    actor.require(Roles.AUDITOR);
    List<RecordChange> changes = new ArrayList<>();
    JsonObject before = JsonValue.EMPTY_JSON_OBJECT;
    for (Object[] row : queries.statesOf(AuditedRecordType.of(recordType), recordId)) {
      JsonObject after = parse((String) row[1]);
      changes.add(new RecordChange((AuditEntry) row[0], diff(before, after)));
      before = after;
    }
    return changes;
  }

  static List<FieldChange> diff(JsonObject before, JsonObject after) {
    List<FieldChange> fields = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    for (String name : names) {
      String old = text(before.get(name));
      String now = text(after.get(name));
      if (!Objects.equals(old, now)) {
        fields.add(new FieldChange(name, old, now));
      }
    }
    return fields;
  }

  private static String text(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
