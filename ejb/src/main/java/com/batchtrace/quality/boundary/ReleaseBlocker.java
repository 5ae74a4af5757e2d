package com.batchtrace.quality.boundary;

import java.io.Serializable;

/**
 * One thing that still stops QA from releasing a batch, in words with the batch's business
 * identifiers, and where on the batch's review page it is resolved.
 *
 * @param text what blocks, e.g. "Lot refused on step 1 is not dispositioned: ..."
 * @param anchor the element of the review page where it is resolved, e.g. {@code exception-12} or
 *     {@code step-2}
 */
public record ReleaseBlocker(String text, String anchor) implements Serializable {}
