package com.batchtrace.compliance.integrity.boundary;

import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Signs a checkpoint every BATCHTRACE_CHECKPOINT_MINUTES (default 5), and one when the server
 * starts, on the node that holds the site's duties only ({@link SiteDuties}). Without a checkpoint
 * key it logs why once and signs nothing; the integrity page shows the same reason.
 */
@Singleton
@Startup
public class CheckpointSchedule {

  private static final Logger LOG = Logger.getLogger(CheckpointSchedule.class.getName());

  @Resource TimerService timers;

  @Inject Checkpoints checkpoints;

  @Inject SiteDuties duties;

  @PostConstruct
  void schedule() {
    long millis = Settings.positive("BATCHTRACE_CHECKPOINT_MINUTES", 5) * 60_000L;
    // The first one soon after start (BATCHTRACE_CHECKPOINT_FIRST_SECONDS, default 10).
    long first = Settings.positive("BATCHTRACE_CHECKPOINT_FIRST_SECONDS", 10) * 1000L;
    checkpoints
        .unavailable()
        .ifPresentOrElse(
            reason -> LOG.warning(reason),
            () -> timers.createIntervalTimer(first, millis, new TimerConfig("checkpoint", false)));
  }

  @Timeout
  void sign() {
    if (!duties.mayRun("checkpoint writer")) {
      return;
    }
    try {
      checkpoints.take("scheduled");
    } catch (CheckpointsUnavailable | IllegalStateException | java.io.UncheckedIOException e) {
      LOG.log(Level.WARNING, "No scheduled checkpoint was signed: " + e.getMessage(), e);
    }
  }
}
