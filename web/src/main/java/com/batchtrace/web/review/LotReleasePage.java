package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.PagedModel;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backing bean of review/lots.xhtml: lots waiting in quarantine, and QA's release or rejection of
 * the selected one through the signature dialog.
 */
@Named
@ViewScoped
public class LotReleasePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient LotService lots;

  @Inject SignatureForm signatureForm;

  private final PagedModel<LotView> quarantine =
      new PagedModel<>(
          () -> lotService().page(LotDisposition.QUARANTINE, 0, 0).total(),
          (offset, limit) -> lotService().page(LotDisposition.QUARANTINE, offset, limit).rows());

  private final PagedModel<LotView> decided =
      new PagedModel<>(
          () -> lotService().decided(0, 0).total(),
          (offset, limit) -> lotService().decided(offset, limit).rows());

  private LotView selected;

  private static LotService lotService() {
    return CDI.current().select(LotService.class).get();
  }

  public void select(LotView lot) {
    selected = lot;
  }

  public void release() {
    decide(true);
  }

  public void reject() {
    decide(false);
  }

  private void decide(boolean release) {
    long id = selected.id();
    String lot = selected.lotNumber();
    if (Feedback.attempt(
        () -> {
          if (release) {
            lots.release(id, signatureForm.take());
          } else {
            lots.reject(id, signatureForm.take());
          }
        },
        "Lot " + lot + (release ? " released." : " rejected."))) {
      selected = null;
    }
  }

  public PagedModel<LotView> getQuarantine() {
    return quarantine;
  }

  public PagedModel<LotView> getDecided() {
    return decided;
  }

  public LotView getSelected() {
    return selected;
  }
}
