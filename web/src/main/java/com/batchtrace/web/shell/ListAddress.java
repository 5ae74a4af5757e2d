package com.batchtrace.web.shell;

import java.io.Serializable;

/**
 * The order a list's address asks for ({@code ?sort=expiry&order=desc}), so a sorted list can be
 * bookmarked or linked; the list's own query decides whether it knows the column.
 */
public class ListAddress implements Serializable {

  private static final long serialVersionUID = 1L;

  private String sort;
  private String order;

  /** Hands the address's order to the list, when the address names a column. */
  public void sortTo(PagedModel.Sorter list) {
    if (sort != null) {
      list.sortBy(sort, !"desc".equalsIgnoreCase(order));
    }
  }

  public String getSort() {
    return sort;
  }

  public void setSort(String sort) {
    this.sort = sort;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }
}
