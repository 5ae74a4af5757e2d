package com.batchtrace.web.shell;

import com.batchtrace.platform.Settings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * The server's own idle limit of a page session, counted from the user's last request, not the
 * page's: the terminal redraws its machine values every 5 s (a poll), and every request keeps the
 * server's session alive, so without this a terminal left open would stay signed in on the server
 * for ever even when its page's idle sign-out never ran (a closed laptop lid, a script stopped by
 * the browser). A poll is marked by its component id {@value #BACKGROUND_REFRESH}; every other
 * request is the user's.
 *
 * <p>The limit is BATCHTRACE_SESSION_IDLE_SECONDS, by default the session timeout
 * (BATCHTRACE_SESSION_TIMEOUT_MINUTES); it is read at each request, so the system property
 * batchtrace.session.idle.seconds can change it on a running server. The last activity is kept in
 * the session, so it holds across the nodes of a cluster.
 */
final class SessionIdle {

  /** The id every background poll of a page carries (a poll is not the user's activity). */
  static final String BACKGROUND_REFRESH = "background-refresh";

  static final String LAST_ACTIVITY = SessionIdle.class.getName() + ".lastActivity";

  private SessionIdle() {}

  /**
   * Whether the session has been idle longer than the limit since the user's last request; when
   * not, a request of the user's own counts as activity.
   */
  static boolean expired(HttpSession session, boolean background, long now, long limitMillis) {
    // The first signed-in request starts the count: the time spent on the sign-in page is not
    // idle time.
    if (session.getAttribute(LAST_ACTIVITY) instanceof Long lastActivity
        && now - lastActivity > limitMillis) {
      return true;
    }
    if (!background) {
      session.setAttribute(LAST_ACTIVITY, now);
    }
    return false;
  }

  static long limitMillis() {
    int timeoutMinutes = Settings.positive("BATCHTRACE_SESSION_TIMEOUT_MINUTES", 15);
    return Settings.positive("BATCHTRACE_SESSION_IDLE_SECONDS", timeoutMinutes * 60) * 1000L;
  }

  /** A page's background poll: a Faces AJAX request whose source is a background refresh. */
  static boolean isBackground(HttpServletRequest request) throws UnsupportedEncodingException {
    if (!isAjax(request)) {
      return false;
    }
    if (request.getCharacterEncoding() == null) {
      // Reading a parameter fixes the encoding: the pages' forms are UTF-8, as Faces reads them.
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    String source = request.getParameter("jakarta.faces.source");
    return source != null
        && (source.equals(BACKGROUND_REFRESH) || source.endsWith(":" + BACKGROUND_REFRESH));
  }

  static boolean isAjax(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }
}
