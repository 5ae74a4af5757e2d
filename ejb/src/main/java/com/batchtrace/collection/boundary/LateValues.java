package com.batchtrace.collection.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Machine values of a batch that arrived after a given time (its decision, or QA's last
 * acknowledgement).
 *
 * @param values how many
 * @param firstTs the earliest source time among them
 * @param lastTs the latest source time among them
 * @param lastReceivedAt when the newest of them arrived
 */
public record LateValues(long values, Instant firstTs, Instant lastTs, Instant lastReceivedAt)
    implements Serializable {}
