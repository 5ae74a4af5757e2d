package com.batchtrace.web.api;

import com.batchtrace.compliance.review.boundary.AccessEntry;
import com.batchtrace.compliance.review.boundary.AccessReviewView;
import com.batchtrace.compliance.review.boundary.AccessReviews;
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
import java.util.List;

/**
 * The access review: who has which access now (QA and auditors), its CSV export, and QA's signed
 * periodic reviews.
 */
@Path("access-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.QA_REVIEWER, Roles.AUDITOR})
public class AccessReviewResource {

  @Inject AccessReviews reviews;

  @Inject CurrentActor currentActor;

  /** Every account now, with roles, lines, last sign-in and last signature. */
  @GET
  @Path("current")
  public List<AccessEntry> current() {
    return reviews.current();
  }

  /** The same list as a checksummed CSV download; recorded as an export. */
  @GET
  @Path("current/export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response export() {
    return Response.ok(reviews.exportCsv(), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"access-review.csv\"")
        .build();
  }

  /** The latest signed reviews, newest first. */
  @GET
  public List<AccessReviewView> latest() {
    return reviews.latest(20);
  }

  @GET
  @Path("{id}")
  public AccessReviewView review(@PathParam("id") long id) {
    return reviews
        .find(id)
        .orElseThrow(() -> new NotFoundException("There is no access review " + id + "."));
  }

  /** QA signs a review of the accounts as they are now: {conclusion, signature {password}}. */
  @POST
  @RolesAllowed(Roles.QA_REVIEWER)
  public Response sign(Review request, @Context UriInfo uri) {
    if (request == null || request.signature() == null) {
      throw new RuleViolation("Send conclusion and signature {password, reason}.");
    }
    AccessReviewView review =
        reviews.review(request.conclusion(), request.signature().request(currentActor));
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(review.id())).build())
        .entity(review)
        .build();
  }

  /** The body of a signed access review. */
  public record Review(String conclusion, ComplianceResource.SignatureBody signature) {}
}
