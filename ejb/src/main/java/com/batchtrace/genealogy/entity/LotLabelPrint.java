package com.batchtrace.genealogy.entity;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One print of a lot's label: the first or a reprint, who printed it, when and at what size.
 * Append-only (the table refuses updates and deletes), so every label in circulation is accounted
 * for.
 */
@Entity
@Table(name = "lot_label_print")
public class LotLabelPrint {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lot_label_print_seq")
  @SequenceGenerator(
      name = "lot_label_print_seq",
      sequenceName = "lot_label_print_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "lot_id", nullable = false)
  private MaterialLot lot;

  @Column(name = "printed_at", nullable = false)
  private Instant printedAt;

  @Column(name = "printed_by", nullable = false)
  private String printedBy;

  @Column(name = "printed_by_name", nullable = false)
  private String printedByName;

  @Column(name = "reprint", nullable = false)
  private boolean reprint;

  @Column(name = "label_size", nullable = false, length = 32)
  private String labelSize;

  protected LotLabelPrint() {}

  public LotLabelPrint(
      MaterialLot lot,
      Instant printedAt,
      String printedBy,
      String printedByName,
      boolean reprint,
      String labelSize) {
    this.lot = Objects.requireNonNull(lot, "lot");
    this.printedAt = printedAt.truncatedTo(ChronoUnit.MICROS);
    this.printedBy = Objects.requireNonNull(printedBy, "printedBy");
    this.printedByName = Objects.requireNonNull(printedByName, "printedByName");
    this.reprint = reprint;
    this.labelSize = Objects.requireNonNull(labelSize, "labelSize");
  }

  public Long getId() {
    return id;
  }

  public boolean isReprint() {
    return reprint;
  }

  public Instant getPrintedAt() {
    return printedAt;
  }
}
