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

  @Inject transient MaterialService materials;

  private List<MaterialView> all;
  private String code;
  private String name;
  private String kind = "RAW";
  private String unit = "kg";
  private Integer shelfLifeDays;

  public List<MaterialView> getAll() {
    if (all == null) {
      all = materials.all();
    }
    return all;
  }

  public void add() {
    NewMaterial request = new NewMaterial(code, name, kind, unit, shelfLifeDays, null);
    if (Feedback.attempt(() -> materials.create(request), "Material " + code + " added.")) {
      all = null;
      code = null;
      name = null;
      shelfLifeDays = null;
    }
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
