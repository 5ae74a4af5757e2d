package com.batchtrace.web.shell;

import com.batchtrace.compliance.security.boundary.SecurityLog;
import com.batchtrace.compliance.security.entity.SecurityEventKind;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Ends the session here and at the identity provider (OIDC RP-initiated logout), so a shared
 * terminal never keeps the previous operator signed in. {@code ?reason=idle} marks the idle
 * timeout, so the page after sign-in can say why the user was signed out. {@code ?reason=switch} is
 * the terminal's quick user switch: after signing out it goes back to the terminal, which sends the
 * next operator straight to the sign-in page.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

  @Inject SecurityLog securityLog;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    response.sendRedirect(
        signOut(request, request.getParameter("reason"), securityLog, batchOf(request)));
  }

  /** The batch a user switch came from (a number), so the next person lands on it; else none. */
  private static String batchOf(HttpServletRequest request) {
    String batch = request.getParameter("batch");
    return batch != null && batch.matches("[0-9]{1,18}") ? batch : null;
  }

  /**
   * Records the sign-out, ends the session here, and answers where the browser goes next: the
   * identity provider's logout, which ends its session too and comes back to the signed-out page
   * (or the terminal, for a user switch). Also used by the server's own idle sign-out
   * (ActorFilter).
   */
  static String signOut(HttpServletRequest request, String reason, SecurityLog securityLog)
      throws ServletException {
    return signOut(request, reason, securityLog, null);
  }

  /**
   * As above; for a user switch on a batch ({@code batch}, digits only), the next person lands on
   * that batch instead of the work queue.
   */
  static String signOut(
      HttpServletRequest request, String reason, SecurityLog securityLog, String batch)
      throws ServletException {
    Optional<String> idToken = SignedInUser.idToken(request);
    Optional<String> issuer = SignedInUser.issuer(request);
    if (request.getUserPrincipal() != null) {
      securityLog.record(
          SecurityEventKind.SIGN_OUT,
          switch (reason == null ? "" : reason) {
            case "idle" -> "Signed out after the idle timeout";
            case "switch" -> "Signed out to switch user at the terminal";
            default -> "Signed out";
          });
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home =
        appBase(request)
            + switch (reason == null ? "" : reason) {
              case "idle" -> "/signed-out.xhtml?reason=idle";
              case "switch" ->
                  batch == null ? "/terminal/index.xhtml" : "/terminal/resume/" + batch;
              default -> "/signed-out.xhtml";
            };
    if (issuer.isEmpty() || idToken.isEmpty()) {
      return home;
    }
    return issuer.get()
        + "/protocol/openid-connect/logout?id_token_hint="
        + encode(idToken.get())
        + "&post_logout_redirect_uri="
        + encode(home);
  }

  private static String appBase(HttpServletRequest request) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme
        + "://"
        + request.getServerName()
        + (defaultPort ? "" : ":" + port)
        + request.getContextPath();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
