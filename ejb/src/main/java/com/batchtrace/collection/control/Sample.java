package com.batchtrace.collection.control;

import java.time.Instant;

/**
 * One value read from a message.
 *
 * @param address where it comes from: a topic, or a Sparkplug metric address
 * @param ts the source's own time of the value
 * @param value the value (booleans as 1 and 0)
 * @param quality GOOD, BAD or UNCERTAIN
 */
public record Sample(String address, Instant ts, double value, String quality) {}
