package com.batchtrace.collection.boundary;

import com.batchtrace.collection.entity.DeadLetterReprocessing;
import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** The admins' signatures on dead letters re-processed. */
@ApplicationScoped
public class CollectionSignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Override
  public Set<String> recordTypes() {
    return Set.of("DeadLetterReprocessing");
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    return SignedRecordSource.entity(em, DeadLetterReprocessing.class, recordId);
  }
}
