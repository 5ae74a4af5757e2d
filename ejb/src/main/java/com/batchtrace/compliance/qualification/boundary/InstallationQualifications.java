package com.batchtrace.compliance.qualification.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.qualification.entity.InstallationQualificationRecord;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records the IQ a QA person executed, with their signature ("performed"), and reads it back. */
@ApplicationScoped
public class InstallationQualifications {

  @PersistenceContext EntityManager em;

  @Inject CurrentActor currentActor;

  @Inject AuditTrail auditTrail;

  @Inject SignatureService signatures;

  @Inject Clock clock;

  /**
   * QA signs the record of the IQ they executed; the record and its signature are written together,
   * or neither (a refused signature leaves no record).
   */
  @Transactional(Transactional.TxType.NEVER)
  public InstallationQualificationView record(
      NewInstallationQualification request, SignatureRequest signature) {
    currentActor.require(Roles.QA_REVIEWER);
    if (request == null) {
      throw new RuleViolation(
          "Send the IQ record: executedAt, host, releaseVersion, earSha256, schemaVersion,"
              + " checksTotal, checksFailed, record and signature.");
    }
    return signatures.signing(
        signature,
        () -> {
          Actor by = currentActor.get();
          InstallationQualificationRecord iq =
              new InstallationQualificationRecord(
                  request.executedAt(),
                  clock.instant(),
                  by.userId(),
                  by.displayName(),
                  request.host(),
                  request.releaseVersion(),
                  request.earSha256(),
                  request.schemaVersion(),
                  request.checksTotal(),
                  request.checksFailed(),
                  request.record());
          auditTrail.creating(null, "Installation qualification recorded");
          em.persist(iq);
          em.flush();
          return InstallationQualificationView.of(
              iq,
              List.of(
                  signatures.sign(signature, SignatureMeaning.PERFORMED, iq, Roles.QA_REVIEWER)));
        });
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<InstallationQualificationView> find(long id) {
    currentActor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    return Optional.ofNullable(em.find(InstallationQualificationRecord.class, id))
        .map(r -> InstallationQualificationView.of(r, signatures.signaturesOf(r)));
  }

  /** The latest records, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<InstallationQualificationView> latest(int limit) {
    currentActor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    return em
        .createQuery(
            "select r from InstallationQualificationRecord r order by r.executedAt desc, r.id desc",
            InstallationQualificationRecord.class)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(r -> InstallationQualificationView.of(r, signatures.signaturesOf(r)))
        .toList();
  }
}
