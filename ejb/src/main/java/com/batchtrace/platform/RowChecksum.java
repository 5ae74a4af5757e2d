package com.batchtrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The checksum every export ends with (audit trail, genealogy trace): SHA-256 over the rows as RFC
 * 4180 CSV, header line first. The same bytes are the body of the CSV export, so its checksum can
 * be recomputed with any sha256sum; a PDF or JSON export of the same rows carries the same
 * checksum. Each line is rendered and encoded once, into a reused buffer: this is the export's hot
 * path.
 */
public final class RowChecksum {

  /** How the checksum is computed, stated in every export that carries one. */
  public static final String RULE =
      "SHA-256 of the exported rows written as RFC 4180 CSV (UTF-8, CRLF line ends), starting with"
          + " the column header line";

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

  private byte[] add(List<String> values) {
    line.setLength(0);
    try {
      for (int i = 0; i < values.size(); i++) {
        CSV.print(values.get(i), line, i == 0);
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
