package dev.pgreach.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs the examples shown in the javadoc of the public types, and checks what they claim. */
class JavadocExamplesTest {
  @Test
  void firewallRule_example() {
    FirewallRule office = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
    assertEquals(256, office.range().size());
    assertFalse(FirewallRule.isValidName("my rule"));
  }

  @Test
  void securityRule_isValidName_example() {
    assertTrue(SecurityRule.isValidName("allow-postgres"));
    assertFalse(SecurityRule.isValidName("allow/postgres"));
    assertFalse(SecurityRule.isValidName("allow-"));
  }

  @Test
  void firewallRuleSet_example() {
    FirewallRuleSet rules =
        FirewallRuleSet.of(
            FirewallRule.of("office", "203.0.113.0", "203.0.113.255"),
            FirewallRule.of("office", "198.51.100.7", "198.51.100.7"));
    assertEquals(1, rules.rules().size());
  }

  @Test
  void publicAccess_example() {
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(FirewallRule.of("office", "203.0.113.0", "203.0.113.255")));
    Verdict v = access.admit(Ipv4Address.parse("203.0.113.7"), Instant.parse("2024-05-01T12:00:00Z"));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals("office", v.steps().get(0).subject());
  }

  @Test
  void firewallSource_example() {
    assertFalse(FirewallSource.of(Ipv4Address.parse("198.51.100.7")).azureAllocated());
    assertTrue(FirewallSource.azure(Ipv4Address.parse("20.50.2.9")).azureAllocated());
    assertEquals(Optional.empty(), FirewallSource.unknown(true).address());
  }

  @Test
  void portRange_example() {
    assertTrue(PortRange.parse("5432").contains(5432));
    assertEquals(PortRange.ANY, PortRange.parse("*"));
  }

  @Test
  void securityRuleAddress_example() {
    assertTrue(SecurityRuleAddress.parse("10.0.1.0/24") instanceof SecurityRuleAddress.Prefix);
    assertTrue(SecurityRuleAddress.parse("VirtualNetwork") instanceof SecurityRuleAddress.ServiceTag);
    assertTrue(SecurityRuleAddress.parse("*") instanceof SecurityRuleAddress.Any);
  }

  @Test
  void flow_example() {
    Flow f = Flow.tcp(Ipv4Address.parse("10.1.0.4"), Ipv4Address.parse("10.0.1.4"), 5432);
    assertEquals(Flow.postgres(Ipv4Address.parse("10.1.0.4"), Ipv4Address.parse("10.0.1.4")), f);
  }

  @Test
  void securityRuleGroupSecurityAndValidation_examples() {
    String subscription = TestEstate.SUBSCRIPTION;
    SecurityRule allowPostgres =
        SecurityRule.builder()
            .name("allow-postgres")
            .priority(100)
            .direction(SecurityRuleDirection.INBOUND)
            .access(SecurityRuleAccess.ALLOW)
            .protocol(SecurityRuleProtocol.TCP)
            .addSourceAddressPrefixes(SecurityRuleAddress.parse("10.1.0.0/16"))
            .addSourcePortRanges(PortRange.ANY)
            .addDestinationAddressPrefixes(SecurityRuleAddress.parse("10.0.1.0/28"))
            .addDestinationPortRanges(PortRange.of(5432))
            .build();
    NetworkSecurityGroup dbNsg =
        NetworkSecurityGroup.builder()
            .id(ResourceId.of(subscription, "net", NetworkSecurityGroup.RESOURCE_TYPE, "db-nsg"))
            .addSecurityRules(allowPostgres)
            .build();
    assertEquals(
        List.of("allow-postgres", "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound"),
        dbNsg.rules(SecurityRuleDirection.INBOUND).stream().map(SecurityRule::name).collect(Collectors.toList()));

    Network network =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .subnet("hub", "db", "10.0.1.0/28", b -> b.networkSecurityGroup(dbNsg.id()).delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
            .build();
    Subnet dbSubnet = network.subnet(TestEstate.subnetId("hub", "db")).orElseThrow();
    ServiceProfile profile = ServiceProfile.current();
    NetworkSecurity security = NetworkSecurity.of(Reachability.of(network, profile), List.of(dbNsg));
    Verdict v =
        security.inbound(dbSubnet.id(), Optional.empty(), Flow.postgres(Ipv4Address.parse("10.1.0.4"), Ipv4Address.parse("10.0.1.4")));
    assertEquals(Disposition.ALLOWED, v.disposition());

    FlexibleServer server = TestEstate.publicServer("orders");
    Network withServer = new TestEstate().vnet("hub", "10.0.0.0/16")
        .subnet("hub", "db", "10.0.1.0/28", b -> b.networkSecurityGroup(dbNsg.id()).delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
        .server(server)
        .build();
    FirewallRuleSet rules = FirewallRuleSet.of(FirewallRule.of("office", "203.0.113.0", "203.0.113.255"));
    ImmutableList<Finding> findings =
        FirewallValidation.validate(withServer, ServiceProfile.current(), Map.of(server.id(), rules), List.of(dbNsg), Map.of());
    assertEquals(List.of(), findings);
  }
}
