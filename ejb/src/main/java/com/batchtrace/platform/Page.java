package com.batchtrace.platform;

import java.util.List;

/**
 * One page of a longer result, with the total a paginator needs.
 *
 * @param rows the rows of this page
 * @param total how many rows the whole result has, or the cap when {@code exact} is false
 * @param exact false when the result has more than {@code total} rows (counting them all would be
 *     too slow on a large table; narrow the criteria to see further)
 */
public record Page<T>(List<T> rows, long total, boolean exact) {

  public Page {
    rows = List.copyOf(rows);
  }

  public Page(List<T> rows, long total) {
    this(rows, total, true);
  }
}
