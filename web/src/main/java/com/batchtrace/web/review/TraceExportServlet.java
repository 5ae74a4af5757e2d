package com.batchtrace.web.review;

import com.batchtrace.genealogy.boundary.GenealogyService;
import com.batchtrace.genealogy.boundary.Trace;
import com.batchtrace.genealogy.boundary.TracedLot;
import com.batchtrace.platform.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The trace page's CSV download (under /review/*, so only QA reaches it). */
@WebServlet("/review/trace-export")
public class TraceExportServlet extends HttpServlet {

  @Inject GenealogyService genealogy;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Trace trace;
    try {
      trace =
          genealogy.traceByNumber(request.getParameter("lot"), request.getParameter("direction"));
    } catch (RuleViolation bad) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
      return;
    }
    boolean finishedOnly = Boolean.parseBoolean(request.getParameter("finishedOnly"));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"trace-"
            + trace.start().lotNumber().replaceAll("[^A-Za-z0-9._-]", "_")
            + ".csv\"");
    PrintWriter out = response.getWriter();
    out.printf(
        "# Batchtrace genealogy trace %s from lot %s (%s)%s%n",
        trace.direction(),
        trace.start().lotNumber(),
        trace.start().materialCode(),
        finishedOnly ? ", finished lots only" : "");
    out.printf(
        "# Exported by %s at %s (UTC)%n", request.getUserPrincipal().getName(), Instant.now());
    try (CSVPrinter csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader("lot", "material", "kind", "status", "expiry", "produced_by_batch")
            .get()
            .print(out)) {
      for (TracedLot lot : trace.lots()) {
        if (finishedOnly && !lot.finished()) {
          continue;
        }
        csv.printRecord(
            lot.lotNumber(),
            lot.materialCode(),
            lot.materialKind(),
            lot.status(),
            lot.expiry(),
            lot.producedByBatch() == null ? "" : lot.producedByBatch());
      }
    }
  }
}
