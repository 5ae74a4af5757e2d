package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.compliance.audit.control.AuditTrailQueries;
import com.batchtrace.compliance.audit.control.AuditedRecordType;
import com.batchtrace.compliance.audit.control.CsvExportWriter;
import com.batchtrace.compliance.audit.control.ExportSeal;
import com.batchtrace.compliance.audit.control.ExportWriter;
import com.batchtrace.compliance.audit.control.JsonExportWriter;
import com.batchtrace.compliance.audit.control.PdfExportWriter;
import com.batchtrace.compliance.integrity.boundary.ChainHead;
import com.batchtrace.compliance.integrity.boundary.Checkpoints;
import com.batchtrace.compliance.integrity.boundary.CheckpointsUnavailable;
import com.batchtrace.compliance.integrity.boundary.IntegrityCheck;
import com.batchtrace.compliance.integrity.boundary.SignedCheckpoint;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RowChecksum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Exports an audit trail search as CSV, PDF or JSON, streamed: rows go from a database cursor
 * straight to the output, so memory does not grow with the size of the export. Each export states
 * its filter, exporter, time and the revision chain head, ends with the row count and checksum, and
 * is itself recorded as a security event. Each export takes a signed checkpoint of the chains first
 * and carries it, and ends with a seal signed with the same key over its header and rows: the
 * offline verifier (verify/) checks both with the public key alone.
 */
@ApplicationScoped
public class AuditExport {

  /** Seconds an export's read transaction may stay open (a million rows as PDF takes minutes). */
  private static final int EXPORT_TIMEOUT_SECONDS = 3600;

  @Inject AuditTrailQueries queries;

  @Inject IntegrityCheck integrityCheck;

  @Inject SecurityLog securityLog;

  @Inject CurrentActor currentActor;

  @Inject UserTransaction transaction;

  @Inject Clock clock;

  @Inject Checkpoints checkpoints;

  public ExportResult export(AuditQuery query, ExportFormat format, OutputStream out) {
    currentActor.require(Roles.AUDITOR);
    Actor exporter = currentActor.get();
    SignedCheckpoint checkpoint = checkpoint(format, query, exporter);
    ChainHead head =
        checkpoint == null
            ? integrityCheck.heads().stream()
                .filter(h -> h.chain().equals("revision"))
                .findFirst()
                .orElseThrow()
            : checkpoint
                .chain("revision")
                .map(c -> new ChainHead(c.chain(), c.position(), c.sha256()))
                .orElseThrow();
    RowChecksum checksum = new RowChecksum();
    ExportSeal.Digests digests = new ExportSeal.Digests();
    byte[] headerLine = checksum.header(AuditEntry.COLUMNS);
    ExportWriter writer =
        switch (format) {
          case CSV -> new CsvExportWriter(out, headerLine);
          case PDF -> new PdfExportWriter(out);
          case JSON -> new JsonExportWriter(out);
        };
    try {
      ExportHeader header =
          new ExportHeader(
              query.describe(),
              exporter.userId(),
              exporter.displayName(),
              clock.instant(),
              head,
              checkpoint == null ? null : checkpoint.text());
      writer.begin(header);
      java.util.function.Consumer<AuditEntry> write =
          entry -> {
            try {
              List<String> values = entry.values();
              digests.row(values);
              writer.row(entry, checksum.row(values));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          };
      // Entries go out in chunks, each with its old and new values read for the whole chunk.
      List<AuditEntry> chunk = new java.util.ArrayList<>(CHUNK);
      streamInTransaction(
          query,
          entry -> {
            chunk.add(entry);
            if (chunk.size() == CHUNK) {
              withChanges(chunk).forEach(write);
              chunk.clear();
            }
          });
      withChanges(chunk).forEach(write);
      ExportResult result = new ExportResult(checksum.rows(), checksum.hex());
      writer.end(result, seal(format, checkpoint, header, result, digests));
      securityLog.record(
          SecurityEventKind.EXPORT,
          format
              + " export of "
              + result.rows()
              + " audit trail entries ("
              + query.describe()
              + "), SHA-256 "
              + result.sha256());
      return result;
    } catch (IOException | UncheckedIOException e) {
      securityLog.record(
          SecurityEventKind.EXPORT,
          format + " export (" + query.describe() + ") broke off: " + e.getMessage());
      throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
    }
  }

  /** The signed checkpoint this export carries; null (and said so) without a checkpoint key. */
  private SignedCheckpoint checkpoint(ExportFormat format, AuditQuery query, Actor exporter) {
    try {
      return checkpoints.take(
          format
              + " audit trail export ("
              + query.describe()
              + ") by "
              + exporter.displayName()
              + " ("
              + exporter.userId()
              + ")");
    } catch (CheckpointsUnavailable noKey) {
      return null;
    }
  }

  private String seal(
      ExportFormat format,
      SignedCheckpoint checkpoint,
      ExportHeader header,
      ExportResult result,
      ExportSeal.Digests digests) {
    if (checkpoint == null) {
      return null;
    }
    String unsigned =
        ExportSeal.unsigned(
            format.name(),
            checkpoint.sequence(),
            checkpoint.text(),
            header,
            AuditEntry.COLUMNS,
            result,
            digests,
            checkpoints.keyId());
    return ExportSeal.signed(unsigned, checkpoints.sign(unsigned.getBytes(StandardCharsets.UTF_8)));
  }

  /** Entries whose changes are read at once: one statement per record type and chunk. */
  static final int CHUNK = 1000;

  /**
   * The entries with what each revision changed, field by field with old and new value as stored
   * (the state after the revision compared with the state after the record's revision before it).
   */
  private List<AuditEntry> withChanges(List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    java.util.Map<AuditedRecordType, java.util.Map<Long, Long>> wanted =
        new java.util.EnumMap<>(AuditedRecordType.class);
    List<String> known = AuditedRecordType.names();
    for (AuditEntry e : entries) {
      if (known.contains(e.recordType())) {
        wanted
            .computeIfAbsent(AuditedRecordType.of(e.recordType()), t -> new java.util.HashMap<>())
            .merge(e.recordId(), e.revision(), Math::max);
      }
    }
    java.util.Map<String, List<Object[]>> states = queries.statesUpTo(wanted);
    List<AuditEntry> filled = new java.util.ArrayList<>(entries.size());
    for (AuditEntry e : entries) {
      filled.add(e.withChanges(changes(states.get(e.recordType() + "#" + e.recordId()), e)));
    }
    return filled;
  }

  /** "field: old → new; ..." of the entry's revision, from the record's states in order. */
  static String changes(List<Object[]> states, AuditEntry entry) {
    if (states == null) {
      return "";
    }
    jakarta.json.JsonObject before = jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
    for (Object[] state : states) {
      jakarta.json.JsonObject after;
      try (var reader =
          jakarta.json.Json.createReader(new java.io.StringReader((String) state[1]))) {
        after = reader.readObject();
      }
      if ((Long) state[0] == entry.revision()) {
        return AuditSearch.diff(before, after).stream()
            .map(
                f ->
                    f.field()
                        + ": "
                        + (f.oldValue() == null ? "" : f.oldValue())
                        + " → "
                        + (f.newValue() == null ? "" : f.newValue()))
            .collect(java.util.stream.Collectors.joining("; "));
      }
      before = after;
    }
    return "";
  }

  /** A read-only transaction of its own, long enough for big exports (a cursor needs one). */
  private void streamInTransaction(AuditQuery query, java.util.function.Consumer<AuditEntry> sink) {
    try {
      transaction.setTransactionTimeout(EXPORT_TIMEOUT_SECONDS);
      transaction.begin();
      try {
        queries.stream(query, sink);
      } finally {
        if (transaction.getStatus() == Status.STATUS_ACTIVE) {
          transaction.commit();
        } else {
          transaction.rollback();
        }
        transaction.setTransactionTimeout(0);
      }
    } catch (RuntimeException e) {
      rollbackQuietly();
      throw e;
    } catch (Exception e) {
      rollbackQuietly();
      throw new IllegalStateException("The export transaction failed", e);
    }
  }

  private void rollbackQuietly() {
    try {
      if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (SystemException | IllegalStateException ignored) {
      // the original failure is what matters
    }
  }
}
