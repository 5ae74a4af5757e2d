package com.batchtrace.compliance.signature.control;

import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How many wrong passwords in a row lock signing, and for how long
 * (BATCHTRACE_SIGNING_MAX_FAILURES, default 3; BATCHTRACE_SIGNING_LOCK_MINUTES, default 15).
 */
@ApplicationScoped
public class SigningPolicy {

  private final int maxFailures = Settings.positive("BATCHTRACE_SIGNING_MAX_FAILURES", 3);
  private final int lockMinutes = Settings.positive("BATCHTRACE_SIGNING_LOCK_MINUTES", 15);

  public int maxFailures() {
    return maxFailures;
  }

  public Duration lockDuration() {
    return Duration.ofMinutes(lockMinutes);
  }
}
