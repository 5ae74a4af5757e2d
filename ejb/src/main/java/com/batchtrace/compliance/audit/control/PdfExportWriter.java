package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.batchtrace.platform.PdfTable;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * PDF, in the layout every PDF export shares ({@link PdfTable}): the header block, the rows, and
 * the footer block with row count and checksum.
 */
public final class PdfExportWriter implements ExportWriter {

  private static final float[] WIDTHS = {5, 11, 6, 8, 8, 6, 8, 5, 6, 15, 22};

  private final PdfTable pdf;

  public PdfExportWriter(OutputStream out) {
    this.pdf = new PdfTable(out, AuditEntry.COLUMNS, WIDTHS);
  }

  @Override
  public void begin(ExportHeader h) {
    pdf.begin(
        "Batchtrace audit trail export",
        List.of(
            "Filter: " + h.filter(),
            "Exported by: " + h.exportedByName() + " (" + h.exportedBy() + ")",
            "Exported at (UTC): " + h.exportedAt(),
            "Revision chain head at export: position "
                + h.chainHead().position()
                + ", SHA-256 "
                + h.chainHead().sha256(),
            "Checksum at the end: " + ExportHeader.CHECKSUM_RULE + ".",
            h.signedCheckpoint() == null
                ? "Signed checkpoint: none (no checkpoint key is configured)."
                : "Signed checkpoint of the chains and signed seal of this export: attached ("
                    + ExportHeader.PDF_CHECKPOINT_FILE
                    + ", "
                    + ExportHeader.PDF_SEAL_FILE
                    + "); check them with batchtrace-verify.jar."));
    if (h.signedCheckpoint() != null) {
      pdf.attach(
          ExportHeader.PDF_CHECKPOINT_FILE,
          "Signed checkpoint of the chains",
          h.signedCheckpoint().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public void row(AuditEntry entry, byte[] csvLine) {
    pdf.row(entry.values());
  }

  @Override
  public void end(ExportResult result, String seal) {
    if (seal != null) {
      pdf.attach(
          ExportHeader.PDF_SEAL_FILE,
          "Signed seal of this export",
          seal.getBytes(StandardCharsets.UTF_8));
    }
    pdf.end(List.of("Rows: " + result.rows(), "SHA-256: " + result.sha256()));
  }
}
