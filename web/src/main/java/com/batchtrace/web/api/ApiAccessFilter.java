package com.batchtrace.web.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * Gatekeeper of the API. The OIDC mechanism authenticates a bearer token when one is sent; this
 * filter answers 401 (with a Bearer challenge) when none was, and 403 when the caller lacks every
 * role the resource method allows. Pages get a sign-in redirect instead; a machine client must get
 * a status it can act on, which is why the API is not behind the web.xml constraints.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiAccessFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security.getUserPrincipal() == null) {
      request.abortWith(
          Response.fromResponse(
                  ApiError.response(
                      401,
                      "Sign-in required: send an access token of the plant realm as"
                          + " 'Authorization: Bearer <token>'."))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"plant\"")
              .build());
      return;
    }
    Optional<RolesAllowed> allowed = rolesAllowed();
    if (allowed.isPresent()
        && Arrays.stream(allowed.get().value()).noneMatch(security::isUserInRole)) {
      request.abortWith(
          ApiError.response(
              403,
              "This request needs one of the roles "
                  + String.join(", ", allowed.get().value())
                  + "; the token of "
                  + security.getUserPrincipal().getName()
                  + " has none of them."));
    }
  }

  private Optional<RolesAllowed> rolesAllowed() {
    RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    return Optional.ofNullable(
        onMethod != null
            ? onMethod
            : resource.getResourceClass().getAnnotation(RolesAllowed.class));
  }
}
