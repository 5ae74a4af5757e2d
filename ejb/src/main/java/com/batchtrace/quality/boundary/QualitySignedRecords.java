package com.batchtrace.quality.boundary;

import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.quality.entity.ExceptionDisposition;
import com.batchtrace.quality.entity.PostReleaseReview;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * QA's signed records: the release or rejection of a batch, dispositions, reviews of data after the
 * decision.
 */
@ApplicationScoped
public class QualitySignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Inject BatchReview review;

  @Override
  public Set<String> recordTypes() {
    return Set.of("Batch", "ExceptionDisposition", "PostReleaseReview");
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    if (recordId == null || !recordId.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(recordId);
    return switch (recordType) {
      case "Batch" -> review.releaseContent(id);
      case "ExceptionDisposition" ->
          Optional.ofNullable(em.find(ExceptionDisposition.class, id))
              .map(SignedRecord.class::cast);
      case "PostReleaseReview" ->
          Optional.ofNullable(em.find(PostReleaseReview.class, id)).map(SignedRecord.class::cast);
      default -> Optional.empty();
    };
  }
}
