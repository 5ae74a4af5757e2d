package com.batchtrace.validation;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test method with the requirement ids it carries, its own and its class's.
 *
 * @param test the test method
 * @param requirementIds the tags that refer to requirements (exact or mistyped ids); kept sorted
 * @param displayName the method's {@code @DisplayName}, or null; a report may name the test by it
 * @param byClassTag the ids that reach the method only through a tag on its class (or an enclosing
 *     class): the matrix shows them expanded, marked as such
 */
public record TaggedTest(
    TestMethod test, Set<String> requirementIds, String displayName, Set<String> byClassTag) {

  public TaggedTest {
    Objects.requireNonNull(test, "test");
    requirementIds = Collections.unmodifiableSortedSet(new TreeSet<>(requirementIds));
    byClassTag = Collections.unmodifiableSortedSet(new TreeSet<>(byClassTag));
  }

  /** A test whose ids are all on the method itself. */
  public TaggedTest(TestMethod test, Set<String> requirementIds, String displayName) {
    this(test, requirementIds, displayName, Set.of());
  }
}
