package com.batchtrace.compliance.audit.control;

import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.audit.boundary.ExportHeader;
import com.batchtrace.compliance.audit.boundary.ExportResult;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.util.List;

/** JSON, written by a streaming generator: the header object, the rows array, then the footer. */
public final class JsonExportWriter implements ExportWriter {

  private final JsonGenerator json;

  public JsonExportWriter(OutputStream out) {
    this.json = Json.createGenerator(out);
  }

  @Override
  public void begin(ExportHeader h) {
    json.writeStartObject()
        .writeStartObject("export")
        .write("title", "Batchtrace audit trail export")
        .write("filter", h.filter())
        .write("exportedBy", h.exportedBy())
        .write("exportedByName", h.exportedByName())
        .write("exportedAt", h.exportedAt().toString())
        .writeStartObject("revisionChainHead")
        .write("position", h.chainHead().position())
        .write("sha256", h.chainHead().sha256())
        .writeEnd()
        .write("checksumRule", ExportHeader.CHECKSUM_RULE);
    if (h.signedCheckpoint() == null) {
      json.writeNull("signedCheckpoint");
    } else {
      json.write("signedCheckpoint", h.signedCheckpoint());
    }
    json.writeEnd().writeStartArray("rows");
  }

  @Override
  public void row(AuditEntry entry, byte[] csvLine) {
    json.writeStartObject();
    List<String> values = entry.values();
    for (int i = 0; i < values.size(); i++) {
      json.write(AuditEntry.COLUMNS.get(i), values.get(i));
    }
    json.writeEnd();
  }

  @Override
  public void end(ExportResult result, String seal) {
    json.writeEnd().write("rowCount", result.rows()).write("sha256", result.sha256());
    if (seal == null) {
      json.writeNull("signedSeal");
    } else {
      json.write("signedSeal", seal);
    }
    json.writeEnd();
    json.flush();
  }
}
