package com.batchtrace.web.terminal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The terminal bar's language button ({@code ?lang=de}): this terminal shows its pages in that
 * language for everyone who signs in here, until switched back; then back to the same batch (or the
 * work queue). Anything but en or de, or a batch that is not a number, is ignored.
 */
@WebServlet("/terminal/language")
public class LanguageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String lang = request.getParameter("lang");
    if (lang != null && TerminalLanguage.SUPPORTED.contains(lang)) {
      Cookie cookie = new Cookie(TerminalLanguage.COOKIE, lang);
      cookie.setPath(request.getContextPath() + "/terminal");
      cookie.setMaxAge(60 * 60 * 24 * 365);
      cookie.setHttpOnly(true);
      cookie.setSecure(request.isSecure());
      cookie.setAttribute("SameSite", "Strict");
      response.addCookie(cookie);
    }
    String batch = request.getParameter("batch");
    response.sendRedirect(
        request.getContextPath()
            + (batch != null && batch.matches("[0-9]{1,18}")
                ? "/terminal/batch.xhtml?batch=" + batch
                : "/terminal/index.xhtml"));
  }
}
