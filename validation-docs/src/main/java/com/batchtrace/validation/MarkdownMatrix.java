package com.batchtrace.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The matrix in GitHub-flavoured Markdown, for reading in the repository browser and for pasting
 * into a validation report. Text is escaped so that no title or name can break a table.
 */
final class MarkdownMatrix extends MatrixDocument {

  @Override
  protected void begin(String title) {}

  @Override
  protected void heading(int level, String text) {
    write("#".repeat(level) + " " + escape(text) + "\n\n");
  }

  @Override
  protected void paragraph(String text) {
    write(escape(text) + "\n\n");
  }

  @Override
  protected void table(List<String> header, List<List<Cell>> rows) {
    write(line(header.stream().map(MarkdownMatrix::escape).toList()));
    write(line(header.stream().map(column -> "---").toList()));
    for (List<Cell> row : rows) {
      write(line(row.stream().map(MarkdownMatrix::cell).toList()));
    }
    write("\n");
  }

  @Override
  protected void end() {}

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  private static String cell(Cell cell) {
    String text =
        cell.lines().stream().map(MarkdownMatrix::escape).collect(Collectors.joining("<br>"));
    return cell.tone() == Tone.BAD ? "**" + text + "**" : text;
  }

  /** Escapes what Markdown or a table cell would read as markup; line breaks become spaces. */
  static String escape(String text) {
    return escapeMarkup(text).replace("|", "\\|").replaceAll("\\R", " ");
  }
}
