package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;

/**
 * PDF (OpenPDF), landscape A4: the header block, the rows in a table whose column headings repeat
 * on every page, and the footer block with row count and checksum; "page x of y" on every page. The
 * table is handed to the document every few hundred rows, so finished pages are written out and
 * memory stays flat.
 */
public final class PdfExportWriter implements ExportWriter {

  private static final int FLUSH_EVERY = 500;
  private static final float[] WIDTHS = {6, 14, 8, 11, 8, 10, 6, 8, 29};

  private final Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
  private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
  private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
  private final Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
  private final OutputStream out;
  private PdfPTable table;
  private int pending;

  public PdfExportWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void begin(ExportHeader h) {
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(new PageNumbers());
    document.addTitle("Batchtrace audit trail export");
    document.open();
    document.add(
        new Paragraph(
            "Batchtrace audit trail export", FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14)));
    document.add(new Paragraph("Filter: " + h.filter(), text));
    document.add(
        new Paragraph("Exported by: " + h.exportedByName() + " (" + h.exportedBy() + ")", text));
    document.add(new Paragraph("Exported at (UTC): " + h.exportedAt(), text));
    document.add(
        new Paragraph(
            "Revision chain head at export: position "
                + h.chainHead().position()
                + ", SHA-256 "
                + h.chainHead().sha256(),
            text));
    document.add(new Paragraph("Checksum at the end: " + ExportHeader.CHECKSUM_RULE + ".", text));
    document.add(new Paragraph(" ", text));
    table = newTable();
  }

  @Override
  public void row(AuditEntry entry, byte[] csvLine) {
    for (String value : entry.values()) {
      table.addCell(new Phrase(value, small));
    }
    if (++pending >= FLUSH_EVERY) {
      document.add(table);
      pending = 0;
    }
  }

  @Override
  public void end(ExportResult result) {
    table.setComplete(true);
    document.add(table);
    document.add(new Paragraph(" ", text));
    document.add(new Paragraph("Rows: " + result.rows(), text));
    document.add(new Paragraph("SHA-256: " + result.sha256(), text));
    document.close();
  }

  private PdfPTable newTable() {
    PdfPTable t = new PdfPTable(WIDTHS);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    t.setComplete(false);
    for (String column : AuditEntry.COLUMNS) {
      PdfPCell cell = new PdfPCell(new Phrase(column, bold));
      cell.setGrayFill(0.9f);
      t.addCell(cell);
    }
    return t;
  }

  /** "Page x of y": y is a template filled in when the document closes. */
  private final class PageNumbers extends PdfPageEventHelper {
    private PdfTemplate total;

    @Override
    public void onOpenDocument(PdfWriter writer, Document doc) {
      total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document doc) {
      PdfContentByte canvas = writer.getDirectContent();
      String label = "Page " + writer.getPageNumber() + " of ";
      float x = doc.right() - 60;
      float y = doc.bottom() - 18;
      ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(label, small), x, y, 0);
      canvas.addTemplate(total, x + ColumnText.getWidth(new Phrase(label, small)) + 2, y);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document doc) {
      ColumnText.showTextAligned(
          total,
          Element.ALIGN_LEFT,
          new Phrase(String.valueOf(writer.getPageNumber() - 1), small),
          0,
          0,
          0);
    }
  }
}
