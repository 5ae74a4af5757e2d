package com.batchtrace.web.api;

import com.batchtrace.compliance.audit.boundary.RecordRevision;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.boundary.EquipmentChange;
import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.masterdata.boundary.NewEquipment;
import com.batchtrace.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The equipment hierarchy: readable by every plant role, maintained by admins. */
@Path("equipment")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class EquipmentResource {

  @Inject EquipmentService equipment;

  /** The whole hierarchy in tree order (UNS path order). */
  @GET
  public List<EquipmentView> hierarchy() {
    return equipment.hierarchy();
  }

  @GET
  @Path("{id}")
  public EquipmentView one(@PathParam("id") long id) {
    return equipment
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no equipment with id " + id + "."));
  }

  /** Every revision with who, when (UTC) and why. */
  @GET
  @Path("{id}/history")
  public List<RecordRevision<EquipmentView>> history(@PathParam("id") long id) {
    return equipment.history(id);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(NewEquipment request, @Context UriInfo uri) {
    EquipmentView created = equipment.create(required(request));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  /** Changes name, description or active flag; {@code reason} is required. */
  @PUT
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  public EquipmentView change(@PathParam("id") long id, EquipmentChange request) {
    return equipment.change(id, required(request));
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new RuleViolation("The request has no JSON body.");
    }
    return body;
  }
}
