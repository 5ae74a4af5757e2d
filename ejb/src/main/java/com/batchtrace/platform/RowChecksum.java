package com.batchtrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The checksum every export ends with (audit trail, genealogy trace, access review): SHA-256 over
 * the rows as RFC 4180 CSV, header line first. This is also the one place every CSV export line is
 * rendered, so it is where a cell that a spreadsheet would run as a formula (starting with {@code
 * =}, {@code +}, {@code -}, {@code @}, tab or carriage return) is neutralised with a leading
 * apostrophe: a user name or reason typed as {@code =HYPERLINK(...)} opens as text. The same bytes
 * are the body of the CSV export, so its checksum can be recomputed with any sha256sum; a PDF or
 * JSON export of the same rows carries the same checksum. Each line is rendered and encoded once,
 * into a reused buffer: this is the export's hot path.
 */
public final class RowChecksum {

  /** How the checksum is computed, stated in every export that carries one. */
  public static final String RULE =
      "SHA-256 of the exported rows written as RFC 4180 CSV (UTF-8, CRLF line ends), starting with"
          + " the column header line; a value starting with =, +, -, @, tab or carriage return is"
          + " written with a leading apostrophe (') so that spreadsheets show it as text";

  /** The first characters that make a spreadsheet read a cell as a formula (CSV injection). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final CSVFormat CSV = CSVFormat.RFC4180;

  private final MessageDigest digest;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;

  public RowChecksum() {
    digest = Sha256.digest();
  }

  /** The column header line with its CRLF, as UTF-8, already part of the checksum. */
  public byte[] header(List<String> columns) {
    return add(columns);
  }

  /** A row's CSV line with its CRLF, as UTF-8, now part of the checksum. */
  public byte[] row(List<String> values) {
    rows++;
    return add(values);
  }

  public long rows() {
    return rows;
  }

  public String hex() {
    return Sha256.hexOf(digest);
  }

  /** The value as a spreadsheet must show it: as text, never as a formula. */
  static String asText(String value) {
    return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
        ? "'" + value
        : value;
  }

  private byte[] add(List<String> values) {
    line.setLength(0);
    try {
      for (int i = 0; i < values.size(); i++) {
        CSV.print(asText(values.get(i)), line, i == 0);
      }
      CSV.println(line);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
    digest.update(bytes);
    return bytes;
  }
}
