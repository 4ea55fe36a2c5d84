package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.publicServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The firewall posture findings: a rule admitting no public address agrees with {@link
 * Ipv4Address#isPublic()}, the one definition of the public address space; thresholds are
 * monotone (raising one never adds a finding) and count what a reference counts.
 */
class FirewallPostureProperties {
  private static final FlexibleServer SERVER = publicServer("orders");
  private static final Network NETWORK = new TestEstate().server(SERVER).build();

  private static List<Finding> validate(FirewallRuleSet rules, FirewallThresholds thresholds) {
    return FirewallValidation.validateFirewallRules(NETWORK, Map.of(SERVER.id(), rules), thresholds);
  }

  @Property(tries = 500)
  void aRuleIsReportedAsAdmittingNoPublicAddress_exactlyWhenNoneOfItsAddressesIsPublic(@ForAll("ranges") Ipv4Range range, @ForAll long seed) {
    FirewallRule rule = FirewallRule.of("rule", range);
    boolean reported =
        validate(FirewallRuleSet.of(rule), FirewallThresholds.none()).stream().anyMatch(f -> f.code() == FindingCode.FIREWALL_RULE_ADMITS_NO_PUBLIC_ADDRESS);
    if (rule.isAllowAzureServices()) {
      assertTrue(!reported, "the 0.0.0.0 rule is the Azure services rule, reported as such");
      return;
    }
    AddressSet publicPart = range.toAddressSet().intersection(AddressSet.PUBLIC);
    if (reported) {
      // Sampled addresses of the range are never public by Ipv4Address.isPublic.
      Random random = new Random(seed);
      for (int i = 0; i < 64; i++) {
        long a = range.first().toLong() + (long) (random.nextDouble() * (range.last().toLong() - range.first().toLong() + 1));
        assertTrue(!Ipv4Address.ofLong(Math.min(a, range.last().toLong())).isPublic(), range::toString);
      }
      assertTrue(!range.first().isPublic() && !range.last().isPublic(), range::toString);
    } else {
      assertTrue(publicPart.first().orElseThrow().isPublic(), range::toString);
    }
  }

  @Property(tries = 200)
  void raisingAThresholdNeverAddsAFinding(
      @ForAll("ruleSets") FirewallRuleSet rules, @ForAll @IntRange(min = 0, max = 6) int maxRules, @ForAll @IntRange(min = 0, max = 1 << 20) int maxAddresses) {
    Set<String> lower = keys(validate(rules, FirewallThresholds.none().withMaxRules(maxRules).withMaxPublicAddresses(maxAddresses)));
    Set<String> higher = keys(validate(rules, FirewallThresholds.none().withMaxRules(maxRules + 1).withMaxPublicAddresses(maxAddresses * 2L + 1)));
    assertTrue(lower.containsAll(higher), () -> "higher thresholds added " + higher.stream().filter(f -> !lower.contains(f)).collect(Collectors.toList()));
  }

  private static Set<String> keys(List<Finding> findings) {
    return findings.stream().map(f -> f.code() + " " + f.resource() + "." + f.field() + " (" + f.value() + ")").collect(Collectors.toSet());
  }

  @Property(tries = 200)
  void thePublicAddressThreshold_countsEachAdmittedPublicAddressOnce(@ForAll("ruleSets") FirewallRuleSet rules) {
    AddressSet admitted = AddressSet.EMPTY;
    for (FirewallRule r : rules.rules()) {
      if (!r.isAllowAzureServices()) {
        admitted = admitted.union(r.range().toAddressSet());
      }
    }
    long expected = admitted.intersection(AddressSet.PUBLIC).size();
    List<Finding> f =
        validate(rules, FirewallThresholds.none().withMaxPublicAddresses(0)).stream()
            .filter(x -> x.code() == FindingCode.FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD)
            .collect(Collectors.toList());
    if (expected == 0) {
      assertEquals(List.of(), f);
    } else {
      assertEquals(String.valueOf(expected), f.get(0).value());
    }
  }

  @Provide
  Arbitrary<Ipv4Range> ranges() {
    // Ranges around the edges of the non-public blocks as well as anywhere.
    Arbitrary<Ipv4Address> edges =
        Arbitraries.of("0.0.0.0", "0.255.255.255", "1.0.0.0", "9.255.255.255", "10.0.0.0", "10.255.255.255", "11.0.0.0", "100.64.0.0",
                "100.127.255.255", "127.0.0.1", "169.254.0.0", "172.16.0.0", "172.31.255.255", "192.168.0.0", "223.255.255.255", "224.0.0.0",
                "255.255.255.255")
            .map(Ipv4Address::parse);
    Arbitrary<Ipv4Address> any = Arbitraries.oneOf(edges, FirewallArbitraries.addresses());
    return net.jqwik.api.Combinators.combine(any, any).as((a, b) -> a.compareTo(b) <= 0 ? Ipv4Range.of(a, b) : Ipv4Range.of(b, a));
  }

  @Provide
  Arbitrary<FirewallRuleSet> ruleSets() {
    return FirewallArbitraries.ruleSets();
  }
}
