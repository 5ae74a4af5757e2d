package com.batchtrace.web.api;

import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.SiteDuties;
import com.batchtrace.platform.SiteDutyStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The node that answers, as a member of the site: whether it runs the once-per-site jobs and how
 * often each ran or stood by here. Behind a load balancer each node answers for itself.
 */
@Path("site")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SiteResource {

  @Inject SiteDuties duties;

  @GET
  @Path("duties")
  public SiteDutyStatus duties() {
    return duties.status();
  }
}
