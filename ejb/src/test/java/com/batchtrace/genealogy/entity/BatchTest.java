package com.batchtrace.genealogy.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.TestPlant.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch is planned from an approved master record version on an active line, runs, completes into
 * review and is released or rejected there, and nothing else.
 */
@Tag("URS-025")
class BatchTest {

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private final TestPlant plant = new TestPlant();
  private final MasterBatchRecord approved = plant.approvedRecipe();

  private String refusalToPlan(
      String number, MasterBatchRecord record, Equipment line, BigDecimal qty) {
    return refusal(() -> new Batch(number, record, line, qty, T0));
  }

  private Batch running() {
    Batch batch = plant.plannedBatch();
    batch.start();
    return batch;
  }

  private Batch inReview() {
    Batch batch = running();
    batch.complete(T0.plusSeconds(7200));
    return batch;
  }

  @Test
  void aBatchIsPlannedFromAnApprovedRecordOnAnActiveLine() {
    Batch batch = new Batch(" B-2026-001 ", approved, plant.line, HUNDRED, T0);

    assertEquals(BatchStatus.PLANNED, batch.getStatus());
    assertEquals("B-2026-001", batch.getBatchNumber());
    assertEquals(plant.product, batch.getProduct());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "B 2026",
        "-B1",
        "B#1",
        "B123456789B123456789B123456789B123456789B123456789B123456789B1234"
      })
  void aBatchNumberIsOneTo64LettersDigitsAndSeparators(String number) {
    String message = refusalToPlan(number, approved, plant.line, HUNDRED);

    assertTrue(message.contains("is not valid: 1 to 64 letters, digits"), message);
  }

  @Test
  void aDraftRecordIsNotUsedForABatch() {
    String message = refusalToPlan("B-1", plant.draftRecipe(), plant.line, HUNDRED);

    assertTrue(message.contains("is draft: only an approved version can be used"), message);
  }

  @Test
  void aRetiredRecordIsNotUsedForABatch() {
    approved.retire();

    String message = refusalToPlan("B-1", approved, plant.line, HUNDRED);

    assertTrue(message.contains("is retired: only an approved version"), message);
  }

  @Test
  void aBatchRunsOnALineNotOnAUnitOrAnArea() {
    assertTrue(
        refusalToPlan("B-1", approved, plant.dryer, HUNDRED).contains("active production line"));
    assertTrue(
        refusalToPlan("B-1", approved, plant.area, HUNDRED).contains("active production line"));
    assertTrue(refusalToPlan("B-1", approved, null, HUNDRED).contains("active production line"));
  }

  @Test
  void aBatchDoesNotRunOnADeactivatedLine() {
    plant.dryer.deactivate(false);
    plant.line.deactivate(false);

    String message = refusalToPlan("B-1", approved, plant.line, HUNDRED);

    assertTrue(message.contains("active production line"), message);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"0", "-5"})
  void thePlannedQuantityIsMoreThanZero(String quantity) {
    BigDecimal planned = quantity == null || quantity.isEmpty() ? null : new BigDecimal(quantity);

    String message = refusalToPlan("B-1", approved, plant.line, planned);

    assertTrue(message.contains("planned quantity must be more than zero"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0000001", "10000000000000"})
  @Tag("URS-009")
  void aPlannedQuantityTheRecordCannotHoldIsRefusedWithAPlainMessage(BigDecimal planned) {
    String message = refusalToPlan("B-1", approved, plant.line, planned);

    assertTrue(message.contains("planned quantity"), message);
  }

  @Test
  void startingAStepPutsTheBatchInProgress() {
    Batch batch = plant.plannedBatch();

    batch.start();

    assertEquals(BatchStatus.IN_PROGRESS, batch.getStatus());
  }

  @Test
  void theFirstChargeStartsAPlannedBatchAndARunningOneTakesMore() {
    Batch batch = plant.plannedBatch();

    batch.charge();
    batch.charge();

    assertEquals(BatchStatus.IN_PROGRESS, batch.getStatus());
  }

  @Test
  void aBatchInReviewTakesNoMoreMaterial() {
    Batch batch = inReview();

    String message = refusal(batch::charge);

    assertTrue(message.contains("is in review: no more material can be charged"), message);
    assertEquals(BatchStatus.IN_REVIEW, batch.getStatus());
  }

  @Test
  void completingARunningBatchPutsItIntoReview() {
    Batch batch = running();

    batch.complete(T0.plusSeconds(7200));

    assertEquals(BatchStatus.IN_REVIEW, batch.getStatus());
    assertEquals(T0.plusSeconds(7200), batch.getCompletedAt());
  }

  @Test
  void onlyARunningBatchIsCompleted() {
    Batch batch = plant.plannedBatch();

    String message = refusal(() -> batch.complete(T0));

    assertTrue(message.contains("is planned: only a running batch can be completed"), message);
    assertEquals(BatchStatus.PLANNED, batch.getStatus());
  }

  @Test
  void qaReleasesOrRejectsABatchInReview() {
    Batch released = inReview();
    Batch rejected = inReview();

    released.decide(true, Instant.parse("2026-12-01T10:00:00Z"));
    rejected.decide(false, Instant.parse("2026-12-01T10:00:00Z"));

    assertEquals(BatchStatus.RELEASED, released.getStatus());
    assertEquals(BatchStatus.REJECTED, rejected.getStatus());
    assertEquals(Instant.parse("2026-12-01T10:00:00Z"), released.getDecidedAt());
  }

  @Test
  @Tag("URS-036")
  void onlyABatchInReviewIsDecided() {
    Batch batch = running();
    assertTrue(
        refusal(() -> batch.decide(true, Instant.parse("2026-12-01T10:00:00Z")))
            .contains("is in progress: only a batch in review can be released"));

    Batch released = inReview();
    released.decide(true, Instant.parse("2026-12-01T10:00:00Z"));
    String message = refusal(() -> released.decide(false, Instant.parse("2026-12-01T10:00:00Z")));

    assertTrue(message.contains("is released: only a batch in review can be rejected"), message);
    assertEquals(BatchStatus.RELEASED, released.getStatus());
  }
}
