package com.batchtrace.quality.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchCompletionView;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.platform.SiteZone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The batch report carries the operator's signed completion: who signed it (full name and user id),
 * when (in the site's time zone), its meaning, the quantity made against the plan, the yield
 * against the master record's limits and the operator's comment.
 */
@Tag("URS-083")
class BatchReportCompletionTest {

  private static final Instant COMPLETED = Instant.parse("2026-11-20T09:15:00Z");

  private static final BatchRunView RUN =
      new BatchRunView(
          7,
          "GRN-26-0001",
          "GRN-0500",
          "Granulate 500",
          "kg",
          new BigDecimal("100.000000"),
          "GRN-0500 version 1",
          1,
          "Granulation line 1",
          "IN_REVIEW",
          List.of(),
          null,
          false);

  private static final SignatureView PERFORMED =
      new SignatureView(
          3,
          "operator1",
          "acc",
          "Oliver Operator",
          "PERFORMED",
          "Performed by",
          null,
          COMPLETED,
          "BatchCompletion",
          "7",
          "cd".repeat(32),
          true);

  private static String report(BatchCompletionView completion) throws Exception {
    byte[] pdf =
        BatchReport.render(
            RUN,
            completion,
            new BatchReview.Disposition(7, "GRN-26-0001", "IN_REVIEW", null, List.of()),
            List.of(),
            new Actor("reviewer", "Rita Reyes", "10.0.0.9", Set.of("qa-reviewer")),
            Clock.fixed(COMPLETED.plusSeconds(3600), ZoneOffset.UTC));
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theReportShowsTheSignedCompletionWithYieldAndComment() throws Exception {
    String text =
        report(
            new BatchCompletionView(
                "GRN-26-0001",
                COMPLETED,
                new BigDecimal("100"),
                new BigDecimal("90.5"),
                "kg",
                new BigDecimal("90.5"),
                new BigDecimal("95"),
                new BigDecimal("102"),
                "Sieve blocked; 9.5 kg scrapped",
                List.of(PERFORMED)));
    assertTrue(text.contains("Completion"), text);
    assertTrue(text.contains("Completed at " + SiteZone.format(COMPLETED)), text);
    assertTrue(
        text.contains("Made: 90.5 kg of the planned 100 kg; yield 90.5 %, outside 95 to 102 %"),
        text);
    assertTrue(text.contains("Operator's comment: \"Sieve blocked; 9.5 kg scrapped\""), text);
    assertTrue(
        text.contains(
            "Performed by Oliver Operator (operator1) " + SiteZone.format(COMPLETED) + ", valid"),
        text);
    assertTrue(text.contains("Planned quantity: 100 kg"), text);
  }

  @Test
  void withinTheLimitsAndWithoutACommentTheReportSaysSo() throws Exception {
    String text =
        report(
            new BatchCompletionView(
                "GRN-26-0001",
                COMPLETED,
                new BigDecimal("100"),
                new BigDecimal("98.4"),
                "kg",
                new BigDecimal("98.4"),
                new BigDecimal("95"),
                new BigDecimal("102"),
                null,
                List.of(PERFORMED)));
    assertTrue(text.contains("yield 98.4 %, within 95 to 102 %"), text);
    assertFalse(text.contains("Operator's comment"), text);
  }

  @Test
  void aBatchNotCompletedYetHasNoCompletionInItsReport() throws Exception {
    String text = report(null);
    assertTrue(text.contains("Completion Not completed yet."), text);
    assertFalse(text.contains("Performed by"), text);
  }
}
