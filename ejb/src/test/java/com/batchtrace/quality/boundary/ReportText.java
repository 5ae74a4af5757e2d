package com.batchtrace.quality.boundary;

import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.identity.boundary.Actor;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The batch report's text as a reader sees it, for the report's tests; and their batch. */
final class ReportText {

  /** A batch of 40 kg in review, its steps left out. */
  static final BatchRunView RUN =
      new BatchRunView(
          7,
          "GRN-26-0001",
          "GRN-0500",
          "Granulate 500",
          "kg",
          new BigDecimal("40.000000"),
          "GRN-0500 version 1",
          1,
          "Granulation line 1",
          "IN_REVIEW",
          List.of(),
          null,
          false);

  private ReportText() {}

  /** The text of the report on these contents, made by a QA reviewer at the clock's time. */
  static String of(BatchReport.Contents contents, Clock clock) throws Exception {
    byte[] pdf =
        BatchReport.render(
            contents,
            new Actor("reviewer", "Rita Reyes", "10.0.0.9", Set.of("qa-reviewer")),
            clock);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
