package com.batchtrace.compliance.signature.entity;

import com.batchtrace.platform.RuleViolation;

/** The signature was not given: wrong password, wrong person, or signing is locked. */
public class SignatureRefused extends RuleViolation {

  private final boolean locked;

  public SignatureRefused(String message, boolean locked) {
    super(message);
    this.locked = locked;
  }

  /** True when the signer is locked out of signing for a while (HTTP 423 at the API). */
  public boolean isLocked() {
    return locked;
  }
}
