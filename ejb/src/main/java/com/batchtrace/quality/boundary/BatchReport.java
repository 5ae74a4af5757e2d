package com.batchtrace.quality.boundary;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchCompletionView;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.PdfPageNumbers;
import com.batchtrace.platform.Sha256;
import com.batchtrace.platform.SiteZone;
import com.batchtrace.platform.Units;
import com.batchtrace.quality.boundary.BatchReview.DispositionView;
import com.batchtrace.quality.boundary.BatchReview.ReviewedException;
import com.batchtrace.quality.control.RecordLines;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The batch report: the complete electronic batch record as a PDF (OpenPDF) for the archive and for
 * whoever asks for "the paper": header, every step with its instructions, values against their
 * limits (corrections beside the original), lots charged and signatures with their manifestation,
 * the operator's signed completion (made, yield against its limits, comment), the exceptions with
 * QA's dispositions, the produced lots and QA's release or rejection. Every page says "Page x of
 * y". A PDF cannot carry its own checksum, so the SHA-256 of the finished bytes goes with the
 * download and into the security log (an "export" event), where anyone can compare a copy against
 * it. A batch record is a few pages, so it is built in memory.
 */
@ApplicationScoped
public class BatchReport {

  private static final String TITLE = "Batchtrace batch report";

  @Inject BatchRecords records;

  @Inject BatchReview review;

  @Inject SecurityLog securityLog;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  /** The report of a batch as PDF bytes, with their SHA-256; recorded as an export. */
  @Transactional
  public Report of(long batchId) {
    actor.require(Roles.QA_REVIEWER);
    BatchRunView run = records.run(batchId);
    BatchCompletionView completion = records.completion(batchId).orElse(null);
    BatchReview.Disposition decision = review.dispositionOfBatch(batchId);
    List<ReviewedException> exceptions = review.exceptions(batchId);
    byte[] pdf = render(new Contents(run, completion, decision, exceptions), actor.get(), clock);
    String sha256 = sha256(pdf);
    securityLog.record(
        SecurityEventKind.EXPORT,
        "PDF batch report of batch "
            + run.batchNumber()
            + " ("
            + run.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
            + "): "
            + pdf.length
            + " bytes, SHA-256 "
            + sha256);
    return new Report(run.batchNumber(), pdf, sha256);
  }

  /**
   * What a report shows: the batch as executed, its completion (null while it is not completed),
   * QA's decision so far and the exceptions with their dispositions.
   */
  record Contents(
      BatchRunView run,
      BatchCompletionView completion,
      BatchReview.Disposition decision,
      List<ReviewedException> exceptions) {}

  /** The report's bytes; until QA decides, every page says it is a copy for review. */
  static byte[] render(Contents contents, Actor by, Clock clock) {
    return new Writer(contents, by, clock).write();
  }

  /** The words every page of an undecided batch's report carries at its top. */
  static final String COPY_FOR_REVIEW =
      "COPY FOR REVIEW: the batch is not released or rejected; the archive package is the record";

  /** Stamps {@link #COPY_FOR_REVIEW} at the top of every page. */
  private static final class CopyForReview extends com.lowagie.text.pdf.PdfPageEventHelper {
    private final Font font = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    @Override
    public void onEndPage(PdfWriter writer, Document doc) {
      font.setColor(new java.awt.Color(170, 0, 0));
      com.lowagie.text.pdf.ColumnText.showTextAligned(
          writer.getDirectContent(),
          com.lowagie.text.Element.ALIGN_CENTER,
          new Phrase(COPY_FOR_REVIEW, font),
          (doc.left() + doc.right()) / 2,
          doc.top() + 14,
          0);
    }
  }

  private static String sha256(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  /**
   * A finished report.
   *
   * @param sha256 the SHA-256 of {@code pdf}, hex
   */
  public record Report(String batchNumber, byte[] pdf, String sha256) {}

  /** Lays out one report; one instance per report. */
  private static final class Writer {
    private final Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private final Font section = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private final Font text = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private final Document document = new Document(PageSize.A4, 36, 36, 36, 42);
    private final BatchRunView run;
    private final BatchCompletionView completion;
    private final BatchReview.Disposition decision;
    private final List<ReviewedException> exceptions;
    private final Actor by;
    private final Clock clock;

    Writer(Contents contents, Actor by, Clock clock) {
      this.run = contents.run();
      this.completion = contents.completion();
      this.decision = contents.decision();
      this.exceptions = contents.exceptions();
      this.by = by;
      this.clock = clock;
    }

    byte[] write() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PdfWriter writer = PdfWriter.getInstance(document, out);
      writer.setPageEvent(new PdfPageNumbers());
      if (decision.signature() == null) {
        writer.setPageEvent(new CopyForReview());
      }
      document.addTitle(TITLE + " " + run.batchNumber());
      document.open();
      header();
      steps();
      completion();
      exceptions();
      producedLots();
      qaDecision();
      document.close();
      return out.toByteArray();
    }

    private void header() {
      document.add(new Paragraph(TITLE + ": batch " + run.batchNumber(), heading));
      line("Product: " + run.productCode() + " " + run.productName());
      line(run.masterBatchRecord());
      line("Line: " + run.line());
      line("Planned quantity: " + Units.quantity(run.plannedQuantity(), run.unit()));
      line("Status: " + decision.status());
      line(
          "Report generated by "
              + by.displayName()
              + " ("
              + by.userId()
              + ") at "
              + SiteZone.format(clock.instant())
              + " ("
              + SiteZone.zone().getId()
              + "). Times are the site's, with their offset from UTC.");
      line(
          "The SHA-256 of this file is given with its download and recorded in the security log"
              + " (export events).");
    }

    private void steps() {
      for (StepRunView step : run.steps()) {
        title("Step " + step.position() + ": " + step.operation() + ", " + step.name());
        line(RecordLines.stepStatus(step));
        line("Instructions: " + step.instructions());
        line(RecordLines.stepTimes(step));
        if (!step.materials().isEmpty()) {
          table(
              List.of("Material needed", "Quantity", "Range", "Charged"),
              new float[] {40, 20, 25, 15},
              step.materials().stream().map(RecordLines::need).toList());
        }
        if (!step.charges().isEmpty()) {
          table(
              List.of("Lot charged", "Material", "Quantity", "Charged at"),
              new float[] {30, 25, 20, 25},
              step.charges().stream().map(RecordLines::charge).toList());
        }
        if (!step.parameters().isEmpty()) {
          table(
              List.of("Parameter", "Source", "Limits", "Critical", "Value"),
              new float[] {28, 16, 22, 10, 24},
              step.parameters().stream().map(Writer::parameter).toList());
        }
        if (!step.entries().isEmpty()) {
          Map<Long, EntryView> byId =
              step.entries().stream().collect(Collectors.toMap(EntryView::id, Function.identity()));
          table(
              List.of("Value entered", "Limits", "Taken / entered", "By", "Correction"),
              new float[] {24, 14, 26, 16, 20},
              step.entries().stream().map(e -> RecordLines.entry(e, byId)).toList());
        }
        signatures("Signatures of the step", step.signatures());
      }
    }

    /**
     * The operator's signed completion: when, what was made against the plan, the yield against the
     * master record's limits, the comment, and the "performed" signature.
     */
    private void completion() {
      title("Completion");
      if (completion == null) {
        line("Not completed yet.");
        return;
      }
      BatchCompletionView c = completion;
      line("Completed at " + SiteZone.format(c.completedAt()) + ".");
      line(
          "Made: "
              + Units.quantity(c.made(), c.unit())
              + " of the planned "
              + Units.quantity(c.planned(), c.unit())
              + "; yield "
              + Units.quantity(c.yieldPercent(), "%")
              + (c.yieldLowPercent() == null
                  ? " (the master record sets no yield limits)."
                  : (c.outsideYieldLimits() ? ", outside " : ", within ")
                      + Units.limits(c.yieldLowPercent(), c.yieldHighPercent(), "%")
                      + "."));
      if (c.comment() != null) {
        line("Operator's comment: \"" + c.comment() + "\"");
      }
      signatures("Signature of the completion", c.signatures());
    }

    private void exceptions() {
      title("Exceptions and QA's dispositions");
      if (exceptions.isEmpty()) {
        line("None.");
        return;
      }
      for (ReviewedException reviewed : exceptions) {
        ExceptionView x = reviewed.exception();
        line(RecordLines.exception(x));
        DispositionView d = reviewed.disposition();
        if (d == null) {
          line("    Not dispositioned.");
        } else {
          line(
              "    Disposition: "
                  + d.decision()
                  + (d.deviationReference() == null ? "" : ", deviation " + d.deviationReference())
                  + ": "
                  + d.justification());
          d.signatures().forEach(s -> line("    " + RecordLines.manifestation(s)));
        }
      }
    }

    private void producedLots() {
      title("Produced lots");
      if (decision.lots().isEmpty()) {
        line("None yet.");
        return;
      }
      table(
          List.of("Lot", "Material", "Quantity", "Status"),
          new float[] {30, 30, 20, 20},
          decision.lots().stream()
              .map(
                  l ->
                      List.of(
                          l.lotNumber(),
                          l.materialCode() + " " + l.materialName(),
                          l.receivedQuantity() + " " + l.unit(),
                          l.status()))
              .toList());
    }

    private void qaDecision() {
      title("QA's decision");
      if (decision.signature() == null) {
        line("Not released or rejected yet: the batch is " + decision.status() + ".");
      } else {
        line(RecordLines.manifestation(decision.signature()));
      }
    }

    private void signatures(String caption, List<SignatureView> signed) {
      if (signed.isEmpty()) {
        line(caption + ": none.");
        return;
      }
      line(caption + ":");
      signed.forEach(s -> line("    " + RecordLines.manifestation(s)));
    }

    private void title(String title) {
      Paragraph p = new Paragraph(title, section);
      p.setSpacingBefore(10);
      p.setSpacingAfter(2);
      document.add(p);
    }

    private void line(String line) {
      document.add(new Paragraph(line, text));
    }

    private void table(List<String> columns, float[] widths, List<List<String>> rows) {
      PdfPTable table = new PdfPTable(widths);
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      table.setSpacingBefore(3);
      table.setSpacingAfter(3);
      for (String column : columns) {
        PdfPCell cell = new PdfPCell(new Phrase(column, bold));
        cell.setGrayFill(0.9f);
        table.addCell(cell);
      }
      rows.forEach(row -> row.forEach(value -> table.addCell(new Phrase(value, small))));
      document.add(table);
    }

    private static List<String> parameter(ParameterRun p) {
      String value;
      if (p.manual()) {
        value =
            p.entry() == null
                ? "not entered"
                : p.entry().value() + " " + RecordLines.unit(p.unit());
      } else {
        value =
            p.liveValue() == null
                ? "no machine value"
                : p.liveValue()
                    + " "
                    + RecordLines.unit(p.unit())
                    + " at "
                    + SiteZone.format(p.liveAt())
                    + (p.liveWithinLimits() ? "" : " (outside the limits)");
      }
      return List.of(
          p.name(),
          p.manual() ? "manual" : "machine " + p.tag(),
          RecordLines.limits(p.lowLimit(), p.highLimit(), p.unit()),
          p.critical() ? "yes" : "no",
          value);
    }
  }
}
