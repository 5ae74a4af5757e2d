package com.batchtrace.quality.boundary;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What an export of archive packages for long-term storage holds: the days (inclusive, in the
 * site's time zone), who exported it and when, the checkpoint key that signs its manifest, and the
 * package folders, oldest first.
 */
public record ArchiveExportSelection(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    Instant exportedAt,
    String exportedBy,
    String keyId,
    List<Path> packages) {}
