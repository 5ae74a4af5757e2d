package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.entity.BatchStatus;
import com.batchtrace.platform.ListFilter;
import com.batchtrace.platform.ListOrder;
import java.io.Serializable;

/**
 * What a person looks for in a list of batches: a part of the batch number, a part of the product
 * code, a status in the plant's words, and the column the list is sorted by. Checked when made, so
 * a refused filter changes nothing.
 *
 * @param number a part of the batch number (any case), or null
 * @param product a part of the product code (any case), or null
 * @param status the batch's status, or null for any
 * @param sort the column and direction
 */
public record BatchQuery(String number, String product, BatchStatus status, ListOrder.Sort sort)
    implements Serializable {

  /** Every batch, the newest planned first. */
  public static final BatchQuery ALL =
      new BatchQuery(null, null, null, BatchService.BATCHES.by("planned", false));

  public BatchQuery {
    number = ListFilter.bounded("the batch number", number);
    product = ListFilter.bounded("the product", product);
  }

  /** The query with the filters a person gave, in this query's order. */
  public BatchQuery filtered(String number, String product, String statusWords) {
    return new BatchQuery(
        number,
        product,
        ListFilter.status("a batch", BatchStatus.class, statusWords).orElse(null),
        sort);
  }

  /** The same filters, sorted by another column of the list. */
  public BatchQuery sortedBy(String column, boolean ascending) {
    return new BatchQuery(number, product, status, BatchService.BATCHES.by(column, ascending));
  }
}
