package com.batchtrace.collection.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A mapped tag's last stored value and its time: what the machine data page shows per tag.
 *
 * @param value null for a tag that never sent one
 * @param ts null for a tag that never sent one
 */
public record TagLastValue(long tagId, Double value, Instant ts) implements Serializable {}
