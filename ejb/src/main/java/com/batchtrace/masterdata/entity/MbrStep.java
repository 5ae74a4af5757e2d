package com.batchtrace.masterdata.entity;

import com.batchtrace.platform.RuleViolation;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;

/** One step of a master batch record, in its operation, with what it consumes and records. */
@Entity
@Audited
@Table(name = "mbr_step")
public class MbrStep {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mbr_step_seq")
  @SequenceGenerator(name = "mbr_step_seq", sequenceName = "mbr_step_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "record_id", nullable = false)
  private MasterBatchRecord record;

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "operation", nullable = false, length = 100)
  private String operation;

  @Column(name = "name", nullable = false, length = 200)
  private String name;

  @Column(name = "instructions", nullable = false, length = 4000)
  private String instructions;

  @Column(name = "requires_verification", nullable = false)
  private boolean requiresVerification;

  @OneToMany(mappedBy = "step", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<StepMaterial> materials = new ArrayList<>();

  @OneToMany(mappedBy = "step", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<StepParameter> parameters = new ArrayList<>();

  protected MbrStep() {}

  MbrStep(
      MasterBatchRecord record,
      int position,
      String operation,
      String name,
      String instructions,
      boolean requiresVerification) {
    this.record = record;
    this.position = position;
    this.operation = required(operation, "its operation", 100);
    this.name = required(name, "a name", 200);
    this.instructions = required(instructions, "instructions", 4000);
    this.requiresVerification = requiresVerification;
  }

  private String required(String value, String what, int max) {
    if (value == null || value.isBlank()) {
      throw new RuleViolation("Step " + position + " needs " + what + ".");
    }
    if (value.strip().length() > max) {
      throw new RuleViolation(
          "Step " + position + ": " + what + " has at most " + max + " characters.");
    }
    return value.strip();
  }

  public void consume(Material material, BigDecimal quantity, BigDecimal tolerancePercent) {
    if (materials.stream().anyMatch(m -> m.getMaterial().getId().equals(material.getId()))) {
      throw new RuleViolation(
          "Step " + position + " lists material " + material.getCode() + " twice.");
    }
    materials.add(new StepMaterial(this, material, quantity, tolerancePercent));
  }

  public void record(
      String parameter,
      String tag,
      String unit,
      BigDecimal low,
      BigDecimal high,
      boolean critical) {
    if (parameters.stream()
        .anyMatch(p -> p.getName().equalsIgnoreCase(parameter == null ? "" : parameter.strip()))) {
      throw new RuleViolation("Step " + position + " lists parameter '" + parameter + "' twice.");
    }
    parameters.add(new StepParameter(this, parameter, tag, unit, low, high, critical));
  }

  public int getPosition() {
    return position;
  }

  public String getOperation() {
    return operation;
  }

  public String getName() {
    return name;
  }

  public String getInstructions() {
    return instructions;
  }

  public boolean isRequiresVerification() {
    return requiresVerification;
  }

  public List<StepMaterial> getMaterials() {
    return materials;
  }

  public List<StepParameter> getParameters() {
    return parameters;
  }
}
