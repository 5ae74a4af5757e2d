package com.batchtrace.web.shell;

import com.batchtrace.platform.Page;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazily paged table model: each page is one service call, so a table over millions of rows loads
 * only the rows it shows.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Loads one page; serializable because view-scoped beans hold the model. */
  @FunctionalInterface
  public interface Loader<T> extends java.io.Serializable {
    Page<T> load(int offset, int limit);
  }

  private final Loader<T> loader;

  public PagedModel(Loader<T> loader) {
    this.loader = loader;
  }

  /** Asked before each load; always fresh, because the criteria may have changed since. */
  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return rowCount(loader.load(0, 1));
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    Page<T> page = loader.load(first, pageSize);
    setRowCount(rowCount(page));
    return page.rows();
  }

  private static int rowCount(Page<?> page) {
    return (int) Math.min(Integer.MAX_VALUE, page.total());
  }
}
