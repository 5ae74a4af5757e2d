package com.batchtrace.validation;

import java.util.Locale;
import java.util.Objects;

/**
 * One place where a test source names a requirement in a tag, kept with its file and line so that a
 * mistyped id can be reported where it has to be fixed.
 *
 * @param id the tag value as written (trimmed), e.g. {@code URS-004} or a typo like {@code URS-04}
 * @param file the test source, relative to the repository root, with {@code /} separators
 * @param line the line of the {@code @Tag} annotation
 */
public record RequirementTag(String id, String file, int line) {

  public RequirementTag {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
  }

  /**
   * Whether a tag value is meant as a requirement id: everything that starts with "URS" in any
   * case, so that {@code urs-001}, {@code URS001} and {@code URS-01} are checked too instead of
   * being taken for unrelated tags.
   */
  public static boolean refersToRequirement(String tag) {
    return tag.strip().toUpperCase(Locale.ROOT).startsWith("URS");
  }

  /** {@code file:line}, the way compilers and editors name a place. */
  public String location() {
    return file + ":" + line;
  }
}
