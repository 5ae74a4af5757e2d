package com.batchtrace.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirement sections of a document that answers the URS section by section, such as the
 * functional specification: a heading {@code ## URS-nnn Title} (level 2 to 4) per requirement.
 *
 * <p>Only the ids matter here, so that the build can name a requirement the document forgot and a
 * section that answers no requirement. Headings inside fenced code blocks are examples.
 */
final class RequirementSections {

  private static final Pattern SECTION = Pattern.compile("^#{2,4} +(URS-\\d{3})(?:\\s.*)?$");
  private static final Pattern ANY_URS_HEADING =
      Pattern.compile("^#{1,6}\\s*URS\\W?\\d", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

  private RequirementSections() {}

  /**
   * The requirement ids with the line of their section, in document order.
   *
   * @throws IllegalArgumentException naming the line of a malformed or repeated section heading
   */
  static Map<String, Integer> parse(String text, String source) {
    Map<String, Integer> sections = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    boolean inCodeFence = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (CODE_FENCE.matcher(line).find()) {
        inCodeFence = !inCodeFence;
        continue;
      }
      if (inCodeFence) {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        Integer earlier = sections.putIfAbsent(section.group(1), i + 1);
        if (earlier != null) {
          errors.add(
              source
                  + ":"
                  + (i + 1)
                  + ": a second section for "
                  + section.group(1)
                  + " (the first is at line "
                  + earlier
                  + ")");
        }
      } else if (ANY_URS_HEADING.matcher(line).find()) {
        errors.add(
            source
                + ":"
                + (i + 1)
                + ": a requirement section heading must read '### URS-nnn Title', found: "
                + line);
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join(System.lineSeparator(), errors));
    }
    return sections;
  }
}
