package com.batchtrace.compliance.integrity.boundary;

import java.io.Serializable;

/**
 * What the integrity check says about the signed checkpoints besides broken links: how many it
 * compared, the latest, and anything that keeps them from protecting the chains (no key set, a key
 * file others can read).
 *
 * @param compared how many signed checkpoints the chains were compared with
 * @param latest the latest checkpoint's number, or null when there is none
 * @param latestAt when it was taken, or null
 * @param notices what limits the comparison, in words; empty when nothing does
 */
public record CheckpointFinding(
    int compared, Long latest, java.time.Instant latestAt, java.util.List<String> notices)
    implements Serializable {

  public CheckpointFinding {
    notices = java.util.List.copyOf(notices);
  }
}
