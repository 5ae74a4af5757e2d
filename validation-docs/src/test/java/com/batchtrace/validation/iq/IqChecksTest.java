package com.batchtrace.validation.iq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.batchtrace.validation.iq.IqChecks.AppliedMigration;
import com.batchtrace.validation.iq.IqChecks.ChainFinding;
import com.batchtrace.validation.iq.IqChecks.ClockComparison;
import com.batchtrace.validation.iq.IqChecks.Endpoint;
import com.batchtrace.validation.iq.ReleaseManifest.Migration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each IQ criterion passes on the facts of a good installation and fails on a fixture with the one
 * fault it exists to find; a fact that could not be read never passes.
 */
class IqChecksTest {

  private static final String EAR =
      "1fc7e465a18a53ef80e3c10c89151c4655cc6911b6468734e5b48b3785042d40";

  static final ReleaseManifest RELEASE =
      new ReleaseManifest(
          "1.4.0",
          "647a7992db9bddd9d376c6331a39f6d80ef45a36",
          "2026-12-05T21:25:14Z",
          EAR,
          Map.of(
              "java", "17",
              "wildfly", "39.0.1.Final",
              "keycloak", "26.7.3",
              "postgresql", "15",
              "mosquitto", "2.0"),
          List.of(
              new Migration("1", "V1__schema.sql", 1234),
              new Migration("2", "V2__chains.sql", -98765),
              new Migration("36", "V36__iq.sql", 42)),
          List.of(
              "audit_revision.audit_revision_chain",
              "electronic_signature.electronic_signature_immutable"),
          List.of("audit_row_append_only", "schema_migrations"));

  private static List<AppliedMigration> applied() {
    return new ArrayList<>(
        List.of(
            new AppliedMigration("1", "V1__schema.sql", 1234, true),
            new AppliedMigration("2", "V2__chains.sql", -98765, true),
            new AppliedMigration("36", "V36__iq.sql", 42, true)));
  }

  @Test
  @Tag("URS-058")
  void theDeployedEarMustBeTheReleasedOneByteForByte() {
    assertTrue(IqChecks.ear(RELEASE, EAR, true).passed());

    IqCheck other = IqChecks.ear(RELEASE, EAR.replace('1', '2'), true);
    assertFalse(other.passed(), other.actual());
    assertTrue(other.actual().contains("DIFFERS"), other.actual());
    assertFalse(IqChecks.ear(RELEASE, EAR, false).passed(), "not deployed");
    assertFalse(IqChecks.ear(RELEASE, null, true).passed(), "no EAR");
  }

  @Test
  @Tag("URS-058")
  void everyMigrationMustBeAppliedWithItsReleasedChecksum() {
    IqCheck good = IqChecks.migrations(RELEASE, applied());
    assertTrue(good.passed(), good.actual());
    assertTrue(good.actual().startsWith("schema version 36"), good.actual());

    List<AppliedMigration> edited = applied();
    edited.set(1, new AppliedMigration("2", "V2__chains.sql", 555, true));
    IqCheck wrongChecksum = IqChecks.migrations(RELEASE, edited);
    assertFalse(wrongChecksum.passed());
    assertTrue(
        wrongChecksum.actual().contains("V2 checksum 555, released -98765"),
        wrongChecksum.actual());

    List<AppliedMigration> behind = applied();
    behind.remove(2);
    assertFalse(IqChecks.migrations(RELEASE, behind).passed(), "V36 not applied");

    List<AppliedMigration> extra = applied();
    extra.add(new AppliedMigration("37", "V37__hotfix.sql", 1, true));
    IqCheck unreleased = IqChecks.migrations(RELEASE, extra);
    assertFalse(unreleased.passed());
    assertTrue(unreleased.actual().contains("V37 is not part of the release"), unreleased.actual());

    List<AppliedMigration> failed = applied();
    failed.add(new AppliedMigration("36", "V36__iq.sql", 42, false));
    assertFalse(IqChecks.migrations(RELEASE, failed).passed(), "a failed migration");

    assertFalse(IqChecks.migrations(RELEASE, null).passed(), "history not readable");
  }

  @Test
  @Tag("URS-058")
  void aMissingOrDisabledProtectiveTriggerOrFunctionFails() {
    Map<String, Boolean> triggers = new HashMap<>();
    triggers.put("audit_revision.audit_revision_chain", true);
    triggers.put("electronic_signature.electronic_signature_immutable", true);
    triggers.put("batch_aud.batch_aud_append_only", true);
    triggers.put("batch_aud.batch_aud_no_truncate", true);
    triggers.put("batch_aud.batch_aud_chain", true);
    List<String> functions = List.of("audit_row_append_only", "schema_migrations", "other");
    assertTrue(
        IqChecks.protectiveObjects(RELEASE, triggers, List.of("batch_aud"), functions).passed());

    Map<String, Boolean> dropped = new HashMap<>(triggers);
    dropped.remove("electronic_signature.electronic_signature_immutable");
    IqCheck missing = IqChecks.protectiveObjects(RELEASE, dropped, List.of("batch_aud"), functions);
    assertFalse(missing.passed());
    assertTrue(
        missing.actual().contains("electronic_signature.electronic_signature_immutable MISSING"),
        missing.actual());

    Map<String, Boolean> disabled = new HashMap<>(triggers);
    disabled.put("batch_aud.batch_aud_append_only", false);
    IqCheck off = IqChecks.protectiveObjects(RELEASE, disabled, List.of("batch_aud"), functions);
    assertFalse(off.passed());
    assertTrue(off.actual().contains("batch_aud.batch_aud_append_only DISABLED"), off.actual());

    IqCheck newHistoryTable =
        IqChecks.protectiveObjects(RELEASE, triggers, List.of("batch_aud", "lot_aud"), functions);
    assertFalse(newHistoryTable.passed(), "a history table without its triggers");

    IqCheck noFunction =
        IqChecks.protectiveObjects(RELEASE, triggers, List.of("batch_aud"), List.of("other"));
    assertFalse(noFunction.passed());
    assertTrue(noFunction.actual().contains("function schema_migrations MISSING"));
  }

  @Test
  @Tag("URS-058")
  void chainsMustMatchAtLeastOneSignedCheckpointWithoutNotice() {
    assertTrue(
        IqChecks.chains(
                Optional.of(new ChainFinding(true, 3, List.of(), "all chains intact")), null)
            .passed());
    assertFalse(
        IqChecks.chains(Optional.of(new ChainFinding(false, 3, List.of(), "1 broken link")), null)
            .passed(),
        "a broken chain");
    assertFalse(
        IqChecks.chains(Optional.of(new ChainFinding(true, 0, List.of(), "intact")), null).passed(),
        "nothing compared with a signed checkpoint");
    assertFalse(
        IqChecks.chains(
                Optional.of(
                    new ChainFinding(true, 2, List.of("the key file is readable by others"), "")),
                null)
            .passed(),
        "a notice limits the comparison");
    assertFalse(IqChecks.chains(Optional.empty(), "not checked: no QA user id").passed());
  }

  @Test
  @Tag("URS-058")
  void theRealmMustEnforceItsPasswordPolicyEventsAndTls() {
    Map<String, String> realm = new LinkedHashMap<>();
    realm.put("passwordPolicy", "length(12) and digits(1) and passwordHistory(5)");
    realm.put("bruteForceProtected", "true");
    realm.put("eventsEnabled", "true");
    realm.put("adminEventsEnabled", "true");
    realm.put("adminEventsDetailsEnabled", "true");
    realm.put("sslRequired", "external");
    assertTrue(IqChecks.realm(realm, false).passed(), IqChecks.realm(realm, false).actual());

    for (Map.Entry<String, String> fault :
        Map.of(
                "passwordPolicy", "length(8)",
                "bruteForceProtected", "false",
                "eventsEnabled", "false",
                "adminEventsEnabled", "false",
                "sslRequired", "none")
            .entrySet()) {
      Map<String, String> weak = new LinkedHashMap<>(realm);
      weak.put(fault.getKey(), fault.getValue());
      assertFalse(IqChecks.realm(weak, false).passed(), fault.toString());
    }
    Map<String, String> noPolicy = new LinkedHashMap<>(realm);
    noPolicy.remove("passwordPolicy");
    assertFalse(IqChecks.realm(noPolicy, false).passed(), "no password policy");
    assertFalse(IqChecks.realm(null, false).passed(), "realm not readable");

    Map<String, String> demo = new LinkedHashMap<>(realm);
    demo.put("sslRequired", "none");
    IqCheck demoRealm = IqChecks.realm(demo, true);
    assertTrue(demoRealm.passed(), "the local demo's realm, on a demo installation");
    assertTrue(demoRealm.actual().contains("NOT FOR GMP USE"), demoRealm.actual());
    demo.put("eventsEnabled", "false");
    assertFalse(IqChecks.realm(demo, true).passed(), "a demo still needs its events");
  }

  @Test
  @Tag("URS-058")
  void tlsMustVerifyWhereConfiguredAndPlainConnectionsStayOnThisHost() {
    assertTrue(
        IqChecks.tls(
                List.of(
                    new Endpoint("application", true, false, null),
                    new Endpoint("database", false, true, null)))
            .passed());
    assertFalse(
        IqChecks.tls(List.of(new Endpoint("identity provider", true, false, "PKIX path failed")))
            .passed(),
        "an unverified certificate");
    assertFalse(
        IqChecks.tls(List.of(new Endpoint("database", false, false, null))).passed(),
        "a plain connection to another host");
    assertFalse(IqChecks.tls(List.of()).passed(), "nothing checked");
  }

  @Test
  @Tag("URS-058")
  void aSkewedClockOrNoTimeSourceFails() {
    ClockComparison db = new ClockComparison("PostgreSQL", Duration.ofMillis(12), null);
    ClockComparison noChrony = new ClockComparison("chrony", null, "chronyc not available");
    assertTrue(IqChecks.clock(List.of(db, noChrony)).passed());

    IqCheck skewed =
        IqChecks.clock(
            List.of(
                db, new ClockComparison("NTP server ntp.plant", Duration.ofMillis(-1500), null)));
    assertFalse(skewed.passed());
    assertTrue(skewed.actual().contains("offset -1500 ms TOO LARGE"), skewed.actual());

    IqCheck none = IqChecks.clock(List.of(noChrony));
    assertFalse(none.passed(), "no source compared is never a pass");
    assertTrue(none.actual().contains("NO time source could be compared"), none.actual());
  }

  @Test
  @Tag("URS-058")
  void aProductionInstallationWithADemoSecretOrDemoUserFails() {
    Map<String, String> production = new HashMap<>();
    production.put("BATCHTRACE_OIDC_CLIENT_SECRET", "s3cret-of-this-plant");
    production.put("BATCHTRACE_DB_PASSWORD", "db-secret-of-this-plant");
    production.put("BATCHTRACE_MQTT_PASSWORD", "mqtt-secret-of-this-plant");
    assertTrue(IqChecks.demoSecrets(production, "Kc-admin-of-plant-9", List.of()).passed());

    Map<String, String> demoSecret = new HashMap<>(production);
    demoSecret.put("BATCHTRACE_DB_PASSWORD", "batchtrace-app-demo");
    IqCheck secret = IqChecks.demoSecrets(demoSecret, "Kc-admin-of-plant-9", List.of());
    assertFalse(secret.passed());
    assertTrue(secret.actual().contains("BATCHTRACE_DB_PASSWORD"), secret.actual());

    assertFalse(
        IqChecks.demoSecrets(production, IqChecks.DEMO_KEYCLOAK_ADMIN_PASSWORD, List.of()).passed(),
        "the demo Keycloak admin password");
    assertFalse(
        IqChecks.demoSecrets(production, "Kc-admin-of-plant-9", List.of("reviewer")).passed(),
        "a demo user");
    assertFalse(
        IqChecks.demoSecrets(production, "Kc-admin-of-plant-9", null).passed(),
        "the realm's users not read");
    assertFalse(IqChecks.demoSecrets(null, "x", List.of()).passed(), "environment not read");

    Map<String, String> demo = new HashMap<>(demoSecret);
    demo.put("BATCHTRACE_DEMO_DATA", "true");
    IqCheck demoInstallation = IqChecks.demoSecrets(demo, "Admin-Local-1", List.of("reviewer"));
    assertTrue(demoInstallation.passed());
    assertTrue(demoInstallation.actual().contains("NOT FOR GMP USE"), demoInstallation.actual());
  }

  @Test
  @Tag("URS-058")
  void versionsMustBeTheQualifiedOnesExactlyNotLater() {
    assertTrue(IqChecks.java("17", "17.0.15").passed());
    assertFalse(IqChecks.java("17", "21.0.2").passed(), "a later Java");
    assertFalse(IqChecks.java("17", null).passed(), "not readable");
    assertTrue(IqChecks.postgresql("15", 150013, "15.13").passed());
    assertFalse(IqChecks.postgresql("15", 160004, "16.4").passed(), "a later PostgreSQL");
    assertEquals("IQ-06", IqChecks.postgresql("15", 140000, "14.0").id());
  }
}
