package com.batchtrace.platform;

/** Someone else changed the record after the requester read it (optimistic locking). */
public class ConflictingChange extends RuleViolation {

  public ConflictingChange(String message) {
    super(message);
  }
}
