package com.batchtrace.testing;

import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.MaterialLot;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.masterdata.entity.MaterialKind;
import com.batchtrace.masterdata.entity.MbrStep;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A small plant for the domain rules' tests, built in plain Java through the entities' own
 * constructors (ids stay null unless a rule compares them): one line with a dryer below it, a raw
 * material and a product, and an approved master batch record of three steps.
 *
 * <ol>
 *   <li>Dispense: 10 kg of API-0001 within 2 %, the room humidity entered by hand, verified by a
 *       second person;
 *   <li>Granulate: the inlet temperature from the machine (a critical parameter);
 *   <li>Dry: nothing to charge or record.
 * </ol>
 */
public final class TestPlant {

  public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
  public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  public static final String AUTHOR = "alice";
  public static final String QA = "quinn";
  public static final String BATCH_NUMBER = "B-2026-001";

  public final Material api = new Material("API-0001", "Paracetamol", MaterialKind.RAW, "kg", 365);
  public final Material excipient =
      new Material("EXC-0002", "Lactose", MaterialKind.RAW, "kg", 365);
  public final Material product =
      new Material("P-100", "Paracetamol granulate", MaterialKind.FINISHED, "kg", 730);

  public final Equipment area =
      Equipment.enterprise("acme", "Acme", null)
          .addChild("basel", "Basel", null)
          .addChild("granulation", "Granulation", null);
  public final Equipment line = area.addChild("line-2", "Line 2", null);
  public final Equipment dryer = line.addChild("dryer-1", "Dryer 1", null);

  /** The three steps, as a draft of {@link #AUTHOR}'s. */
  public MasterBatchRecord draftRecipe() {
    MasterBatchRecord recipe =
        new MasterBatchRecord(product, 1, AUTHOR, T0.minus(Duration.ofDays(7)));
    MbrStep dispense = recipe.addStep("Dispensing", "Dispense", "Weigh the API.", true);
    dispense.consume(api, new BigDecimal("10"), new BigDecimal("2"));
    dispense.record("Room humidity", null, "%", new BigDecimal("20"), new BigDecimal("60"), false);
    recipe
        .addStep("Granulation", "Granulate", "Granulate for 10 minutes.", false)
        .record(
            "Inlet temperature",
            "acme/basel/granulation/line-2/granulator-1/inlet-temp",
            "°C",
            new BigDecimal("55"),
            new BigDecimal("65"),
            true);
    recipe.addStep("Drying", "Dry", "Dry to constant weight.", false);
    return recipe;
  }

  /** The three steps, approved by {@link #QA}. */
  public MasterBatchRecord approvedRecipe() {
    MasterBatchRecord recipe = draftRecipe();
    recipe.submitForReview();
    recipe.approve(QA, java.util.Set.of(AUTHOR));
    return recipe;
  }

  /** A planned batch of 100 kg on line 2. */
  public Batch plannedBatch() {
    return new Batch(BATCH_NUMBER, approvedRecipe(), line, new BigDecimal("100"), T0);
  }

  /** The step started by {@code operator}, at T0 plus as many hours as its position. */
  public static StepExecution start(Batch batch, int position, String operator) {
    return new StepExecution(batch, position, null, operator, T0.plus(Duration.ofHours(position)));
  }

  /** The step started, signed as performed and, where the record asks for it, verified. */
  public static StepExecution done(Batch batch, int position) {
    StepExecution run = start(batch, position, "olivia");
    run.performed("olivia", T0.plus(Duration.ofHours(position)).plusSeconds(600));
    if (run.step().isRequiresVerification()) {
      run.verified("vera", T0.plus(Duration.ofHours(position)).plusSeconds(900));
    }
    return run;
  }

  /** A lot received today into quarantine, expiring in a year. */
  public MaterialLot lot(String lotNumber, Material material, String quantity) {
    return new MaterialLot(
        lotNumber, material, new BigDecimal(quantity), TODAY.plusYears(1), "S-77", T0, TODAY);
  }

  /** A lot received today and released by QA. */
  public MaterialLot releasedLot(String lotNumber, Material material, String quantity) {
    MaterialLot lot = lot(lotNumber, material, quantity);
    lot.release(TODAY);
    return lot;
  }

  /** Sets the database id an entity would have once stored; only where a rule compares ids. */
  public static <T> T withId(T entity, long id) {
    try {
      Field field = entity.getClass().getDeclaredField("id");
      field.setAccessible(true);
      field.set(entity, id);
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
