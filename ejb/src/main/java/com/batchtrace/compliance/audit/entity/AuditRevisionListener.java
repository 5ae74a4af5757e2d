package com.batchtrace.compliance.audit.entity;

import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import org.hibernate.envers.RevisionListener;

/**
 * Stamps each new revision with who, when, why and from where. Envers instantiates listeners
 * itself, so the collaborators are looked up through CDI rather than injected.
 */
public class AuditRevisionListener implements RevisionListener {

  @Override
  public void newRevision(Object revisionEntity) {
    CDI<Object> cdi = CDI.current();
    Actor actor = CurrentActor.resolve();
    String reason = cdi.select(ChangeReason.class).get().get();
    if (reason == null || reason.isBlank()) {
      // The services always set a reason; reaching here means a write bypassed them.
      throw new IllegalStateException(
          "Audited write without a reason for change: every GxP write goes through AuditTrail");
    }
    Clock clock = cdi.select(Clock.class).get();
    ((AuditRevision) revisionEntity)
        .stamp(
            clock.instant(),
            actor.userId(),
            actor.subject(),
            actor.displayName(),
            reason,
            actor.clientAddress());
  }
}
