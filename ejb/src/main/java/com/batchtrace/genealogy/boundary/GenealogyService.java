package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Traces a lot's genealogy forward (recall) or backward (what went into it): the whole trace at
 * once, or one step at a time for a tree.
 */
@ApplicationScoped
public class GenealogyService {

  /** The most batches, and lots under each batch, one step shows. */
  public static final int STEP_LIMIT = 200;

  @Inject GenealogyQueries queries;

  @Inject LotService lots;

  @Inject Clock clock;

  public Trace trace(long lotId, String direction) {
    LotView start =
        lots.find(lotId)
            .orElseThrow(() -> new RuleViolation("There is no lot with id " + lotId + "."));
    return trace(start, direction);
  }

  /** The trace from a lot by its number (what a person types or scans). */
  public Trace traceByNumber(String lotNumber, String direction) {
    if (lotNumber == null || lotNumber.isBlank()) {
      throw new RuleViolation("Enter or scan a lot number to trace.");
    }
    LotView start =
        lots.findByNumber(lotNumber.strip())
            .orElseThrow(
                () -> new RuleViolation("There is no lot with number " + lotNumber.strip() + "."));
    return trace(start, direction);
  }

  /**
   * One step from a lot: forward, the batches that consumed it and the lots they made; backward,
   * the batch that made it and the lots that went into that batch. At most {@code limit} (1 to
   * {@value #STEP_LIMIT}) batches, and lots under each.
   */
  public TraceStep step(long lotId, String direction, int limit) {
    boolean forward = "FORWARD".equals(direction(direction));
    if (limit < 1 || limit > STEP_LIMIT) {
      throw new RuleViolation("The limit must be 1 to " + STEP_LIMIT + ", not " + limit + ".");
    }
    if (lots.find(lotId).isEmpty()) {
      throw new RuleViolation("There is no lot with id " + lotId + ".");
    }
    return queries.step(lotId, forward, limit, SiteZone.today(clock));
  }

  private Trace trace(LotView start, String direction) {
    String chosen = direction(direction);
    LocalDate today = SiteZone.today(clock);
    return "FORWARD".equals(chosen)
        ? new Trace(start, chosen, queries.forward(start.id(), today))
        : new Trace(start, chosen, queries.backward(start.id(), today));
  }

  /** FORWARD or BACKWARD (FORWARD when not given), else the request is refused. */
  private static String direction(String direction) {
    String chosen = direction == null ? "FORWARD" : direction.strip().toUpperCase(Locale.ROOT);
    if (!chosen.equals("FORWARD") && !chosen.equals("BACKWARD")) {
      throw new RuleViolation(
          "Direction '" + direction + "' is not known; use forward or backward.");
    }
    return chosen;
  }
}
