package com.batchtrace.web.api;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.AuditExport;
import com.batchtrace.compliance.audit.boundary.AuditQuery;
import com.batchtrace.compliance.audit.boundary.AuditSearch;
import com.batchtrace.compliance.audit.boundary.ExportFormat;
import com.batchtrace.compliance.audit.boundary.RecordChange;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.platform.Page;
import com.batchtrace.web.audit.AuditQueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/** The audit trail for auditors: search, a record's field-level history, and exports. */
@Path("audit-trail")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
public class AuditTrailResource {

  @Inject AuditSearch search;

  @Inject AuditExport export;

  /** Entries matching every given criterion, newest first; times are ISO-8601 UTC instants. */
  @GET
  @Path("entries")
  public Page<AuditEntry> entries(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("user") String user,
      @QueryParam("recordType") String recordType,
      @QueryParam("recordId") String recordId,
      @QueryParam("action") String action,
      @QueryParam("record") String record,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return search.search(
        AuditQueryParameters.query(from, to, user, recordType, recordId, action, record),
        AuditQueryParameters.offset(offset),
        AuditQueryParameters.limit(limit));
  }

  /** Every revision of one record with the fields it changed, old and new values. */
  @GET
  @Path("records/{type}/{id}")
  public List<RecordChange> history(@PathParam("type") String type, @PathParam("id") long id) {
    return search.history(type, id);
  }

  /** The matching entries as CSV, PDF or JSON, streamed, with header, row count and checksum. */
  @GET
  @Path("export")
  @Produces({"text/csv", "application/pdf", MediaType.APPLICATION_JSON})
  public Response export(
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("user") String user,
      @QueryParam("recordType") String recordType,
      @QueryParam("recordId") String recordId,
      @QueryParam("action") String action,
      @QueryParam("record") String record) {
    ExportFormat chosen = ExportFormat.of(format);
    AuditQuery query =
        AuditQueryParameters.query(from, to, user, recordType, recordId, action, record);
    StreamingOutput body = out -> export.export(query, chosen, out);
    return Response.ok(body, chosen.contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"audit-trail." + chosen.extension() + "\"")
        .build();
  }
}
