package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.GenealogyService;
import com.batchtrace.genealogy.boundary.Trace;
import com.batchtrace.genealogy.boundary.TracedLot;
import com.batchtrace.web.shell.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Backing bean of review/trace.xhtml: a lot number typed or scanned, the direction, the genealogy
 * tree from the lot, and the lots the trace reached; "recall impact" narrows a forward trace to
 * finished lots.
 */
@Named
@ViewScoped
public class TracePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient GenealogyService genealogy;

  private String lotNumber;
  private String direction = "FORWARD";
  private boolean finishedOnly;
  private Trace trace;
  private GenealogyTree tree;

  public void trace() {
    Feedback.attempt(
        () -> {
          trace = genealogy.traceByNumber(lotNumber, direction);
          String traced = trace.direction();
          tree =
              new GenealogyTree(
                  trace.start(),
                  lotId -> genealogy.step(lotId, traced, GenealogyService.STEP_LIMIT));
        },
        null);
  }

  /** Recall impact: forward to the finished lots, in one click. */
  public void recallImpact() {
    direction = "FORWARD";
    finishedOnly = true;
    trace();
  }

  public List<TracedLot> getLots() {
    return trace == null ? List.of() : trace.lots(finishedOnly);
  }

  /** The CSV download of this trace. */
  public String getExportLink() {
    return exportLink("csv");
  }

  /** The PDF download of this trace. */
  public String getPdfExportLink() {
    return exportLink("pdf");
  }

  private String exportLink(String format) {
    return trace == null
        ? null
        : "trace-export?lot="
            + URLEncoder.encode(trace.start().lotNumber(), StandardCharsets.UTF_8)
            + "&direction="
            + trace.direction()
            + (finishedOnly && trace.forward() ? "&finishedOnly=true" : "")
            + "&format="
            + format;
  }

  public GenealogyTree getTree() {
    return tree;
  }

  public Trace getTrace() {
    return trace;
  }

  public String getLotNumber() {
    return lotNumber;
  }

  public void setLotNumber(String lotNumber) {
    this.lotNumber = lotNumber;
  }

  public String getDirection() {
    return direction;
  }

  public void setDirection(String direction) {
    this.direction = direction;
  }

  public boolean isFinishedOnly() {
    return finishedOnly;
  }

  public void setFinishedOnly(boolean finishedOnly) {
    this.finishedOnly = finishedOnly;
  }
}
