package com.batchtrace.web.audit;

import com.batchtrace.compliance.audit.boundary.AuditExport;
import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.compliance.audit.boundary.ExportFormat;
import com.batchtrace.platform.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The export download of the audit page (under /audit/*, so only auditors reach it): the same
 * streamed export as {@code GET /api/v1/audit-trail/export}, for the signed-in browser session.
 */
@WebServlet("/audit/export")
public class AuditExportServlet extends HttpServlet {

  @Inject AuditExport export;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ExportFormat format;
    AuditQuery query;
    try {
      format = ExportFormat.of(request.getParameter("format"));
      query =
          AuditQueryParameters.query(
              request.getParameter("from"),
              request.getParameter("to"),
              request.getParameter("user"),
              request.getParameter("recordType"),
              request.getParameter("recordId"),
              request.getParameter("action"),
              request.getParameter("record"));
    } catch (RuleViolation bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
      return;
    }
    response.setContentType(format.contentType());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"audit-trail." + format.extension() + "\"");
    export.export(query, format, response.getOutputStream());
  }
}
