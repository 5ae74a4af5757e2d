package com.batchtrace.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page must not say to the plant's people: the program's words instead of theirs. An enum
 * constant ({@code IN_REVIEW}, {@code QUARANTINE}), a Java class name ({@code StepExecution},
 * {@code com.batchtrace.execution...}), a database column ({@code line_id}). Business identifiers
 * (lot and batch numbers, material codes such as {@code RAW-1A2B3C4D}) hold digits or hyphens and
 * are never taken for one; well-known abbreviations (CSV, PDF, MQTT...) are words of the trade.
 */
final class PlantLanguage {

  private PlantLanguage() {}

  /** Abbreviations people in a plant use as words. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "API", "CFR", "CPP", "CSV", "ERP", "GMP", "HTTP", "HTTPS", "JSON", "LIMS", "MES", "MQTT",
          "OIDC", "PDF", "PLC", "QA", "REST", "SCADA", "SHA", "TLS", "UNS", "URL", "UTC", "ID",
          "OK", "IQ", "OQ", "PQ", "GS", "EU", "ISA", "PEM", "SSO", "GTIN", "SSCC");

  /** A token: letters, digits, underscores, dots and hyphens between white space or punctuation. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private static final Pattern ENUM_CONSTANT = Pattern.compile("[A-Z]{2,}(_[A-Z0-9]+)*");
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][a-z]+([A-Z][a-z0-9]+)+");
  private static final Pattern COLUMN = Pattern.compile("[a-z]+(_[a-z0-9]+)+");
  private static final Pattern PACKAGE = Pattern.compile("(com|java|jakarta|org)\\.[a-z]+\\..*");

  /** The code words in {@code pageText}, each with a little of its context. */
  static List<String> codeWords(String pageText) {
    List<String> found = new ArrayList<>();
    Matcher m = TOKEN.matcher(pageText);
    while (m.find()) {
      String token = trimDots(m.group());
      if (isCodeWord(token)) {
        int from = Math.max(0, m.start() - 30);
        int to = Math.min(pageText.length(), m.end() + 30);
        found.add(token + " in \"…" + pageText.substring(from, to).replace('\n', ' ') + "…\"");
      }
    }
    return found;
  }

  static boolean isCodeWord(String token) {
    if (PACKAGE.matcher(token).matches()) {
      return true;
    }
    if (token.contains("-") || token.contains(".")) {
      return false; // a business identifier, a UNS path segment, a number or a file name
    }
    if (ENUM_CONSTANT.matcher(token).matches()) {
      boolean wordOnly = !token.contains("_");
      // A lone upper-case word of three letters or less is an abbreviation or a code, not a
      // constant; a longer one is a constant unless the plant says it that way.
      return !(wordOnly && (token.length() <= 3 || ABBREVIATIONS.contains(token)));
    }
    if (token.chars().anyMatch(Character::isDigit)) {
      return false;
    }
    return CLASS_NAME.matcher(token).matches() || COLUMN.matcher(token).matches();
  }

  /**
   * Fails, naming every code word and the page part where it stood, when {@code pageText} speaks
   * the program's language.
   */
  static void assertNoCodeWords(String pageText, String where) {
    List<String> found = codeWords(pageText);
    if (!found.isEmpty()) {
      throw new AssertionError(
          where
              + " shows words of the program, not of the plant:\n  "
              + String.join("\n  ", found));
    }
  }

  private static String trimDots(String token) {
    String t = token;
    while (t.endsWith(".") || t.endsWith("-")) {
      t = t.substring(0, t.length() - 1);
    }
    while (t.startsWith(".") || t.startsWith("-")) {
      t = t.substring(1);
    }
    return t;
  }

  /**
   * Every text of the page the browser shows now, also in closed steps and hidden dialogs (what a
   * tap would show), without scripts and styles; plus the values and placeholders of its fields and
   * buttons.
   */
  static String pageText() {
    return String.valueOf(
        ((org.openqa.selenium.JavascriptExecutor) Browser.driver())
            .executeScript(
                "var out = [];"
                    + " var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                    + " while (walk.nextNode()) {"
                    + "   var tag = walk.currentNode.parentNode.nodeName;"
                    + "   if (tag !== 'SCRIPT' && tag !== 'STYLE') { out.push(walk.currentNode.nodeValue); }"
                    + " }"
                    + " document.querySelectorAll('input:not([type=hidden]), button').forEach(function (e) {"
                    + "   out.push(e.value || ''); out.push(e.placeholder || ''); });"
                    + " return out.join(' ').replace(/\\s+/g, ' ');"));
  }
}
