package com.batchtrace.validation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The matrix as one standalone HTML page (inline CSS, no script, no external resource), so that it
 * can be archived with the validation package and opened anywhere. All text is escaped.
 */
final class HtmlMatrix extends MatrixDocument {

  private static final String STYLE =
      """
      body { font-family: sans-serif; margin: 2em; color: #222; }
      table { border-collapse: collapse; margin-bottom: 1.5em; }
      th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
      th { background: #eee; }
      .good { background: #dff0d8; }
      .warning { background: #fcf8e3; }
      .bad { background: #f2dede; font-weight: bold; }
      """;

  @Override
  protected void begin(String title) {
    write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    write(
        "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
  }

  @Override
  protected void heading(int level, String text) {
    write("<h" + level + ">" + escape(text) + "</h" + level + ">\n");
  }

  @Override
  protected void paragraph(String text) {
    write("<p>" + escape(text) + "</p>\n");
  }

  @Override
  protected void table(List<String> header, List<List<Cell>> rows) {
    write("<table>\n<tr>");
    for (String column : header) {
      write("<th>" + escape(column) + "</th>");
    }
    write("</tr>\n");
    for (List<Cell> row : rows) {
      write("<tr>");
      for (Cell cell : row) {
        write(cell(cell));
      }
      write("</tr>\n");
    }
    write("</table>\n");
  }

  @Override
  protected void end() {
    write("</body>\n</html>\n");
  }

  private static String cell(Cell cell) {
    String style =
        cell.tone() == Tone.PLAIN
            ? ""
            : " class=\"" + cell.tone().name().toLowerCase(Locale.ROOT) + "\"";
    String text = cell.lines().stream().map(HtmlMatrix::escape).collect(Collectors.joining("<br>"));
    return "<td" + style + ">" + text + "</td>";
  }

  /** Escapes the characters with a meaning in HTML text and attribute values. */
  static String escape(String text) {
    return escapeMarkup(text).replace("\"", "&quot;").replace("'", "&#39;");
  }
}
