package com.batchtrace.web.review;

import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.BatchReport;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The batch report download of the batch review page (under /review/*, so only QA reaches it):
 * {@code ?batch=<id>}. The report's own SHA-256 comes in the {@value #SHA256_HEADER} header (a PDF
 * cannot carry its own checksum); the security log records it with the export.
 */
@WebServlet("/review/batch-report")
public class BatchReportServlet extends HttpServlet {

  /** The response header with the SHA-256 (hex) of the PDF bytes. */
  public static final String SHA256_HEADER = "X-Report-SHA256";

  @Inject BatchReport reports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    BatchReport.Report report;
    try {
      report = reports.of(Long.parseLong(String.valueOf(request.getParameter("batch"))));
    } catch (NumberFormatException bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Say which batch: ?batch=<id>.");
      return;
    } catch (RuleViolation bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
      return;
    }
    response.setContentType("application/pdf");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"batch-report-"
            + report.batchNumber().replaceAll("[^A-Za-z0-9._-]", "_")
            + ".pdf\"");
    response.setHeader(SHA256_HEADER, report.sha256());
    response.setContentLength(report.pdf().length);
    response.getOutputStream().write(report.pdf());
  }
}
