package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Network;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
      FirewallRuleLints.server(e.getKey(), server, e.getValue(), thresholds, out);
    }
    return ImmutableList.sortedCopyOf(out);
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
    return SecurityGroupLints.validate(routing, groups, serviceTagRanges);
  }
}
