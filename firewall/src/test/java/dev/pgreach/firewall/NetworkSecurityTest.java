package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.inbound;
import static dev.pgreach.firewall.TestEstate.ip;
import static dev.pgreach.firewall.TestEstate.nicId;
import static dev.pgreach.firewall.TestEstate.nsg;
import static dev.pgreach.firewall.TestEstate.nsgId;
import static dev.pgreach.firewall.TestEstate.outbound;
import static dev.pgreach.firewall.TestEstate.routeTableId;
import static dev.pgreach.firewall.TestEstate.rule;
import static dev.pgreach.firewall.TestEstate.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.Path;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NetworkSecurityTest {
  private static final ResourceId DB = subnetId("hub", "db");
  private static final ResourceId APPS = subnetId("hub", "apps");
  private static final ResourceId PLAIN = subnetId("hub", "plain");
  private static final ResourceId VM = nicId("vm1");

  /** hub 10.0.0.0/16 (db with db-nsg, apps with apps-nsg and vm1 with vm-nsg, plain without NSG), peered with spoke 10.1.0.0/16. */
  private static Network network() {
    return new TestEstate()
        .vnet("hub", "10.0.0.0/16")
        .subnet("hub", "db", "10.0.1.0/28", b -> b.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).networkSecurityGroup(nsgId("db-nsg")))
        .subnet("hub", "apps", "10.0.2.0/24", "apps-nsg")
        .subnet("hub", "plain", "10.0.3.0/24")
        .vnet("spoke", "10.1.0.0/16")
        .subnet("spoke", "web", "10.1.1.0/24")
        .vnet("other", "10.9.0.0/16")
        .subnet("other", "x", "10.9.1.0/24")
        .peer("hub", "spoke")
        .nic("vm1", "hub", "apps", "10.0.2.4", "vm-nsg")
        .nic("vm2", "hub", "apps", "10.0.2.5", null)
        .build();
  }

  private static NetworkSecurity security(NetworkSecurityGroup db, NetworkSecurityGroup apps, NetworkSecurityGroup vm) {
    return security(db, apps, vm, Map.of());
  }

  private static NetworkSecurity security(
      NetworkSecurityGroup db, NetworkSecurityGroup apps, NetworkSecurityGroup vm, Map<String, AddressSet> tags) {
    return NetworkSecurity.of(Reachability.of(network(), ServiceProfile.current()), List.of(db, apps, vm), tags);
  }

  private static NetworkSecurity defaults() {
    return security(nsg("db-nsg"), nsg("apps-nsg"), nsg("vm-nsg"));
  }

  private static List<String> decided(Verdict v) {
    List<String> out = new ArrayList<>();
    for (Step s : v.steps()) {
      if (s instanceof SecurityGroupStep.RuleAllowed) {
        SecurityGroupStep.RuleAllowed a = (SecurityGroupStep.RuleAllowed) s;
        out.add(a.networkSecurityGroup().name() + ":" + a.rule() + ":allow");
      } else if (s instanceof SecurityGroupStep.RuleDenied) {
        SecurityGroupStep.RuleDenied d = (SecurityGroupStep.RuleDenied) s;
        out.add(d.networkSecurityGroup().name() + ":" + d.rule() + ":deny");
      }
    }
    return out;
  }

  @Test
  void inbound_subnetGroupThenInterfaceGroup_bothMustAllow() {
    NetworkSecurity s =
        security(
            nsg("db-nsg"),
            nsg("apps-nsg", inbound("allow-ssh", 100, SecurityRuleAccess.ALLOW, "*", "*", "22")),
            nsg("vm-nsg", inbound("deny-ssh", 100, SecurityRuleAccess.DENY, "*", "*", "22")));
    Verdict v = s.inbound(APPS, Optional.of(VM), Flow.tcp(ip("10.1.1.9"), ip("10.0.2.4"), 22));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("apps-nsg:allow-ssh:allow", "vm-nsg:deny-ssh:deny"), decided(v));
  }

  @Test
  void inbound_subnetGroupDenies_interfaceGroupNotEvaluated() {
    NetworkSecurity s = security(nsg("db-nsg"), nsg("apps-nsg", inbound("deny-ssh", 100, SecurityRuleAccess.DENY, "*", "*", "22")), nsg("vm-nsg"));
    Verdict v = s.inbound(APPS, Optional.of(VM), Flow.tcp(ip("10.1.1.9"), ip("10.0.2.4"), 22));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("apps-nsg:deny-ssh:deny"), decided(v));
  }

  @Test
  void outbound_interfaceGroupThenSubnetGroup() {
    NetworkSecurity s =
        security(
            nsg("db-nsg"),
            nsg("apps-nsg", outbound("deny-pg-out", 100, SecurityRuleAccess.DENY, "*", "*", "5432")),
            nsg("vm-nsg", outbound("allow-pg-out", 100, SecurityRuleAccess.ALLOW, "*", "*", "5432")));
    Verdict v = s.outbound(APPS, Optional.of(VM), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("vm-nsg:allow-pg-out:allow", "apps-nsg:deny-pg-out:deny"), decided(v));
  }

  @Test
  void inbound_firstMatchByPriorityWins() {
    NetworkSecurity s =
        security(
            nsg(
                "db-nsg",
                inbound("deny-all-pg", 200, SecurityRuleAccess.DENY, "*", "*", "5432"),
                inbound("allow-apps-pg", 100, SecurityRuleAccess.ALLOW, "10.0.2.0/24", "*", "5432")),
            nsg("apps-nsg"),
            nsg("vm-nsg"));
    assertEquals(List.of("db-nsg:allow-apps-pg:allow"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")))));
    assertEquals(List.of("db-nsg:deny-all-pg:deny"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.1.1.4"), ip("10.0.1.4")))));
  }

  /**
   * The default rules. The host address 168.63.129.16 is part of the VirtualNetwork tag (as well
   * as of AzureLoadBalancer), so AllowVnetInBound admits it before AllowAzureLoadBalancerInBound.
   */
  @Test
  void inbound_defaultRules_vnetAndPeersAllowedOthersDenied() {
    NetworkSecurity s = defaults();
    assertEquals(List.of("db-nsg:AllowVnetInBound:allow"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")))));
    assertEquals(List.of("db-nsg:AllowVnetInBound:allow"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.1.1.4"), ip("10.0.1.4")))));
    assertEquals(List.of("db-nsg:DenyAllInBound:deny"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.9.1.4"), ip("10.0.1.4")))));
    assertEquals(List.of("db-nsg:DenyAllInBound:deny"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("203.0.113.7"), ip("10.0.1.4")))));
    assertEquals(
        List.of("db-nsg:AllowVnetInBound:allow"),
        decided(s.inbound(DB, Optional.empty(), Flow.tcp(ip("168.63.129.16"), ip("10.0.1.4"), 5432))));
  }

  @Test
  void inbound_loadBalancerRuleAboveVnetRule_admitsHostAddress() {
    NetworkSecurity s =
        security(
            nsg(
                "db-nsg",
                inbound("allow-probes", 100, SecurityRuleAccess.ALLOW, "AzureLoadBalancer", "*", "*"),
                inbound("deny-vnet", 200, SecurityRuleAccess.DENY, "VirtualNetwork", "*", "*")),
            nsg("apps-nsg"),
            nsg("vm-nsg"));
    assertEquals(
        List.of("db-nsg:allow-probes:allow"), decided(s.inbound(DB, Optional.empty(), Flow.tcp(ip("168.63.129.16"), ip("10.0.1.4"), 5432))));
    assertEquals(List.of("db-nsg:deny-vnet:deny"), decided(s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")))));
  }

  // ---------------------------------------------------------------- VirtualNetwork tag per subnet

  /**
   * hub 10.0.0.0/16: db (10.0.1.0/28, db-nsg, route table rt: 10.2.0.0/16 to the appliance
   * 10.0.3.4) and apps (10.0.2.0/24, the same db-nsg, no route table); nva (10.0.3.0/24) holds the
   * appliance.
   */
  private static NetworkSecurity routedDb(NetworkSecurityGroup dbNsg) {
    Network network =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .routeTable("rt", Route.toAppliance("to-nva", Ipv4Prefix.parse("10.2.0.0/16"), ip("10.0.3.4")))
            .subnet("hub", "db", "10.0.1.0/28", b -> b.networkSecurityGroup(nsgId("db-nsg")).routeTable(routeTableId("rt")))
            .subnet("hub", "apps", "10.0.2.0/24", "db-nsg")
            .subnet("hub", "nva", "10.0.3.0/24")
            .appliance("nva1", "hub", "nva", "10.0.3.4")
            .build();
    return NetworkSecurity.of(Reachability.of(network, ServiceProfile.current()), List.of(dbNsg));
  }

  /**
   * A user route's prefix is part of the VirtualNetwork tag of the subnet whose route table holds
   * it (Azure's service tag documentation), so a deny of VirtualNetwork there denies a source in
   * that prefix before a later allow admits it. The same group on a subnet without the route does not treat the prefix
   * as VirtualNetwork.
   */
  @Test
  void inbound_sourceInSubnetUserRoutePrefix_deniedAsVirtualNetwork() {
    NetworkSecurity s =
        routedDb(
            nsg(
                "db-nsg",
                rule("deny-vnet", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleProtocol.ANY, "VirtualNetwork", "*", "*", "*"),
                inbound("allow-ten", 200, SecurityRuleAccess.ALLOW, "10.0.0.0/8", "*", "5432")));
    Verdict v = s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.2.0.5"), ip("10.0.1.4")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("db-nsg:deny-vnet:deny"), decided(v));
    assertEquals(100, ((SecurityGroupStep.RuleDenied) v.blockingStep().orElseThrow()).priority());
    Verdict elsewhere = s.inbound(APPS, Optional.empty(), Flow.postgres(ip("10.2.0.5"), ip("10.0.2.4")));
    assertEquals(Disposition.ALLOWED, elsewhere.disposition());
    assertEquals(List.of("db-nsg:allow-ten:allow"), decided(elsewhere));
  }

  /**
   * Two spokes reach each other through an appliance in the hub, with user routes both ways and
   * forwarded traffic allowed: each spoke's route puts the other spoke's space in its subnets'
   * VirtualNetwork tag, so the default AllowVnetOutBound and AllowVnetInBound rules admit the flow.
   */
  @Test
  void along_spokeToSpokeThroughHubAppliance_allowedByDefaultVnetRules() {
    Network network =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .subnet("hub", "nva", "10.0.3.0/24", "nva-nsg")
            .appliance("nva1", "hub", "nva", "10.0.3.4")
            .vnet("spoke1", "10.1.0.0/16")
            .routeTable("rt1", Route.toAppliance("to-spoke2", Ipv4Prefix.parse("10.2.0.0/16"), ip("10.0.3.4")))
            .subnet("spoke1", "app", "10.1.1.0/24", b -> b.networkSecurityGroup(nsgId("app-nsg")).routeTable(routeTableId("rt1")))
            .vnet("spoke2", "10.2.0.0/16")
            .routeTable("rt2", Route.toAppliance("to-spoke1", Ipv4Prefix.parse("10.1.0.0/16"), ip("10.0.3.4")))
            .subnet("spoke2", "db", "10.2.1.0/24", b -> b.networkSecurityGroup(nsgId("db-nsg")).routeTable(routeTableId("rt2")))
            .peer("hub", "spoke1", true)
            .peer("hub", "spoke2", true)
            .build();
    Reachability routing = Reachability.of(network, ServiceProfile.current());
    NetworkSecurity s = NetworkSecurity.of(routing, List.of(nsg("nva-nsg"), nsg("app-nsg"), nsg("db-nsg")));
    Path path = routing.route(ClientLocation.InVirtualNetwork.of(subnetId("spoke1", "app"), ip("10.1.1.4")), ip("10.2.1.4"));
    assertEquals(Disposition.ALLOWED, path.verdict().disposition(), path.verdict()::toString);
    Verdict v = s.along(path, Flow.postgres(ip("10.1.1.4"), ip("10.2.1.4")));
    assertEquals(Disposition.ALLOWED, v.disposition(), v::toString);
    assertEquals(
        List.of(
            "app-nsg:AllowVnetOutBound:allow",
            "nva-nsg:AllowVnetInBound:allow",
            "nva-nsg:AllowVnetOutBound:allow",
            "db-nsg:AllowVnetInBound:allow"),
        decided(v));
  }

  /**
   * A default user route makes the subnet's VirtualNetwork tag every address (Azure's service tag
   * documentation).
   * Whether the public space it adds belongs to the Internet tag is not documented: failing closed,
   * a deny of Internet makes a public source undecided rather than letting a later allow admit it.
   */
  @Test
  void inbound_defaultUserRoute_virtualNetworkIsEverythingAndInternetUndecided() {
    Network network =
        new TestEstate()
            .vnet("hub", "10.0.0.0/16")
            .routeTable("rt", Route.toAppliance("default", Ipv4Prefix.parse("0.0.0.0/0"), ip("10.0.3.4")))
            .subnet("hub", "db", "10.0.1.0/28", b -> b.networkSecurityGroup(nsgId("db-nsg")).routeTable(routeTableId("rt")))
            .subnet("hub", "nva", "10.0.3.0/24")
            .appliance("nva1", "hub", "nva", "10.0.3.4")
            .build();
    Reachability routing = Reachability.of(network, ServiceProfile.current());
    Verdict defaults = NetworkSecurity.of(routing, List.of(nsg("db-nsg"))).inbound(DB, Optional.empty(), Flow.postgres(ip("8.8.8.8"), ip("10.0.1.4")));
    assertEquals(Disposition.ALLOWED, defaults.disposition());
    assertEquals(List.of("db-nsg:AllowVnetInBound:allow"), decided(defaults));
    NetworkSecurity denyInternet =
        NetworkSecurity.of(
            routing,
            List.of(
                nsg(
                    "db-nsg",
                    inbound("deny-internet", 100, SecurityRuleAccess.DENY, "Internet", "*", "5432"),
                    inbound("allow-pg", 200, SecurityRuleAccess.ALLOW, "*", "*", "5432"))));
    Verdict v = denyInternet.inbound(DB, Optional.empty(), Flow.postgres(ip("8.8.8.8"), ip("10.0.1.4")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals("deny-internet", ((SecurityGroupStep.RuleUndecided) v.unknownSteps().get(0)).rule());
    assertEquals(
        Disposition.ALLOWED, denyInternet.inbound(DB, Optional.empty(), Flow.postgres(ip("10.0.3.9"), ip("10.0.1.4"))).disposition());
  }

  @Test
  void along_sourceInterfaceFoundByAddress_appliesItsOutboundGroup() {
    NetworkSecurity s =
        security(nsg("db-nsg"), nsg("apps-nsg"), nsg("vm-nsg", outbound("deny-pg-out", 100, SecurityRuleAccess.DENY, "*", "*", "5432")));
    Reachability routing = Reachability.of(network(), ServiceProfile.current());
    Path path = routing.route(ClientLocation.InVirtualNetwork.of(APPS, ip("10.0.2.4")), ip("10.0.1.4"));
    Verdict v = s.along(path, Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("vm-nsg:deny-pg-out:deny"), decided(v));
    Path other = routing.route(ClientLocation.InVirtualNetwork.of(APPS, ip("10.0.2.9")), ip("10.0.1.4"));
    assertEquals(Disposition.ALLOWED, s.along(other, Flow.postgres(ip("10.0.2.9"), ip("10.0.1.4"))).disposition());
  }

  @Test
  void outbound_defaultRules_internetAllowed() {
    Verdict v = defaults().outbound(APPS, Optional.empty(), Flow.tcp(ip("10.0.2.5"), ip("40.2.45.67"), 443));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(List.of("apps-nsg:AllowInternetOutBound:allow"), decided(v));
  }

  /**
   * The Internet tag, as pgreach defines it: addresses outside the VirtualNetwork tag and outside
   * private ranges are in it; VirtualNetwork addresses are not; private addresses outside the
   * virtual network may or may not be, so an Internet allow never admits them and an Internet deny
   * makes them undecided.
   */
  @Test
  void internetTag_definitionFailsClosedForPrivateAddressesOutsideTheNetwork() {
    NetworkSecurity s =
        security(
            nsg(
                "db-nsg",
                inbound("deny-internet", 100, SecurityRuleAccess.DENY, "Internet", "*", "5432"),
                inbound("allow-rest", 200, SecurityRuleAccess.ALLOW, "*", "*", "5432")),
            nsg("apps-nsg"),
            nsg("vm-nsg"));
    assertEquals(Disposition.BLOCKED, s.inbound(DB, Optional.empty(), Flow.postgres(ip("8.8.8.8"), ip("10.0.1.4"))).disposition());
    assertEquals(Disposition.ALLOWED, s.inbound(DB, Optional.empty(), Flow.postgres(ip("10.1.1.4"), ip("10.0.1.4"))).disposition());
    Verdict onPremises = s.inbound(DB, Optional.empty(), Flow.postgres(ip("192.168.7.7"), ip("10.0.1.4")));
    assertEquals(Disposition.INDETERMINATE, onPremises.disposition());
    assertEquals(ReasonCode.NSG_RULE_UNDECIDED, onPremises.unknownSteps().get(0).code());
    Verdict out = defaults().outbound(APPS, Optional.empty(), Flow.tcp(ip("10.0.2.5"), ip("10.9.1.4"), 443));
    assertEquals(Disposition.BLOCKED, out.disposition());
    assertEquals(StepEffect.NOTE, out.steps().get(0).effect());
    assertEquals("AllowInternetOutBound", ((SecurityGroupStep.RuleUndecided) out.steps().get(0)).rule());
  }

  @Test
  void opaqueTag_inAllowRule_neverAdmits() {
    NetworkSecurity s =
        security(nsg("db-nsg", inbound("allow-cloud", 100, SecurityRuleAccess.ALLOW, "AzureCloud", "*", "5432")), nsg("apps-nsg"), nsg("vm-nsg"));
    Verdict v = s.inbound(DB, Optional.empty(), Flow.postgres(ip("20.50.2.9"), ip("10.0.1.4")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    SecurityGroupStep.RuleUndecided note = (SecurityGroupStep.RuleUndecided) v.steps().get(0);
    assertEquals(StepEffect.NOTE, note.effect());
    assertTrue(note.reason().contains("service tag AzureCloud"), note.reason());
    assertEquals(List.of("db-nsg:DenyAllInBound:deny"), decided(v));
  }

  @Test
  void opaqueTag_inDenyRule_makesAnswerIndeterminate() {
    NetworkSecurity s =
        security(
            nsg(
                "db-nsg",
                inbound("deny-cloud", 100, SecurityRuleAccess.DENY, "AzureCloud", "*", "5432"),
                inbound("allow-all-pg", 200, SecurityRuleAccess.ALLOW, "*", "*", "5432")),
            nsg("apps-nsg"),
            nsg("vm-nsg"));
    Verdict v = s.inbound(DB, Optional.empty(), Flow.postgres(ip("20.50.2.9"), ip("10.0.1.4")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals("deny-cloud", ((SecurityGroupStep.RuleUndecided) v.unknownSteps().get(0)).rule());
  }

  @Test
  void suppliedTag_decidesLikeAPrefix() {
    NetworkSecurity s =
        security(
            nsg(
                "db-nsg",
                inbound("deny-cloud", 100, SecurityRuleAccess.DENY, "azurecloud", "*", "5432"),
                inbound("allow-all-pg", 200, SecurityRuleAccess.ALLOW, "*", "*", "5432")),
            nsg("apps-nsg"),
            nsg("vm-nsg"),
            Map.of("AzureCloud", AddressSet.parse("20.0.0.0/8")));
    assertEquals(Disposition.BLOCKED, s.inbound(DB, Optional.empty(), Flow.postgres(ip("20.50.2.9"), ip("10.0.1.4"))).disposition());
    assertEquals(Disposition.ALLOWED, s.inbound(DB, Optional.empty(), Flow.postgres(ip("21.50.2.9"), ip("10.0.1.4"))).disposition());
  }

  @Test
  void sourcePorts_unknownSourcePortMakesRestrictedRuleUndecided() {
    SecurityRule denyHighPorts =
        rule("deny-high", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleProtocol.TCP, "*", "1000-2000", "*", "5432");
    NetworkSecurity s = security(nsg("db-nsg", denyHighPorts), nsg("apps-nsg"), nsg("vm-nsg"));
    Flow unknownPort = Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4"));
    assertEquals(Disposition.INDETERMINATE, s.inbound(DB, Optional.empty(), unknownPort).disposition());
    Flow inRange = new Flow(ip("10.0.2.4"), ip("10.0.1.4"), SecurityRuleProtocol.TCP, 5432, OptionalInt.of(1500));
    assertEquals(Disposition.BLOCKED, s.inbound(DB, Optional.empty(), inRange).disposition());
    Flow outside = new Flow(ip("10.0.2.4"), ip("10.0.1.4"), SecurityRuleProtocol.TCP, 5432, OptionalInt.of(40000));
    assertEquals(Disposition.ALLOWED, s.inbound(DB, Optional.empty(), outside).disposition());
  }

  @Test
  void portlessProtocol_portsDoNotConstrain() {
    SecurityRule denyIcmp =
        rule("deny-icmp", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleProtocol.ICMP, "*", "*", "*", "80");
    NetworkSecurity s = security(nsg("db-nsg", denyIcmp), nsg("apps-nsg"), nsg("vm-nsg"));
    Flow ping = new Flow(ip("10.0.2.4"), ip("10.0.1.4"), SecurityRuleProtocol.ICMP, 0, OptionalInt.empty());
    assertEquals(Disposition.BLOCKED, s.inbound(DB, Optional.empty(), ping).disposition());
    assertEquals(Disposition.ALLOWED, s.inbound(DB, Optional.empty(), Flow.tcp(ip("10.0.2.4"), ip("10.0.1.4"), 80)).disposition());
  }

  @Test
  void applicationSecurityGroup_allowRuleNeverAdmits() {
    SecurityRule allowAsg =
        SecurityRule.builder().name("allow-web-asg").priority(100).direction(SecurityRuleDirection.INBOUND).access(SecurityRuleAccess.ALLOW)
            .protocol(SecurityRuleProtocol.TCP)
            .addSourceApplicationSecurityGroups(TestEstate.id(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "web"))
            .addSourcePortRanges(PortRange.ANY).addDestinationAddressPrefixes(SecurityRuleAddress.ANY).addDestinationPortRanges(PortRange.of(5432))
            .build();
    NetworkSecurity s = security(nsg("db-nsg", allowAsg), nsg("apps-nsg"), nsg("vm-nsg"));
    Verdict v = s.inbound(DB, Optional.empty(), Flow.postgres(ip("203.0.113.7"), ip("10.0.1.4")));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertTrue(v.steps().get(0).reason().contains("application security group"), v.steps().get(0).reason());
  }

  @Test
  void noGroup_nothingFiltered() {
    Verdict v = defaults().inbound(PLAIN, Optional.empty(), Flow.postgres(ip("203.0.113.7"), ip("10.0.3.4")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.NSG_NOT_APPLIED, v.steps().get(0).code());
    Verdict nic = defaults().inbound(APPS, Optional.of(nicId("vm2")), Flow.tcp(ip("10.0.2.9"), ip("10.0.2.5"), 22));
    assertEquals(List.of(ReasonCode.NSG_RULE_ALLOWED, ReasonCode.NSG_NOT_APPLIED), List.of(nic.steps().get(0).code(), nic.steps().get(1).code()));
  }

  @Test
  void along_statefulPath_destinationOutboundNeverEvaluated() {
    NetworkSecurityGroup db =
        nsg(
            "db-nsg",
            inbound("allow-apps", 100, SecurityRuleAccess.ALLOW, "10.0.2.0/24", "*", "5432"),
            outbound("deny-everything-out", 100, SecurityRuleAccess.DENY, "*", "*", "*"));
    NetworkSecurity s = security(db, nsg("apps-nsg"), nsg("vm-nsg"));
    Reachability routing = Reachability.of(network(), ServiceProfile.current());
    Path path = routing.route(new ClientLocation.InVirtualNetwork(APPS, ip("10.0.2.4"), Optional.empty(), Optional.of(VM)), ip("10.0.1.4"));
    Verdict v = s.along(path, Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(List.of("vm-nsg:AllowVnetOutBound:allow", "apps-nsg:AllowVnetOutBound:allow", "db-nsg:allow-apps:allow"), decided(v));
  }

  @Test
  void along_destinationInterfaceFoundByAddress() {
    NetworkSecurity s = security(nsg("db-nsg"), nsg("apps-nsg"), nsg("vm-nsg", inbound("deny-ssh", 100, SecurityRuleAccess.DENY, "*", "*", "22")));
    Reachability routing = Reachability.of(network(), ServiceProfile.current());
    Path path = routing.route(ClientLocation.InVirtualNetwork.of(subnetId("spoke", "web"), ip("10.1.1.4")), ip("10.0.2.4"));
    Verdict v = s.along(path, Flow.tcp(ip("10.1.1.4"), ip("10.0.2.4"), 22));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of("apps-nsg:AllowVnetInBound:allow", "vm-nsg:deny-ssh:deny"), decided(v));
  }

  @Test
  void along_internetPath_noGroupApplies() {
    Reachability routing = Reachability.of(network(), ServiceProfile.current());
    Path path = routing.route(new ClientLocation.Internet(ip("198.51.100.7")), ip("40.2.45.67"));
    Verdict v = defaults().along(path, Flow.postgres(ip("198.51.100.7"), ip("40.2.45.67")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.NSG_NOT_APPLIED, v.steps().get(0).code());
  }

  @Test
  void of_subnetRefersToMissingGroup_throwsDanglingReference() {
    PgreachException e =
        assertThrows(
            PgreachException.class, () -> NetworkSecurity.of(Reachability.of(network(), ServiceProfile.current()), List.of(nsg("db-nsg"), nsg("vm-nsg"))));
    assertEquals(ErrorCode.DANGLING_REFERENCE, e.code());
    assertTrue(e.getMessage().contains("Subnet[apps].networkSecurityGroup"), e.getMessage());
    assertTrue(e.getMessage().contains("apps-nsg"), e.getMessage());
  }

  @Test
  void of_duplicateGroup_throwsDuplicateResource() {
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> NetworkSecurity.of(Reachability.of(network(), ServiceProfile.current()), List.of(nsg("db-nsg"), nsg("apps-nsg"), nsg("vm-nsg"), nsg("DB-NSG"))));
    assertEquals(ErrorCode.DUPLICATE_RESOURCE, e.code());
  }

  @Test
  void of_rangesForComputedTag_throwsInvalidValue() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> security(nsg("db-nsg"), nsg("apps-nsg"), nsg("vm-nsg"), Map.of("virtualNetwork", AddressSet.ALL)));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("\"virtualNetwork\""), e.getMessage());
  }

  @Test
  void inbound_interfaceInAnotherSubnet_throwsInvalidValue() {
    PgreachException e = assertThrows(PgreachException.class, () -> defaults().inbound(DB, Optional.of(VM), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4"))));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("vm1"), e.getMessage());
  }

  @Test
  void inbound_unknownSubnet_throwsUnknownResource() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> defaults().inbound(subnetId("hub", "nope"), Optional.empty(), Flow.postgres(ip("10.0.2.4"), ip("10.0.1.4"))));
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.code());
  }

  @Test
  void steps_nameGroupRuleAndPlace() {
    Verdict v = defaults().inbound(DB, Optional.empty(), Flow.postgres(ip("203.0.113.7"), ip("10.0.1.4")));
    SecurityGroupStep.RuleDenied d = (SecurityGroupStep.RuleDenied) v.blockingStep().orElseThrow();
    assertEquals(nsgId("db-nsg").child("defaultSecurityRules", "DenyAllInBound").toString(), d.subject());
    assertEquals("NSG db-nsg on subnet db, inbound rule DenyAllInBound (priority 65500) denies Tcp 203.0.113.7 -> 10.0.1.4:5432.", d.reason());
    assertEquals(SecurityRuleDirection.INBOUND, d.direction());
  }
}
