package com.batchtrace.quality.control;

import com.batchtrace.collection.boundary.Point;
import com.batchtrace.compliance.audit.boundary.AuditEntry;
import com.batchtrace.compliance.signature.boundary.SignatureView;
import com.batchtrace.execution.boundary.BatchRunView.EntryView;
import com.batchtrace.execution.boundary.BatchRunView.MaterialNeed;
import com.batchtrace.execution.boundary.BatchRunView.ParameterRun;
import com.batchtrace.execution.boundary.BatchRunView.StepRunView;
import com.batchtrace.execution.boundary.Charge;
import com.batchtrace.execution.boundary.ExceptionView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.genealogy.boundary.TracedLot;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The machine-readable batch record of an archive package: UTF-8 JSON that validates against the
 * published schema {@value #SCHEMA} (in the repository under ejb/src/main/resources/archive and in
 * every package). Format 1; a later version only adds fields, so a reader of format 1 reads every
 * later record. Times are UTC (ISO 8601), quantities decimal numbers with their unit beside them.
 */
public final class ArchiveJson {

  /** The schema's file name, in the repository and in each package. */
  public static final String SCHEMA = "batch-record-v1.schema.json";

  public static final String FORMAT = "batchtrace-batch-record";

  public static final int VERSION = 1;

  private ArchiveJson() {}

  /** The record as pretty-printed UTF-8 JSON. */
  public static byte[] write(ArchiveContent c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var writer =
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(out, java.nio.charset.StandardCharsets.UTF_8)) {
      writer.writeObject(record(c));
    }
    return out.toByteArray();
  }

  static JsonObject record(ArchiveContent c) {
    var run = c.run();
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("format", FORMAT).add("formatVersion", VERSION).add("schema", SCHEMA);
    JsonObjectBuilder archive = Json.createObjectBuilder();
    put(archive, "package", c.packageName());
    put(archive, "reason", c.reason());
    put(archive, "archivedAt", c.archivedAt());
    put(archive, "archivedById", c.archivedById());
    put(archive, "archivedByName", c.archivedByName());
    o.add("archive", archive);
    JsonObjectBuilder batch = Json.createObjectBuilder();
    put(batch, "batchNumber", run.batchNumber());
    put(batch, "productCode", run.productCode());
    put(batch, "productName", run.productName());
    put(batch, "masterBatchRecord", run.masterBatchRecord());
    put(batch, "line", run.line());
    put(batch, "plannedQuantity", run.plannedQuantity());
    put(batch, "unit", run.unit());
    put(batch, "status", c.status());
    o.add("batch", batch);
    o.add("steps", array(run.steps(), ArchiveJson::step));
    o.add("exceptions", array(c.exceptions(), ArchiveJson::exception));
    o.add("processData", array(c.processData(), ArchiveJson::process));
    o.add("producedLots", array(c.producedLots(), ArchiveJson::lot));
    o.add("genealogy", array(c.genealogy(), ArchiveJson::genealogy));
    o.add("auditTrail", array(c.auditTrail(), ArchiveJson::audit));
    if (c.decision() == null) {
      o.add("decision", JsonValue.NULL);
    } else {
      o.add("decision", signature(c.decision()));
    }
    return o.build();
  }

  private static JsonObjectBuilder step(StepRunView s) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("position", s.position());
    put(o, "operation", s.operation());
    put(o, "name", s.name());
    put(o, "instructions", s.instructions());
    o.add("requiresVerification", s.requiresVerification());
    put(o, "status", s.status());
    put(o, "startedAt", s.startedAt());
    put(o, "startedBy", s.startedBy());
    put(o, "performedAt", s.performedAt());
    put(o, "performedBy", s.performedBy());
    put(o, "verifiedAt", s.verifiedAt());
    put(o, "verifiedBy", s.verifiedBy());
    o.add("materials", array(s.materials(), ArchiveJson::material));
    o.add("charges", array(s.charges(), ArchiveJson::charge));
    o.add("parameters", array(s.parameters(), ArchiveJson::parameter));
    o.add("entries", array(s.entries(), ArchiveJson::entry));
    o.add("signatures", array(s.signatures(), ArchiveJson::signature));
    return o;
  }

  private static JsonObjectBuilder material(MaterialNeed m) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "materialCode", m.materialCode());
    put(o, "materialName", m.materialName());
    put(o, "quantity", m.quantity());
    put(o, "tolerancePercent", m.tolerancePercent());
    put(o, "minimum", m.minimum());
    put(o, "maximum", m.maximum());
    put(o, "charged", m.charged());
    put(o, "unit", m.unit());
    return o;
  }

  private static JsonObjectBuilder charge(Charge ch) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "lotNumber", ch.lotNumber());
    put(o, "materialCode", ch.materialCode());
    put(o, "quantity", ch.quantity());
    put(o, "unit", ch.unit());
    put(o, "chargedAt", ch.chargedAt());
    return o;
  }

  private static JsonObjectBuilder parameter(ParameterRun p) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "name", p.name());
    put(o, "source", p.manual() ? "manual" : "machine");
    put(o, "tag", p.tag());
    put(o, "unit", p.unit());
    put(o, "low", p.lowLimit());
    put(o, "high", p.highLimit());
    o.add("critical", p.critical());
    return o;
  }

  private static JsonObjectBuilder entry(EntryView e) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("id", e.id());
    put(o, "parameter", e.parameter());
    put(o, "value", e.value());
    put(o, "unit", e.unit());
    put(o, "limits", e.limits());
    o.add("withinLimits", e.withinLimits());
    put(o, "comment", e.comment());
    put(o, "takenAt", e.takenAt());
    put(o, "enteredAt", e.enteredAt());
    put(o, "enteredBy", e.enteredBy());
    put(o, "enteredByName", e.enteredByName());
    o.add("late", e.late());
    if (e.correctionOf() == null) {
      o.add("correctionOf", JsonValue.NULL);
    } else {
      o.add("correctionOf", e.correctionOf());
    }
    put(o, "correctionReason", e.correctionReason());
    put(o, "supersededAt", e.supersededAt());
    return o;
  }

  private static JsonObjectBuilder signature(SignatureView s) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "meaning", s.meaning());
    put(o, "meaningLabel", s.meaningLabel());
    put(o, "signerId", s.signerId());
    put(o, "signerAccount", s.signerAccount());
    put(o, "signerName", s.signerName());
    put(o, "signedAt", s.signedAt());
    put(o, "reason", s.reason());
    put(o, "contentSha256", s.contentSha256());
    o.add("valid", s.valid());
    return o;
  }

  private static JsonObjectBuilder exception(ArchiveContent.Exception r) {
    ExceptionView x = r.exception();
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("id", x.id());
    put(o, "kind", x.kind());
    if (x.stepPosition() == null) {
      o.add("stepPosition", JsonValue.NULL);
    } else {
      o.add("stepPosition", x.stepPosition());
    }
    put(o, "parameter", x.parameter());
    put(o, "topic", x.topic());
    put(o, "startedAt", x.startedAt());
    put(o, "endedAt", x.endedAt());
    put(o, "worstValue", x.worstValue());
    put(o, "detail", x.detail());
    put(o, "raisedBy", x.raisedBy());
    if (r.disposition() == null) {
      o.add("disposition", JsonValue.NULL);
    } else {
      JsonObjectBuilder d = Json.createObjectBuilder();
      put(d, "decision", r.disposition());
      put(d, "justification", r.justification());
      put(d, "deviationReference", r.deviationReference());
      d.add("signatures", array(r.signatures(), ArchiveJson::signature));
      o.add("disposition", d);
    }
    return o;
  }

  private static JsonObjectBuilder process(ArchiveContent.ProcessSummary summary) {
    var p = summary.series();
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("stepPosition", p.stepPosition());
    put(o, "step", p.step());
    put(o, "parameter", p.parameter());
    put(o, "tag", p.tag());
    put(o, "topic", p.topic());
    put(o, "unit", p.unit());
    put(o, "low", p.low());
    put(o, "high", p.high());
    o.add("critical", p.critical());
    o.add("samples", p.samples());
    o.add("downsampled", p.downsampled());
    put(o, "minimum", summary.minimum());
    put(o, "maximum", summary.maximum());
    put(o, "mean", summary.mean());
    o.add("secondsOutOfLimits", summary.outOfLimits().toMillis() / 1000.0);
    o.add("points", array(p.points(), ArchiveJson::point));
    return o;
  }

  private static JsonObjectBuilder point(Point p) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "ts", p.ts());
    put(o, "value", p.value());
    return o;
  }

  private static JsonObjectBuilder lot(LotView l) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "lotNumber", l.lotNumber());
    put(o, "materialCode", l.materialCode());
    put(o, "materialName", l.materialName());
    put(o, "quantity", l.receivedQuantity());
    put(o, "unit", l.unit());
    put(o, "status", l.status());
    return o;
  }

  private static JsonObjectBuilder genealogy(ArchiveContent.Genealogy g) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "lotNumber", g.lotNumber());
    o.add("backward", array(g.backward(), ArchiveJson::traced));
    o.add("forward", array(g.forward(), ArchiveJson::traced));
    return o;
  }

  private static JsonObjectBuilder traced(TracedLot l) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    put(o, "lotNumber", l.lotNumber());
    put(o, "materialCode", l.materialCode());
    put(o, "materialKind", l.materialKind());
    put(o, "status", l.status());
    put(o, "producedByBatch", l.producedByBatch());
    return o;
  }

  private static JsonObjectBuilder audit(AuditEntry a) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("revision", a.revision());
    put(o, "time", a.time());
    put(o, "userId", a.userId());
    put(o, "userName", a.userName());
    put(o, "userAccount", a.userAccount());
    put(o, "client", a.clientAddress());
    put(o, "recordType", a.recordType());
    o.add("recordId", a.recordId());
    put(o, "action", a.action());
    put(o, "reason", a.reason());
    return o;
  }

  private static <T> JsonArrayBuilder array(List<T> items, Function<T, JsonObjectBuilder> each) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    items.forEach(i -> a.add(each.apply(i)));
    return a;
  }

  private static void put(JsonObjectBuilder o, String name, Object value) {
    if (value == null) {
      o.add(name, JsonValue.NULL);
    } else if (value instanceof BigDecimal d) {
      o.add(name, d);
    } else if (value instanceof Double d) {
      // JSON has no NaN or infinity; such a value is recorded as null (never stored, in practice)
      if (Double.isFinite(d)) {
        o.add(name, d);
      } else {
        o.add(name, JsonValue.NULL);
      }
    } else {
      o.add(name, value.toString());
    }
  }
}
