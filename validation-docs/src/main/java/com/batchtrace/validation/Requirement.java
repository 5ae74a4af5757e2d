package com.batchtrace.validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One user requirement as numbered in URS.md.
 *
 * @param id the requirement id, {@code URS-} and three digits
 * @param title the short title from the requirement's heading
 * @param risk the GxP risk class: high, medium or low
 */
public record Requirement(String id, String title, String risk) {

  /** The exact form of a requirement id. */
  public static final Pattern ID = Pattern.compile("URS-\\d{3}");

  public Requirement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(risk, "risk");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("A requirement id is URS- and three digits: " + id);
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("Requirement " + id + " has no title");
    }
  }
}
