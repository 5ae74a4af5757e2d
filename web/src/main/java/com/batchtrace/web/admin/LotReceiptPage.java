package com.batchtrace.web.admin;

import com.batchtrace.genealogy.boundary.LotReceipt;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.boundary.MaterialView;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.PagedModel;
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

  @Inject transient LotService lots;

  @Inject transient MaterialService materials;

  private final PagedModel<LotView> latest =
      new PagedModel<>(
          () -> lotService().page(null, 0, 0).total(),
          (offset, limit) -> lotService().page(null, offset, limit).rows());

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

  public String getSupplierLot() {
    return supplierLot;
  }

  public void setSupplierLot(String supplierLot) {
    this.supplierLot = supplierLot;
  }
}
