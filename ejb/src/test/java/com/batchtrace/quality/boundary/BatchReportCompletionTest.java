package com.batchtrace.quality.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchCompletionView;
import com.batchtrace.platform.SiteZone;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    return ReportText.of(
            new BatchReport.Contents(
                ReportText.RUN,
                completion,
                new BatchReview.Disposition(7, "GRN-26-0001", "IN_REVIEW", null, List.of()),
                List.of()),
            Clock.fixed(COMPLETED.plusSeconds(3600), ZoneOffset.UTC))
        .replaceAll("\\s+", " ");
  }

  /** A completion of 40 kg planned, with the master record's limits of 95 to 102 %. */
  private static BatchCompletionView completion(String made, String comment) {
    BigDecimal quantity = new BigDecimal(made);
    return new BatchCompletionView(
        "GRN-26-0001",
        COMPLETED,
        new BigDecimal("40"),
        quantity,
        "kg",
        quantity.multiply(new BigDecimal("2.5")).stripTrailingZeros(),
        new BigDecimal("95"),
        new BigDecimal("102"),
        comment,
        List.of(PERFORMED));
  }

  @Test
  void theReportShowsTheSignedCompletionWithYieldAndComment() throws Exception {
    String text = report(completion("36.2", "Sieve blocked; 3.8 kg scrapped"));
    assertTrue(text.contains("Completion"), text);
    assertTrue(text.contains("Completed at " + SiteZone.format(COMPLETED)), text);
    assertTrue(
        text.contains("Made: 36.2 kg of the planned 40 kg; yield 90.5 %, outside 95 to 102 %"),
        text);
    assertTrue(text.contains("Operator's comment: \"Sieve blocked; 3.8 kg scrapped\""), text);
    assertTrue(
        text.contains(
            "Performed by Oliver Operator (operator1) " + SiteZone.format(COMPLETED) + ", valid"),
        text);
    assertTrue(text.contains("Planned quantity: 40 kg"), text);
  }

  @Test
  void withinTheLimitsAndWithoutACommentTheReportSaysSo() throws Exception {
    String text = report(completion("39.36", null));
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
