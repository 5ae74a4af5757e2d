package com.batchtrace.web.admin;

import com.batchtrace.collection.boundary.CollectionMonitor;
import com.batchtrace.collection.boundary.TagLastValue;
import com.batchtrace.collection.boundary.TagService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The administrator's numbers at a glance on the start page: the broker connection, topics nobody
 * maps, dead letters and tags silent longer than their expected interval; each links to the machine
 * data page, where they are resolved.
 */
@Named
@RequestScoped
public class AdminDashboard {

  /** How many unmapped topics and dead letters are counted at most (the page lists as many). */
  static final int COUNTED = 500;

  @Inject CollectionMonitor monitor;

  @Inject TagService tags;

  @Inject Clock clock;

  public String getBrokerState() {
    return monitor.status().state();
  }

  public int getUnmappedTopics() {
    return monitor.unmappedTopics(COUNTED).size();
  }

  /** Dead letters not re-processed yet (waiting, or failed again). */
  public long getDeadLetters() {
    return monitor.deadLetters(COUNTED).stream().filter(d -> !d.reprocessed()).count();
  }

  /**
   * Active tags with an expected interval whose last value is older than it (or that never sent).
   */
  public long getSilentTags() {
    Map<Long, TagLastValue> last = monitor.lastValues();
    return tags.all().stream()
        .filter(t -> t.active() && t.expectedIntervalSeconds() != null)
        .filter(
            t -> {
              TagLastValue v = last.get(t.id());
              return v == null
                  || v.ts() == null
                  || Duration.between(v.ts(), clock.instant()).getSeconds()
                      > t.expectedIntervalSeconds();
            })
        .count();
  }
}
