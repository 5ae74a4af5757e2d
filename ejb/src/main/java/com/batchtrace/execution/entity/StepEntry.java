package com.batchtrace.execution.entity;

import com.batchtrace.masterdata.entity.StepParameter;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A value an operator entered by hand for a manual parameter of a step, with the limits it was
 * checked against. Out of limits needs a comment. A value taken well before it was entered is late.
 * A correction is a new entry pointing at this one, which stays visible as superseded.
 */
@Entity
@Audited
@Table(name = "step_entry")
public class StepEntry {

  private static final int MAX_TEXT = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "step_entry_seq")
  @SequenceGenerator(name = "step_entry_seq", sequenceName = "step_entry_seq", allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "step_execution_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private StepExecution execution;

  @Column(name = "parameter", nullable = false, length = 100)
  private String parameter;

  @Column(name = "value", nullable = false, precision = 18, scale = 6)
  private BigDecimal value;

  @Column(name = "unit", nullable = false, length = 16)
  private String unit;

  @Column(name = "low_limit", precision = 18, scale = 6)
  private BigDecimal lowLimit;

  @Column(name = "high_limit", precision = 18, scale = 6)
  private BigDecimal highLimit;

  @Column(name = "within_limits", nullable = false)
  private boolean withinLimits;

  @Column(name = "comment", length = MAX_TEXT)
  private String comment;

  @Column(name = "taken_at", nullable = false)
  private Instant takenAt;

  @Column(name = "entered_at", nullable = false)
  private Instant enteredAt;

  @Column(name = "entered_by", nullable = false, length = 255)
  private String enteredBy;

  @Column(name = "entered_by_name", nullable = false, length = 255)
  private String enteredByName;

  @Column(name = "late", nullable = false)
  private boolean late;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "correction_of")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private StepEntry correctionOf;

  @Column(name = "correction_reason", length = MAX_TEXT)
  private String correctionReason;

  @Column(name = "superseded_at")
  private Instant supersededAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected StepEntry() {}

  /**
   * A value for {@code parameter}, taken at {@code takenAt} and entered at {@code enteredAt}.
   *
   * @param lateAfter how long after it was taken a value counts as entered late
   */
  public StepEntry(
      StepExecution execution,
      StepParameter parameter,
      BigDecimal value,
      String comment,
      Instant takenAt,
      Instant enteredAt,
      Duration lateAfter,
      String enteredBy,
      String enteredByName) {
    this.execution = Objects.requireNonNull(execution, "execution");
    String name = parameter.getName();
    if (!"MANUAL".equals(parameter.getSource())) {
      throw new RuleViolation(
          "'"
              + name
              + "' is recorded from the machine (tag "
              + parameter.getTag()
              + "): it cannot be entered by hand. Nothing was recorded.");
    }
    if (value == null) {
      throw new RuleViolation("Enter a number for '" + name + "'. Nothing was recorded.");
    }
    Quantities.requireInRange(value, "value of '" + name + "'", "Nothing was recorded.");
    Instant taken = takenAt == null ? enteredAt : takenAt;
    if (taken.isAfter(enteredAt.plusSeconds(60))) {
      throw new RuleViolation(
          "The time a value was taken cannot be in the future. Nothing was recorded.");
    }
    if (taken.isBefore(execution.getStartedAt())) {
      throw new RuleViolation(
          "The time a value was taken cannot be before "
              + execution.describe()
              + " started. Nothing was recorded.");
    }
    this.parameter = name;
    this.value = value.setScale(6);
    this.unit = parameter.getUnit();
    this.lowLimit = parameter.getLowLimit();
    this.highLimit = parameter.getHighLimit();
    this.withinLimits =
        (lowLimit == null || value.compareTo(lowLimit) >= 0)
            && (highLimit == null || value.compareTo(highLimit) <= 0);
    this.comment = text(comment, "comment");
    if (!withinLimits && this.comment == null) {
      throw new RuleViolation(
          "'"
              + name
              + "' = "
              + Quantities.plain(value)
              + " "
              + unit
              + " is outside "
              + limits()
              + ": add a comment saying why. Nothing was recorded.");
    }
    this.takenAt = taken.truncatedTo(ChronoUnit.MICROS);
    this.enteredAt = enteredAt.truncatedTo(ChronoUnit.MICROS);
    this.late = Duration.between(taken, enteredAt).compareTo(lateAfter) > 0;
    this.enteredBy = enteredBy;
    this.enteredByName = enteredByName;
  }

  /** The correction of {@code original}: a new entry, the original marked superseded. */
  public static StepEntry correcting(
      StepEntry original,
      StepParameter parameter,
      BigDecimal value,
      String reason,
      Instant at,
      String by,
      String byName) {
    if (original.supersededAt != null) {
      throw new RuleViolation(
          "This value of '"
              + original.parameter
              + "' was corrected already: correct the newest value. Nothing was recorded.");
    }
    String why = text(reason, "reason");
    if (why == null) {
      throw new RuleViolation(
          "A correction needs a reason; the original value stays visible. Nothing was recorded.");
    }
    StepEntry correction =
        new StepEntry(
            original.execution,
            parameter,
            value,
            original.comment == null ? why : original.comment,
            original.takenAt,
            at,
            Duration.ZERO,
            by,
            byName);
    // A correction is of the value taken then: it is as late as the original was, no later.
    correction.late = original.late;
    correction.correctionOf = original;
    correction.correctionReason = why;
    original.supersededAt = correction.enteredAt;
    return correction;
  }

  private static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > MAX_TEXT) {
      throw new RuleViolation(
          "The " + what + " has at most " + MAX_TEXT + " characters. Nothing was recorded.");
    }
    return value.strip();
  }

  /** The limits as an operator reads them: "55 to 65 °C", "at least 2 kg". */
  public String limits() {
    if (lowLimit != null && highLimit != null) {
      return Quantities.plain(lowLimit) + " to " + Quantities.plain(highLimit) + " " + unit;
    }
    if (lowLimit != null) {
      return "at least " + Quantities.plain(lowLimit) + " " + unit;
    }
    return highLimit == null ? "no limits" : "at most " + Quantities.plain(highLimit) + " " + unit;
  }

  public Long getId() {
    return id;
  }

  public StepExecution getExecution() {
    return execution;
  }

  public String getParameter() {
    return parameter;
  }

  public BigDecimal getValue() {
    return value;
  }

  public String getUnit() {
    return unit;
  }

  public BigDecimal getLowLimit() {
    return lowLimit;
  }

  public BigDecimal getHighLimit() {
    return highLimit;
  }

  public boolean isWithinLimits() {
    return withinLimits;
  }

  public String getComment() {
    return comment;
  }

  public Instant getTakenAt() {
    return takenAt;
  }

  public Instant getEnteredAt() {
    return enteredAt;
  }

  public String getEnteredBy() {
    return enteredBy;
  }

  public String getEnteredByName() {
    return enteredByName;
  }

  public boolean isLate() {
    return late;
  }

  public StepEntry getCorrectionOf() {
    return correctionOf;
  }

  public String getCorrectionReason() {
    return correctionReason;
  }

  public Instant getSupersededAt() {
    return supersededAt;
  }
}
