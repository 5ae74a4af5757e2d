package com.batchtrace.web.admin;

import com.batchtrace.collection.boundary.ProcessSeries;
import com.batchtrace.execution.boundary.BatchRecords;
import com.batchtrace.execution.boundary.Charge;
import com.batchtrace.genealogy.boundary.BatchService;
import com.batchtrace.genealogy.boundary.BatchView;
import com.batchtrace.genealogy.boundary.LotView;
import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.masterdata.boundary.MasterBatchRecordService;
import com.batchtrace.masterdata.boundary.MasterBatchRecordView;
import com.batchtrace.web.shell.BatchList;
import com.batchtrace.web.shell.Feedback;
import com.batchtrace.web.shell.ProcessCharts;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Backing bean of admin/batches.xhtml: planning a batch from an approved master batch record
 * version on a line, and for the selected batch the lots charged into it, charging a lot (typed or
 * scanned) and completing it into its output lot, and its machine data charted per parameter with
 * its exceptions. The operator terminal does the same step by step.
 */
@Named
@ViewScoped
public class BatchesPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MasterBatchRecordService records;

  @Inject EquipmentService equipment;

  @Inject ProcessSeries processSeries;

  private final BatchList list = new BatchList("No batches yet. Plan the first one above.");

  private List<MasterBatchRecordView> approvedRecords;
  private List<EquipmentView> lines;
  private String batchNumber;
  private Long recordId;
  private Long lineId;
  private BigDecimal plannedQuantity;

  private BatchView selected;
  private List<Charge> charges;
  private List<LotView> outputs;
  private ProcessCharts processData;

  private static BatchService service() {
    return CDI.current().select(BatchService.class).get();
  }

  public void create() {
    Feedback.obtain(
            () -> service().create(batchNumber, recordId, lineId, plannedQuantity),
            "Batch " + batchNumber + " planned.")
        .ifPresent(
            batch -> {
              batchNumber = null;
              plannedQuantity = null;
              open(batch);
            });
  }

  public void open(BatchView batch) {
    selected = batch;
    charges = CDI.current().select(BatchRecords.class).get().charges(batch.id());
    outputs = service().outputs(batch.id());
    processData = new ProcessCharts(processSeries.of(batch.id()));
  }

  /** Approved versions: the only ones a batch can be made from (read once per view). */
  public List<MasterBatchRecordView> getApprovedRecords() {
    if (approvedRecords == null) {
      approvedRecords = records.all().stream().filter(r -> r.status().equals("APPROVED")).toList();
    }
    return approvedRecords;
  }

  /** The active lines (read once per view). */
  public List<EquipmentView> getLines() {
    if (lines == null) {
      lines =
          equipment.hierarchy().stream()
              .filter(e -> e.level().equals("LINE") && e.active())
              .toList();
    }
    return lines;
  }

  public BatchList getList() {
    return list;
  }

  public BatchView getSelected() {
    return selected;
  }

  public List<Charge> getCharges() {
    return charges;
  }

  public List<LotView> getOutputs() {
    return outputs;
  }

  public ProcessCharts getProcessData() {
    return processData;
  }

  public String getBatchNumber() {
    return batchNumber;
  }

  public void setBatchNumber(String batchNumber) {
    this.batchNumber = batchNumber;
  }

  public Long getRecordId() {
    return recordId;
  }

  public void setRecordId(Long recordId) {
    this.recordId = recordId;
  }

  public Long getLineId() {
    return lineId;
  }

  public void setLineId(Long lineId) {
    this.lineId = lineId;
  }

  public BigDecimal getPlannedQuantity() {
    return plannedQuantity;
  }

  public void setPlannedQuantity(BigDecimal plannedQuantity) {
    this.plannedQuantity = plannedQuantity;
  }
}
