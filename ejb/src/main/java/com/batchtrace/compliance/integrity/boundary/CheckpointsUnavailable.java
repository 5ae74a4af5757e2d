package com.batchtrace.compliance.integrity.boundary;

import com.batchtrace.platform.RuleViolation;

/** Why no checkpoint can be signed (no key configured, a key others can read), in words. */
public class CheckpointsUnavailable extends RuleViolation {

  private static final long serialVersionUID = 1L;

  public CheckpointsUnavailable(String message) {
    super(message);
  }
}
