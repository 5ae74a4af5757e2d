package com.batchtrace.web.terminal;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where a user switch on a batch sends the next person: {@code /terminal/resume/<batch id>} opens
 * that batch once they have signed in. The batch travels in the path because the sign-in's return
 * keeps the path of the page asked for, not its query; anything but a number opens the work queue.
 */
@WebServlet("/terminal/resume/*")
public class ResumeBatchServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String batch = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    response.sendRedirect(
        request.getContextPath()
            + (batch.matches("[0-9]{1,18}")
                ? "/terminal/batch.xhtml?batch=" + batch
                : "/terminal/index.xhtml"));
  }
}
