package com.batchtrace.genealogy.boundary;

import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a person looks for in a list of lots: a part of the lot number, material code or name, or
 * supplier lot; a status in the plant's words; the days the lot was received (site time), and the
 * column the list is sorted by. Checked when made, so a refused filter changes nothing.
 *
 * @param text a part of the lot number, material or supplier lot (any case), or null
 * @param status today's status, or null for any
 * @param receivedFrom the first day of receipt at the site, or null
 * @param receivedTo the last day of receipt at the site, or null
 * @param sort the column and direction
 */
public record LotQuery(
    String text, Status status, LocalDate receivedFrom, LocalDate receivedTo, ListOrder.Sort sort)
    implements Serializable {

  /** A lot's status today, as the lists show it. */
  public enum Status {
    QUARANTINE,
    RELEASED,
    REJECTED,
    EXPIRED,
    CONSUMED
  }

  /** Every lot, the newest received first. */
  public static final LotQuery ALL =
      new LotQuery(null, null, null, null, LotService.RECEIVED.by("received", false));

  /** Every decided lot, the latest decision first. */
  public static final LotQuery ALL_DECIDED =
      new LotQuery(null, null, null, null, LotService.DECIDED.by("decided", false));

  public LotQuery {
    text = ListFilter.bounded("lots", text);
    ListFilter.daysInOrder(receivedFrom, receivedTo);
  }

  /** The query with the filters a person gave, in this query's order. */
  public LotQuery filtered(String text, String statusWords, LocalDate from, LocalDate to) {
    return new LotQuery(
        text, ListFilter.status("a lot", Status.class, statusWords).orElse(null), from, to, sort);
  }

  /** The same filters, sorted by another column of the list. */
  public LotQuery sortedBy(ListOrder list, String column, boolean ascending) {
    return new LotQuery(text, status, receivedFrom, receivedTo, list.by(column, ascending));
  }
}
