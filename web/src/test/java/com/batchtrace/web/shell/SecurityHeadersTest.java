package com.batchtrace.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * HSTS on TLS; records, reports and exports never cached, the application's style sheets may be.
 */
@Tag("URS-054")
class SecurityHeadersTest {

  @Test
  void onTlsTheBrowserIsToldToUseNothingElse() throws Exception {
    assertEquals(
        SecurityHeaders.HSTS,
        headersOf("/review/batch.xhtml", true).get("Strict-Transport-Security"));
    assertNull(headersOf("/review/batch.xhtml", false).get("Strict-Transport-Security"));
  }

  @Test
  void recordsReportsAndExportsAreNeverStored() throws Exception {
    for (String path :
        new String[] {
          "/review/batch.xhtml",
          "/audit/index.xhtml",
          "/terminal/batch.xhtml",
          "/review/batch-report",
          "/audit/export",
          "/review/trace-export",
          "/audit/access.xhtml",
          "/api"
        }) {
      assertEquals("no-store", headersOf(path, false).get("Cache-Control"), path);
    }
    assertNull(
        headersOf("/jakarta.faces.resource/batchtrace.css.xhtml", false).get("Cache-Control"));
  }

  private static Map<String, String> headersOf(String servletPath, boolean secure)
      throws Exception {
    Map<String, String> headers = new HashMap<>();
    new SecurityHeaders()
        .doFilter(
            Fakes.request(servletPath, secure, Map.of(), Map.of()),
            Fakes.response(headers),
            (request, response) -> {});
    return headers;
  }
}
