package com.batchtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A long PDF export shows its column headings on every page, above rows in the order written, so
 * that a reader (the offline verifier) can take the table's text apart from the lines around it.
 * The table is handed to the document in parts; where a part started on a new page, OpenPDF left
 * the headings out, and the verifier then found a genuine export's rows "changed".
 */
@Tag("URS-041")
class PdfTableTest {

  private static final List<String> COLUMNS = List.of("When", "Who", "Record", "Reason", "Changes");

  @Test
  void everyPageOfALongTableShowsTheHeadingsAboveTheRowsInTheirOrder() throws Exception {
    // Tables of different lengths and rows, so that a part boundary falls at a page's end in some.
    for (int seed = 0; seed < 24; seed++) {
      check(new Random(seed), 505 + 5 * seed);
    }
  }

  private static void check(Random random, int rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfTable pdf = new PdfTable(out, COLUMNS, new float[] {2, 2, 3, 4, 6});
    pdf.begin("Audit trail", List.of("Filter: all"));
    StringBuilder written = new StringBuilder();
    for (int row = 0; row < rows; row++) {
      List<String> values = new ArrayList<>();
      for (int c = 0; c < COLUMNS.size(); c++) {
        String value = (c == 0 ? "R#" + row + "|" : "") + words(random, c == 4 ? 60 : 8);
        values.add(value);
        written.append(visible(value));
      }
      pdf.row(values);
    }
    pdf.end(List.of("Rows: " + rows));

    String headings = visible(String.join("", COLUMNS));
    StringBuilder table = new StringBuilder();
    try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = visible(stripper.getText(document)).replaceFirst("Page\\d+of\\d+$", "");
        int at = text.indexOf(headings);
        if (at < 0) {
          // Only the closing lines may stand on a page of their own.
          assertFalse(text.contains("R#"), rows + " rows: page " + page + " has rows, no headings");
          continue;
        }
        table.append(text, at + headings.length(), text.length());
      }
    }
    assertEquals(written.toString(), table.toString(), rows + " rows, in their order");
  }

  private static String words(Random random, int count) {
    StringBuilder s = new StringBuilder();
    for (int w = 0, n = 1 + random.nextInt(count); w < n; w++) {
      for (int k = 0, len = 2 + random.nextInt(9); k < len; k++) {
        s.append((char) ('a' + random.nextInt(26)));
      }
      s.append(' ');
    }
    return s.toString().trim();
  }

  private static String visible(String text) {
    return text.replaceAll("\\s", "");
  }
}
