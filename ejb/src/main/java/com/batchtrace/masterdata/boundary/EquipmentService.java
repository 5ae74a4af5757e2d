package com.batchtrace.masterdata.boundary;

import com.batchtrace.compliance.audit.boundary.AuditTrail;
import com.batchtrace.compliance.audit.boundary.RecordRevision;
import com.batchtrace.identity.boundary.CurrentActor;
import com.batchtrace.identity.boundary.Roles;
import com.batchtrace.masterdata.entity.Equipment;
import com.batchtrace.platform.ConflictingChange;
import com.batchtrace.platform.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads and maintains the equipment hierarchy; every write is audited with its reason. */
@ApplicationScoped
public class EquipmentService {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail auditTrail;

  @Inject CurrentActor actor;

  /** The whole hierarchy in UNS path order, which is also tree order. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<EquipmentView> hierarchy() {
    return em
        .createQuery("select e from Equipment e order by e.unsPath", Equipment.class)
        .getResultList()
        .stream()
        .map(EquipmentView::of)
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<EquipmentView> find(long id) {
    return Optional.ofNullable(em.find(Equipment.class, id)).map(EquipmentView::of);
  }

  @Transactional
  public EquipmentView create(NewEquipment request) {
    Objects.requireNonNull(request, "request");
    actor.require(Roles.ADMIN);
    Equipment node =
        request.parentId() == null
            ? Equipment.enterprise(request.code(), request.name(), request.description())
            : load(request.parentId())
                .addChild(request.code(), request.name(), request.description());
    if (pathTaken(node.getUnsPath())) {
      throw new RuleViolation(
          "The UNS path '" + node.getUnsPath() + "' already exists: choose another code.");
    }
    auditTrail.creating(request.reason(), "Equipment created");
    em.persist(node);
    em.flush();
    return EquipmentView.of(node);
  }

  @Transactional
  public EquipmentView change(long id, EquipmentChange request) {
    Objects.requireNonNull(request, "request");
    actor.require(Roles.ADMIN);
    Equipment node = load(id);
    auditTrail.modifying(request.reason(), "equipment '" + node.getUnsPath() + "'");
    if (request.expectedVersion() != null && request.expectedVersion() != node.getVersion()) {
      throw new ConflictingChange(
          "Equipment '"
              + node.getUnsPath()
              + "' was changed by someone else after you opened it. Reload it and apply your"
              + " change again.");
    }
    node.rename(request.name());
    node.describe(request.description());
    if (request.active() && !node.isActive()) {
      node.activate();
    } else if (!request.active() && node.isActive()) {
      node.deactivate(hasActiveChildren(node));
    }
    em.flush();
    return EquipmentView.of(node);
  }

  /** Every revision of the node, oldest first, with who, when and why. */
  @Transactional
  public List<RecordRevision<EquipmentView>> history(long id) {
    load(id);
    return auditTrail.historyOf(Equipment.class, id, EquipmentView::of);
  }

  private Equipment load(long id) {
    Equipment node = em.find(Equipment.class, id);
    if (node == null) {
      throw new RuleViolation("There is no equipment with id " + id + ".");
    }
    return node;
  }

  private boolean pathTaken(String path) {
    return !em.createQuery("select e.id from Equipment e where e.unsPath = :p", Long.class)
        .setParameter("p", path)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private boolean hasActiveChildren(Equipment node) {
    return !em.createQuery(
            "select e.id from Equipment e where e.parent = :p and e.active = true", Long.class)
        .setParameter("p", node)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
