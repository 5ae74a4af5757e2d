package com.batchtrace.genealogy.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.Symbol;
import uk.org.okapibarcode.graphics.Color;
import uk.org.okapibarcode.output.Java2DRenderer;

/**
 * A produced lot's label as a printable PDF page of the label's size: product, lot, quantity,
 * expiry, status in large letters, and a GS1 DataMatrix of the lot's element string (GTIN, expiry,
 * lot) drawn by Okapi Barcode, with its bracketed text below. A reprint says so on the label.
 */
public final class LotLabelPdf {

  private static final float MM = 72f / 25.4f;

  /** Pixels per DataMatrix module in the embedded image: sharp at any label size. */
  private static final int MODULE_PIXELS = 8;

  private LotLabelPdf() {}

  /** What goes on the label. elementString is null for a material without a GTIN. */
  public record Content(
      String product,
      String productCode,
      String lot,
      String quantity,
      String expiry,
      String status,
      String elementString,
      String printed) {}

  /** The label, {@code widthMm} by {@code heightMm}. */
  public static byte[] render(Content c, int widthMm, int heightMm) {
    float width = widthMm * MM;
    float height = heightMm * MM;
    float margin = 3 * MM;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(new Rectangle(width, height), margin, margin, margin, margin);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle("Lot label " + c.lot());
      document.open();
      PdfContentByte canvas = writer.getDirectContent();
      BaseFont regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
      BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
      float code = Math.min(height - 2 * margin - 4 * MM, width * 0.4f);
      float textWidth = width - 3 * margin - code;
      float y = height - margin - 4 * MM;
      y = line(canvas, bold, 11, c.product(), margin, y, textWidth);
      y = line(canvas, regular, 8, c.productCode(), margin, y, textWidth);
      y = line(canvas, regular, 9, "Lot: " + c.lot(), margin, y - 1 * MM, textWidth);
      y = line(canvas, regular, 9, "Quantity: " + c.quantity(), margin, y, textWidth);
      y = line(canvas, regular, 9, "Expiry: " + c.expiry(), margin, y, textWidth);
      line(canvas, bold, 16, c.status(), margin, y - 3 * MM, textWidth);
      line(canvas, regular, 6, c.printed(), margin, margin, width - 2 * margin);
      if (c.elementString() != null) {
        Image matrix = Image.getInstance(dataMatrix(c.elementString()), null);
        matrix.scaleAbsolute(code, code);
        matrix.setAbsolutePosition(width - margin - code, height - margin - code);
        canvas.addImage(matrix);
        line(
            canvas,
            regular,
            5,
            bracketed(c.elementString()),
            width - margin - code,
            height - margin - code - 2.5f * MM,
            code + margin);
      }
      document.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("The lot label could not be drawn", e);
    }
    return out.toByteArray();
  }

  /** Writes one line of text, shortened to fit, and answers the next line's baseline. */
  private static float line(
      PdfContentByte canvas, BaseFont font, float size, String text, float x, float y, float max) {
    String shown = text == null ? "" : text;
    while (!shown.isEmpty() && font.getWidthPoint(shown, size) > max) {
      shown = shown.substring(0, shown.length() - 1);
    }
    canvas.beginText();
    canvas.setFontAndSize(font, size);
    canvas.setTextMatrix(x, y);
    canvas.showText(shown);
    canvas.endText();
    return y - size * 1.3f;
  }

  /** The DataMatrix of a GS1 element string (FNC1 first, as GS1 DataMatrix requires). */
  static BufferedImage dataMatrix(String elementString) {
    DataMatrix symbol = new DataMatrix();
    symbol.setDataType(Symbol.DataType.GS1);
    symbol.setQuietZoneHorizontal(2);
    symbol.setQuietZoneVertical(2);
    symbol.setContent(bracketed(elementString).replace('(', '[').replace(')', ']'));
    BufferedImage image =
        new BufferedImage(
            symbol.getWidth() * MODULE_PIXELS,
            symbol.getHeight() * MODULE_PIXELS,
            BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      // White paper first: the quiet zone must be white for a scanner.
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      new Java2DRenderer(g, MODULE_PIXELS, Color.WHITE, Color.BLACK).render(symbol);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * The element string with its AIs in brackets, as printed under the code: (01)…(17)…(10)…. Only
   * the label's own AIs: 01 and 17 fixed, 10 last.
   */
  static String bracketed(String elementString) {
    StringBuilder s = new StringBuilder();
    String rest = elementString;
    if (rest.startsWith("01") && rest.length() >= 16) {
      s.append("(01)").append(rest, 2, 16);
      rest = rest.substring(16);
    }
    if (rest.startsWith("17") && rest.length() >= 8) {
      s.append("(17)").append(rest, 2, 8);
      rest = rest.substring(8);
    }
    if (rest.startsWith("10")) {
      s.append("(10)").append(rest.substring(2));
    }
    return s.toString();
  }
}
