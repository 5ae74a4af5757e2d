package com.batchtrace.testing;

import static com.batchtrace.testing.TestPlant.BATCH_NUMBER;
import static com.batchtrace.testing.TestPlant.T0;

import com.batchtrace.execution.boundary.BatchRecord;
import com.batchtrace.execution.boundary.BatchRecord.Consumed;
import com.batchtrace.execution.boundary.BatchRecord.Entry;
import com.batchtrace.execution.boundary.BatchRecord.Output;
import com.batchtrace.execution.boundary.BatchRecord.RecordedException;
import com.batchtrace.execution.boundary.BatchRecord.Signature;
import com.batchtrace.execution.boundary.BatchRecord.Step;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The electronic batch record of a finished batch as QA reads it ({@link BatchRecord}), with the
 * parts a test varies as plain fields. Who took part:
 *
 * <ul>
 *   <li>step 1 (Dispense): started by olivia, performed by omar, verified by vera; emil entered the
 *       room humidity;
 *   <li>step 2 (Granulate): started and performed by omar.
 * </ul>
 *
 * One exception, a CPP excursion on step 2 (id 31); {@link #moreExceptions} adds others.
 */
public final class ReviewedBatch {

  public static final long EXCURSION_ID = 31;

  public String batchNumber = BATCH_NUMBER;
  public String status = "IN_REVIEW";
  public Instant dispenseStartedAt = T0;
  public BigDecimal humidity = new BigDecimal("45.500000");
  public Instant humidityEnteredAt = T0.plus(Duration.ofMinutes(6));
  public BigDecimal charged = new BigDecimal("10.000000");
  public boolean verificationValid = true;
  public String granulateStatus = "DONE";
  public Double excursionWorst = 67.2;
  public String excursionDetail = "Inlet temperature above 65 °C";
  public final List<RecordedException> moreExceptions = new ArrayList<>();
  public BigDecimal produced = new BigDecimal("98.500000");

  public BatchRecord build() {
    Step dispense =
        new Step(
            1,
            "Dispense",
            "DONE",
            "olivia",
            dispenseStartedAt,
            "omar",
            "vera",
            List.of(
                new Entry(
                    11, "Room humidity", humidity, "%", "emil", humidityEnteredAt, null, null)),
            List.of(
                new Consumed(
                    "L-API-0001-01",
                    "API-0001",
                    charged,
                    "kg",
                    T0.plus(Duration.ofMinutes(10)),
                    "carl")),
            List.of(
                signature(21, "PERFORMED", "omar", "Omar Okafor", true),
                signature(22, "VERIFIED", "vera", "Vera Vogel", verificationValid)));
    Step granulate =
        new Step(
            2,
            "Granulate",
            granulateStatus,
            "omar",
            T0.plus(Duration.ofHours(1)),
            "omar",
            null,
            List.of(),
            List.of(),
            List.of(signature(23, "PERFORMED", "omar", "Omar Okafor", true)));
    List<RecordedException> exceptions = new ArrayList<>();
    exceptions.add(
        new RecordedException(
            EXCURSION_ID,
            "CPP_EXCURSION",
            2,
            "Inlet temperature",
            T0.plus(Duration.ofMinutes(70)),
            T0.plus(Duration.ofMinutes(75)),
            excursionWorst,
            excursionDetail,
            null));
    exceptions.addAll(moreExceptions);
    return new BatchRecord(
        7,
        batchNumber,
        "P-100",
        "P-100 v1",
        "acme/basel/granulation/line-2",
        new BigDecimal("100.000000"),
        status,
        List.of(dispense, granulate),
        exceptions,
        List.of(new Output("L-P100-01", produced, "kg")));
  }

  /** An exception of {@code kind} on {@code step}, as the record lists it. */
  public static RecordedException exception(long id, String kind, int step, String detail) {
    return raisedBy(null, id, kind, step, detail);
  }

  /** An exception a person raised at the terminal, as the record lists it. */
  public static RecordedException raisedBy(
      String person, long id, String kind, int step, String detail) {
    return new RecordedException(
        id, kind, step, null, T0.plus(Duration.ofMinutes(20)), null, null, detail, person);
  }

  private static Signature signature(
      long id, String meaning, String signer, String name, boolean valid) {
    return new Signature(
        id, meaning, signer, name, T0.plus(Duration.ofMinutes(30)), "ab".repeat(32), valid);
  }
}
