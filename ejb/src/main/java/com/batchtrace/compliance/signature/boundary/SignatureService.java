package com.batchtrace.compliance.signature.boundary;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.compliance.signature.control.PasswordCheck;
import com.batchtrace.compliance.signature.control.SignerIdentity;
import com.batchtrace.compliance.signature.control.SigningPolicy;
import com.batchtrace.compliance.signature.control.SigningRules;
import com.batchtrace.compliance.signature.entity.ElectronicSignature;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.compliance.signature.entity.SignatureRefused;
import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.IdentityProvider;
import com.batchtrace.platform.Page;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Sha256;
import com.batchtrace.platform.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The one signature service: every signing action in Batchtrace goes through here. */
@ApplicationScoped
public class SignatureService {

  private static final int MAX_REASON = 2000;
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final String BY_SIGNER = " where (:u is null or s.signerId = :u)";

  @PersistenceContext EntityManager em;

  @Inject CurrentActor currentActor;

  @Inject PasswordCheck passwordCheck;

  @Inject IdentityProvider identityProvider;

  @Inject SigningPolicy policy;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

  @Inject Transactions transactions;

  /** Where the signing action of this thread is: deciding eligibility, or signing for real. */
  private static final ThreadLocal<Phase> PHASE = new ThreadLocal<>();

  private sealed interface Phase permits Checking, Checked {
    SignatureRequest request();
  }

  private record Checking(SignatureRequest request) implements Phase {}

  private record Checked(SignatureRequest request, SignerIdentity signer) implements Phase {}

  /** Ends the eligibility run of a signing action (rolling it back) once the signer may sign. */
  private static final class Eligible extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient String username;

    Eligible(String username) {
      super(null, null, false, false);
      this.username = username;
    }
  }

  /**
   * Runs a signing action without holding a transaction or a row lock across the remote password
   * check. {@code action} runs twice, each time in a transaction of its own: first only up to its
   * call of {@link #sign} or {@link #verify}, which decides eligibility (role, segregation of
   * duties, record state, signing lock) and then rolls everything back; then, outside any
   * transaction, the identity provider checks the password; then the action runs again with the
   * checked signer and commits the signature with the action, or neither. The record is checked
   * afresh in the second run, so a change made in between is never signed unseen.
   */
  @Transactional(Transactional.TxType.NEVER)
  public <T> T signing(SignatureRequest request, Supplier<T> action) {
    Objects.requireNonNull(action, "action");
    String username;
    PHASE.set(new Checking(request));
    try {
      transactions.inNewTransaction(action);
      throw new IllegalStateException("A signing action returned without signing");
    } catch (Eligible eligible) {
      username = eligible.username;
    } finally {
      PHASE.remove();
    }
    SignerIdentity signer = checkPassword(username, request.password());
    PHASE.set(new Checked(request, signer));
    try {
      return transactions.inNewTransaction(action);
    } finally {
      PHASE.remove();
    }
  }

  /**
   * The signed-in user signs {@code record} in the caller's transaction: the signature is written
   * with the action, or neither is. Only within {@link #signing}.
   *
   * @param requiredRole the role the signer must hold for this meaning on this record
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public SignatureView sign(
      SignatureRequest request,
      SignatureMeaning meaning,
      SignedRecord record,
      String requiredRole) {
    return signAs(request, meaning, () -> record, requiredRole, Set.of());
  }

  /**
   * The signed-in user signs the record that {@code action} makes, in the caller's transaction: for
   * an action whose effects reach beyond it (e.g. a step of its own in a new transaction) and whose
   * record says what came of them. Eligibility is decided before {@code action} runs, so the
   * eligibility run of {@link #signing} never runs it; in the signing run it runs once the password
   * is checked, and its record is signed with it, or neither is kept. Only within {@link #signing}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <R extends SignedRecord> R signWhatItMakes(
      SignatureRequest request, SignatureMeaning meaning, String requiredRole, Supplier<R> action) {
    Objects.requireNonNull(action, "action");
    java.util.concurrent.atomic.AtomicReference<R> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    signAs(
        request,
        meaning,
        () -> {
          made.set(Objects.requireNonNull(action.get(), "the signed record"));
          return made.get();
        },
        requiredRole,
        Set.of());
    return made.get();
  }

  /**
   * A second person verifies {@code record} at the same terminal with their own credentials
   * (meaning VERIFIED); they must hold {@code requiredRole} and not be one of {@code performers}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public SignatureView verify(
      SignatureRequest request, SignedRecord record, String requiredRole, Set<String> performers) {
    return signAs(request, SignatureMeaning.VERIFIED, () -> record, requiredRole, performers);
  }

  /** The signatures on a record, oldest first, each checked against the record's content now. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SignatureView> signaturesOf(SignedRecord record) {
    Map<Integer, String> current = new HashMap<>();
    return em
        .createQuery(
            "select s from ElectronicSignature s where s.recordType = :t and s.recordId = :i"
                + " order by s.signedAt, s.id",
            ElectronicSignature.class)
        .setParameter("t", record.recordType())
        .setParameter("i", record.recordId())
        .getResultList()
        .stream()
        .map(
            s ->
                SignatureView.of(
                    s,
                    s.getContentSha256()
                        .equals(
                            current.computeIfAbsent(
                                s.getContentFormat(),
                                format -> Sha256.hex(record.canonicalContent(format))))))
        .toList();
  }

  /** Each signer's latest signature time, by user id: for the access review. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Instant> latestOfEachSigner() {
    return em.createQuery(
            "select s.signerId, max(s.signedAt) from ElectronicSignature s group by s.signerId",
            Object[].class)
        .getResultStream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> (Instant) r[1]));
  }

  /**
   * The signature register: one page of all signatures, newest first, each checked against its
   * record's content now (the {@link SignedRecordSource} of its record type).
   */
  // A transaction: each row's record is read and hashed in it (its lazy parts too).
  @Transactional
  public Page<SignatureView> register(String signerId, int offset, int limit) {
    return new Page<>(registerRows(signerId, offset, limit), registerCount(signerId));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long registerCount(String signerId) {
    return registerCount(new RegisterFilter(signerId, null, null, null, null));
  }

  // A transaction: each row's record is read and hashed in it (its lazy parts too).
  @Transactional
  public List<SignatureView> registerRows(String signerId, int offset, int limit) {
    return registerRows(new RegisterFilter(signerId, null, null, null, null), offset, limit);
  }

  /**
   * The most signatures a validity filter checks (each one's record is read and hashed): beyond
   * that, the other criteria must narrow the search first.
   */
  static final int MAX_VALIDITY_CHECKS = 5000;

  /** How many signatures the register shows for the filter. */
  // A transaction: a validity filter reads and hashes each candidate's record in it.
  @Transactional
  public long registerCount(RegisterFilter filter) {
    if (filter.validity() != null) {
      return checkedCandidates(filter).size();
    }
    var where = registerWhere(filter);
    if (where == null) {
      return 0;
    }
    return candidateCount(where);
  }

  private long candidateCount(Where where) {
    var query =
        em.createQuery("select count(s) from ElectronicSignature s" + where.jpql, Long.class);
    where.params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** One page of the register for the filter, newest first. */
  // A transaction: each row's record is read and hashed in it (its lazy parts too).
  @Transactional
  public List<SignatureView> registerRows(RegisterFilter filter, int offset, int limit) {
    if (filter.validity() != null) {
      List<SignatureView> kept = checkedCandidates(filter);
      int from = Math.min(Math.max(offset, 0), kept.size());
      return List.copyOf(kept.subList(from, Math.min(kept.size(), from + Math.max(limit, 0))));
    }
    var where = registerWhere(filter);
    if (where == null) {
      return List.of();
    }
    return candidates(where, offset, limit).stream()
        .map(s -> SignatureView.of(s, stillMatches(s)))
        .toList();
  }

  private List<ElectronicSignature> candidates(Where where, int offset, int limit) {
    var query =
        em.createQuery(
            "select s from ElectronicSignature s"
                + where.jpql
                + " order by s.signedAt desc, s.id desc",
            ElectronicSignature.class);
    where.params.forEach(query::setParameter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /**
   * The signatures of the other criteria whose validity, recomputed now, is the one asked for;
   * validity is not stored (it is what the record's content says now), so each is checked.
   */
  private List<SignatureView> checkedCandidates(RegisterFilter filter) {
    var where = registerWhere(filter);
    if (where == null) {
      return List.of();
    }
    long candidates = candidateCount(where);
    if (candidates > MAX_VALIDITY_CHECKS) {
      throw new RuleViolation(
          "Checking the validity of "
              + candidates
              + " signatures takes too long; narrow the search (time, batch, signer or meaning) to"
              + " at most "
              + MAX_VALIDITY_CHECKS
              + " first.");
    }
    return candidates(where, 0, MAX_VALIDITY_CHECKS).stream()
        .map(s -> SignatureView.of(s, stillMatches(s)))
        .filter(v -> filter.keeps(v.valid()))
        .toList();
  }

  /** The most signatures one register export holds. */
  static final int MAX_EXPORT = 20_000;

  /**
   * The register as the filter shows it, as CSV with what it is and who exported it in '#' lines
   * and the export checksum at the end (the same rule as every export); {@code columns} and {@code
   * values} are the page's words for a signature. Recorded as an export security event.
   */
  @Transactional
  public byte[] registerCsv(
      RegisterFilter filter,
      String description,
      List<String> columns,
      java.util.function.Function<List<SignatureView>, List<List<String>>> values) {
    long total = registerCount(filter);
    if (total > MAX_EXPORT) {
      throw new RuleViolation(
          "The register holds "
              + total
              + " signatures for this search; export at most "
              + MAX_EXPORT
              + " at a time (narrow the time range).");
    }
    List<SignatureView> rows = registerRows(filter, 0, MAX_EXPORT);
    com.batchtrace.identity.boundary.Actor by = currentActor.get();
    com.batchtrace.platform.RowChecksum checksum = new com.batchtrace.platform.RowChecksum();
    java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
    csvComment(csv, "Batchtrace signature register");
    csvComment(csv, "Search: " + description);
    csvComment(csv, "Exported by: " + by.displayName() + " (" + by.userId() + ")");
    csvComment(csv, "Exported at (UTC): " + clock.instant());
    csvComment(csv, "Checksum at the end: " + com.batchtrace.platform.RowChecksum.RULE);
    csv.writeBytes(checksum.header(columns));
    values.apply(rows).forEach(row -> csv.writeBytes(checksum.row(row)));
    csvComment(csv, "Rows: " + checksum.rows());
    csvComment(csv, "SHA-256: " + checksum.hex());
    securityLog.record(
        com.batchtrace.compliance.security.entity.SecurityEventKind.EXPORT,
        "Signature register exported ("
            + description
            + "; "
            + checksum.rows()
            + " signatures, SHA-256 "
            + checksum.hex()
            + ")");
    return csv.toByteArray();
  }

  private static void csvComment(java.io.ByteArrayOutputStream out, String text) {
    out.writeBytes(
        ("# " + text.replace('\r', ' ').replace('\n', ' ') + "\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Inject jakarta.enterprise.inject.Instance<SignedRecordSource> sources;

  /**
   * Whether the signature still matches its record's content now, computed as the record's own page
   * computes it; a record that cannot be found any more does not match.
   */
  private boolean stillMatches(ElectronicSignature s) {
    for (SignedRecordSource source : sources) {
      if (source.recordTypes().contains(s.getRecordType())) {
        return source
            .find(s.getRecordType(), s.getRecordId())
            .map(
                record ->
                    s.getContentSha256()
                        .equals(Sha256.hex(record.canonicalContent(s.getContentFormat()))))
            .orElse(false);
      }
    }
    return false;
  }

  @Inject com.batchtrace.compliance.audit.boundary.AuditSearch auditSearch;

  private record Where(String jpql, Map<String, Object> params) {}

  /** The filter as JPQL; null when it can match nothing (an unknown batch number). */
  private Where registerWhere(RegisterFilter f) {
    List<String> conditions = new java.util.ArrayList<>();
    Map<String, Object> params = new java.util.HashMap<>();
    if (f.signer() != null) {
      conditions.add("s.signerId = :signer");
      params.put("signer", f.signer());
    }
    if (f.meaning() != null) {
      SignatureMeaning meaning;
      try {
        meaning = SignatureMeaning.valueOf(f.meaning());
      } catch (IllegalArgumentException e) {
        throw new RuleViolation(
            "'"
                + f.meaning()
                + "' is not a meaning of a signature; use one of "
                + java.util.Arrays.toString(SignatureMeaning.values())
                + ".");
      }
      conditions.add("s.meaning = :meaning");
      params.put("meaning", meaning);
    }
    if (f.from() != null) {
      conditions.add("s.signedAt >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      conditions.add("s.signedAt < :to");
      params.put("to", f.to());
    }
    if (f.batchNumber() != null) {
      java.util.Set<String> records = auditSearch.recordsOfBatchNumber(f.batchNumber());
      if (records.isEmpty()) {
        return null;
      }
      conditions.add("concat(s.recordType, '#', s.recordId) in :records");
      params.put("records", records);
    }
    return new Where(
        conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private SignatureView signAs(
      SignatureRequest request,
      SignatureMeaning meaning,
      Supplier<? extends SignedRecord> signed,
      String requiredRole,
      Set<String> performers) {
    Objects.requireNonNull(meaning, "meaning");
    Phase phase = PHASE.get();
    if (phase == null || phase.request() != request) {
      throw new IllegalStateException("A signature is taken only within SignatureService.signing");
    }
    if (phase instanceof Checking) {
      if (request == null) {
        throw new RuleViolation("Enter your user id and password to sign. Nothing was signed.");
      }
      String username = signerNamed(request, meaning);
      if (request.password() == null || request.password().isEmpty()) {
        throw new RuleViolation("Enter your password to sign. Nothing was signed.");
      }
      reason(request.comment());
      requireEligibleBeforePassword(username, meaning, requiredRole, performers);
      requireNotLocked(username);
      throw new Eligible(username);
    }
    SignerIdentity signer = ((Checked) phase).signer();
    SigningRules.requireEligible(currentActor.get(), signer, meaning, requiredRole, performers);
    SignedRecord record = signed.get();
    ElectronicSignature signature =
        new ElectronicSignature(
            clock.instant(),
            signer.userId(),
            signer.subject(),
            signer.displayName(),
            meaning,
            reason(request.comment()),
            record.recordType(),
            record.recordId(),
            Sha256.hex(record.content().canonical()),
            SignedContent.FORMAT,
            currentActor.get().clientAddress());
    em.persist(signature);
    return SignatureView.of(signature, true);
  }

  /**
   * Whether the signed-in user must type their user id as well as the password: at the first
   * signing of a continuous session, always for a verifier (another person), and always through the
   * API (21 CFR 11.200(a)(1)).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean userIdRequired() {
    Actor signedIn = currentActor.get();
    return signedIn.sessionStart() == null
        || lastSignatureOf(signedIn.userId()).isBefore(signedIn.sessionStart());
  }

  /**
   * The user id the signature names. Left out, it is the signed-in user's, but only when they have
   * signed before in this continuous session; a verification always names its signer.
   */
  private String signerNamed(SignatureRequest request, SignatureMeaning meaning) {
    if (request.username() != null && !request.username().isBlank()) {
      return request.username().strip().toLowerCase(Locale.ROOT);
    }
    if (meaning == SignatureMeaning.VERIFIED) {
      throw new RuleViolation("Enter the verifier's own user id and password. Nothing was signed.");
    }
    if (userIdRequired()) {
      throw new RuleViolation(
          "This is your first signature since you signed in: enter your user id and your"
              + " password. Nothing was signed.");
    }
    return currentActor.get().userId();
  }

  /** The password check, outside any transaction; a wrong password counts toward the lock. */
  private SignerIdentity checkPassword(String username, String password) {
    SignerIdentity signer;
    try {
      signer = passwordCheck.check(username, password).orElse(null);
    } catch (IdentityProvider.Unavailable e) {
      securityLog.record(
          SecurityEventKind.SIGNING_UNAVAILABLE,
          "Password check for " + username + " not possible: " + e.getMessage());
      throw new RuleViolation(
          "Signing is unavailable: "
              + e.getMessage()
              + ". This is not a wrong password and does not count toward the signing lock."
              + " Nothing was signed; tell the administrator if it persists.");
    }
    if (signer == null) {
      refuseWrongPassword(username);
    }
    return signer;
  }

  /**
   * Eligibility first: role, segregation of duties and "the signer is the signed-in user" are
   * decided before any password is checked, so the password check is never an oracle or a lock-out
   * for a person who could not sign this anyway. A verifier's roles are looked up by the
   * application's service account, without their password.
   */
  private void requireEligibleBeforePassword(
      String username, SignatureMeaning meaning, String requiredRole, Set<String> performers) {
    Actor signedIn = currentActor.get();
    SignerIdentity named;
    if (meaning == SignatureMeaning.VERIFIED) {
      Set<String> roles;
      try {
        roles = identityProvider.realmRolesOf(username);
      } catch (IdentityProvider.Unavailable e) {
        securityLog.record(
            SecurityEventKind.SIGNING_UNAVAILABLE,
            "Roles of " + username + " not readable before signing: " + e.getMessage());
        throw new RuleViolation(
            "Signing is unavailable: " + e.getMessage() + ". Nothing was signed.");
      }
      named = SignerIdentity.named(username, username, roles);
    } else {
      named =
          username.equals(signedIn.userId())
              ? SignerIdentity.named(signedIn.userId(), signedIn.displayName(), signedIn.roles())
              : SignerIdentity.named(username, username, Set.of());
    }
    try {
      SigningRules.requireEligible(signedIn, named, meaning, requiredRole, performers);
    } catch (SignatureRefused refused) {
      securityLog.record(
          SecurityEventKind.SIGNATURE_REFUSED,
          signedIn.userId() + " named " + username + " as signer: " + refused.getMessage());
      throw refused;
    }
  }

  private void requireNotLocked(String username) {
    securityLog
        .latest(username, SecurityEventKind.SIGNING_LOCKED)
        .map(lock -> lock.occurredAt().plus(policy.lockDuration()))
        .filter(until -> until.isAfter(clock.instant()))
        .ifPresent(
            until -> {
              throw new SignatureRefused(
                  "Signing is locked for "
                      + username
                      + " until "
                      + UTC_TIME.format(until)
                      + " after "
                      + policy.maxFailures()
                      + " wrong passwords in a row. Nothing was signed; ask your supervisor if"
                      + " this was not you.",
                  true);
            });
  }

  /** Records the failure; the N-th failure in a row since the last signature or lock locks. */
  private void refuseWrongPassword(String username) {
    Actor attempted = new Actor(username, username, null, Set.of());
    securityLog.record(
        SecurityEventKind.SIGNATURE_FAILED,
        attempted,
        "Wrong password at signing for "
            + username
            + " (signed in: "
            + currentActor.get().userId()
            + ")");
    Instant since = latestOf(lastSignatureOf(username), lastLockOf(username));
    int failures = securityLog.since(username, SecurityEventKind.SIGNATURE_FAILED, since).size();
    if (failures >= policy.maxFailures()) {
      securityLog.record(
          SecurityEventKind.SIGNING_LOCKED,
          attempted,
          "Signing locked for "
              + policy.lockDuration().toMinutes()
              + " minutes after "
              + failures
              + " wrong passwords in a row");
      throw new SignatureRefused(
          "Wrong password. Signing is now locked for "
              + username
              + " for "
              + policy.lockDuration().toMinutes()
              + " minutes after "
              + failures
              + " wrong passwords in a row. Nothing was signed.",
          true);
    }
    int left = policy.maxFailures() - failures;
    throw new SignatureRefused(
        "Wrong password for "
            + username
            + ": nothing was signed. "
            + left
            + (left == 1 ? " attempt is" : " attempts are")
            + " left before signing is locked.",
        false);
  }

  private Instant lastSignatureOf(String username) {
    Instant last =
        em.createQuery(
                "select max(s.signedAt) from ElectronicSignature s where s.signerId = :u",
                Instant.class)
            .setParameter("u", username)
            .getSingleResult();
    return last == null ? Instant.EPOCH : last;
  }

  private Instant lastLockOf(String username) {
    return securityLog
        .latest(username, SecurityEventKind.SIGNING_LOCKED)
        .map(e -> e.occurredAt())
        .orElse(Instant.EPOCH);
  }

  private static Instant latestOf(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    String trimmed = reason.strip();
    if (trimmed.length() > MAX_REASON) {
      throw new RuleViolation(
          "The signature comment is too long ("
              + trimmed.length()
              + " characters, at most "
              + MAX_REASON
              + "). Nothing was signed.");
    }
    return trimmed;
  }
}
