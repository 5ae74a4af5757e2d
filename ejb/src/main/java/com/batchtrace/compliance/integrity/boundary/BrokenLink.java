package com.batchtrace.compliance.integrity.boundary;

import java.io.Serializable;

/**
 * One problem the integrity check found.
 *
 * @param chain the chain
 * @param position the link's position, or null for a row that has no link
 * @param table the table of the row, or null for the chain head
 * @param rowKey the row's key (e.g. {@code 51} or {@code 1/51} for id/revision)
 * @param problem what is wrong
 */
public record BrokenLink(String chain, Long position, String table, String rowKey, String problem)
    implements Serializable {

  public String describe() {
    if (table == null
        && (problem.startsWith("chain ")
            || problem.startsWith("signed checkpoint")
            || problem.startsWith("checkpoint"))) {
      return problem; // a finding against the signed checkpoints names its chain itself
    }
    return (table == null ? "chain " + chain : table + " row " + rowKey)
        + (position == null ? "" : " (link " + position + " of chain " + chain + ")")
        + ": "
        + problem;
  }
}
