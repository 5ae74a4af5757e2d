package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import com.batchtrace.platform.Sha256;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * The signed seal at the end of an audit trail export (format 1): what the export is and digests of
 * its rows, signed with the checkpoint key, so the offline verifier (verify/) can tell that not one
 * row or header field changed since the server wrote it. It names the signed checkpoint the export
 * carries at its start. UTF-8 lines ending in LF, the signature line last, Ed25519 over every line
 * before it:
 *
 * <pre>
 * Batchtrace signed export seal
 * format: 1
 * export-format: CSV
 * checkpoint: 42 (SHA-256 of the checkpoint's text)
 * filter: ...
 * exported-by: ava
 * exported-by-name: Ava Adams
 * exported-at: 2026-05-04T10:15:00.123Z
 * columns: revision,time_utc,...
 * rows: 1234
 * rows-sha256: (the export's checksum: RFC 4180 CSV lines, header line first)
 * values-sha256: (see {@link Digests}: each value as its UTF-8 length, ':' and its bytes)
 * text-sha256: (see {@link Digests}: the values as a PDF shows them, without white space)
 * key: (SHA-256 of the public key)
 * signature: (Base64 Ed25519)
 * </pre>
 */
public final class ExportSeal {

  public static final String TITLE = "Batchtrace signed export seal";

  private ExportSeal() {}

  /** The lines the seal signs. */
  public static String unsigned(
      String exportFormat,
      long checkpointSequence,
      String checkpointText,
      ExportHeader header,
      List<String> columns,
      ExportResult result,
      Digests digests,
      String keyId) {
    return TITLE
        + "\nformat: 1"
        + "\nexport-format: "
        + exportFormat
        + "\ncheckpoint: "
        + checkpointSequence
        + " "
        + Sha256.hex(checkpointText)
        + "\nfilter: "
        + oneLine(header.filter())
        + "\nexported-by: "
        + oneLine(header.exportedBy())
        + "\nexported-by-name: "
        + oneLine(header.exportedByName())
        + "\nexported-at: "
        + header.exportedAt()
        + "\ncolumns: "
        + String.join(",", columns)
        + "\nrows: "
        + result.rows()
        + "\nrows-sha256: "
        + result.sha256()
        + "\nvalues-sha256: "
        + digests.valuesHex()
        + "\ntext-sha256: "
        + digests.textHex()
        + "\nkey: "
        + keyId
        + "\n";
  }

  public static String signed(String unsigned, byte[] signature) {
    return unsigned + "signature: " + Base64.getEncoder().encodeToString(signature) + "\n";
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
  }

  /**
   * Two digests of the exported values, fed row by row:
   *
   * <ul>
   *   <li>values: SHA-256 over every value as its UTF-8 byte length in decimal, ':' and its UTF-8
   *       bytes, each row ended by LF. Unambiguous; the JSON export is checked with it.
   *   <li>text: SHA-256 of the UTF-8 of all values run together, without white space and without
   *       characters the PDF's font cannot show (outside windows-1252). What a PDF text reader
   *       finds in the table of a PDF export; the PDF export is checked with it.
   * </ul>
   */
  public static final class Digests {
    private final MessageDigest values = Sha256.digest();
    private final MessageDigest text = Sha256.digest();
    private final CharsetEncoder pdfFont =
        java.nio.charset.Charset.forName("windows-1252").newEncoder();
    private final StringBuilder visible = new StringBuilder(256);

    public void row(List<String> row) {
      visible.setLength(0);
      for (String value : row) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        values.update(String.valueOf(bytes.length).getBytes(StandardCharsets.US_ASCII));
        values.update((byte) ':');
        values.update(bytes);
        appendVisible(value);
      }
      values.update((byte) '\n');
      text.update(visible.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendVisible(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 128) {
          if (c > ' ' && c != 127) {
            visible.append(c);
          }
        } else if (!Character.isWhitespace(c)
            && !Character.isSpaceChar(c)
            && !Character.isSurrogate(c)
            && pdfFont.canEncode(c)) {
          visible.append(c);
        }
      }
    }

    public String valuesHex() {
      return Sha256.hexOf(values);
    }

    public String textHex() {
      return Sha256.hexOf(text);
    }
  }
}
