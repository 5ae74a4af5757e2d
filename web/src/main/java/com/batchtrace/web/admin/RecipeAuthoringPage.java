package com.batchtrace.web.admin;

import com.batchtrace.masterdata.boundary.MasterBatchRecordService;
import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.masterdata.boundary.MaterialService;
import com.batchtrace.masterdata.boundary.MaterialView;
import com.batchtrace.masterdata.boundary.RecordSpec;
import com.batchtrace.platform.RuleViolation;
import com.batchtrace.web.shell.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Backing bean of admin/recipes.xhtml: authoring master batch records. A draft's steps are edited
 * as a working copy on the page (adding and removing steps, materials and parameters changes
 * nothing stored); "Save draft" writes them with a reason for change, and only a saved draft can go
 * to QA's review. An approved version is read-only here; a change to it starts a new version.
 */
@Named
@ViewScoped
public class RecipeAuthoringPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MasterBatchRecordService records;

  @Inject MaterialService materials;

  @Inject com.batchtrace.collection.boundary.TagService tags;

  private List<MasterBatchRecordView> all;
  private List<MaterialView> materialsInUse;
  private MasterBatchRecordView selected;
  private List<RecordSpec.Step> steps = new ArrayList<>();
  private boolean unsaved;

  private String newProduct;
  private String reason;
  private java.math.BigDecimal yieldLow;
  private java.math.BigDecimal yieldHigh;

  private final StepForm step = new StepForm();
  private final MaterialForm material = new MaterialForm();
  private final ParameterForm parameter = new ParameterForm();

  /**
   * Starts the next version of a product and opens it: a copy of its latest approved version when
   * it has one (the usual change is a small one to what is in use), else an empty draft.
   */
  public void createDraft() {
    java.util.Optional<MasterBatchRecordView> approved =
        latestApproved(newProduct, Integer.MAX_VALUE);
    if (approved.isPresent()) {
      long from = approved.get().id();
      int fromVersion = approved.get().recordVersion();
      String why =
          reason == null || reason.isBlank()
              ? "New version from approved version " + fromVersion
              : reason;
      Feedback.obtain(() -> records.newVersion(from, why), null)
          .ifPresent(
              created -> {
                open(created);
                Feedback.info(
                    "Draft "
                        + created.product()
                        + " version "
                        + created.recordVersion()
                        + " created as a copy of approved version "
                        + fromVersion
                        + ".");
              });
      return;
    }
    Feedback.obtain(() -> records.create(newProduct, List.of(), reason), null)
        .ifPresent(
            created -> {
              open(created);
              Feedback.info(
                  "Draft "
                      + created.product()
                      + " version "
                      + created.recordVersion()
                      + " created.");
            });
  }

  public void open(MasterBatchRecordView record) {
    all = null;
    selected = record;
    steps = new ArrayList<>(record.steps());
    unsaved = false;
    reason = null;
    yieldLow = record.yieldLowPercent();
    yieldHigh = record.yieldHighPercent();
    compareWith = null;
    material.step = steps.isEmpty() ? null : steps.size();
    parameter.step = material.step;
  }

  public void addStep() {
    steps.add(
        new RecordSpec.Step(
            step.operation, step.name, step.instructions, step.verification, List.of(), List.of()));
    changed();
    material.step = steps.size();
    parameter.step = steps.size();
    step.name = null;
    step.instructions = null;
    step.verification = false;
  }

  public void removeStep(int position) {
    steps.remove(position - 1);
    changed();
  }

  /** Moves a step one place up (toward the start); the first stays first. */
  public void moveStepUp(int position) {
    if (position > 1 && position <= steps.size()) {
      steps.add(position - 2, steps.remove(position - 1));
      changed();
    }
  }

  /** Moves a step one place down; the last stays last. */
  public void moveStepDown(int position) {
    if (position >= 1 && position < steps.size()) {
      steps.add(position, steps.remove(position - 1));
      changed();
    }
  }

  /**
   * Copies a step, with its materials and parameters, right after it; the copy is named "(copy)" so
   * that two steps never share a name.
   */
  public void duplicateStep(int position) {
    if (position >= 1 && position <= steps.size()) {
      RecordSpec.Step s = steps.get(position - 1);
      steps.add(
          position,
          new RecordSpec.Step(
              s.operation(),
              s.name() + " (copy)",
              s.instructions(),
              s.requiresVerification(),
              s.materials(),
              s.parameters()));
      changed();
    }
  }

  /**
   * The version the working copy is compared with: by default the latest approved version before it
   * (what QA sees when approving), or the one chosen.
   */
  private Long compareWith;

  public Long getCompareWith() {
    if (compareWith == null && selected != null) {
      return latestApproved(selected.product(), selected.recordVersion())
          .map(MasterBatchRecordView::id)
          .orElse(null);
    }
    return compareWith;
  }

  public void setCompareWith(Long compareWith) {
    this.compareWith = compareWith;
  }

  /** The other versions of the selected record's product, to compare with. */
  public List<MasterBatchRecordView> getOtherVersions() {
    if (selected == null) {
      return List.of();
    }
    return getAll().stream()
        .filter(r -> r.product().equals(selected.product()) && r.id() != selected.id())
        .toList();
  }

  /** The version compared with, or null when there is none. */
  public MasterBatchRecordView getCompared() {
    Long id = getCompareWith();
    return id == null ? null : getAll().stream().filter(r -> r.id() == id).findFirst().orElse(null);
  }

  /** The working copy beside the version compared with: its yield limits, then step by step. */
  public List<RecordComparison.Row> getComparison() {
    MasterBatchRecordView other = getCompared();
    return other == null ? List.of() : RecordComparison.of(other, steps, yieldLow, yieldHigh);
  }

  /** The latest approved (or retired after approval) version of a product below a version. */
  private java.util.Optional<MasterBatchRecordView> latestApproved(String product, int below) {
    return getAll().stream()
        .filter(r -> r.product().equals(product) && r.recordVersion() < below)
        .filter(r -> r.status().equals("APPROVED") || r.status().equals("RETIRED"))
        .max(java.util.Comparator.comparingInt(MasterBatchRecordView::recordVersion));
  }

  public void addMaterial() {
    RecordSpec.StepMaterial added =
        new RecordSpec.StepMaterial(material.code, material.quantity, material.tolerance);
    if (Feedback.attempt(() -> changeStep(material.step, s -> withMaterial(s, added)), null)) {
      material.quantity = null;
    }
  }

  public void removeMaterial(int position, String code) {
    changeStep(
        position,
        s -> withLists(s, without(s.materials(), m -> m.material().equals(code)), s.parameters()));
  }

  public void addParameter() {
    RecordSpec.Parameter added =
        new RecordSpec.Parameter(
            parameter.name,
            parameter.tag == null || parameter.tag.isBlank() ? null : parameter.tag.strip(),
            parameter.unit,
            parameter.low,
            parameter.high,
            parameter.critical);
    if (Feedback.attempt(() -> changeStep(parameter.step, s -> withParameter(s, added)), null)) {
      parameter.name = null;
      parameter.tag = null;
      parameter.low = null;
      parameter.high = null;
      parameter.critical = false;
    }
  }

  public void removeParameter(int position, String name) {
    changeStep(
        position,
        s -> withLists(s, s.materials(), without(s.parameters(), p -> p.name().equals(name))));
  }

  /**
   * Writes the working copy and the yield limits with the reason for change; the service checks
   * every rule.
   */
  public void save() {
    long id = selected.id();
    java.math.BigDecimal low = yieldLow;
    java.math.BigDecimal high = yieldHigh;
    Feedback.obtain(() -> records.saveDraft(id, steps, low, high, reason), "Draft saved.")
        .ifPresent(this::open);
  }

  public void submit() {
    long id = selected.id();
    if (unsaved) {
      Feedback.refuse(
          "Save the draft first: the steps shown have changes that are not saved. Nothing was"
              + " submitted.");
      return;
    }
    Feedback.obtain(
            () -> records.submit(id, null),
            "Submitted for QA review. QA approves it with a signature under Review › Master batch"
                + " records.")
        .ifPresent(this::open);
  }

  /** A new draft version with the selected version's content (approved versions never change). */
  public void newVersion() {
    long id = selected.id();
    Feedback.obtain(() -> records.newVersion(id, reason), null)
        .ifPresent(
            created -> {
              open(created);
              Feedback.info(
                  "Version "
                      + created.recordVersion()
                      + " created as a draft with the same content.");
            });
  }

  private void changeStep(Integer position, UnaryOperator<RecordSpec.Step> change) {
    if (position == null || position < 1 || position > steps.size()) {
      throw new RuleViolation("Choose the step first.");
    }
    steps.set(position - 1, change.apply(steps.get(position - 1)));
    changed();
  }

  private void changed() {
    unsaved = true;
  }

  private static RecordSpec.Step withMaterial(RecordSpec.Step s, RecordSpec.StepMaterial m) {
    if (s.materials().stream().anyMatch(x -> x.material().equals(m.material()))) {
      throw new RuleViolation("The step lists material " + m.material() + " already.");
    }
    List<RecordSpec.StepMaterial> list = new ArrayList<>(s.materials());
    list.add(m);
    return withLists(s, list, s.parameters());
  }

  private static RecordSpec.Step withParameter(RecordSpec.Step s, RecordSpec.Parameter p) {
    if (s.parameters().stream().anyMatch(x -> x.name().equalsIgnoreCase(p.name().strip()))) {
      throw new RuleViolation("The step records parameter '" + p.name().strip() + "' already.");
    }
    List<RecordSpec.Parameter> list = new ArrayList<>(s.parameters());
    list.add(p);
    return withLists(s, s.materials(), list);
  }

  private static RecordSpec.Step withLists(
      RecordSpec.Step s, List<RecordSpec.StepMaterial> m, List<RecordSpec.Parameter> p) {
    return new RecordSpec.Step(
        s.operation(), s.name(), s.instructions(), s.requiresVerification(), m, p);
  }

  private static <T> List<T> without(List<T> list, Predicate<T> match) {
    return list.stream().filter(match.negate()).toList();
  }

  /**
   * The machine tags mapped on the plant's equipment (Admin > Machine data) that carry values,
   * matching what was typed: a parameter names its tag as the equipment publishes it, and the
   * batch's line decides which equipment's tag it reads.
   */
  public List<String> completeTag(String typed) {
    String part = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    return tags.all().stream()
        .filter(t -> t.active() && "VALUES".equals(t.kind()))
        .map(com.batchtrace.collection.boundary.TagService.TagView::tag)
        .filter(t -> t.toLowerCase(java.util.Locale.ROOT).contains(part))
        .distinct()
        .sorted()
        .limit(50)
        .toList();
  }

  public boolean isEditable() {
    return selected != null && "DRAFT".equals(selected.status());
  }

  public List<MasterBatchRecordView> getAll() {
    if (all == null) {
      all = records.all();
    }
    return all;
  }

  /** What a master batch record can make: finished and intermediate materials in use. */
  public List<MaterialView> getProducts() {
    return getMaterials().stream()
        .filter(m -> m.kind().equals("FINISHED") || m.kind().equals("INTERMEDIATE"))
        .toList();
  }

  /** The materials in use, read once per view (the selects ask for them several times). */
  public List<MaterialView> getMaterials() {
    if (materialsInUse == null) {
      materialsInUse = materials.all().stream().filter(MaterialView::active).toList();
    }
    return materialsInUse;
  }

  public MasterBatchRecordView getSelected() {
    return selected;
  }

  public List<RecordSpec.Step> getSteps() {
    return steps;
  }

  /** The steps as a choice of where a material or parameter goes. */
  public List<StepChoice> getStepChoices() {
    List<StepChoice> choices = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      choices.add(new StepChoice(i + 1, (i + 1) + ". " + steps.get(i).name()));
    }
    return choices;
  }

  /**
   * A step to choose.
   *
   * @param position its place, from 1
   * @param label number and name
   */
  public record StepChoice(int position, String label) {}

  public java.math.BigDecimal getYieldLow() {
    return yieldLow;
  }

  public void setYieldLow(java.math.BigDecimal yieldLow) {
    this.yieldLow = yieldLow;
  }

  public java.math.BigDecimal getYieldHigh() {
    return yieldHigh;
  }

  public void setYieldHigh(java.math.BigDecimal yieldHigh) {
    this.yieldHigh = yieldHigh;
  }

  public boolean isUnsaved() {
    return unsaved;
  }

  public String getNewProduct() {
    return newProduct;
  }

  public void setNewProduct(String newProduct) {
    this.newProduct = newProduct;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public StepForm getStep() {
    return step;
  }

  public MaterialForm getMaterial() {
    return material;
  }

  public ParameterForm getParameter() {
    return parameter;
  }

  /** The fields of a new step. */
  public static class StepForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private String operation;
    private String name;
    private String instructions;
    private boolean verification;

    public String getOperation() {
      return operation;
    }

    public void setOperation(String operation) {
      this.operation = operation;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getInstructions() {
      return instructions;
    }

    public void setInstructions(String instructions) {
      this.instructions = instructions;
    }

    public boolean isVerification() {
      return verification;
    }

    public void setVerification(boolean verification) {
      this.verification = verification;
    }
  }

  /** The fields of a new material requirement. */
  public static class MaterialForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer step;
    private String code;
    private BigDecimal quantity;
    private BigDecimal tolerance = BigDecimal.ONE;

    public Integer getStep() {
      return step;
    }

    public void setStep(Integer step) {
      this.step = step;
    }

    public String getCode() {
      return code;
    }

    public void setCode(String code) {
      this.code = code;
    }

    public BigDecimal getQuantity() {
      return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
      this.quantity = quantity;
    }

    public BigDecimal getTolerance() {
      return tolerance;
    }

    public void setTolerance(BigDecimal tolerance) {
      this.tolerance = tolerance;
    }
  }

  /** The fields of a new parameter. */
  public static class ParameterForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer step;
    private String name;
    private String tag;
    private String unit;
    private BigDecimal low;
    private BigDecimal high;
    private boolean critical;

    public Integer getStep() {
      return step;
    }

    public void setStep(Integer step) {
      this.step = step;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getTag() {
      return tag;
    }

    public void setTag(String tag) {
      this.tag = tag;
    }

    public String getUnit() {
      return unit;
    }

    public void setUnit(String unit) {
      this.unit = unit;
    }

    public BigDecimal getLow() {
      return low;
    }

    public void setLow(BigDecimal low) {
      this.low = low;
    }

    public BigDecimal getHigh() {
      return high;
    }

    public void setHigh(BigDecimal high) {
      this.high = high;
    }

    public boolean isCritical() {
      return critical;
    }

    public void setCritical(boolean critical) {
      this.critical = critical;
    }
  }
}
