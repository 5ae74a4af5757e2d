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

  @Inject GenealogyService genealogy;

  @Inject com.batchtrace.web.shell.PlantWords words;

  private String lotNumber;
  private String direction = "FORWARD";
  private boolean finishedOnly;
  private boolean recall;
  private Trace trace;
  private GenealogyTree tree;

  public void trace() {
    recall = false;
    run();
  }

  /** Traces forward from the lot of the address ({@code ?lot=}), for links to a lot. */
  public void open() {
    if (lotNumber != null && !lotNumber.isBlank() && trace == null) {
      trace();
    }
  }

  private void run() {
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

  /**
   * Recall impact: forward, every lot made from this one, intermediate and finished, counted and
   * labelled (a recall reaches intermediates in stock as well as finished goods).
   */
  public void recallImpact() {
    direction = "FORWARD";
    finishedOnly = false;
    recall = true;
    run();
  }

  public boolean isRecall() {
    return recall;
  }

  public List<TracedLot> getLots() {
    return trace == null ? List.of() : trace.lots(finishedOnly);
  }

  /**
   * The trace in one sentence, consistent with the tree: every lot reached, counted by kind, e.g.
   * "4 lots made from lot R-1 (RAW-1, quarantine): 1 intermediate, 3 finished."
   */
  public String getSummary() {
    if (trace == null) {
      return "";
    }
    List<TracedLot> all = trace.lots(false);
    String start =
        " lot "
            + trace.start().lotNumber()
            + " ("
            + trace.start().materialCode()
            + ", "
            + words.of(trace.start().status()).toLowerCase(java.util.Locale.ROOT)
            + ")";
    String counted = all.size() + (all.size() == 1 ? " lot" : " lots");
    if (!trace.forward()) {
      return counted + " went into" + start + ".";
    }
    java.util.Map<String, Long> byKind =
        all.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    TracedLot::materialKind,
                    () -> new java.util.TreeMap<>(TracePage::kindOrder),
                    java.util.stream.Collectors.counting()));
    String kinds =
        byKind.isEmpty()
            ? ""
            : ": "
                + byKind.entrySet().stream()
                    .map(
                        e ->
                            e.getValue()
                                + " "
                                + words.of(e.getKey()).toLowerCase(java.util.Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", "));
    return (recall ? "Recall impact: " : "")
        + counted
        + " made from"
        + start
        + kinds
        + "."
        + (finishedOnly ? " The list below shows the finished lots only." : "");
  }

  /** Kinds in the order material flows: raw, intermediate, finished, then the rest by name. */
  private static int kindOrder(String a, String b) {
    List<String> flow = List.of("RAW", "INTERMEDIATE", "FINISHED");
    int ia = flow.indexOf(a);
    int ib = flow.indexOf(b);
    ia = ia < 0 ? flow.size() : ia;
    ib = ib < 0 ? flow.size() : ib;
    return ia != ib ? Integer.compare(ia, ib) : String.valueOf(a).compareTo(String.valueOf(b));
  }

  /** What the empty list means, consistent with the tree above it. */
  public String getEmptyMessage() {
    if (trace == null) {
      return "";
    }
    if (!trace.forward()) {
      return "Nothing went into this lot: it was received, not produced.";
    }
    int all = trace.lots(false).size();
    return all == 0
        ? "Nothing was made from this lot yet."
        : "No finished lot was made from it yet; clear \"Finished lots only\" to list the "
            + all
            + (all == 1 ? " lot" : " lots")
            + " that were.";
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
