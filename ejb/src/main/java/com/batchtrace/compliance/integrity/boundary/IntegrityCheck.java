package com.batchtrace.compliance.integrity.boundary;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Verifies the hash chains. The walk itself is the database function audit_chain_verify() (V2
 * migration): set-based SQL next to the data, because a million links must not travel to the JVM.
 */
@ApplicationScoped
public class IntegrityCheck {

  @PersistenceContext EntityManager em;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

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
    List<BrokenLink> problems =
        rows.stream()
            .map(
                r ->
                    new BrokenLink(
                        (String) r[0],
                        r[1] == null ? null : ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4]))
            .toList();
    IntegrityReport report = new IntegrityReport(clock.instant(), heads, problems);
    securityLog.record(
        report.intact() ? SecurityEventKind.INTEGRITY_VERIFIED : SecurityEventKind.INTEGRITY_BROKEN,
        report.summary());
    return report;
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
