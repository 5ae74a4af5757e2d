package com.batchtrace.collection.boundary;

import java.time.Instant;

/** A machine message that could not be stored, with the reason. */
public record DeadLetter(
    long id, Instant receivedAt, String source, String topic, String payload, String reason) {}
