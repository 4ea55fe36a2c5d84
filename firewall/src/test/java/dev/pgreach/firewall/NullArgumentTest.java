package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static dev.pgreach.firewall.TestEstate.ip;
import static dev.pgreach.firewall.TestEstate.nsg;
import static dev.pgreach.firewall.TestEstate.nsgId;
import static dev.pgreach.firewall.TestEstate.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.Path;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public entry point of the module rejects a null argument (or a null element, key or value
 * of a collection argument) with {@link ErrorCode#MISSING_ATTRIBUTE}, naming the parameter.
 */
class NullArgumentTest {
  private static final FirewallRule OFFICE = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
  private static final FirewallRuleSet SET = FirewallRuleSet.of(OFFICE);
  private static final Ipv4Range RANGE = Ipv4Range.parse("203.0.113.0-203.0.113.255");
  private static final Ipv4Address ADDRESS = ip("203.0.113.7");
  private static final FlexibleServer ORDERS = TestEstate.publicServer("orders");
  private static final PublicAccess ACCESS = PublicAccess.of(SET);
  private static final ResourceId DB = subnetId("hub", "db");
  private static final Flow FLOW = Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4"));
  private static final NetworkSecurityGroup DB_NSG = nsg("db-nsg");
  private static final Network NETWORK =
      new TestEstate().vnet("hub", "10.0.0.0/16").subnet("hub", "db", "10.0.1.0/28", "db-nsg").subnet("hub", "apps", "10.0.2.0/24").server(ORDERS).build();
  private static final Reachability ROUTING = Reachability.of(NETWORK, ServiceProfile.current());
  private static final NetworkSecurity SECURITY = NetworkSecurity.of(ROUTING, List.of(DB_NSG));
  private static final Path PATH = ROUTING.route(ClientLocation.InVirtualNetwork.of(subnetId("hub", "apps"), ip("10.0.2.4")), ip("10.0.1.4"));
  private static final ServiceProfile PROFILE = ServiceProfile.current();

  private static <K, V> Map<K, V> mapOf(K key, V value) {
    Map<K, V> m = new HashMap<>();
    m.put(key, value);
    return m;
  }

  static Stream<Arguments> nulls() {
    return Stream.of(
        // FirewallRule
        row("FirewallRule.of(name, start, end) name", () -> FirewallRule.of(null, "1.2.3.4", "1.2.3.4"), "FirewallRule.name"),
        row("FirewallRule.of(name, start, end) start", () -> FirewallRule.of("office", (String) null, "1.2.3.4"), "FirewallRule[office].startIpAddress"),
        row("FirewallRule.of(name, start, end) end", () -> FirewallRule.of("office", "1.2.3.4", (String) null), "FirewallRule[office].endIpAddress"),
        row("FirewallRule.of(name, addresses) name", () -> FirewallRule.of(null, ADDRESS, ADDRESS), "FirewallRule.name"),
        row("FirewallRule.of(name, addresses) start", () -> FirewallRule.of("office", (Ipv4Address) null, ADDRESS), "FirewallRule[office].startIpAddress"),
        row("FirewallRule.of(name, addresses) end", () -> FirewallRule.of("office", ADDRESS, (Ipv4Address) null), "FirewallRule[office].endIpAddress"),
        row("FirewallRule.of(name, range) name", () -> FirewallRule.of(null, RANGE), "FirewallRule.name"),
        row("FirewallRule.of(name, range) range", () -> FirewallRule.of("office", (Ipv4Range) null), "FirewallRule[office].range"),
        row("FirewallRule.withChangedAt", () -> OFFICE.withChangedAt(null), "FirewallRule[office].changedAt"),
        row("FirewallRule.builder().name", () -> FirewallRule.builder().name(null), "name"),
        // FirewallRuleRemoval, FirewallRuleChange
        row("FirewallRuleRemoval name", () -> new FirewallRuleRemoval(null, RANGE, NOW), "FirewallRuleRemoval.name"),
        row("FirewallRuleRemoval range", () -> new FirewallRuleRemoval("office", null, NOW), "FirewallRuleRemoval[office].range"),
        row("FirewallRuleRemoval removedAt", () -> new FirewallRuleRemoval("office", RANGE, null), "FirewallRuleRemoval[office].removedAt"),
        row("FirewallRuleChange.Upsert rule", () -> new FirewallRuleChange.Upsert(null), "FirewallRuleChange.Upsert.rule"),
        row("FirewallRuleChange.Delete name", () -> new FirewallRuleChange.Delete(null, Optional.empty()), "FirewallRuleChange.Delete.name"),
        row("FirewallRuleChange.Delete at", () -> new FirewallRuleChange.Delete("office", null), "FirewallRuleChange.Delete.at"),
        // FirewallRuleSet
        row("FirewallRuleSet.of(rules...) array", () -> FirewallRuleSet.of((FirewallRule[]) null), "FirewallRuleSet.rules"),
        row("FirewallRuleSet.of(rules...) element", () -> FirewallRuleSet.of(OFFICE, null), "FirewallRuleSet.rules[]"),
        row("FirewallRuleSet.of(list)", () -> FirewallRuleSet.of((Iterable<FirewallRule>) null), "FirewallRuleSet.rules"),
        row("FirewallRuleSet.of(list) element", () -> FirewallRuleSet.of(Arrays.asList(OFFICE, null)), "FirewallRuleSet.rules[]"),
        row("FirewallRuleSet.of(rules, removals) removals", () -> FirewallRuleSet.of(List.of(OFFICE), null), "FirewallRuleSet.removals"),
        row(
            "FirewallRuleSet.of(rules, removals) element",
            () -> FirewallRuleSet.of(List.of(OFFICE), Arrays.asList((FirewallRuleRemoval) null)),
            "FirewallRuleSet.removals[]"),
        row("FirewallRuleSet.rule", () -> SET.rule(null), "FirewallRuleSet.rule.name"),
        row("FirewallRuleSet.upsert", () -> SET.upsert(null), "FirewallRuleSet.upsert.rule"),
        row("FirewallRuleSet.delete(name)", () -> SET.delete(null), "FirewallRuleSet.delete.name"),
        row("FirewallRuleSet.delete(name, at) name", () -> SET.delete(null, NOW), "FirewallRuleSet.delete.name"),
        row("FirewallRuleSet.delete(name, at) at", () -> SET.delete("office", null), "FirewallRuleSet.delete.at"),
        row("FirewallRuleSet.apply", () -> SET.apply(null), "FirewallRuleSet.apply.change"),
        row("FirewallRuleSet.applyAll", () -> SET.applyAll(null), "FirewallRuleSet.applyAll.changes"),
        row("FirewallRuleSet.applyAll element", () -> SET.applyAll(Arrays.asList((FirewallRuleChange) null)), "FirewallRuleSet.applyAll.changes[]"),
        // FirewallSource
        row("FirewallSource address", () -> new FirewallSource(null, false), "FirewallSource.address"),
        row("FirewallSource.of", () -> FirewallSource.of(null), "FirewallSource.address"),
        row("FirewallSource.azure", () -> FirewallSource.azure(null), "FirewallSource.address"),
        row("FirewallSource.from", () -> FirewallSource.from(null), "FirewallSource.arrival"),
        // PublicAccess
        row("PublicAccess.of(rules)", () -> PublicAccess.of((FirewallRuleSet) null), "PublicAccess.rules"),
        row("PublicAccess.of(server, rules) server", () -> PublicAccess.of(null, SET), "PublicAccess.server"),
        row("PublicAccess.of(server, rules) rules", () -> PublicAccess.of(ORDERS, null), "PublicAccess.rules"),
        row("PublicAccess.withProfile", () -> ACCESS.withProfile(null), "PublicAccess.profile"),
        row("PublicAccess.withAzureRanges", () -> ACCESS.withAzureRanges(null), "PublicAccess.azureRanges"),
        row("PublicAccess.withPublicNetworkAccess", () -> ACCESS.withPublicNetworkAccess(null), "PublicAccess.publicNetworkAccess"),
        row("PublicAccess.admit(address) source", () -> ACCESS.admit((Ipv4Address) null, NOW), "PublicAccess.admit.source"),
        row("PublicAccess.admit(address) at", () -> ACCESS.admit(ADDRESS, null), "PublicAccess.admit.at"),
        row("PublicAccess.admit(source) source", () -> ACCESS.admit((FirewallSource) null, NOW), "PublicAccess.admit.source"),
        row("PublicAccess.admit(source) at", () -> ACCESS.admit(FirewallSource.of(ADDRESS), null), "PublicAccess.admit.at"),
        row("PublicAccess.admit(arrival) arrival", () -> ACCESS.admit((Arrival) null, NOW), "PublicAccess.admit.arrival"),
        row("PublicAccess.admittedAddresses", () -> ACCESS.admittedAddresses(null), "PublicAccess.at"),
        row("PublicAccess.undecidedAddresses", () -> ACCESS.undecidedAddresses(null), "PublicAccess.at"),
        // Security rules and groups
        row("SecurityRule.builder().name", () -> SecurityRule.builder().name(null), "name"),
        row("SecurityRuleAddress.parse", () -> SecurityRuleAddress.parse(null), "SecurityRuleAddress.parse.text"),
        row("SecurityRuleAddress.Prefix", () -> new SecurityRuleAddress.Prefix(null), "SecurityRuleAddress.Prefix.prefix"),
        row("SecurityRuleAddress.Range", () -> new SecurityRuleAddress.Range(null), "SecurityRuleAddress.Range.range"),
        row("SecurityRuleAddress.ServiceTag", () -> new SecurityRuleAddress.ServiceTag(null), "SecurityRuleAddress.ServiceTag.name"),
        row("PortRange.parse", () -> PortRange.parse(null), "PortRange.parse.text"),
        row("SecurityRuleProtocol.parse", () -> SecurityRuleProtocol.parse(null), "SecurityRuleProtocol.parse.text"),
        row("SecurityRuleProtocol.matches", () -> SecurityRuleProtocol.ANY.matches(null), "SecurityRuleProtocol.matches.flowProtocol"),
        row("NetworkSecurityGroup.rules", () -> DB_NSG.rules(null), "NetworkSecurityGroup.rules.direction"),
        row("NetworkSecurityGroup.rule", () -> DB_NSG.rule(null), "NetworkSecurityGroup.rule.name"),
        row("NetworkSecurityGroup.ruleId", () -> DB_NSG.ruleId(null), "NetworkSecurityGroup.ruleId.rule"),
        row("NetworkSecurityGroup.builder().id", () -> NetworkSecurityGroup.builder().id(null), "id"),
        row("Flow.tcp source", () -> Flow.tcp(null, ADDRESS, 5432), "Flow.source"),
        row("Flow.postgres destination", () -> Flow.postgres(ADDRESS, null), "Flow.destination"),
        row("Flow protocol", () -> new Flow(ADDRESS, ADDRESS, null, 5432, java.util.OptionalInt.empty()), "Flow.protocol"),
        row("Flow sourcePort", () -> new Flow(ADDRESS, ADDRESS, SecurityRuleProtocol.TCP, 5432, null), "Flow.sourcePort"),
        // NetworkSecurity
        row("NetworkSecurity.of reachability", () -> NetworkSecurity.of(null, List.of(DB_NSG)), "NetworkSecurity.reachability"),
        row("NetworkSecurity.of groups", () -> NetworkSecurity.of(ROUTING, null), "NetworkSecurity.groups"),
        row("NetworkSecurity.of group", () -> NetworkSecurity.of(ROUTING, Arrays.asList(DB_NSG, null)), "NetworkSecurity.groups[]"),
        row("NetworkSecurity.of serviceTagRanges", () -> NetworkSecurity.of(ROUTING, List.of(DB_NSG), null), "NetworkSecurity.serviceTagRanges"),
        row(
            "NetworkSecurity.of serviceTagRanges key",
            () -> NetworkSecurity.of(ROUTING, List.of(DB_NSG), mapOf(null, AddressSet.ALL)),
            "NetworkSecurity.serviceTagRanges key"),
        row(
            "NetworkSecurity.of serviceTagRanges value",
            () -> NetworkSecurity.of(ROUTING, List.of(DB_NSG), mapOf("Storage", null)),
            "NetworkSecurity.serviceTagRanges[Storage]"),
        row("NetworkSecurity.inbound subnet", () -> SECURITY.inbound(null, Optional.empty(), FLOW), "NetworkSecurity.subnet"),
        row("NetworkSecurity.inbound networkInterface", () -> SECURITY.inbound(DB, null, FLOW), "NetworkSecurity.networkInterface"),
        row("NetworkSecurity.inbound flow", () -> SECURITY.inbound(DB, Optional.empty(), null), "NetworkSecurity.flow"),
        row("NetworkSecurity.outbound subnet", () -> SECURITY.outbound(null, Optional.empty(), FLOW), "NetworkSecurity.subnet"),
        row("NetworkSecurity.outbound flow", () -> SECURITY.outbound(DB, Optional.empty(), null), "NetworkSecurity.flow"),
        row("NetworkSecurity.inboundToPrivateEndpoint subnet", () -> SECURITY.inboundToPrivateEndpoint(null, FLOW), "NetworkSecurity.subnet"),
        row("NetworkSecurity.inboundToPrivateEndpoint flow", () -> SECURITY.inboundToPrivateEndpoint(DB, null), "NetworkSecurity.flow"),
        row("NetworkSecurity.along path", () -> SECURITY.along(null, FLOW), "NetworkSecurity.path"),
        row("NetworkSecurity.along flow", () -> SECURITY.along(PATH, null), "NetworkSecurity.flow"),
        row("NetworkSecurity.alongToPrivateEndpoint path", () -> SECURITY.alongToPrivateEndpoint(null, FLOW), "NetworkSecurity.path"),
        // FirewallValidation
        row("validate network", () -> FirewallValidation.validate(null, PROFILE, Map.of(), List.of(DB_NSG), Map.of()), "FirewallValidation.network"),
        row("validate profile", () -> FirewallValidation.validate(NETWORK, null, Map.of(), List.of(DB_NSG), Map.of()), "FirewallValidation.profile"),
        row("validate firewallRules", () -> FirewallValidation.validate(NETWORK, PROFILE, null, List.of(DB_NSG), Map.of()), "FirewallValidation.firewallRules"),
        row("validate groups", () -> FirewallValidation.validate(NETWORK, PROFILE, Map.of(), null, Map.of()), "FirewallValidation.groups"),
        row(
            "validate serviceTagRanges",
            () -> FirewallValidation.validate(NETWORK, PROFILE, Map.of(), List.of(DB_NSG), null),
            "FirewallValidation.serviceTagRanges"),
        row("validateFirewallRules network", () -> FirewallValidation.validateFirewallRules(null, Map.of()), "FirewallValidation.network"),
        row("validateFirewallRules firewallRules", () -> FirewallValidation.validateFirewallRules(NETWORK, null), "FirewallValidation.firewallRules"),
        row(
            "validateFirewallRules key",
            () -> FirewallValidation.validateFirewallRules(NETWORK, mapOf(null, SET)),
            "FirewallValidation.firewallRules key"),
        row(
            "validateFirewallRules value",
            () -> FirewallValidation.validateFirewallRules(NETWORK, mapOf(ORDERS.id(), null)),
            "FirewallValidation.firewallRules[" + ORDERS.id() + "]"),
        row("validateSecurityGroups network", () -> FirewallValidation.validateSecurityGroups(null, PROFILE, List.of(DB_NSG), Map.of()), "FirewallValidation.network"),
        row("validateSecurityGroups profile", () -> FirewallValidation.validateSecurityGroups(NETWORK, null, List.of(DB_NSG), Map.of()), "FirewallValidation.profile"),
        row("validateSecurityGroups groups", () -> FirewallValidation.validateSecurityGroups(NETWORK, PROFILE, null, Map.of()), "FirewallValidation.groups"),
        row(
            "validateSecurityGroups group",
            () -> FirewallValidation.validateSecurityGroups(NETWORK, PROFILE, Arrays.asList(DB_NSG, null), Map.of()),
            "NetworkSecurity.groups[]"),
        row(
            "validateSecurityGroups serviceTagRanges",
            () -> FirewallValidation.validateSecurityGroups(NETWORK, PROFILE, List.of(DB_NSG), null),
            "FirewallValidation.serviceTagRanges"),
        // Steps
        row("FirewallStep.RuleMatched rule", () -> new FirewallStep.RuleMatched(null, RANGE, FirewallSource.of(ADDRESS)), "FirewallStep.RuleMatched.rule"),
        row(
            "FirewallStep.ChangePropagating settlesAt",
            () -> new FirewallStep.ChangePropagating("office", RANGE, false, NOW, null, FirewallSource.of(ADDRESS)),
            "FirewallStep.ChangePropagating.settlesAt"),
        row(
            "SecurityGroupStep.NotApplied scope",
            () -> new SecurityGroupStep.NotApplied(Optional.of(nsgId("db-nsg")), null, SecurityRuleDirection.INBOUND, "why"),
            "SecurityGroupStep.NotApplied.scope"));
  }

  private static Arguments row(String label, Executable call, String parameter) {
    return Arguments.of(label, call, parameter);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nulls")
  void publicEntryPoint_nullArgument_throwsMissingAttributeNamingIt(String label, Executable call, String parameter) {
    PgreachException e = assertThrows(PgreachException.class, call, label);
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(parameter), () -> "expected " + parameter + " in: " + e.getMessage());
  }
}
