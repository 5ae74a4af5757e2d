package com.batchtrace.execution.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The latest machine values of a running step, which the terminal shows next to its parameters. The
 * collection context implements it, so execution shows machine data without depending on the
 * context that depends on it.
 */
public interface LiveValues {

  /** The latest value of each tag within the step's run on the batch, by tag. */
  Map<String, Reading> latest(long batchId, int step, List<String> tags);

  /** One machine value. */
  record Reading(double value, Instant at) {}
}
