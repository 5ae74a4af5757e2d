package com.batchtrace.compliance.security.boundary;

import com.batchtrace.compliance.security.entity.SecurityEvent;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.platform.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Records security events and reads them back. */
@ApplicationScoped
public class SecurityLog {

  private static final String WHERE =
      " where (:u is null or e.userId = :u) and (:k is null or e.kind = :k)";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Records an event of the current actor in its own transaction: it stays recorded even when the
   * action it belongs to is refused and rolled back.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(SecurityEventKind kind, String detail) {
    record(kind, CurrentActor.resolve(), detail);
  }

  /** As {@link #record(SecurityEventKind, String)}, for an event about another person. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(SecurityEventKind kind, Actor about, String detail) {
    em.persist(
        new SecurityEvent(
            clock.instant(),
            kind,
            about.userId(),
            about.subject(),
            about.displayName(),
            CurrentActor.resolve().clientAddress(),
            detail));
  }

  /** The latest event of {@code kind} of each user: e.g. everyone's last sign-in. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Instant> latestOfEachUser(SecurityEventKind kind) {
    return em.createQuery(
            "select e.userId, max(e.occurredAt) from SecurityEvent e where e.kind = :k"
                + " group by e.userId",
            Object[].class)
        .setParameter("k", kind)
        .getResultStream()
        .collect(Collectors.toMap(r -> (String) r[0], r -> (Instant) r[1]));
  }

  /** Events of one user and kind since {@code since}, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SecurityEventView> since(String userId, SecurityEventKind kind, Instant since) {
    return em
        .createQuery(
            "select e from SecurityEvent e where e.userId = :u and e.kind = :k"
                + " and e.occurredAt > :since order by e.occurredAt desc",
            SecurityEvent.class)
        .setParameter("u", userId)
        .setParameter("k", kind)
        .setParameter("since", since)
        .getResultList()
        .stream()
        .map(SecurityEventView::of)
        .toList();
  }

  /** The latest event of one user and kind, if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SecurityEventView> latest(String userId, SecurityEventKind kind) {
    return since(userId, kind, Instant.EPOCH).stream().findFirst();
  }

  /** One page of the log, newest first, optionally for one user and one kind. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<SecurityEventView> page(
      String userId, SecurityEventKind kind, int offset, int limit) {
    return new Page<>(rows(userId, kind, offset, limit), count(userId, kind));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(String userId, SecurityEventKind kind) {
    return em.createQuery("select count(e) from SecurityEvent e" + WHERE, Long.class)
        .setParameter("u", blankToNull(userId))
        .setParameter("k", kind)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SecurityEventView> rows(
      String userId, SecurityEventKind kind, int offset, int limit) {
    return em
        .createQuery(
            "select e from SecurityEvent e" + WHERE + " order by e.occurredAt desc, e.id desc",
            SecurityEvent.class)
        .setParameter("u", blankToNull(userId))
        .setParameter("k", kind)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(SecurityEventView::of)
        .toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
