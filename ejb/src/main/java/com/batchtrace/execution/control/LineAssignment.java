package com.batchtrace.execution.control;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.AccessRefused;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.masterdata.entity.Equipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Operators work on their own lines. The assignment lives in the identity provider (membership of a
 * group below {@code /lines} that mirrors the UNS: {@code /lines/acme/basel/granulation/line-1} is
 * that line, {@code /lines/acme/basel/granulation} every line of the area) and reaches the
 * application in the person's token. Background work (machine data) is not a person and is not
 * bound to lines.
 */
@ApplicationScoped
public class LineAssignment {

  @Inject CurrentActor currentActor;

  @Inject SecurityLog securityLog;

  /** Whether the signed-in person may work on {@code line}. */
  public boolean allows(Equipment line) {
    Actor actor = currentActor.get();
    return actor.isSystem() || actor.assignedTo(line.getUnsPath());
  }

  /**
   * Refuses an operator a look at another line's batches (the terminal's queue and batch page); QA,
   * auditors and administrators read every line.
   */
  public void requireToView(Equipment line, String what) {
    if (currentActor.get().viewsOnlyOwnLines()) {
      require(line, what);
    }
  }

  /**
   * Refuses (403, with the reason) work on a batch of a line the person is not assigned to, and
   * records the attempt as a security event.
   */
  public void require(Equipment line, String what) {
    if (allows(line)) {
      return;
    }
    Actor actor = currentActor.get();
    securityLog.record(
        SecurityEventKind.LINE_REFUSED,
        actor.userId()
            + " is not assigned to "
            + line.getName()
            + " ("
            + line.getUnsPath()
            + "): "
            + what
            + " refused");
    throw new AccessRefused(
        actor.displayName()
            + " is not assigned to "
            + line.getName()
            + ", so "
            + what
            + " is refused. Work on your own line's batches, or ask the administrator to assign"
            + " you to this line. Nothing was recorded.");
  }
}
