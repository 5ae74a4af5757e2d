package com.batchtrace.compliance.review.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.review.entity.AccessReview;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.boundary.SignatureService;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.identity.boundary.Account;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.IdentityProvider;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RowChecksum;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who has which access, and QA's signed periodic review of it (EU Annex 11 §12): every person's
 * account in the identity provider with roles, lines, disabled or not, and from Batchtrace's own
 * records the last sign-in and the last signature.
 */
@ApplicationScoped
public class AccessReviews {

  @PersistenceContext EntityManager em;

  @Inject IdentityProvider identityProvider;

  @Inject SecurityLog securityLog;

  @Inject SignatureService signatures;

  @Inject CurrentActor currentActor;

  @Inject AuditTrail auditTrail;

  @Inject Clock clock;

  /** Every account as it is now, by user id. For QA and auditors. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccessEntry> current() {
    currentActor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    List<Account> accounts;
    try {
      accounts = identityProvider.accounts();
    } catch (IdentityProvider.Unavailable e) {
      throw new RuleViolation(
          "The accounts cannot be read from the identity provider now: " + e.getMessage() + ".");
    }
    Map<String, Instant> signIns = securityLog.latestOfEachUser(SecurityEventKind.SIGN_IN);
    Map<String, Instant> signed = signatures.latestOfEachSigner();
    return accounts.stream()
        .map(
            a ->
                new AccessEntry(
                    a.userId(),
                    a.subject(),
                    a.name(),
                    a.enabled(),
                    a.roles().stream().sorted().toList(),
                    a.lines().stream().sorted().toList(),
                    signIns.get(a.userId()),
                    signed.get(a.userId())))
        .toList();
  }

  /**
   * The current list as CSV, with what it is and who exported it in '#' lines and the export
   * checksum at the end (the same rule as every export); recorded as an export security event.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public byte[] exportCsv() {
    List<AccessEntry> entries = current();
    Actor by = currentActor.get();
    RowChecksum checksum = new RowChecksum();
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    comment(csv, "Batchtrace access review list: every account with its roles and lines");
    comment(csv, "Exported by: " + by.displayName() + " (" + by.userId() + ")");
    comment(csv, "Exported at (UTC): " + clock.instant());
    comment(csv, "Checksum at the end: " + RowChecksum.RULE);
    csv.writeBytes(checksum.header(AccessEntry.COLUMNS));
    entries.forEach(e -> csv.writeBytes(checksum.row(e.values())));
    comment(csv, "Rows: " + checksum.rows());
    comment(csv, "SHA-256: " + checksum.hex());
    securityLog.record(
        SecurityEventKind.EXPORT,
        "Access review list exported ("
            + entries.size()
            + " accounts, SHA-256 "
            + checksum.hex()
            + ")");
    return csv.toByteArray();
  }

  private static void comment(ByteArrayOutputStream out, String text) {
    out.writeBytes(
        ("# " + text.replace('\r', ' ').replace('\n', ' ') + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * QA signs the review ("reviewed") of the accounts as they are read now, with a conclusion; the
   * list is kept with the review. A refused signature leaves no review. The accounts are read once,
   * before the signing, so no transaction waits on the identity provider.
   */
  @Transactional(Transactional.TxType.NEVER)
  public AccessReviewView review(String conclusion, SignatureRequest signature) {
    currentActor.require(Roles.QA_REVIEWER);
    // Read before any transaction: the identity provider is a remote call.
    List<AccessEntry> entries = current();
    return signatures.signing(
        signature,
        () -> {
          JsonArrayBuilder list = Json.createArrayBuilder();
          entries.forEach(e -> list.add(e.toJson()));
          Actor by = currentActor.get();
          AccessReview review =
              new AccessReview(
                  clock.instant(),
                  by.userId(),
                  by.displayName(),
                  entries.size(),
                  list.build().toString(),
                  conclusion);
          auditTrail.creating(null, "Access review signed");
          em.persist(review);
          em.flush();
          return AccessReviewView.of(
              review,
              List.of(
                  signatures.sign(
                      signature, SignatureMeaning.REVIEWED, review, Roles.QA_REVIEWER)));
        });
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AccessReviewView> find(long id) {
    currentActor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    return Optional.ofNullable(em.find(AccessReview.class, id))
        .map(r -> AccessReviewView.of(r, signatures.signaturesOf(r)));
  }

  /** The latest signed reviews, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AccessReviewView> latest(int limit) {
    currentActor.require(Roles.QA_REVIEWER, Roles.AUDITOR);
    return em.createQuery(
            "select r from AccessReview r order by r.reviewedAt desc, r.id desc",
            AccessReview.class)
        .setMaxResults(limit)
        .getResultStream()
        .map(r -> AccessReviewView.of(r, signatures.signaturesOf(r)))
        .toList();
  }
}
