package com.batchtrace.quality.control;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A PDF/A-3b document laid out top to bottom (PDFBox): text that wraps, tables whose heading row
 * repeats on a new page, simple line charts, and at the end a header and footer on every page
 * ("page x of y"). What makes it PDF/A-3b: every font embedded (DejaVu Sans, bundled under
 * resources/archive with its licence, because the standard 14 PDF fonts are not embedded), XMP
 * metadata that says part 3, conformance B and matches the document information, an sRGB output
 * intent (the JDK's own ICC profile), only RGB colours, no transparency, and attached files as
 * associated files (AF) with their relationship, MIME type and dates.
 */
final class PdfA3Pages implements AutoCloseable {

  static final float MARGIN = 42;
  private static final float TOP = PDRectangle.A4.getHeight() - MARGIN - 14;
  private static final float BOTTOM = MARGIN + 16;
  static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final String PRODUCER = "Batchtrace (Apache PDFBox)";

  private final PDDocument doc = new PDDocument();
  private final PDFont regular;
  private final PDFont bold;
  private final Map<Integer, String> printable = new HashMap<>();
  private final List<COSArray> associated = new ArrayList<>();
  private final Map<String, PDComplexFileSpecification> attachments = new HashMap<>();
  private PDPageContentStream stream;
  private float y;

  PdfA3Pages() {
    doc.setVersion(1.7f);
    regular = font("DejaVuSans.ttf");
    bold = font("DejaVuSans-Bold.ttf");
    newPage();
  }

  private PDFont font(String file) {
    try (InputStream in = PdfA3Pages.class.getResourceAsStream("/archive/" + file)) {
      if (in == null) {
        throw new IllegalStateException("The archive font " + file + " is missing from the build");
      }
      return PDType0Font.load(doc, in, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- content ----

  void title(String text) {
    paragraph(text, bold, 14, 4);
  }

  void section(String text) {
    space(8);
    // A heading keeps a few lines of what it heads on its page.
    need(70);
    paragraph(text, bold, 11, 2);
  }

  void line(String text) {
    paragraph(text, regular, 8.5f, 1);
  }

  void space(float points) {
    y -= points;
  }

  private void paragraph(String text, PDFont font, float size, float after) {
    float leading = size * 1.25f;
    for (String l : wrap(text, font, size, WIDTH)) {
      need(leading);
      y -= leading;
      show(l, font, size, MARGIN, y);
    }
    y -= after;
  }

  /** A table: the heading row repeats at the top of every page it continues on. */
  void table(List<String> columns, float[] weights, List<List<String>> rows) {
    float total = 0;
    for (float w : weights) {
      total += w;
    }
    float[] widths = new float[weights.length];
    for (int i = 0; i < weights.length; i++) {
      widths[i] = WIDTH * weights[i] / total;
    }
    space(2);
    row(columns, widths, bold, true);
    for (List<String> r : rows) {
      if (row(r, widths, regular, false)) {
        row(columns, widths, bold, true);
        row(r, widths, regular, false);
      }
    }
    space(4);
  }

  /** Draws one row; returns true instead when the row does not fit and a new page was begun. */
  private boolean row(List<String> cells, float[] widths, PDFont font, boolean heading) {
    float size = 7.5f;
    float leading = size * 1.2f;
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < widths.length; i++) {
      List<String> w = wrap(i < cells.size() ? cells.get(i) : "", font, size, widths[i] - 4);
      wrapped.add(w);
      lines = Math.max(lines, w.size());
    }
    float height = lines * leading + 4;
    if (y - height < BOTTOM && !heading) {
      newPage();
      return true;
    }
    if (heading) {
      need(height + 2 * leading + 4);
    }
    try {
      float x = MARGIN;
      if (heading) {
        stream.setNonStrokingColor(0.9f, 0.9f, 0.9f);
        stream.addRect(MARGIN, y - height, WIDTH, height);
        stream.fill();
        stream.setNonStrokingColor(0f, 0f, 0f);
      }
      stream.setStrokingColor(0.6f, 0.6f, 0.6f);
      stream.setLineWidth(0.4f);
      for (int i = 0; i < widths.length; i++) {
        stream.addRect(x, y - height, widths[i], height);
        stream.stroke();
        float ty = y - 2;
        for (String l : wrapped.get(i)) {
          ty -= leading;
          show(l, font, size, x + 2, ty + 2);
        }
        x += widths[i];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= height;
    return false;
  }

  /**
   * A line chart of values over time with the limits as lines; no image, so nothing to compress or
   * colour-manage.
   */
  void chart(List<Instant> times, List<Double> values, Double low, Double high, String caption) {
    float height = 90;
    need(height + 24);
    y -= 4;
    float top = y;
    float bottom = y - height;
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    if (low != null) {
      min = Math.min(min, low);
      max = Math.max(max, low);
    }
    if (high != null) {
      min = Math.min(min, high);
      max = Math.max(max, high);
    }
    if (max - min < 1e-9) {
      max = min + 1;
    }
    double pad = (max - min) * 0.08;
    double vMin = min - pad;
    double vMax = max + pad;
    long t0 = times.get(0).toEpochMilli();
    long span = Math.max(1, times.get(times.size() - 1).toEpochMilli() - t0);
    float left = MARGIN + 40;
    float width = WIDTH - 40;
    try {
      stream.setStrokingColor(0.6f, 0.6f, 0.6f);
      stream.setLineWidth(0.4f);
      stream.addRect(left, bottom, width, height);
      stream.stroke();
      show(number(vMax), regular, 6.5f, MARGIN, top - 7);
      show(number(vMin), regular, 6.5f, MARGIN, bottom);
      stream.setStrokingColor(0.8f, 0.1f, 0.1f);
      for (Double limit : new Double[] {low, high}) {
        if (limit != null) {
          float ly = (float) (bottom + (limit - vMin) / (vMax - vMin) * height);
          stream.moveTo(left, ly);
          stream.lineTo(left + width, ly);
          stream.stroke();
          show(number(limit), regular, 6.5f, MARGIN, ly - 2);
        }
      }
      stream.setStrokingColor(0.1f, 0.3f, 0.7f);
      stream.setLineWidth(0.7f);
      for (int i = 0; i < values.size(); i++) {
        float px = left + (float) (times.get(i).toEpochMilli() - t0) / span * width;
        float py = (float) (bottom + (values.get(i) - vMin) / (vMax - vMin) * height);
        if (i == 0) {
          stream.moveTo(px, py);
        } else {
          stream.lineTo(px, py);
        }
      }
      if (values.size() == 1) {
        stream.lineTo(
            left + width, (float) (bottom + (values.get(0) - vMin) / (vMax - vMin) * height));
      }
      stream.stroke();
      stream.setStrokingColor(0f, 0f, 0f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y = bottom - 2;
    paragraph(caption, regular, 6.5f, 4);
  }

  private static String number(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }

  /** Attaches a file as an associated file of the document (PDF/A-3). */
  void attach(
      String name,
      String mimeType,
      String relationship,
      String description,
      byte[] bytes,
      Instant at) {
    try {
      Calendar time = calendar(at);
      PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream(bytes));
      file.setSubtype(mimeType);
      file.setSize(bytes.length);
      file.setCreationDate(time);
      file.setModDate(time);
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile(name);
      spec.setFileUnicode(name);
      spec.setFileDescription(description);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
      attachments.put(name, spec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- finishing ----

  /**
   * Writes the header and footer on every page, the metadata and the output intent, and returns the
   * finished PDF/A-3b.
   */
  byte[] finish(String title, String header, String footer, Instant at) {
    try {
      stream.close();
      stream = null;
      int pages = doc.getNumberOfPages();
      for (int i = 0; i < pages; i++) {
        PDPage page = doc.getPage(i);
        try (PDPageContentStream s =
            new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          PDPageContentStream body = stream;
          stream = s;
          float top = PDRectangle.A4.getHeight() - MARGIN + 4;
          show(fit(header, bold, 8, WIDTH), bold, 8, MARGIN, top);
          String pageOf = "Page " + (i + 1) + " of " + pages;
          float w = width(pageOf, regular, 7.5f);
          show(fit(footer, regular, 7.5f, WIDTH - w - 10), regular, 7.5f, MARGIN, MARGIN - 6);
          show(pageOf, regular, 7.5f, MARGIN + WIDTH - w, MARGIN - 6);
          s.setStrokingColor(0.6f, 0.6f, 0.6f);
          s.setLineWidth(0.4f);
          s.moveTo(MARGIN, top - 4);
          s.lineTo(MARGIN + WIDTH, top - 4);
          s.moveTo(MARGIN, MARGIN + 4);
          s.lineTo(MARGIN + WIDTH, MARGIN + 4);
          s.stroke();
          stream = body;
        }
      }
      metadata(title, calendar(at));
      if (!attachments.isEmpty()) {
        var catalog = doc.getDocumentCatalog();
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(new java.util.TreeMap<>(attachments));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray af = new COSArray();
        attachments.values().forEach(spec -> af.add(spec.getCOSObject()));
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void metadata(String title, Calendar at) throws IOException {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor("Batchtrace");
    info.setCreator("Batchtrace");
    info.setProducer(PRODUCER);
    info.setCreationDate(at);
    info.setModificationDate(at);
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(title);
    dc.addCreator("Batchtrace");
    dc.setFormat("application/pdf");
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool("Batchtrace");
    basic.setCreateDate(at);
    basic.setModifyDate(at);
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setProducer(PRODUCER);
    PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
    id.setPart(3);
    try {
      id.setConformance("B");
    } catch (org.apache.xmpbox.type.BadFieldValueException e) {
      throw new IllegalStateException(e);
    }
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try {
      new XmpSerializer().serialize(xmp, xml, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException("The XMP metadata cannot be written", e);
    }
    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xml.toByteArray());
    doc.getDocumentCatalog().setMetadata(metadata);
    ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb.getData()));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    doc.getDocumentCatalog().addOutputIntent(intent);
  }

  /** A whole second in UTC: the document information and XMP must agree to the second. */
  private static Calendar calendar(Instant at) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    c.setTimeInMillis(at.toEpochMilli() / 1000 * 1000);
    return c;
  }

  @Override
  public void close() {
    try {
      if (stream != null) {
        stream.close();
      }
      doc.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- text ----

  private void need(float height) {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = TOP;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void show(String text, PDFont font, float size, float x, float atY) {
    if (text.isEmpty()) {
      return;
    }
    try {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, atY);
      stream.showText(text);
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text as the fonts can show it: control characters become spaces and a character DejaVu Sans
   * has no glyph for becomes "?", so no value a person typed can stop the archive.
   */
  String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                s.append(' ');
              } else {
                s.append(
                    printable.computeIfAbsent(
                        cp,
                        c -> {
                          String ch = new String(Character.toChars(c));
                          try {
                            regular.encode(ch);
                            bold.encode(ch);
                            return ch;
                          } catch (IOException | IllegalArgumentException missing) {
                            return "?";
                          }
                        }));
              }
            });
    return s.toString();
  }

  private float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String fit(String text, PDFont font, float size, float max) {
    String t = printable(text);
    while (!t.isEmpty() && width(t, font, size) > max) {
      t = t.substring(0, t.length() - 2) + "…";
    }
    return t;
  }

  /** Lines of at most {@code max} points: at spaces where possible, else inside a long word. */
  private List<String> wrap(String text, PDFont font, float size, float max) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
      String rest = printable(paragraph).stripTrailing();
      if (rest.isEmpty()) {
        lines.add("");
        continue;
      }
      while (!rest.isEmpty()) {
        if (width(rest, font, size) <= max) {
          lines.add(rest);
          break;
        }
        int fits = 1;
        int tooLong = rest.length();
        while (tooLong - fits > 1) {
          int mid = (fits + tooLong) >>> 1;
          if (width(rest.substring(0, mid), font, size) <= max) {
            fits = mid;
          } else {
            tooLong = mid;
          }
        }
        int cut = fits;
        int space = rest.lastIndexOf(' ', cut);
        if (space > 0) {
          cut = space;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut).stripLeading();
      }
    }
    return lines;
  }
}
