package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.nsgId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.Verdict;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.testing.NetworkArbitraries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Network security groups on generated networks ({@link NetworkArbitraries}): group {@code g} is
 * associated with every subnet and group {@code n} with every network interface, rules name the
 * networks' own prefixes, user-route prefixes, on-premises prefixes and service tags, and flows
 * come from the same places. The reference reads the VirtualNetwork tag of each subnet off the
 * documented definition ({@link VirtualNetworkTagDefinition}), not off the library.
 */
class NetworkSecurityProperties {
  /** Ranges the caller may supply for some opaque tags. */
  private static final List<Map<String, AddressSet>> SUPPLIED =
      List.of(
          Map.of(),
          Map.of("Storage", AddressSet.parse("52.0.0.0/12")),
          Map.of("storage", AddressSet.parse("52.0.0.0/12, 20.60.0.0/16"), "AzureCloud", AddressSet.parse("20.0.0.0/8")));

  /**
   * One question: a network with its groups, the caller's tag ranges, the subnet asked about
   * (an index into the network's subnets) and the flows.
   */
  record Case(Network network, NetworkSecurityGroup g, NetworkSecurityGroup n, Map<String, AddressSet> supplied, int place, List<Flow> flows) {
    Subnet subnet() {
      List<Subnet> all = subnets(network);
      return all.get(place % all.size());
    }

    NetworkSecurity security() {
      return NetworkSecurity.of(Reachability.of(network, ServiceProfile.current()), List.of(g, n), supplied);
    }

    @Override
    public String toString() {
      return "subnet " + subnet().id().name() + ", g=" + g.securityRules() + ", n=" + n.securityRules() + ", supplied=" + supplied + ", flows=" + flows + "\n" + network;
    }
  }

  private static List<Subnet> subnets(Network network) {
    List<Subnet> out = new ArrayList<>();
    network.virtualNetworks().forEach(v -> out.addAll(v.subnets()));
    return out;
  }

  /** The network rebuilt with group {@code g} on every subnet and group {@code n} on every interface. */
  static Network withGroups(Network raw) {
    Network.Builder b = Network.builder();
    for (VirtualNetwork v : raw.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder()
              .id(v.id())
              .region(v.region())
              .addAllAddressSpace(v.addressSpace())
              .addAllDnsServers(v.dnsServers())
              .addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      for (Subnet s : v.subnets()) {
        vb.addSubnets(
            Subnet.builder()
                .id(s.id())
                .addressPrefix(s.addressPrefix())
                .delegation(s.delegation())
                .routeTable(s.routeTable())
                .privateEndpointNetworkPolicies(s.privateEndpointNetworkPolicies())
                .networkSecurityGroup(nsgId("g"))
                .build());
      }
      b.addVirtualNetworks(vb.build());
    }
    for (NetworkInterface n : raw.networkInterfaces()) {
      b.addNetworkInterfaces(
          NetworkInterface.builder()
              .id(n.id())
              .subnet(n.subnet())
              .privateAddress(n.privateAddress())
              .publicAddress(n.publicAddress())
              .enableIpForwarding(n.enableIpForwarding())
              .networkSecurityGroup(nsgId("n"))
              .build());
    }
    return b.addAllRouteTables(raw.routeTables())
        .addAllVirtualNetworkGateways(raw.virtualNetworkGateways())
        .addAllGatewayConnections(raw.gatewayConnections())
        .addAllOnPremisesNetworks(raw.onPremisesNetworks())
        .addAllFlexibleServers(raw.flexibleServers())
        .build();
  }

  /** Prefixes from every part of the network: spaces, subnets, user routes, on-premises. */
  private static List<Ipv4Prefix> prefixesOf(Network network) {
    Set<Ipv4Prefix> out = new LinkedHashSet<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      out.addAll(v.addressSpace());
      v.subnets().forEach(s -> out.add(s.addressPrefix()));
    }
    for (RouteTable t : network.routeTables()) {
      t.routes().stream().map(Route::addressPrefix).forEach(out::add);
    }
    for (OnPremisesNetwork o : network.onPremisesNetworks()) {
      out.addAll(o.addressPrefixes());
    }
    return new ArrayList<>(out);
  }

  /** Rule entries: the network's prefixes, a few fixed ones, a range, and service tags. */
  static Arbitrary<SecurityRuleAddress> entries(Network network) {
    List<SecurityRuleAddress> out = new ArrayList<>();
    for (Ipv4Prefix p : prefixesOf(network)) {
      out.add(new SecurityRuleAddress.Prefix(p));
    }
    for (String t :
        List.of(
            "*", "0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16", "8.8.8.0/24", "52.0.0.0/8", "168.63.129.16", "10.0.0.0-10.63.255.255",
            "VirtualNetwork", "VirtualNetwork", "Internet", "Internet", "AzureLoadBalancer", "Storage", "AzureCloud")) {
      out.add(SecurityRuleAddress.parse(t));
    }
    return Arbitraries.of(out);
  }

  /** Flow addresses: inside every prefix of the network (first, middle, last), and fixed others. */
  static Arbitrary<Ipv4Address> flowAddresses(Network network) {
    List<Ipv4Address> known = new ArrayList<>();
    for (Ipv4Prefix p : prefixesOf(network)) {
      known.add(p.first());
      known.add(Ipv4Address.ofLong((p.first().toLong() + p.last().toLong()) / 2));
      known.add(p.last());
    }
    for (String a : List.of("168.63.129.16", "8.8.8.8", "52.1.2.3", "20.1.1.1", "20.60.0.9", "192.168.1.1", "172.16.0.1", "100.64.0.1", "10.9.1.4")) {
      known.add(Ipv4Address.parse(a));
    }
    return Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.of(known)), Tuple.of(1, Arbitraries.integers().map(Ipv4Address::ofBits)));
  }

  static Arbitrary<List<PortRange>> ports() {
    return Arbitraries.of("*", "5432", "22", "1000-2000", "5000-6000", "0-100").map(PortRange::parse).list().ofMinSize(1).ofMaxSize(2);
  }

  static Arbitrary<List<PortRange>> sourcePorts() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(List.of(PortRange.ANY))),
        Tuple.of(1, Arbitraries.of("1000-2000", "40000-65535").map(PortRange::parse).list().ofMinSize(1).ofMaxSize(2)));
  }

  static Arbitrary<SecurityRule> rule(String name, int priority, SecurityRuleDirection direction, Arbitrary<SecurityRuleAddress> entries) {
    Arbitrary<SecurityRule.Builder> head =
        Combinators.combine(Arbitraries.of(SecurityRuleAccess.class), Arbitraries.of(SecurityRuleProtocol.class))
            .as((access, protocol) -> SecurityRule.builder().name(name).priority(priority).direction(direction).access(access).protocol(protocol));
    return Combinators.combine(
            head, entries.list().ofMinSize(1).ofMaxSize(3), sourcePorts(), entries.list().ofMinSize(1).ofMaxSize(3), ports(), Arbitraries.integers().between(0, 19))
        .as(
            (b, sources, sps, destinations, dps, asg) -> {
              if (asg == 0) {
                b.addSourceApplicationSecurityGroups(TestEstate.id(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "asg"));
              } else {
                b.addAllSourceAddressPrefixes(sources);
              }
              return b.addAllSourcePortRanges(sps).addAllDestinationAddressPrefixes(destinations).addAllDestinationPortRanges(dps).build();
            });
  }

  /** A group of up to eight rules with distinct priorities from 101 (100 is left for added rules). */
  static Arbitrary<NetworkSecurityGroup> groups(String name, Arbitrary<SecurityRuleAddress> entries) {
    return Arbitraries.integers()
        .between(101, 140)
        .list()
        .uniqueElements()
        .ofMaxSize(8)
        .flatMap(
            priorities -> {
              List<Arbitrary<SecurityRule>> rules = new ArrayList<>();
              for (int i = 0; i < priorities.size(); i++) {
                rules.add(rule("r" + i, priorities.get(i), i % 2 == 0 ? SecurityRuleDirection.INBOUND : SecurityRuleDirection.OUTBOUND, entries));
              }
              return Combinators.combine(rules).as(rs -> NetworkSecurityGroup.builder().id(nsgId(name)).addAllSecurityRules(rs).build());
            });
  }

  static Arbitrary<Flow> flows(Arbitrary<Ipv4Address> addresses) {
    return Combinators.combine(
            addresses,
            addresses,
            Arbitraries.of(SecurityRuleProtocol.TCP, SecurityRuleProtocol.TCP, SecurityRuleProtocol.UDP, SecurityRuleProtocol.ICMP, SecurityRuleProtocol.ESP, SecurityRuleProtocol.AH),
            Arbitraries.of(22, 5432, 1500, 5500, 0, 65535, 80),
            Arbitraries.of(-1, -1, 1500, 50000))
        .as((s, d, p, port, sp) -> new Flow(s, d, p, p.hasPorts() ? port : 0, sp < 0 || !p.hasPorts() ? OptionalInt.empty() : OptionalInt.of(sp)));
  }

  @Provide
  Arbitrary<Network> networks() {
    return NetworkArbitraries.networks().map(NetworkSecurityProperties::withGroups);
  }

  @Provide
  Arbitrary<Case> cases() {
    return networks()
        .flatMap(
            network -> {
              Arbitrary<SecurityRuleAddress> entries = entries(network);
              return Combinators.combine(
                      groups("g", entries),
                      groups("n", entries),
                      Arbitraries.of(SUPPLIED),
                      Arbitraries.integers().between(0, 1000),
                      flows(flowAddresses(network)).list().ofMinSize(1).ofMaxSize(6))
                  .as((g, n, supplied, place, flows) -> new Case(network, g, n, supplied, place, flows));
            });
  }

  @Provide
  Arbitrary<SecurityRule> addedDeny() {
    Arbitrary<SecurityRuleAddress> entries =
        Arbitraries.of("*", "10.0.0.0/8", "VirtualNetwork", "Internet", "Storage", "AzureCloud", "52.0.0.0/8", "168.63.129.16")
            .map(SecurityRuleAddress::parse);
    return Arbitraries.of(SecurityRuleDirection.class)
        .flatMap(d -> rule("added", 100, d, entries))
        .filter(r -> r.access() == SecurityRuleAccess.DENY);
  }

  private static List<String> trace(Verdict v) {
    List<String> out = new ArrayList<>();
    for (Step s : v.steps()) {
      if (!(s instanceof SecurityGroupStep.NotApplied)) {
        ResourceId rule = ResourceId.parse(s.subject());
        out.add(s.code() + "|" + rule.parent().orElseThrow().name() + "|" + rule.name());
      }
    }
    return out;
  }

  /** Runs the reference over groups in order, stopping at the first that denies. */
  private static Object[] reference(Case c, List<NetworkSecurityGroup> order, SecurityRuleDirection d, Flow f) {
    AddressSet subnetTag = VirtualNetworkTagDefinition.ofSubnet(c.network(), c.subnet());
    AddressSet networkTag = VirtualNetworkTagDefinition.ofNetwork(c.network(), c.network().virtualNetworkOf(c.subnet().id()));
    List<String> lines = new ArrayList<>();
    boolean undecided = false;
    for (NetworkSecurityGroup g : order) {
      ReferenceSecurity.Outcome o = ReferenceSecurity.scan(g, d, f, subnetTag, networkTag, c.supplied());
      lines.addAll(o.trace());
      undecided |= o.undecided();
      if (o.denied()) {
        return new Object[] {Disposition.BLOCKED, lines};
      }
    }
    return new Object[] {undecided ? Disposition.INDETERMINATE : Disposition.ALLOWED, lines};
  }

  private static void agree(Case c, Verdict actual, List<NetworkSecurityGroup> order, SecurityRuleDirection d, Flow f) {
    Object[] expected = reference(c, order, d, f);
    assertEquals(expected[0], actual.disposition(), () -> d + " " + f + ": " + actual + "\n" + c);
    assertEquals(expected[1], trace(actual), () -> d + " " + f + ": " + actual + "\n" + c);
  }

  @Property(tries = 300)
  void evaluationAgreesWithAStraightforwardPriorityOrderedScan(@ForAll("cases") Case c) {
    NetworkSecurity security = c.security();
    Subnet s = c.subnet();
    List<NetworkInterface> nics = c.network().networkInterfacesIn(s.id());
    Statistics.label("user routes in the subnet").collect(s.routeTable().isPresent());
    Statistics.label("interfaces in the subnet").collect(!nics.isEmpty());
    for (Flow f : c.flows()) {
      agree(c, security.inbound(s.id(), Optional.empty(), f), List.of(c.g()), SecurityRuleDirection.INBOUND, f);
      agree(c, security.outbound(s.id(), Optional.empty(), f), List.of(c.g()), SecurityRuleDirection.OUTBOUND, f);
      for (NetworkInterface nic : nics) {
        agree(c, security.inbound(s.id(), Optional.of(nic.id()), f), List.of(c.g(), c.n()), SecurityRuleDirection.INBOUND, f);
        agree(c, security.outbound(s.id(), Optional.of(nic.id()), f), List.of(c.n(), c.g()), SecurityRuleDirection.OUTBOUND, f);
      }
    }
    Statistics.label("user routes in the subnet").coverage(check -> check.check(true).count(n -> n > 0));
  }

  /** The compiled VirtualNetwork tag of every subnet, and of every interface's group, is the documented one. */
  @Property(tries = 300)
  void theCompiledVirtualNetworkTagOfEverySubnetIsItsDocumentedDefinition(@ForAll("networks") Network network) {
    NetworkSecurityGroup g = NetworkSecurityGroup.builder().id(nsgId("g")).build();
    NetworkSecurityGroup n = NetworkSecurityGroup.builder().id(nsgId("n")).build();
    NetworkSecurity security = NetworkSecurity.of(Reachability.of(network, ServiceProfile.current()), List.of(g, n));
    for (Subnet s : subnets(network)) {
      TagTable tags = security.tags(s.id());
      assertEquals(VirtualNetworkTagDefinition.ofSubnet(network, s), tags.yes(SecurityRuleAddress.VIRTUAL_NETWORK), () -> s.id() + "\n" + network);
      assertEquals(AddressSet.EMPTY, tags.maybe(SecurityRuleAddress.VIRTUAL_NETWORK));
      assertSame(tags, security.compiled(g.id(), s.id()).orElseThrow().tags);
      Statistics.label("subnet with user routes").collect(s.routeTable().flatMap(network::routeTable).map(t -> !t.routes().isEmpty()).orElse(false));
    }
    for (NetworkInterface nic : network.networkInterfaces()) {
      assertSame(security.tags(nic.subnet()), security.compiled(n.id(), nic.subnet()).orElseThrow().tags);
    }
    Statistics.label("subnet with user routes").coverage(check -> check.check(true).count(k -> k > 0));
  }

  @Property(tries = 200)
  void addingAHigherPriorityDenyNeverAdmitsMore(@ForAll("cases") Case c, @ForAll("addedDeny") SecurityRule deny) {
    NetworkSecurityGroup g = c.g();
    NetworkSecurityGroup stricter = NetworkSecurityGroup.builder().id(g.id()).addAllSecurityRules(g.securityRules()).addSecurityRules(deny).build();
    NetworkSecurity before = c.security();
    NetworkSecurity after = new Case(c.network(), stricter, c.n(), c.supplied(), c.place(), c.flows()).security();
    ResourceId s = c.subnet().id();
    for (Flow f : c.flows()) {
      for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
        Disposition was = evaluate(before, s, d, f);
        Disposition is = evaluate(after, s, d, f);
        if (is == Disposition.ALLOWED) {
          assertEquals(Disposition.ALLOWED, was, () -> "adding " + deny + " to " + g.securityRules() + " for " + f);
        }
        if (was == Disposition.BLOCKED) {
          assertEquals(Disposition.BLOCKED, is);
        }
      }
    }
  }

  private static Disposition evaluate(NetworkSecurity s, ResourceId subnet, SecurityRuleDirection d, Flow f) {
    return d == SecurityRuleDirection.INBOUND
        ? s.inbound(subnet, Optional.empty(), f).disposition()
        : s.outbound(subnet, Optional.empty(), f).disposition();
  }

  @Property(tries = 200)
  void aSettledAnswerNeverDependsOnAnUndecidedAllow(@ForAll("cases") Case c) {
    for (Flow f : c.flows()) {
      Verdict v = c.security().inbound(c.subnet().id(), Optional.empty(), f);
      if (v.disposition() == Disposition.ALLOWED) {
        Step last = v.steps().get(v.steps().size() - 1);
        assertEquals(SecurityGroupStep.RuleAllowed.class, last.getClass());
      }
    }
  }
}
