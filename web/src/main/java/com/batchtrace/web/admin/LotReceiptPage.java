package com.batchtrace.web.admin;

import com.batchtrace.genealogy.boundary.LotQuery;
import com.batchtrace.genealogy.boundary.LotReceipt;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.boundary.MaterialView;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.ListAddress;
import com.batchtrace.web.shell.ListWords;
import com.batchtrace.web.shell.PagedModel;
import com.batchtrace.web.shell.PlantWords;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Backing bean of admin/lots.xhtml: receiving lots into quarantine and the latest receipts. */
@Named
@ViewScoped
public class LotReceiptPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject LotService lots;

  @Inject MaterialService materials;

  @Inject PlantWords words;

  private LotQuery query = LotQuery.ALL;

  private final PagedModel<LotView> latest =
      new PagedModel<LotView>(
              () -> lotService().page(null, query, 0, 0).total(),
              (offset, limit) -> lotService().page(null, query, offset, limit).rows())
          .sortedBy(this::sortBy);

  private String filterText;
  private String filterStatus;
  private LocalDate receivedFrom;
  private LocalDate receivedTo;
  private final ListAddress address = new ListAddress();

  private String lotNumber;
  private String materialCode;
  private BigDecimal quantity;
  private LocalDate expiry;
  private String supplierLot;

  private static LotService lotService() {
    return CDI.current().select(LotService.class).get();
  }

  public void receive() {
    LotReceipt receipt =
        new LotReceipt(lotNumber, materialCode, quantity, expiry, supplierLot, null);
    if (Feedback.attempt(
        () -> lots.receive(receipt), "Lot " + lotNumber + " received into quarantine.")) {
      lotNumber = null;
      quantity = null;
      supplierLot = null;
    }
  }

  /** Applies the filters; a refused filter leaves the list as it was. */
  public void apply() {
    Feedback.attempt(
        () -> query = query.filtered(filterText, filterStatus, receivedFrom, receivedTo), null);
  }

  /** Clears the filters; the order stays. */
  public void clear() {
    filterText = null;
    filterStatus = null;
    receivedFrom = null;
    receivedTo = null;
    apply();
  }

  /**
   * The filters and order given in the page's address ({@code
   * ?q=…&status=…&sort=expiry&order=asc}), so a filtered list can be bookmarked; a refused one is
   * said, and the list is shown unfiltered.
   */
  public void fromAddress() {
    apply();
    address.sortTo(this::sortBy);
  }

  private void sortBy(String column, boolean ascending) {
    Feedback.attempt(() -> query = query.sortedBy(LotService.RECEIVED, column, ascending), null);
  }

  /** What the list says when no lot is shown: nothing received yet, or nothing matches. */
  public String getEmptyMessage() {
    return ListWords.nothingMatches("lots", describe(), "No lots received yet.");
  }

  private String describe() {
    return ListWords.criteria(
        query.text(),
        query.status() == null ? null : "status " + words.of(query.status()),
        query.receivedFrom() == null ? null : "received from " + query.receivedFrom(),
        query.receivedTo() == null ? null : "received up to " + query.receivedTo());
  }

  public List<String> getStatuses() {
    return ListWords.statuses(LotQuery.Status.class);
  }

  public List<MaterialView> getMaterials() {
    return materials.all().stream().filter(MaterialView::active).toList();
  }

  public PagedModel<LotView> getLatest() {
    return latest;
  }

  public String getLotNumber() {
    return lotNumber;
  }

  public void setLotNumber(String lotNumber) {
    this.lotNumber = lotNumber;
  }

  public String getMaterialCode() {
    return materialCode;
  }

  public void setMaterialCode(String materialCode) {
    this.materialCode = materialCode;
  }

  public BigDecimal getQuantity() {
    return quantity;
  }

  public void setQuantity(BigDecimal quantity) {
    this.quantity = quantity;
  }

  public LocalDate getExpiry() {
    return expiry;
  }

  public void setExpiry(LocalDate expiry) {
    this.expiry = expiry;
  }

  public String getFilterText() {
    return filterText;
  }

  public void setFilterText(String filterText) {
    this.filterText = filterText;
  }

  public String getFilterStatus() {
    return filterStatus;
  }

  public void setFilterStatus(String filterStatus) {
    this.filterStatus = filterStatus;
  }

  public LocalDate getReceivedFrom() {
    return receivedFrom;
  }

  public void setReceivedFrom(LocalDate receivedFrom) {
    this.receivedFrom = receivedFrom;
  }

  public LocalDate getReceivedTo() {
    return receivedTo;
  }

  public void setReceivedTo(LocalDate receivedTo) {
    this.receivedTo = receivedTo;
  }

  public ListAddress getAddress() {
    return address;
  }

  public String getSupplierLot() {
    return supplierLot;
  }

  public void setSupplierLot(String supplierLot) {
    this.supplierLot = supplierLot;
  }
}
