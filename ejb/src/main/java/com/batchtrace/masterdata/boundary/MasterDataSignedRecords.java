package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.masterdata.entity.MasterBatchRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/** Master batch records' approval signatures. */
@ApplicationScoped
public class MasterDataSignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Override
  public Set<String> recordTypes() {
    return Set.of("MasterBatchRecord");
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    return SignedRecordSource.entity(em, MasterBatchRecord.class, recordId);
  }
}
