package com.batchtrace.masterdata.control;

import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.masterdata.boundary.NewEquipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Loads a small demo plant when BATCHTRACE_DEMO_DATA=true and no equipment exists yet. It goes
 * through the same audited service as an admin would, as the named system principal, so the demo
 * data has revisions with the reason "Demo data" like any other record.
 */
@ApplicationScoped
public class DemoPlant {

  private static final Logger LOG = Logger.getLogger(DemoPlant.class.getName());
  private static final String REASON = "Demo data";

  @Inject EquipmentService equipment;

  @ActivateRequestContext
  void load(@Observes Startup startup) {
    if (!Boolean.parseBoolean(System.getenv("BATCHTRACE_DEMO_DATA"))) {
      return;
    }
    if (!equipment.hierarchy().isEmpty()) {
      LOG.info("Demo data: equipment exists, nothing loaded.");
      return;
    }
    EquipmentView acme = add(null, "acme", "ACME Pharma", "Demo enterprise");
    EquipmentView basel = add(acme, "basel", "Basel site", "Solid dose plant");
    EquipmentView granulation = add(basel, "granulation", "Granulation", null);
    EquipmentView line1 = add(granulation, "line-1", "Granulation line 1", null);
    add(line1, "granulator-1", "High-shear granulator 1", null);
    add(line1, "dryer-1", "Fluid-bed dryer 1", null);
    EquipmentView line2 = add(granulation, "line-2", "Granulation line 2", null);
    add(line2, "granulator-2", "High-shear granulator 2", null);
    add(line2, "dryer-1", "Fluid-bed dryer 2", null);
    EquipmentView packaging = add(basel, "packaging", "Packaging", null);
    EquipmentView line3 = add(packaging, "line-3", "Blister line 3", null);
    add(line3, "blister-1", "Blister machine 1", null);
    LOG.info("Demo data: equipment hierarchy of ACME Pharma, Basel site loaded.");
  }

  private EquipmentView add(EquipmentView parent, String code, String name, String description) {
    return equipment.create(
        new NewEquipment(parent == null ? null : parent.id(), code, name, description, REASON));
  }
}
