/**
 * Quality: QA's review by exception and the batch's release or rejection. The release rules live in
 * {@link com.batchtrace.quality.boundary.BatchReview}: every step done, every exception
 * dispositioned, no open deviation, no INVALID signature in the record, and a releaser who took no
 * part in the batch.
 */
package com.batchtrace.quality.boundary;
