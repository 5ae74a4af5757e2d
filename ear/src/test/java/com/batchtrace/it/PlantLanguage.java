package com.batchtrace.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pages speak the plant's language: no enum constant, column name or class name on screen. An
 * upper-case identifier with an underscore (IN_PROGRESS, LOT_REFUSED) is a stored constant that
 * leaked onto the page.
 */
final class PlantLanguage {

  private static final Pattern CODE_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

  private PlantLanguage() {}

  /** The code words found in the text, in order. */
  static List<String> codeWords(String pageText) {
    Matcher m = CODE_WORD.matcher(pageText);
    java.util.ArrayList<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  /** Fails when the page's text shows an upper-case identifier with underscores. */
  static void assertNoCodeWords(String pageText, String where) {
    List<String> found = codeWords(pageText);
    assertTrue(found.isEmpty(), where + " shows code words " + found + ": " + pageText);
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
