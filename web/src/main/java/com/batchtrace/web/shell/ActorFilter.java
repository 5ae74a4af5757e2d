package com.batchtrace.web.shell;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import com.batchtrace.identity.boundary.CurrentActor;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Hands the signed-in user to the business core before any page or resource runs, so every audited
 * write names the person (and terminal) who made it.
 */
@WebFilter(urlPatterns = "/*")
public class ActorFilter extends HttpFilter {

  private static final String SIGN_IN_RECORDED = ActorFilter.class.getName() + ".signInRecorded";

  @Inject CurrentActor currentActor;

  @Inject SecurityLog securityLog;

  /** A page session's first authenticated request is its sign-in (API calls have no session). */
  private void recordSignInOnce(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SIGN_IN_RECORDED) == null) {
      session.setAttribute(SIGN_IN_RECORDED, Boolean.TRUE);
      securityLog.record(SecurityEventKind.SIGN_IN, "Signed in to the application");
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SignedInUser.of(request)
        .ifPresent(
            user -> {
              currentActor.set(user);
              recordSignInOnce(request);
            });
    chain.doFilter(request, response);
  }
}
