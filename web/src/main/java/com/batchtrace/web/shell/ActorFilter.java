package com.batchtrace.web.shell;

import com.batchtrace.identity.boundary.CurrentActor;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Hands the signed-in user to the business core before any page or resource runs, so every audited
 * write names the person (and terminal) who made it.
 */
@WebFilter(urlPatterns = "/*")
public class ActorFilter extends HttpFilter {

  @Inject CurrentActor currentActor;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SignedInUser.of(request).ifPresent(currentActor::set);
    chain.doFilter(request, response);
  }
}
