package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.ChargeEvent;
import com.batchtrace.collection.control.ExceptionDetector;
import com.batchtrace.collection.control.PayloadDecoder;
import com.batchtrace.collection.control.ProcessData;
import com.batchtrace.collection.control.Sample;
import com.batchtrace.collection.control.Shifts;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.genealogy.boundary.BatchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a machine value gets its batch: every message from MQTT or REST passes here, in batches, in
 * one transaction (the collector acknowledges the messages only after it commits). Each value is
 * stored once with the batch, step, product and shift of its equipment at its own time; unreadable
 * payloads go to the dead letters with the reason; values on unmapped topics are counted per topic;
 * critical parameters out of limits, resumed tags and charge events go to the {@link
 * ExceptionDetector} and the batch service.
 */
@ApplicationScoped
public class Ingestion {

  @Inject ProcessData data;

  @Inject ExceptionDetector exceptions;

  @Inject BatchService batches;

  @Inject AuditTrail auditTrail;

  @Transactional
  @ActivateRequestContext
  public IngestReport ingest(List<InboundMessage> messages) {
    auditTrail.creating(null, "Detected in machine data from the line");
    List<Sample> samples = new ArrayList<>();
    List<ChargeEvent> charges = new ArrayList<>();
    String source = messages.isEmpty() ? "MQTT" : messages.get(0).source();
    Map<String, byte[]> payloads = new HashMap<>();
    int deadLettered = 0;
    for (InboundMessage message : messages) {
      PayloadDecoder.Decoded decoded = PayloadDecoder.decode(message.topic(), message.payload());
      if (decoded instanceof PayloadDecoder.Refused refused) {
        data.deadLetter(message.source(), message.topic(), message.payload(), refused.reason());
        deadLettered++;
      } else if (decoded instanceof PayloadDecoder.Values values) {
        for (Sample s : values.samples()) {
          samples.add(
              new Sample(
                  s.address(), s.ts().truncatedTo(ChronoUnit.MICROS), s.value(), s.quality()));
          payloads.put(s.address(), message.payload());
        }
      } else if (decoded instanceof PayloadDecoder.Charge charge) {
        charges.add(charge.event());
      }
    }
    Map<String, ProcessData.TagRef> tags = data.tags(payloads.keySet());
    Map<String, Integer> unmapped = new LinkedHashMap<>();
    List<Sample> mapped = new ArrayList<>();
    for (Sample s : samples) {
      if (tags.containsKey(s.address())) {
        mapped.add(s);
      } else {
        unmapped.merge(s.address(), 1, Integer::sum);
      }
    }
    unmapped.forEach((topic, seen) -> data.unmapped(topic, payloads.get(topic), seen));

    List<ProcessData.Row> stored = data.insert(rows(mapped, tags));
    detect(stored, tags);
    int acted = 0;
    for (ChargeEvent charge : charges) {
      if (act(charge, source)) {
        acted++;
      } else {
        deadLettered++;
      }
    }
    return new IngestReport(
        messages.size(),
        stored.size(),
        mapped.size() - stored.size(),
        samples.size() - mapped.size(),
        deadLettered,
        acted);
  }

  private List<ProcessData.Row> rows(List<Sample> mapped, Map<String, ProcessData.TagRef> tags) {
    if (mapped.isEmpty()) {
      return List.of();
    }
    Instant from = mapped.stream().map(Sample::ts).min(Comparator.naturalOrder()).orElseThrow();
    Instant to = mapped.stream().map(Sample::ts).max(Comparator.naturalOrder()).orElseThrow();
    List<ProcessData.Run> runs = data.runs(from, to);
    List<ProcessData.Row> rows = new ArrayList<>(mapped.size());
    for (Sample s : mapped) {
      ProcessData.TagRef tag = tags.get(s.address());
      Optional<ProcessData.Run> run = runAt(runs, tag.equipmentPath(), s.ts());
      rows.add(
          new ProcessData.Row(
              tag.id(),
              s.ts(),
              s.value(),
              s.quality(),
              tag.equipmentId(),
              run.map(ProcessData.Run::batchId).orElse(null),
              run.map(ProcessData.Run::step).orElse(null),
              run.map(ProcessData.Run::product).orElse(null),
              Shifts.of(s.ts())));
    }
    return rows;
  }

  /** The most specific step run covering the equipment at that time (a unit before its line). */
  private static Optional<ProcessData.Run> runAt(
      List<ProcessData.Run> runs, String equipmentPath, Instant ts) {
    return runs.stream()
        .filter(r -> r.covers(equipmentPath, ts))
        .max(Comparator.comparingInt(r -> r.equipmentPath().length()));
  }

  private void detect(List<ProcessData.Row> stored, Map<String, ProcessData.TagRef> tags) {
    Map<Long, String> tagNames = new HashMap<>();
    tags.values().forEach(t -> tagNames.put(t.id(), t.tag()));
    Map<String, Optional<ProcessData.Limits>> limits = new HashMap<>();
    Map<String, ProcessData.Row> firstPerSeries = new LinkedHashMap<>();
    Map<Long, Long> records = new HashMap<>();
    List<ProcessData.Row> inContext =
        stored.stream()
            .filter(r -> r.batchId() != null)
            .sorted(Comparator.comparing(ProcessData.Row::ts))
            .toList();
    if (inContext.isEmpty()) {
      return;
    }
    for (ProcessData.Run run :
        data.runs(inContext.get(0).ts(), inContext.get(inContext.size() - 1).ts())) {
      records.put(run.batchId(), run.recordId());
    }
    for (ProcessData.Row row : inContext) {
      String series = row.batchId() + "/" + row.step() + "/" + row.tagId();
      firstPerSeries.putIfAbsent(series, row);
      Long record = records.get(row.batchId());
      if (record == null) {
        continue;
      }
      Optional<ProcessData.Limits> parameter =
          limits.computeIfAbsent(
              series,
              k ->
                  data.limits(record, row.step(), tagNames.get(row.tagId())).stream()
                      .filter(ProcessData.Limits::critical)
                      .findFirst());
      parameter.ifPresent(
          p ->
              exceptions.observe(row.batchId(), row.step(), row.tagId(), p, row.ts(), row.value()));
    }
    firstPerSeries
        .values()
        .forEach(r -> exceptions.resumed(r.batchId(), r.step(), r.tagId(), r.ts()));
  }

  /**
   * A charge event: acted on once (accepted, or refused as an exception); false if no batch ran.
   */
  private boolean act(ChargeEvent charge, String source) {
    Optional<ProcessData.Run> run =
        runAt(data.runs(charge.ts(), charge.ts()), charge.equipmentPath(), charge.ts());
    if (run.isEmpty()) {
      data.deadLetter(
          source,
          charge.topic(),
          charge.payload(),
          "No batch step was running on " + charge.equipmentPath() + " at " + charge.ts() + ".");
      return false;
    }
    if (!data.firstDelivery(charge.topic(), charge.ts())) {
      return true;
    }
    long batchId = run.get().batchId();
    Optional<String> refusal =
        batches.refusalOfCharge(batchId, charge.lotNumber(), charge.quantity());
    if (refusal.isPresent()) {
      exceptions.refusedCharge(
          batchId,
          run.get().step(),
          charge.ts(),
          "Lot "
              + charge.lotNumber()
              + " refused at "
              + charge.equipmentPath()
              + ": "
              + refusal.get());
    } else {
      batches.charge(batchId, charge.lotNumber(), charge.quantity());
    }
    return true;
  }
}
