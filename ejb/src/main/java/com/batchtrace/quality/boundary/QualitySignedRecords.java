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
    Optional<Long> id = SignedRecordSource.numericId(recordId);
    return switch (recordType) {
      case "Batch" -> id.flatMap(review::releaseContent);
      case "ExceptionDisposition" ->
          SignedRecordSource.entity(em, ExceptionDisposition.class, recordId);
      case "PostReleaseReview" -> SignedRecordSource.entity(em, PostReleaseReview.class, recordId);
      default -> Optional.empty();
    };
  }
}
