package com.batchtrace.platform;

import java.util.List;

/**
 * One page of a longer result, with the total a paginator needs.
 *
 * @param rows the rows of this page
 * @param total how many rows the whole result has
 */
public record Page<T>(List<T> rows, long total) {

  public Page {
    rows = List.copyOf(rows);
  }
}
