package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Validation and lints of server firewall rules and network security groups, each finding with a
 * stable {@link FindingCode}.
 *
 * <p>Server firewall rules (keyed by the server's id):
 *
 * <ul>
 *   <li>{@link FindingCode#FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER}: a rule on a VNet-integrated
 *       server, where Azure refuses firewall operations ("Firewall rule operations cannot be
 *       requested for a private access enabled server");
 *   <li>{@link FindingCode#FIREWALL_RULES_NOT_ENFORCED}: rules on a server whose {@code
 *       publicNetworkAccess} is Disabled, which are kept but not enforced;
 *   <li>{@link FindingCode#FIREWALL_RULE_ALLOWS_ALL}: a rule admitting every address (reported on
 *       the rule), or, when no rule does, several rules that together admit every address
 *       (reported on the server, field {@code firewallRules}, with the fewest rules that cover
 *       every address as the value, names separated by commas);
 *   <li>{@link FindingCode#FIREWALL_ALLOWS_AZURE_SERVICES}: the {@code 0.0.0.0} rule, which admits
 *       other customers' Azure resources too;
 *   <li>{@link FindingCode#FIREWALL_RULE_REDUNDANT}: a rule every address of which other rules
 *       admit (each such rule is reported, so two identical rules are both reported);
 *   <li>{@link FindingCode#FIREWALL_RULE_ADMITS_NO_PUBLIC_ADDRESS}: a rule (other than the 0.0.0.0
 *       rule) none of whose addresses is public ({@link AddressSet#PUBLIC}, the one definition of
 *       the public address space): connections reach a public endpoint from public addresses
 *       only, so it admits nothing;
 *   <li>posture thresholds ({@link FirewallThresholds}, off by default): more rules than allowed
 *       ({@link FindingCode#FIREWALL_RULES_ABOVE_THRESHOLD}), more public addresses admitted than
 *       allowed ({@link FindingCode#FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD}).
 * </ul>
 *
 * <p>Rules of a server outside the network's input are checked for what the rules alone show,
 * and reported as advice ({@link Finding#notInInput}): whether the server has a public endpoint
 * that enforces them is not known.
 *
 * <p>Network security groups:
 *
 * <ul>
 *   <li>{@link FindingCode#NSG_RULE_SHADOWED}: a user rule never reached, because rules of higher
 *       priority certainly decide every flow it could match (in every subnet the group applies in,
 *       since the {@code VirtualNetwork} tag differs from subnet to subnet);
 *   <li>{@link FindingCode#NSG_SERVICE_TAG_UNKNOWN}: a rule names a service tag whose ranges are
 *       neither computed nor supplied, so it is evaluated failing closed;
 *   <li>for the group of a subnet delegated to flexible servers: {@link
 *       FindingCode#NSG_BLOCKS_SERVER_SUBNET} for each rule that denies (or may deny) TCP 5432
 *       between addresses of the subnet, in either direction, which high availability needs;
 *       {@link FindingCode#NSG_BLOCKS_STORAGE_OUTBOUND} when outbound TCP 443 to the {@code
 *       Storage} tag is not certainly allowed and the profile says WAL archiving needs it; {@link
 *       FindingCode#NSG_APPLICATION_SECURITY_GROUP_UNSUPPORTED} for each rule using application
 *       security groups;
 *   <li>{@link FindingCode#NSG_ALLOWS_ANY_SOURCE_TO_POSTGRES}: an inbound allow rule, reached by
 *       some flow, that admits any source ({@code *}, {@code Internet}, {@code 0.0.0.0/0}) to TCP
 *       5432 or 6432;
 *   <li>{@link FindingCode#NSG_ON_GATEWAY_SUBNET}: a group associated with a GatewaySubnet, which
 *       stops the gateway from functioning.
 * </ul>
 *
 * <p><b>Open world.</b> A group outside the input is not checked. "Denies or may deny" findings
 * on a server subnet ({@link FindingCode#NSG_BLOCKS_SERVER_SUBNET}, {@link
 * FindingCode#NSG_BLOCKS_STORAGE_OUTBOUND}) are warnings only when the group's security rules are
 * observed in full and the subnet's VirtualNetwork tag is known in full; otherwise they are advice
 * naming what is not in the input. Removing a resource from an input never adds a warning.
 *
 * <p><b>Cost.</b> Firewall rules: O(r log r) per server with r rules (one sweep over sorted
 * boundaries; the greedy cover and the public-address count are sweeps too). Security groups: the
 * subnets and interfaces each group applies in are indexed in one pass; each group's rules are
 * compared with the rules before them (shadowing, O(k²) box subtractions for a group of k rules,
 * bounded per rule), independent of the size of the estate.
 *
 * <pre>{@code
 * ImmutableList<Finding> findings = FirewallValidation.validate(
 *     network, ServiceProfile.current(), Map.of(server.id(), rules), List.of(dbNsg), Map.of());
 * }</pre>
 */
public final class FirewallValidation {
  /** The port HTTPS uses, which WAL archiving to Azure Storage needs. */
  public static final int STORAGE_PORT = 443;

  /** The service tag of Azure Storage. */
  public static final String STORAGE_TAG = "Storage";

  /** The most boxes a region may split into before the analysis gives up on a rule. */
  private static final int BOX_LIMIT = 4096;

  private FirewallValidation() {}

  /**
   * Validates firewall rules and network security groups together, with no posture thresholds.
   *
   * @param network the network holding the servers, subnets and interfaces
   * @param profile the service profile
   * @param firewallRules the firewall rules, by server id
   * @param groups every network security group the network refers to
   * @param serviceTagRanges ranges of service tags the caller loaded, by name
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, map key or
   *     value, or group, {@link ErrorCode#UNKNOWN_RESOURCE} for rules of a server neither in the
   *     network nor outside its input, and the errors of {@link NetworkSecurity#of(Reachability,
   *     Iterable, Map)}
   */
  public static ImmutableList<Finding> validate(
      Network network,
      ServiceProfile profile,
      Map<ResourceId, FirewallRuleSet> firewallRules,
      Iterable<NetworkSecurityGroup> groups,
      Map<String, AddressSet> serviceTagRanges) {
    return validate(network, profile, firewallRules, groups, serviceTagRanges, FirewallThresholds.none());
  }

  /**
   * Validates firewall rules and network security groups together.
   *
   * @param network the network holding the servers, subnets and interfaces
   * @param profile the service profile
   * @param firewallRules the firewall rules, by server id
   * @param groups every network security group the network refers to
   * @param serviceTagRanges ranges of service tags the caller loaded, by name
   * @param thresholds the posture thresholds for firewall rules
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, map key or
   *     value, or group, {@link ErrorCode#UNKNOWN_RESOURCE} for rules of a server neither in the
   *     network nor outside its input, and the errors of {@link NetworkSecurity#of(Reachability,
   *     Iterable, Map)}
   */
  public static ImmutableList<Finding> validate(
      Network network,
      ServiceProfile profile,
      Map<ResourceId, FirewallRuleSet> firewallRules,
      Iterable<NetworkSecurityGroup> groups,
      Map<String, AddressSet> serviceTagRanges,
      FirewallThresholds thresholds) {
    Names.notNull(network, "FirewallValidation.network");
    Names.notNull(profile, "FirewallValidation.profile");
    Names.notNull(firewallRules, "FirewallValidation.firewallRules");
    Names.notNull(groups, "FirewallValidation.groups");
    Names.notNull(serviceTagRanges, "FirewallValidation.serviceTagRanges");
    Names.notNull(thresholds, "FirewallValidation.thresholds");
    List<Finding> out = new ArrayList<>(validateFirewallRules(network, firewallRules, thresholds));
    out.addAll(validateSecurityGroups(network, profile, groups, serviceTagRanges));
    return ImmutableList.sortedCopyOf(out);
  }

  /**
   * Validates servers' firewall rules, with no posture thresholds.
   *
   * @param network the network holding the servers
   * @param firewallRules the rules, by server id
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, key or
   *     value, {@link ErrorCode#UNKNOWN_RESOURCE} for rules of a server neither in the network nor
   *     outside its input
   */
  public static ImmutableList<Finding> validateFirewallRules(Network network, Map<ResourceId, FirewallRuleSet> firewallRules) {
    return validateFirewallRules(network, firewallRules, FirewallThresholds.none());
  }

  /**
   * Validates servers' firewall rules. Rules of a server outside the network's input (a standalone
   * list of a server's rules) are checked for what the rules alone show; what depends on the
   * server's settings is not checked.
   *
   * <p>Cost: O(r log r) for a server with r rules (one sweep over the sorted rule boundaries).
   *
   * @param network the network holding the servers
   * @param firewallRules the rules, by server id
   * @param thresholds the posture thresholds
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, key or
   *     value, {@link ErrorCode#UNKNOWN_RESOURCE} for rules of a server neither in the network nor
   *     outside its input
   */
  public static ImmutableList<Finding> validateFirewallRules(
      Network network, Map<ResourceId, FirewallRuleSet> firewallRules, FirewallThresholds thresholds) {
    Names.notNull(network, "FirewallValidation.network");
    Names.notNull(firewallRules, "FirewallValidation.firewallRules");
    Names.notNull(thresholds, "FirewallValidation.thresholds");
    for (Map.Entry<ResourceId, FirewallRuleSet> e : firewallRules.entrySet()) {
      Names.notNull(e.getKey(), "FirewallValidation.firewallRules key");
      Names.notNull(e.getValue(), "FirewallValidation.firewallRules[" + e.getKey() + "]");
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<ResourceId, FirewallRuleSet> e : ImmutableSortedMap.copyOf(firewallRules).entrySet()) {
      Optional<FlexibleServer> server = network.flexibleServer(e.getKey());
      if (server.isEmpty() && !network.coverage().isOutsideInput(e.getKey())) {
        throw PgreachException.of(
            ErrorCode.UNKNOWN_RESOURCE, "FirewallValidation.firewallRules key (%s) is not a server in the network", e.getKey());
      }
      serverRules(e.getKey(), server, e.getValue(), thresholds, out);
    }
    return ImmutableList.sortedCopyOf(out);
  }

  private static void serverRules(
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

  /**
   * Validates network security groups, and those of subnets delegated to flexible servers in
   * particular.
   *
   * @param network the network whose subnets and interfaces refer to the groups
   * @param profile the service profile (whether outbound Storage is required)
   * @param groups every network security group the network refers to, and any others to lint
   * @param serviceTagRanges ranges of service tags the caller loaded, by name
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, and the
   *     errors of {@link NetworkSecurity#of(Reachability, Iterable, Map)}
   */
  public static ImmutableList<Finding> validateSecurityGroups(
      Network network, ServiceProfile profile, Iterable<NetworkSecurityGroup> groups, Map<String, AddressSet> serviceTagRanges) {
    Names.notNull(network, "FirewallValidation.network");
    Names.notNull(profile, "FirewallValidation.profile");
    return validateSecurityGroups(Reachability.of(network, profile), groups, serviceTagRanges);
  }

  /**
   * Validates network security groups with a routing already compiled for their network (so a
   * caller who validates several parts of an estate compiles routing once).
   *
   * @param routing the routing of the network whose subnets and interfaces refer to the groups,
   *     and its profile
   * @param groups every network security group the network refers to, and any others to lint
   * @param serviceTagRanges ranges of service tags the caller loaded, by name
   * @return the findings, sorted
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, and the
   *     errors of {@link NetworkSecurity#of(Reachability, Iterable, Map)}
   */
  public static ImmutableList<Finding> validateSecurityGroups(
      Reachability routing, Iterable<NetworkSecurityGroup> groups, Map<String, AddressSet> serviceTagRanges) {
    Names.notNull(routing, "FirewallValidation.routing");
    Names.notNull(groups, "FirewallValidation.groups");
    Names.notNull(serviceTagRanges, "FirewallValidation.serviceTagRanges");
    Network network = routing.network();
    ServiceProfile profile = routing.profile();
    NetworkSecurity security = NetworkSecurity.of(routing, groups, serviceTagRanges);
    ImmutableMap<String, AddressSet> supplied = TagTable.normalise(serviceTagRanges);
    List<Finding> out = new ArrayList<>();
    Map<ResourceId, List<CompiledGroup>> contextsByGroup = contexts(network, security, supplied);
    for (NetworkSecurityGroup g : security.networkSecurityGroups().values()) {
      List<CompiledGroup> contexts = contextsByGroup.get(g.id());
      Set<SecurityRule> shadowed = shadowing(g, contexts, out);
      unknownTags(g, contexts.get(0), out);
      anySourceToPostgres(g, shadowed, out);
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (s.networkSecurityGroup().isEmpty()) {
          continue;
        }
        if (s.name().equalsIgnoreCase(GATEWAY_SUBNET)) {
          out.add(
              Finding.of(
                  FindingCode.NSG_ON_GATEWAY_SUBNET,
                  s.id(),
                  "networkSecurityGroup",
                  s.networkSecurityGroup().get(),
                  "Network security group " + s.networkSecurityGroup().get().name() + " is associated with " + s.name() + " of " + v.name()
                      + ": a group on the gateway subnet stops the virtual network gateway from functioning (Azure's built-in policy denies it)."
                      + " Remove the association."));
        }
        boolean serverSubnet = s.isDelegatedToFlexibleServers() || !network.flexibleServersIn(s.id()).isEmpty();
        Optional<CompiledGroup> compiled = security.compiled(s.networkSecurityGroup().get(), s.id());
        if (serverSubnet && compiled.isPresent()) {
          CompiledGroup g = compiled.get();
          // "Denies or may deny" is a fact only where every rule is known and the VirtualNetwork
          // tag the rules are read with is known in full.
          Optional<String> unseen =
              !network.coverage().isComplete(Inventory.SECURITY_RULES, g.group.id())
                  ? Optional.of(Inventory.SECURITY_RULES.of(g.group.name()) + " are not all observed, and one of higher priority may decide first")
                  : !routing.virtualNetworkServiceTagComplete(v.id())
                      ? Optional.of("what the VirtualNetwork service tag of " + v.name() + " holds is not all observed")
                      : Optional.empty();
          serverSubnet(s, g, unseen, out);
          if (profile.storageOutboundRequired()) {
            storage(s, v, g, security.tags(s.id()), unseen, out);
          }
        }
      }
    }
    return ImmutableList.sortedCopyOf(out);
  }

  /** The name Azure requires for the subnet of virtual network gateways. */
  private static final String GATEWAY_SUBNET = "GatewaySubnet";

  /**
   * Inbound allow rules that admit any source ({@code *}, {@code Internet}, {@code 0.0.0.0/0}) to
   * TCP 5432 or 6432, unless the rule is never reached. Each such rule is reported once, on its
   * first such source entry.
   */
  private static void anySourceToPostgres(NetworkSecurityGroup g, Set<SecurityRule> shadowed, List<Finding> out) {
    for (SecurityRule r : g.securityRules()) {
      if (r.isDefault() || r.direction() != SecurityRuleDirection.INBOUND || r.access() != SecurityRuleAccess.ALLOW
          || !r.protocol().matches(SecurityRuleProtocol.TCP) || shadowed.contains(r)) {
        continue;
      }
      List<Integer> ports = new ArrayList<>();
      for (int port : new int[] {FlexibleServer.POSTGRES_PORT, FlexibleServer.PGBOUNCER_PORT}) {
        if (r.destinationPortRanges().stream().anyMatch(p -> p.contains(port))) {
          ports.add(port);
        }
      }
      if (ports.isEmpty()) {
        continue;
      }
      r.sourceAddressPrefixes().stream()
          .filter(FirewallValidation::isAnySource)
          .findFirst()
          .ifPresent(
              a ->
                  out.add(
                      Finding.of(
                          FindingCode.NSG_ALLOWS_ANY_SOURCE_TO_POSTGRES,
                          g.ruleId(r),
                          "sourceAddressPrefixes",
                          a,
                          "Rule " + r.name() + " of " + g.name() + " allows inbound TCP "
                              + ports.stream().map(String::valueOf).collect(Collectors.joining(" and "))
                              + " from any source (" + a + "): every internet host may try to connect to PostgreSQL there. Name the clients' prefixes instead.")));
    }
  }

  /** Whether a source entry stands for any address on the internet. */
  private static boolean isAnySource(SecurityRuleAddress a) {
    if (a instanceof SecurityRuleAddress.Any) {
      return true;
    }
    if (a instanceof SecurityRuleAddress.ServiceTag) {
      return ((SecurityRuleAddress.ServiceTag) a).name().equalsIgnoreCase(SecurityRuleAddress.INTERNET_TAG);
    }
    if (a instanceof SecurityRuleAddress.Prefix) {
      return ((SecurityRuleAddress.Prefix) a).prefix().length() == 0;
    }
    return a instanceof SecurityRuleAddress.Range && ((SecurityRuleAddress.Range) a).range().toAddressSet().equals(AddressSet.ALL);
  }

  /**
   * Every group compiled in every subnet it is applied in (associated with the subnet or with an
   * interface in it), or unattached; one pass over subnets and interfaces (O(n log n)).
   */
  private static Map<ResourceId, List<CompiledGroup>> contexts(
      Network network, NetworkSecurity security, ImmutableMap<String, AddressSet> supplied) {
    Map<ResourceId, Set<ResourceId>> subnets = new java.util.HashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        s.networkSecurityGroup().ifPresent(g -> subnets.computeIfAbsent(g, k -> new TreeSet<>()).add(s.id()));
      }
    }
    for (NetworkInterface n : network.networkInterfaces()) {
      n.networkSecurityGroup().ifPresent(g -> subnets.computeIfAbsent(g, k -> new TreeSet<>()).add(n.subnet()));
    }
    Map<ResourceId, List<CompiledGroup>> out = new java.util.HashMap<>();
    for (NetworkSecurityGroup g : security.networkSecurityGroups().values()) {
      List<CompiledGroup> compiled = new ArrayList<>();
      Set<CompiledGroup> seen = new HashSet<>();
      for (ResourceId s : subnets.getOrDefault(g.id(), Set.of())) {
        security.compiled(g.id(), s).filter(seen::add).ifPresent(compiled::add);
      }
      if (compiled.isEmpty()) {
        compiled.add(new CompiledGroup(g, TagTable.unattached(supplied)));
      }
      out.put(g.id(), compiled);
    }
    return out;
  }

  private static Set<SecurityRule> shadowing(NetworkSecurityGroup g, List<CompiledGroup> contexts, List<Finding> out) {
    Set<SecurityRule> shadowedRules = new HashSet<>();
    for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
      ImmutableList<CompiledRule> first = contexts.get(0).rules(d);
      for (int i = 0; i < first.size() && !first.get(i).rule.isDefault(); i++) {
        boolean shadowed = true;
        for (CompiledGroup c : contexts) {
          shadowed &= isShadowed(c.rules(d), i);
        }
        if (shadowed) {
          SecurityRule rule = first.get(i).rule;
          shadowedRules.add(rule);
          out.add(
              Finding.of(
                  FindingCode.NSG_RULE_SHADOWED,
                  g.ruleId(rule),
                  "priority",
                  rule.priority(),
                  "Rule "
                      + rule.name()
                      + " of "
                      + g.name()
                      + " is never reached: rules with higher priority ("
                      + shadowers(first, i)
                      + ") decide every flow it could match."));
        }
      }
    }
    return shadowedRules;
  }

  /** Whether every flow rule {@code i} may match is certainly matched by an earlier rule. */
  static boolean isShadowed(List<CompiledRule> rules, int i) {
    List<FlowBox> cut = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      cut.addAll(rules.get(j).definite());
    }
    List<FlowBox> rest = FlowBox.subtract(rules.get(i).possible(), cut, BOX_LIMIT);
    return rest != null && rest.isEmpty();
  }

  private static String shadowers(List<CompiledRule> rules, int i) {
    List<FlowBox> possible = rules.get(i).possible();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      if (FlowBox.intersects(rules.get(j).definite(), possible)) {
        names.add(rules.get(j).rule.name() + " at " + rules.get(j).rule.priority());
      }
    }
    return names.isEmpty() ? "none overlap; the rule matches no flow" : String.join(", ", names);
  }

  private static void unknownTags(NetworkSecurityGroup g, CompiledGroup context, List<Finding> out) {
    for (SecurityRule r : g.securityRules()) {
      tag(g, r, "sourceAddressPrefixes", r.sourceAddressPrefixes(), context, out);
      tag(g, r, "destinationAddressPrefixes", r.destinationAddressPrefixes(), context, out);
    }
  }

  private static void tag(
      NetworkSecurityGroup g, SecurityRule r, String field, List<SecurityRuleAddress> entries, CompiledGroup context, List<Finding> out) {
    Set<String> seen = new LinkedHashSet<>();
    for (SecurityRuleAddress a : entries) {
      if (a instanceof SecurityRuleAddress.ServiceTag) {
        String name = ((SecurityRuleAddress.ServiceTag) a).name();
        if (context.tags.isOpaque(name) && seen.add(name)) {
          out.add(
              Finding.of(
                  FindingCode.NSG_SERVICE_TAG_UNKNOWN,
                  g.ruleId(r),
                  field,
                  name,
                  "Rule " + r.name() + " of " + g.name() + " names service tag " + name + ", whose ranges were not supplied: an allow rule with it never admits, and a deny rule with it makes answers indeterminate."));
        }
      }
    }
  }

  private static void serverSubnet(Subnet s, CompiledGroup g, Optional<String> unseen, List<Finding> out) {
    AddressSet subnet = s.addressPrefix().toAddressSet();
    NetworkSecurityGroup group = g.group;
    for (SecurityRule r : group.securityRules()) {
      if (r.usesApplicationSecurityGroups()) {
        String field = r.sourceApplicationSecurityGroups().isEmpty() ? "destinationApplicationSecurityGroups" : "sourceApplicationSecurityGroups";
        List<ResourceId> ids = r.sourceApplicationSecurityGroups().isEmpty() ? r.destinationApplicationSecurityGroups() : r.sourceApplicationSecurityGroups();
        out.add(
            Finding.of(
                FindingCode.NSG_APPLICATION_SECURITY_GROUP_UNSUPPORTED,
                group.ruleId(r),
                field,
                ids.stream().map(ResourceId::name).collect(Collectors.joining(",")),
                "Rule " + r.name() + " of " + group.name() + ", on flexible server subnet " + s.name() + ", uses application security groups, which Azure does not support with flexible servers: use IP-based rules."));
      }
    }
    Set<SecurityRule> reported = new LinkedHashSet<>();
    for (SecurityRuleDirection d : SecurityRuleDirection.values()) {
      List<FlowBox> region =
          FlowBox.of(subnet, subnet, FlowBox.TCP, FlowBox.ALL_PORTS, FlowBox.ports(PortRange.of(FlexibleServer.POSTGRES_PORT)));
      for (CompiledRule r : denying(g.rules(d), region)) {
        if (reported.add(r.rule)) {
          Finding f =
              Finding.of(
                  FindingCode.NSG_BLOCKS_SERVER_SUBNET,
                  group.ruleId(r.rule),
                  "access",
                  r.rule.access().azureName(),
                  "Rule " + r.rule.name() + " of " + group.name() + " denies (or may deny) "
                      + d.azureName().toLowerCase(Locale.ROOT)
                      + " TCP 5432 between addresses of flexible server subnet " + s.name() + " (" + s.addressPrefix()
                      + "); high availability and other features need that traffic.");
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        }
      }
    }
  }

  /** The deny rules reached by some flow of the region, in evaluation order. */
  static List<CompiledRule> denying(List<CompiledRule> rules, List<FlowBox> region) {
    List<CompiledRule> out = new ArrayList<>();
    List<FlowBox> remaining = region;
    for (CompiledRule r : rules) {
      if (remaining.isEmpty()) {
        break;
      }
      if (r.rule.access() == SecurityRuleAccess.DENY && FlowBox.intersects(remaining, r.possible())) {
        out.add(r);
      }
      List<FlowBox> next = FlowBox.subtract(remaining, r.definite(), BOX_LIMIT);
      if (next != null) {
        remaining = next;
      }
    }
    return out;
  }

  private static void storage(Subnet s, VirtualNetwork v, CompiledGroup g, TagTable tags, Optional<String> unseen, List<Finding> out) {
    Optional<SecurityRule> blocker = storageBlocker(s, v, g, tags);
    blocker.ifPresent(
        r -> {
          Finding f =
              Finding.of(
                  FindingCode.NSG_BLOCKS_STORAGE_OUTBOUND,
                  s.id(),
                  "networkSecurityGroup",
                  g.group.id(),
                  "Network security group " + g.group.name() + " of flexible server subnet " + s.name()
                      + " does not certainly allow outbound TCP 443 to the Storage service tag: rule " + r.name()
                      + " (priority " + r.priority() + ") denies or may deny it, which breaks WAL archiving and backups.");
          out.add(unseen.isEmpty() ? f : f.notInInput(unseen.get()));
        });
  }

  private static Optional<SecurityRule> storageBlocker(Subnet s, VirtualNetwork v, CompiledGroup g, TagTable tags) {
    AddressSet subnet = s.addressPrefix().toAddressSet();
    AddressSet regional = tags.supplied(STORAGE_TAG + "." + v.region().name());
    AddressSet plain = tags.supplied(STORAGE_TAG);
    AddressSet storage = regional != null ? regional : plain;
    if (storage != null) {
      CompiledGroup exact = g;
      if (regional != null && plain == null) {
        // Storage.<region> is part of Storage: a rule naming the plain tag certainly covers the
        // regional ranges, though what else the plain tag holds stays unknown.
        exact = new CompiledGroup(g.group, tags.withLowerBound(STORAGE_TAG, regional));
      }
      List<FlowBox> region = FlowBox.of(subnet, storage, FlowBox.TCP, FlowBox.ALL_PORTS, FlowBox.ports(PortRange.of(STORAGE_PORT)));
      return denying(exact.outbound, region).stream().findFirst().map(r -> r.rule);
    }
    AddressSet remaining = subnet;
    for (CompiledRule r : g.outbound) {
      SecurityRule rule = r.rule;
      if (!rule.protocol().matches(SecurityRuleProtocol.TCP)
          || rule.destinationPortRanges().stream().noneMatch(p -> p.contains(STORAGE_PORT))) {
        continue;
      }
      Tri destination = storageMembership(rule, v, tags);
      AddressSet sources = remaining.intersection(r.sourcesYes.union(r.sourcesMaybe));
      if (destination == Tri.NO || sources.isEmpty()) {
        continue;
      }
      if (rule.access() == SecurityRuleAccess.DENY) {
        return Optional.of(rule);
      }
      if (destination == Tri.YES && r.anySourcePort) {
        remaining = remaining.difference(r.sourcesYes);
        if (remaining.isEmpty()) {
          return Optional.empty();
        }
      }
    }
    throw new IllegalStateException("the default outbound deny rule always matches");
  }

  /** Whether a rule's destinations certainly, possibly or never include Azure Storage addresses. */
  private static Tri storageMembership(SecurityRule rule, VirtualNetwork v, TagTable tags) {
    Tri t = Tri.NO;
    for (SecurityRuleAddress a : rule.destinationAddressPrefixes()) {
      if (a instanceof SecurityRuleAddress.Any) {
        t = t.or(Tri.YES);
      } else if (a instanceof SecurityRuleAddress.ServiceTag) {
        String name = ((SecurityRuleAddress.ServiceTag) a).name();
        if (name.equalsIgnoreCase(STORAGE_TAG) || name.equalsIgnoreCase(STORAGE_TAG + "." + v.region().name())) {
          t = t.or(Tri.YES);
        } else if (name.equals(SecurityRuleAddress.INTERNET_TAG)) {
          // Where user routes put public space in the VirtualNetwork tag, Internet may not hold Storage.
          t = t.or(tags.internetUncertainForServiceAddresses() ? Tri.MAYBE : Tri.YES);
        } else if (!name.regionMatches(true, 0, STORAGE_TAG + ".", 0, STORAGE_TAG.length() + 1)
            && !name.equals(SecurityRuleAddress.VIRTUAL_NETWORK_TAG)
            && !name.equals(SecurityRuleAddress.AZURE_LOAD_BALANCER_TAG)) {
          t = t.or(Tri.MAYBE);
        }
      } else {
        AddressSet set =
            a instanceof SecurityRuleAddress.Prefix
                ? ((SecurityRuleAddress.Prefix) a).prefix().toAddressSet()
                : ((SecurityRuleAddress.Range) a).range().toAddressSet();
        if (!TagTable.PRIVATE.containsAll(set)) {
          t = t.or(Tri.MAYBE);
        }
      }
    }
    return t;
  }
}
