package com.batchtrace.web.audit;

import com.batchtrace.platform.RuleViolation;
import com.batchtrace.quality.boundary.ArchiveExportSelection;
import com.batchtrace.quality.boundary.BatchArchive;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The download of the archive page's export for long-term storage (QA and auditors, as the page):
 * the same ZIP with one signed manifest as {@code GET /api/v1/archive/export}, for the signed-in
 * browser session. Wrong days answer 400 with the reason and export nothing.
 */
@WebServlet("/audit/archive-export")
public class ArchiveExportServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject BatchArchive archive;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ArchiveExportSelection selection;
    try {
      selection = archive.exportSelection(request.getParameter("from"), request.getParameter("to"));
    } catch (RuleViolation refused) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
      return;
    }
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"batchtrace-archive-"
            + selection.from()
            + "-to-"
            + selection.to()
            + ".zip\"");
    archive.writeExport(selection, response.getOutputStream());
  }
}
