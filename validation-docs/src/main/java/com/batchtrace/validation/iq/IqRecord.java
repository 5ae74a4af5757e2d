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
      List<IqCheck> checks,
      ReleaseManifest manifest) {
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
        .append(" (UTC) with the IQ of the release bundle, protocol `IQ.md`.\n\n");
    out.append("Release qualified against: **")
        .append(cell(manifest.releaseVersion()))
        .append("**, commit `")
        .append(cell(manifest.commit()))
        .append("`, built ")
        .append(cell(manifest.builtAt()))
        .append(", EAR SHA-256 `")
        .append(manifest.earSha256())
        .append("`, schema version ")
        .append(cell(manifest.schemaVersion()))
        .append(".\n\n");
    checks.stream()
        .filter(c -> c.id().equals("IQ-25") && c.actual().startsWith("DEMO installation"))
        .findFirst()
        .ifPresent(
            c ->
                out.append(
                    "**This is a demo installation: this record does not qualify it for GMP"
                        + " use.**\n\n"));
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
    return out.toString();
  }

  /** The closing line: the electronic signature the database holds, or that there is none. */
  static String signatureLine(java.util.Optional<String> signed) {
    return signed
        .map(s -> "\n**Signed electronically (performed):** " + cell(s) + ".\n")
        .orElse(
            "\n**NOT SIGNED**: no QA person signed this record into the database; it is no IQ"
                + " evidence.\n");
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
