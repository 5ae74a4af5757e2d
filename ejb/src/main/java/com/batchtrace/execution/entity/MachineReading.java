package com.batchtrace.execution.entity;

import java.time.Instant;

/** A stored machine value of one tag, at its source time. */
public record MachineReading(Instant ts, double value) {}
