package com.batchtrace.platform;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.util.List;

/**
 * A PDF export of one table (OpenPDF), landscape A4, the same for every export: the title and lines
 * saying what the export is, the rows in a table whose column headings repeat on every page, the
 * closing lines (row count, checksum), and "page x of y" on every page ({@link PdfPageNumbers}).
 * Every few hundred rows the table so far is handed to the document, so finished pages are written
 * out and memory stays flat; the next rows start a table of their own on a new page.
 */
public final class PdfTable {

  private static final int FLUSH_EVERY = 500;

  private final Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 36);
  private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
  private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
  private final Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
  private final OutputStream out;
  private final List<String> columns;
  private final float[] widths;
  private PdfWriter writer;
  private PdfPTable table;
  private int pending;

  /**
   * @param columns the column headings
   * @param widths the columns' relative widths
   */
  public PdfTable(OutputStream out, List<String> columns, float[] widths) {
    if (columns.size() != widths.length) {
      throw new IllegalArgumentException("A width for each column, and no more");
    }
    this.out = out;
    this.columns = List.copyOf(columns);
    this.widths = widths.clone();
  }

  /** Opens the document with the title and the lines that say what it is. */
  public void begin(String title, List<String> lines) {
    writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(new PdfPageNumbers());
    document.addTitle(title);
    document.open();
    document.add(new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14)));
    lines.forEach(line -> document.add(new Paragraph(line, text)));
    document.add(new Paragraph(" ", text));
    table = newTable();
  }

  /**
   * A table of its own for every few hundred rows, its column headings repeated on each of its
   * pages. OpenPDF's incomplete tables (added in parts) leave out the headings on a page where a
   * part starts, and a PDF reader then cannot tell that page's rows from the text around the table.
   */
  private PdfPTable newTable() {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    for (String column : columns) {
      PdfPCell cell = new PdfPCell(new Phrase(column, bold));
      cell.setGrayFill(0.9f);
      t.addCell(cell);
    }
    return t;
  }

  /** One row, its values in the order of the columns. */
  public void row(List<String> values) {
    for (String value : values) {
      table.addCell(new Phrase(value, small));
    }
    if (++pending >= FLUSH_EVERY) {
      document.add(table);
      // The next part starts on a page of its own, under its own headings.
      document.newPage();
      table = newTable();
      pending = 0;
    }
  }

  /** Attaches a file to the document (before {@link #end}): machine-readable evidence. */
  public void attach(String name, String description, byte[] content) {
    try {
      writer.addFileAttachment(
          description, PdfFileSpecification.fileEmbedded(writer, null, name, content));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Ends the table, adds the closing lines and closes the document. */
  public void end(List<String> lines) {
    if (pending > 0) {
      document.add(table);
    }
    document.add(new Paragraph(" ", text));
    lines.forEach(line -> document.add(new Paragraph(line, text)));
    document.close();
  }
}
