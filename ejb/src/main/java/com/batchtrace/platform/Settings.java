package com.batchtrace.platform;

/**
 * Configuration by environment variable, else the system property of the same name in lower case
 * with dots (BATCHTRACE_SIGNING_MAX_FAILURES or batchtrace.signing.max.failures), else a safe
 * default for the local run.
 */
public final class Settings {

  private Settings() {}

  public static String text(String name, String fallback) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      value = System.getProperty(name.toLowerCase().replace('_', '.'));
    }
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /** A positive whole number; a malformed value stops the start-up with the setting's name. */
  public static int positive(String name, int fallback) {
    String value = text(name, String.valueOf(fallback));
    try {
      int parsed = Integer.parseInt(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalStateException(
        name + " must be a positive whole number, but is '" + value + "'.");
  }
}
