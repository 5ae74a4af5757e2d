package com.batchtrace.collection.boundary;

/**
 * What one ingestion did with its messages.
 *
 * @param messages how many messages came in
 * @param stored values newly stored
 * @param duplicates values already stored (a redelivery): not stored again
 * @param unmapped values on topics no tag maps (counted per topic for the admin)
 * @param deadLettered messages that could not be read (kept with the reason)
 * @param charges material-charged events acted on (accepted or refused)
 * @param conflicts values that differ from the one already stored for their tag and time: kept as
 *     evidence, each a data conflict on its batch
 */
public record IngestReport(
    int messages,
    int stored,
    int duplicates,
    int unmapped,
    int deadLettered,
    int charges,
    int conflicts) {}
