package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static dev.pgreach.firewall.TestEstate.inbound;
import static dev.pgreach.firewall.TestEstate.ip;
import static dev.pgreach.firewall.TestEstate.minutesAgo;
import static dev.pgreach.firewall.TestEstate.nsg;
import static dev.pgreach.firewall.TestEstate.outbound;
import static dev.pgreach.firewall.TestEstate.privateServer;
import static dev.pgreach.firewall.TestEstate.publicServer;
import static dev.pgreach.firewall.TestEstate.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One example per statement about public access and firewall rules in the 2021 seed documents
 * (seed A: networking overview; seed B: Private Link preview), and per item of section 4 (public
 * access) of the collected Azure facts.
 */
class PublicAccessDocumentationTest {
  private static final FirewallRule OFFICE = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");

  private static Disposition admit(FirewallRuleSet rules, String address) {
    return PublicAccess.of(rules).admit(ip(address), NOW).disposition();
  }

  private static List<FindingCode> codes(List<Finding> findings) {
    List<FindingCode> out = new ArrayList<>();
    findings.forEach(f -> out.add(f.code()));
    return out;
  }

  // ---------------------------------------------------------------- seed A: public access

  /** Seed A: "allowed IP addresses" are ranges of IPs given permission, called firewall rules. */
  @Test
  void seedA_allowedIpAddresses_rangeGrantsPermission() {
    Verdict v = PublicAccess.of(FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.99"), NOW);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.FIREWALL_RULE_MATCHED, v.steps().get(0).code());
  }

  /** Seed A: only the addresses you allow have permission; by default none is allowed. */
  @Test
  void seedA_byDefault_noAddressAllowed() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.empty(), "203.0.113.99"));
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.empty(), "10.0.0.4"));
  }

  /** Seed A: addresses can be added at creation or afterwards. */
  @Test
  void seedA_addressAddedAfterCreation_admittedOnceSettled() {
    FirewallRuleSet atCreation = FirewallRuleSet.of(OFFICE);
    FirewallRuleSet later = atCreation.upsert(FirewallRule.of("home", "198.51.100.7", "198.51.100.7").withChangedAt(minutesAgo(10)));
    assertEquals(Disposition.BLOCKED, admit(atCreation, "198.51.100.7"));
    assertEquals(Disposition.ALLOWED, admit(later, "198.51.100.7"));
  }

  /** Seed A: a public-access server is not in one of your virtual networks; rules on a VNet server are rejected. */
  @Test
  void seedA_publicAccessServerNotInVirtualNetwork_rulesOnVnetServerAreFindings() {
    FlexibleServer vault = privateServer("vault", "hub", "db", "10.0.1.4");
    Network network =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .subnet("hub", "db", "10.0.1.0/28", b -> b.delegation(dev.pgreach.core.Subnet.FLEXIBLE_SERVER_DELEGATION))
            .server(vault)
            .build();
    List<Finding> findings = FirewallValidation.validateFirewallRules(network, Map.of(vault.id(), FirewallRuleSet.of(OFFICE)));
    assertEquals(List.of(FindingCode.FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER), codes(findings));
  }

  /** Seed A: a connection from an address you have not allowed gets an error. */
  @Test
  void seedA_addressNotAllowed_clientSeesError() {
    Verdict v = PublicAccess.of(FirewallRuleSet.of(OFFICE)).admit(ip("192.0.2.1"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(ReasonCode.FIREWALL_NO_RULE_MATCHED, v.blockingStep().orElseThrow().code());
    assertTrue(v.blockingStep().orElseThrow().reason().contains("no pg_hba.conf entry"));
  }

  /** Seed A: allowing Azure services admits connections from other customers' subscriptions too. */
  @Test
  void seedA_allowAzureServices_admitsOtherCustomers() {
    FirewallRule azure = FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps", "0.0.0.0", "0.0.0.0");
    ClientLocation.AzureHosted stranger = new ClientLocation.AzureHosted(ip("20.50.2.9"), "another-customer-tenant");
    Verdict v = PublicAccess.of(FirewallRuleSet.of(azure)).admit(FirewallSource.azure(stranger.address()), NOW);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.FIREWALL_AZURE_SERVICES_ALLOWED, v.steps().get(0).code());
    assertEquals(Disposition.BLOCKED, PublicAccess.of(FirewallRuleSet.of(azure)).admit(ip("198.51.100.7"), NOW).disposition());
    FlexibleServer orders = publicServer("orders");
    Network network = new TestEstate().server(orders).build();
    assertEquals(
        List.of(FindingCode.FIREWALL_ALLOWS_AZURE_SERVICES),
        codes(FirewallValidation.validateFirewallRules(network, Map.of(orders.id(), FirewallRuleSet.of(azure)))));
  }

  /** Seed A: changes to the allowlist may take up to five minutes to take effect. */
  @Test
  void seedA_allowlistChange_upToFiveMinutes() {
    FirewallRuleSet rules = FirewallRuleSet.of(OFFICE.withChangedAt(NOW));
    PublicAccess access = PublicAccess.of(rules);
    assertEquals(Disposition.INDETERMINATE, access.admit(ip("203.0.113.7"), NOW.plusSeconds(60)).disposition());
    assertEquals(Disposition.INDETERMINATE, access.admit(ip("203.0.113.7"), NOW.plusSeconds(299)).disposition());
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.7"), NOW.plusSeconds(300)).disposition());
  }

  /** Seed A: a firewall setting only gives clients the opportunity to connect; credentials are still needed. */
  @Test
  void seedA_firewallRule_onlyOpensTheDoor() {
    Verdict v = PublicAccess.of(FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertTrue(v.steps().get(0).reason().contains("PostgreSQL authentication still applies"), v.steps().get(0).reason());
  }

  /** Seed A: with a dynamic client address, add the range your ISP assigns as a firewall rule. */
  @Test
  void seedA_dynamicAddress_ispRangeAdmitsEveryAssignedAddress() {
    FirewallRuleSet isp = FirewallRuleSet.of(FirewallRule.of("isp-pool", "198.51.100.0", "198.51.100.63"));
    for (String a : List.of("198.51.100.0", "198.51.100.17", "198.51.100.63")) {
      assertEquals(Disposition.ALLOWED, admit(isp, a), a);
    }
    assertEquals(Disposition.BLOCKED, admit(isp, "198.51.100.64"));
  }

  /** Seed A: or get a static address and add it as a firewall rule. */
  @Test
  void seedA_staticAddress_singleAddressRule() {
    FirewallRuleSet single = FirewallRuleSet.of(FirewallRule.of("static-ip", "198.51.100.7", "198.51.100.7"));
    assertEquals(Disposition.ALLOWED, admit(single, "198.51.100.7"));
    assertEquals(Disposition.BLOCKED, admit(single, "198.51.100.6"));
    assertEquals(Disposition.BLOCKED, admit(single, "198.51.100.8"));
  }

  /** Seed A: firewall rules must be IPv4; IPv6 gives a validation error. */
  @Test
  void seedA_ipv6Rule_validationError() {
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRule.of("v6-office", "2001:db8::", "2001:db8::ffff"));
    assertEquals(ErrorCode.ADDRESS_MUST_BE_IPV4, e.code());
  }

  /** Seed A: a server deployed to a virtual network cannot have a public endpoint. */
  @Test
  void seedA_vnetServer_noPublicEndpoint() {
    FlexibleServer vault = privateServer("vault", "hub", "db", "10.0.1.4", PublicNetworkAccess.ENABLED);
    Verdict v = PublicAccess.of(vault, FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertTrue(((FirewallStep.PublicNetworkAccessDisabled) v.steps().get(0)).vnetIntegrated());
  }

  /** Seed A: both options control access at the server level: one server's rules say nothing about another's. */
  @Test
  void seedA_serverLevel_rulesBelongToOneServer() {
    PublicAccess orders = PublicAccess.of(publicServer("orders"), FirewallRuleSet.of(OFFICE));
    PublicAccess billing = PublicAccess.of(publicServer("billing"), FirewallRuleSet.empty());
    assertEquals(Disposition.ALLOWED, orders.admit(ip("203.0.113.7"), NOW).disposition());
    assertEquals(Disposition.BLOCKED, billing.admit(ip("203.0.113.7"), NOW).disposition());
  }

  // ---------------------------------------------------------------- seed B: Private Link and firewall rules

  /** Seed B: without firewall rules, no traffic reaches the server's public endpoint. */
  @Test
  void seedB_noFirewallRules_noPublicTraffic() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.empty(), "203.0.113.7"));
  }

  /** Seed B: with public traffic configured and private endpoints, public traffic is authorized by the firewall rules. */
  @Test
  void seedB_publicTrafficAndPrivateEndpoints_firewallRulesDecidePublicTraffic() {
    PublicAccess access = PublicAccess.of(publicServer("orders", PublicNetworkAccess.ENABLED), FirewallRuleSet.of(OFFICE));
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.7"), NOW).disposition());
    assertEquals(Disposition.BLOCKED, access.admit(ip("192.0.2.7"), NOW).disposition());
  }

  /** Seed B: without public traffic, the server is reachable only through private endpoints. */
  @Test
  void seedB_noPublicTraffic_publicEndpointAdmitsNothing() {
    PublicAccess access = PublicAccess.of(publicServer("orders", PublicNetworkAccess.DISABLED), FirewallRuleSet.of(OFFICE));
    Verdict v = access.admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED, v.steps().get(0).code());
  }

  /** Seed B: network policies are off by default, so a subnet's NSG does not filter traffic to its private endpoints. */
  @Test
  void seedB_networkPoliciesDisabled_nsgDoesNotApplyToPrivateEndpoint() {
    NetworkSecurity security = privateEndpointSubnet(PrivateEndpointNetworkPolicies.DISABLED);
    Verdict v = security.inboundToPrivateEndpoint(subnetId("spoke", "pe"), Flow.postgres(ip("10.1.2.4"), ip("10.1.3.5")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.NSG_NOT_APPLIED, v.steps().get(0).code());
  }

  /** Seed B: once network policies are enabled for NSGs, the subnet's group filters traffic to private endpoints. */
  @Test
  void seedB_networkPoliciesEnabled_nsgFiltersPrivateEndpoint() {
    NetworkSecurity security = privateEndpointSubnet(PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED);
    Verdict v = security.inboundToPrivateEndpoint(subnetId("spoke", "pe"), Flow.postgres(ip("10.1.2.4"), ip("10.1.3.5")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals("deny-postgres", ((SecurityGroupStep.RuleDenied) v.steps().get(0)).rule());
  }

  /** Seed B: for other resources in the subnet, access is controlled by the NSG's rules whatever the policy. */
  @Test
  void seedB_otherResourcesInSubnet_nsgAlwaysApplies() {
    NetworkSecurity security = privateEndpointSubnet(PrivateEndpointNetworkPolicies.DISABLED);
    Verdict v = security.inbound(subnetId("spoke", "pe"), Optional.empty(), Flow.postgres(ip("10.1.2.4"), ip("10.1.3.9")));
    assertEquals(Disposition.BLOCKED, v.disposition());
  }

  /** Seed B, along a routed path: the endpoint subnet's group filters only with policies; the source's outbound group always does. */
  @Test
  void seedB_alongPathToPrivateEndpoint_subnetGroupOnlyWithPolicies() {
    for (PrivateEndpointNetworkPolicies policies : PrivateEndpointNetworkPolicies.values()) {
      NetworkSecurity security = privateEndpointSubnet(policies);
      dev.pgreach.core.Path path =
          Reachability.of(security.network(), ServiceProfile.current())
              .route(dev.pgreach.core.ClientLocation.InVirtualNetwork.of(subnetId("spoke", "apps"), ip("10.1.2.4")), ip("10.1.3.5"));
      Flow flow = Flow.postgres(ip("10.1.2.4"), ip("10.1.3.5"));
      Verdict toEndpoint = security.alongToPrivateEndpoint(path, flow);
      Verdict toHost = security.along(path, flow);
      assertEquals(
          policies.appliesNetworkSecurityGroup() ? Disposition.BLOCKED : Disposition.ALLOWED, toEndpoint.disposition(), policies.toString());
      assertEquals(Disposition.BLOCKED, toHost.disposition(), policies.toString());
    }
  }

  private static NetworkSecurity privateEndpointSubnet(PrivateEndpointNetworkPolicies policies) {
    Network network =
        new TestEstate()
            .vnet("spoke", "10.1.0.0/16")
            .subnet("spoke", "apps", "10.1.2.0/24")
            .subnet("spoke", "pe", "10.1.3.0/24", b -> b.networkSecurityGroup(TestEstate.nsgId("pe-nsg")).privateEndpointNetworkPolicies(policies))
            .build();
    NetworkSecurityGroup peNsg = nsg("pe-nsg", inbound("deny-postgres", 100, SecurityRuleAccess.DENY, "*", "*", "5432"));
    return NetworkSecurity.of(Reachability.of(network, ServiceProfile.current()), List.of(peNsg));
  }

  // ---------------------------------------------------------------- Azure facts, section 4

  /** 4.1: no address by default; a source inside a rule's range is granted, anything else rejected. */
  @Test
  void fact41_defaultDenyRangeGrants() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.empty(), "123.45.67.89"));
    assertEquals(Disposition.ALLOWED, admit(FirewallRuleSet.of(FirewallRule.of("client", "123.45.67.0", "123.45.67.255")), "123.45.67.89"));
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.of(FirewallRule.of("client", "123.45.67.0", "123.45.67.255")), "123.45.68.89"));
  }

  /** 4.2: startIpAddress and endIpAddress, both IPv4, inclusive; a single address is start = end. */
  @Test
  void fact42_ruleShapeInclusive() {
    FirewallRule clientIp = FirewallRule.of("ClientIPAddress_2024-5-1_12-0-0", "198.51.100.7", "198.51.100.7");
    assertEquals(Disposition.ALLOWED, admit(FirewallRuleSet.of(clientIp), "198.51.100.7"));
    FirewallRuleSet span = FirewallRuleSet.of(FirewallRule.of("span", "10.0.0.1", "10.0.0.9"));
    assertEquals(Disposition.ALLOWED, admit(span, "10.0.0.1"));
    assertEquals(Disposition.ALLOWED, admit(span, "10.0.0.9"));
    assertEquals(Disposition.BLOCKED, admit(span, "10.0.0.10"));
  }

  /** 4.3: names are 3 to 128 of 0-9 a-z A-Z - _ (the documented rule; stricter CLI and laxer swagger variants are not followed). */
  @Test
  void fact43_ruleNames() {
    assertTrue(FirewallRule.isValidName("abc"));
    assertTrue(FirewallRule.isValidName("Allow_office-2"));
    assertTrue(FirewallRule.isValidName("-dash-first"));
    assertFalse(FirewallRule.isValidName("ab"));
    assertFalse(FirewallRule.isValidName("a".repeat(129)));
    assertFalse(FirewallRule.isValidName("office.v2"));
    assertEquals(
        ErrorCode.INVALID_FIREWALL_RULE_NAME,
        assertThrows(PgreachException.class, () -> FirewallRule.of("a.b", "1.1.1.1", "1.1.1.1")).code());
  }

  /** 4.4: IPv6 and end-before-start are errors; an existing name is updated; overlapping ranges are allowed. */
  @Test
  void fact44_validationErrorsUpsertAndOverlap() {
    assertEquals(ErrorCode.ADDRESS_MUST_BE_IPV4, assertThrows(PgreachException.class, () -> FirewallRule.of("office", "::1", "::1")).code());
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRule.of("office", "10.0.0.9", "10.0.0.1"));
    assertEquals(ErrorCode.END_ADDRESS_SMALLER_THAN_START, e.code());
    FirewallRuleSet updated = FirewallRuleSet.of(OFFICE, FirewallRule.of("office", "192.0.2.0", "192.0.2.255"));
    assertEquals(1, updated.size());
    assertEquals(Disposition.BLOCKED, admit(updated, "203.0.113.7"));
    assertEquals(Disposition.ALLOWED, admit(updated, "192.0.2.7"));
    FirewallRuleSet overlapping = FirewallRuleSet.of(OFFICE, FirewallRule.of("office-half", "203.0.113.0", "203.0.113.127"));
    assertEquals(2, overlapping.size());
  }

  /** 4.5: the 0.0.0.0 rule admits addresses allocated to any Azure service or asset, other customers' included. */
  @Test
  void fact45_allowAzureServicesRule() {
    FirewallRuleSet rules = FirewallRuleSet.of(FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps_2024-5-1_12-0-0", "0.0.0.0", "0.0.0.0"));
    PublicAccess access = PublicAccess.of(rules);
    assertEquals(Disposition.ALLOWED, access.admit(FirewallSource.azure(ip("52.1.2.3")), NOW).disposition());
    assertEquals(Disposition.BLOCKED, access.admit(FirewallSource.of(ip("52.1.2.3")), NOW).disposition());
    assertEquals(Disposition.ALLOWED, access.admit(FirewallSource.unknown(true), NOW).disposition());
  }

  /** 4.6: 0.0.0.0-255.255.255.255 admits everyone, and is reported. */
  @Test
  void fact46_allowAll() {
    FirewallRuleSet all = FirewallRuleSet.of(FirewallRule.of("AllowAll", "0.0.0.0", "255.255.255.255"));
    assertEquals(Disposition.ALLOWED, admit(all, "0.0.0.0"));
    assertEquals(Disposition.ALLOWED, admit(all, "255.255.255.255"));
    assertEquals(Disposition.ALLOWED, PublicAccess.of(all).admit(FirewallSource.unknown(false), NOW).disposition());
    FlexibleServer orders = publicServer("orders");
    Network network = new TestEstate().server(orders).build();
    assertEquals(List.of(FindingCode.FIREWALL_RULE_ALLOWS_ALL), codes(FirewallValidation.validateFirewallRules(network, Map.of(orders.id(), all))));
  }

  /** 4.7: as much as five minutes' delay for firewall changes, for additions and removals alike. */
  @Test
  void fact47_propagation() {
    assertEquals(Disposition.INDETERMINATE, admit(FirewallRuleSet.of(OFFICE.withChangedAt(minutesAgo(2))), "203.0.113.7"));
    assertEquals(Disposition.ALLOWED, admit(FirewallRuleSet.of(OFFICE.withChangedAt(minutesAgo(6))), "203.0.113.7"));
    assertEquals(Disposition.INDETERMINATE, admit(FirewallRuleSet.of(OFFICE).delete("office", minutesAgo(2)), "203.0.113.7"));
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.of(OFFICE).delete("office", minutesAgo(6)), "203.0.113.7"));
  }

  /** 4.8: no documented limit on the number of rules: a large rule set still decides each address. */
  @Test
  void fact48_manyRules() {
    List<FirewallRule> rules = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long first = 0x0B000000L + 8L * i;
      rules.add(FirewallRule.of("rule-" + i, Ipv4Address.ofLong(first), Ipv4Address.ofLong(first + 3)));
    }
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(rules));
    assertEquals("rule-12345", access.admit(Ipv4Address.ofLong(0x0B000000L + 8L * 12345 + 2), NOW).steps().get(0).subject());
    assertEquals(Disposition.BLOCKED, access.admit(Ipv4Address.ofLong(0x0B000000L + 8L * 12345 + 5), NOW).disposition());
  }

  /** 4.9: publicNetworkAccess Disabled: rules kept but not enforced, reported; re-enabled, they are enforced again. */
  @Test
  void fact49_publicNetworkAccessToggle() {
    FlexibleServer disabled = publicServer("orders", PublicNetworkAccess.DISABLED);
    assertEquals(Disposition.BLOCKED, PublicAccess.of(disabled, FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.7"), NOW).disposition());
    Network network = new TestEstate().server(disabled).build();
    assertEquals(
        List.of(FindingCode.FIREWALL_RULES_NOT_ENFORCED),
        codes(FirewallValidation.validateFirewallRules(network, Map.of(disabled.id(), FirewallRuleSet.of(OFFICE)))));
    FlexibleServer enabled = publicServer("orders", PublicNetworkAccess.ENABLED);
    assertEquals(Disposition.ALLOWED, PublicAccess.of(enabled, FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.7"), NOW).disposition());
  }

  /** 4.10: the client's own network must allow outbound TCP 5432. */
  @Test
  void fact410_clientMustAllowOutbound5432() {
    Network network = new TestEstate().vnet("corp", "10.5.0.0/16").subnet("corp", "desktops", "10.5.1.0/24", "corp-nsg").build();
    NetworkSecurityGroup corp = nsg("corp-nsg", outbound("no-postgres-out", 200, SecurityRuleAccess.DENY, "*", "Internet", "5432"));
    NetworkSecurity security = NetworkSecurity.of(Reachability.of(network, ServiceProfile.current()), List.of(corp));
    Verdict v = security.outbound(subnetId("corp", "desktops"), Optional.empty(), Flow.postgres(ip("10.5.1.4"), ip("40.2.45.67")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(ReasonCode.NSG_RULE_DENIED, v.blockingStep().orElseThrow().code());
    Verdict https = security.outbound(subnetId("corp", "desktops"), Optional.empty(), Flow.tcp(ip("10.5.1.4"), ip("40.2.45.67"), 443));
    assertEquals(Disposition.ALLOWED, https.disposition());
  }
}
