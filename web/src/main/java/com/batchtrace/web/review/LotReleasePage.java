package com.batchtrace.web.review;

import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

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

  private List<LotView> quarantine;
  private List<LotView> decided;
  private LotView selected;

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
            lots.release(id, signatureForm.take(SignatureMeaning.RELEASED));
          } else {
            lots.reject(id, signatureForm.take(SignatureMeaning.REJECTED));
          }
        },
        "Lot " + lot + (release ? " released." : " rejected."))) {
      quarantine = null;
      decided = null;
      selected = null;
    }
  }

  public List<LotView> getQuarantine() {
    if (quarantine == null) {
      quarantine = lots.list(LotDisposition.QUARANTINE, 100);
    }
    return quarantine;
  }

  public List<LotView> getDecided() {
    if (decided == null) {
      decided =
          lots.list(null, 50).stream().filter(l -> !"QUARANTINE".equals(l.disposition())).toList();
    }
    return decided;
  }

  public LotView getSelected() {
    return selected;
  }
}
