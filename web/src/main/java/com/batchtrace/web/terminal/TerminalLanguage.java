package com.batchtrace.web.terminal;

import com.batchtrace.web.shell.PersonLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language of the terminal pages, English or German: the one chosen at this terminal (a cookie,
 * set by the terminal bar's language button), else the signed-in person's own (the identity
 * provider's locale, chosen on the sign-in page), else the browser's, else English.
 */
@Named
@RequestScoped
public class TerminalLanguage {

  /** The cookie that keeps a terminal's language. */
  public static final String COOKIE = "bt-terminal-language";

  static final Set<String> SUPPORTED = Set.of("en", "de");

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      locale = Locale.forLanguageTag(of(request()));
    }
    return locale;
  }

  /** The language tag (en or de) for this request. */
  static String of(HttpServletRequest request) {
    if (request == null) {
      return "en";
    }
    if (request.getCookies() != null) {
      for (Cookie c : request.getCookies()) {
        if (COOKIE.equals(c.getName()) && SUPPORTED.contains(c.getValue())) {
          return c.getValue();
        }
      }
    }
    Optional<String> own = PersonLanguage.of(request);
    if (own.isPresent() && SUPPORTED.contains(own.get())) {
      return own.get();
    }
    String browser = request.getLocale() == null ? "en" : request.getLocale().getLanguage();
    return SUPPORTED.contains(browser) ? browser : "en";
  }

  /** The other language, which the terminal bar offers. */
  public String getOther() {
    return "de".equals(getLocale().getLanguage()) ? "en" : "de";
  }

  private static HttpServletRequest request() {
    FacesContext faces = FacesContext.getCurrentInstance();
    return faces == null ? null : (HttpServletRequest) faces.getExternalContext().getRequest();
  }
}
