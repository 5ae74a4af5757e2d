package com.batchtrace.compliance.review.boundary;

import com.batchtrace.compliance.review.entity.AccessReview;
import com.batchtrace.compliance.review.entity.AuditTrailReview;
import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** Signed audit trail and access reviews. */
@ApplicationScoped
public class ReviewSignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Override
  public Set<String> recordTypes() {
    return Set.of("AuditTrailReview", "AccessReview");
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    if (recordId == null || !recordId.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    long id = Long.parseLong(recordId);
    return recordType.equals("AccessReview")
        ? Optional.ofNullable(em.find(AccessReview.class, id)).map(SignedRecord.class::cast)
        : Optional.ofNullable(em.find(AuditTrailReview.class, id)).map(SignedRecord.class::cast);
  }
}
