package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the test sources say about requirements: the test methods with their requirement ids, and
 * every requirement tag with its place (also those on classes without test methods), so that the
 * matrix can list the tests and the check can name where an unknown id is written.
 *
 * @param tests the test methods that carry at least one requirement id
 * @param tags every tag that refers to a requirement, in file and line order
 */
public record TestSources(List<TaggedTest> tests, List<RequirementTag> tags) {

  public TestSources {
    tests = List.copyOf(tests);
    tags = List.copyOf(tags);
  }

  /** These sources followed by {@code more}. */
  TestSources plus(TestSources more) {
    List<TaggedTest> allTests = new ArrayList<>(tests);
    allTests.addAll(more.tests);
    List<RequirementTag> allTags = new ArrayList<>(tags);
    allTags.addAll(more.tags);
    return new TestSources(allTests, allTags);
  }
}
