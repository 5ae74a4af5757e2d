package com.batchtrace.web.api;

import com.batchtrace.compliance.signature.boundary.SignatureRequest;
import com.batchtrace.compliance.signature.entity.SignatureMeaning;
import com.batchtrace.genealogy.boundary.GenealogyService;
import com.batchtrace.genealogy.boundary.LotReceipt;
import com.batchtrace.genealogy.boundary.LotService;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.boundary.Trace;
import com.batchtrace.genealogy.boundary.TraceStep;
import com.batchtrace.genealogy.entity.LotDisposition;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;

/**
 * Material lots for ERP/LIMS and the pages: receive (admin), list and read (every plant role), and
 * QA's release or rejection with an electronic signature.
 */
@Path("lots")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class LotResource {

  private static final int LIST_LIMIT = 200;

  @Inject LotService lots;

  @Inject GenealogyService genealogy;

  @Inject CurrentActor currentActor;

  /** The newest lots, optionally only those with one disposition (QUARANTINE, ...). */
  @GET
  public List<LotView> list(@QueryParam("disposition") String disposition) {
    return lots.list(disposition(disposition), LIST_LIMIT);
  }

  @GET
  @Path("{id}")
  public LotView one(@PathParam("id") long id) {
    return lots.find(id).orElseThrow(() -> new NotFoundException("There is no lot " + id + "."));
  }

  /**
   * Every lot downstream ({@code direction=forward}, a recall) or upstream ({@code backward}) of
   * this lot, however deep, each lot once.
   */
  @GET
  @Path("{id}/trace")
  public Trace trace(
      @PathParam("id") long id,
      @QueryParam("direction") @DefaultValue("forward") String direction) {
    return genealogy.trace(id, direction);
  }

  /**
   * One step of the trace from this lot, for building a tree: {@code direction=forward}, the
   * batches that consumed it (how much each) and the lots each made; {@code backward}, the batch
   * that made it and the lots that went into that batch (how much of each). At most {@code limit}
   * (1 to 200) batches and lots under each; {@code batchCount} and {@code lotCount} say how many
   * there are in all, and {@code continues} whether the trace goes on from a lot.
   */
  @GET
  @Path("{id}/trace/step")
  public TraceStep step(
      @PathParam("id") long id,
      @QueryParam("direction") @DefaultValue("forward") String direction,
      @QueryParam("limit") @DefaultValue("200") int limit) {
    return genealogy.step(id, direction, limit);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response receive(LotReceipt receipt, @Context UriInfo uri) {
    LotView lot = lots.receive(receipt);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(lot.id())).build())
        .entity(lot)
        .build();
  }

  /** Body: {@code {"password": "...", "reason": "optional"}}. */
  @POST
  @Path("{id}/release")
  @RolesAllowed(Roles.QA_REVIEWER)
  public LotView release(@PathParam("id") long id, ComplianceResource.SignatureBody signature) {
    return lots.release(id, request(signature, SignatureMeaning.RELEASED));
  }

  /** Body: {@code {"password": "...", "reason": "required: why"}}. */
  @POST
  @Path("{id}/reject")
  @RolesAllowed(Roles.QA_REVIEWER)
  public LotView reject(@PathParam("id") long id, ComplianceResource.SignatureBody signature) {
    return lots.reject(id, request(signature, SignatureMeaning.REJECTED));
  }

  private SignatureRequest request(
      ComplianceResource.SignatureBody body, SignatureMeaning meaning) {
    if (body == null) {
      throw new RuleViolation("Send your signature: {\"password\": \"...\", \"reason\": \"...\"}.");
    }
    return body.request(currentActor);
  }

  private static LotDisposition disposition(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LotDisposition.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(
          "Disposition '" + value + "' is not known; use QUARANTINE, RELEASED or REJECTED.");
    }
  }
}
