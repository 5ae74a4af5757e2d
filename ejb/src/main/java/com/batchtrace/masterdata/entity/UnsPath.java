package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.RuleViolation;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Unified Namespace path such as {@code acme/basel/granulation/line-2/dryer-1}: the topic prefix
 * a machine publishes under. Each segment is an equipment code.
 */
public record UnsPath(String value) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public UnsPath {
    Objects.requireNonNull(value, "value");
    for (String segment : value.split("/", -1)) {
      requireValidCode(segment);
    }
  }

  public static UnsPath root(String code) {
    return new UnsPath(requireValidCode(code));
  }

  public UnsPath child(String code) {
    return new UnsPath(value + "/" + requireValidCode(code));
  }

  /** Refuses codes that cannot be MQTT topic segments; names the rule in the message. */
  public static String requireValidCode(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new RuleViolation(
          "Equipment code '"
              + (code == null ? "" : code)
              + "' is not valid: use 1 to 64 lower-case letters, digits and hyphens, starting"
              + " with a letter or digit (it becomes part of the UNS topic path).");
    }
    return code;
  }

  @Override
  public String toString() {
    return value;
  }
}
