package com.batchtrace.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One filtered list read a page at a time: the where clause is built from fixed text, the values a
 * person gave go only into parameters, and the count and the page use the same clause, so the
 * paginator's total is the total of what the filter matches.
 */
public final class PagedQuery {

  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> parameters = new HashMap<>();

  /** Adds the condition (fixed text naming {@code :name}) when the value is given. */
  public PagedQuery and(String condition, String name, Object value) {
    if (value != null) {
      where.append(" and ").append(condition);
      parameters.put(name, value);
    }
    return this;
  }

  /** Adds a condition of fixed text whose parameters are set with {@link #with}. */
  public PagedQuery and(String condition) {
    where.append(" and ").append(condition);
    return this;
  }

  /** Sets a parameter a condition names. */
  public PagedQuery with(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  /** The where clause, to put after a query's from clause. */
  public String where() {
    return where.toString();
  }

  /** Sets the parameters on a query written with {@link #where()}. */
  public <Q extends Query> Q bind(Q query) {
    parameters.forEach(query::setParameter);
    return query;
  }

  /**
   * Counts with {@code count} + where, then (when anything matches) loads the page with {@code
   * select} + where + {@code orderBy}, each row shown through {@code view}.
   */
  public <E, V> Page<V> page(
      EntityManager em,
      String count,
      String select,
      String orderBy,
      Class<E> type,
      int offset,
      int limit,
      Function<E, V> view) {
    long total = bind(em.createQuery(count + where(), Long.class)).getSingleResult();
    if (limit <= 0 || total == 0) {
      return new Page<>(List.of(), total);
    }
    return new Page<>(
        bind(em.createQuery(select + where() + orderBy, type))
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultStream()
            .map(view)
            .toList(),
        total);
  }
}
