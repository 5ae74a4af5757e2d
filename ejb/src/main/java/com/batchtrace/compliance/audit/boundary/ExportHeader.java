package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.compliance.integrity.boundary.ChainHead;
import java.time.Instant;

/**
 * What every export says about itself before its rows.
 *
 * @param filter the search criteria in words
 * @param exportedBy user id of the exporter
 * @param exportedByName printed name of the exporter
 * @param exportedAt when (UTC)
 * @param chainHead the revision chain's head when the export started
 */
public record ExportHeader(
    String filter,
    String exportedBy,
    String exportedByName,
    Instant exportedAt,
    ChainHead chainHead) {

  /** How the checksum at the end of every export is computed, stated in the export itself. */
  public static final String CHECKSUM_RULE =
      "SHA-256 of the exported rows written as RFC 4180 CSV (UTF-8, CRLF line ends), starting with"
          + " the column header line";
}
