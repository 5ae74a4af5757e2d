package com.batchtrace.masterdata.boundary;

import com.batchtrace.platform.ProductionMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Loads a small demo plant (equipment, materials) when BATCHTRACE_DEMO_DATA=true, each part only
 * where none exists yet. It goes through the same audited service as an admin would, as the named
 * system principal, so the demo data has revisions with the reason "Demo data" like any other
 * record.
 */
@ApplicationScoped
public class DemoPlant {

  private static final Logger LOG = Logger.getLogger(DemoPlant.class.getName());
  private static final String REASON = "Demo data";

  @Inject EquipmentService equipment;

  @Inject MaterialService materials;

  @ActivateRequestContext
  void load(@Observes Startup startup) {
    if (!ProductionMode.loadsDemoPlant(System.getenv())) {
      return;
    }
    if (equipment.hierarchy().isEmpty()) {
      loadEquipment();
      LOG.info("Demo data: equipment hierarchy of ACME Pharma, Basel site loaded.");
    }
    if (materials.all().isEmpty()) {
      loadMaterials();
      LOG.info("Demo data: materials loaded.");
    }
  }

  private void loadEquipment() {
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
  }

  private void loadMaterials() {
    // GTINs under a made-up Swiss company prefix (761234500), valid check digits: the demo's
    // GS1 labels scan at the terminal.
    material("API-0001", "Paracetamol (active ingredient)", "RAW", "kg", 730, "07612345000015");
    material("EXC-0101", "Microcrystalline cellulose", "RAW", "kg", 1095, "07612345000022");
    material("EXC-0102", "Povidone K30", "RAW", "kg", 1095, "07612345000039");
    material("GRN-0500", "Paracetamol granulate", "INTERMEDIATE", "kg", 90, "07612345000046");
    material("TAB-0500", "Paracetamol 500 mg tablets", "FINISHED", "pcs", 1095, "07612345000053");
    material("PKG-0201", "Blister foil", "PACKAGING", "m", 1825, "07612345000060");
  }

  private void material(
      String code, String name, String kind, String unit, int shelfLifeDays, String gtin) {
    materials.create(new NewMaterial(code, name, kind, unit, shelfLifeDays, REASON), gtin);
  }

  private EquipmentView add(EquipmentView parent, String code, String name, String description) {
    return equipment.create(
        new NewEquipment(parent == null ? null : parent.id(), code, name, description, REASON));
  }
}
