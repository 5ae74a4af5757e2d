package com.batchtrace.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The jobs that must run once per site (the data gap watch, the checkpoint writer, the identity
 * provider event mirror) run only on the node that holds the site's duties: a PostgreSQL
 * session-level advisory lock, held on one connection of this node for as long as the node lives.
 * Every node keeps its timers; at each tick a job asks {@link #mayRun}, which is true only on the
 * holder. When the holder dies (or loses its database connection), PostgreSQL ends its session and
 * so its lock, and the next tick of any other node takes the duties. The database is the one
 * arbiter every node must reach anyway, so two nodes that cannot see each other (a split network)
 * still never both hold the duties; docs/architecture.md says why this is not WildFly's HA
 * singleton service.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SiteDuties {

  /** The advisory lock's key: "BTSITE" in ASCII; no other lock of this database uses it. */
  public static final long LOCK_KEY = 0x425453495445L;

  private static final Logger LOG = Logger.getLogger(SiteDuties.class.getName());

  @Resource(lookup = "java:jboss/datasources/BatchtraceDS")
  DataSource dataSource;

  @Inject Clock clock;

  private final Map<String, Long> runs = new TreeMap<>();
  private final Map<String, Long> standbys = new TreeMap<>();
  private Connection lock;
  private Instant since;
  private String lastProblem;

  /**
   * Whether this node holds the site's duties now (taking them when no living node holds them), so
   * that the duty named may run here; counts the answer per duty for {@link #status}.
   */
  public synchronized boolean mayRun(String duty) {
    boolean holder = stillHeld() || take();
    (holder ? runs : standbys).merge(duty, 1L, Long::sum);
    return holder;
  }

  public synchronized SiteDutyStatus status() {
    return new SiteDutyStatus(
        node(), lock != null, since, Map.copyOf(runs), Map.copyOf(standbys), lastProblem);
  }

  /** The name this node has in the site (WildFly's jboss.node.name). */
  private static String node() {
    return System.getProperty("jboss.node.name", "batchtrace");
  }

  private boolean stillHeld() {
    if (lock == null) {
      return false;
    }
    try (Statement s = lock.createStatement()) {
      s.setQueryTimeout(5);
      s.execute("select 1");
      return true;
    } catch (SQLException e) {
      // The session ended (node cut off, database restarted or failed over, or the session was
      // terminated): the lock went with it. The pool's exception sorter discards the connection.
      giveUp("the database session holding the site's duties ended: " + e.getMessage());
      return false;
    }
  }

  private boolean take() {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      boolean taken;
      try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?)")) {
        s.setQueryTimeout(5);
        s.setLong(1, LOCK_KEY);
        try (ResultSet r = s.executeQuery()) {
          taken = r.next() && r.getBoolean(1);
        }
      }
      if (!taken) {
        c.close();
        return false;
      }
      try (Statement s = c.createStatement()) {
        // Shown in pg_stat_activity: which node holds the duties (./batchtrace cluster status).
        s.execute("set application_name = 'batchtrace site duties " + safe(node()) + "'");
      }
      lock = c;
      since = clock.instant();
      lastProblem = null;
      LOG.info(() -> "This node (" + node() + ") now runs the site's once-per-site jobs.");
      return true;
    } catch (SQLException e) {
      lastProblem = "could not ask the database for the site's duties: " + e.getMessage();
      LOG.log(Level.WARNING, lastProblem, e);
      closeQuietly(c);
      return false;
    }
  }

  private void giveUp(String reason) {
    LOG.warning(() -> "This node (" + node() + ") stops the once-per-site jobs: " + reason);
    lastProblem = reason;
    closeQuietly(lock);
    lock = null;
    since = null;
  }

  /** Hands the duties over at once when this node shuts down, rather than when its session ends. */
  @PreDestroy
  synchronized void release() {
    if (lock == null) {
      return;
    }
    try (Statement s = lock.createStatement()) {
      s.execute("select pg_advisory_unlock_all()");
      s.execute("reset application_name");
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Releasing the site's duties", e);
    }
    closeQuietly(lock);
    lock = null;
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Closing a connection", e);
    }
  }
}
