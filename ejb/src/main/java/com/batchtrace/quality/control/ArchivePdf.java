package com.batchtrace.quality.control;

import com.batchtrace.collection.boundary.Point;
import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.TracedLot;
import com.batchtrace.platform.SiteZone;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The archive copy of a batch record: a PDF/A-3b ({@link PdfA3Pages}) that a reader without
 * Batchtrace can open in fifteen years. It prints the master record version, every step with its
 * values (corrections beside the original), lots charged and signatures with their manifestation;
 * the exceptions with QA's signed dispositions; each parameter's process data as a summary and a
 * chart; the produced lots' genealogy both ways; the batch's audit trail; and the release decision.
 * The JSON record ({@link ArchiveJson}) travels inside it as an associated file ("Data").
 */
public final class ArchivePdf {

  /** The name of the JSON record, inside the PDF and beside it. */
  public static final String JSON_NAME = "record.json";

  private ArchivePdf() {}

  /** The PDF/A-3b bytes, with {@code json} attached. */
  public static byte[] write(ArchiveContent c, byte[] json) {
    try (PdfA3Pages pdf = new PdfA3Pages()) {
      BatchRunView run = c.run();
      pdf.title("Batch record " + run.batchNumber() + " (archive copy)");
      pdf.line("Product: " + run.productCode() + " " + run.productName());
      pdf.line("Master batch record: " + run.masterBatchRecord());
      pdf.line("Line: " + run.line());
      pdf.line("Planned quantity: " + plain(run.plannedQuantity()) + " " + text(run.unit()));
      pdf.line("Status at archiving: " + c.status());
      pdf.line(
          "Archive package "
              + c.packageName()
              + ", written "
              + SiteZone.format(c.archivedAt())
              + " ("
              + c.reason()
              + ")"
              + (c.archivedByName() == null
                  ? ""
                  : " by " + c.archivedByName() + " (" + c.archivedById() + ")")
              + ". Times are the site's ("
              + SiteZone.zone().getId()
              + "), with their offset from UTC.");
      pdf.line(
          "The machine-readable record "
              + JSON_NAME
              + " is attached to this PDF and lies beside it; the package's signed manifest holds"
              + " the SHA-256 of both.");
      decision(pdf, c);
      steps(pdf, run);
      exceptions(pdf, c.exceptions());
      process(pdf, c.processData());
      lots(pdf, c);
      audit(pdf, c.auditTrail());
      pdf.attach(
          JSON_NAME,
          "application/json",
          "Data",
          "The machine-readable batch record (" + ArchiveJson.SCHEMA + ")",
          json,
          c.archivedAt());
      return pdf.finish(
          "Batch record " + run.batchNumber(),
          "Batch record " + run.batchNumber() + " · " + run.productCode() + " · archive copy",
          "Batch " + run.batchNumber() + " · package " + c.packageName(),
          c.archivedAt());
    }
  }

  private static void decision(PdfA3Pages pdf, ArchiveContent c) {
    pdf.section("Release decision");
    pdf.line(
        c.decision() == null
            ? "Not released or rejected at archiving: the batch was " + c.status() + "."
            : RecordLines.manifestation(c.decision()));
  }

  private static void steps(PdfA3Pages pdf, BatchRunView run) {
    for (StepRunView step : run.steps()) {
      pdf.section("Step " + step.position() + ": " + step.operation() + ", " + step.name());
      pdf.line(RecordLines.stepStatus(step));
      pdf.line("Instructions: " + text(step.instructions()));
      pdf.line(RecordLines.stepTimes(step));
      if (!step.materials().isEmpty()) {
        pdf.table(
            List.of("Material needed", "Quantity", "Range", "Charged"),
            new float[] {40, 20, 25, 15},
            step.materials().stream().map(RecordLines::need).toList());
      }
      if (!step.charges().isEmpty()) {
        pdf.table(
            List.of("Lot charged", "Material", "Quantity", "Charged at"),
            new float[] {30, 25, 20, 25},
            step.charges().stream().map(RecordLines::charge).toList());
      }
      if (!step.parameters().isEmpty()) {
        pdf.table(
            List.of("Parameter", "Source", "Limits", "Critical"),
            new float[] {34, 30, 26, 10},
            step.parameters().stream().map(ArchivePdf::parameter).toList());
      }
      if (!step.entries().isEmpty()) {
        Map<Long, EntryView> byId =
            step.entries().stream().collect(Collectors.toMap(EntryView::id, Function.identity()));
        pdf.table(
            List.of("Value entered", "Limits", "Taken / entered", "By", "Correction"),
            new float[] {24, 14, 26, 16, 20},
            step.entries().stream().map(e -> RecordLines.entry(e, byId)).toList());
      }
      if (step.signatures().isEmpty()) {
        pdf.line("Signatures of the step: none.");
      } else {
        pdf.line("Signatures of the step:");
        step.signatures().forEach(s -> pdf.line("    " + RecordLines.manifestation(s)));
      }
    }
  }

  private static void exceptions(PdfA3Pages pdf, List<ArchiveContent.Exception> exceptions) {
    pdf.section("Exceptions and QA's dispositions");
    if (exceptions.isEmpty()) {
      pdf.line("None.");
    }
    for (ArchiveContent.Exception reviewed : exceptions) {
      ExceptionView x = reviewed.exception();
      pdf.line(RecordLines.exception(x));
      if (reviewed.disposition() == null) {
        pdf.line("    Not dispositioned.");
      } else {
        pdf.line(
            "    Disposition: "
                + reviewed.disposition()
                + (reviewed.deviationReference() == null
                    ? ""
                    : ", deviation " + reviewed.deviationReference())
                + ": "
                + text(reviewed.justification()));
        reviewed.signatures().forEach(s -> pdf.line("    " + RecordLines.manifestation(s)));
      }
    }
  }

  private static void process(PdfA3Pages pdf, List<ArchiveContent.ProcessSummary> data) {
    pdf.section("Process data");
    if (data.isEmpty()) {
      pdf.line("The master batch record names no machine parameter.");
      return;
    }
    pdf.line(
        "Per machine parameter of each step: the values its tag published while the batch ran that"
            + " step. Time out of limits runs from each value outside the limits to the next value."
            + " A series of more than 500 values is kept as each time bucket's lowest and highest"
            + " value: its minimum and maximum stay exact, its mean and time out of limits are"
            + " taken over the kept values.");
    pdf.table(
        List.of(
            "Step",
            "Parameter (tag)",
            "Limits",
            "Values",
            "Minimum",
            "Maximum",
            "Mean",
            "Out of limits"),
        new float[] {6, 24, 16, 9, 11, 11, 11, 12},
        data.stream()
            .map(
                summary -> {
                  var p = summary.series();
                  return List.of(
                      String.valueOf(p.stepPosition()),
                      p.parameter()
                          + " ("
                          + (p.topic() == null ? p.tag() : p.topic())
                          + ")"
                          + (p.critical() ? ", critical" : ""),
                      RecordLines.limits(p.low(), p.high(), p.unit()),
                      p.samples() + (p.downsampled() ? " (" + p.points().size() + " kept)" : ""),
                      value(summary.minimum(), p.unit()),
                      value(summary.maximum(), p.unit()),
                      value(summary.mean(), p.unit()),
                      p.points().isEmpty() ? "-" : duration(summary.outOfLimits()));
                })
            .toList());
    for (ArchiveContent.ProcessSummary summary : data) {
      var p = summary.series();
      if (p.points().isEmpty()) {
        continue;
      }
      pdf.chart(
          p.points().stream().map(Point::ts).toList(),
          p.points().stream().map(Point::value).toList(),
          p.low() == null ? null : p.low().doubleValue(),
          p.high() == null ? null : p.high().doubleValue(),
          "Step "
              + p.stepPosition()
              + ", "
              + p.parameter()
              + " ("
              + text(p.unit())
              + ") from "
              + SiteZone.format(p.points().get(0).ts())
              + " to "
              + SiteZone.format(p.points().get(p.points().size() - 1).ts())
              + "; the red lines are the limits.");
    }
  }

  private static void lots(PdfA3Pages pdf, ArchiveContent c) {
    pdf.section("Produced lots");
    if (c.producedLots().isEmpty()) {
      pdf.line("None.");
    } else {
      pdf.table(
          List.of("Lot", "Material", "Quantity", "Status"),
          new float[] {30, 30, 20, 20},
          c.producedLots().stream()
              .map(
                  l ->
                      List.of(
                          l.lotNumber(),
                          l.materialCode() + " " + l.materialName(),
                          plain(l.receivedQuantity()) + " " + text(l.unit()),
                          l.status()))
              .toList());
    }
    pdf.section("Genealogy");
    if (c.genealogy().isEmpty()) {
      pdf.line("No produced lot, so no genealogy to trace.");
    }
    for (ArchiveContent.Genealogy g : c.genealogy()) {
      pdf.line("Lot " + g.lotNumber() + ", backward (what went into it):");
      traced(pdf, g.backward());
      pdf.line("Lot " + g.lotNumber() + ", forward (where it went):");
      traced(pdf, g.forward());
    }
  }

  private static void traced(PdfA3Pages pdf, List<TracedLot> lots) {
    if (lots.isEmpty()) {
      pdf.line("    None.");
      return;
    }
    pdf.table(
        List.of("Lot", "Material", "Status", "Made by batch"),
        new float[] {30, 30, 20, 20},
        lots.stream()
            .map(
                l ->
                    List.of(
                        l.lotNumber(),
                        l.materialCode(),
                        l.status(),
                        l.producedByBatch() == null ? "received" : l.producedByBatch()))
            .toList());
  }

  private static void audit(PdfA3Pages pdf, List<AuditEntry> trail) {
    pdf.section("Audit trail of the batch");
    if (trail.isEmpty()) {
      pdf.line("No entries.");
      return;
    }
    pdf.table(
        List.of("Revision", "Time", "Who", "Record", "Action", "Why"),
        new float[] {8, 18, 18, 18, 10, 28},
        trail.stream()
            .map(
                a ->
                    List.of(
                        String.valueOf(a.revision()),
                        SiteZone.format(a.time()),
                        text(a.userName()) + " (" + a.userId() + ")",
                        a.recordType() + " " + a.recordId(),
                        a.action(),
                        text(a.reason())))
            .toList());
  }

  private static List<String> parameter(ParameterRun p) {
    return List.of(
        p.name(),
        p.manual() ? "manual" : "machine " + p.tag(),
        RecordLines.limits(p.lowLimit(), p.highLimit(), p.unit()),
        p.critical() ? "yes" : "no");
  }

  private static String value(Double v, String unit) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v) + " " + text(unit);
  }

  private static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }

  private static String plain(BigDecimal d) {
    return d == null ? "" : d.toPlainString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
