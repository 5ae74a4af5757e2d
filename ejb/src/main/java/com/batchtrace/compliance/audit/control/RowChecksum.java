package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.signature.control.ContentHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The checksum every export ends with: SHA-256 over the rows as RFC 4180 CSV, header line first.
 * The same bytes are the body of the CSV export, so its checksum can be recomputed with any
 * sha256sum; PDF and JSON exports of the same search carry the same checksum. Each line is rendered
 * and encoded once, into a reused buffer: this is the export's hot path.
 */
public final class RowChecksum {

  private static final CSVFormat CSV = CSVFormat.RFC4180;

  private final MessageDigest digest = ContentHash.digest();
  private final StringBuilder line = new StringBuilder(256);
  private long rows;

  /** The header line with its CRLF, as UTF-8, already part of the checksum. */
  public byte[] headerLine() {
    return add(AuditEntry.COLUMNS);
  }

  /** The entry's CSV line with its CRLF, as UTF-8, now part of the checksum. */
  public byte[] line(AuditEntry entry) {
    rows++;
    return add(entry.values());
  }

  public long rows() {
    return rows;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
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
