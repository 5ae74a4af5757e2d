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

  /**
   * The business identifier of each entry's record (a batch number, a lot number, "batch B-1 step
   * 2"), keyed by {@link #key}: what pages show instead of the database id.
   */
  public java.util.Map<String, String> labels(java.util.Collection<AuditEntry> entries) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    java.util.Map<AuditedRecordType, java.util.Set<Long>> wanted =
        new java.util.EnumMap<>(AuditedRecordType.class);
    java.util.List<String> known = AuditedRecordType.names();
    for (AuditEntry e : entries) {
      if (known.contains(e.recordType())) {
        wanted
            .computeIfAbsent(AuditedRecordType.of(e.recordType()), t -> new java.util.HashSet<>())
            .add(e.recordId());
      }
    }
    return keyed(queries.labels(wanted));
  }

  /**
   * The business identifiers of records given by type name and id (e.g. the records of a page of
   * signatures), keyed by {@link #key}; a type without an audit trail has no labels.
   */
  public java.util.Map<String, String> labelsOf(java.util.Map<String, java.util.Set<Long>> ids) {
    actor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    java.util.Map<AuditedRecordType, java.util.Set<Long>> wanted =
        new java.util.EnumMap<>(AuditedRecordType.class);
    ids.forEach(
        (type, ofType) -> {
          if (AuditedRecordType.names().contains(type)) {
            wanted.put(AuditedRecordType.of(type), ofType);
          }
        });
    return keyed(queries.labels(wanted));
  }

  /** The key of a record in {@link #labels}. */
  public static String key(String recordType, long recordId) {
    return recordType + "#" + recordId;
  }

  /**
   * The fields of audited records that point to another record (foreign keys), with the type of
   * record they point to: the history shows that record's business identifier, not its id.
   */
  private static final java.util.Map<String, AuditedRecordType> POINTERS =
      java.util.Map.ofEntries(
          java.util.Map.entry("line_id", AuditedRecordType.EQUIPMENT),
          java.util.Map.entry("equipment_id", AuditedRecordType.EQUIPMENT),
          java.util.Map.entry("parent_id", AuditedRecordType.EQUIPMENT),
          java.util.Map.entry("product_id", AuditedRecordType.MATERIAL),
          java.util.Map.entry("material_id", AuditedRecordType.MATERIAL),
          java.util.Map.entry("batch_id", AuditedRecordType.BATCH),
          java.util.Map.entry("produced_by_batch_id", AuditedRecordType.BATCH),
          java.util.Map.entry("lot_id", AuditedRecordType.MATERIAL_LOT),
          java.util.Map.entry("master_batch_record_id", AuditedRecordType.MASTER_BATCH_RECORD),
          java.util.Map.entry("step_execution_id", AuditedRecordType.STEP_EXECUTION),
          java.util.Map.entry("exception_id", AuditedRecordType.BATCH_EXCEPTION),
          java.util.Map.entry("allocation_id", AuditedRecordType.EQUIPMENT_ALLOCATION),
          java.util.Map.entry("tag_id", AuditedRecordType.UNS_TAG),
          java.util.Map.entry("correction_of", AuditedRecordType.STEP_ENTRY));

  /**
   * As {@link #history}, for people: a field that points to another record shows that record's
   * business identifier (a line's name and UNS path, a batch number) instead of its id.
   */
  public List<RecordChange> historyInWords(String recordType, long recordId) {
    List<RecordChange> history = history(recordType, recordId);
    java.util.Map<AuditedRecordType, java.util.Set<Long>> wanted =
        new java.util.EnumMap<>(AuditedRecordType.class);
    for (RecordChange change : history) {
      for (FieldChange f : change.changes()) {
        AuditedRecordType target = POINTERS.get(f.field());
        if (target != null) {
          for (String v : java.util.Arrays.asList(f.oldValue(), f.newValue())) {
            if (v != null && v.matches("\\d{1,18}")) {
              wanted.computeIfAbsent(target, t -> new java.util.HashSet<>()).add(Long.valueOf(v));
            }
          }
        }
      }
    }
    java.util.Map<String, String> labels = keyed(queries.labels(wanted));
    List<RecordChange> named = new ArrayList<>();
    for (RecordChange change : history) {
      List<FieldChange> fields = new ArrayList<>();
      for (FieldChange f : change.changes()) {
        AuditedRecordType target = POINTERS.get(f.field());
        fields.add(
            target == null
                ? f
                : new FieldChange(
                    f.field(),
                    named(labels, target, f.oldValue()),
                    named(labels, target, f.newValue())));
      }
      named.add(new RecordChange(change.entry(), fields));
    }
    return named;
  }

  private static String named(
      java.util.Map<String, String> labels, AuditedRecordType type, String id) {
    if (id == null) {
      return null;
    }
    return labels.getOrDefault(
        key(type.recordType(), id.matches("\\d{1,18}") ? Long.parseLong(id) : -1), id);
  }

  private static java.util.Map<String, String> keyed(
      java.util.Map<AuditedRecordType, java.util.Map<Long, String>> labels) {
    java.util.Map<String, String> keyed = new java.util.HashMap<>();
    labels.forEach(
        (type, ofType) ->
            ofType.forEach((id, label) -> keyed.put(key(type.recordType(), id), label)));
    return keyed;
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

  /**
   * The records of the batch with this number, each as "RecordType#id" (empty for an unknown
   * number): what the signature register filters on for a batch. The caller checks who may ask.
   */
  public java.util.Set<String> recordsOfBatchNumber(String batchNumber) {
    return queries.recordsOfBatchNumber(batchNumber);
  }
}
