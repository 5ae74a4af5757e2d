package com.batchtrace.collection.boundary;

import java.time.Instant;

/** A topic no tag maps: how often it was seen and its last payload. */
public record UnmappedTopic(
    String topic, Instant firstSeen, Instant lastSeen, long seen, String lastPayload) {}
