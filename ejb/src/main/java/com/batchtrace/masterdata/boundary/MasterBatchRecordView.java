package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import com.batchtrace.masterdata.entity.MbrStep;
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
    List<SignatureView> signatures) {

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
        List.copyOf(signatures));
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
                        m.getQuantity().stripTrailingZeros(),
                        m.getTolerancePercent().stripTrailingZeros()))
            .toList(),
        s.getParameters().stream()
            .map(
                p ->
                    new RecordSpec.Parameter(
                        p.getName(),
                        p.getTag(),
                        p.getUnit(),
                        p.getLowLimit() == null ? null : p.getLowLimit().stripTrailingZeros(),
                        p.getHighLimit() == null ? null : p.getHighLimit().stripTrailingZeros(),
                        p.isCritical()))
            .toList());
  }
}
