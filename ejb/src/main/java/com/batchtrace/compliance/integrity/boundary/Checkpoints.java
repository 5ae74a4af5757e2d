package com.batchtrace.compliance.integrity.boundary;

import com.batchtrace.compliance.integrity.control.CheckpointFormat;
import com.batchtrace.compliance.integrity.control.CheckpointKey;
import com.batchtrace.compliance.integrity.control.CheckpointLog;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Signed checkpoints of the hash chains: each chain's head, row count and time, signed with the
 * checkpoint key ({@link CheckpointKey}, outside the database) and written as a new file into the
 * checkpoint log ({@link CheckpointLog}, BATCHTRACE_CHECKPOINT_DIR) and as a security event. Taken
 * every BATCHTRACE_CHECKPOINT_MINUTES ({@link CheckpointSchedule}), on demand by an auditor or QA,
 * and at every audit trail export. A database owner who rewrites a chain consistently cannot sign a
 * matching checkpoint, so the integrity check and the offline verifier see the rewrite.
 */
@ApplicationScoped
public class Checkpoints {

  private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());

  @PersistenceContext EntityManager em;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

  @Inject CurrentActor currentActor;

  private volatile CheckpointKey key;

  /** The checkpoint key, loaded once it loads; throws {@link CheckpointsUnavailable}. */
  public CheckpointKey key() {
    CheckpointKey loaded = key;
    if (loaded == null) {
      loaded = CheckpointKey.fromSettings();
      key = loaded;
    }
    return loaded;
  }

  /** Signs with the checkpoint key (an export's seal); throws {@link CheckpointsUnavailable}. */
  public byte[] sign(byte[] message) {
    return key().sign(message);
  }

  /** The checkpoint key's id: SHA-256 of its public key; throws {@link CheckpointsUnavailable}. */
  public String keyId() {
    return key().id();
  }

  /** Why no checkpoint can be signed, or empty when one can. */
  public Optional<String> unavailable() {
    try {
      key();
      return Optional.empty();
    } catch (CheckpointsUnavailable e) {
      return Optional.of(e.getMessage());
    }
  }

  public CheckpointLog log() {
    return new CheckpointLog(
        Path.of(
            Settings.text(
                "BATCHTRACE_CHECKPOINT_DIR",
                Path.of(System.getProperty("jboss.server.data.dir", "."), "checkpoints")
                    .toString())));
  }

  /** An auditor or QA reviewer signs a checkpoint now (integrity page, POST /checkpoints). */
  public SignedCheckpoint takeOnDemand() {
    currentActor.require(Roles.AUDITOR, Roles.QA_REVIEWER);
    Actor actor = currentActor.get();
    return take("on demand by " + actor.displayName() + " (" + actor.userId() + ")");
  }

  /**
   * Signs a checkpoint of every chain now and writes it to the log and the security event log.
   * Checkpoints are taken one at a time, so each confirms the one before it.
   *
   * @param reason why, e.g. "scheduled" or "on demand by Ava Adams (auditor)"
   * @throws CheckpointsUnavailable when no key is configured
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public synchronized SignedCheckpoint take(String reason) {
    CheckpointKey signer = key();
    CheckpointLog log = log();
    Instant now = clock.instant();
    CheckpointLog.Entry entry =
        log.appendNext(
            (sequence, previous) -> {
              Optional<SignedCheckpoint> before =
                  previous.map(p -> CheckpointFormat.parse(p.text(), p.file()));
              String unsigned =
                  CheckpointFormat.unsigned(
                      sequence,
                      now,
                      reason,
                      previous.map(p -> Sha256.hex(p.bytes())).orElse(null),
                      signer.id(),
                      chainsNow(before));
              return CheckpointFormat.signed(
                  unsigned,
                  signer.sign(unsigned.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            });
    SignedCheckpoint checkpoint = CheckpointFormat.parse(entry.text(), entry.file());
    securityLog.record(SecurityEventKind.CHECKPOINT_SIGNED, describe(checkpoint));
    LOG.fine(() -> "Signed " + describe(checkpoint));
    return checkpoint;
  }

  /** One line for the security event log. */
  public static String describe(SignedCheckpoint c) {
    return "Signed checkpoint "
        + c.sequence()
        + " ("
        + c.reason()
        + ") in "
        + c.file()
        + ": "
        + c.chains().stream()
            .map(
                ch ->
                    ch.chain()
                        + " at "
                        + ch.position()
                        + " ("
                        + ch.rows()
                        + " rows) head "
                        + ch.sha256().substring(0, 16)
                        + "…")
            .collect(Collectors.joining(", "))
        + "; key "
        + c.keyId().substring(0, 16)
        + "…";
  }

  /** The chains now, each with its hash at the position the previous checkpoint recorded. */
  private List<SignedCheckpoint.Chain> chainsNow(Optional<SignedCheckpoint> previous) {
    List<String> chains = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    previous.ifPresent(
        p ->
            p.chains()
                .forEach(
                    c -> {
                      chains.add(c.chain());
                      positions.add(String.valueOf(c.position()));
                    }));
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select chain, head_position, head_sha256, row_count, at_position, at_sha256"
                    + " from batchtrace.audit_chain_checkpoint("
                    + " cast(string_to_array(cast(?1 as text), ',') as varchar[]),"
                    + " cast(string_to_array(cast(?2 as text), ',') as bigint[]))"
                    + " order by chain")
            .setParameter(1, String.join(",", chains))
            .setParameter(2, String.join(",", positions))
            .getResultList();
    HexFormat hex = HexFormat.of();
    return rows.stream()
        .map(
            r ->
                new SignedCheckpoint.Chain(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[3]).longValue(),
                    hex.formatHex((byte[]) r[2]),
                    r[4] == null ? null : r[5] == null ? "missing" : hex.formatHex((byte[]) r[5])))
        .toList();
  }
}
