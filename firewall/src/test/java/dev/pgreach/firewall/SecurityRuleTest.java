package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.inbound;
import static dev.pgreach.firewall.TestEstate.ip;
import static dev.pgreach.firewall.TestEstate.nsg;
import static dev.pgreach.firewall.TestEstate.outbound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecurityRuleTest {
  private static SecurityRule.Builder base(String name) {
    return base(name, 100);
  }

  private static SecurityRule.Builder base(String name, int priority) {
    return SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(SecurityRuleDirection.INBOUND)
        .access(SecurityRuleAccess.ALLOW)
        .protocol(SecurityRuleProtocol.TCP)
        .addSourceAddressPrefixes(SecurityRuleAddress.ANY)
        .addSourcePortRanges(PortRange.ANY)
        .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
        .addDestinationPortRanges(PortRange.of(5432));
  }

  private static final ResourceId ASG = TestEstate.id(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "web-asg");

  static Stream<Arguments> invalid() {
    return Stream.<Arguments>of(
        row("empty name", () -> base("").build(), ErrorCode.INVALID_SECURITY_RULE, "name", "\"\""),
        row("long name", () -> base("n".repeat(81)).build(), ErrorCode.INVALID_SECURITY_RULE, "name", "it has 81"),
        row("slash in name", () -> base("a/b").build(), ErrorCode.INVALID_SECURITY_RULE, "SecurityRule[a/b].name", "\"a/b\""),
        row("leading blank", () -> base(" allow").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\" allow\""),
        row("trailing blank", () -> base("allow ").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"allow \""),
        row("inner blank", () -> base("allow pg").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"allow pg\""),
        row("blank name", () -> base("   ").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"   \""),
        row("leading hyphen", () -> base("-allow").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"-allow\""),
        row("leading underscore", () -> base("_allow").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"_allow\""),
        row("leading period", () -> base(".allow").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\".allow\""),
        row("trailing hyphen", () -> base("allow-").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"allow-\""),
        row("trailing period", () -> base("allow.").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"allow.\""),
        row("non-ASCII letter", () -> base("règle").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"règle\""),
        row("other punctuation", () -> base("allow#pg").build(), ErrorCode.INVALID_SECURITY_RULE, "].name", "\"allow#pg\""),
        row("null name", () -> base(null).build(), ErrorCode.MISSING_ATTRIBUTE, "name", "null"),
        row("priority 99", () -> base("low", 99).build(), ErrorCode.INVALID_SECURITY_RULE, "priority", "(99)"),
        row("priority 4097", () -> base("high", 4097).build(), ErrorCode.INVALID_SECURITY_RULE, "priority", "(4097)"),
        row("both sides", () -> base("both").addSourceApplicationSecurityGroups(ASG).build(), ErrorCode.INVALID_SECURITY_RULE, "sourceAddressPrefixes", "web-asg"),
        row(
            "no destination",
            () -> SecurityRule.builder().name("nodst").priority(100).direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
                .protocol(SecurityRuleProtocol.TCP).addSourceAddressPrefixes(SecurityRuleAddress.ANY).addSourcePortRanges(PortRange.ANY)
                .addDestinationPortRanges(PortRange.ANY).build(),
            ErrorCode.INVALID_SECURITY_RULE,
            "destinationAddressPrefixes",
            "([])"),
        row(
            "no ports",
            () -> SecurityRule.builder().name("noports").priority(100).direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
                .protocol(SecurityRuleProtocol.TCP).addSourceAddressPrefixes(SecurityRuleAddress.ANY).addSourcePortRanges(PortRange.ANY)
                .addDestinationAddressPrefixes(SecurityRuleAddress.ANY).build(),
            ErrorCode.INVALID_SECURITY_RULE,
            "destinationPortRanges",
            "([])"),
        row(
            "asg of wrong type",
            () -> SecurityRule.builder().name("asgtype").priority(100).direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
                .protocol(SecurityRuleProtocol.TCP).addSourceAddressPrefixes(SecurityRuleAddress.ANY).addSourcePortRanges(PortRange.ANY)
                .addDestinationApplicationSecurityGroups(TestEstate.nsgId("not-an-asg")).addDestinationPortRanges(PortRange.ANY).build(),
            ErrorCode.WRONG_RESOURCE_TYPE,
            "SecurityRule[asgtype].destinationApplicationSecurityGroups",
            "not-an-asg"),
        row("port 70000", () -> PortRange.of(70000), ErrorCode.INVALID_PORT_RANGE, "PortRange", "70000"),
        row("port text", () -> PortRange.parse("http"), ErrorCode.INVALID_PORT_RANGE, "PortRange", "\"http\""),
        row("port reversed", () -> PortRange.parse("90-80"), ErrorCode.INVALID_PORT_RANGE, "PortRange", "\"90-80\""),
        row("ipv6 address", () -> SecurityRuleAddress.parse("2001:db8::/32"), ErrorCode.ADDRESS_MUST_BE_IPV4, "SecurityRuleAddress", "2001:db8::/32"),
        row("bad tag", () -> SecurityRuleAddress.parse("Storage West"), ErrorCode.INVALID_SECURITY_RULE, "ServiceTag.name", "\"Storage West\""),
        row("host bits", () -> SecurityRuleAddress.parse("10.0.0.5/24"), ErrorCode.PREFIX_HOST_BITS_SET, "Ipv4Prefix", "10.0.0.5/24"),
        row("protocol", () -> SecurityRuleProtocol.parse("Gre"), ErrorCode.INVALID_SECURITY_RULE, "protocol", "\"Gre\""),
        row("flow any", () -> new Flow(ip("1.1.1.1"), ip("2.2.2.2"), SecurityRuleProtocol.ANY, 1, OptionalInt.empty()), ErrorCode.INVALID_VALUE, "Flow.protocol", "(*)"),
        row("flow port", () -> Flow.tcp(ip("1.1.1.1"), ip("2.2.2.2"), 65536), ErrorCode.INVALID_PORT_RANGE, "Flow.destinationPort", "(65536)"),
        row(
            "duplicate priority",
            () -> nsg("db-nsg", inbound("a", 100, SecurityRuleAccess.ALLOW, "*", "*", "5432"), inbound("b", 100, SecurityRuleAccess.DENY, "*", "*", "22")),
            ErrorCode.DUPLICATE_PRIORITY,
            "securityRules[b].priority",
            "(100)"),
        row(
            "duplicate name",
            () -> nsg("db-nsg", inbound("a", 100, SecurityRuleAccess.ALLOW, "*", "*", "5432"), outbound("A", 100, SecurityRuleAccess.DENY, "*", "*", "22")),
            ErrorCode.DUPLICATE_RESOURCE,
            "securityRules[A].name",
            "\"A\""),
        row(
            "default priority in user rules",
            () -> nsg("db-nsg", base("sneaky", 65000).build()),
            ErrorCode.INVALID_SECURITY_RULE,
            "securityRules[sneaky].priority",
            "(65000)"),
        row(
            "nsg id type",
            () -> NetworkSecurityGroup.builder().id(TestEstate.nicId("nic")).build(),
            ErrorCode.WRONG_RESOURCE_TYPE,
            "NetworkSecurityGroup.id",
            "networkInterfaces/nic"));
  }

  private static Arguments row(String label, Supplier<?> build, ErrorCode code, String field, String value) {
    return Arguments.of(label, build, code, field, value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void build_invalidInput_throwsCodeNamingFieldAndValue(String label, Supplier<?> build, ErrorCode code, String field, String value) {
    PgreachException e = assertThrows(PgreachException.class, build::get);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void isValidName_followsAzureNamingRule() {
    for (String name : List.of("a", "7", "A_", "allow-postgres", "Allow.Postgres_5432", "x_", "n".repeat(80), "AllowVnetInBound")) {
      assertTrue(SecurityRule.isValidName(name), name);
      assertEquals(name, base(name).build().name());
    }
    for (String name : List.of("", "_", "-", ".", "a-", "a.", "-a", "_a", ".a", "a/b", " a", "a b", "n".repeat(81), "é")) {
      assertFalse(SecurityRule.isValidName(name), name);
    }
    assertFalse(SecurityRule.isValidName(null));
    assertTrue(NetworkSecurityGroup.DEFAULT_SECURITY_RULES.stream().map(SecurityRule::name).allMatch(SecurityRule::isValidName));
  }

  @Test
  void portRange_parse_roundTrips() {
    assertEquals(PortRange.ANY, PortRange.parse("*"));
    assertEquals(PortRange.ANY, PortRange.parse("0-65535"));
    assertEquals("5432", PortRange.parse("5432").toString());
    assertEquals("1024-2048", PortRange.parse(" 1024-2048 ").toString());
    assertTrue(PortRange.parse("1024-2048").contains(2048));
    assertFalse(PortRange.parse("1024-2048").contains(2049));
  }

  @Test
  void securityRuleAddress_parse_recognisesEachForm() {
    assertEquals(SecurityRuleAddress.ANY, SecurityRuleAddress.parse("*"));
    assertEquals(new SecurityRuleAddress.Prefix(Ipv4Prefix.parse("10.0.1.0/24")), SecurityRuleAddress.parse("10.0.1.0/24"));
    assertEquals(new SecurityRuleAddress.Prefix(Ipv4Prefix.parse("10.0.1.4/32")), SecurityRuleAddress.parse("10.0.1.4"));
    assertEquals(new SecurityRuleAddress.Range(Ipv4Range.parse("10.0.1.4-10.0.1.9")), SecurityRuleAddress.parse("10.0.1.4-10.0.1.9"));
    assertEquals(SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.parse("virtualnetwork"));
    assertEquals("Storage.westeurope", SecurityRuleAddress.parse("Storage.westeurope").toString());
    assertFalse(((SecurityRuleAddress.ServiceTag) SecurityRuleAddress.parse("Storage")).isComputed());
    assertTrue(((SecurityRuleAddress.ServiceTag) SecurityRuleAddress.parse("INTERNET")).isComputed());
  }

  @Test
  void protocol_parse_acceptsAzureSpellings() {
    assertEquals(SecurityRuleProtocol.TCP, SecurityRuleProtocol.parse("Tcp"));
    assertEquals(SecurityRuleProtocol.ANY, SecurityRuleProtocol.parse("*"));
    assertEquals(SecurityRuleProtocol.AH, SecurityRuleProtocol.parse("ah"));
    assertTrue(SecurityRuleProtocol.ANY.matches(SecurityRuleProtocol.ESP));
    assertFalse(SecurityRuleProtocol.UDP.matches(SecurityRuleProtocol.TCP));
  }

  @Test
  void networkSecurityGroup_rules_userRulesByPriorityThenDefaults() {
    NetworkSecurityGroup g =
        nsg(
            "db-nsg",
            inbound("second", 300, SecurityRuleAccess.ALLOW, "*", "*", "5432"),
            inbound("first", 110, SecurityRuleAccess.DENY, "*", "*", "22"),
            outbound("out", 110, SecurityRuleAccess.ALLOW, "*", "*", "443"));
    List<String> names = g.rules(SecurityRuleDirection.INBOUND).stream().map(SecurityRule::name).collect(Collectors.toList());
    assertEquals(List.of("first", "second", "AllowVnetInBound", "AllowAzureLoadBalancerInBound", "DenyAllInBound"), names);
    List<String> out = g.rules(SecurityRuleDirection.OUTBOUND).stream().map(SecurityRule::name).collect(Collectors.toList());
    assertEquals(List.of("out", "AllowVnetOutBound", "AllowInternetOutBound", "DenyAllOutBound"), out);
    assertEquals(Optional.of(65500), g.rule("denyallinbound").map(SecurityRule::priority));
    assertTrue(g.ruleId(g.rule("DenyAllInBound").orElseThrow()).toString().endsWith("/defaultSecurityRules/DenyAllInBound"));
    assertTrue(g.ruleId(g.rule("first").orElseThrow()).toString().endsWith("/securityRules/first"));
  }

  @Test
  void defaultRules_areTheSixDocumentedOnes() {
    List<String> described =
        NetworkSecurityGroup.DEFAULT_SECURITY_RULES.stream().map(SecurityRule::toString).collect(Collectors.toList());
    assertEquals(
        List.of(
            "AllowVnetInBound (65000, Inbound, Allow * VirtualNetwork:* -> VirtualNetwork:*)",
            "AllowAzureLoadBalancerInBound (65001, Inbound, Allow * AzureLoadBalancer:* -> *:*)",
            "DenyAllInBound (65500, Inbound, Deny * *:* -> *:*)",
            "AllowVnetOutBound (65000, Outbound, Allow * VirtualNetwork:* -> VirtualNetwork:*)",
            "AllowInternetOutBound (65001, Outbound, Allow * *:* -> Internet:*)",
            "DenyAllOutBound (65500, Outbound, Deny * *:* -> *:*)"),
        described);
    assertTrue(NetworkSecurityGroup.DEFAULT_SECURITY_RULES.stream().allMatch(SecurityRule::isDefault));
  }

  @Test
  void flow_toString_showsFiveTuple() {
    assertEquals("Tcp 10.1.0.4 -> 10.0.1.4:5432", Flow.postgres(ip("10.1.0.4"), ip("10.0.1.4")).toString());
    assertEquals("Icmp 10.1.0.4 -> 10.0.1.4", new Flow(ip("10.1.0.4"), ip("10.0.1.4"), SecurityRuleProtocol.ICMP, 0, OptionalInt.empty()).toString());
  }
}
