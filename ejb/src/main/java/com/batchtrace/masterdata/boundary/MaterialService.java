package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.masterdata.entity.MaterialKind;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads and maintains materials; every write is audited with its reason. */
@ApplicationScoped
public class MaterialService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MaterialView> all() {
    return em
        .createQuery("select m from Material m order by m.code", Material.class)
        .getResultList()
        .stream()
        .map(MaterialView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<MaterialView> byCode(String code) {
    return find(code).map(MaterialView::of);
  }

  /** The material with this code, for other contexts that refer to materials by code. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Material> find(String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return em.createQuery("select m from Material m where m.code = :c", Material.class)
        .setParameter("c", code.strip())
        .getResultStream()
        .findFirst();
  }

  @Transactional
  public MaterialView create(NewMaterial request) {
    return create(request, null);
  }

  /** A new material whose GS1 labels carry {@code gtin} (any valid GTIN form), or none. */
  @Transactional
  public MaterialView create(NewMaterial request, String gtin) {
    if (request == null) {
      throw new RuleViolation("The request has no material.");
    }
    actor.require(Roles.ADMIN);
    if (find(request.code()).isPresent()) {
      throw new RuleViolation(
          "A material with code '"
              + request.code().strip()
              + "' exists already. Nothing was added.");
    }
    if (request.shelfLifeDays() == null) {
      throw new RuleViolation("A material needs its shelf life in days.");
    }
    Material material =
        new Material(
            request.code(),
            request.name(),
            kind(request.kind()),
            request.unit(),
            request.shelfLifeDays());
    material.identifyBy(gtin);
    requireGtinOfNoOther(material, "Nothing was added.");
    auditTrail.creating(request.reason(), "Material created");
    em.persist(material);
    em.flush();
    return MaterialView.of(material);
  }

  /**
   * Changes a material's name, unit, shelf life and whether it is in use, with the reason for the
   * change (audited with old and new values). The code and kind identify the material and do not
   * change; lots already received keep their expiry.
   */
  @Transactional
  public MaterialView change(
      String code, String name, String unit, Integer shelfLifeDays, boolean active, String reason) {
    Material material =
        find(code)
            .orElseThrow(() -> new RuleViolation("There is no material with code '" + code + "'."));
    return change(code, name, unit, shelfLifeDays, active, material.getGtin(), reason);
  }

  /**
   * As {@link #change(String, String, String, Integer, boolean, String)}, and the GTIN its GS1
   * labels carry (any valid GTIN form, its check digit checked; blank for none), which no other
   * material may have.
   */
  @Transactional
  public MaterialView change(
      String code,
      String name,
      String unit,
      Integer shelfLifeDays,
      boolean active,
      String gtin,
      String reason) {
    actor.require(Roles.ADMIN);
    Material material =
        find(code)
            .orElseThrow(() -> new RuleViolation("There is no material with code '" + code + "'."));
    auditTrail.modifying(reason, "material " + material.getCode());
    if (shelfLifeDays == null) {
      throw new RuleViolation("A material needs its shelf life in days. Nothing was changed.");
    }
    material.rename(name);
    material.measureIn(unit);
    material.keepFor(shelfLifeDays);
    material.setActive(active);
    material.identifyBy(gtin);
    requireGtinOfNoOther(material, "Nothing was changed.");
    em.flush();
    return MaterialView.of(material);
  }

  /** Refuses a GTIN another material's labels carry already. */
  private void requireGtinOfNoOther(Material material, String nothingDone) {
    if (material.getGtin() == null) {
      return;
    }
    em.createQuery("select m.code from Material m where m.gtin = :g and m.code <> :c", String.class)
        .setParameter("g", material.getGtin())
        .setParameter("c", material.getCode())
        .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
        .getResultStream()
        .findFirst()
        .ifPresent(
            other -> {
              throw new RuleViolation(
                  "GTIN "
                      + material.getGtin()
                      + " is the GTIN of material "
                      + other
                      + " already. "
                      + nothingDone);
            });
  }

  private static MaterialKind kind(String kind) {
    try {
      return kind == null ? null : MaterialKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(
          "Material kind '"
              + kind
              + "' is not known; use one of "
              + Arrays.toString(MaterialKind.values())
              + ".");
    }
  }
}
