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
 * The table is handed to the document every few hundred rows, so finished pages are written out and
 * memory stays flat.
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
    table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    table.setComplete(false);
    for (String column : columns) {
      PdfPCell cell = new PdfPCell(new Phrase(column, bold));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
  }

  /** One row, its values in the order of the columns. */
  public void row(List<String> values) {
    for (String value : values) {
      table.addCell(new Phrase(value, small));
    }
    if (++pending >= FLUSH_EVERY) {
      document.add(table);
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
    table.setComplete(true);
    document.add(table);
    document.add(new Paragraph(" ", text));
    lines.forEach(line -> document.add(new Paragraph(line, text)));
    document.close();
  }
}
