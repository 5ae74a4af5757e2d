package com.batchtrace.execution.boundary;

import com.batchtrace.execution.entity.BatchException;
import java.io.Serializable;
import java.time.Instant;

/** An exception on a batch as pages and JSON show it; raisedBy names a person, else null. */
public record ExceptionView(
    long id,
    String kind,
    Integer stepPosition,
    String topic,
    String tag,
    String parameter,
    Instant startedAt,
    Instant endedAt,
    Double worstValue,
    String detail,
    String raisedBy)
    implements Serializable {

  public static ExceptionView of(BatchException x) {
    return new ExceptionView(
        x.getId(),
        x.getKind().name(),
        x.getStepPosition(),
        x.getTag() == null ? null : x.getTag().getTopic(),
        x.getTag() == null ? null : x.getTag().getTag(),
        x.getParameter(),
        x.getStartedAt(),
        x.getEndedAt(),
        x.getWorstValue(),
        x.getDetail(),
        x.getRaisedBy());
  }
}
