package com.batchtrace.platform;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * "Page x of y" at the foot of every page of a PDF (OpenPDF): y is a template filled in when the
 * document closes, so the pages can be written out one by one. Every PDF Batchtrace writes uses it.
 */
public final class PdfPageNumbers extends PdfPageEventHelper {

  private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
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
