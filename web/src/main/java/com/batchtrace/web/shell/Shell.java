package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/** The layout's view of the signed-in user: name, which areas to offer, when to time out. */
@Named("shell")
@RequestScoped
public class Shell {

  /** Warn this long before the session would expire, so the idle sign-out happens first. */
  private static final int IDLE_MARGIN_SECONDS = 30;

  @Inject CurrentActor currentActor;

  public Actor getUser() {
    return currentActor.get();
  }

  public boolean isSignedIn() {
    return !currentActor.get().isSystem();
  }

  public boolean isOperator() {
    return holds(Roles.OPERATOR);
  }

  public boolean isReviewer() {
    return holds(Roles.QA_REVIEWER);
  }

  public boolean isAuditor() {
    return holds(Roles.AUDITOR);
  }

  public boolean isAdmin() {
    return holds(Roles.ADMIN);
  }

  /**
   * Milliseconds of inactivity after which the page signs the user out: the server's session
   * timeout (BATCHTRACE_SESSION_TIMEOUT_MINUTES) less a small margin.
   */
  public long getIdleTimeoutMillis() {
    ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
    HttpSession session = (HttpSession) context.getSession(true);
    int seconds = Math.max(session.getMaxInactiveInterval() - IDLE_MARGIN_SECONDS, 30);
    return seconds * 1000L;
  }

  private boolean holds(String role) {
    return isSignedIn() && currentActor.get().holds(role);
  }
}
