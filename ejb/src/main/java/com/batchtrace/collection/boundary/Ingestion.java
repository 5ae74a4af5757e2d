package com.batchtrace.collection.boundary;

import com.batchtrace.collection.control.ChargeEvent;
import com.batchtrace.collection.control.ConflictingValues;
import com.batchtrace.collection.control.PayloadDecoder;
import com.batchtrace.collection.control.Plausibility;
import com.batchtrace.collection.control.ProcessData;
import com.batchtrace.collection.control.Sample;
import com.batchtrace.collection.control.Shifts;
import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.execution.boundary.MachineDataEvents;
import com.batchtrace.execution.entity.CriticalLimits;
import com.batchtrace.execution.entity.MachineReading;
import com.batchtrace.identity.boundary.Actor;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.platform.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  @Inject ConflictingValues conflicting;

  @Inject MachineDataEvents batchRecord;

  @Inject AuditTrail auditTrail;

  @Inject Clock clock;

  @Inject CurrentActor actor;

  /**
   * Fault injection for the operational qualification, off unless set: a message on this topic
   * makes the ingestion throw an Error, as a defect would, to show that the collector's writer
   * survives it (BATCHTRACE_FAULT_INJECTION_TOPIC; never set in production).
   */
  private static final String FAULT_TOPIC = Settings.text("BATCHTRACE_FAULT_INJECTION_TOPIC", "");

  @Transactional
  @ActivateRequestContext
  public IngestReport ingest(List<InboundMessage> messages) {
    if (!FAULT_TOPIC.isEmpty() && messages.stream().anyMatch(m -> m.topic().equals(FAULT_TOPIC))) {
      throw new AssertionError("fault injected on " + FAULT_TOPIC);
    }
    auditTrail.creating(null, "Detected in machine data from the line");
    return take(messages, data::deadLetter, true);
  }

  /**
   * Takes a dead letter's message again after its cause was fixed, in a transaction of its own (the
   * admin's reason is its default reason): stored or acted on as if it arrived now (a value or
   * charge taken before is not taken twice). When it still cannot be taken, everything it did is
   * rolled back and the reason is thrown; nothing becomes a dead letter or an unmapped count again.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public IngestReport again(InboundMessage message, String reason) {
    auditTrail.creating(reason, "Dead letter re-processed");
    List<String> reasons = new ArrayList<>();
    // The message is the line's, taken as the collector takes it: the rules for data from the
    // line apply, not the admin's own (an admin works on no line). The attempt itself is recorded
    // under the admin's name and reason (DeadLetters).
    Actor admin = actor.get();
    actor.set(Actor.SYSTEM);
    IngestReport report;
    try {
      report = take(List.of(message), (source, topic, payload, why) -> reasons.add(why), false);
    } finally {
      actor.set(admin);
    }
    if (!reasons.isEmpty()) {
      throw new RuleViolation(reasons.get(0));
    }
    return report;
  }

  /** Where a message that cannot be taken goes: the dead letters, or the re-processing's answer. */
  private interface Refusals {
    void refuse(String source, String topic, byte[] payload, String reason);
  }

  private IngestReport take(
      List<InboundMessage> messages, Refusals refusals, boolean countUnmapped) {
    List<Sample> samples = new ArrayList<>();
    List<ChargeEvent> charges = new ArrayList<>();
    String source = messages.isEmpty() ? "MQTT" : messages.get(0).source();
    Map<String, byte[]> payloads = new HashMap<>();
    int deadLettered = 0;
    Instant now = clock.instant();
    // Which topics are a scale's or scanner's charge events: only those carry charges.
    Map<String, ProcessData.TagRef> messageTags =
        data.tags(
            messages.stream()
                .map(InboundMessage::topic)
                .filter(topic -> Plausibility.ofTopic(topic).isEmpty())
                .collect(Collectors.toSet()));
    for (InboundMessage message : messages) {
      Optional<String> implausible =
          Plausibility.ofSize(message.payload().length)
              .or(() -> Plausibility.ofTopic(message.topic()));
      ProcessData.TagRef mapped = messageTags.get(message.topic());
      String chargeEquipment =
          mapped != null && mapped.chargeEvents() ? mapped.equipmentPath() : null;
      PayloadDecoder.Decoded decoded =
          implausible.isPresent()
              ? new PayloadDecoder.Refused(implausible.get())
              : plausible(
                  PayloadDecoder.decode(message.topic(), message.payload(), chargeEquipment), now);
      if (decoded instanceof PayloadDecoder.Refused refused) {
        refusals.refuse(message.source(), message.topic(), message.payload(), refused.reason());
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
    // JSON values arrive on their tag's own topic, looked up already; only the rest (Sparkplug
    // metric addresses) is asked for.
    Map<String, ProcessData.TagRef> tags = new HashMap<>(messageTags);
    tags.putAll(
        data.tags(
            payloads.keySet().stream()
                .filter(address -> !messageTags.containsKey(address))
                .collect(Collectors.toSet())));
    Map<String, Integer> unmapped = new LinkedHashMap<>();
    List<Sample> mapped = new ArrayList<>();
    for (Sample s : samples) {
      if (tags.containsKey(s.address())) {
        mapped.add(s);
      } else {
        unmapped.merge(s.address(), 1, Integer::sum);
      }
    }
    if (countUnmapped) {
      unmapped.forEach((topic, seen) -> data.unmapped(topic, payloads.get(topic), seen));
    } else {
      unmapped
          .keySet()
          .forEach(
              topic ->
                  refusals.refuse(
                      source,
                      topic,
                      payloads.get(topic),
                      "No tag maps " + topic + ": map it, then re-process."));
    }

    List<ProcessData.Run> runs = runs(mapped);
    List<ProcessData.Row> rows = rows(mapped, tags, runs);
    List<ProcessData.Row> stored = data.insert(rows);
    Set<ProcessData.Row> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    kept.addAll(stored);
    List<ConflictingValues.Conflict> conflicts =
        conflicting.keep(
            conflicting.of(rows.stream().filter(r -> !kept.contains(r)).toList()), source);
    for (ConflictingValues.Conflict c : conflicts) {
      if (c.row().batchId() != null) {
        batchRecord.conflicting(
            c.row().batchId(),
            c.row().step(),
            c.row().tagId(),
            c.row().ts(),
            c.storedValue(),
            c.row().value(),
            source);
      }
    }
    detect(stored, tags, runs);
    int acted = 0;
    for (ChargeEvent charge : charges) {
      if (act(charge, source, refusals)) {
        acted++;
      } else {
        deadLettered++;
      }
    }
    return new IngestReport(
        messages.size(),
        stored.size(),
        mapped.size() - stored.size() - conflicts.size(),
        samples.size() - mapped.size(),
        deadLettered,
        acted,
        conflicts.size());
  }

  /** The decoded message, or refused when one of its times is implausible. */
  private static PayloadDecoder.Decoded plausible(PayloadDecoder.Decoded decoded, Instant now) {
    Optional<String> refusal = Optional.empty();
    if (decoded instanceof PayloadDecoder.Values values) {
      refusal =
          values.samples().stream()
              .map(s -> Plausibility.ofTime(s.ts(), now))
              .flatMap(Optional::stream)
              .findFirst();
    } else if (decoded instanceof PayloadDecoder.Charge charge) {
      refusal = Plausibility.ofTime(charge.event().ts(), now);
    }
    return refusal.<PayloadDecoder.Decoded>map(PayloadDecoder.Refused::new).orElse(decoded);
  }

  /**
   * A message that cannot be stored, kept with the reason in a transaction of its own, so the rest
   * of its batch is stored and the stream goes on.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void deadLetter(InboundMessage message, String reason) {
    data.deadLetter(message.source(), message.topic(), message.payload(), reason);
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
  private boolean act(ChargeEvent charge, String source, Refusals refusals) {
    Optional<ProcessData.Run> run =
        runAt(data.runs(charge.ts(), charge.ts()), charge.equipmentPath(), charge.ts());
    if (run.isEmpty()) {
      refusals.refuse(
          source,
          charge.topic(),
          charge.payload(),
          "No batch step was running on " + charge.equipmentPath() + " at " + charge.ts() + ".");
      return false;
    }
    if (!data.firstDelivery(charge.topic(), charge.ts())) {
      return true;
    }
    boolean recorded =
        batchRecord.charged(
            run.get().batchId(),
            run.get().step(),
            charge.equipmentPath(),
            charge.lotNumber(),
            charge.quantity(),
            charge.ts());
    if (!recorded) {
      refusals.refuse(
          source,
          charge.topic(),
          charge.payload(),
          "Batch "
              + run.get().batchNumber()
              + " is decided by QA: its record is closed, the charge is not taken into it.");
      return false;
    }
    return true;
  }
}
