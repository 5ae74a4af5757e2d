package com.batchtrace.web.admin;

import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.boundary.MaterialView;
import com.batchtrace.masterdata.boundary.NewMaterial;
import com.batchtrace.web.shell.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backing bean of admin/materials.xhtml: the materials and the form of a new one. */
@Named
@ViewScoped
public class MaterialsAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MaterialService materials;

  private List<MaterialView> all;
  private String code;
  private String name;
  private String kind = "RAW";
  private String unit = "kg";
  private Integer shelfLifeDays;
  private String gtin;

  private List<MaterialView> filtered;

  public List<MaterialView> getFiltered() {
    return filtered;
  }

  public void setFiltered(List<MaterialView> filtered) {
    this.filtered = filtered;
  }

  public List<MaterialView> getAll() {
    if (all == null) {
      all = materials.all();
    }
    return all;
  }

  public void add() {
    NewMaterial request = new NewMaterial(code, name, kind, unit, shelfLifeDays, null);
    String labelGtin = gtin;
    if (Feedback.attempt(
        () -> materials.create(request, labelGtin), "Material " + code + " added.")) {
      all = null;
      code = null;
      name = null;
      shelfLifeDays = null;
      gtin = null;
    }
  }

  /** The material being edited, and the edit form's fields. */
  private String editing;

  private String editName;
  private String editUnit;
  private Integer editShelfLife;
  private boolean editActive;
  private String editGtin;
  private String editReason;

  /** Opens a material's edit form with its current values. */
  public void edit(MaterialView m) {
    editing = m.code();
    editName = m.name();
    editUnit = m.unit();
    editShelfLife = m.shelfLifeDays();
    editActive = m.active();
    editGtin = m.gtin();
    editReason = null;
  }

  public void cancelEdit() {
    editing = null;
  }

  /** Saves the edit with its reason; the service checks every rule. */
  public void saveEdit() {
    String target = editing;
    if (Feedback.attempt(
        () ->
            materials.change(
                target, editName, editUnit, editShelfLife, editActive, editGtin, editReason),
        "Material " + target + " changed.")) {
      editing = null;
      all = null;
    }
  }

  public String getGtin() {
    return gtin;
  }

  public void setGtin(String gtin) {
    this.gtin = gtin;
  }

  public String getEditGtin() {
    return editGtin;
  }

  public void setEditGtin(String editGtin) {
    this.editGtin = editGtin;
  }

  public String getEditing() {
    return editing;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditUnit() {
    return editUnit;
  }

  public void setEditUnit(String editUnit) {
    this.editUnit = editUnit;
  }

  public Integer getEditShelfLife() {
    return editShelfLife;
  }

  public void setEditShelfLife(Integer editShelfLife) {
    this.editShelfLife = editShelfLife;
  }

  public boolean isEditActive() {
    return editActive;
  }

  public void setEditActive(boolean editActive) {
    this.editActive = editActive;
  }

  public String getEditReason() {
    return editReason;
  }

  public void setEditReason(String editReason) {
    this.editReason = editReason;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public Integer getShelfLifeDays() {
    return shelfLifeDays;
  }

  public void setShelfLifeDays(Integer shelfLifeDays) {
    this.shelfLifeDays = shelfLifeDays;
  }
}
