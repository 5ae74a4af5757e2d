package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.LotQuery;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.ListWords;
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

  @Inject LotService lots;

  @Inject SignatureForm signatureForm;

  private LotQuery waiting = LotQuery.ALL;
  private LotQuery done = LotQuery.ALL_DECIDED;
  private String filterText;
  private String appliedText;

  private final PagedModel<LotView> quarantine =
      new PagedModel<LotView>(
              () -> lotService().page(LotDisposition.QUARANTINE, waiting, 0, 0).total(),
              (offset, limit) ->
                  lotService().page(LotDisposition.QUARANTINE, waiting, offset, limit).rows())
          .sortedBy(
              (column, ascending) ->
                  Feedback.attempt(
                      () -> waiting = waiting.sortedBy(LotService.RECEIVED, column, ascending),
                      null));

  private final PagedModel<LotView> decided =
      new PagedModel<LotView>(
              () -> lotService().decided(done, 0, 0).total(),
              (offset, limit) -> lotService().decided(done, offset, limit).rows())
          .sortedBy(
              (column, ascending) ->
                  Feedback.attempt(
                      () -> done = done.sortedBy(LotService.DECIDED, column, ascending), null));

  /** Applies the filter to both lists; a refused filter leaves them as they were. */
  public void apply() {
    Feedback.attempt(
        () -> {
          LotQuery w = waiting.filtered(filterText, null, null, null);
          done = done.filtered(filterText, null, null, null);
          waiting = w;
          appliedText = w.text();
        },
        null);
  }

  public void clear() {
    filterText = null;
    apply();
  }

  /** What the quarantine list says when it shows no lot. */
  public String getQuarantineEmpty() {
    return ListWords.nothingMatches(
        "lots in quarantine",
        ListWords.criteria(appliedText),
        "No lots are waiting in quarantine.");
  }

  /** What the decided list says when it shows no lot. */
  public String getDecidedEmpty() {
    return ListWords.nothingMatches(
        "decided lots", ListWords.criteria(appliedText), "QA has not decided on any lot yet.");
  }

  public String getFilterText() {
    return filterText;
  }

  public void setFilterText(String filterText) {
    this.filterText = filterText;
  }

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
