package com.batchtrace.web.shell;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazily paged table model: the count and each page are one service call each, so a table over
 * millions of rows loads only the rows it shows.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Counts the rows; serializable because view-scoped beans hold the model. */
  @FunctionalInterface
  public interface Counter extends Serializable {
    long count();
  }

  /** Loads one page of rows. */
  @FunctionalInterface
  public interface Rows<T> extends Serializable {
    List<T> load(int offset, int limit);
  }

  /**
   * Takes the column a person sorted the table by (the column's {@code field}, a word of its
   * header) into the page's criteria, which the next count and load use.
   */
  @FunctionalInterface
  public interface Sorter extends Serializable {
    void sortBy(String column, boolean ascending);
  }

  private final Counter counter;
  private final Rows<T> rows;
  private Sorter sorter;

  public PagedModel(Counter counter, Rows<T> rows) {
    this.counter = counter;
    this.rows = rows;
  }

  /** Sorting in the database: each sort of the table goes to the sorter before the page loads. */
  public PagedModel<T> sortedBy(Sorter sorter) {
    this.sorter = sorter;
    return this;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return currentCount();
  }

  /**
   * Counts again with every page: PrimeFaces may have asked {@link #count} before the action that
   * changed the criteria ran, and the paginator must describe the rows it shows.
   */
  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    if (sorter != null && sortBy != null) {
      sortBy.values().stream()
          .filter(SortMeta::isActive)
          .findFirst()
          .ifPresent(
              sort -> sorter.sortBy(sort.getField(), sort.getOrder() != SortOrder.DESCENDING));
    }
    setRowCount(currentCount());
    return rows.load(first, pageSize);
  }

  private int currentCount() {
    return (int) Math.min(Integer.MAX_VALUE, counter.count());
  }
}
