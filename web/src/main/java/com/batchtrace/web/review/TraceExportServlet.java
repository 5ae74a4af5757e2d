package com.batchtrace.web.review;

import com.batchtrace.compliance.audit.boundary.ExportFormat;
import com.batchtrace.genealogy.boundary.TraceExport;
import com.batchtrace.platform.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The trace page's CSV and PDF downloads (under /review/*, so only QA reaches them): {@code
 * ?lot=...&direction=FORWARD&format=pdf}, CSV when no format is given.
 */
@WebServlet("/review/trace-export")
public class TraceExportServlet extends HttpServlet {

  @Inject TraceExport export;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String lot = request.getParameter("lot");
    try {
      ExportFormat format =
          ExportFormat.of(
              request.getParameter("format") == null ? "csv" : request.getParameter("format"));
      response.setContentType(format.contentType());
      response.setHeader(
          "Content-Disposition",
          "attachment; filename=\"trace-"
              + (lot == null ? "" : lot.strip().replaceAll("[^A-Za-z0-9._-]", "_"))
              + "."
              + format.extension()
              + "\"");
      export.export(
          lot,
          request.getParameter("direction"),
          Boolean.parseBoolean(request.getParameter("finishedOnly")),
          format,
          response.getOutputStream());
    } catch (RuleViolation bad) {
      // Refused before anything was written: the response is not committed yet.
      response.reset();
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
    }
  }
}
