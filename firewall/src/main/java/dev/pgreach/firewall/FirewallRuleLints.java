package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lints of one server's firewall rules, for {@link FirewallValidation#validateFirewallRules(
 * dev.pgreach.core.Network, java.util.Map, FirewallThresholds)}: what its settings make of them
 * (private access, public network access disabled), what the rules alone show (every address
 * admitted, the Azure services rule, redundant rules, rules admitting no public address) and the
 * posture thresholds. One sweep over the sorted rule boundaries: O(r log r) for r rules.
 */
final class FirewallRuleLints {
  private FirewallRuleLints() {}

  /** Every finding on a server's rules; a server outside the input has only what the rules alone show. */
  static void server(
      ResourceId serverId, Optional<FlexibleServer> known, FirewallRuleSet set, FirewallThresholds thresholds, List<Finding> out) {
    ImmutableList<FirewallRule> rules = set.rules();
    if (rules.isEmpty()) {
      return;
    }
    String serverName = serverId.name();
    if (known.isPresent()) {
      FlexibleServer server = known.get();
      if (server.isVnetIntegrated()) {
        for (FirewallRule r : rules) {
          out.add(
              finding(
                  FindingCode.FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER,
                  serverId,
                  r,
                  "Server " + serverName + " is VNet-integrated (private access): it has no public endpoint, and Azure refuses firewall rule operations for it (\"Firewall rule operations cannot be requested for a private access enabled server\"). Use network security groups instead."));
        }
        return;
      }
      if (server.publicNetworkAccess() == PublicNetworkAccess.DISABLED && server.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS)) {
        out.add(
            Finding.of(
                FindingCode.FIREWALL_RULES_NOT_ENFORCED,
                serverId,
                "publicNetworkAccess",
                "Disabled",
                "Server " + serverName + " has " + rules.size() + (rules.size() == 1 ? " firewall rule" : " firewall rules") + ", but publicNetworkAccess is Disabled: the rules are kept, not enforced, and the public endpoint admits nothing."));
      }
    }
    // Of rules whose server is outside the input, only what the rules alone show is known: whether
    // the server has a public endpoint that enforces them is not.
    List<Finding> found = known.isPresent() ? out : new ArrayList<>();
    ruleFindings(serverId, rules, thresholds, found);
    if (known.isEmpty()) {
      String missing = "server " + serverId.name() + " is not in the input, and whether it has a public endpoint that enforces its rules is not known";
      found.forEach(f -> out.add(f.severity() == dev.pgreach.core.Severity.ADVICE ? f : f.notInInput(missing)));
    }
  }

  /** What a server's rules alone show. */
  private static void ruleFindings(ResourceId serverId, ImmutableList<FirewallRule> rules, FirewallThresholds thresholds, List<Finding> out) {
    String serverName = serverId.name();
    List<FirewallRule> ordinary = rules.stream().filter(r -> !r.isAllowAzureServices()).collect(Collectors.toList());
    List<FirewallRule> azure = rules.stream().filter(FirewallRule::isAllowAzureServices).collect(Collectors.toList());
    Coverage coverage = new Coverage(ordinary);
    for (FirewallRule r : ordinary) {
      if (r.isAllowAll()) {
        out.add(
            finding(
                FindingCode.FIREWALL_RULE_ALLOWS_ALL,
                serverId,
                r,
                "Firewall rule " + r.name() + " admits every IPv4 address (0.0.0.0-255.255.255.255): only PostgreSQL authentication protects server " + serverName + "."));
      }
      if (!PublicSpace.admitsPublic(r.range())) {
        out.add(
            finding(
                FindingCode.FIREWALL_RULE_ADMITS_NO_PUBLIC_ADDRESS,
                serverId,
                r,
                "Firewall rule " + r.name() + " admits only addresses outside the public address space (" + r.range()
                    + "): connections reach the public endpoint of " + serverName + " from public addresses, so the rule admits nothing."
                    + " Clients in a virtual network reach the server through their public outbound address, a private endpoint or VNet integration."));
      }
      if (coverage.coveredByOthers(r.range())) {
        out.add(
            finding(
                FindingCode.FIREWALL_RULE_REDUNDANT,
                serverId,
                r,
                "Every address firewall rule " + r.name() + " admits (" + r.range() + ") is admitted by other rules: " + overlapping(r, ordinary) + "."));
      }
    }
    if (coverage.coversEverything() && ordinary.stream().noneMatch(FirewallRule::isAllowAll)) {
      List<FirewallRule> cover = cover(ordinary);
      out.add(
          Finding.of(
              FindingCode.FIREWALL_RULE_ALLOWS_ALL,
              serverId,
              "firewallRules",
              cover.stream().map(FirewallRule::name).collect(Collectors.joining(",")),
              "Firewall rules "
                  + cover.stream().map(r -> r.name() + " (" + r.range() + ")").collect(Collectors.joining(", "))
                  + " together admit every IPv4 address (0.0.0.0-255.255.255.255): only PostgreSQL authentication protects server "
                  + serverName
                  + "."));
    }
    for (FirewallRule r : azure) {
      out.add(
          finding(
              FindingCode.FIREWALL_ALLOWS_AZURE_SERVICES,
              serverId,
              r,
              "Firewall rule " + r.name() + " (0.0.0.0) allows public access from any Azure service within Azure: it admits Azure-allocated addresses of every tenant, other customers' included; make sure logins and permissions admit only authorized users."));
      List<FirewallRule> others = azure.stream().filter(o -> o != r).collect(Collectors.toList());
      if (!others.isEmpty() || coverage.coversEverything()) {
        out.add(
            finding(
                FindingCode.FIREWALL_RULE_REDUNDANT,
                serverId,
                r,
                "Firewall rule " + r.name() + " (0.0.0.0) admits nothing other rules do not: "
                    + (others.isEmpty() ? "the other rules admit every address" : "rule " + others.get(0).name() + " is also an allow-Azure-services rule")
                    + "."));
      }
    }
    thresholds(serverId, rules, ordinary, thresholds, out);
  }

  /**
   * The posture thresholds: both count what the input holds, so a server whose rules are not all
   * observed has at least as many as counted, and a finding stays true when more rules appear.
   */
  private static void thresholds(
      ResourceId serverId, List<FirewallRule> rules, List<FirewallRule> ordinary, FirewallThresholds thresholds, List<Finding> out) {
    if (thresholds.maxRules().isPresent() && rules.size() > thresholds.maxRules().getAsInt()) {
      out.add(
          Finding.of(
              FindingCode.FIREWALL_RULES_ABOVE_THRESHOLD,
              serverId,
              "firewallRules",
              rules.size(),
              "Server " + serverId.name() + " has " + rules.size() + " firewall rules, more than the threshold of " + thresholds.maxRules().getAsInt() + "."));
    }
    if (thresholds.maxPublicAddresses().isPresent()) {
      long admitted = PublicSpace.publicAddressesAdmitted(ordinary.stream().map(FirewallRule::range).collect(Collectors.toList()));
      if (admitted > thresholds.maxPublicAddresses().getAsLong()) {
        out.add(
            Finding.of(
                FindingCode.FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD,
                serverId,
                "firewallRules",
                admitted,
                "The firewall rules of server " + serverId.name() + " admit " + admitted + " public addresses, more than the threshold of "
                    + thresholds.maxPublicAddresses().getAsLong() + " (the 0.0.0.0 rule for Azure services is not counted)."));
      }
    }
  }

  /**
   * The fewest rules whose ranges together cover every address, in address order (the greedy
   * interval cover); the rules must cover every address.
   */
  private static List<FirewallRule> cover(List<FirewallRule> rules) {
    List<FirewallRule> byStart = new ArrayList<>(rules);
    byStart.sort(Comparator.comparing((FirewallRule r) -> r.range().first()).thenComparing(FirewallRule::name));
    List<FirewallRule> out = new ArrayList<>();
    long next = 0;
    int i = 0;
    while (next <= Ipv4Address.MAX.toLong()) {
      FirewallRule best = null;
      while (i < byStart.size() && byStart.get(i).range().first().toLong() <= next) {
        FirewallRule r = byStart.get(i++);
        if (best == null || r.range().last().compareTo(best.range().last()) > 0) {
          best = r;
        }
      }
      if (best == null || best.range().last().toLong() < next) {
        throw new IllegalStateException("the rules do not cover " + Ipv4Address.ofLong(next));
      }
      out.add(best);
      next = best.range().last().toLong() + 1;
    }
    return out;
  }

  private static String overlapping(FirewallRule r, List<FirewallRule> rules) {
    List<String> names = new ArrayList<>();
    int more = 0;
    for (FirewallRule o : rules) {
      if (o != r && o.range().overlaps(r.range())) {
        if (names.size() < 3) {
          names.add(o.name() + " (" + o.range() + ")");
        } else {
          more++;
        }
      }
    }
    return String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
  }

  private static Finding finding(FindingCode code, ResourceId server, FirewallRule rule, String message) {
    return Finding.of(code, server.child("firewallRules", rule.name()), "startIpAddress", rule.range(), message);
  }

  /** The addresses admitted by exactly one rule, for redundancy questions in O(log n). */
  private static final class Coverage {
    private final long[] onceFirst;
    private final long[] onceLast;
    private final boolean everything;

    Coverage(List<FirewallRule> rules) {
      int n = rules.size();
      long[] opens = new long[n];
      long[] closes = new long[n];
      for (int i = 0; i < n; i++) {
        opens[i] = rules.get(i).range().first().toLong();
        closes[i] = rules.get(i).range().last().toLong() + 1;
      }
      Arrays.sort(opens);
      Arrays.sort(closes);
      List<long[]> once = new ArrayList<>();
      int depth = 0;
      int o = 0;
      int c = 0;
      long covered = 0;
      while (o < n || c < n) {
        long pos = Math.min(o < n ? opens[o] : Long.MAX_VALUE, c < n ? closes[c] : Long.MAX_VALUE);
        while (c < n && closes[c] == pos) {
          depth--;
          c++;
        }
        while (o < n && opens[o] == pos) {
          depth++;
          o++;
        }
        long next = Math.min(o < n ? opens[o] : Long.MAX_VALUE, c < n ? closes[c] : Long.MAX_VALUE);
        if (depth == 1 && pos < next) {
          once.add(new long[] {pos, next - 1});
        }
        if (depth >= 1 && pos < next && next != Long.MAX_VALUE) {
          covered += next - pos;
        }
      }
      this.onceFirst = once.stream().mapToLong(a -> a[0]).toArray();
      this.onceLast = once.stream().mapToLong(a -> a[1]).toArray();
      this.everything = covered == (1L << 32);
    }

    boolean coversEverything() {
      return everything;
    }

    /** Whether no address of the range is admitted by this range's rule alone. */
    boolean coveredByOthers(Ipv4Range r) {
      long first = r.first().toLong();
      long last = r.last().toLong();
      int lo = 0;
      int hi = onceLast.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (onceLast[mid] < first) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo == onceLast.length || onceFirst[lo] > last;
    }
  }
}
