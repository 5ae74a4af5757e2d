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
    if (h.signedCheckpoint() == null) {
      comment(ExportHeader.CSV_CHECKPOINT_PREFIX + "none (no checkpoint key is configured)");
    } else {
      comment(
          "The chains' signed checkpoint and, at the end, the export's signed seal: check them"
              + " with batchtrace-verify.jar and the checkpoint public key");
      for (String line : h.signedCheckpoint().split("\n")) {
        comment(ExportHeader.CSV_CHECKPOINT_PREFIX + line);
      }
    }
    out.write(headerLine);
  }

  @Override
  public void row(AuditEntry entry, byte[] csvLine) throws IOException {
    out.write(csvLine);
  }

  @Override
  public void end(ExportResult result, String seal) throws IOException {
    comment("Rows: " + result.rows());
    comment("SHA-256: " + result.sha256());
    if (seal != null) {
      for (String line : seal.split("\n")) {
        comment(ExportHeader.CSV_SEAL_PREFIX + line);
      }
    }
    out.flush();
  }

  private void comment(String text) throws IOException {
    String line = "# " + text.replace('\r', ' ').replace('\n', ' ') + "\r\n";
    out.write(line.getBytes(StandardCharsets.UTF_8));
  }
}
