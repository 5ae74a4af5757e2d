package com.batchtrace.collection.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.masterdata.entity.TagKind;
import com.batchtrace.masterdata.entity.UnsTag;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The tag mapping: which topic or Sparkplug metric feeds which tag of which equipment. */
@ApplicationScoped
public class TagService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  /**
   * Maps a tag of the equipment; {@code source} is null for the equipment's UNS path and the tag,
   * {@code kind} what the topic carries: VALUES (default) or CHARGE_EVENTS (a scale's or scanner's
   * material-charged events).
   */
  @Transactional
  public TagView create(
      long equipmentId,
      String tag,
      String source,
      String unit,
      Integer intervalSeconds,
      String kind,
      String reason) {
    actor.require(Roles.ADMIN);
    Equipment equipment = em.find(Equipment.class, equipmentId);
    UnsTag created = new UnsTag(equipment, tag, source, unit, intervalSeconds).carrying(kind(kind));
    List<UnsTag> clash =
        em.createQuery(
                "select t from UnsTag t where t.topic = :topic"
                    + " or (t.equipment = :e and t.tag = :tag)",
                UnsTag.class)
            .setParameter("topic", created.getTopic())
            .setParameter("e", equipment)
            .setParameter("tag", created.getTag())
            .getResultList();
    if (!clash.isEmpty()) {
      throw new RuleViolation(
          "Tag "
              + created.getTag()
              + " or topic "
              + created.getTopic()
              + " is mapped already. Nothing was changed.");
    }
    auditTrail.creating(reason, "Tag mapped");
    em.persist(created);
    em.flush();
    return TagView.of(created);
  }

  private static TagKind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      return TagKind.VALUES;
    }
    for (TagKind k : TagKind.values()) {
      if (k.name().equalsIgnoreCase(kind.strip()) || k.label().equalsIgnoreCase(kind.strip())) {
        return k;
      }
    }
    throw new RuleViolation(
        "'kind' is VALUES or CHARGE_EVENTS, not '" + kind.strip() + "'. Nothing was changed.");
  }

  @Transactional
  public List<TagView> all() {
    return em.createQuery(
            "select t from UnsTag t join fetch t.equipment order by t.topic", UnsTag.class)
        .getResultStream()
        .map(TagView::of)
        .toList();
  }

  /** A mapped tag. */
  public record TagView(
      long id,
      long equipmentId,
      String equipment,
      String tag,
      String topic,
      String unit,
      Integer expectedIntervalSeconds,
      boolean active,
      String kind,
      String kindLabel) {

    static TagView of(UnsTag t) {
      return new TagView(
          t.getId(),
          t.getEquipment().getId(),
          t.getEquipment().getUnsPath(),
          t.getTag(),
          t.getTopic(),
          t.getUnit(),
          t.getExpectedIntervalSeconds(),
          t.isActive(),
          t.getKind().name(),
          t.getKind().label());
    }
  }
}
