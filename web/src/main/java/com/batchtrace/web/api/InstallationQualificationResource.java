package com.batchtrace.web.api;

import com.batchtrace.compliance.qualification.boundary.InstallationQualificationView;
import com.batchtrace.compliance.qualification.boundary.InstallationQualifications;
import com.batchtrace.compliance.qualification.boundary.NewInstallationQualification;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.RuleViolation;
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
import java.time.Instant;
import java.util.List;

/**
 * Installation qualification records: the IQ tool ({@code ./batchtrace iq}) sends the record it
 * wrote, signed by the QA person who executed it; QA and auditors read them back.
 */
@Path("installation-qualifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.QA_REVIEWER, Roles.AUDITOR})
public class InstallationQualificationResource {

  @Inject InstallationQualifications qualifications;

  @Inject CurrentActor currentActor;

  /** The latest signed IQ records, newest first. */
  @GET
  public List<InstallationQualificationView> latest() {
    return qualifications.latest(20);
  }

  @GET
  @Path("{id}")
  public InstallationQualificationView record(@PathParam("id") long id) {
    return qualifications
        .find(id)
        .orElseThrow(
            () ->
                new NotFoundException("There is no installation qualification record " + id + "."));
  }

  /** QA records and signs ("performed") the IQ they executed. */
  @POST
  @RolesAllowed(Roles.QA_REVIEWER)
  public Response record(Body request, @Context UriInfo uri) {
    if (request == null || request.signature() == null) {
      throw new RuleViolation(
          "Send the IQ record (executedAt, host, releaseVersion, earSha256, schemaVersion,"
              + " checksTotal, checksFailed, record) and signature {username, password, reason}.");
    }
    InstallationQualificationView recorded =
        qualifications.record(
            new NewInstallationQualification(
                request.executedAt(),
                request.host(),
                request.releaseVersion(),
                request.earSha256(),
                request.schemaVersion(),
                request.checksTotal() == null ? 0 : request.checksTotal(),
                request.checksFailed() == null ? -1 : request.checksFailed(),
                request.record()),
            request.signature().request(currentActor));
    return Response.created(
            uri.getAbsolutePathBuilder().path(String.valueOf(recorded.id())).build())
        .entity(recorded)
        .build();
  }

  /** The body of a signed IQ record. */
  public record Body(
      Instant executedAt,
      String host,
      String releaseVersion,
      String earSha256,
      String schemaVersion,
      Integer checksTotal,
      Integer checksFailed,
      String record,
      ComplianceResource.SignatureBody signature) {}
}
