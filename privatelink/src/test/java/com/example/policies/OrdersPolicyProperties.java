package com.example.policies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.SampleEstate;
import dev.pgreach.privatelink.arm.ArmExport;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.intent.Intent;
import dev.pgreach.privatelink.intent.IntentReport;
import dev.pgreach.privatelink.intent.IntentStatus;
import dev.pgreach.privatelink.intent.Intents;
import dev.pgreach.privatelink.testing.EstateArbitraries;
import dev.pgreach.privatelink.testing.Feature;
import dev.pgreach.privatelink.testing.IntentAssertions;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A user's policy tests, written as a consumer of pgreach would write them: only public API, in a
 * package of their own (the README's worked example).
 */
class OrdersPolicyProperties {
  /**
   * The user's own policy: "a server is safe when it has no public endpoint or no firewall rule".
   * It is checked against pgreach's intent on generated estates.
   */
  @Property(tries = 100)
  void myPolicyImpliesNoInternetExposure(@ForAll("estates") Estate estate) {
    for (FlexibleServer s : estate.network().flexibleServers()) {
      boolean safeByMyPolicy = !s.hasPublicEndpoint() || estate.firewallRulesOf(s.id()).isEmpty();
      if (safeByMyPolicy) {
        IntentAssertions.assertThat(estate).satisfies(Intent.noServerReachableFromInternet(s.name().toString()));
      }
    }
  }

  /** Works without a provider method: pgreach registers the default one. */
  @Property(tries = 20)
  void everyGeneratedEstateCanBeChecked(@ForAll Estate estate) {
    IntentReport report = Intents.of(Intent.privateEndpointsApproved()).verify(estate, ServiceProfile.current(), EstateArbitraries.INSTANT);
    assertEquals(1, report.results().size());
  }

  @Provide
  Arbitrary<Estate> estates() {
    return EstateArbitraries.estates().onlyValid().without(Feature.OPEN_WORLD);
  }

  /** The CI check: a real export (here the sample's) against an intent file kept with the code. */
  @Example
  void theExportSatisfiesTheIntentFileOrSaysWhy() {
    ArmExport export = ArmExport.write(SampleEstate.estate());
    Estate estate = ArmImport.read(export.resourcesJson(), export.companion()).estate();
    Intents intents =
        Intents.parse(
            """
            { "intents": [
                { "kind": "noServerReachableFromInternet", "servers": ["orders-db", "billing-db"] },
                { "kind": "reachableOnlyFrom", "server": "orders-db",
                  "from": ["spoke-data", "hub", "analytics", "headquarters"] },
                { "kind": "clientsCanConnect", "server": "orders-db", "clients": ["orders-api"] },
                { "kind": "privateEndpointsApproved" } ] }
            """);
    IntentReport report = intents.verify(estate, ServiceProfile.current(), SampleEstate.INSTANT);
    assertEquals(IntentStatus.SATISFIED, report.status(), report.explanation());
    assertTrue(report.toSarif().contains("\"results\" : [ ]"), report.toSarif());
  }
}
