package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CSV: '#' comment lines say what the export is, then the checksummed rows, then '#' lines with the
 * row count and the checksum. Dropping the '#' lines leaves exactly the checksummed bytes.
 */
public final class CsvExportWriter implements ExportWriter {

  private final OutputStream out;
  private final byte[] headerLine;

  /**
   * @param headerLine the checksummed column header line (UTF-8, with its CRLF)
   */
  public CsvExportWriter(OutputStream out, byte[] headerLine) {
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.headerLine = headerLine;
  }

  @Override
  public void begin(ExportHeader h) throws IOException {
    comment("Batchtrace audit trail export");
    comment("Filter: " + h.filter());
    comment("Exported by: " + h.exportedByName() + " (" + h.exportedBy() + ")");
    comment("Exported at (UTC): " + h.exportedAt());
    comment(
        "Revision chain head at export: position "
            + h.chainHead().position()
            + ", SHA-256 "
            + h.chainHead().sha256());
    comment("Checksum at the end: " + ExportHeader.CHECKSUM_RULE + ", i.e. the lines without '#'");
    out.write(headerLine);
  }

  @Override
  public void row(AuditEntry entry, byte[] csvLine) throws IOException {
    out.write(csvLine);
  }

  @Override
  public void end(ExportResult result) throws IOException {
    comment("Rows: " + result.rows());
    comment("SHA-256: " + result.sha256());
    out.flush();
  }

  private void comment(String text) throws IOException {
    String line = "# " + text.replace('\r', ' ').replace('\n', ' ') + "\r\n";
    out.write(line.getBytes(StandardCharsets.UTF_8));
  }
}
