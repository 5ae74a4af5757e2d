package com.batchtrace.web.shell;

import com.batchtrace.genealogy.boundary.BatchQuery;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.genealogy.entity.BatchStatus;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;
import java.util.List;

/**
 * A list of batches with its filter (a part of the batch number or product, a status in words) and
 * its order by column, paged from the database: the planning list (admin) and all batch records
 * (review) are the same list.
 */
public class BatchList implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String whenEmpty;
  private BatchQuery query = BatchQuery.ALL;
  private String number;
  private String product;
  private String status;
  private final ListAddress address = new ListAddress();

  private final PagedModel<BatchView> rows =
      new PagedModel<BatchView>(
              () -> service().page(query, 0, 0).total(),
              (offset, limit) -> service().page(query, offset, limit).rows())
          .sortedBy(this::sortBy);

  /**
   * @param whenEmpty what the list says when there is no batch at all
   */
  public BatchList(String whenEmpty) {
    this.whenEmpty = whenEmpty;
  }

  /** Applies the filters; a refused filter leaves the list as it was. */
  public void apply() {
    Feedback.attempt(() -> query = query.filtered(number, product, status), null);
  }

  public void clear() {
    number = null;
    product = null;
    status = null;
    apply();
  }

  /** The filters and order from the page's address ({@code ?number=…&sort=batch&order=asc}). */
  public void fromAddress() {
    apply();
    address.sortTo(this::sortBy);
  }

  private void sortBy(String column, boolean ascending) {
    Feedback.attempt(() -> query = query.sortedBy(column, ascending), null);
  }

  /** What the list says when it shows no batch: none yet, or which filter matched none. */
  public String getEmptyMessage() {
    PlantWords words = CDI.current().select(PlantWords.class).get();
    return ListWords.nothingMatches(
        "batches",
        ListWords.criteria(
            query.number(),
            query.product() == null ? null : "product “" + query.product() + "”",
            query.status() == null ? null : "status " + words.of(query.status())),
        whenEmpty);
  }

  /** The statuses of a batch, in the order a batch goes through them. */
  public List<String> getStatuses() {
    return ListWords.statuses(BatchStatus.class);
  }

  private static BatchService service() {
    return CDI.current().select(BatchService.class).get();
  }

  public PagedModel<BatchView> getRows() {
    return rows;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public String getProduct() {
    return product;
  }

  public void setProduct(String product) {
    this.product = product;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public ListAddress getAddress() {
    return address;
  }
}
