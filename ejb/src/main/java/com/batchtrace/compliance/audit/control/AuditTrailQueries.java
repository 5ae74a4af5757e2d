package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.platform.RuleViolation;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Every SQL statement that reads the audit trail across record types. Native SQL, in one place,
 * because the search spans all Envers tables (the audit_trail_entry view) and the export streams
 * millions of rows through a server-side cursor, which neither JPQL nor Envers' query API can do.
 * The caller provides the transaction (a cursor lives only inside one).
 */
@ApplicationScoped
public class AuditTrailQueries {

  private static final String SELECT =
      "select r.id, r.revision_time, r.user_id, r.user_name, r.client_address, e.record_type,"
          + " e.record_id, e.revtype, r.reason, r.user_subject"
          + " from batchtrace.audit_trail_entry e join batchtrace.audit_revision r on r.id = e.rev";

  /** Rows fetched per round trip while streaming: memory stays flat whatever the result size. */
  private static final int FETCH_SIZE = 2000;

  /** The export's statement for all entries: the benchmark COPYs exactly these rows. */
  public static final String ALL_ENTRIES_OLDEST_FIRST =
      SELECT + " order by r.id, e.record_type, e.record_id";

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  /** For CDI. */
  public AuditTrailQueries() {}

  /** For tools outside the server, such as the export benchmark (bench/). */
  public AuditTrailQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** One page of entries, newest first. */
  public List<AuditEntry> page(AuditQuery query, int offset, int limit) {
    List<AuditEntry> rows = new ArrayList<>();
    Where where = where(query);
    String sql =
        SELECT + where.sql + " order by r.id desc, e.record_type, e.record_id limit ? offset ?";
    run(
        sql,
        where,
        statement -> {
          int next = where.params.size() + 1;
          statement.setInt(next, limit);
          statement.setInt(next + 1, offset);
        },
        rows::add);
    return rows;
  }

  /** How many entries match, counting no further than {@code limit}. */
  public long count(AuditQuery query, int limit) {
    Where where = where(query);
    String sql =
        "select count(*) from (select 1 from batchtrace.audit_trail_entry e"
            + " join batchtrace.audit_revision r on r.id = e.rev"
            + where.sql
            + " limit ?) matching";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      where.bind(s);
      s.setInt(where.params.size() + 1, limit);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Counting audit trail entries failed", e);
    }
  }

  /** Every entry, oldest first, handed to {@code sink} one by one through a cursor. */
  public void stream(AuditQuery query, Consumer<AuditEntry> sink) {
    Where where = where(query);
    run(
        SELECT + where.sql + " order by r.id, e.record_type, e.record_id",
        where,
        s -> s.setFetchSize(FETCH_SIZE),
        sink);
  }

  /**
   * Every revision of one record, oldest first, with the record's state after it as JSON (the
   * Envers row without its bookkeeping columns).
   */
  public List<Object[]> statesOf(AuditedRecordType type, long recordId) {
    String sql =
        "select r.id, r.revision_time, r.user_id, r.user_name, r.client_address, ?, a.id,"
            + " a.revtype, r.reason, (to_jsonb(a) - 'rev' - 'revtype' - 'revend')::text,"
            + " r.user_subject"
            + " from batchtrace."
            + type.auditTable()
            + " a join batchtrace.audit_revision r on r.id = a.rev where a.id = ? order by a.rev";
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, type.recordType());
      s.setLong(2, recordId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {entry(rs), rs.getString(10)});
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the history of a record failed", e);
    }
    return rows;
  }

  /**
   * The records that make up one batch's electronic record, by their type in the audit trail: the
   * batch, its charges, step runs, entered values, exceptions and their dispositions, equipment
   * allocations and the lots it produced. Found in the live tables (nothing is ever deleted) and
   * joined to the audit_trail_entry view. Native SQL because the view spans every Envers table and
   * the records hang off the batch through different paths, which JPQL cannot express over Envers'
   * tables.
   */
  private static final String RECORDS_OF_BATCH =
      "with b(id) as (select ?::bigint), records(record_type, record_id) as ("
          + " select 'Batch', id from b"
          + " union all select 'BatchCompletion', id from b"
          + " union all select 'LotConsumption', c.id from batchtrace.lot_consumption c, b"
          + "   where c.batch_id = b.id"
          + " union all select 'StepExecution', s.id from batchtrace.step_execution s, b"
          + "   where s.batch_id = b.id"
          + " union all select 'StepEntry', n.id from batchtrace.step_entry n"
          + "   join batchtrace.step_execution s on s.id = n.step_execution_id, b"
          + "   where s.batch_id = b.id"
          + " union all select 'BatchException', x.id from batchtrace.batch_exception x, b"
          + "   where x.batch_id = b.id"
          + " union all select 'ExceptionDisposition', d.id from batchtrace.exception_disposition d"
          + "   join batchtrace.batch_exception x on x.id = d.exception_id, b"
          + "   where x.batch_id = b.id"
          + " union all select 'EquipmentAllocation', a.id from batchtrace.equipment_allocation a,"
          + "   b where a.batch_id = b.id"
          + " union all select 'MaterialLot', l.id from batchtrace.material_lot l, b"
          + "   where l.produced_by_batch_id = b.id)";

  /**
   * The records a person names by what they know (binds the name six times): a batch number means
   * the whole batch record (as {@link #RECORDS_OF_BATCH}, with the reviews of data after the
   * decision), a lot number the lot, a material code the material, "CODE version n" that master
   * batch record, a UNS path that piece of equipment.
   */
  private static final String RECORDS_NAMED =
      "(e.record_type, e.record_id) in ("
          + " select k.record_type, k.record_id"
          + " from (select id from batchtrace.batch where batch_number = ?) b,"
          + " lateral (select 'Batch'::text, b.id"
          + "   union all select 'LotConsumption', c.id from batchtrace.lot_consumption c"
          + "     where c.batch_id = b.id"
          + "   union all select 'StepExecution', s.id from batchtrace.step_execution s"
          + "     where s.batch_id = b.id"
          + "   union all select 'StepEntry', n.id from batchtrace.step_entry n"
          + "     join batchtrace.step_execution s on s.id = n.step_execution_id"
          + "     where s.batch_id = b.id"
          + "   union all select 'BatchException', x.id from batchtrace.batch_exception x"
          + "     where x.batch_id = b.id"
          + "   union all select 'ExceptionDisposition', d.id"
          + "     from batchtrace.exception_disposition d"
          + "     join batchtrace.batch_exception x on x.id = d.exception_id where x.batch_id = b.id"
          + "   union all select 'EquipmentAllocation', a.id from batchtrace.equipment_allocation a"
          + "     where a.batch_id = b.id"
          + "   union all select 'MaterialLot', l.id from batchtrace.material_lot l"
          + "     where l.produced_by_batch_id = b.id"
          + "   union all select 'PostReleaseReview', v.id from batchtrace.post_release_review v"
          + "     where v.batch_id = b.id) k(record_type, record_id)"
          + " union all select 'MaterialLot', id from batchtrace.material_lot where lot_number = ?"
          + " union all select 'Material', id from batchtrace.material where code = ?"
          + " union all select 'MasterBatchRecord', r.id from batchtrace.master_batch_record r"
          + "   join batchtrace.material p on p.id = r.product_id"
          + "   where p.code || ' version ' || r.mbr_version = ?"
          + " union all select 'Equipment', id from batchtrace.equipment where uns_path = ?"
          + " union all select 'UnsTag', id from batchtrace.uns_tag where topic = ?)";

  /**
   * Every revision's state up to the given revisions of the given records, as JSON (the Envers row
   * without its bookkeeping columns), oldest first per record: what the export diffs to write each
   * entry's old and new values. One statement per record type for a whole chunk of entries.
   *
   * @return per record "RecordType#id", its states as [revision, JSON] in revision order
   */
  public java.util.Map<String, List<Object[]>> statesUpTo(
      java.util.Map<AuditedRecordType, java.util.Map<Long, Long>> lastRevisionById) {
    java.util.Map<String, List<Object[]>> states = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (var ofType : lastRevisionById.entrySet()) {
        if (ofType.getValue().isEmpty()) {
          continue;
        }
        long upTo = java.util.Collections.max(ofType.getValue().values());
        String sql =
            "select a.id, a.rev, (to_jsonb(a) - 'rev' - 'revtype' - 'revend')::text from batchtrace."
                + ofType.getKey().auditTable()
                + " a where a.id = any(?) and a.rev <= ? order by a.id, a.rev";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setArray(1, c.createArrayOf("bigint", ofType.getValue().keySet().toArray()));
          s.setLong(2, upTo);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              states
                  .computeIfAbsent(
                      ofType.getKey().recordType() + "#" + rs.getLong(1), k -> new ArrayList<>())
                  .add(new Object[] {rs.getLong(2), rs.getString(3)});
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the states of audited records failed", e);
    }
    return states;
  }

  /**
   * The records of the batch with this number (see {@link #RECORDS_OF_BATCH}, with the reviews of
   * data after the decision), each as "RecordType#id": what the signature register filters on for a
   * batch. Empty for an unknown number.
   */
  public java.util.Set<String> recordsOfBatchNumber(String batchNumber) {
    String sql =
        RECORDS_OF_BATCH.replace(
                "with b(id) as (select ?::bigint)",
                "with b(id) as (select id from batchtrace.batch where batch_number = ?)")
            + " select record_type || '#' || record_id from records"
            + " union all select 'PostReleaseReview#' || v.id from batchtrace.post_release_review v"
            + " join batchtrace.batch b on b.id = v.batch_id where b.batch_number = ?";
    java.util.Set<String> keys = new java.util.HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, batchNumber);
      s.setString(2, batchNumber);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the records of a batch failed", e);
    }
    return keys;
  }

  /** Every revision of the records of one batch (see {@link #RECORDS_OF_BATCH}), newest first. */
  public List<AuditEntry> ofBatch(long batchId) {
    String sql =
        RECORDS_OF_BATCH
            + " select r.id, r.revision_time, r.user_id, r.user_name, r.client_address,"
            + " e.record_type, e.record_id, e.revtype, r.reason, r.user_subject from records k"
            + " join batchtrace.audit_trail_entry e"
            + "   on e.record_type = k.record_type and e.record_id = k.record_id"
            + " join batchtrace.audit_revision r on r.id = e.rev"
            + " order by r.id desc, e.record_type, e.record_id";
    List<AuditEntry> rows = new ArrayList<>();
    run(sql, new Where(), s -> s.setLong(1, batchId), rows::add);
    return rows;
  }

  /** An exception's kind in words in SQL, as the pages write it ("Lot refused"). */
  private static final String KIND_IN_WORDS =
      "replace(upper(left(x.kind, 1)) || lower(replace(substr(x.kind, 2), '_', ' ')), 'Cpp ', 'CPP ')";

  /**
   * How people name a record of each audited type: by its business identifier (batch and lot
   * numbers, material codes, step positions), read from the live tables (nothing is deleted). One
   * statement per type, for a whole page of records at once.
   */
  private static final java.util.Map<AuditedRecordType, String> LABELS =
      new java.util.EnumMap<>(
          java.util.Map.ofEntries(
              java.util.Map.entry(
                  AuditedRecordType.EQUIPMENT,
                  "select id, name || ' (' || uns_path || ')' from batchtrace.equipment"),
              java.util.Map.entry(
                  AuditedRecordType.MATERIAL,
                  "select id, code || ' ' || name from batchtrace.material"),
              java.util.Map.entry(
                  AuditedRecordType.MATERIAL_LOT,
                  "select id, lot_number from batchtrace.material_lot"),
              java.util.Map.entry(
                  AuditedRecordType.MASTER_BATCH_RECORD,
                  "select r.id, p.code || ' version ' || r.mbr_version"
                      + " from batchtrace.master_batch_record r"
                      + " join batchtrace.material p on p.id = r.product_id"),
              java.util.Map.entry(
                  AuditedRecordType.BATCH, "select id, batch_number from batchtrace.batch"),
              java.util.Map.entry(
                  AuditedRecordType.LOT_CONSUMPTION,
                  "select c.id, 'lot ' || l.lot_number || ' into batch ' || b.batch_number"
                      + " || ' step ' || c.step_position from batchtrace.lot_consumption c"
                      + " join batchtrace.material_lot l on l.id = c.lot_id"
                      + " join batchtrace.batch b on b.id = c.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.UNS_TAG,
                  "select t.id, t.tag || ' on ' || e.uns_path from batchtrace.uns_tag t"
                      + " join batchtrace.equipment e on e.id = t.equipment_id"),
              java.util.Map.entry(
                  AuditedRecordType.EQUIPMENT_ALLOCATION,
                  "select a.id, e.name || ' for batch ' || b.batch_number || ' step '"
                      + " || a.step_position from batchtrace.equipment_allocation a"
                      + " join batchtrace.equipment e on e.id = a.equipment_id"
                      + " join batchtrace.batch b on b.id = a.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.BATCH_EXCEPTION,
                  "select x.id, "
                      + KIND_IN_WORDS
                      + " || ' on batch ' || b.batch_number"
                      + " || ' step ' || x.step_position from batchtrace.batch_exception x"
                      + " join batchtrace.batch b on b.id = x.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.STEP_EXECUTION,
                  "select s.id, 'batch ' || b.batch_number || ' step ' || s.step_position"
                      + " from batchtrace.step_execution s"
                      + " join batchtrace.batch b on b.id = s.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.STEP_ENTRY,
                  "select n.id, n.parameter || ' on batch ' || b.batch_number || ' step '"
                      + " || s.step_position from batchtrace.step_entry n"
                      + " join batchtrace.step_execution s on s.id = n.step_execution_id"
                      + " join batchtrace.batch b on b.id = s.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.EXCEPTION_DISPOSITION,
                  "select d.id, 'of the ' || lower("
                      + KIND_IN_WORDS
                      + ") || ' on batch '"
                      + " || b.batch_number || ' step ' || x.step_position"
                      + " from batchtrace.exception_disposition d"
                      + " join batchtrace.batch_exception x on x.id = d.exception_id"
                      + " join batchtrace.batch b on b.id = x.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.POST_RELEASE_REVIEW,
                  "select v.id, 'of batch ' || b.batch_number from batchtrace.post_release_review v"
                      + " join batchtrace.batch b on b.id = v.batch_id"),
              java.util.Map.entry(
                  AuditedRecordType.AUDIT_TRAIL_REVIEW,
                  "select id, 'by ' || reviewed_by from batchtrace.audit_trail_review"),
              java.util.Map.entry(
                  AuditedRecordType.ACCESS_REVIEW,
                  "select id, 'by ' || reviewed_by_name from batchtrace.access_review"),
              java.util.Map.entry(
                  AuditedRecordType.DEAD_LETTER_REPROCESSING,
                  "select r.id, 'of the dead letter on ' || d.topic"
                      + " from batchtrace.dead_letter_reprocessing r"
                      + " join batchtrace.dead_letter d on d.id = r.dead_letter_id")));

  /**
   * The business identifier of each given record (see {@link #LABELS}), keyed by type and id; a
   * record whose row cannot be found (never the case: nothing is deleted) has no label.
   */
  public java.util.Map<AuditedRecordType, java.util.Map<Long, String>> labels(
      java.util.Map<AuditedRecordType, java.util.Set<Long>> records) {
    java.util.Map<AuditedRecordType, java.util.Map<Long, String>> labels =
        new java.util.EnumMap<>(AuditedRecordType.class);
    try (Connection c = dataSource.getConnection()) {
      for (var wanted : records.entrySet()) {
        // A record type without a naming statement here stays unnamed rather than failing a page.
        if (wanted.getValue().isEmpty() || !LABELS.containsKey(wanted.getKey())) {
          continue;
        }
        java.util.Map<Long, String> ofType = new java.util.HashMap<>();
        String sql =
            "select * from (" + LABELS.get(wanted.getKey()) + ") labelled where id = any(?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
          s.setArray(1, c.createArrayOf("bigint", wanted.getValue().toArray()));
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              ofType.put(rs.getLong(1), rs.getString(2));
            }
          }
        }
        labels.put(wanted.getKey(), ofType);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Naming audited records failed", e);
    }
    return labels;
  }

  private void run(String sql, Where where, StatementSetup setup, Consumer<AuditEntry> sink) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      where.bind(s);
      setup.apply(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          sink.accept(entry(rs));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the audit trail failed", e);
    }
  }

  /**
   * An entry from the first nine columns, in the order every query here selects them, and the
   * person's account id (column user_subject, selected last).
   */
  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString("user_subject"),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        action(rs.getInt(8)),
        rs.getString(9));
  }

  static String action(int revtype) {
    return switch (revtype) {
      case 0 -> "CREATED";
      case 1 -> "MODIFIED";
      case 2 -> "DELETED";
      default -> "UNKNOWN(" + revtype + ")";
    };
  }

  private static int revtype(String action) {
    return switch (action) {
      case "CREATED" -> 0;
      case "MODIFIED" -> 1;
      case "DELETED" -> 2;
      default ->
          throw new RuleViolation(
              "Action '" + action + "' is not known; use CREATED, MODIFIED or DELETED.");
    };
  }

  /** Only the criteria that are set become SQL, so PostgreSQL plans each search for its filters. */
  private static Where where(AuditQuery q) {
    Where w = new Where();
    if (q.from() != null) {
      w.add("r.revision_time >= ?", q.from().atOffset(ZoneOffset.UTC));
    }
    if (q.to() != null) {
      w.add("r.revision_time < ?", q.to().atOffset(ZoneOffset.UTC));
    }
    if (q.userId() != null) {
      w.add("r.user_id = ?", q.userId());
    }
    if (q.recordType() != null) {
      w.add("e.record_type = ?", AuditedRecordType.of(q.recordType()).recordType());
    }
    if (q.recordId() != null) {
      w.add("e.record_id = ?", q.recordId());
    }
    if (q.action() != null) {
      w.add("e.revtype = ?", revtype(q.action()));
    }
    if (q.record() != null) {
      w.add(RECORDS_NAMED, q.record(), 6);
    }
    return w;
  }

  private interface StatementSetup {
    void apply(PreparedStatement s) throws SQLException;
  }

  private static final class Where {
    private String sql = "";
    private final List<Object> params = new ArrayList<>();

    void add(String condition, Object param) {
      add(condition, param, 1);
    }

    /** A condition that binds the same value {@code times} times. */
    void add(String condition, Object param, int times) {
      sql += (sql.isEmpty() ? " where " : " and ") + condition;
      for (int i = 0; i < times; i++) {
        params.add(param);
      }
    }

    void bind(PreparedStatement s) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
    }
  }
}
