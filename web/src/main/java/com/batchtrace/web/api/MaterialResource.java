package com.batchtrace.web.api;

import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.boundary.MaterialView;
import com.batchtrace.masterdata.boundary.NewMaterial;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Materials: readable by every plant role, maintained by admins. */
@Path("materials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class MaterialResource {

  @Inject MaterialService materials;

  @GET
  public List<MaterialView> all() {
    return materials.all();
  }

  @GET
  @Path("{code}")
  public MaterialView one(@PathParam("code") String code) {
    return materials
        .byCode(code)
        .orElseThrow(() -> new NotFoundException("There is no material " + code + "."));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(Body body, @Context UriInfo uri) {
    if (body == null) {
      throw new com.batchtrace.platform.RuleViolation("The request has no material.");
    }
    MaterialView created =
        materials.create(
            new NewMaterial(
                body.code(),
                body.name(),
                body.kind(),
                body.unit(),
                body.shelfLifeDays(),
                body.reason()),
            body.gtin());
    return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
        .entity(created)
        .build();
  }

  /** A new material; the GTIN (of its GS1 labels) is optional. */
  public record Body(
      String code,
      String name,
      String kind,
      String unit,
      Integer shelfLifeDays,
      String reason,
      String gtin) {}
}
