package com.batchtrace.genealogy.boundary;

import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.genealogy.entity.MaterialLot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** Lots' release and rejection signatures. */
@ApplicationScoped
public class LotSignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Override
  public Set<String> recordTypes() {
    return Set.of("MaterialLot");
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    return SignedRecordSource.entity(em, MaterialLot.class, recordId);
  }
}
