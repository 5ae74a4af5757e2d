package com.batchtrace.collection.boundary;

import com.batchtrace.masterdata.boundary.EquipmentService;
import com.batchtrace.masterdata.boundary.EquipmentView;
import com.batchtrace.platform.ProductionMode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * With BATCHTRACE_DEMO_DATA=true, maps the tags the line simulator publishes ({@code
 * demo/.../LineSimulator}) on the demo equipment, each only where it is not mapped yet and its
 * equipment exists, so a restart maps nothing twice. Goes through the audited tag service like an
 * admin, with the reason "Demo data".
 */
@ApplicationScoped
public class DemoTags {

  private static final Logger LOG = Logger.getLogger(DemoTags.class.getName());
  private static final int INTERVAL_SECONDS = 5;

  /** A demo tag: equipment UNS path, tag, unit, what it carries. */
  private record Demo(String equipment, String tag, String unit, String kind) {
    Demo(String equipment, String tag, String unit) {
      this(equipment, tag, unit, null);
    }
  }

  private static final String GRANULATOR = "acme/basel/granulation/line-1/granulator-1";
  private static final String DRYER = "acme/basel/granulation/line-1/dryer-1";
  private static final String BLISTER = "acme/basel/packaging/line-3/blister-1";

  private static final List<Demo> TAGS =
      List.of(
          new Demo(GRANULATOR, "impeller-speed", "rpm"),
          new Demo(GRANULATOR, "chopper-speed", "rpm"),
          new Demo(GRANULATOR, "power", "kW"),
          new Demo(GRANULATOR, "scale-weight", "kg"),
          new Demo(GRANULATOR, "material-charged", null, "CHARGE_EVENTS"),
          new Demo(DRYER, "inlet-temp", "C"),
          new Demo(DRYER, "outlet-temp", "C"),
          new Demo(DRYER, "product-temp", "C"),
          new Demo(DRYER, "airflow", "m3/h"),
          new Demo(DRYER, "filter-pressure", "mbar"),
          new Demo(BLISTER, "speed", "1/min"),
          new Demo(BLISTER, "sealing-temp", "C"),
          new Demo(BLISTER, "sealing-pressure", "bar"));

  @Inject EquipmentService equipment;

  @Inject TagService tags;

  @ActivateRequestContext
  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) Startup startup) {
    if (!ProductionMode.loadsDemoPlant(System.getenv())) {
      return;
    }
    Map<String, EquipmentView> byPath =
        equipment.hierarchy().stream()
            .collect(Collectors.toMap(EquipmentView::unsPath, Function.identity(), (a, b) -> a));
    Set<String> mapped = new HashSet<>();
    tags.all().forEach(t -> mapped.add(t.topic()));
    int added = 0;
    for (Demo demo : TAGS) {
      EquipmentView unit = byPath.get(demo.equipment());
      if (unit == null || mapped.contains(demo.equipment() + "/" + demo.tag())) {
        continue;
      }
      tags.create(
          unit.id(),
          demo.tag(),
          null,
          demo.unit(),
          demo.kind() == null ? INTERVAL_SECONDS : null,
          demo.kind(),
          "Demo data");
      added++;
    }
    if (added > 0) {
      LOG.info("Demo data: " + added + " tags of the line simulator mapped.");
    }
  }
}
