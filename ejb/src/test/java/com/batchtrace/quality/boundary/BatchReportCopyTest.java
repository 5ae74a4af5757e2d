package com.batchtrace.quality.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The batch report for review is not the archive record: until QA releases or rejects the batch,
 * every page says "COPY FOR REVIEW"; once decided, it does not.
 */
@Tag("URS-050")
class BatchReportCopyTest {

  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private static String text(BatchReview.Disposition decision) throws Exception {
    return ReportText.of(
        new BatchReport.Contents(ReportText.RUN, null, decision, List.of()),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void anUndecidedBatchsReportIsACopyForReview() throws Exception {
    String text = text(new BatchReview.Disposition(7, "GRN-26-0001", "IN_REVIEW", null, List.of()));
    assertTrue(text.contains("COPY FOR REVIEW"), text);
  }

  @Test
  void aDecidedBatchsReportIsNoLongerMarkedAsACopy() throws Exception {
    SignatureView released =
        new SignatureView(
            1,
            "reviewer",
            "acc",
            "Rita Reyes",
            "RELEASED",
            "Released by",
            null,
            NOW,
            "Batch",
            "7",
            "ab".repeat(32),
            true);
    String text =
        text(new BatchReview.Disposition(7, "GRN-26-0001", "RELEASED", released, List.of()));
    assertFalse(text.contains("COPY FOR REVIEW"), text);
    assertTrue(text.contains("Released by Rita Reyes"), text);
  }
}
