package com.batchtrace.compliance.integrity.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of one integrity check.
 *
 * @param checkedAt when (UTC)
 * @param heads each chain's head at the time of the check
 * @param problems every broken link found, earliest first within each chain, then what differs from
 *     the signed checkpoints
 * @param checkpoints how the chains compared with the signed checkpoints
 */
public record IntegrityReport(
    Instant checkedAt,
    List<ChainHead> heads,
    List<BrokenLink> problems,
    CheckpointFinding checkpoints)
    implements Serializable {

  public IntegrityReport {
    heads = List.copyOf(heads);
    problems = List.copyOf(problems);
  }

  public boolean intact() {
    return problems.isEmpty();
  }

  /** The first broken link of the given chain, if it is broken. */
  public Optional<BrokenLink> firstBroken(String chain) {
    return problems.stream().filter(p -> p.chain().equals(chain)).findFirst();
  }

  public ChainHead head(String chain) {
    return heads.stream()
        .filter(h -> h.chain().equals(chain))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no chain " + chain));
  }

  /** One line for people and the security event log. */
  public String summary() {
    if (intact()) {
      return "All chains intact: "
          + String.join(
              ", ", heads.stream().map(h -> h.chain() + " " + h.position() + " links").toList())
          + (checkpoints == null || checkpoints.latest() == null
              ? "; no signed checkpoint to compare with"
              : "; they match all "
                  + checkpoints.compared()
                  + " signed checkpoints (latest: "
                  + checkpoints.latest()
                  + ")");
    }
    return problems.size()
        + " problem(s); first: "
        + String.join(
            "; ",
            problems.stream()
                .map(BrokenLink::chain)
                .distinct()
                .map(this::firstBroken)
                .flatMap(Optional::stream)
                .map(BrokenLink::describe)
                .toList());
  }
}
