package com.batchtrace.web.terminal;

import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The terminal's idle sign-out: a shared terminal must not stay signed in as the last operator, so
 * after BATCHTRACE_TERMINAL_IDLE_MINUTES without a touch or key (default 5, much shorter than the
 * office session timeout) the page warns with a countdown and then signs out. Any touch during the
 * countdown keeps the user signed in.
 */
@Named
@ApplicationScoped
public class TerminalIdle {

  /** The countdown the warning shows before signing out. */
  static final int WARNING_SECONDS = 30;

  private final int minutes = Settings.positive("BATCHTRACE_TERMINAL_IDLE_MINUTES", 5);

  public int getMinutes() {
    return minutes;
  }

  public int getWarningSeconds() {
    return WARNING_SECONDS;
  }

  /** When the idle monitor fires: the whole idle time less the countdown. */
  public long getMonitorMillis() {
    return (minutes * 60L - WARNING_SECONDS) * 1000L;
  }
}
