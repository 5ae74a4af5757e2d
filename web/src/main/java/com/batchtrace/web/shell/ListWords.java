package com.batchtrace.web.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a filtered list says when it shows nothing: that nothing is there yet, or which filter
 * matched nothing, in the words the person typed and chose, so they know what to clear.
 */
public final class ListWords {

  private ListWords() {}

  /**
   * "No lots match “abc”, status Released. Clear the filter to see them all." when the list is
   * filtered, the list's own sentence when it is not.
   */
  public static String nothingMatches(String things, String criteria, String whenUnfiltered) {
    if (criteria == null || criteria.isEmpty()) {
      return whenUnfiltered;
    }
    return "No " + things + " match " + criteria + ". Clear the filter to see them all.";
  }

  /** The filters given, typed text in quotes first, the others as they are; null ones left out. */
  public static String criteria(String text, String... others) {
    String typed = text == null ? null : "“" + text + "”";
    return Stream.concat(Stream.of(typed), Arrays.stream(others))
        .filter(Objects::nonNull)
        .collect(Collectors.joining(", "));
  }

  /** The status codes of a list's status filter, for {@code words.of(…)} on the page. */
  public static List<String> statuses(Class<? extends Enum<?>> statuses) {
    return Arrays.stream(statuses.getEnumConstants()).map(Enum::name).toList();
  }
}
