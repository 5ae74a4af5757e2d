package com.batchtrace.collection.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
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
   * Maps a tag of the equipment; {@code source} is null for the equipment's UNS path and the tag.
   */
  @Transactional
  public TagView create(
      long equipmentId,
      String tag,
      String source,
      String unit,
      Integer intervalSeconds,
      String reason) {
    actor.require(Roles.ADMIN);
    Equipment equipment = em.find(Equipment.class, equipmentId);
    UnsTag created = new UnsTag(equipment, tag, source, unit, intervalSeconds);
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
      boolean active) {

    static TagView of(UnsTag t) {
      return new TagView(
          t.getId(),
          t.getEquipment().getId(),
          t.getEquipment().getUnsPath(),
          t.getTag(),
          t.getTopic(),
          t.getUnit(),
          t.getExpectedIntervalSeconds(),
          t.isActive());
    }
  }
}
