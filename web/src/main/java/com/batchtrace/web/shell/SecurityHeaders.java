package com.batchtrace.web.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The headers that depend on the request (the fixed ones, CSP and framing, are the server's:
 * configure.cli). Records, reports and exports are never kept in a browser's or proxy's cache,
 * where the next person at a shared PC could read them: every response is {@code no-store} except
 * the application's style sheets, scripts and images. On TLS the browser is told to use nothing
 * else (HSTS); behind a TLS-terminating proxy, the proxy sends it.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeaders extends HttpFilter {

  static final String HSTS = "max-age=31536000";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    if (!isStaticResource(request.getServletPath())) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }

  /** Style sheets, scripts and images: the same for everyone, safe to cache. */
  static boolean isStaticResource(String servletPath) {
    return servletPath.startsWith("/jakarta.faces.resource/") || servletPath.endsWith(".css");
  }
}
