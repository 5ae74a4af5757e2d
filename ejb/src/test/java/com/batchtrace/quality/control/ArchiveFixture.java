package com.batchtrace.quality.control;

import com.batchtrace.collection.boundary.Point;
import com.batchtrace.collection.boundary.ProcessSeries.ParameterSeries;
import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchRunView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.Charge;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.boundary.TracedLot;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A released batch as the archive reads it: two steps, a charge, a manual value corrected once, a
 * machine series with an excursion, an exception dispositioned, a produced lot traced both ways,
 * and an audit trail; and an Ed25519 key of the test's own to sign its packages.
 */
final class ArchiveFixture {

  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

  final KeyPair key;

  ArchiveFixture() throws Exception {
    key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  static SignatureView signature(String meaning, String label, String who, Instant at) {
    return new SignatureView(
        1,
        who,
        "acc-" + who,
        "Name of " + who,
        meaning,
        label,
        "ok",
        at,
        "StepExecution",
        "1",
        "ab".repeat(32),
        true);
  }

  ArchiveContent content(String packageName, String reason) {
    SignatureView performed =
        signature("PERFORMED", "Performed by", "operator1", T0.plusSeconds(600));
    SignatureView verified = signature("VERIFIED", "Verified by", "operator2", T0.plusSeconds(660));
    EntryView original =
        new EntryView(
            11,
            "Loss on drying",
            new BigDecimal("2.5"),
            "%",
            "0.5 to 2 %",
            false,
            "Sieve blocked — “quoted” text ✓ 中文 \u0007 and a tab\tstop",
            T0.plusSeconds(300),
            T0.plusSeconds(310),
            "operator1",
            "Olivia Ortega",
            false,
            null,
            null,
            T0.plusSeconds(400));
    EntryView correction =
        new EntryView(
            12,
            "Loss on drying",
            new BigDecimal("1.9"),
            "%",
            "0.5 to 2 %",
            true,
            null,
            T0.plusSeconds(300),
            T0.plusSeconds(400),
            "operator1",
            "Olivia Ortega",
            false,
            11L,
            "Typing error",
            null);
    StepRunView charge =
        new StepRunView(
            1,
            "Dispensing",
            "Charge API",
            "Charge 40 kg ± 2 % of API-0001",
            false,
            "DONE",
            T0,
            "operator1",
            T0.plusSeconds(120),
            "operator1",
            null,
            null,
            List.of(
                new MaterialNeed(
                    "API-0001",
                    "Active ingredient",
                    "kg",
                    new BigDecimal("40"),
                    new BigDecimal("2"),
                    new BigDecimal("39.2"),
                    new BigDecimal("40.8"),
                    new BigDecimal("40"))),
            List.of(),
            List.of(),
            List.of(
                new Charge(
                    1, "L-API-24001", "API-0001", new BigDecimal("40"), "kg", T0.plusSeconds(60))),
            List.of(performed),
            List.of());
    StepRunView dry =
        new StepRunView(
            2,
            "Drying",
            "Dry granulate",
            "Dry at 55 to 65 °C.\nCheck the loss on drying.",
            true,
            "DONE",
            T0.plusSeconds(200),
            "operator1",
            T0.plusSeconds(600),
            "operator1",
            T0.plusSeconds(660),
            "operator2",
            List.of(),
            List.of(
                new ParameterRun(
                    "Inlet temperature",
                    "MACHINE",
                    "inlet_temp",
                    "°C",
                    new BigDecimal("55"),
                    new BigDecimal("65"),
                    true,
                    60.0,
                    T0.plusSeconds(500),
                    null),
                new ParameterRun(
                    "Loss on drying",
                    "MANUAL",
                    null,
                    "%",
                    new BigDecimal("0.5"),
                    new BigDecimal("2"),
                    false,
                    null,
                    null,
                    correction)),
            List.of(original, correction),
            List.of(),
            List.of(performed, verified),
            List.of());
    BatchRunView run =
        new BatchRunView(
            7,
            "GRN-26-0001",
            "GRN-0500",
            "Granulate 500",
            "kg",
            new BigDecimal("40"),
            "GRN-0500 version 1 (approved)",
            1,
            "Granulation line 1",
            "RELEASED",
            List.of(charge, dry),
            null,
            false);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(
          new Point(T0.plusSeconds(200 + i * 10L), i == 20 || i == 21 ? 67.5 : 60 + (i % 5)));
    }
    ExceptionView excursion =
        new ExceptionView(
            5,
            "CPP outside limits",
            2,
            "acme/basel/granulation/line-1/dryer-1/inlet_temp",
            "inlet_temp",
            "Inlet temperature",
            T0.plusSeconds(400),
            T0.plusSeconds(420),
            67.5,
            "Inlet temperature above 65 °C",
            null);
    ArchiveContent.ProcessSummary summary =
        ArchiveContent.ProcessSummary.of(
            new ParameterSeries(
                2,
                "Dry granulate",
                "Inlet temperature",
                "inlet_temp",
                "acme/basel/granulation/line-1/dryer-1/inlet_temp",
                "°C",
                new BigDecimal("55"),
                new BigDecimal("65"),
                true,
                points.size(),
                false,
                points,
                List.of(excursion)));
    SignatureView released = signature("RELEASED", "Released by", "reviewer", T0.plusSeconds(3600));
    LotView produced =
        new LotView(
            30,
            "GRN-26-0001",
            "GRN-0500",
            "Granulate 500",
            "kg",
            new BigDecimal("40"),
            new BigDecimal("40"),
            "RELEASED",
            "RELEASED",
            null,
            null,
            T0.plusSeconds(700),
            2,
            List.of());
    TracedLot api =
        new TracedLot(
            1,
            "L-API-24001",
            "API-0001",
            "RAW",
            "RELEASED",
            "CONSUMED",
            null,
            BigDecimal.ZERO,
            null);
    List<AuditEntry> trail = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      trail.add(
          new AuditEntry(
              1000 - i,
              T0.plusSeconds(3600 - i * 20L),
              "operator1",
              "Olivia Ortega",
              "acc-1",
              "10.0.0.5",
              "StepEntry",
              11,
              i % 3 == 0 ? "CREATED" : "MODIFIED",
              "Value entered on the terminal, row " + i));
    }
    return new ArchiveContent(
        packageName,
        reason,
        T0.plusSeconds(3700),
        "reviewer",
        "Rita Reyes",
        run,
        "RELEASED",
        released,
        List.of(produced),
        List.of(
            new ArchiveContent.Exception(
                excursion,
                "ACCEPTED",
                "Short spike, product not affected",
                null,
                List.of(signature("REVIEWED", "Reviewed by", "reviewer", T0.plusSeconds(3500))))),
        List.of(summary),
        List.of(new ArchiveContent.Genealogy("GRN-26-0001", List.of(api), List.of())),
        trail);
  }

  /** A package of the fixture in a new numbered folder of {@code root}. */
  ArchivePackageWriter.Written write(Path root, String reason) {
    ArchiveDirectory directory = new ArchiveDirectory(root);
    Path folder = directory.claim("GRN-26-0001");
    return ArchivePackageWriter.write(
        folder,
        content(folder.getFileName().toString(), reason),
        "Batchtrace signed checkpoint\nformat: 1\nsequence: 3\n",
        3,
        "ab".repeat(32),
        this::sign);
  }

  byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key.getPrivate());
      s.update(message);
      return s.sign();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
