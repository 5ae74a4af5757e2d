package com.batchtrace.execution.boundary;

import com.batchtrace.compliance.signature.boundary.SignedRecordSource;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.execution.control.BatchCompletionRecord;
import com.batchtrace.execution.control.BatchRecordStore;
import com.batchtrace.execution.control.StepRecord;
import com.batchtrace.execution.entity.StepExecution;
import com.batchtrace.genealogy.entity.Batch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;

/**
 * The steps' "performed" and "verified" signatures and the batch completion's "performed"
 * signature, checked as the batch record checks them.
 */
@ApplicationScoped
public class StepSignedRecords implements SignedRecordSource {

  @PersistenceContext EntityManager em;

  @Inject BatchRecordStore store;

  @Override
  public Set<String> recordTypes() {
    return Set.of(StepRecord.TYPE, BatchCompletionRecord.TYPE);
  }

  @Override
  @Transactional
  public Optional<SignedRecord> find(String recordType, String recordId) {
    if (BatchCompletionRecord.TYPE.equals(recordType)) {
      return SignedRecordSource.numericId(recordId)
          .map(id -> em.find(Batch.class, id))
          .map(batch -> store.completion(batch));
    }
    return SignedRecordSource.numericId(recordId)
        .map(id -> em.find(StepExecution.class, id))
        .map(run -> new StepRecord(run, store.entriesOf(run), store.chargesOf(run)));
  }
}
