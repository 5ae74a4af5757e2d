package com.batchtrace.genealogy.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The result of a trace from one lot.
 *
 * @param start the lot traced from
 * @param direction FORWARD (where it went) or BACKWARD (what went into it)
 * @param lots every lot reached, however deep, each once
 */
public record Trace(LotView start, String direction, List<TracedLot> lots) implements Serializable {

  public Trace {
    lots = List.copyOf(lots);
  }

  public boolean forward() {
    return "FORWARD".equals(direction);
  }

  /**
   * The lots reached; with {@code finishedOnly}, a forward trace keeps only finished lots (the
   * recall impact), a backward trace keeps all.
   */
  public List<TracedLot> lots(boolean finishedOnly) {
    return finishedOnly && forward() ? lots.stream().filter(TracedLot::finished).toList() : lots;
  }
}
