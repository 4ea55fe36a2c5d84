package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.nicId;
import static dev.pgreach.firewall.TestEstate.nsgId;
import static dev.pgreach.firewall.TestEstate.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NetworkSecurityProperties {
  private static final AddressSet VNET_TAG = AddressSet.parse("10.0.0.0/16, 10.1.0.0/16");
  private static final Map<String, AddressSet> SUPPLIED = Map.of("Storage", AddressSet.parse("20.0.0.0/8"));
  private static final ResourceId DB = subnetId("hub", "db");
  private static final ResourceId APPS = subnetId("hub", "apps");
  private static final ResourceId VM = nicId("vm1");

  private static final Network NETWORK =
      new TestEstate()
          .vnet("hub", "10.0.0.0/16")
          .subnet("hub", "db", "10.0.1.0/28", "g")
          .subnet("hub", "apps", "10.0.2.0/24", "a")
          .vnet("spoke", "10.1.0.0/16")
          .peer("hub", "spoke")
          .nic("vm1", "hub", "apps", "10.0.2.4", "n")
          .build();

  static Arbitrary<SecurityRuleAddress> addresses() {
    return Arbitraries.of(
            "*", "10.0.1.0/28", "10.0.1.4", "10.0.2.0/24", "10.1.0.0/16", "10.0.0.0/8", "8.8.8.0/24", "192.168.0.0/16",
            "10.0.1.0-10.0.1.7", "0.0.0.0/0", "VirtualNetwork", "Internet", "AzureLoadBalancer", "Storage", "AzureCloud")
        .map(SecurityRuleAddress::parse);
  }

  static Arbitrary<List<PortRange>> ports() {
    return Arbitraries.of("*", "5432", "22", "1000-2000", "5000-6000", "0-100").map(PortRange::parse).list().ofMinSize(1).ofMaxSize(2);
  }

  static Arbitrary<List<PortRange>> sourcePorts() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.just(List.of(PortRange.ANY))),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("1000-2000", "40000-65535").map(PortRange::parse).list().ofMinSize(1).ofMaxSize(2)));
  }

  static Arbitrary<SecurityRule> rule(String name, int priority, SecurityRuleDirection direction) {
    Arbitrary<SecurityRule.Builder> head =
        Combinators.combine(Arbitraries.of(SecurityRuleAccess.class), Arbitraries.of(SecurityRuleProtocol.class))
            .as((access, protocol) -> SecurityRule.builder().name(name).priority(priority).direction(direction).access(access).protocol(protocol));
    return Combinators.combine(
            head, addresses().list().ofMinSize(1).ofMaxSize(3), sourcePorts(), addresses().list().ofMinSize(1).ofMaxSize(3), ports(), Arbitraries.integers().between(0, 19))
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
  static Arbitrary<NetworkSecurityGroup> groups(String name) {
    return Arbitraries.integers()
        .between(101, 140)
        .list()
        .uniqueElements()
        .ofMaxSize(8)
        .flatMap(
            priorities -> {
              List<Arbitrary<SecurityRule>> rules = new ArrayList<>();
              for (int i = 0; i < priorities.size(); i++) {
                rules.add(rule("r" + i, priorities.get(i), i % 2 == 0 ? SecurityRuleDirection.INBOUND : SecurityRuleDirection.OUTBOUND));
              }
              return Combinators.combine(rules).as(rs -> NetworkSecurityGroup.builder().id(nsgId(name)).addAllSecurityRules(rs).build());
            });
  }

  static Arbitrary<Ipv4Address> flowAddresses() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            4,
            Arbitraries.of("10.0.1.4", "10.0.1.9", "10.0.2.4", "10.1.1.4", "10.9.1.4", "8.8.8.8", "168.63.129.16", "192.168.1.1", "20.1.1.1", "172.16.0.1")
                .map(Ipv4Address::parse)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().map(Ipv4Address::ofBits)));
  }

  @Provide
  Arbitrary<Flow> flows() {
    return Combinators.combine(
            flowAddresses(),
            flowAddresses(),
            Arbitraries.of(SecurityRuleProtocol.TCP, SecurityRuleProtocol.TCP, SecurityRuleProtocol.UDP, SecurityRuleProtocol.ICMP, SecurityRuleProtocol.ESP, SecurityRuleProtocol.AH),
            Arbitraries.of(22, 5432, 1500, 5500, 0, 65535, 80),
            Arbitraries.of(-1, -1, 1500, 50000))
        .as((s, d, p, port, sp) -> new Flow(s, d, p, p.hasPorts() ? port : 0, sp < 0 || !p.hasPorts() ? OptionalInt.empty() : OptionalInt.of(sp)));
  }

  @Provide
  Arbitrary<NetworkSecurityGroup> g() {
    return groups("g");
  }

  @Provide
  Arbitrary<NetworkSecurityGroup> n() {
    return groups("n");
  }

  @Provide
  Arbitrary<SecurityRule> addedDeny() {
    return Arbitraries.of(SecurityRuleDirection.class)
        .flatMap(d -> rule("added", 100, d))
        .filter(r -> r.access() == SecurityRuleAccess.DENY);
  }

  private static NetworkSecurity security(NetworkSecurityGroup g, NetworkSecurityGroup n) {
    NetworkSecurityGroup a = NetworkSecurityGroup.builder().id(nsgId("a")).build();
    return NetworkSecurity.of(Reachability.of(NETWORK, ServiceProfile.current()), List.of(g, n, a), SUPPLIED);
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
  private static Object[] reference(List<NetworkSecurityGroup> order, SecurityRuleDirection d, Flow f) {
    List<String> lines = new ArrayList<>();
    boolean undecided = false;
    for (NetworkSecurityGroup g : order) {
      ReferenceSecurity.Outcome o = ReferenceSecurity.scan(g, d, f, VNET_TAG, SUPPLIED);
      lines.addAll(o.trace());
      undecided |= o.undecided();
      if (o.denied()) {
        return new Object[] {Disposition.BLOCKED, lines};
      }
    }
    return new Object[] {undecided ? Disposition.INDETERMINATE : Disposition.ALLOWED, lines};
  }

  @Property(tries = 400)
  void evaluationAgreesWithAStraightforwardPriorityOrderedScan(
      @ForAll("g") NetworkSecurityGroup g, @ForAll("n") NetworkSecurityGroup n, @ForAll("flows") Flow f) {
    NetworkSecurity security = security(g, n);
    NetworkSecurityGroup emptyApps = NetworkSecurityGroup.builder().id(nsgId("a")).build();
    Verdict in = security.inbound(DB, Optional.empty(), f);
    Object[] expectedIn = reference(List.of(g), SecurityRuleDirection.INBOUND, f);
    assertEquals(expectedIn[0], in.disposition(), in::toString);
    assertEquals(expectedIn[1], trace(in));
    Verdict out = security.outbound(APPS, Optional.of(VM), f);
    Object[] expectedOut = reference(List.of(n, emptyApps), SecurityRuleDirection.OUTBOUND, f);
    assertEquals(expectedOut[0], out.disposition(), out::toString);
    assertEquals(expectedOut[1], trace(out));
    Verdict nicIn = security.inbound(APPS, Optional.of(VM), f);
    Object[] expectedNicIn = reference(List.of(emptyApps, n), SecurityRuleDirection.INBOUND, f);
    assertEquals(expectedNicIn[0], nicIn.disposition(), nicIn::toString);
    assertEquals(expectedNicIn[1], trace(nicIn));
  }

  @Property(tries = 400)
  void addingAHigherPriorityDenyNeverAdmitsMore(
      @ForAll("g") NetworkSecurityGroup g, @ForAll("addedDeny") SecurityRule deny, @ForAll("flows") Flow f) {
    NetworkSecurityGroup n = NetworkSecurityGroup.builder().id(nsgId("n")).build();
    NetworkSecurityGroup stricter = NetworkSecurityGroup.builder().id(g.id()).addAllSecurityRules(g.securityRules()).addSecurityRules(deny).build();
    for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
      Disposition before = evaluate(security(g, n), d, f);
      Disposition after = evaluate(security(stricter, n), d, f);
      if (after == Disposition.ALLOWED) {
        assertEquals(Disposition.ALLOWED, before, () -> "adding " + deny + " to " + g.securityRules() + " for " + f);
      }
      if (before == Disposition.BLOCKED) {
        assertEquals(Disposition.BLOCKED, after);
      }
    }
  }

  private static Disposition evaluate(NetworkSecurity s, SecurityRuleDirection d, Flow f) {
    return d == SecurityRuleDirection.INBOUND
        ? s.inbound(DB, Optional.empty(), f).disposition()
        : s.outbound(DB, Optional.empty(), f).disposition();
  }

  @Property(tries = 200)
  void aSettledAnswerNeverDependsOnAnUndecidedAllow(@ForAll("g") NetworkSecurityGroup g, @ForAll("flows") Flow f) {
    Verdict v = security(g, NetworkSecurityGroup.builder().id(nsgId("n")).build()).inbound(DB, Optional.empty(), f);
    if (v.disposition() == Disposition.ALLOWED) {
      Step last = v.steps().get(v.steps().size() - 1);
      assertEquals(SecurityGroupStep.RuleAllowed.class, last.getClass());
    }
  }
}
