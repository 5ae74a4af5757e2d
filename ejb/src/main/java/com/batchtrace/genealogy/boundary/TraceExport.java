package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.audit.boundary.ExportFormat;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.PdfTable;
import com.batchtrace.platform.RowChecksum;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Exports a genealogy trace as CSV or PDF for QA: what was traced, by whom and when (the site's
 * time), the lots reached, the row count and the checksum of the rows (the same in both formats,
 * see {@link RowChecksum}). Each export is recorded as a security event. A trace is held in memory
 * anyway (the page shows it), so nothing here streams.
 */
@ApplicationScoped
public class TraceExport {

  /** Column names of exports, in the order of {@link #values(TracedLot)}. */
  public static final List<String> COLUMNS =
      List.of("lot", "material", "kind", "status", "expiry", "produced_by_batch");

  private static final String TITLE = "Batchtrace genealogy trace";

  private static final float[] PDF_WIDTHS = {18, 16, 12, 12, 10, 32};

  @Inject GenealogyService genealogy;

  @Inject SecurityLog securityLog;

  @Inject CurrentActor currentActor;

  @Inject Clock clock;

  /**
   * Writes the trace from the lot, in {@code direction}, as CSV or PDF.
   *
   * @param finishedOnly a forward trace with finished lots only (the recall impact)
   */
  public ExportResult export(
      String lotNumber,
      String direction,
      boolean finishedOnly,
      ExportFormat format,
      OutputStream out) {
    currentActor.require(Roles.QA_REVIEWER);
    if (format == ExportFormat.JSON) {
      throw new RuleViolation(
          "A trace exports as CSV or PDF; as JSON it is GET /api/v1/lots/{id}/trace.");
    }
    Trace trace = genealogy.traceByNumber(lotNumber, direction);
    boolean recall = finishedOnly && trace.forward();
    String what =
        (trace.forward() ? "forward" : "backward")
            + " trace from lot "
            + trace.start().lotNumber()
            + (recall ? ", finished lots only" : "");
    List<List<String>> rows = trace.lots(finishedOnly).stream().map(TraceExport::values).toList();
    RowChecksum checksum = new RowChecksum();
    byte[] header = checksum.header(COLUMNS);
    List<byte[]> csvLines = rows.stream().map(checksum::row).toList();
    ExportResult result = new ExportResult(checksum.rows(), checksum.hex());
    List<String> about = about(trace, recall, currentActor.get());
    List<String> footer = List.of("Rows: " + result.rows(), "SHA-256: " + result.sha256());
    try {
      if (format == ExportFormat.PDF) {
        PdfTable pdf = new PdfTable(out, COLUMNS, PDF_WIDTHS);
        pdf.begin(TITLE, about);
        rows.forEach(pdf::row);
        pdf.end(footer);
      } else {
        OutputStream csv = new BufferedOutputStream(out);
        comments(csv, List.of(TITLE));
        comments(csv, about);
        csv.write(header);
        for (byte[] line : csvLines) {
          csv.write(line);
        }
        comments(csv, footer);
        csv.flush();
      }
    } catch (IOException | RuntimeException e) {
      securityLog.record(
          SecurityEventKind.EXPORT, format + " export of the " + what + " broke off: " + e);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
    securityLog.record(
        SecurityEventKind.EXPORT,
        format
            + " export of the "
            + what
            + ": "
            + result.rows()
            + " lots, SHA-256 "
            + result.sha256());
    return result;
  }

  private List<String> about(Trace trace, boolean recall, Actor exporter) {
    LotView start = trace.start();
    return List.of(
        "Start lot: "
            + start.lotNumber()
            + " ("
            + start.materialCode()
            + " "
            + start.materialName()
            + "), "
            + start.status(),
        "Direction: "
            + (trace.forward()
                ? "forward, every lot made from it (where it went)"
                : "backward, every lot that went into it")
            + (recall ? ", finished lots only" : ""),
        "Exported by: " + exporter.displayName() + " (" + exporter.userId() + ")",
        "Exported at: " + SiteZone.format(clock.instant()) + " (" + SiteZone.zone().getId() + ")",
        "Checksum at the end: " + RowChecksum.RULE + ".");
  }

  /** A lot's values as exported, in the order of {@link #COLUMNS}. */
  private static List<String> values(TracedLot lot) {
    return List.of(
        lot.lotNumber(),
        lot.materialCode(),
        lot.materialKind(),
        lot.status(),
        lot.expiry() == null ? "" : lot.expiry().toString(),
        lot.producedByBatch() == null ? "" : lot.producedByBatch());
  }

  /** '#' lines: dropping them leaves exactly the checksummed bytes. */
  private static void comments(OutputStream out, List<String> lines) throws IOException {
    for (String text : lines) {
      String line = "# " + text.replace('\r', ' ').replace('\n', ' ') + "\r\n";
      out.write(line.getBytes(StandardCharsets.UTF_8));
    }
  }
}
