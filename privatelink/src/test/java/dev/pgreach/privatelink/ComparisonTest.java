package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.firewall.FirewallRule;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  private static Comparison compare(Estate after) {
    return Comparison.of(SAMPLE, after, ServiceProfile.current(), SampleEstate.INSTANT);
  }

  @Test
  void of_sameEstate_noDifferences() {
    Comparison c = compare(SAMPLE);
    assertEquals(List.of(), c.forbiddenChanges());
    assertEquals(List.of(), c.accessChanges());
    assertEquals(List.of(), c.exposureChanges());
  }

  @Test
  void of_unlinkingTheHubFromTheOrdersZone_breaksClientsThatResolveThroughTheHub() {
    PrivateDnsZone orders = SAMPLE.privateDnsZones().stream().filter(z -> z.name().toString().startsWith("orders-db")).findFirst().orElseThrow();
    PrivateDnsZone unlinked =
        PrivateDnsZone.builder()
            .id(orders.id())
            .addAllRecords(orders.records())
            .addAllVirtualNetworkLinks(orders.virtualNetworkLinks().stream().filter(l -> !l.name().startsWith("hub")).collect(Collectors.toList()))
            .build();
    Comparison c = compare(SAMPLE.withPrivateDnsZone(unlinked));
    List<String> lost = c.accessChanges().stream().filter(Comparison.AccessChange::isLoss).map(Comparison.AccessChange::client).collect(Collectors.toList());
    // orders-api resolves through the hub forwarder, hq-laptop through the hub's resolver endpoint.
    assertEquals(List.of("hq-laptop", "orders-api"), lost, c.accessChanges().toString());
    assertEquals(List.of(), c.exposureChanges(), "exposure is by address: DNS does not change it");
    assertTrue(c.accessChanges().get(0).toString().contains("DNS_NXDOMAIN"), c.accessChanges().get(0).toString());
  }

  @Test
  void of_addingAFirewallRule_gainsExactlyThoseAddresses() {
    Estate after =
        SAMPLE.withFirewallRules(SampleEstate.server("archive-db"), SAMPLE.firewallRulesOf(SampleEstate.server("archive-db")).upsert(FirewallRule.of("office", "203.0.113.0", "203.0.113.255")));
    Comparison c = compare(after);
    assertEquals(1, c.exposureChanges().size(), c.exposureChanges().toString());
    Comparison.ExposureChange change = c.exposureChanges().get(0);
    assertEquals(SampleEstate.server("archive-db"), change.server());
    assertEquals(AddressSet.parse("203.0.113.0/24"), change.gained());
    assertEquals(AddressSet.EMPTY, change.lost());
    Comparison.AccessChange hq = c.accessChanges().stream().filter(a -> a.client().equals("hq-laptop")).findFirst().orElseThrow();
    assertEquals(Disposition.BLOCKED, hq.before().disposition());
    assertEquals(Disposition.ALLOWED, hq.after().disposition());
  }

  @Test
  void of_removingTheEndpoint_losesThePrivatePathAndItsClients() {
    Comparison c = compare(SAMPLE.withoutPrivateEndpoint(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe")));
    assertTrue(c.accessChanges().stream().anyMatch(a -> a.client().equals("billing-worker") && a.isLoss()), c.accessChanges().toString());
    assertTrue(c.exposureChanges().stream().allMatch(e -> e.gained().isEmpty() && !e.lost().isEmpty()), c.exposureChanges().toString());
  }

  private static Estate withNetworkChange(UnaryOperator<Network.Builder> servers, String resizeSubnet, String newPrefix) {
    Network n = SAMPLE.network();
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks());
    for (VirtualNetwork v : n.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllDnsServers(v.dnsServers()).addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      for (Subnet s : v.subnets()) {
        if (s.name().equals(resizeSubnet)) {
          vb.addSubnets(Subnet.builder().id(s.id()).addressPrefix(Ipv4Prefix.parse(newPrefix)).delegation(s.delegation()).networkSecurityGroup(s.networkSecurityGroup()).build());
        } else {
          vb.addSubnets(s);
        }
      }
      b.addVirtualNetworks(vb.build());
    }
    return SAMPLE.withNetwork(servers.apply(b).build());
  }

  @Test
  void of_forbiddenChanges_reportedWithCodes() {
    Estate changed =
        withNetworkChange(
            b -> {
              for (FlexibleServer s : SAMPLE.network().flexibleServers()) {
                if (s.name().toString().equals("orders-db")) {
                  b.addFlexibleServers(FlexibleServer.builder().id(s.id()).region(s.region()).delegatedSubnet(SampleEstate.subnet("spoke-data", "app"))
                      .privateDnsZone(s.privateDnsZone()).privateAddress(Ipv4Address.parse("10.1.0.9")).build());
                } else if (s.name().toString().equals("web-db")) {
                  b.addFlexibleServers(FlexibleServer.builder().id(s.id()).region(s.region()).delegatedSubnet(SampleEstate.subnet("spoke-data", "pg"))
                      .privateDnsZone(SampleEstate.zone("orders-db.private.postgres.database.azure.com")).build());
                } else {
                  b.addFlexibleServers(s);
                }
              }
              return b;
            },
            "endpoints",
            "10.2.2.0/23");
    Estate after = changed.withFirewallRules(SampleEstate.server("web-db"), dev.pgreach.firewall.FirewallRuleSet.empty());
    List<FindingCode> codes = Comparison.of(SAMPLE, after, ServiceProfile.current(), SampleEstate.INSTANT).forbiddenChanges().stream().map(Finding::code).collect(Collectors.toList());
    assertEquals(List.of(FindingCode.SERVER_MOVED, FindingCode.NETWORKING_MODE_CHANGED, FindingCode.SUBNET_RESIZED_WITH_RESOURCES), codes);
  }

  @Test
  void of_aRuleWidenedToEveryAddress_namesThatRule_notTheAllowAzureServicesRule() {
    Estate wide =
        SAMPLE.withFirewallRules(SampleEstate.server("archive-db"), SAMPLE.firewallRulesOf(SampleEstate.server("archive-db")).upsert(FirewallRule.of("everyone", "0.0.0.0", "255.255.255.255")));
    Comparison c = compare(wide);
    List<Comparison.ExposureChange> azure = c.exposureChanges().stream().filter(e -> e.place().startsWith(Comparison.AZURE_SERVICES)).collect(Collectors.toList());
    assertEquals(1, azure.size(), c.exposureChanges().toString());
    assertEquals(AddressSet.PUBLIC, azure.get(0).gained());
    assertEquals(Comparison.AZURE_SERVICES + " (firewall rule everyone admits every IPv4 address, 0.0.0.0-255.255.255.255)", azure.get(0).place());
  }

  @Test
  void of_theAllowAzureServicesRuleAddedAndRemoved_isNamedAsThatRuleOnBothSides() {
    Estate azure =
        SAMPLE.withFirewallRules(SampleEstate.server("archive-db"), SAMPLE.firewallRulesOf(SampleEstate.server("archive-db")).upsert(FirewallRule.of("azure", "0.0.0.0", "0.0.0.0")));
    for (Comparison c : List.of(Comparison.of(SAMPLE, azure, ServiceProfile.current(), SampleEstate.INSTANT), Comparison.of(azure, SAMPLE, ServiceProfile.current(), SampleEstate.INSTANT))) {
      List<String> places = c.exposureChanges().stream().map(Comparison.ExposureChange::place).filter(p -> p.startsWith(Comparison.AZURE_SERVICES)).collect(Collectors.toList());
      assertEquals(List.of(Comparison.AZURE_SERVICES + " (the allow-Azure-services rule azure, 0.0.0.0, which admits Azure-allocated addresses of every tenant)"), places, c.exposureChanges().toString());
    }
  }

  @Test
  void of_addingTheAzureServicesRuleOrAPropagatingRule_isAnExposureChange() {
    Estate azure =
        SAMPLE.withFirewallRules(SampleEstate.server("archive-db"), SAMPLE.firewallRulesOf(SampleEstate.server("archive-db")).upsert(FirewallRule.of("azure", "0.0.0.0", "0.0.0.0")));
    Comparison c = compare(azure);
    assertTrue(c.exposureChanges().stream().anyMatch(e -> e.place().startsWith(Comparison.AZURE_SERVICES) && e.gained().equals(AddressSet.PUBLIC)), c.exposureChanges().toString());
    Estate propagating =
        SAMPLE.withFirewallRules(
            SampleEstate.server("archive-db"),
            SAMPLE.firewallRulesOf(SampleEstate.server("archive-db"))
                .upsert(FirewallRule.builder().name("new").startIpAddress(Ipv4Address.parse("198.51.100.1")).endIpAddress(Ipv4Address.parse("198.51.100.1"))
                    .changedAt(SampleEstate.INSTANT.minusSeconds(60)).build()));
    Comparison p = compare(propagating);
    assertTrue(p.exposureChanges().stream().anyMatch(e -> e.place().equals("the public endpoint (undecided)") && e.gained().equals(AddressSet.parse("198.51.100.1"))), p.exposureChanges().toString());
  }

  @Test
  void of_anAllowAzureServicesRuleStillPropagating_isAnUndecidedGainOfEveryAzureAddress() {
    Estate propagating =
        SAMPLE.withFirewallRules(
            SampleEstate.server("archive-db"),
            SAMPLE.firewallRulesOf(SampleEstate.server("archive-db"))
                .upsert(FirewallRule.builder().name("azure").startIpAddress(Ipv4Address.parse("0.0.0.0")).endIpAddress(Ipv4Address.parse("0.0.0.0"))
                    .changedAt(SampleEstate.INSTANT.minusSeconds(60)).build()));
    Comparison c = compare(propagating);
    assertTrue(
        c.exposureChanges().stream().anyMatch(e -> e.place().equals(Comparison.AZURE_SERVICES + " (undecided)") && e.gained().equals(AddressSet.PUBLIC)),
        c.exposureChanges().toString());
  }
}
