package com.batchtrace.web.terminal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The terminal's texts in the page's language (#{tt.t('key')}, #{tt.f('key', a, b)}), from the
 * bundle com.batchtrace.web.terminal.Terminal (English) and Terminal_de (German). Outside the
 * terminal pages (the signature dialog on office pages) always English.
 */
@Named("tt")
@ApplicationScoped
public class TerminalText {

  static final String BUNDLE = "com.batchtrace.web.terminal.Terminal";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public String t(String key) {
    return text(locale(), key);
  }

  public String f(String key, Object a) {
    return format(key, a);
  }

  public String f(String key, Object a, Object b) {
    return format(key, a, b);
  }

  public String f(String key, Object a, Object b, Object c) {
    return format(key, a, b, c);
  }

  public String f(String key, Object a, Object b, Object c, Object d) {
    return format(key, a, b, c, d);
  }

  /**
   * A text the server wrote (an exception's detail on a step) in the page's language: German on the
   * German terminal by the rules of {@link ServerMessages}.
   */
  public String server(String message) {
    return ServerMessages.inPageLanguage(message);
  }

  /** A text of the current page's language, its {0}, {1} … filled in. */
  public static String format(String key, Object... args) {
    Locale locale = locale();
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // Numbers as the record writes them (no grouping, no rounding), except for choices.
      shown[i] =
          args[i] instanceof Integer || args[i] instanceof Long
              ? args[i]
              : String.valueOf(args[i] == null ? "" : args[i]);
    }
    return new MessageFormat(text(locale, key), locale).format(shown);
  }

  /** The text for the key in the language, English when the language lacks it. */
  static String text(Locale locale, String key) {
    try {
      return ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
    } catch (MissingResourceException missing) {
      try {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK).getString(key);
      } catch (MissingResourceException none) {
        return key;
      }
    }
  }

  /** The terminal pages' language; English elsewhere. */
  public static Locale locale() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces == null || faces.getViewRoot() == null) {
      return Locale.ENGLISH;
    }
    String view = faces.getViewRoot().getViewId();
    return view != null && view.startsWith("/terminal/")
        ? faces.getViewRoot().getLocale()
        : Locale.ENGLISH;
  }
}
