package com.batchtrace.web.terminal;

import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of terminal/index.xhtml: the lines an operator can pick. */
@Named
@RequestScoped
public class Terminal {

  @Inject EquipmentService equipment;

  private List<EquipmentView> lines;

  /** Active production lines (ISA-88 process cells), in UNS order. */
  public List<EquipmentView> getLines() {
    if (lines == null) {
      lines =
          equipment.hierarchy().stream()
              .filter(node -> "LINE".equals(node.level()) && node.active())
              .toList();
    }
    return lines;
  }
}
