package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.ProcessData;
import com.batchtrace.collection.control.StorageFailure;
import com.batchtrace.collection.entity.DeadLetterReprocessing;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Sha256;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Dead letters taken again once their cause is fixed (the topic mapped, the step started): a signed
 * admin action with a reason, audited, and idempotent: a dead letter is re-processed at most once,
 * and what its message carries is stored once however often anyone tries. Each attempt and its
 * outcome is a record linked to the dead letter, which itself stays as it arrived.
 */
@ApplicationScoped
public class DeadLetters {

  @PersistenceContext EntityManager em;

  @Inject ProcessData data;

  @Inject Ingestion ingestion;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  @Inject Clock clock;

  @Inject SignatureService signatures;

  /** What an attempt came to, in words. */
  public record Outcome(long deadLetterId, boolean reprocessed, String status) {}

  /**
   * Takes the dead letter's message again, signed by the admin ("performed"; the signature linked
   * to the dead letter, the reason and the outcome). Refused, with nothing changed, for anyone but
   * an admin, without a reason, for an unknown dead letter, when it was re-processed already, and
   * for a wrong password (a security event, as for every signature); all but the last before the
   * password is checked. When the message still cannot be taken, the attempt is recorded (and
   * signed) as failed again with the reason, and nothing of the message is kept.
   */
  @Transactional(Transactional.TxType.NEVER)
  public Outcome reprocess(long deadLetterId, String reason, SignatureRequest signature) {
    actor.require(Roles.ADMIN);
    return signatures.signing(signature, () -> attempt(deadLetterId, reason, signature));
  }

  private Outcome attempt(long deadLetterId, String reason, SignatureRequest signature) {
    ProcessData.Letter letter =
        data.deadLetter(deadLetterId)
            .orElseThrow(
                () -> new RuleViolation("There is no such dead letter. Nothing was changed."));
    auditTrail.modifying(reason, "the dead letter on " + letter.topic());
    data.lockDeadLetter(deadLetterId);
    List<DeadLetterReprocessing> done =
        em.createQuery(
                "select r from DeadLetterReprocessing r where r.deadLetterId = :id"
                    + " and r.outcome = :done",
                DeadLetterReprocessing.class)
            .setParameter("id", deadLetterId)
            .setParameter("done", DeadLetterReprocessing.Outcome.REPROCESSED)
            .getResultList();
    if (!done.isEmpty()) {
      throw new RuleViolation(
          "The dead letter on "
              + letter.topic()
              + " was re-processed at "
              + SiteZone.format(done.get(0).getAttemptedAt())
              + " by "
              + done.get(0).getAttemptedByName()
              + ": its message is taken already. Nothing was changed.");
    }
    // The message is taken only once the signature is accepted: its taking commits on its own.
    DeadLetterReprocessing attempt =
        signatures.signWhatItMakes(
            signature,
            SignatureMeaning.PERFORMED,
            Roles.ADMIN,
            () -> takeAgain(letter, reason.strip()));
    boolean reprocessed = attempt.getOutcome() == DeadLetterReprocessing.Outcome.REPROCESSED;
    return new Outcome(
        deadLetterId,
        reprocessed,
        reprocessed
            ? "re-processed at "
                + SiteZone.format(attempt.getAttemptedAt())
                + " by "
                + attempt.getAttemptedByName()
            : "failed again: " + attempt.getDetail());
  }

  private DeadLetterReprocessing takeAgain(ProcessData.Letter letter, String reason) {
    DeadLetterReprocessing.Outcome outcome;
    String detail;
    try {
      IngestReport taken =
          ingestion.again(
              new InboundMessage(letter.source(), letter.topic(), letter.payload()), reason);
      outcome = DeadLetterReprocessing.Outcome.REPROCESSED;
      detail =
          taken.stored()
              + " value(s) stored, "
              + taken.duplicates()
              + " stored before, "
              + taken.charges()
              + " charge event(s) taken.";
    } catch (RuleViolation stillRefused) {
      outcome = DeadLetterReprocessing.Outcome.FAILED;
      detail = stillRefused.getMessage();
    } catch (IllegalStateException notStored) {
      outcome = DeadLetterReprocessing.Outcome.FAILED;
      detail = StorageFailure.reason(notStored);
    }
    Actor who = actor.get();
    DeadLetterReprocessing attempt =
        new DeadLetterReprocessing(
            letter.id(),
            clock.instant(),
            who.userId(),
            who.displayName(),
            outcome,
            detail,
            reason,
            Sha256.hex(letter.payload()));
    em.persist(attempt);
    em.flush();
    return attempt;
  }
}
