package com.batchtrace.genealogy.boundary;

import com.batchtrace.platform.ProductionMode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * With BATCHTRACE_DEMO_DATA=true and no lots yet, receives a few raw-material lots into quarantine
 * (after the demo materials exist), so QA has something to release in the demo. QA's release needs
 * a person's signature, so the demo never releases anything itself.
 */
@ApplicationScoped
public class DemoLots {

  private static final Logger LOG = Logger.getLogger(DemoLots.class.getName());

  @Inject LotService lots;

  @ActivateRequestContext
  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) Startup startup) {
    if (!ProductionMode.loadsDemoPlant(System.getenv()) || !lots.list(null, 1).isEmpty()) {
      return;
    }
    LocalDate inTwoYears = LocalDate.now().plusYears(2);
    receive("L-API-24001", "API-0001", "120", inTwoYears, "SUP-PA-7781");
    receive("L-API-24002", "API-0001", "80", inTwoYears, "SUP-PA-7790");
    receive("L-MCC-24017", "EXC-0101", "400", inTwoYears.plusMonths(6), "MCC-33-091");
    receive("L-PVP-24005", "EXC-0102", "60", inTwoYears.plusMonths(6), "PVP-K30-5512");
    LOG.info("Demo data: four raw-material lots received into quarantine.");
  }

  private void receive(
      String lot, String material, String quantity, LocalDate expiry, String supplierLot) {
    lots.receive(
        new LotReceipt(lot, material, new BigDecimal(quantity), expiry, supplierLot, "Demo data"));
  }
}
