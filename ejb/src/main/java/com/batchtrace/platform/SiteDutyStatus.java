package com.batchtrace.platform;

import java.time.Instant;
import java.util.Map;

/**
 * Whether this node runs the site's once-per-site jobs, as the API shows it.
 *
 * @param node this node's name in the site
 * @param holder whether this node holds the site's duties now
 * @param since since when it holds them (null when it does not)
 * @param runs per job, how many of its ticks ran on this node since start
 * @param standbys per job, how many of its ticks this node left to the holder since start
 * @param lastProblem the last reason this node lost or could not ask for the duties, if any
 */
public record SiteDutyStatus(
    String node,
    boolean holder,
    Instant since,
    Map<String, Long> runs,
    Map<String, Long> standbys,
    String lastProblem) {}
