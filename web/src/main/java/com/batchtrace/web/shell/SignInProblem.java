package com.batchtrace.web.shell;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The 403 error page. A signed-in user gets 403 only for a page outside their roles; an anonymous
 * one gets it when the OIDC sign-in itself failed, most often because the identity provider cannot
 * be reached. Telling the two apart spares the user a misleading "not allowed" when nobody can sign
 * in at all (URS-011).
 */
@WebServlet("/error/forbidden")
public class SignInProblem extends HttpServlet {

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String page;
    if (request.getUserPrincipal() != null) {
      page = "/error/forbidden.html";
    } else if (identityProviderReachable()) {
      page = "/error/sign-in-failed.html";
    } else {
      page = "/error/sign-in-unavailable.html";
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
    response.setContentType("text/html;charset=UTF-8");
    request.getRequestDispatcher(page).include(request, response);
  }

  private static boolean identityProviderReachable() {
    String provider = System.getProperty("batchtrace.oidc.provider-url");
    if (provider == null || provider.isBlank()) {
      return false;
    }
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
      HttpResponse<Void> answer =
          client.send(
              HttpRequest.newBuilder(URI.create(provider + "/.well-known/openid-configuration"))
                  .timeout(PROBE_TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException | IllegalArgumentException unreachable) {
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
