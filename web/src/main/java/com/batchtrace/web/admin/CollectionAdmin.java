package com.batchtrace.web.admin;

import com.batchtrace.collection.boundary.CollectionMonitor;
import com.batchtrace.collection.boundary.CollectionStatus;
import com.batchtrace.collection.boundary.DeadLetter;
import com.batchtrace.collection.boundary.DeadLetters;
import com.batchtrace.collection.boundary.TagService;
import com.batchtrace.collection.boundary.UnmappedTopic;
import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.SignatureForm;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Backing bean of admin/collection.xhtml: the collector's broker connection (refreshed while the
 * page is open), the tag mapping and a form to map a tag, the topics seen that no tag maps (one
 * click fills the form), and the dead letters.
 */
@Named
@ViewScoped
public class CollectionAdmin implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int SHOWN = 200;

  @Inject CollectionMonitor monitor;

  @Inject java.time.Clock clock;

  @Inject TagService tags;

  @Inject EquipmentService equipment;

  @Inject DeadLetters deadLetters;

  @Inject SignatureForm signatureForm;

  private DeadLetter chosenLetter;
  private String reprocessReason;

  /** Opens the re-processing form for the dead letter, in place above the list. */
  public void choose(DeadLetter letter) {
    chosenLetter = letter;
    reprocessReason = null;
  }

  public void cancelReprocess() {
    chosenLetter = null;
    reprocessReason = null;
  }

  /**
   * Before the signature dialog opens: the reason is asked first, so an empty one is said before
   * any password is typed.
   */
  public void confirmReprocess() {
    boolean ready = chosenLetter != null && reprocessReason != null && !reprocessReason.isBlank();
    if (chosenLetter != null && !ready) {
      Feedback.refuse("Enter the reason for re-processing first. Nothing was changed.");
    }
    if (ready) {
      signatureForm.asSignedInUser();
    }
    PrimeFaces.current().ajax().addCallbackParam("ready", ready);
  }

  /**
   * Takes the chosen dead letter again, signed; the answer (re-processed or failed again) in words.
   * The dialog closes only when the signature was accepted.
   */
  public void reprocess() {
    if (chosenLetter == null) {
      return;
    }
    long id = chosenLetter.id();
    Feedback.obtain(() -> deadLetters.reprocess(id, reprocessReason, signatureForm.take()), null)
        .ifPresent(
            outcome -> {
              if (outcome.reprocessed()) {
                Feedback.info(
                    "Dead letter on " + chosenLetter.topic() + " " + outcome.status() + ".");
              } else {
                Feedback.warn("Dead letter on " + chosenLetter.topic() + " " + outcome.status());
              }
              cancelReprocess();
            });
  }

  public DeadLetter getChosenLetter() {
    return chosenLetter;
  }

  public String getReprocessReason() {
    return reprocessReason;
  }

  public void setReprocessReason(String reprocessReason) {
    this.reprocessReason = reprocessReason;
  }

  private List<EquipmentView> activeEquipment;
  private Long equipmentId;
  private String tag;
  private String source;
  private String unit;
  private Integer interval;
  private String kind = "VALUES";
  private String reason;

  public void map() {
    long id = equipmentId;
    Feedback.obtain(
            () -> tags.create(id, tag, source, unit, interval, kind, reason),
            "Tag " + tag + " mapped.")
        .ifPresent(
            mapped -> {
              tag = null;
              source = null;
              reason = null;
            });
  }

  /** Fills the form from a topic nobody maps yet: its source, and its last level as the tag. */
  public void mapFrom(UnmappedTopic topic) {
    source = topic.topic();
    tag = topic.topic().substring(topic.topic().lastIndexOf('/') + 1).toLowerCase();
  }

  public CollectionStatus getStatus() {
    return monitor.status();
  }

  /** Newest first: a tag just mapped is on the first page, however many the site has. */
  public List<TagService.TagView> getTags() {
    return tags.all().stream()
        .sorted(java.util.Comparator.comparingLong(TagService.TagView::id).reversed())
        .toList();
  }

  private java.util.Map<Long, com.batchtrace.collection.boundary.TagLastValue> lastValues;

  private com.batchtrace.collection.boundary.TagLastValue last(TagService.TagView tag) {
    if (lastValues == null) {
      lastValues = monitor.lastValues();
    }
    return lastValues.get(tag.id());
  }

  /** The tag's last value with its unit, or "none yet". */
  public String lastValue(TagService.TagView tag) {
    var last = last(tag);
    if (last == null || last.value() == null) {
      return "none yet";
    }
    return java.math.BigDecimal.valueOf(last.value()).stripTrailingZeros().toPlainString()
        + (tag.unit() == null ? "" : " " + tag.unit());
  }

  /** When the tag's last value was taken, in the site's time; empty when it never sent one. */
  public String lastAt(TagService.TagView tag) {
    var last = last(tag);
    return last == null || last.ts() == null
        ? ""
        : com.batchtrace.platform.SiteZone.format(last.ts());
  }

  /**
   * Whether the tag has been silent longer than its expected interval (a tag without one is never
   * stale), and for how long, e.g. "silent for 12 min".
   */
  public String staleness(TagService.TagView tag) {
    Integer interval = tag.expectedIntervalSeconds();
    if (interval == null || !tag.active()) {
      return "";
    }
    var last = last(tag);
    if (last == null || last.ts() == null) {
      return "never sent a value";
    }
    java.time.Duration silent = java.time.Duration.between(last.ts(), clock.instant());
    if (silent.getSeconds() <= interval) {
      return "";
    }
    long minutes = silent.toMinutes();
    return "silent for "
        + (minutes < 1
            ? silent.getSeconds() + " s"
            : minutes < 120 ? minutes + " min" : silent.toHours() + " h");
  }

  public List<UnmappedTopic> getUnmapped() {
    return monitor.unmappedTopics(SHOWN);
  }

  public List<DeadLetter> getDeadLetters() {
    return monitor.deadLetters(SHOWN);
  }

  /** The active equipment, read once per view. */
  public List<EquipmentView> getEquipment() {
    if (activeEquipment == null) {
      activeEquipment = equipment.hierarchy().stream().filter(EquipmentView::active).toList();
    }
    return activeEquipment;
  }

  public Long getEquipmentId() {
    return equipmentId;
  }

  public void setEquipmentId(Long equipmentId) {
    this.equipmentId = equipmentId;
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public Integer getInterval() {
    return interval;
  }

  public void setInterval(Integer interval) {
    this.interval = interval;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
