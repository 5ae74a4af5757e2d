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
 * @param signedCheckpoint the text of the signed checkpoint taken at the export's start, or null
 *     when no checkpoint key is configured
 */
public record ExportHeader(
    String filter,
    String exportedBy,
    String exportedByName,
    Instant exportedAt,
    ChainHead chainHead,
    String signedCheckpoint) {

  /** An export without a signed checkpoint (no checkpoint key; the benchmark). */
  public ExportHeader(
      String filter,
      String exportedBy,
      String exportedByName,
      Instant exportedAt,
      ChainHead chainHead) {
    this(filter, exportedBy, exportedByName, exportedAt, chainHead, null);
  }

  /** How the signed checkpoint and seal lines of the CSV export start. */
  public static final String CSV_CHECKPOINT_PREFIX = "Signed checkpoint: ";

  public static final String CSV_SEAL_PREFIX = "Signed seal: ";

  /** The names of the PDF export's attachments. */
  public static final String PDF_CHECKPOINT_FILE = "batchtrace-checkpoint.txt";

  public static final String PDF_SEAL_FILE = "batchtrace-seal.txt";

  /** How the checksum at the end of every export is computed, stated in the export itself. */
  public static final String CHECKSUM_RULE = RowChecksum.RULE;
}
