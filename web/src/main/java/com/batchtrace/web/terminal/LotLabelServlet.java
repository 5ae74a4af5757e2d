package com.batchtrace.web.terminal;

import com.batchtrace.genealogy.boundary.LotLabels;
import com.batchtrace.platform.RuleViolation;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A produced lot's label as a PDF for the terminal's printer ({@code ?lot=...}, under /terminal/*
 * so only operators reach it). Every request is a recorded print: the first, then reprints.
 */
@WebServlet("/terminal/label")
public class LotLabelServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject LotLabels labels;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      LotLabels.Label label = labels.print(request.getParameter("lot"));
      response.setContentType("application/pdf");
      response.setHeader("Content-Disposition", "inline; filename=\"" + label.fileName() + "\"");
      response.setHeader("Cache-Control", "no-store");
      response.setContentLength(label.pdf().length);
      response.getOutputStream().write(label.pdf());
    } catch (RuleViolation refused) {
      response.reset();
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
    }
  }
}
