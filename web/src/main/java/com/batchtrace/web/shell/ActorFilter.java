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
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Hands the signed-in user to the business core before any page or resource runs, so every audited
 * write names the person (and terminal) who made it; and signs out a page session that has been
 * idle past its limit (SessionIdle) before it can do anything.
 */
@WebFilter(urlPatterns = "/*")
public class ActorFilter extends HttpFilter {

  private static final String SIGN_IN_RECORDED = ActorFilter.class.getName() + ".signInRecorded";

  @Inject CurrentActor currentActor;

  @Inject SecurityLog securityLog;

  @Inject Clock clock;

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
    HttpSession session = request.getSession(false);
    if (session != null
        && request.getUserPrincipal() != null
        && SessionIdle.expired(
            session,
            SessionIdle.isBackground(request),
            clock.millis(),
            SessionIdle.limitMillis())) {
      signOutIdle(request, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Ends the idle session on the server, then sends the browser to the identity provider's logout:
   * a page load by redirect, a Faces AJAX request (a poll) by its partial response's redirect.
   */
  private void signOutIdle(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    boolean ajax = SessionIdle.isAjax(request);
    String next = SignOutServlet.signOut(request, "idle", securityLog);
    if (!ajax) {
      response.sendRedirect(next);
      return;
    }
    response.setContentType("text/xml");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + next.replace("&", "&amp;").replace("\"", "&quot;")
                + "\"/></partial-response>");
  }
}
