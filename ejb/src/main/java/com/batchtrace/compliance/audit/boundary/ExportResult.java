package com.batchtrace.compliance.audit.boundary;

/**
 * What an export wrote.
 *
 * @param rows how many entries
 * @param sha256 the checksum of the rows (see {@link ExportHeader#CHECKSUM_RULE})
 */
public record ExportResult(long rows, String sha256) {}
