package com.batchtrace.web.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
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
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Gatekeeper of the API. The OIDC mechanism authenticates a bearer token when one is sent; this
 * filter answers 401 (with a Bearer challenge) when none was, and 403 when the caller lacks every
 * role the resource method allows. It denies by default: a resource method that names no roles
 * (neither {@code @RolesAllowed} nor {@code @PermitAll}, on the method or its class) is refused to
 * everyone, so a forgotten annotation closes a door instead of opening it. Pages get a sign-in
 * redirect instead; a machine client must get a status it can act on, which is why the API is not
 * behind the web.xml constraints.
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
    refusal(
            resource.getResourceMethod(),
            resource.getResourceClass(),
            security::isUserInRole,
            security.getUserPrincipal().getName())
        .ifPresent(message -> request.abortWith(ApiError.response(403, message)));
  }

  /**
   * Why a signed-in caller may not call the resource method (the 403 message), or empty when they
   * may. Deny by default: a method whose roles are named nowhere is refused to everyone.
   */
  static Optional<String> refusal(
      Method method, Class<?> resourceClass, Predicate<String> inRole, String caller) {
    Optional<Access> access = Access.of(method, resourceClass);
    if (access.isEmpty()) {
      return Optional.of("This request is not open to any role of the plant realm.");
    }
    String[] roles = access.get().roles();
    if (roles != null && Arrays.stream(roles).noneMatch(inRole)) {
      return Optional.of(
          "This request needs one of the roles "
              + String.join(", ", roles)
              + "; the token of "
              + caller
              + " has none of them.");
    }
    return Optional.empty();
  }

  /**
   * Who may call a resource method: the roles it allows ({@code roles} null for {@code @PermitAll},
   * any signed-in caller), the method's annotation before its class's; empty when neither names
   * any.
   */
  record Access(String[] roles) {

    static Optional<Access> of(Method method, Class<?> resourceClass) {
      Optional<Access> onMethod = declared(method);
      return onMethod.isPresent() ? onMethod : declared(resourceClass);
    }

    private static Optional<Access> declared(AnnotatedElement element) {
      RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
      if (roles != null) {
        return Optional.of(new Access(roles.value()));
      }
      return element.isAnnotationPresent(PermitAll.class)
          ? Optional.of(new Access(null))
          : Optional.empty();
    }
  }
}
