package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.signature.control.ContentHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The checksum every export ends with: SHA-256 over the rows as RFC 4180 CSV, header line first.
 * The same bytes are the body of the CSV export, so its checksum can be recomputed with any
 * sha256sum; PDF and JSON exports of the same search carry the same checksum.
 */
public final class RowChecksum {

  private static final String CRLF = "\r\n";

  private final MessageDigest digest = ContentHash.digest();
  private long rows;

  /** The header line, already part of the checksum. */
  public String headerLine() {
    return add(AuditEntry.COLUMNS);
  }

  /** The entry's CSV line, now part of the checksum. */
  public String line(AuditEntry entry) {
    rows++;
    return add(entry.values());
  }

  public long rows() {
    return rows;
  }

  public String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private String add(List<String> values) {
    String line = CSVFormat.RFC4180.format(values.toArray());
    digest.update((line + CRLF).getBytes(StandardCharsets.UTF_8));
    return line;
  }
}
