package com.batchtrace.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the requirement ids, titles and risk classes from URS.md.
 *
 * <p>The format is deliberately strict, because a requirement the parser silently skipped would be
 * missing from the matrix. Each requirement starts with a level-3 heading
 *
 * <pre>
 * ### URS-001 Title of the requirement
 * </pre>
 *
 * and its section (up to the next heading) contains exactly one risk line
 *
 * <pre>
 * - **Risk:** high
 * </pre>
 *
 * with high, medium or low. A heading that starts with what looks like a requirement id ("URS" and
 * a number) but does not have this form, a duplicate id and a missing or repeated risk line are
 * errors that name the line. Lines inside fenced code blocks are examples, not requirements, and
 * are passed over.
 */
public final class UserRequirements {

  private static final Pattern REQUIREMENT_HEADING =
      Pattern.compile("^### (URS-\\d{3}) (\\S.*?)\\s*$");
  private static final Pattern ANY_URS_HEADING =
      Pattern.compile("^#{1,6}\\s*URS\\W?\\d", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_HEADING = Pattern.compile("^#{1,6}\\s");
  private static final Pattern RISK_LINE =
      Pattern.compile("^- \\*\\*Risk:\\*\\* (high|medium|low)\\s*$");
  private static final Pattern ANY_RISK_LINE =
      Pattern.compile("^\\s*[-*]?\\s*\\**\\s*Risk\\s*\\**\\s*:", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE_FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");

  private UserRequirements() {}

  /**
   * Reads the requirements of a URS file in document order.
   *
   * @throws IOException if the file is missing or unreadable
   * @throws IllegalArgumentException if the file breaks the format or holds no requirement
   */
  public static List<Requirement> read(Path ursFile) throws IOException {
    if (!Files.isRegularFile(ursFile)) {
      throw new NoSuchFileException(ursFile.toString(), null, "the URS file does not exist");
    }
    return parse(Files.readString(ursFile, StandardCharsets.UTF_8), ursFile.toString());
  }

  /** Parses URS text; {@code source} names it in error messages. */
  public static List<Requirement> parse(String text, String source) {
    Map<String, Requirement> requirements = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    String currentId = null;
    String currentTitle = null;
    int currentLine = 0;
    String currentRisk = null;
    String[] lines = text.split("\\R", -1);
    boolean inCodeFence = false;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      if (line != null && CODE_FENCE.matcher(line).find()) {
        inCodeFence = !inCodeFence;
        continue;
      }
      if (inCodeFence) {
        continue;
      }
      boolean heading = line == null || ANY_HEADING.matcher(line).find();
      if (heading && currentId != null) {
        if (currentRisk == null) {
          errors.add(
              source
                  + ":"
                  + currentLine
                  + ": "
                  + currentId
                  + " has no risk line ('- **Risk:** high|medium|low')");
        } else if (requirements.containsKey(currentId)) {
          errors.add(source + ":" + currentLine + ": duplicate requirement id " + currentId);
        } else {
          requirements.put(currentId, new Requirement(currentId, currentTitle, currentRisk));
        }
        currentId = null;
      }
      if (line == null) {
        break;
      }
      int lineNumber = i + 1;
      Matcher requirement = REQUIREMENT_HEADING.matcher(line);
      if (requirement.matches()) {
        currentId = requirement.group(1);
        currentTitle = requirement.group(2);
        currentLine = lineNumber;
        currentRisk = null;
      } else if (ANY_URS_HEADING.matcher(line).find()) {
        errors.add(
            source
                + ":"
                + lineNumber
                + ": a requirement heading must read '### URS-nnn Title', found: "
                + line);
      } else if (currentId != null && ANY_RISK_LINE.matcher(line).find()) {
        Matcher risk = RISK_LINE.matcher(line);
        if (!risk.matches()) {
          errors.add(
              source
                  + ":"
                  + lineNumber
                  + ": a risk line must read '- **Risk:** high|medium|low', found: "
                  + line);
        } else if (currentRisk != null) {
          errors.add(source + ":" + lineNumber + ": " + currentId + " has a second risk line");
        } else {
          currentRisk = risk.group(1);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join(System.lineSeparator(), errors));
    }
    if (requirements.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": no requirement found (headings must read '### URS-nnn Title')");
    }
    return List.copyOf(requirements.values());
  }
}
