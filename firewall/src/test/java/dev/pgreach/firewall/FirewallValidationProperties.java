package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.nsgId;
import static dev.pgreach.firewall.TestEstate.publicServer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The lints held to brute force on small universes: every address, port and protocol class the
 * generated rules can tell apart is enumerated, so the brute-force answer is exact for the whole
 * space.
 */
class FirewallValidationProperties {
  // ---------------------------------------------------------------- shadowing

  /**
   * The virtual network is 10.0.0.0/31; the VirtualNetwork tag of its subnet adds the host address
   * 168.63.129.16; "Tagged" is 10.0.0.2/31; "Mystery" is opaque.
   */
  private static final AddressSet NETWORK_TAG = AddressSet.parse("10.0.0.0/31");

  private static final AddressSet SUBNET_TAG = AddressSet.parse("10.0.0.0/31, 168.63.129.16/32");

  private static final Map<String, AddressSet> SUPPLIED = Map.of("Tagged", AddressSet.parse("10.0.0.2/31"));

  private static final Network NETWORK = new TestEstate().vnet("v", "10.0.0.0/31").subnet("v", "s", "10.0.0.0/31", "g").build();

  /** One address per class the rules can distinguish: the four small addresses, other private, public, the load balancer. */
  private static final List<Ipv4Address> ADDRESSES =
      List.of("10.0.0.0", "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.9", "8.8.8.8", "168.63.129.16").stream().map(Ipv4Address::parse).toList();

  private static final List<Integer> PORTS = List.of(0, 1, 2, 3, 9);

  private static final List<SecurityRuleProtocol> PROTOCOLS =
      List.of(SecurityRuleProtocol.TCP, SecurityRuleProtocol.UDP, SecurityRuleProtocol.ICMP, SecurityRuleProtocol.ESP, SecurityRuleProtocol.AH);

  static Arbitrary<List<SecurityRuleAddress>> smallAddresses() {
    return Arbitraries.of(
            "*", "*", "*", "10.0.0.0/30", "10.0.0.0/30", "10.0.0.0/31", "10.0.0.2/31", "10.0.0.1", "10.0.0.3", "10.0.0.1-10.0.0.2",
            "VirtualNetwork", "Internet", "AzureLoadBalancer", "Tagged", "Mystery")
        .map(SecurityRuleAddress::parse)
        .list()
        .ofMinSize(1)
        .ofMaxSize(2);
  }

  static Arbitrary<List<PortRange>> smallPorts() {
    return Arbitraries.of("*", "*", "0", "1", "2", "0-1", "1-3").map(PortRange::parse).list().ofMinSize(1).ofMaxSize(2);
  }

  @Provide
  Arbitrary<NetworkSecurityGroup> smallGroups() {
    Arbitrary<SecurityRule.Builder> heads =
        Combinators.combine(
                Arbitraries.of(SecurityRuleAccess.class),
                Arbitraries.of(
                    SecurityRuleProtocol.ANY, SecurityRuleProtocol.ANY, SecurityRuleProtocol.ANY, SecurityRuleProtocol.TCP, SecurityRuleProtocol.TCP,
                    SecurityRuleProtocol.UDP, SecurityRuleProtocol.ICMP, SecurityRuleProtocol.ESP, SecurityRuleProtocol.AH))
            .as((a, p) -> SecurityRule.builder().direction(SecurityRuleDirection.INBOUND).access(a).protocol(p));
    Arbitrary<SecurityRule.Builder> bodies =
        Combinators.combine(heads, smallAddresses(), Arbitraries.of(List.of(PortRange.ANY), List.of(PortRange.ANY), List.of(PortRange.parse("0-1"))), smallAddresses(), smallPorts())
            .as((b, s, sp, d, dp) -> b.addAllSourceAddressPrefixes(s).addAllSourcePortRanges(sp).addAllDestinationAddressPrefixes(d).addAllDestinationPortRanges(dp));
    return bodies.list().ofMinSize(1).ofMaxSize(6)
        .map(
            builders -> {
              NetworkSecurityGroup.Builder g = NetworkSecurityGroup.builder().id(nsgId("g"));
              for (int i = 0; i < builders.size(); i++) {
                g.addSecurityRules(builders.get(i).name("r" + i).priority(100 + 10 * i).build());
              }
              return g.build();
            });
  }

  @Property(tries = 300)
  void shadowingLintAgreesWithBruteForceOnASmallUniverse(@ForAll("smallGroups") NetworkSecurityGroup g) {
    List<Flow> flows = new ArrayList<>();
    for (Ipv4Address s : ADDRESSES) {
      for (Ipv4Address d : ADDRESSES) {
        for (SecurityRuleProtocol p : PROTOCOLS) {
          for (int sp : p.hasPorts() ? PORTS : List.of(0)) {
            for (int dp : p.hasPorts() ? PORTS : List.of(0)) {
              flows.add(new Flow(s, d, p, dp, OptionalInt.of(sp)));
            }
          }
        }
      }
    }
    List<SecurityRule> rules = g.rules(SecurityRuleDirection.INBOUND);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < rules.size() && !rules.get(i).isDefault(); i++) {
      boolean shadowed = true;
      for (Flow f : flows) {
        if (ReferenceSecurity.match(rules.get(i), f, SUBNET_TAG, NETWORK_TAG, SUPPLIED) != ReferenceSecurity.Match.NO) {
          boolean decided = false;
          for (int j = 0; j < i && !decided; j++) {
            decided = ReferenceSecurity.match(rules.get(j), f, SUBNET_TAG, NETWORK_TAG, SUPPLIED) == ReferenceSecurity.Match.YES;
          }
          if (!decided) {
            shadowed = false;
            break;
          }
        }
      }
      if (shadowed) {
        expected.add(rules.get(i).name());
      }
    }
    Set<String> actual = new TreeSet<>();
    for (Finding f : FirewallValidation.validateSecurityGroups(NETWORK, ServiceProfile.current(), List.of(g), SUPPLIED)) {
      if (f.code() == FindingCode.NSG_RULE_SHADOWED) {
        actual.add(ResourceId.parse(f.resource()).name());
      }
    }
    assertEquals(expected, actual, g.securityRules()::toString);
  }

  // ---------------------------------------------------------------- redundancy

  private static final long SMALL = 0x0A000000L;

  @Provide
  Arbitrary<List<FirewallRule>> smallRuleLists() {
    Arbitrary<Ipv4Range> ranges =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                10,
                Combinators.combine(Arbitraries.longs().between(0, 31), Arbitraries.longs().between(0, 8))
                    .as((a, n) -> Ipv4Range.of(Ipv4Address.ofLong(SMALL + a), Ipv4Address.ofLong(SMALL + Math.min(31, a + n))))),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(Ipv4Range.ALL, Ipv4Range.single(Ipv4Address.MIN))));
    return ranges.list().ofMaxSize(7).map(rs -> {
      List<FirewallRule> out = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        out.add(FirewallRule.of("rule-" + i, rs.get(i)));
      }
      return out;
    });
  }

  @Property(tries = 300)
  void redundancyLintAgreesWithBruteForceOnASmallUniverse(@ForAll("smallRuleLists") List<FirewallRule> rules) {
    List<Ipv4Address> universe = new ArrayList<>();
    for (long a = 0; a < 32; a++) {
      universe.add(Ipv4Address.ofLong(SMALL + a));
    }
    universe.add(Ipv4Address.parse("10.0.0.40"));
    Set<String> expected = new TreeSet<>();
    for (FirewallRule r : rules) {
      boolean covered = true;
      if (r.isAllowAzureServices()) {
        covered = rules.stream().anyMatch(o -> o != r && (o.isAllowAzureServices() || o.isAllowAll()));
      } else {
        for (Ipv4Address a : universe) {
          if (r.range().contains(a)) {
            covered &= rules.stream().anyMatch(o -> o != r && !o.isAllowAzureServices() && o.range().contains(a));
          }
        }
      }
      if (covered) {
        expected.add(r.name());
      }
    }
    FlexibleServer orders = publicServer("orders");
    Network network = new TestEstate().server(orders).build();
    Set<String> actual = new TreeSet<>();
    for (Finding f : FirewallValidation.validateFirewallRules(network, Map.of(orders.id(), FirewallRuleSet.of(rules)))) {
      if (f.code() == FindingCode.FIREWALL_RULE_REDUNDANT) {
        actual.add(ResourceId.parse(f.resource()).name());
      }
    }
    assertEquals(expected, actual, rules::toString);
  }
}
