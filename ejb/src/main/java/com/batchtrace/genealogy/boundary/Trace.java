package com.batchtrace.genealogy.boundary;

import java.util.List;

/**
 * The result of a trace from one lot.
 *
 * @param start the lot traced from
 * @param direction FORWARD (where it went) or BACKWARD (what went into it)
 * @param lots every lot reached, however deep, each once
 */
public record Trace(LotView start, String direction, List<TracedLot> lots) {

  public Trace {
    lots = List.copyOf(lots);
  }
}
