package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.compliance.integrity.boundary.ChainHead;
import com.batchtrace.platform.RowChecksum;
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
  public static final String CHECKSUM_RULE = RowChecksum.RULE;
}
