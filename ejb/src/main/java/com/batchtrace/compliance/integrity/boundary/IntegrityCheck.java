package com.batchtrace.compliance.integrity.boundary;

import com.batchtrace.compliance.integrity.control.CheckpointKey;
import com.batchtrace.compliance.integrity.control.CheckpointLog;
import com.batchtrace.compliance.integrity.control.CheckpointReview;
import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the hash chains. The walk itself is the database function audit_chain_verify() (V2
 * migration): set-based SQL next to the data, because a million links must not travel to the JVM.
 * Then the chains are compared with the signed checkpoints ({@link Checkpoints}), which catches
 * what the walk cannot: a chain the database owner rewrote consistently, every later link and the
 * head recomputed.
 */
@ApplicationScoped
public class IntegrityCheck {

  @PersistenceContext EntityManager em;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

  @Inject Checkpoints checkpoints;

  /** Walks every chain, records the result as a security event and returns it. */
  @Transactional
  public IntegrityReport verify() {
    List<ChainHead> heads = heads();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select chain, chain_position, table_name, row_key, problem"
                    + " from batchtrace.audit_chain_verify()"
                    + " order by chain, chain_position nulls last, table_name, row_key")
            .getResultList();
    List<BrokenLink> problems = new ArrayList<>();
    rows.stream()
        .map(
            r ->
                new BrokenLink(
                    (String) r[0],
                    r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4]))
        .forEach(problems::add);
    CheckpointFinding finding = againstCheckpoints(problems);
    IntegrityReport report = new IntegrityReport(clock.instant(), heads, problems, finding);
    securityLog.record(
        report.intact() ? SecurityEventKind.INTEGRITY_VERIFIED : SecurityEventKind.INTEGRITY_BROKEN,
        report.summary());
    return report;
  }

  /** Compares the chains with every signed checkpoint in the log; adds what differs. */
  private CheckpointFinding againstCheckpoints(List<BrokenLink> problems) {
    List<String> notices = new ArrayList<>();
    CheckpointKey key = null;
    try {
      key = checkpoints.key();
    } catch (CheckpointsUnavailable e) {
      notices.add(e.getMessage());
    }
    CheckpointLog log = checkpoints.log();
    List<CheckpointLog.Entry> entries = log.all();
    CheckpointReview review = CheckpointReview.of(entries, key);
    if (key != null) {
      Map<String, String> hashes = linkHashes(review.positionsToLookUp());
      review.compare(chainsNow(), (chain, position) -> hashes.get(chain + "/" + position));
      if (entries.isEmpty()) {
        notices.add("No signed checkpoint is in the checkpoint log " + log.directory() + " yet.");
      }
    }
    problems.addAll(review.problems());
    notices.addAll(review.notices());
    List<SignedCheckpoint> trusted = review.trusted();
    SignedCheckpoint latest = trusted.isEmpty() ? null : trusted.get(trusted.size() - 1);
    return new CheckpointFinding(
        trusted.size(),
        latest == null ? null : latest.sequence(),
        latest == null ? null : latest.takenAt(),
        notices);
  }

  private List<CheckpointReview.ChainNow> chainsNow() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select chain, head_position, row_count"
                    + " from batchtrace.audit_chain_checkpoint(cast('{}' as varchar[]),"
                    + " cast('{}' as bigint[]))")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new CheckpointReview.ChainNow(
                    (String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
        .toList();
  }

  /** The database's link hashes at the given positions, keyed "chain/position". */
  private Map<String, String> linkHashes(Map<String, Set<Long>> wanted) {
    List<String> chains = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    wanted.forEach(
        (chain, at) ->
            at.forEach(
                p -> {
                  chains.add(chain);
                  positions.add(String.valueOf(p));
                }));
    Map<String, String> hashes = new HashMap<>();
    if (chains.isEmpty()) {
      return hashes;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.chain, c.position, c.sha256 from unnest("
                    + " cast(string_to_array(cast(?1 as text), ',') as varchar[]),"
                    + " cast(string_to_array(cast(?2 as text), ',') as bigint[])) as k(chain, position)"
                    + " join batchtrace.audit_chain c on c.chain = k.chain and c.position = k.position")
            .setParameter(1, String.join(",", chains))
            .setParameter(2, String.join(",", positions))
            .getResultList();
    for (Object[] r : rows) {
      hashes.put(r[0] + "/" + ((Number) r[1]).longValue(), HexFormat.of().formatHex((byte[]) r[2]));
    }
    return hashes;
  }

  /** Each chain's head now. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ChainHead> heads() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select chain, position, sha256 from batchtrace.audit_chain_head order by chain")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ChainHead(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    HexFormat.of().formatHex((byte[]) r[2])))
        .toList();
  }
}
