package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import java.io.IOException;

/** Writes one export format as the rows stream by; never holds more than a few rows. */
public interface ExportWriter {

  void begin(ExportHeader header) throws IOException;

  /**
   * @param entry the entry
   * @param csvLine the same entry as the checksummed CSV line: UTF-8, ending in CRLF
   */
  void row(AuditEntry entry, byte[] csvLine) throws IOException;

  /**
   * @param result row count and checksum
   * @param seal the signed seal's text ({@link ExportSeal}), or null without a checkpoint key
   */
  void end(ExportResult result, String seal) throws IOException;

  default void end(ExportResult result) throws IOException {
    end(result, null);
  }
}
