package com.batchtrace.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.masterdata.boundary.RecordSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * QA's comparison of a new version with the approved one shows a change of the yield limits, which
 * are part of the approved content, even when no step changed.
 */
@Tag("URS-084")
class RecordComparisonTest {

  private static final List<RecordSpec.Step> STEPS =
      List.of(
          new RecordSpec.Step(
              "Drying",
              "Dry",
              "Dry until the outlet temperature holds.",
              false,
              List.of(
                  new RecordSpec.StepMaterial("API-1", new BigDecimal("50"), new BigDecimal("2"))),
              List.of(
                  new RecordSpec.Parameter(
                      "Inlet", "inlet", "C", new BigDecimal("55"), new BigDecimal("65"), true))));

  private static MasterBatchRecordView approved(String low, String high) {
    return new MasterBatchRecordView(
        1,
        "FIN-1",
        1,
        "APPROVED",
        "admin",
        Instant.EPOCH,
        0,
        STEPS,
        List.of(),
        low == null ? null : new BigDecimal(low),
        high == null ? null : new BigDecimal(high));
  }

  @Test
  void aChangeOfOnlyTheYieldLimitsIsTheOneChangedRow() {
    List<RecordComparison.Row> rows =
        RecordComparison.of(
            approved("95.00", "102.00"), STEPS, new BigDecimal("90"), new BigDecimal("105.5"));
    assertEquals(
        new RecordComparison.Row(
            "Yield limits: 95 to 102 % of the planned quantity",
            "Yield limits: 90 to 105.5 % of the planned quantity", "changed"),
        rows.get(0));
    assertEquals(1, rows.stream().filter(r -> !r.isUnchanged()).count(), rows.toString());
  }

  @Test
  void limitsAddedToARecordWithoutThemAreAChangeAndTheSameLimitsAreNot() {
    assertEquals(
        "changed",
        RecordComparison.of(approved(null, null), STEPS, BigDecimal.ONE, BigDecimal.TEN)
            .get(0)
            .change());
    assertEquals(
        "unchanged",
        RecordComparison.of(
                approved("95.00", "102.00"), STEPS, new BigDecimal("95"), new BigDecimal("102"))
            .get(0)
            .change());
  }
}
