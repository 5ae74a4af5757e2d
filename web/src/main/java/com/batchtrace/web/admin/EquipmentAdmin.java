package com.batchtrace.web.admin;

import com.batchtrace.compliance.audit.boundary.RecordRevision;
import com.batchtrace.masterdata.boundary.EquipmentChange;
import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.masterdata.boundary.NewEquipment;
import com.batchtrace.web.shell.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backing bean of admin/equipment.xhtml: the hierarchy, the add and edit forms and the history of
 * the selected node. Holds form state only; the service decides what is allowed.
 */
@Named
@ViewScoped
public class EquipmentAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject EquipmentService equipment;

  private List<EquipmentView> hierarchy;
  private List<EquipmentView> shown;
  private String filterText;
  private String order = "code";
  private String appliedText;
  private String appliedOrder = "code";
  private EquipmentView selected;
  private List<RecordRevision<EquipmentView>> history = List.of();

  /** Which form is open: "add", "edit" or none. */
  private String mode;

  /** The form of a new node; {@code parentId} null means a new enterprise. */
  private Long newParentId;

  private String newParentPath;
  private String newCode;
  private String newName;
  private String newDescription;

  private String editName;
  private String editDescription;
  private boolean editActive;
  private String reason;

  /** The nodes the filter keeps, each with the nodes above it, in tree order. */
  public List<EquipmentView> getHierarchy() {
    if (shown == null || hierarchy == null) {
      shown = EquipmentTree.shown(getAll(), appliedText, appliedOrder);
    }
    return shown;
  }

  /** Applies the filter and the order; a refused one leaves the hierarchy as it was shown. */
  public void apply() {
    Feedback.attempt(
        () -> {
          shown = EquipmentTree.shown(getAll(), filterText, order);
          appliedText = filterText;
          appliedOrder = order;
        },
        null);
  }

  public void clear() {
    filterText = null;
    apply();
  }

  /** What the hierarchy says when it shows no node. */
  public String getEmptyMessage() {
    return appliedText == null || appliedText.isBlank()
        ? "No equipment yet. Start with your enterprise."
        : "No equipment matches “"
            + appliedText.strip()
            + "” in its name, code or UNS path. Clear the filter to see the whole hierarchy.";
  }

  private List<EquipmentView> getAll() {
    if (hierarchy == null) {
      hierarchy = equipment.hierarchy();
    }
    return hierarchy;
  }

  public String getFilterText() {
    return filterText;
  }

  public void setFilterText(String filterText) {
    this.filterText = filterText;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }

  public void startAdd(EquipmentView parent) {
    mode = "add";
    newParentId = parent == null ? null : parent.id();
    newParentPath = parent == null ? null : parent.unsPath();
    newCode = null;
    newName = null;
    newDescription = null;
    reason = null;
  }

  public void add() {
    NewEquipment request = new NewEquipment(newParentId, newCode, newName, newDescription, reason);
    if (Feedback.attempt(() -> equipment.create(request), "Equipment " + newName + " added.")) {
      hierarchy = null;
      mode = null;
    }
  }

  public void startEdit(EquipmentView node) {
    select(node);
    mode = "edit";
    editName = node.name();
    editDescription = node.description();
    editActive = node.active();
    reason = null;
  }

  public void save() {
    EquipmentChange request =
        new EquipmentChange(editName, editDescription, editActive, selected.version(), reason);
    if (Feedback.attempt(
        () -> equipment.change(selected.id(), request), "Equipment " + editName + " saved.")) {
      hierarchy = null;
      mode = null;
      select(equipment.find(selected.id()).orElseThrow());
    }
  }

  public void select(EquipmentView node) {
    selected = node;
    history = equipment.history(node.id());
  }

  public String getMode() {
    return mode;
  }

  public EquipmentView getSelected() {
    return selected;
  }

  public List<RecordRevision<EquipmentView>> getHistory() {
    return history;
  }

  public String getNewParentPath() {
    return newParentPath;
  }

  public String getNewCode() {
    return newCode;
  }

  public void setNewCode(String newCode) {
    this.newCode = newCode;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewDescription() {
    return newDescription;
  }

  public void setNewDescription(String newDescription) {
    this.newDescription = newDescription;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditDescription() {
    return editDescription;
  }

  public void setEditDescription(String editDescription) {
    this.editDescription = editDescription;
  }

  public boolean isEditActive() {
    return editActive;
  }

  public void setEditActive(boolean editActive) {
    this.editActive = editActive;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
