package com.batchtrace.compliance.review.boundary;

import java.time.Instant;

/**
 * A review to sign.
 *
 * @param periodFrom start of the reviewed period (inclusive, UTC)
 * @param periodTo end of the reviewed period (exclusive, UTC)
 * @param conclusion what the reviewer found
 */
public record NewAuditTrailReview(Instant periodFrom, Instant periodTo, String conclusion) {}
