package com.batchtrace.genealogy.entity;

import com.batchtrace.compliance.signature.entity.SignedContent;
import com.batchtrace.compliance.signature.entity.SignedRecord;
import com.batchtrace.masterdata.entity.Material;
import com.batchtrace.platform.Quantities;
import com.batchtrace.platform.RuleViolation;
import jakarta.json.Json;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;

/**
 * A lot of a material. QA's disposition is signed: the signature covers the lot's identity,
 * received quantity, expiry and the disposition, not what is left (consumption must not void the
 * release).
 */
@Entity
@Audited
@Table(name = "material_lot")
public class MaterialLot implements SignedRecord {

  private static final Pattern LOT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
  private static final int SCALE = 6;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_lot_seq")
  @SequenceGenerator(
      name = "material_lot_seq",
      sequenceName = "material_lot_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "lot_number", nullable = false, length = 64)
  private String lotNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "material_id", nullable = false)
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Material material;

  @Column(name = "received_quantity", nullable = false, precision = 18, scale = SCALE)
  private BigDecimal receivedQuantity;

  @Column(name = "remaining_quantity", nullable = false, precision = 18, scale = SCALE)
  private BigDecimal remainingQuantity;

  @Enumerated(EnumType.STRING)
  @Column(name = "disposition", nullable = false, length = 16)
  private LotDisposition disposition;

  @Column(name = "expiry", nullable = false)
  private LocalDate expiry;

  @Column(name = "supplier_lot", length = 64)
  private String supplierLot;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "produced_by_batch_id")
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  private Batch producedBy;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected MaterialLot() {}

  /** A lot a batch produced: in quarantine, expiring after the product's shelf life. */
  public static MaterialLot producedBy(
      Batch batch, String lotNumber, BigDecimal quantity, Instant at, LocalDate today) {
    MaterialLot lot =
        new MaterialLot(
            lotNumber,
            batch.getProduct(),
            quantity,
            today.plusDays(batch.getProduct().getShelfLifeDays()),
            null,
            at,
            today);
    lot.producedBy = batch;
    return lot;
  }

  /**
   * Takes {@code quantity} out of the lot for a batch: only a released lot that has not expired,
   * and never more than is left.
   */
  public void consume(BigDecimal quantity, LocalDate today) {
    requireConsumable(quantity, today);
    remainingQuantity = remainingQuantity.subtract(quantity).setScale(SCALE);
  }

  /** Refuses a quantity this lot cannot give today; changes nothing. */
  public void requireConsumable(BigDecimal quantity, LocalDate today) {
    if (disposition != LotDisposition.RELEASED) {
      throw new RuleViolation(
          "Lot "
              + lotNumber
              + " is "
              + disposition.name().toLowerCase()
              + ", not released: it cannot be used.");
    }
    if (isExpiredOn(today)) {
      throw new RuleViolation(
          "Lot " + lotNumber + " expired on " + expiry + ": it cannot be used.");
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new RuleViolation("The quantity to charge must be more than zero.");
    }
    if (quantity.compareTo(remainingQuantity) > 0) {
      throw new RuleViolation(
          "Only "
              + remainingQuantity.stripTrailingZeros().toPlainString()
              + " "
              + material.getUnit()
              + " of lot "
              + lotNumber
              + " are left; "
              + quantity.stripTrailingZeros().toPlainString()
              + " cannot be charged.");
    }
  }

  /** A lot received into quarantine. */
  public MaterialLot(
      String lotNumber,
      Material material,
      BigDecimal quantity,
      LocalDate expiry,
      String supplierLot,
      Instant receivedAt,
      LocalDate today) {
    if (lotNumber == null || !LOT_NUMBER.matcher(lotNumber.strip()).matches()) {
      throw new RuleViolation(
          "Lot number '"
              + (lotNumber == null ? "" : lotNumber)
              + "' is not valid: 1 to 64 letters, digits, '.', '_', '/' or '-'.");
    }
    this.material = Objects.requireNonNull(material, "material");
    if (!material.isActive()) {
      throw new RuleViolation(
          "Material " + material.getCode() + " is not in use: lots of it cannot be received.");
    }
    if (quantity == null || quantity.signum() <= 0) {
      throw new RuleViolation("The received quantity must be more than zero.");
    }
    if (quantity.scale() > SCALE && quantity.stripTrailingZeros().scale() > SCALE) {
      throw new RuleViolation("Quantities have at most " + SCALE + " decimal places.");
    }
    if (expiry == null) {
      throw new RuleViolation("A lot needs its expiry date.");
    }
    if (expiry.isBefore(today)) {
      throw new RuleViolation(
          "Lot "
              + lotNumber.strip()
              + " expired on "
              + expiry
              + ": an expired lot is not received.");
    }
    this.lotNumber = lotNumber.strip();
    this.receivedQuantity =
        Quantities.requireInRange(quantity, "quantity received", "Nothing was received.")
            .setScale(SCALE);
    this.remainingQuantity = this.receivedQuantity;
    this.expiry = expiry;
    this.supplierLot = supplierLot == null || supplierLot.isBlank() ? null : supplierLot.strip();
    this.receivedAt = receivedAt.truncatedTo(ChronoUnit.MICROS);
    this.disposition = LotDisposition.QUARANTINE;
  }

  /** QA's release: only from quarantine, and never of an expired lot. */
  public void release(LocalDate today) {
    requireQuarantine("released");
    if (isExpiredOn(today)) {
      throw new RuleViolation(
          "Lot " + lotNumber + " expired on " + expiry + " and cannot be released.");
    }
    disposition = LotDisposition.RELEASED;
  }

  /** QA's rejection: only from quarantine. */
  public void reject() {
    requireQuarantine("rejected");
    disposition = LotDisposition.REJECTED;
  }

  private void requireQuarantine(String decision) {
    if (disposition != LotDisposition.QUARANTINE) {
      throw new RuleViolation(
          "Lot "
              + lotNumber
              + " is "
              + disposition.name().toLowerCase()
              + " already; only a lot in quarantine can be "
              + decision
              + ".");
    }
  }

  public boolean isExpiredOn(LocalDate today) {
    return today.isAfter(expiry);
  }

  /**
   * What a person or report calls the lot's state today: expired and used up override the
   * disposition, because neither may be used whatever QA decided.
   */
  public String statusOn(LocalDate today) {
    return status(disposition, expiry, remainingQuantity, today);
  }

  /** The status rule, for lots read without their entity (genealogy traces). */
  public static String status(
      LotDisposition disposition, LocalDate expiry, BigDecimal remaining, LocalDate today) {
    if (disposition == LotDisposition.REJECTED) {
      return "REJECTED";
    }
    if (today.isAfter(expiry)) {
      return "EXPIRED";
    }
    if (remaining.signum() == 0) {
      return "CONSUMED";
    }
    return disposition.name();
  }

  @Override
  public String recordType() {
    return "MaterialLot";
  }

  @Override
  public String recordId() {
    return String.valueOf(id);
  }

  /** What QA's release or rejection of the lot signs: the lot as received and its disposition. */
  @Override
  public SignedContent content() {
    return SignedContent.of(recordType())
        .field("id", id)
        .field("lotNumber", lotNumber)
        .field("material", material.getCode())
        .field("receivedQuantity", receivedQuantity)
        .field("unit", material.getUnit())
        .field("expiry", expiry.toString())
        .field("supplierLot", supplierLot)
        .field("disposition", disposition.name());
  }

  @Override
  public String legacyContent() {
    return Json.createObjectBuilder()
        .add("type", recordType())
        .add("id", id)
        .add("lotNumber", lotNumber)
        .add("material", material.getCode())
        .add("receivedQuantity", receivedQuantity.toPlainString())
        .add("unit", material.getUnit())
        .add("expiry", expiry.toString())
        .add("supplierLot", supplierLot == null ? "" : supplierLot)
        .add("disposition", disposition.name())
        .build()
        .toString();
  }

  public Long getId() {
    return id;
  }

  public String getLotNumber() {
    return lotNumber;
  }

  public Material getMaterial() {
    return material;
  }

  public BigDecimal getReceivedQuantity() {
    return receivedQuantity;
  }

  public BigDecimal getRemainingQuantity() {
    return remainingQuantity;
  }

  public LotDisposition getDisposition() {
    return disposition;
  }

  public LocalDate getExpiry() {
    return expiry;
  }

  public String getSupplierLot() {
    return supplierLot;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public long getVersion() {
    return version;
  }
}
