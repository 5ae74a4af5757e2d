package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.ChargeEvent;
import com.batchtrace.collection.control.PayloadDecoder;
import com.batchtrace.collection.control.ProcessData;
import com.batchtrace.collection.control.Sample;
import com.batchtrace.collection.control.Shifts;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.execution.boundary.MachineDataEvents;
import com.batchtrace.execution.entity.CriticalLimits;
import com.batchtrace.execution.entity.MachineReading;
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
 * MachineDataEvents} of the batch record.
 */
@ApplicationScoped
public class Ingestion {

  @Inject ProcessData data;

  @Inject MachineDataEvents batchRecord;

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

    List<ProcessData.Run> runs = runs(mapped);
    List<ProcessData.Row> stored = data.insert(rows(mapped, tags, runs));
    detect(stored, tags, runs);
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

  /** The step runs that overlap the values' times (one query for all of them). */
  private List<ProcessData.Run> runs(List<Sample> mapped) {
    if (mapped.isEmpty()) {
      return List.of();
    }
    Instant from = mapped.stream().map(Sample::ts).min(Comparator.naturalOrder()).orElseThrow();
    Instant to = mapped.stream().map(Sample::ts).max(Comparator.naturalOrder()).orElseThrow();
    return data.runs(from, to);
  }

  private static List<ProcessData.Row> rows(
      List<Sample> mapped, Map<String, ProcessData.TagRef> tags, List<ProcessData.Run> runs) {
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

  /**
   * The stored values in a batch's context, per batch, step and tag in time order: a critical
   * parameter's values go to the excursion check, and the first value of a tag with an expected
   * interval ends a gap it was in (only such tags have gaps).
   */
  private void detect(
      List<ProcessData.Row> stored,
      Map<String, ProcessData.TagRef> tags,
      List<ProcessData.Run> runs) {
    Map<Long, ProcessData.TagRef> tagsById = new HashMap<>();
    tags.values().forEach(t -> tagsById.put(t.id(), t));
    Map<Long, Long> records = new HashMap<>();
    runs.forEach(run -> records.put(run.batchId(), run.recordId()));
    Map<String, List<ProcessData.Row>> series = new LinkedHashMap<>();
    stored.stream()
        .filter(r -> r.batchId() != null)
        .sorted(Comparator.comparing(ProcessData.Row::ts))
        .forEach(
            r ->
                series
                    .computeIfAbsent(
                        r.batchId() + "/" + r.step() + "/" + r.tagId(), k -> new ArrayList<>())
                    .add(r));
    for (List<ProcessData.Row> values : series.values()) {
      ProcessData.Row first = values.get(0);
      ProcessData.TagRef tag = tagsById.get(first.tagId());
      data.limits(records.get(first.batchId()), first.step(), tag.tag()).stream()
          .filter(ProcessData.Limits::critical)
          .findFirst()
          .ifPresent(
              limits ->
                  batchRecord.criticalValues(
                      first.batchId(),
                      first.step(),
                      first.tagId(),
                      new CriticalLimits(limits.name(), limits.low(), limits.high()),
                      values.stream().map(v -> new MachineReading(v.ts(), v.value())).toList()));
      if (tag.intervalSeconds() != null) {
        batchRecord.tagResumed(first.batchId(), first.step(), first.tagId(), first.ts());
      }
    }
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
    batchRecord.charged(
        run.get().batchId(),
        run.get().step(),
        charge.equipmentPath(),
        charge.lotNumber(),
        charge.quantity(),
        charge.ts());
    return true;
  }
}
