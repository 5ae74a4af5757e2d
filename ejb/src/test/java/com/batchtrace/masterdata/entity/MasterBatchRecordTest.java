package com.batchtrace.masterdata.entity;

import static com.batchtrace.testing.Refusals.refusal;
import static com.batchtrace.testing.TestPlant.AUTHOR;
import static com.batchtrace.testing.TestPlant.QA;
import static com.batchtrace.testing.TestPlant.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A master batch record goes draft, in review, approved, retired; QA approves it, never its author,
 * and an approved version never changes.
 */
@Tag("URS-024")
class MasterBatchRecordTest {

  private final TestPlant plant = new TestPlant();
  private final MasterBatchRecord recipe = plant.draftRecipe();

  @Test
  void theAuthorCannotApproveTheirOwnRecord() {
    recipe.submitForReview();

    String message = refusal(() -> recipe.requireApprovableBy(AUTHOR));

    assertTrue(message.contains("You wrote Master batch record P-100 version 1"), message);
    assertTrue(message.contains("someone else must approve it"), message);
    assertEquals(RecordStatus.IN_REVIEW, recipe.getStatus());
  }

  @Test
  void someoneOtherThanTheAuthorApprovesARecordInReview() {
    recipe.submitForReview();

    recipe.approve(QA, Set.of(AUTHOR));

    assertEquals(RecordStatus.APPROVED, recipe.getStatus());
  }

  @Test
  void whoEditedTheDraftCannotApproveIt() {
    recipe.submitForReview();

    String message = refusal(() -> recipe.approve("edith", Set.of(AUTHOR, "edith")));

    assertTrue(
        message.contains("You edited Master batch record P-100 version 1 while it was a draft"),
        message);
    assertEquals(RecordStatus.IN_REVIEW, recipe.getStatus());
  }

  @Test
  void onlyARecordInReviewCanBeApproved() {
    String message = refusal(() -> recipe.approve(QA, Set.of(AUTHOR)));

    assertTrue(message.contains("is draft: only a version in review can be approved"), message);
    assertEquals(RecordStatus.DRAFT, recipe.getStatus());
  }

  @Test
  void aRecordWithoutStepsDoesNotGoToReview() {
    MasterBatchRecord empty = new MasterBatchRecord(plant.product, 2, AUTHOR, T0);

    String message = refusal(empty::submitForReview);

    assertTrue(message.contains("without steps cannot go to review"), message);
  }

  @Test
  void aRecordInReviewIsNotChanged() {
    recipe.submitForReview();

    String message = refusal(() -> recipe.addStep("Packing", "Pack", "Pack it.", false));

    assertTrue(message.contains("is in review and cannot be changed"), message);
  }

  @Test
  void anApprovedVersionNeverChanges() {
    MasterBatchRecord approved = plant.approvedRecipe();

    String message = refusal(approved::clearSteps);

    assertTrue(message.contains("an approved version never changes"), message);
    assertEquals(3, approved.getSteps().size());
  }

  @Test
  void reviewMaySendTheRecordBackToDraft() {
    recipe.submitForReview();

    recipe.returnToDraft();

    assertEquals(RecordStatus.DRAFT, recipe.getStatus());
    assertTrue(refusal(recipe::returnToDraft).contains("is not in review"));
  }

  @Test
  void onlyAnApprovedVersionIsRetired() {
    assertTrue(refusal(recipe::retire).contains("is not approved"));

    MasterBatchRecord approved = plant.approvedRecipe();
    approved.retire();

    assertEquals(RecordStatus.RETIRED, approved.getStatus());
  }

  @Test
  @Tag("URS-009")
  void aParameterLimitTheRecordCannotHoldIsRefusedWithAPlainMessage() {
    MbrStep blend = recipe.addStep("Blending", "Blend", "Blend.", false);
    BigDecimal sevenDecimals = new BigDecimal("20.0000001");

    String message =
        refusal(() -> blend.record("Blend speed", null, "rpm", sevenDecimals, null, false));

    assertTrue(message.contains("Blend speed"), message);
    assertTrue(blend.getParameters().isEmpty());
  }

  @Test
  void aRecordMakesAFinishedOrIntermediateProductNotARawMaterial() {
    String message = refusal(() -> new MasterBatchRecord(plant.api, 1, AUTHOR, T0));

    assertTrue(message.contains("API-0001 is a raw material"), message);
  }
}
