package com.batchtrace.collection.boundary;

import java.io.Serializable;
import java.time.Instant;

/** One point of a machine value series: the source time and the value. */
public record Point(Instant ts, double value) implements Serializable {}
