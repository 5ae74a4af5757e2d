package com.batchtrace.web.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The server's messages (its refusals and confirmations, which it writes in English) in the
 * terminal's language: on the German terminal each sentence a rule of ServerMessages_de.txt knows
 * is translated, identifiers kept as they are; a sentence no rule knows stays English rather than
 * being guessed. English pages get the message unchanged.
 */
public final class ServerMessages {

  private record Rule(Pattern english, String german) {}

  private static final List<Rule> GERMAN = load("ServerMessages_de.txt");

  private ServerMessages() {}

  /** The message in the language: German translated by the rules, any other unchanged. */
  public static String in(Locale language, String message) {
    if (message == null || language == null || !"de".equals(language.getLanguage())) {
      return message;
    }
    String text = message;
    for (Rule rule : GERMAN) {
      text = rule.english().matcher(text).replaceAll(rule.german());
    }
    return text;
  }

  /** The message in the current page's language (German only on the German terminal). */
  public static String inPageLanguage(String message) {
    return in(TerminalText.locale(), message);
  }

  private static List<Rule> load(String name) {
    List<Rule> rules = new ArrayList<>();
    try (InputStream in = ServerMessages.class.getResourceAsStream(name);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String english = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("en: ")) {
          english = line.substring(4);
        } else if (line.startsWith("de: ")) {
          if (english == null) {
            throw new IllegalStateException(name + ": '" + line + "' has no 'en: ' line before it");
          }
          rules.add(new Rule(Pattern.compile(english), line.substring(4)));
          english = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rules);
  }
}
