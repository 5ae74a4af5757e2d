package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.SiteZone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** Traces a lot's genealogy forward (recall) or backward (what went into it). */
@ApplicationScoped
public class GenealogyService {

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

  private Trace trace(LotView start, String direction) {
    String chosen = direction == null ? "FORWARD" : direction.strip().toUpperCase(Locale.ROOT);
    LocalDate today = SiteZone.today(clock);
    return switch (chosen) {
      case "FORWARD" -> new Trace(start, chosen, queries.forward(start.id(), today));
      case "BACKWARD" -> new Trace(start, chosen, queries.backward(start.id(), today));
      default ->
          throw new RuleViolation(
              "Direction '" + direction + "' is not known; use forward or backward.");
    };
  }
}
