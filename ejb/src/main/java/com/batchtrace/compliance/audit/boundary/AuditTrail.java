package com.batchtrace.compliance.audit.boundary;

import com.batchtrace.compliance.audit.entity.AuditRevision;
import com.batchtrace.compliance.audit.entity.ChangeReason;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Function;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;

/** Gives every audited write its reason, and reads a record's revisions back (21 CFR 11.10(e)). */
@ApplicationScoped
public class AuditTrail {

  static final int MAX_REASON_LENGTH = 2000;

  @Inject ChangeReason changeReason;

  @PersistenceContext EntityManager em;

  /**
   * Declares that the current transaction creates a new record. A reason is optional here; the
   * revision then records {@code defaultReason}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void creating(String reason, String defaultReason) {
    changeReason.set(isBlank(reason) ? defaultReason : checked(reason));
  }

  /**
   * Declares that the current transaction modifies an existing record: the reason is required, and
   * its absence refuses the change before anything is written.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void modifying(String reason, String record) {
    if (isBlank(reason)) {
      throw new RuleViolation(
          "A reason for change is required to modify " + record + ". Nothing was changed.");
    }
    changeReason.set(checked(reason));
  }

  /** Every revision of one record, oldest first, mapped to the caller's view of it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <E, V> List<RecordRevision<V>> historyOf(Class<E> type, Object id, Function<E, V> toView) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        AuditReaderFactory.get(em)
            .createQuery()
            .forRevisionsOfEntity(type, false, true)
            .add(org.hibernate.envers.query.AuditEntity.id().eq(id))
            .addOrder(org.hibernate.envers.query.AuditEntity.revisionNumber().asc())
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              @SuppressWarnings("unchecked")
              E state = (E) row[0];
              AuditRevision rev = (AuditRevision) row[1];
              return new RecordRevision<>(
                  rev.getId(),
                  rev.getRevisionTime(),
                  rev.getUserId(),
                  rev.getUserName(),
                  rev.getReason(),
                  rev.getClientAddress(),
                  change((RevisionType) row[2]),
                  toView.apply(state));
            })
        .toList();
  }

  private static RecordRevision.Change change(RevisionType type) {
    return switch (type) {
      case ADD -> RecordRevision.Change.CREATED;
      case MOD -> RecordRevision.Change.MODIFIED;
      case DEL -> RecordRevision.Change.DELETED;
    };
  }

  private static String checked(String reason) {
    String trimmed = reason.strip();
    if (trimmed.length() > MAX_REASON_LENGTH) {
      throw new RuleViolation(
          "The reason for change is too long ("
              + trimmed.length()
              + " characters); at most "
              + MAX_REASON_LENGTH
              + " are allowed.");
    }
    return trimmed;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
