package com.batchtrace.execution.control;

import static com.batchtrace.testing.TestPlant.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.execution.entity.StepEntry;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.entity.Batch;
import com.batchtrace.genealogy.entity.LotConsumption;
import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.testing.TestPlant;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The step's signed content in format 1, pinned: step signatures made before format 2 were made
 * over exactly this text, so it must never change, or they would all show INVALID.
 */
@Tag("URS-014")
class StepRecordTest {

  private final TestPlant plant = new TestPlant();

  private StepRecord dispensedStep() {
    Batch batch = plant.plannedBatch();
    StepExecution dispense = new StepExecution(batch, 1, null, "olivia", T0);
    StepParameter humidity = dispense.step().getParameters().get(0);
    StepEntry entry =
        new StepEntry(
            dispense,
            humidity,
            new BigDecimal("45.50"),
            null,
            T0.plus(Duration.ofMinutes(5)),
            T0.plus(Duration.ofMinutes(6)),
            Duration.ofMinutes(30),
            "emil",
            "Emil Eriksen");
    TestPlant.withId(entry, 501);
    LotConsumption charge =
        new LotConsumption(
            batch,
            1,
            plant.releasedLot("L-API-0001-01", plant.api, "25"),
            new BigDecimal("10.000000"),
            T0.plus(Duration.ofMinutes(10)));
    return new StepRecord(dispense, List.of(entry), List.of(charge));
  }

  @Test
  void format1OfAStepWithOneEntryAndOneChargeNeverChanges() {
    assertEquals(
        """
        batch=B-2026-001
        step=1 Dispense
        started=2026-03-02T08:00:00Z by olivia
        entry 501 Room humidity=45.5 % taken=2026-03-02T08:05:00Z \
        entered=2026-03-02T08:06:00Z by emil within=true late=false comment=null \
        correctionOf=null reason=null superseded=null
        charge L-API-0001-01 API-0001=10 kg at=2026-03-02T08:10:00Z""",
        dispensedStep().legacyContent());
  }

  @Test
  void aSignatureMadeInFormat1IsCheckedAgainstFormat1AndANewOneAgainstFormat2() {
    StepRecord step = dispensedStep();

    assertEquals(step.legacyContent(), step.canonicalContent(SignedContent.LEGACY_FORMAT));
    assertTrue(
        step.canonicalContent(SignedContent.FORMAT)
            .startsWith("{\"type\":\"StepExecution\",\"format\":2,\"batch\":\"B-2026-001\""));
  }
}
