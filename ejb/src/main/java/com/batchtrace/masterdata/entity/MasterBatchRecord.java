package com.batchtrace.masterdata.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.platform.RuleViolation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * One version of a product's master batch record. Only a draft can change; QA approves a version in
 * review with a signature, and the approver is never the author; an approved version is frozen (the
 * database refuses changes too) and a change to it is a new version.
 */
@Entity
@Audited
@Table(name = "master_batch_record")
public class MasterBatchRecord implements SignedRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "master_batch_record_seq")
  @SequenceGenerator(
      name = "master_batch_record_seq",
      sequenceName = "master_batch_record_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Material product;

  @Column(name = "mbr_version", nullable = false)
  private int recordVersion;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private RecordStatus status;

  @Column(name = "author_id", nullable = false)
  private String authorId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  /** The least yield, in % of the planned quantity, a batch may complete with; null for none. */
  @Column(name = "yield_low_percent", precision = 7, scale = 2)
  private BigDecimal yieldLowPercent;

  /** The most yield, in % of the planned quantity; null for none. */
  @Column(name = "yield_high_percent", precision = 7, scale = 2)
  private BigDecimal yieldHighPercent;

  @OneToMany(mappedBy = "record", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<MbrStep> steps = new ArrayList<>();

  protected MasterBatchRecord() {}

  public MasterBatchRecord(
      Material product, int recordVersion, String authorId, Instant createdAt) {
    this.product = Objects.requireNonNull(product, "product");
    if (product.getKind() != MaterialKind.FINISHED
        && product.getKind() != MaterialKind.INTERMEDIATE) {
      throw new RuleViolation(
          product.getCode()
              + " is a "
              + product.getKind().name().toLowerCase()
              + " material: a master batch record makes a finished or intermediate product.");
    }
    this.recordVersion = recordVersion;
    this.authorId = Objects.requireNonNull(authorId, "authorId");
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    this.status = RecordStatus.DRAFT;
  }

  /** Adds the next step (a draft only). */
  public MbrStep addStep(String operation, String name, String instructions, boolean verification) {
    requireDraft("changed");
    MbrStep step = new MbrStep(this, steps.size() + 1, operation, name, instructions, verification);
    steps.add(step);
    return step;
  }

  /** Removes every step, before the draft's steps are written again. */
  public void clearSteps() {
    requireDraft("changed");
    steps.clear();
  }

  public void submitForReview() {
    requireDraft("submitted for review");
    if (steps.isEmpty()) {
      throw new RuleViolation("A master batch record without steps cannot go to review.");
    }
    status = RecordStatus.IN_REVIEW;
  }

  /**
   * Refuses an approval this person may not give now: the version is not in review, or they wrote
   * or edited it while it was a draft ({@code draftEditors}: the user ids of the audit trail's
   * revisions of the draft). Changes nothing.
   */
  public void requireApprovableBy(String approverId, Set<String> draftEditors) {
    requireApprovableBy(approverId);
    if (draftEditors.contains(approverId)) {
      throw new RuleViolation(
          "You edited "
              + describe()
              + " while it was a draft: someone who did not write or edit it must approve it"
              + " (segregation of duties). Nothing was signed.");
    }
  }

  /** Refuses an approval this person may not give now; changes nothing. */
  public void requireApprovableBy(String approverId) {
    if (status != RecordStatus.IN_REVIEW) {
      throw new RuleViolation(
          describe()
              + " is "
              + status.name().toLowerCase().replace('_', ' ')
              + ": only a version in review can be approved.");
    }
    if (authorId.equals(approverId)) {
      throw new RuleViolation(
          "You wrote "
              + describe()
              + ": someone else must approve it (segregation of duties). Nothing was signed.");
    }
  }

  /** QA's approval; the approver may not be the author (segregation of duties). */
  public void approve(String approverId, Set<String> draftEditors) {
    requireApprovableBy(approverId, draftEditors);
    status = RecordStatus.APPROVED;
  }

  /** Back to draft, when review finds something to change. */
  public void returnToDraft() {
    if (status != RecordStatus.IN_REVIEW) {
      throw new RuleViolation(describe() + " is not in review.");
    }
    status = RecordStatus.DRAFT;
  }

  public void retire() {
    if (status != RecordStatus.APPROVED) {
      throw new RuleViolation(describe() + " is not approved, so there is nothing to retire.");
    }
    status = RecordStatus.RETIRED;
  }

  private void requireDraft(String action) {
    if (status == RecordStatus.APPROVED || status == RecordStatus.RETIRED) {
      throw new RuleViolation(
          describe()
              + " is "
              + status.name().toLowerCase()
              + " and cannot be "
              + action
              + ": an approved version never changes. Create a new version instead.");
    }
    if (status != RecordStatus.DRAFT) {
      throw new RuleViolation(describe() + " is in review and cannot be " + action + ".");
    }
  }

  public String describe() {
    return "Master batch record " + product.getCode() + " version " + recordVersion;
  }

  @Override
  public String recordType() {
    return "MasterBatchRecord";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /**
   * Everything the approval covers: product, version, author and every step with its content. Not
   * the status: retiring a version later must not void its approval.
   */
  /**
   * Everything the approval covers: product, version, author and every step with its content. Not
   * the status: retiring a version later must not void its approval.
   */
  /**
   * The yield limits in % of the planned quantity (e.g. 95 to 102), both or none; only a draft's
   * limits are set, as its steps are.
   */
  public void limitYield(BigDecimal low, BigDecimal high) {
    if (low == null && high == null) {
      yieldLowPercent = null;
      yieldHighPercent = null;
      return;
    }
    if (low == null || high == null) {
      throw new RuleViolation(
          "Give both yield limits (e.g. 95 and 102 %) or none. Nothing was saved.");
    }
    if (low.signum() <= 0
        || low.compareTo(high) > 0
        || high.compareTo(BigDecimal.valueOf(1000)) > 0) {
      throw new RuleViolation(
          "The yield limits must be more than 0 %, the low one at most the high one, and at most"
              + " 1000 %. Nothing was saved.");
    }
    if (low.scale() > 2 || high.scale() > 2) {
      throw new RuleViolation("Yield limits have at most 2 decimals. Nothing was saved.");
    }
    yieldLowPercent = low;
    yieldHighPercent = high;
  }

  public BigDecimal getYieldLowPercent() {
    return yieldLowPercent;
  }

  public BigDecimal getYieldHighPercent() {
    return yieldHighPercent;
  }

  @Override
  public SignedContent content() {
    SignedContent content = stepsContent();
    // Only when set: records approved before yield limits existed keep their content, so their
    // approvals stay valid.
    return yieldLowPercent == null
        ? content
        : content
            .field("yieldLowPercent", yieldLowPercent)
            .field("yieldHighPercent", yieldHighPercent);
  }

  private SignedContent stepsContent() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("product", product.getCode())
        .field("version", recordVersion)
        .field("author", authorId)
        .list(
            "steps",
            steps.stream().sorted(Comparator.comparingInt(MbrStep::getPosition)).toList(),
            (step, c) ->
                c.field("position", step.getPosition())
                    .field("operation", step.getOperation())
                    .field("name", step.getName())
                    .field("instructions", step.getInstructions())
                    .field("requiresVerification", step.isRequiresVerification())
                    .list(
                        "materials",
                        step.getMaterials().stream()
                            .sorted(Comparator.comparing(m -> m.getMaterial().getCode()))
                            .toList(),
                        (m, mc) ->
                            mc.field("material", m.getMaterial().getCode())
                                .field("quantity", m.getQuantity())
                                .field("tolerancePercent", m.getTolerancePercent()))
                    .list(
                        "parameters",
                        step.getParameters().stream()
                            .sorted(Comparator.comparing(StepParameter::getName))
                            .toList(),
                        (p, pc) ->
                            pc.field("name", p.getName())
                                .field("source", p.getSource())
                                .field("tag", p.getTag())
                                .field("unit", p.getUnit())
                                .field("low", p.getLowLimit())
                                .field("high", p.getHighLimit())
                                .field("critical", p.isCritical())));
  }

  @Override
  public String legacyContent() {
    JsonArrayBuilder stepArray = Json.createArrayBuilder();
    for (MbrStep step :
        steps.stream().sorted(Comparator.comparingInt(MbrStep::getPosition)).toList()) {
      JsonArrayBuilder materials = Json.createArrayBuilder();
      step.getMaterials().stream()
          .sorted(Comparator.comparing(m -> m.getMaterial().getCode()))
          .forEach(
              m ->
                  materials.add(
                      Json.createObjectBuilder()
                          .add("material", m.getMaterial().getCode())
                          .add("quantity", m.getQuantity().toPlainString())
                          .add("tolerancePercent", m.getTolerancePercent().toPlainString())));
      JsonArrayBuilder parameters = Json.createArrayBuilder();
      step.getParameters().stream()
          .sorted(Comparator.comparing(StepParameter::getName))
          .forEach(
              p -> {
                JsonObjectBuilder o =
                    Json.createObjectBuilder()
                        .add("name", p.getName())
                        .add("source", p.getSource())
                        .add("tag", p.getTag() == null ? "" : p.getTag())
                        .add("unit", p.getUnit())
                        .add("low", plain(p.getLowLimit()))
                        .add("high", plain(p.getHighLimit()))
                        .add("critical", p.isCritical());
                parameters.add(o);
              });
      stepArray.add(
          Json.createObjectBuilder()
              .add("position", step.getPosition())
              .add("operation", step.getOperation())
              .add("name", step.getName())
              .add("instructions", step.getInstructions())
              .add("requiresVerification", step.isRequiresVerification())
              .add("materials", materials)
              .add("parameters", parameters));
    }
    return Json.createObjectBuilder()
        .add("type", recordType())
        .add("id", id)
        .add("product", product.getCode())
        .add("version", recordVersion)
        .add("author", authorId)
        .add("steps", stepArray)
        .build()
        .toString();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  public Long getId() {
    return id;
  }

  public Material getProduct() {
    return product;
  }

  public int getRecordVersion() {
    return recordVersion;
  }

  public RecordStatus getStatus() {
    return status;
  }

  public String getAuthorId() {
    return authorId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }

  public List<MbrStep> getSteps() {
    return steps;
  }

  /** The step at this position (1 for the first), if the record has one. */
  public Optional<MbrStep> step(int position) {
    return steps.stream().filter(s -> s.getPosition() == position).findFirst();
  }
}
