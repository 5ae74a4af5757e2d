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
 */
public record TaggedTest(TestMethod test, Set<String> requirementIds, String displayName) {

  public TaggedTest {
    Objects.requireNonNull(test, "test");
    requirementIds = Collections.unmodifiableSortedSet(new TreeSet<>(requirementIds));
  }
}
