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
 * Backing bean of review/trace.xhtml: a lot number typed or scanned, the direction, and the lots
 * the trace reached; "recall impact" narrows a forward trace to finished lots.
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

  public void trace() {
    Feedback.attempt(() -> trace = genealogy.traceByNumber(lotNumber, direction), null);
  }

  /** Recall impact: forward to the finished lots, in one click. */
  public void recallImpact() {
    direction = "FORWARD";
    finishedOnly = true;
    trace();
  }

  public List<TracedLot> getLots() {
    if (trace == null) {
      return List.of();
    }
    return finishedOnly && "FORWARD".equals(trace.direction())
        ? trace.lots().stream().filter(TracedLot::finished).toList()
        : trace.lots();
  }

  /** The CSV download of this trace. */
  public String getExportLink() {
    return trace == null
        ? null
        : "trace-export?lot="
            + URLEncoder.encode(trace.start().lotNumber(), StandardCharsets.UTF_8)
            + "&direction="
            + trace.direction()
            + (finishedOnly ? "&finishedOnly=true" : "");
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
