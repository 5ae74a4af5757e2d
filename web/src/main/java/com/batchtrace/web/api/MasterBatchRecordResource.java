package com.batchtrace.web.api;

import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.boundary.MasterBatchRecordService;
import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.masterdata.boundary.RecordSpec;
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

/**
 * Master batch records: admins author drafts and submit them; QA approves with a signature or
 * returns them; an approved version is changed only by a new version.
 */
@Path("master-batch-records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.QA_REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class MasterBatchRecordResource {

  @Inject MasterBatchRecordService records;

  @Inject CurrentActor currentActor;

  @GET
  public List<MasterBatchRecordView> all() {
    return records.all();
  }

  @GET
  @Path("{id}")
  public MasterBatchRecordView one(@PathParam("id") long id) {
    return records
        .read(id)
        .orElseThrow(() -> new NotFoundException("There is no master batch record " + id + "."));
  }

  /** Body: {@code {"product": "TAB-0500", "steps": [...], "reason": "optional"}}. */
  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response create(Draft draft, @Context UriInfo uri) {
    if (draft == null) {
      throw new RuleViolation("Send the product and its steps.");
    }
    MasterBatchRecordView created =
        records.create(
            draft.product(),
            draft.steps(),
            draft.yieldLowPercent(),
            draft.yieldHighPercent(),
            draft.reason());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  /** Replaces a draft's steps. Body: {@code {"steps": [...], "reason": "required"}}. */
  @PUT
  @Path("{id}/steps")
  @RolesAllowed(Roles.ADMIN)
  public MasterBatchRecordView replaceSteps(@PathParam("id") long id, Draft draft) {
    if (draft == null) {
      throw new RuleViolation("Send the steps and the reason for the change.");
    }
    return records.replaceSteps(id, draft.steps(), draft.reason());
  }

  @POST
  @Path("{id}/submit")
  @RolesAllowed(Roles.ADMIN)
  public MasterBatchRecordView submit(@PathParam("id") long id, Reason reason) {
    return records.submit(id, reason == null ? null : reason.reason());
  }

  @POST
  @Path("{id}/new-version")
  @RolesAllowed(Roles.ADMIN)
  public MasterBatchRecordView newVersion(@PathParam("id") long id, Reason reason) {
    return records.newVersion(id, reason == null ? null : reason.reason());
  }

  /** Body: {@code {"password": "...", "reason": "optional"}}. */
  @POST
  @Path("{id}/approve")
  @RolesAllowed(Roles.QA_REVIEWER)
  public MasterBatchRecordView approve(
      @PathParam("id") long id, ComplianceResource.SignatureBody body) {
    if (body == null) {
      throw new RuleViolation("Send your signature: {\"password\": \"...\"}.");
    }
    return records.approve(id, body.request(currentActor));
  }

  @POST
  @Path("{id}/return")
  @RolesAllowed(Roles.QA_REVIEWER)
  public MasterBatchRecordView returnToDraft(@PathParam("id") long id, Reason reason) {
    return records.returnToDraft(id, reason == null ? null : reason.reason());
  }

  /** A draft's content. */
  /** A draft; the yield limits (in % of the planned quantity) are optional, both or none. */
  public record Draft(
      String product,
      List<RecordSpec.Step> steps,
      String reason,
      java.math.BigDecimal yieldLowPercent,
      java.math.BigDecimal yieldHighPercent) {}

  /** Why. */
  public record Reason(String reason) {}
}
