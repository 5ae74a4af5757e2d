package com.batchtrace.validation.iq;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The dated IQ record in Markdown: who ran it, when, against what, and every check. */
final class IqRecord {

  private IqRecord() {}

  /** The file name of a record made at {@code time}: sorts by time. */
  static String fileName(Instant time) {
    return "iq-record-"
        + DateTimeFormatter.ISO_INSTANT
            .format(time.truncatedTo(ChronoUnit.SECONDS))
            .replace(":", "")
            .replace("-", "")
        + ".md";
  }

  static String render(
      Instant time,
      String executor,
      String host,
      Map<String, String> settings,
      List<IqCheck> checks) {
    long failed = checks.stream().filter(c -> !c.passed()).count();
    StringBuilder out = new StringBuilder();
    out.append("# Batchtrace – IQ record ")
        .append(DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)))
        .append("\n\n");
    out.append("Executed by `")
        .append(cell(executor))
        .append("` on `")
        .append(cell(host))
        .append("` at ")
        .append(DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS)))
        .append(" (UTC) with `./batchtrace iq`, protocol `IQ.md`.\n\n");
    out.append("**Result: ")
        .append(failed == 0 ? "PASSED" : "FAILED")
        .append("** – ")
        .append(checks.size() - failed)
        .append(" of ")
        .append(checks.size())
        .append(" checks passed.\n\n## Settings\n\n| Setting | Value |\n| --- | --- |\n");
    settings.forEach(
        (name, value) ->
            out.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n"));
    out.append(
        "\n## Checks\n\n| Id | Check | Expected | Actual | Result |\n| --- | --- | --- | --- | --- |\n");
    for (IqCheck check : checks) {
      out.append("| ")
          .append(
              String.join(
                  " | ",
                  check.id(),
                  cell(check.name()),
                  cell(check.expected()),
                  cell(check.actual()),
                  check.passed() ? "PASS" : "**FAIL**"))
          .append(" |\n");
    }
    out.append("\nSigned (print and sign on paper or in the plant's document system):\n\n");
    out.append("Executed by: ____________________  Date: __________\n\n");
    out.append("Reviewed by: ____________________  Date: __________\n");
    return out.toString();
  }

  /** Text safe in a Markdown table cell. */
  static String cell(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replaceAll("\\R", " ");
  }
}
