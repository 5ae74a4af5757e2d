package com.batchtrace.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The columns a list may be sorted by, each a word as its column header says it (lot, expiry,
 * received) mapped to the query expression it sorts on. Only these words ever reach a query: a sort
 * column from a URL or a forged request is refused with the words the list knows, so no text a
 * person sent is ever written into a query.
 *
 * @param list what the list holds, as a sentence starts ("Lots")
 * @param columns the words and their query expressions, in the order the message names them
 * @param tieBreak the expression that makes the order total (the id), so pages never overlap
 */
public record ListOrder(String list, Map<String, String> columns, String tieBreak) {

  public ListOrder {
    Objects.requireNonNull(list);
    columns = Map.copyOf(columns);
    Objects.requireNonNull(tieBreak);
  }

  /** One chosen order of the list: a column word and the direction. */
  public record Sort(String column, boolean ascending) implements java.io.Serializable {}

  /**
   * The order by a column word (any case) in the direction; refused when the list does not know the
   * word.
   */
  public Sort by(String column, boolean ascending) {
    String word = column == null ? "" : column.strip().toLowerCase(Locale.ROOT);
    if (!columns.containsKey(word)) {
      throw new RuleViolation(
          list
              + " can be sorted by "
              + columns.keySet().stream().sorted().collect(Collectors.joining(", "))
              + "; '"
              + ListFilter.shown(column)
              + "' is not one of them. The list keeps its order.");
    }
    return new Sort(word, ascending);
  }

  /** The query's order-by clause for the sort, with the tie-break in the same direction. */
  public String orderBy(Sort sort) {
    String direction = by(sort.column(), sort.ascending()).ascending() ? " asc" : " desc";
    return " order by "
        + columns.get(sort.column())
        + direction
        + " nulls last, "
        + tieBreak
        + direction;
  }
}
