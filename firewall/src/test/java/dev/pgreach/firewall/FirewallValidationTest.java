package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.inbound;
import static dev.pgreach.firewall.TestEstate.nsg;
import static dev.pgreach.firewall.TestEstate.nsgId;
import static dev.pgreach.firewall.TestEstate.outbound;
import static dev.pgreach.firewall.TestEstate.privateServer;
import static dev.pgreach.firewall.TestEstate.publicServer;
import static dev.pgreach.firewall.TestEstate.serverId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Network;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.core.Subnet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FirewallValidationTest {
  private static final FlexibleServer ORDERS = publicServer("orders");

  private static List<String> firewall(FlexibleServer server, FirewallRule... rules) {
    Network network = new TestEstate().server(server).build();
    return describe(FirewallValidation.validateFirewallRules(network, Map.of(server.id(), FirewallRuleSet.of(rules))));
  }

  /** code:resource name:value, one per finding. */
  private static List<String> describe(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.code() + ":" + f.resource().substring(f.resource().lastIndexOf('/') + 1) + ":" + f.value())
        .collect(Collectors.toList());
  }

  @Test
  void firewall_ruleCoveredByUnionOfOthers_redundant() {
    List<String> found =
        firewall(
            ORDERS,
            FirewallRule.of("low", "203.0.113.0", "203.0.113.127"),
            FirewallRule.of("high", "203.0.113.128", "203.0.113.255"),
            FirewallRule.of("middle", "203.0.113.100", "203.0.113.150"));
    assertEquals(List.of("FIREWALL_RULE_REDUNDANT:middle:203.0.113.100-203.0.113.150"), found);
  }

  @Test
  void firewall_identicalRules_bothRedundant() {
    List<String> found = firewall(ORDERS, FirewallRule.of("one", "198.51.100.7", "198.51.100.7"), FirewallRule.of("two", "198.51.100.7", "198.51.100.7"));
    assertEquals(List.of("FIREWALL_RULE_REDUNDANT:one:198.51.100.7", "FIREWALL_RULE_REDUNDANT:two:198.51.100.7"), found);
  }

  @Test
  void firewall_adjacentRules_notRedundant() {
    assertEquals(
        List.of(),
        firewall(ORDERS, FirewallRule.of("low", "203.0.113.0", "203.0.113.127"), FirewallRule.of("high", "203.0.113.128", "203.0.113.255")));
  }

  @Test
  void firewall_allowAll_reportedAndMakesOthersRedundant() {
    List<String> found =
        firewall(
            ORDERS,
            FirewallRule.of("AllowAll", "0.0.0.0", "255.255.255.255"),
            FirewallRule.of("office", "203.0.113.0", "203.0.113.255"),
            FirewallRule.of("azure", "0.0.0.0", "0.0.0.0"));
    assertEquals(
        List.of(
            "FIREWALL_RULE_ALLOWS_ALL:AllowAll:0.0.0.0-255.255.255.255",
            "FIREWALL_RULE_REDUNDANT:azure:0.0.0.0",
            "FIREWALL_ALLOWS_AZURE_SERVICES:azure:0.0.0.0",
            "FIREWALL_RULE_REDUNDANT:office:203.0.113.0-203.0.113.255"),
        found);
  }

  @Test
  void firewall_rulesTogetherCoverEveryAddress_allowsAllOnTheServer() {
    Network network = new TestEstate().server(ORDERS).build();
    List<Finding> findings =
        FirewallValidation.validateFirewallRules(
            network,
            Map.of(
                ORDERS.id(),
                FirewallRuleSet.of(
                    FirewallRule.of("high", "128.0.0.0", "255.255.255.255"),
                    FirewallRule.of("low", "0.0.0.0", "127.255.255.255"),
                    FirewallRule.of("office", "203.0.113.0", "203.0.113.255"))));
    assertEquals(List.of("FIREWALL_RULE_ALLOWS_ALL:orders:low,high", "FIREWALL_RULE_REDUNDANT:office:203.0.113.0-203.0.113.255"), describe(findings));
    Finding all = findings.get(0);
    assertEquals(ORDERS.id().toString(), all.resource());
    assertEquals("firewallRules", all.field());
    assertEquals(Severity.WARNING, all.severity());
    assertTrue(all.message().contains("low (0.0.0.0-127.255.255.255), high (128.0.0.0-255.255.255.255)"), all.message());
  }

  @Test
  void firewall_rulesCoverAllButZeroAddress_notAllowsAll() {
    assertEquals(
        List.of("FIREWALL_ALLOWS_AZURE_SERVICES:azure:0.0.0.0"),
        firewall(ORDERS, FirewallRule.of("azure", "0.0.0.0", "0.0.0.0"), FirewallRule.of("rest", "0.0.0.1", "255.255.255.255")));
  }

  @Test
  void firewall_twoAzureRules_eachRedundant() {
    List<String> found = firewall(ORDERS, FirewallRule.of("azure-a", "0.0.0.0", "0.0.0.0"), FirewallRule.of("azure-b", "0.0.0.0", "0.0.0.0"));
    assertEquals(
        List.of(
            "FIREWALL_RULE_REDUNDANT:azure-a:0.0.0.0",
            "FIREWALL_ALLOWS_AZURE_SERVICES:azure-a:0.0.0.0",
            "FIREWALL_RULE_REDUNDANT:azure-b:0.0.0.0",
            "FIREWALL_ALLOWS_AZURE_SERVICES:azure-b:0.0.0.0"),
        found);
  }

  @Test
  void firewall_publicAccessDisabled_notEnforced() {
    List<String> found = firewall(publicServer("orders", PublicNetworkAccess.DISABLED), FirewallRule.of("office", "203.0.113.0", "203.0.113.255"));
    assertEquals(List.of("FIREWALL_RULES_NOT_ENFORCED:orders:Disabled"), found);
  }

  @Test
  void firewall_vnetIntegratedServer_everyRuleIsAnError() {
    FlexibleServer vault = privateServer("vault", "hub", "db", "10.0.1.4");
    Network network = new TestEstate().vnet("hub", "10.0.0.0/16").subnet("hub", "db", "10.0.1.0/28").server(vault).build();
    List<Finding> findings =
        FirewallValidation.validateFirewallRules(
            network,
            Map.of(vault.id(), FirewallRuleSet.of(FirewallRule.of("office", "203.0.113.0", "203.0.113.255"), FirewallRule.of("AllowAll", "0.0.0.0", "255.255.255.255"))));
    assertEquals(
        List.of("FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER:AllowAll:0.0.0.0-255.255.255.255", "FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER:office:203.0.113.0-203.0.113.255"),
        describe(findings));
    assertEquals(Severity.ERROR, findings.get(0).severity());
    assertTrue(findings.get(0).message().contains("Firewall rule operations cannot be requested for a private access enabled server"));
    assertEquals(serverId("vault").child("firewallRules", "AllowAll").toString(), findings.get(0).resource());
  }

  @Test
  void firewall_unknownServer_throwsUnknownResource() {
    Network network = new TestEstate().server(ORDERS).build();
    PgreachException e =
        assertThrows(PgreachException.class, () -> FirewallValidation.validateFirewallRules(network, Map.of(serverId("ghost"), FirewallRuleSet.empty())));
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.code());
    assertTrue(e.getMessage().contains("ghost"), e.getMessage());
  }

  // ---------------------------------------------------------------- network security groups

  /** hub 10.0.0.0/16 with a delegated db subnet (10.0.1.0/28, NSG db-nsg, server vault) and an apps subnet (apps-nsg). */
  private static Network serverNetwork() {
    return new TestEstate()
        .vnet("hub", "10.0.0.0/16")
        .subnet("hub", "db", "10.0.1.0/28", b -> b.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).networkSecurityGroup(nsgId("db-nsg")))
        .subnet("hub", "apps", "10.0.2.0/24", "apps-nsg")
        .server(privateServer("vault", "hub", "db", "10.0.1.4"))
        .build();
  }

  private static List<String> groups(ServiceProfile profile, Map<String, AddressSet> tags, NetworkSecurityGroup db, NetworkSecurityGroup... more) {
    List<NetworkSecurityGroup> all = new java.util.ArrayList<>(List.of(db));
    all.addAll(List.of(more));
    if (all.stream().noneMatch(g -> g.name().equals("apps-nsg"))) {
      all.add(nsg("apps-nsg"));
    }
    return describe(FirewallValidation.validateSecurityGroups(serverNetwork(), profile, all, tags));
  }

  private static List<String> groups(NetworkSecurityGroup db, NetworkSecurityGroup... more) {
    return groups(ServiceProfile.current(), Map.of(), db, more);
  }

  @Test
  void nsg_defaultsOnly_noFindings() {
    assertEquals(List.of(), groups(nsg("db-nsg")));
  }

  @Test
  void nsg_ruleCoveredByHigherPriorityRule_shadowed() {
    List<String> found =
        groups(
            nsg("db-nsg"),
            nsg(
                "apps-nsg",
                inbound("deny-all-tcp", 100, SecurityRuleAccess.DENY, "*", "*", "*"),
                inbound("allow-ssh", 200, SecurityRuleAccess.ALLOW, "10.1.0.0/16", "*", "22")));
    assertEquals(List.of("NSG_RULE_SHADOWED:allow-ssh:200"), found);
  }

  @Test
  void nsg_ruleCoveredOnlyByTwoRulesTogether_shadowed() {
    List<String> found =
        groups(
            nsg("db-nsg"),
            nsg(
                "apps-nsg",
                inbound("low-half", 100, SecurityRuleAccess.ALLOW, "10.1.0.0/17", "*", "22"),
                inbound("high-half", 110, SecurityRuleAccess.DENY, "10.1.128.0/17", "*", "22"),
                inbound("whole", 120, SecurityRuleAccess.ALLOW, "10.1.0.0/16", "*", "22")));
    assertEquals(List.of("NSG_RULE_SHADOWED:whole:120"), found);
  }

  @Test
  void nsg_higherRulePartlyCovers_notShadowed() {
    List<String> found =
        groups(
            nsg("db-nsg"),
            nsg(
                "apps-nsg",
                inbound("some-ports", 100, SecurityRuleAccess.DENY, "*", "*", "0-1000"),
                inbound("ssh-and-more", 200, SecurityRuleAccess.ALLOW, "*", "*", "22,2222")));
    assertEquals(List.of(), found);
  }

  @Test
  void nsg_higherRuleWithOpaqueTag_doesNotShadow() {
    List<String> found =
        groups(
            nsg("db-nsg"),
            nsg(
                "apps-nsg",
                inbound("deny-cloud", 100, SecurityRuleAccess.DENY, "AzureCloud", "*", "*"),
                inbound("allow-cloud-ssh", 200, SecurityRuleAccess.ALLOW, "AzureCloud", "*", "22")));
    assertEquals(List.of("NSG_SERVICE_TAG_UNKNOWN:allow-cloud-ssh:AzureCloud", "NSG_SERVICE_TAG_UNKNOWN:deny-cloud:AzureCloud"), found);
  }

  @Test
  void nsg_suppliedTag_canShadow() {
    List<String> found =
        groups(
            ServiceProfile.current(),
            Map.of("AzureCloud", AddressSet.parse("20.0.0.0/8")),
            nsg("db-nsg"),
            nsg(
                "apps-nsg",
                inbound("deny-cloud", 100, SecurityRuleAccess.DENY, "AzureCloud", "*", "*"),
                inbound("allow-cloud-ssh", 200, SecurityRuleAccess.ALLOW, "20.1.0.0/16", "*", "22")));
    assertEquals(List.of("NSG_RULE_SHADOWED:allow-cloud-ssh:200"), found);
  }

  @Test
  void nsg_unattachedGroup_stillLinted() {
    List<String> found =
        groups(
            nsg("db-nsg"),
            nsg(
                "spare-nsg",
                outbound("deny-all", 100, SecurityRuleAccess.DENY, "*", "*", "*"),
                outbound("allow-https", 200, SecurityRuleAccess.ALLOW, "*", "Internet", "443")));
    assertEquals(List.of("NSG_RULE_SHADOWED:allow-https:200"), found);
  }

  @Test
  void nsg_denyPostgresInsideServerSubnet_breaksHighAvailability() {
    List<String> found = groups(nsg("db-nsg", inbound("deny-vnet-pg", 100, SecurityRuleAccess.DENY, "VirtualNetwork", "*", "5432")));
    assertEquals(List.of("NSG_BLOCKS_SERVER_SUBNET:deny-vnet-pg:Deny"), found);
  }

  @Test
  void nsg_denyPostgresFromInternetOnly_doesNotTouchSubnetTraffic() {
    assertEquals(List.of(), groups(nsg("db-nsg", inbound("deny-internet-pg", 100, SecurityRuleAccess.DENY, "Internet", "*", "5432"))));
  }

  @Test
  void nsg_allowSubnetBeforeDeny_noFinding() {
    List<String> found =
        groups(
            nsg(
                "db-nsg",
                inbound("allow-subnet-pg", 100, SecurityRuleAccess.ALLOW, "10.0.1.0/28", "10.0.1.0/28", "5432"),
                inbound("deny-pg", 200, SecurityRuleAccess.DENY, "*", "*", "5432")));
    assertEquals(List.of(), found);
  }

  @Test
  void nsg_denyAllOutbound_breaksHighAvailabilityAndStorage() {
    List<String> found = groups(nsg("db-nsg", outbound("deny-everything", 4096, SecurityRuleAccess.DENY, "*", "*", "*")));
    assertEquals(List.of("NSG_BLOCKS_SERVER_SUBNET:deny-everything:Deny", "NSG_BLOCKS_STORAGE_OUTBOUND:db:" + nsgId("db-nsg")), found);
  }

  @Test
  void nsg_denyInternetOutboundWithoutStorageAllow_breaksWalArchiving() {
    NetworkSecurityGroup db = nsg("db-nsg", outbound("deny-internet", 4000, SecurityRuleAccess.DENY, "*", "Internet", "*"));
    assertEquals(List.of("NSG_BLOCKS_STORAGE_OUTBOUND:db:" + nsgId("db-nsg")), groups(db));
    assertEquals(List.of(), groups(ServiceProfile.preview2021(), Map.of(), db));
  }

  @Test
  void nsg_storageAllowedBeforeInternetDeny_noFinding() {
    NetworkSecurityGroup db =
        nsg(
            "db-nsg",
            outbound("allow-storage", 100, SecurityRuleAccess.ALLOW, "10.0.1.0/28", "Storage", "443"),
            outbound("deny-internet", 4000, SecurityRuleAccess.DENY, "*", "Internet", "*"));
    assertEquals(List.of("NSG_SERVICE_TAG_UNKNOWN:allow-storage:Storage"), groups(db));
  }

  @Test
  void nsg_regionalStorageTagAllowed_noFinding() {
    NetworkSecurityGroup db =
        nsg(
            "db-nsg",
            outbound("allow-storage", 100, SecurityRuleAccess.ALLOW, "*", "Storage.WestEurope", "443"),
            outbound("deny-internet", 4000, SecurityRuleAccess.DENY, "*", "Internet", "*"));
    assertEquals(List.of("NSG_SERVICE_TAG_UNKNOWN:allow-storage:Storage.WestEurope"), groups(db));
  }

  @Test
  void nsg_denyPublicPrefixBeforeStorage_mayBlockStorage() {
    NetworkSecurityGroup db = nsg("db-nsg", outbound("deny-some-public", 100, SecurityRuleAccess.DENY, "*", "52.0.0.0/8", "443"));
    assertEquals(List.of("NSG_BLOCKS_STORAGE_OUTBOUND:db:" + nsgId("db-nsg")), groups(db));
    NetworkSecurityGroup privateOnly = nsg("db-nsg", outbound("deny-private", 100, SecurityRuleAccess.DENY, "*", "192.168.0.0/16", "443"));
    assertEquals(List.of(), groups(privateOnly));
  }

  /**
   * With only the regional Storage ranges supplied, an allow rule naming the plain Storage tag
   * certainly covers them (Storage.westeurope is part of Storage): no false warning.
   */
  @Test
  void nsg_plainStorageAllowedWithRegionalRangesSupplied_noStorageFinding() {
    NetworkSecurityGroup db =
        nsg(
            "db-nsg",
            outbound("allow-storage", 100, SecurityRuleAccess.ALLOW, "10.0.1.0/28", "Storage", "443"),
            outbound("deny-internet", 4000, SecurityRuleAccess.DENY, "*", "Internet", "*"));
    Map<String, AddressSet> regional = Map.of("Storage.westeurope", AddressSet.parse("52.0.0.0/8"));
    assertEquals(List.of("NSG_SERVICE_TAG_UNKNOWN:allow-storage:Storage"), groups(ServiceProfile.current(), regional, db));
    NetworkSecurityGroup partial =
        nsg(
            "db-nsg",
            outbound("allow-storage", 100, SecurityRuleAccess.ALLOW, "10.0.1.0/29", "Storage", "443"),
            outbound("deny-internet", 4000, SecurityRuleAccess.DENY, "*", "Internet", "*"));
    assertEquals(
        List.of("NSG_SERVICE_TAG_UNKNOWN:allow-storage:Storage", "NSG_BLOCKS_STORAGE_OUTBOUND:db:" + nsgId("db-nsg")),
        groups(ServiceProfile.current(), regional, partial));
  }

  /**
   * The shadowing lint uses the VirtualNetwork tag of each subnet the group applies in: a rule for
   * a user route's prefix is shadowed by a VirtualNetwork rule in the subnet whose route table holds
   * the route, and not once the group also applies in a subnet without it.
   */
  @Test
  void nsg_ruleForUserRoutePrefixBehindVirtualNetworkRule_shadowedOnlyWhereTheRouteApplies() {
    NetworkSecurityGroup g =
        nsg(
            "g",
            inbound("deny-vnet", 100, SecurityRuleAccess.DENY, "VirtualNetwork", "*", "*"),
            inbound("allow-branch", 200, SecurityRuleAccess.ALLOW, "10.2.0.0/16", "*", "5432"));
    TestEstate routed =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .routeTable("rt", dev.pgreach.core.Route.toAppliance("to-nva", dev.pgreach.core.Ipv4Prefix.parse("10.2.0.0/16"), TestEstate.ip("10.0.3.4")))
            .subnet("hub", "web", "10.0.2.0/24", b -> b.networkSecurityGroup(nsgId("g")).routeTable(TestEstate.routeTableId("rt")));
    assertEquals(
        List.of("NSG_RULE_SHADOWED:allow-branch:200"),
        describe(FirewallValidation.validateSecurityGroups(routed.build(), ServiceProfile.current(), List.of(g), Map.of())));
    Network both = routed.subnet("hub", "other", "10.0.4.0/24", "g").build();
    assertEquals(List.of(), describe(FirewallValidation.validateSecurityGroups(both, ServiceProfile.current(), List.of(g), Map.of())));
  }

  @Test
  void nsg_suppliedStorageRanges_decideExactly() {
    Map<String, AddressSet> storage = Map.of("Storage", AddressSet.parse("52.0.0.0/8"));
    NetworkSecurityGroup blocks = nsg("db-nsg", outbound("deny-52", 100, SecurityRuleAccess.DENY, "*", "52.0.0.0/8", "443"));
    assertEquals(List.of("NSG_BLOCKS_STORAGE_OUTBOUND:db:" + nsgId("db-nsg")), groups(ServiceProfile.current(), storage, blocks));
    NetworkSecurityGroup elsewhere = nsg("db-nsg", outbound("deny-53", 100, SecurityRuleAccess.DENY, "*", "53.0.0.0/8", "443"));
    assertEquals(List.of(), groups(ServiceProfile.current(), storage, elsewhere));
  }

  @Test
  void nsg_applicationSecurityGroupOnServerSubnet_unsupported() {
    SecurityRule asg =
        SecurityRule.builder().name("from-web-asg").priority(100).direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
            .protocol(SecurityRuleProtocol.TCP)
            .addSourceApplicationSecurityGroups(TestEstate.id(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "web-asg"))
            .addSourcePortRanges(PortRange.ANY).addDestinationAddressPrefixes(SecurityRuleAddress.ANY).addDestinationPortRanges(PortRange.of(5432))
            .build();
    assertEquals(List.of("NSG_APPLICATION_SECURITY_GROUP_UNSUPPORTED:from-web-asg:web-asg"), groups(nsg("db-nsg", asg)));
    assertEquals(List.of(), groups(nsg("db-nsg"), nsg("apps-nsg", asg)));
  }

  @Test
  void validate_combinesAndSorts() {
    FlexibleServer orders = publicServer("orders");
    Network network = new TestEstate().vnet("hub", "10.0.0.0/16").subnet("hub", "apps", "10.0.2.0/24", "apps-nsg").server(orders).build();
    List<Finding> findings =
        FirewallValidation.validate(
            network,
            ServiceProfile.current(),
            Map.of(orders.id(), FirewallRuleSet.of(FirewallRule.of("azure", "0.0.0.0", "0.0.0.0"))),
            List.of(nsg("apps-nsg", inbound("a", 100, SecurityRuleAccess.DENY, "*", "*", "*"), inbound("b", 200, SecurityRuleAccess.ALLOW, "*", "*", "22"))),
            Map.of());
    assertEquals(2, findings.size());
    assertEquals(List.copyOf(new java.util.TreeSet<>(findings)), findings);
    assertEquals(List.of(FindingCode.FIREWALL_ALLOWS_AZURE_SERVICES, FindingCode.NSG_RULE_SHADOWED), List.of(findings.get(0).code(), findings.get(1).code()));
  }
}
