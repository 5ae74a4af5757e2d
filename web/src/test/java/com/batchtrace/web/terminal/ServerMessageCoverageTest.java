package com.batchtrace.web.terminal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every sentence the server can answer a terminal action with has German text. The server writes
 * its refusals and confirmations in English, in the code of the services the terminal calls; this
 * test reads that code, finds each message (a refusal thrown as a rule violation or an access
 * refusal, and a refusal or confirmation returned as text), fills its variable parts with sample
 * values, and translates it as the German terminal would: a message a new rule of the server adds
 * without its German line in ServerMessages_de.txt fails here, with the message named.
 */
@Tag("URS-082")
class ServerMessageCoverageTest {

  /**
   * The services behind the terminal's actions (open a batch, start, scan, enter, correct, comment,
   * sign, verify, complete, print a label) and the rules they apply: their messages reach the
   * terminal word for word.
   */
  static final List<String> TERMINAL_FACING =
      List.of(
          "execution/boundary/BatchCommands.java",
          "execution/boundary/StepRecording.java",
          "execution/boundary/BatchRecords.java",
          "execution/control/BatchRecordStore.java",
          "execution/control/Gs1Code.java",
          "masterdata/entity/Gtin.java",
          "execution/control/LineAssignment.java",
          "execution/control/ExceptionDetector.java",
          "execution/entity/StepExecution.java",
          "execution/entity/StepEntry.java",
          "execution/entity/StepSequence.java",
          "genealogy/boundary/GenealogyEdges.java",
          "genealogy/boundary/LotLabels.java",
          "genealogy/entity/Batch.java",
          "compliance/signature/boundary/SignatureService.java",
          "identity/boundary/CurrentActor.java",
          "platform/Quantities.java");

  /**
   * Messages of those services that no terminal action can produce, with why: they answer office
   * pages and the REST API (batch planning, QA's decision, the signature register's search).
   */
  static final List<String> NOT_AT_THE_TERMINAL =
      List.of(
          "Batch number '", // planning a batch (admin, REST)
          "A batch runs on an active production line", // planning a batch
          "The planned quantity must be more than zero", // planning a batch
          ": only an approved version can be used", // planning a batch
          "Batch 7 is 7: only a batch in review can be", // QA's release or rejection
          "Checking the validity of", // the signature register's search
          "The register holds", // the signature register's export
          "'7' is not a meaning of a signature"); // the signature register's filter

  private static final Path SOURCES = Path.of("../ejb/src/main/java/com/batchtrace");

  /** Where a message starts: a refusal thrown, or a reason returned as text. */
  private static final Pattern MESSAGE =
      Pattern.compile("new (?:RuleViolation|AccessRefused)\\(|Optional\\.of\\(|\\brefused\\(");

  /**
   * Where an exception's detail is written (its last argument): the terminal lists a step's
   * exceptions with it.
   */
  private static final Pattern DETAIL =
      Pattern.compile("new BatchException\\(|BatchException\\.raisedBy\\(|\\braise\\(");

  private static final Pattern CONSTANT =
      Pattern.compile(
          "static final String ([A-Z_]+)\\s*=\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+);");

  /** Words only an English sentence has (German shares none of them). */
  static final Pattern ENGLISH =
      Pattern.compile(
          "\\b(the|The|was|is|are|not|has|have|cannot|must|with|before|after|already|only|this"
              + "|This|that|which|of|and|or|to|be|its|no|No|Nothing|nothing|There|Enter|Scan|Step"
              + "|step|Lot|lot|batch|Batch|signed|charged|Wrong|password|refused|needs|first"
              + "|here|than|more|less|at least|at most|again|ask|your|Your)\\b");

  @Test
  void noMessageTheServerAnswersATerminalActionWithIsWithoutGermanText() throws IOException {
    List<String> untranslated = new ArrayList<>();
    int messages = 0;
    for (String file : TERMINAL_FACING) {
      String source = Files.readString(SOURCES.resolve(file));
      for (String sample : samples(source)) {
        if (NOT_AT_THE_TERMINAL.stream().anyMatch(sample::contains)) {
          continue;
        }
        messages++;
        String german = ServerMessages.in(Locale.GERMAN, sample);
        Matcher english = ENGLISH.matcher(german);
        if (english.find() || leftInEnglish(sample, german) != null) {
          untranslated.add(file + ": \"" + sample + "\"\n      German: \"" + german + "\"");
        }
      }
    }
    assertTrue(messages > 60, "the messages were found in the code: " + messages);
    assertTrue(
        untranslated.isEmpty(),
        untranslated.size()
            + " of "
            + messages
            + " terminal messages have no German text in ServerMessages_de.txt:\n  "
            + String.join("\n  ", untranslated));
  }

  /**
   * Two words of the English message, next to each other, that the German text still has (as
   * "appears twice"): a sentence no rule translated. Only words of letters (three or more, not all
   * capitals, so not an identifier or an AI); null when none is left.
   */
  static String leftInEnglish(String english, String german) {
    String[] words = english.split("\\s+");
    for (int i = 0; i + 1 < words.length; i++) {
      String pair = word(words[i]) + " " + word(words[i + 1]);
      if (pair.matches("[A-Za-z]*[a-z]{2,} [A-Za-z]*[a-z]{2,}")
          && Pattern.compile("\\b" + Pattern.quote(pair) + "\\b").matcher(german).find()) {
        return pair;
      }
    }
    return null;
  }

  /** A word without the punctuation around it. */
  private static String word(String token) {
    return token.replaceAll("^[^A-Za-z]+|[^A-Za-z]+$", "");
  }

  @Test
  void aSentenceLeftInEnglishIsFoundByItsWordsEvenWithoutCommonOnes() {
    assertTrue(
        "appears twice".equals(leftInEnglish("AI (7) appears twice.", "AI (7) appears twice.")));
    assertTrue(
        leftInEnglish("AI (7) appears twice. Nothing was charged.", "AI (7) kommt zweimal vor.")
            == null);
  }

  @Test
  void theCodeReaderFillsAMessagesVariablePartsAndItsConstants() {
    String source =
        "private static final String NOTHING = \"Nothing was charged.\";\n"
            + "throw new RuleViolation(\"There is no lot \" + lot.getLotNumber() + \": check the"
            + " label and scan again. \" + NOTHING);\n"
            + "return Optional.of(\"Lot \" + lot + \" expired on \" + lot.getExpiry() + \": it"
            + " cannot be used.\");\n"
            + "return Optional.of(view);\n";
    assertTrue(
        samples(source)
            .equals(
                List.of(
                    "There is no lot 7: check the label and scan again. Nothing was charged.",
                    "Lot 7 expired on 7: it cannot be used.")),
        String.valueOf(samples(source)));
  }

  /** Each message of the source with sample values in its variable parts. */
  static List<String> samples(String source) {
    Map<String, String> constants = new HashMap<>();
    Matcher c = CONSTANT.matcher(source);
    while (c.find()) {
      constants.put(c.group(1), literals(c.group(2)));
    }
    List<String> samples = new ArrayList<>();
    List<String> arguments = new ArrayList<>();
    Matcher m = MESSAGE.matcher(source);
    while (m.find()) {
      arguments.add(firstArgument(source, m.end()));
    }
    Matcher d = DETAIL.matcher(source);
    while (d.find()) {
      List<String> all = parts(source, d.end(), ',');
      arguments.add(all.get(all.size() - 1));
    }
    for (String argument : arguments) {
      List<String> parts = topLevel(argument, '+');
      if (parts.stream().noneMatch(p -> p.strip().startsWith("\""))) {
        continue; // a message passed on, not written here
      }
      StringBuilder sample = new StringBuilder();
      for (String part : parts) {
        String p = part.strip();
        if (p.startsWith("\"")) {
          sample.append(literals(p));
        } else if (constants.containsKey(p)) {
          sample.append(constants.get(p));
        } else {
          sample.append(placeholder(p));
        }
      }
      samples.add(sample.toString().strip());
    }
    return samples;
  }

  /** A sample value for a variable part, of the kind the message puts there. */
  private static String placeholder(String expression) {
    String e = expression.strip();
    if (e.startsWith("(") && e.contains("?")) {
      // a choice of words: the first of them
      Matcher first = Pattern.compile("\\?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(e);
      if (first.find()) {
        return first.group(1);
      }
    }
    if (e.contains("MasterBatchRecord().describe()")) {
      return "P-100 v3";
    }
    if (e.contains("describe()")) {
      return "Step 7 (Dry)";
    }
    if (e.contains(".stream()")) {
      return "7 (Dry)";
    }
    if (expression.contains("limits(")) {
      return "5 to 9 kg";
    }
    if (expression.contains("Units.quantity(")) {
      return "7 kg";
    }
    return "7";
  }

  /** The text of one or more string literals joined by +, unescaped. */
  private static String literals(String expression) {
    StringBuilder text = new StringBuilder();
    Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
    while (literal.find()) {
      text.append(
          literal
              .group(1)
              .replace("\\\"", "\"")
              .replace("\\u201c", "\u201c")
              .replace("\\u201d", "\u201d")
              .replace("\\u001D", "\u001D")
              .replace("\\\\", "\\"));
    }
    return text.toString();
  }

  /** The first argument of the call whose parenthesis opened just before {@code from}. */
  private static String firstArgument(String source, int from) {
    return parts(source, from, ',').get(0);
  }

  /** The expression split at {@code separator} outside strings and parentheses. */
  private static List<String> topLevel(String expression, char separator) {
    return parts(expression, 0, separator);
  }

  /**
   * The text from {@code from} up to the parenthesis that closes there (or its end), split at
   * {@code separator} outside strings and parentheses.
   */
  private static List<String> parts(String text, int from, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int start = from;
    for (int i = from; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
        }
      } else if (ch == '"') {
        inString = true;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')' && depth-- == 0) {
        parts.add(text.substring(start, i));
        return parts;
      } else if (ch == separator && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
