package com.batchtrace.web.api;

import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.quality.boundary.ArchiveExportSelection;
import com.batchtrace.quality.boundary.BatchArchive;
import com.batchtrace.quality.boundary.BatchArchive.ArchivePackage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * Archive packages of batch records over REST, for QA and auditors: the retention list (every
 * package in the archive directory, where it is, oldest first), an export of the packages of a
 * range of days for long-term storage, and writing a new package of a batch on demand (a new
 * numbered package; nothing is overwritten).
 */
@Path("archive")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.QA_REVIEWER, Roles.AUDITOR})
public class ArchiveResource {

  @Inject BatchArchive archive;

  /** Every archive package, oldest first, with its folder and whether it is complete. */
  @GET
  public List<ArchivePackage> packages() {
    return archive.packages();
  }

  /**
   * Every package written on the days from..to (inclusive, site time zone, as 2026-01-31) in one
   * ZIP with a manifest signed with the checkpoint key, for moving to long-term storage.
   */
  @GET
  @Path("export")
  @Produces({"application/zip", MediaType.APPLICATION_JSON})
  public Response export(@QueryParam("from") String from, @QueryParam("to") String to) {
    ArchiveExportSelection selection = archive.exportSelection(from, to);
    StreamingOutput body = out -> archive.writeExport(selection, out);
    return Response.ok(body, "application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\"batchtrace-archive-"
                + selection.from()
                + "-to-"
                + selection.to()
                + ".zip\"")
        .build();
  }

  /** Writes a new archive package of the batch now; 201 with the package. */
  @POST
  @Path("batches/{batchId}")
  public Response write(@PathParam("batchId") long batchId) {
    return Response.status(Response.Status.CREATED).entity(archive.onDemand(batchId)).build();
  }
}
