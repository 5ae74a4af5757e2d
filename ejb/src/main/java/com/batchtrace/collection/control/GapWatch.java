package com.batchtrace.collection.control;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.execution.boundary.MachineDataEvents;
import com.batchtrace.platform.Settings;
import com.batchtrace.platform.SiteDuties;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Looks for tags that stay silent during a step for longer than their expected interval, every
 * BATCHTRACE_GAP_CHECK_SECONDS (default 30): each silence is one data-gap exception, ended by the
 * tag's next value. Once per site: only the node holding the site's duties looks ({@link
 * SiteDuties}); and at most one gap per batch, step and tag is open (the database enforces it).
 */
@Singleton
@Startup
// Only once the installation passed its start-up check (no demo secret in production).
@DependsOn("ProductionReadiness")
public class GapWatch {

  @Resource TimerService timers;

  @Inject ProcessData data;

  @Inject MachineDataEvents batchRecord;

  @Inject AuditTrail auditTrail;

  @Inject Clock clock;

  @Inject SiteDuties duties;

  @PostConstruct
  void schedule() {
    long millis = Settings.positive("BATCHTRACE_GAP_CHECK_SECONDS", 30) * 1000L;
    timers.createIntervalTimer(millis, millis, new TimerConfig("data-gap-watch", false));
  }

  /** One look, in one transaction. */
  @Timeout
  void look() {
    if (!duties.mayRun("data gap watch")) {
      return;
    }
    Instant now = clock.instant();
    auditTrail.creating(null, "Data gap detected in machine data");
    for (ProcessData.Silence silence : data.silences(now)) {
      batchRecord.tagSilent(
          silence.batchId(), silence.step(), silence.tagId(), silence.tag(), silence.since(), now);
    }
  }
}
