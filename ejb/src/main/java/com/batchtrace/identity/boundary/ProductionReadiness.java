package com.batchtrace.identity.boundary;

import com.batchtrace.platform.ProductionMode;
import com.batchtrace.platform.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Refuses the deployment, before any other start-up bean runs (they name it in {@code @DependsOn}),
 * when {@link ProductionMode} finds a reason: each reason is logged on its own line, then the
 * deployment fails with all of them. Outside a demo it asks the realm, through the service account,
 * whether the demo users exist; a realm that cannot be asked is a reason too (a production server
 * does not start unchecked).
 */
@Singleton
@Startup
public class ProductionReadiness {

  private static final Logger LOG = Logger.getLogger(ProductionReadiness.class.getName());

  @Inject IdentityProvider identityProvider;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void refuseUnsafeStart() {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : ProductionMode.settingNames()) {
      String value = Settings.text(name, null);
      if (value != null) {
        settings.put(name, value);
      }
    }
    List<String> demoUsers = List.of();
    String realmProblem = null;
    if (ProductionMode.checksRealm(settings)) {
      try {
        demoUsers = identityProvider.existingUsers(ProductionMode.DEMO_USERS);
      } catch (IdentityProvider.Unavailable e) {
        realmProblem = "The realm could not be checked for demo users: " + e.getMessage() + ".";
      }
    }
    List<String> refusals = new java.util.ArrayList<>(ProductionMode.refusals(settings, demoUsers));
    if (realmProblem != null) {
      refusals.add(realmProblem);
    }
    if (refusals.isEmpty()) {
      LOG.info(
          ProductionMode.isDemo(settings)
              ? "Demo installation (BATCHTRACE_DEMO_DATA=true): demo secrets and users are"
                  + " allowed. LOCAL DEMO ONLY."
              : "Production mode: no demo secret, no demo user.");
      return;
    }
    refusals.forEach(reason -> LOG.severe("Batchtrace refuses to start: " + reason));
    throw new IllegalStateException("Batchtrace refuses to start: " + String.join(" ", refusals));
  }
}
