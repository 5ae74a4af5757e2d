package com.batchtrace.validation;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the validation package: each document to a standalone HTML page (inline CSS, no script),
 * an index page linking them, and one combined PDF with a cover, contents and "page x of y".
 *
 * <p>Markdown is parsed by CommonMark (with GitHub tables); the PDF is laid out from the same XHTML
 * by openhtmltopdf, so the HTML and the PDF say exactly the same.
 */
final class PackageRenderer {

  /** One document of the package. */
  record Document(String slug, String title, String markdown) {
    Document {
      Objects.requireNonNull(slug, "slug");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(markdown, "markdown");
    }

    String htmlFile() {
      return slug + ".html";
    }
  }

  static final String INDEX_FILE = "index.html";
  static final String PDF_FILE = "batchtrace-validation-package.pdf";
  static final String TITLE = "Batchtrace validation package";

  /** A font with the arrows, dashes and symbols the documents use; else the PDF base fonts. */
  private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  private static final Path BOLD_FONT =
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");

  private static final String STYLE =
      """
      body { font-family: 'DejaVu Sans', sans-serif; margin: 2em; color: #222; font-size: 11pt; }
      table { border-collapse: collapse; margin-bottom: 1.2em; }
      th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
      th { background: #eee; }
      code { font-family: monospace; font-size: 0.95em; }
      .meta { color: #555; }
      """;

  private static final String PRINT_STYLE =
      """
      @page { size: A4 landscape; margin: 15mm 12mm 18mm 12mm;
        @bottom-left { content: "%s"; font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; color: #555; }
        @bottom-right { content: "Page " counter(page) " of " counter(pages);
          font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; color: #555; } }
      body { margin: 0; font-size: 9pt; }
      table { -fs-table-paginate: paginate; width: 100%%; font-size: 7pt; }
      td, th { word-wrap: break-word; }
      tr { page-break-inside: avoid; }
      .document { page-break-before: always; }
      .cover { text-align: center; padding-top: 40mm; }
      """;

  private final List<Extension> extensions = List.of(TablesExtension.create());
  private final Parser parser = Parser.builder().extensions(extensions).build();

  /** Raw HTML in a document is shown as text, so no title can break the page or the PDF. */
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build();

  /** The body of a document as XHTML (well-formed, so the PDF renderer can read it). */
  String body(Document document) {
    return xhtml(renderer.render(parser.parse(document.markdown())));
  }

  /** Writes every page, the index and the PDF into {@code folder}. */
  void write(Path folder, List<Document> documents, String subtitle, Instant now)
      throws IOException {
    Files.createDirectories(folder);
    for (Document document : documents) {
      Files.writeString(folder.resolve(document.slug() + ".md"), document.markdown());
      Files.writeString(
          folder.resolve(document.htmlFile()),
          page(
              document.title(),
              "<p class=\"meta\"><a href=\""
                  + INDEX_FILE
                  + "\">"
                  + TITLE
                  + "</a></p>\n"
                  + body(document)),
          StandardCharsets.UTF_8);
    }
    Files.writeString(
        folder.resolve(INDEX_FILE),
        page(TITLE, index(documents, subtitle, now)),
        StandardCharsets.UTF_8);
    try (OutputStream pdf = Files.newOutputStream(folder.resolve(PDF_FILE))) {
      writePdf(combined(documents, subtitle, now), folder, pdf);
    }
  }

  private static String index(List<Document> documents, String subtitle, Instant now) {
    StringBuilder out = new StringBuilder();
    out.append("<h1>").append(TITLE).append("</h1>\n");
    out.append("<p class=\"meta\">").append(escape(subtitle)).append("<br />Generated ");
    out.append(timestamp(now))
        .append(" (UTC)</p>\n<table>\n<tr><th>Document</th><th>Page</th></tr>\n");
    for (Document document : documents) {
      out.append("<tr><td>")
          .append(escape(document.title()))
          .append("</td><td><a href=\"")
          .append(document.htmlFile())
          .append("\">")
          .append(document.htmlFile())
          .append("</a> (<a href=\"")
          .append(document.slug())
          .append(".md\">Markdown</a>)</td></tr>\n");
    }
    out.append("</table>\n<p>All documents in one PDF: <a href=\"")
        .append(PDF_FILE)
        .append("\">")
        .append(PDF_FILE)
        .append("</a></p>\n");
    return out.toString();
  }

  /** The whole package as one XHTML document for the PDF. */
  String combined(List<Document> documents, String subtitle, Instant now) {
    StringBuilder body = new StringBuilder();
    body.append("<div class=\"cover\"><h1>")
        .append(TITLE)
        .append("</h1><p>")
        .append(escape(subtitle))
        .append("</p><p>Generated ")
        .append(timestamp(now))
        .append(" (UTC)</p></div>\n");
    body.append("<div class=\"document\"><h1>Contents</h1><ol>\n");
    for (Document document : documents) {
      body.append("<li><a href=\"#").append(document.slug()).append("\">");
      body.append(escape(document.title())).append("</a></li>\n");
    }
    body.append("</ol></div>\n");
    for (Document document : documents) {
      body.append("<div class=\"document\" id=\"").append(document.slug()).append("\">\n");
      body.append(body(document)).append("</div>\n");
    }
    // Every page names the release and build it validates: the subtitle's first sentence.
    int sentence = subtitle.indexOf(". ");
    String release = sentence < 0 ? subtitle : subtitle.substring(0, sentence);
    String footer = (TITLE + ", " + release).replace("\\", "\\\\").replace("\"", "\\\"");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
        + " lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>"
        + TITLE
        + "</title>\n<style>\n"
        + STYLE
        + PRINT_STYLE.formatted(footer)
        + "</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  private static void writePdf(String xhtml, Path folder, OutputStream out) throws IOException {
    // The renderer logs every step at INFO; the build's output should say only what matters.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    if (Files.isRegularFile(FONT) && Files.isRegularFile(BOLD_FONT)) {
      builder.useFont(FONT.toFile(), "DejaVu Sans");
      builder.useFont(
          BOLD_FONT.toFile(),
          "DejaVu Sans",
          700,
          com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
          true);
    }
    builder.withHtmlContent(xhtml, folder.toUri().toString());
    builder.toStream(out);
    builder.run();
  }

  private static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  /**
   * Lets through the one piece of raw HTML the documents use on purpose, a line break inside a
   * table cell ({@code <br>}, escaped by the renderer like all raw HTML), as XHTML.
   */
  static String xhtml(String html) {
    return html.replaceAll("&lt;br\\s*/?&gt;", "<br />");
  }

  private static String timestamp(Instant now) {
    return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String escape(String text) {
    return HtmlMatrix.escape(text);
  }
}
