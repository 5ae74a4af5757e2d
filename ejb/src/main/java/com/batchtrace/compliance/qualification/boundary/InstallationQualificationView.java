package com.batchtrace.compliance.qualification.boundary;

import com.batchtrace.compliance.qualification.entity.InstallationQualificationRecord;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import java.time.Instant;
import java.util.List;

/** A signed IQ record with its checked signatures. */
public record InstallationQualificationView(
    long id,
    Instant executedAt,
    Instant recordedAt,
    String executedBy,
    String executedByName,
    String host,
    String releaseVersion,
    String earSha256,
    String schemaVersion,
    int checksTotal,
    int checksFailed,
    boolean passed,
    String recordSha256,
    String record,
    List<SignatureView> signatures) {

  static InstallationQualificationView of(
      InstallationQualificationRecord r, List<SignatureView> signatures) {
    return new InstallationQualificationView(
        r.getId(),
        r.getExecutedAt(),
        r.getRecordedAt(),
        r.getExecutedBy(),
        r.getExecutedByName(),
        r.getHost(),
        r.getReleaseVersion(),
        r.getEarSha256(),
        r.getSchemaVersion(),
        r.getChecksTotal(),
        r.getChecksFailed(),
        r.isPassed(),
        r.getRecordSha256(),
        r.getRecord(),
        List.copyOf(signatures));
  }
}
