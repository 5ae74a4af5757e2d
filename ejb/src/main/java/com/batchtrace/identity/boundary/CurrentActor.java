package com.batchtrace.identity.boundary;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The actor of the current request. The web layer sets it from the authenticated principal before
 * any service runs; outside a request (background threads) the system principal acts.
 */
@RequestScoped
public class CurrentActor {

  private Actor actor = Actor.SYSTEM;

  public void set(Actor actor) {
    this.actor = actor;
  }

  public Actor get() {
    return actor;
  }

  /** Refuses the request unless the actor holds the role (defence in depth behind the web). */
  public void require(String role) {
    if (!actor.holds(role)) {
      throw new AccessRefused(
          "This action needs the role '" + role + "', which " + actor.displayName() + " lacks.");
    }
  }

  /** Refuses the request unless the actor holds one of the roles. */
  public void require(String role, String orRole) {
    if (!actor.holds(role) && !actor.holds(orRole)) {
      throw new AccessRefused(
          "This action needs the role '"
              + role
              + "' or '"
              + orRole
              + "', which "
              + actor.displayName()
              + " lacks.");
    }
  }

  /** The actor for code that may run outside a request, such as the Envers revision listener. */
  public static Actor resolve() {
    try {
      return CDI.current().select(CurrentActor.class).get().get();
    } catch (ContextNotActiveException noRequest) {
      return Actor.SYSTEM;
    }
  }
}
