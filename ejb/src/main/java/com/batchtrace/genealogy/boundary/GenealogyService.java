package com.batchtrace.genealogy.boundary;

import com.batchtrace.genealogy.control.GenealogyQueries;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/** Traces a lot's genealogy forward (recall) or backward (what went into it). */
@ApplicationScoped
public class GenealogyService {

  @Inject GenealogyQueries queries;

  @Inject LotService lots;

  public Trace trace(long lotId, String direction) {
    LotView start =
        lots.find(lotId)
            .orElseThrow(() -> new RuleViolation("There is no lot with id " + lotId + "."));
    String chosen = direction == null ? "FORWARD" : direction.strip().toUpperCase(Locale.ROOT);
    return switch (chosen) {
      case "FORWARD" -> new Trace(start, chosen, queries.forward(lotId));
      case "BACKWARD" -> new Trace(start, chosen, queries.backward(lotId));
      default ->
          throw new RuleViolation(
              "Direction '" + direction + "' is not known; use forward or backward.");
    };
  }
}
