package dev.pgreach.privatelink.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Coverage;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Network;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import dev.pgreach.privatelink.SampleEstate;
import dev.pgreach.privatelink.testing.IntentAssertions;
import org.junit.jupiter.api.Test;

/** Intents on the sample estate: the documented cases. */
class IntentTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  private static IntentResult check(Estate estate, Intent intent) {
    return Intents.of(intent).verify(estate, ServiceProfile.current(), SampleEstate.INSTANT).results().get(0);
  }

  @Test
  void webDbIsReachableFromTheInternetAndTheCounterexampleConnects() {
    IntentResult r = check(SAMPLE, Intent.noServerReachableFromInternet());
    assertEquals(IntentStatus.VIOLATED, r.status());
    Violation v = r.violations().get(0);
    assertTrue(v.summary().contains("web-db:5432") && v.summary().contains("203.0.113.0/24"), v.summary());
    assertEquals(Disposition.ALLOWED, v.counterexample().orElseThrow().disposition());
    assertTrue(v.explanation().contains("FIREWALL_RULE_MATCHED"), v.explanation());
  }

  @Test
  void ordersDbIsPrivateSoTheInternetIntentHoldsForIt() {
    assertEquals(IntentStatus.SATISFIED, check(SAMPLE, Intent.noServerReachableFromInternet("orders-db")).status());
  }

  @Test
  void ordersDbIsReachableFromAnalyticsAndHeadquarters() {
    IntentResult narrow = check(SAMPLE, Intent.reachableOnlyFrom("orders-db", "spoke-data", "hub"));
    assertEquals(IntentStatus.VIOLATED, narrow.status());
    assertTrue(narrow.violations().stream().anyMatch(v -> v.summary().contains("analytics/bi")), narrow.explanation());
    assertTrue(narrow.violations().stream().anyMatch(v -> v.summary().contains("headquarters")), narrow.explanation());
    narrow.violations().forEach(v -> assertEquals(Disposition.ALLOWED, v.counterexample().orElseThrow().disposition()));
    IntentResult wide = check(SAMPLE, Intent.reachableOnlyFrom("orders-db", "spoke-data", "hub", "analytics", "headquarters"));
    assertEquals(IntentStatus.SATISFIED, wide.status(), wide.explanation());
  }

  @Test
  void theAzureServicesRuleOfWebDbIsReported() {
    IntentResult r = check(SAMPLE, Intent.noAzureServicesRule());
    assertEquals(IntentStatus.VIOLATED, r.status());
    assertEquals(1, r.violations().size(), r.explanation());
    assertTrue(r.violations().get(0).explanation().contains("FIREWALL_AZURE_SERVICES_ALLOWED"), r.explanation());
  }

  @Test
  void ordersApiConnectsByNameButBillingWorkerCannot() {
    assertEquals(IntentStatus.SATISFIED, check(SAMPLE, Intent.clientsCanConnect("orders-db", "orders-api")).status());
    IntentResult r = check(SAMPLE, Intent.clientsCanConnect("orders-db", "billing-worker"));
    assertEquals(IntentStatus.VIOLATED, r.status());
    assertEquals(Disposition.BLOCKED, r.violations().get(0).counterexample().orElseThrow().disposition());
  }

  @Test
  void analyticsReachesOrdersDbByAddressButNotByName() {
    IntentResult r = check(SAMPLE, Intent.resolvableWhereRoutable("orders-db"));
    assertEquals(IntentStatus.VIOLATED, r.status());
    assertTrue(r.violations().stream().anyMatch(v -> v.summary().contains("analytics/bi") && v.summary().contains("not by name")), r.explanation());
  }

  @Test
  void aPendingEndpointViolatesTheApprovalIntentWithABlockedFlow() {
    assertEquals(IntentStatus.SATISFIED, check(SAMPLE, Intent.privateEndpointsApproved()).status());
    PrivateEndpoint p = SAMPLE.privateEndpoints().get(0);
    Estate pending =
        SAMPLE.withPrivateEndpoint(
            PrivateEndpoint.builder()
                .id(p.id())
                .region(p.region())
                .subnet(p.subnet())
                .privateAddress(p.privateAddress())
                .targetServer(p.targetServer())
                .connectionState(PrivateEndpointConnectionState.PENDING)
                .addAllPrivateDnsZones(p.privateDnsZones())
                .build());
    IntentResult r = check(pending, Intent.privateEndpointsApproved());
    assertEquals(IntentStatus.VIOLATED, r.status());
    assertEquals(Disposition.BLOCKED, r.violations().get(0).counterexample().orElseThrow().disposition(), r.explanation());
  }

  /** In an open world, firewall rules that are not in the input make the intent indeterminate, never satisfied. */
  @Test
  void firewallRulesNotInTheInputMakeTheIntentIndeterminate() {
    var webDb = SAMPLE.network().flexibleServers().stream().filter(s -> s.name().toString().equals("archive-db")).findFirst().orElseThrow();
    assertEquals(IntentStatus.SATISFIED, check(SAMPLE, Intent.noServerReachableFromInternet("archive-db")).status());
    Network n = SAMPLE.network();
    Network open = Network.builder()
        .addAllVirtualNetworks(n.virtualNetworks()).addAllNetworkInterfaces(n.networkInterfaces()).addAllRouteTables(n.routeTables())
        .addAllVirtualNetworkGateways(n.virtualNetworkGateways()).addAllGatewayConnections(n.gatewayConnections())
        .addAllOnPremisesNetworks(n.onPremisesNetworks()).addAllFlexibleServers(n.flexibleServers())
        .coverage(Coverage.builder().whole(true).putIncompleteInventories(Inventory.FIREWALL_RULES, webDb.id()).build()).build();
    IntentResult r = check(SAMPLE.withNetwork(open), Intent.noServerReachableFromInternet("archive-db"));
    assertEquals(IntentStatus.INDETERMINATE, r.status(), r.explanation());
    assertEquals(Disposition.INDETERMINATE, r.undecided().get(0).counterexample().orElseThrow().disposition(), r.explanation());
  }

  @Test
  void namesTheEstateLacksAreReportedAllAtOnce() {
    Intents intents = Intents.of(Intent.clientsCanConnect("nope-db", "ghost"), Intent.reachableOnlyFrom("orders-db", "nowhere/else"));
    PgreachException e = assertThrows(PgreachException.class, () -> intents.verify(SAMPLE, ServiceProfile.current(), SampleEstate.INSTANT));
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.code());
    assertEquals(3, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("intents[0]") && e.getMessage().contains("\"nope-db\"") && e.getMessage().contains("intents[1].from"), e.getMessage());
  }

  @Test
  void theIntentFileIsReadAndEveryProblemReported() {
    Intents intents = Intents.parse("{\"intents\": [{\"kind\": \"noServerReachableFromInternet\"}, {\"kind\": \"reachableOnlyFrom\", \"server\": \"orders-db\", \"from\": [\"hub\"]}]}");
    assertEquals(Intents.of(Intent.noServerReachableFromInternet(), Intent.reachableOnlyFrom("orders-db", "hub")), intents);
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> Intents.parse("{\"intents\": [{\"kind\": \"everythingFine\"}, {\"kind\": \"reachableOnlyFrom\", \"from\": [3]}, {\"kind\": \"noAzureServicesRule\", \"color\": 1}], \"extra\": true}"));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    String m = e.getMessage();
    assertTrue(m.contains("$.extra") && m.contains("$.intents[0].kind (\"everythingFine\")") && m.contains("$.intents[1].server is missing")
        && m.contains("$.intents[1].from[0] (3)") && m.contains("$.intents[2].color"), m);
    assertEquals(ErrorCode.INVALID_INPUT, assertThrows(PgreachException.class, () -> Intents.parse("{\"intents\": [")).code());
    assertEquals(ErrorCode.INVALID_INPUT, assertThrows(PgreachException.class, () -> Intents.parse("[]")).code());
  }

  @Test
  void readingForAnEstate_reportsUnknownNamesTogetherWithTheFilesOwnProblems_eachAtItsPath() {
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> Intents.parse("{\"intents\": [{\"kind\": \"noServerReachableFromInternet\", \"servers\": [\"gone-db\"]}, {\"kind\": \"noSuchKind\"},"
                + " {\"kind\": \"clientsCanConnect\", \"server\": \"orders-db\", \"clients\": [\"nobody\"]}]}", SAMPLE));
    assertEquals(3, e.problems().size(), e.getMessage());
    assertEquals(ErrorCode.INVALID_INPUT, e.problems().get(0).code());
    assertTrue(e.problems().get(0).getMessage().startsWith("$.intents[1].kind (\"noSuchKind\")"), e.getMessage());
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.problems().get(1).code());
    assertTrue(e.problems().get(1).getMessage().startsWith("$.intents[0] (noServerReachableFromInternet) names server \"gone-db\""), e.getMessage());
    assertTrue(e.problems().get(2).getMessage().startsWith("$.intents[2].clients names client \"nobody\""), e.getMessage());
    assertEquals(Intents.of(Intent.noServerReachableFromInternet("orders-db")), Intents.parse("{\"intents\": [{\"kind\": \"noServerReachableFromInternet\", \"servers\": [\"orders-db\"]}]}", SAMPLE));
  }

  @Test
  void theReportIsWrittenAsSarif() {
    IntentReport report = Intents.of(Intent.noServerReachableFromInternet(), Intent.privateEndpointsApproved()).verify(SAMPLE, ServiceProfile.current(), SampleEstate.INSTANT);
    String sarif = report.toSarif();
    assertTrue(sarif.contains("\"version\" : \"2.1.0\"") && sarif.contains("\"ruleId\" : \"noServerReachableFromInternet\"") && sarif.contains("\"level\" : \"error\""), sarif);
    int results = report.results().stream().mapToInt(r -> r.violations().size() + r.undecided().size()).sum();
    assertEquals(results, sarif.split("\"ruleId\"", -1).length - 1);
  }

  @Test
  void theAssertionFailsWithTheCounterexample() {
    AssertionError e = assertThrows(AssertionError.class, () -> IntentAssertions.assertThat(SAMPLE).satisfies(Intent.noAzureServicesRule()));
    assertTrue(e.getMessage().contains("counterexample: CONNECTED: other-tenant-service -> web-db") && e.getMessage().contains("server web-db"), e.getMessage());
    IntentAssertions.assertThat(SAMPLE).satisfies(Intent.noServerReachableFromInternet("orders-db", "billing-db"));
  }
}
