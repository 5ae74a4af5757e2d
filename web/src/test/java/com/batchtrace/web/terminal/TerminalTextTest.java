package com.batchtrace.web.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every text of the terminal is in English and German: each key the terminal pages, the signature
 * dialog and the terminal's beans use is in both bundles, and each pattern reads as a
 * MessageFormat.
 */
@Tag("URS-060")
class TerminalTextTest {

  private static final Pattern USED =
      Pattern.compile(
          "(?:tt\\.[tf]\\(|TerminalText\\.format\\(\\s*)'?\"?([a-zA-Z]+\\.[a-zA-Z.]+)['\"]");

  private static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        TerminalTextTest.class.getResourceAsStream("/com/batchtrace/web/terminal/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void englishAndGermanHaveTheSameKeys() throws IOException {
    assertEquals(
        new TreeSet<>(bundle("Terminal.properties").stringPropertyNames()),
        new TreeSet<>(bundle("Terminal_de.properties").stringPropertyNames()));
  }

  @Test
  void everyKeyTheTerminalUsesIsTranslated() throws IOException {
    Properties english = bundle("Terminal.properties");
    Properties german = bundle("Terminal_de.properties");
    Set<String> used = new TreeSet<>();
    for (String root :
        new String[] {
          "src/main/webapp/terminal",
          "src/main/webapp/WEB-INF/includes",
          "src/main/webapp/resources/bt",
          "src/main/java/com/batchtrace/web/terminal"
        }) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Matcher m = USED.matcher(Files.readString(f));
          while (m.find()) {
            // A prefix completed at run time ('signature.meaning.' += …) is covered by the
            // bundles' equal keys.
            if (!m.group(1).endsWith(".")) {
              used.add(m.group(1));
            }
          }
        }
      }
    }
    assertTrue(used.size() > 60, "keys found: " + used.size());
    for (String key : used) {
      assertTrue(english.containsKey(key), "English lacks " + key);
      assertTrue(german.containsKey(key), "German lacks " + key);
    }
  }

  @Test
  void everyPatternFormats() throws IOException {
    for (String name : new String[] {"Terminal.properties", "Terminal_de.properties"}) {
      Properties p = bundle(name);
      for (String key : p.stringPropertyNames()) {
        String shown =
            new MessageFormat(p.getProperty(key), Locale.ROOT).format(new Object[] {1, 2, 3, 4});
        assertTrue(!shown.isBlank(), name + " " + key);
      }
    }
    assertEquals(
        "'Blend time' recorded.",
        new MessageFormat(bundle("Terminal.properties").getProperty("msg.recorded"))
            .format(new Object[] {"Blend time"}));
  }
}
