package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.masterdata.entity.MbrStep;
import com.batchtrace.platform.Quantities;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A master batch record version with its steps and signatures. */
public record MasterBatchRecordView(
    long id,
    String product,
    int recordVersion,
    String status,
    String authorId,
    Instant createdAt,
    long version,
    List<RecordSpec.Step> steps,
    List<SignatureView> signatures,
    BigDecimal yieldLowPercent,
    BigDecimal yieldHighPercent)
    implements Serializable {

  static MasterBatchRecordView of(MasterBatchRecord r, List<SignatureView> signatures) {
    return new MasterBatchRecordView(
        r.getId(),
        r.getProduct().getCode(),
        r.getRecordVersion(),
        r.getStatus().name(),
        r.getAuthorId(),
        r.getCreatedAt(),
        r.getVersion(),
        r.getSteps().stream().map(MasterBatchRecordView::step).toList(),
        List.copyOf(signatures),
        r.getYieldLowPercent(),
        r.getYieldHighPercent());
  }

  private static RecordSpec.Step step(MbrStep s) {
    return new RecordSpec.Step(
        s.getOperation(),
        s.getName(),
        s.getInstructions(),
        s.isRequiresVerification(),
        s.getMaterials().stream()
            .map(
                m ->
                    new RecordSpec.StepMaterial(
                        m.getMaterial().getCode(),
                        Quantities.plain(m.getQuantity()),
                        Quantities.plain(m.getTolerancePercent())))
            .toList(),
        s.getParameters().stream()
            .map(
                p ->
                    new RecordSpec.Parameter(
                        p.getName(),
                        p.getTag(),
                        p.getUnit(),
                        Quantities.plain(p.getLowLimit()),
                        Quantities.plain(p.getHighLimit()),
                        p.isCritical()))
            .toList());
  }
}
