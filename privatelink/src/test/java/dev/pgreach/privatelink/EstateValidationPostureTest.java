package dev.pgreach.privatelink;

import static dev.pgreach.privatelink.EstateFixture.WEST_EUROPE;
import static dev.pgreach.privatelink.EstateFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.firewall.FirewallThresholds;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleDirection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reachability claims that agree with connect, posture findings, and the current profile's refusals. */
class EstateValidationPostureTest {

  private static List<Finding> only(Estate estate, FindingCode code) {
    return EstateValidation.validate(estate, ServiceProfile.current()).stream().filter(f -> f.code() == code).collect(Collectors.toList());
  }

  @Test
  void zoneLink_networkOverlappingTheServersButNotPeered_isNotToldItCanReachTheServer() {
    // "apps" overlaps the server's network and is not peered with it: its packets to 10.1.1.4 stay
    // in its own space, and connect answers that nothing answers there.
    Estate estate =
        new EstateFixture()
            .vnet("data", WEST_EUROPE, "10.1.0.0/16")
            .delegatedSubnet("data", "pg", "10.1.1.0/24")
            .vnetServer("orders-db", "data", "pg", "10.1.1.4")
            .vnet("apps", WEST_EUROPE, "10.1.0.0/16")
            .subnet("apps", "web", "10.1.2.0/24")
            .build();

    assertEquals(List.of(), only(estate, FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK));
  }

  @Test
  void zoneLink_peeredNetworkWithoutTheLink_isToldItIsRoutedToTheServer() {
    Estate estate =
        new EstateFixture()
            .vnet("data", WEST_EUROPE, "10.1.0.0/16")
            .delegatedSubnet("data", "pg", "10.1.1.0/24")
            .vnetServer("orders-db", "data", "pg", "10.1.1.4")
            .vnet("apps", WEST_EUROPE, "10.2.0.0/16")
            .subnet("apps", "web", "10.2.2.0/24")
            .peer("apps", "data")
            .build();

    List<Finding> f = only(estate, FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK);
    assertEquals(1, f.size(), f.toString());
    assertEquals(EstateFixture.vnetId("apps").toString(), f.get(0).resource());
    assertTrue(f.get(0).message().contains("subnet web of apps are routed to server orders-db at 10.1.1.4 in data"), f.get(0).message());
  }

  @Test
  void publicNetworkAccessEnabledOnVnetIntegratedServer_isAnErrorToday_andIgnoredUnderPreview2021() {
    Estate estate =
        new EstateFixture()
            .vnet("data", WEST_EUROPE, "10.1.0.0/16")
            .delegatedSubnet("data", "pg", "10.1.1.0/24")
            .vnetServer("orders-db", "data", "pg", "10.1.1.4", b -> b.publicNetworkAccess(PublicNetworkAccess.ENABLED))
            .build();

    List<Finding> current = only(estate, FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION);
    assertEquals(1, current.size());
    assertEquals(Severity.ERROR, current.get(0).severity());
    assertTrue(current.get(0).message().contains("ConflictingPublicNetworkAccessAndVirtualNetworkConfiguration"));
    assertEquals(List.of(), only(estate, FindingCode.PUBLIC_NETWORK_ACCESS_IGNORED));
    List<FindingCode> preview =
        EstateValidation.validate(estate, ServiceProfile.preview2021()).stream().map(Finding::code).collect(Collectors.toList());
    assertTrue(preview.contains(FindingCode.PUBLIC_NETWORK_ACCESS_IGNORED), preview.toString());
    assertTrue(!preview.contains(FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION), preview.toString());
  }

  @Test
  void publicNetworkAccessEnabled_isAdviceOnPublicAccessServersOnly() {
    Estate estate =
        new EstateFixture()
            .vnet("data", WEST_EUROPE, "10.1.0.0/16")
            .delegatedSubnet("data", "pg", "10.1.1.0/24")
            .vnetServer("orders-db", "data", "pg", "10.1.1.4")
            .publicServer("web-db", "20.1.2.3")
            .firewallRule("web-db", "office", "198.51.100.0", "198.51.100.255")
            .build();

    List<Finding> f = only(estate, FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED);
    assertEquals(List.of(EstateFixture.serverId("web-db").toString()), f.stream().map(Finding::resource).collect(Collectors.toList()));
    assertEquals(Severity.ADVICE, f.get(0).severity());
  }

  @Test
  void publicAccessDisabledWithoutApprovedEndpoint_warnsUnreachable() {
    Estate estate =
        new EstateFixture()
            .vnet("apps", WEST_EUROPE, "10.2.0.0/16")
            .subnet("apps", "pe", "10.2.3.0/24")
            .publicServer("billing-db", "20.1.2.4", b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED))
            .endpoint("billing-pe", "billing-db", "apps", "pe", "10.2.3.10", PrivateEndpointConnectionState.PENDING)
            .build();

    List<Finding> f = only(estate, FindingCode.PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT);
    assertEquals(1, f.size(), f.toString());
    assertEquals(Severity.WARNING, f.get(0).severity());
    assertEquals(List.of(), only(estate, FindingCode.SERVER_UNREACHABLE));
  }

  @Test
  void subnetHoldingClientsOrEndpointsWithoutAGroup_isAdvice_andGroupedSubnetsAreNot() {
    Estate estate =
        new EstateFixture()
            .vnet("apps", WEST_EUROPE, "10.2.0.0/16")
            .subnet("apps", "web", "10.2.1.0/24")
            .subnet("apps", "pe", "10.2.3.0/24")
            .subnet("apps", "guarded", "10.2.4.0/24")
            .nsg("guard")
            .subnetNsg("apps", "guarded", "guard")
            .publicServer("billing-db", "20.1.2.4")
            .endpoint("billing-pe", "billing-db", "apps", "pe", "10.2.3.10")
            .vm("vm-web", "apps", "web", "10.2.1.10")
            .vm("vm-guarded", "apps", "guarded", "10.2.4.10")
            .build();

    List<Finding> f = only(estate, FindingCode.SUBNET_WITHOUT_NSG);
    assertEquals(2, f.size(), f.toString());
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.ADVICE));
    assertTrue(f.stream().anyMatch(x -> x.resource().endsWith("/subnets/web") && x.message().contains("client vm-web")), f.toString());
    assertTrue(f.stream().anyMatch(x -> x.resource().endsWith("/subnets/pe") && x.message().contains("private endpoint billing-pe")), f.toString());
  }

  @Test
  void securityRuleAdmittingAnySourceToPostgres_isAWarning_andOtherPortsAreNot() {
    Estate estate =
        new EstateFixture()
            .vnet("data", WEST_EUROPE, "10.1.0.0/16")
            .delegatedSubnet("data", "pg", "10.1.1.0/24")
            .vnetServer("orders-db", "data", "pg", "10.1.1.4")
            .nsg("pg-nsg",
                rule("any-5432", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, "*", "*", 5432),
                rule("internet-6432", 110, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, "Internet", "*", 6432),
                rule("all-5432", 120, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, "0.0.0.0/0", "*", 5432),
                rule("office-5432", 130, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, "198.51.100.0/24", "*", 5432),
                rule("any-22", 140, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, "*", "*", 22))
            .subnetNsg("data", "pg", "pg-nsg")
            .build();

    List<Finding> f = only(estate, FindingCode.NSG_ALLOWS_ANY_SOURCE_TO_POSTGRES);
    assertEquals(
        List.of("any-5432", "internet-6432"),
        f.stream().map(x -> x.resource().substring(x.resource().lastIndexOf('/') + 1)).sorted().collect(Collectors.toList()),
        "all-5432 is shadowed by any-5432, which decides every flow it could match; " + f);
    assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
  }

  @Test
  void securityGroupOnGatewaySubnet_isAnError() {
    Estate estate =
        new EstateFixture()
            .vnet("hub", WEST_EUROPE, "10.0.0.0/16")
            .subnet("hub", "GatewaySubnet", "10.0.255.0/27")
            .nsg("gw-nsg")
            .subnetNsg("hub", "GatewaySubnet", "gw-nsg")
            .build();

    List<Finding> f = only(estate, FindingCode.NSG_ON_GATEWAY_SUBNET);
    assertEquals(1, f.size(), f.toString());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertTrue(f.get(0).resource().endsWith("/subnets/GatewaySubnet"));
  }

  @Test
  void firewallThresholds_areOffByDefault_andReportServersAboveThem() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.1.2.3")
            .firewallRule("web-db", "office", "198.51.100.0", "198.51.100.255")
            .firewallRule("web-db", "partner", "203.0.113.0", "203.0.113.15")
            .firewallRule("web-db", "lan", "10.0.0.0", "10.255.255.255")
            .build();

    List<FindingCode> none = EstateValidation.validate(estate, ServiceProfile.current()).stream().map(Finding::code).collect(Collectors.toList());
    assertTrue(!none.contains(FindingCode.FIREWALL_RULES_ABOVE_THRESHOLD) && !none.contains(FindingCode.FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD), none.toString());

    List<Finding> above =
        EstateValidation.validate(estate, ServiceProfile.current(), FirewallThresholds.none().withMaxRules(2).withMaxPublicAddresses(271));
    Finding rules = above.stream().filter(x -> x.code() == FindingCode.FIREWALL_RULES_ABOVE_THRESHOLD).findFirst().orElseThrow();
    assertEquals("3", rules.value());
    // 256 + 16 public addresses: the private range counts for nothing.
    Finding addresses = above.stream().filter(x -> x.code() == FindingCode.FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD).findFirst().orElseThrow();
    assertEquals("272", addresses.value());
    List<Finding> at = EstateValidation.validate(estate, ServiceProfile.current(), FirewallThresholds.none().withMaxRules(3).withMaxPublicAddresses(272));
    assertTrue(at.stream().noneMatch(x -> x.code() == FindingCode.FIREWALL_RULES_ABOVE_THRESHOLD || x.code() == FindingCode.FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD), at.toString());
  }

  @Test
  void firewallRuleAdmittingOnlyNonPublicAddresses_isAFinding() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.1.2.3")
            .firewallRule("web-db", "lan", "10.0.0.0", "10.255.255.255")
            .firewallRule("web-db", "loopback", "127.0.0.1", "127.0.0.1")
            .firewallRule("web-db", "office", "198.51.100.0", "198.51.100.255")
            .firewallRule("web-db", "straddling", "9.255.255.0", "10.0.0.255")
            .build();

    List<String> rules =
        only(estate, FindingCode.FIREWALL_RULE_ADMITS_NO_PUBLIC_ADDRESS).stream()
            .map(x -> x.resource().substring(x.resource().lastIndexOf('/') + 1))
            .sorted()
            .collect(Collectors.toList());
    assertEquals(List.of("lan", "loopback"), rules);
  }
}
