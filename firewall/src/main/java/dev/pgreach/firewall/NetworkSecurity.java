package dev.pgreach.firewall;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Hop;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.Path;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.Verdict;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether network security groups let a flow through: the groups of a network, compiled once for
 * every subnet and network interface they are associated with.
 *
 * <p>What is modelled, following Azure's documentation:
 *
 * <ul>
 *   <li>Within a group, rules of the flow's direction are evaluated by priority, lowest number
 *       first, then the three default rules; the first rule that matches decides.
 *   <li>Inbound traffic meets the subnet's group, then the network interface's; outbound traffic
 *       the network interface's, then the subnet's. Both must allow; where no group is associated
 *       nothing is filtered. The answer names the deciding rule of every group, in order.
 *   <li>Groups are stateful: only the direction that opens a connection is evaluated; return
 *       traffic needs no rule. {@link #along} therefore checks the source's outbound groups, each
 *       appliance's inbound and outbound groups, and the destination's inbound groups, and never
 *       the destination's outbound groups.
 *   <li>Service tags: {@code VirtualNetwork} is {@link Reachability#virtualNetworkServiceTagOfSubnet}
 *       of the subnet the group is applied in (the group of a network interface: the interface's
 *       subnet) — the network's space, its connected peers', gateway-learned prefixes, the host
 *       address {@code 168.63.129.16} and the prefixes of the subnet's user routes, all of it when
 *       a user route is a default route; {@code AzureLoadBalancer} is {@code 168.63.129.16/32};
 *       {@code Internet} is every address outside that {@code VirtualNetwork} space and outside the
 *       private ranges (RFC 1918 and 100.64.0.0/10), while private addresses outside the network
 *       and addresses the {@code VirtualNetwork} tag holds only through the host address or user
 *       routes may or may not belong to it. Any other tag is opaque unless the caller supplies its
 *       ranges.
 *   <li>Failing closed: a rule that may or may not match (an opaque tag, an application security
 *       group, source ports when the flow's source port is unknown) never admits when it allows,
 *       and makes the answer {@link dev.pgreach.core.Disposition#INDETERMINATE} when it denies and
 *       no later rule denies anyway.
 * </ul>
 *
 * <p>Not modelled: security admin rules of Azure Virtual Network Manager, membership of
 * application security groups, augmented rules, and platform traffic to 168.63.129.16 that
 * Azure exempts from groups. Inbound evaluation happens after public-to-private NAT, so flows
 * carry the private destination address.
 *
 * <pre>{@code
 * NetworkSecurity security = NetworkSecurity.of(Reachability.of(network, profile), List.of(dbNsg));
 * Verdict v = security.inbound(dbSubnet.id(), Optional.empty(),
 *     Flow.postgres(Ipv4Address.parse("10.1.0.4"), Ipv4Address.parse("10.0.1.4")));
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class NetworkSecurity {
  private final Network network;
  private final ImmutableSortedMap<ResourceId, NetworkSecurityGroup> groups;
  private final ImmutableMap<ResourceId, TagTable> tagsBySubnet;
  /** Compiled groups by group id, then by the subnet they apply in (directly or through an interface). */
  private final ImmutableMap<ResourceId, ImmutableMap<ResourceId, CompiledGroup>> compiled;

  private NetworkSecurity(
      Network network,
      ImmutableSortedMap<ResourceId, NetworkSecurityGroup> groups,
      ImmutableMap<ResourceId, TagTable> tagsBySubnet,
      ImmutableMap<ResourceId, ImmutableMap<ResourceId, CompiledGroup>> compiled) {
    this.network = network;
    this.groups = groups;
    this.tagsBySubnet = tagsBySubnet;
    this.compiled = compiled;
  }

  /**
   * Compiles the groups of a network, with no service tag ranges beyond the computed ones.
   *
   * @param reachability the network's routing, which defines the VirtualNetwork tag of each subnet
   * @param groups every network security group the network's subnets and interfaces refer to
   * @return the compiled groups
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument or group,
   *     {@link ErrorCode#DANGLING_REFERENCE} when a subnet or interface refers to a group that is
   *     not given, {@link ErrorCode#DUPLICATE_RESOURCE} for two groups with one id
   */
  public static NetworkSecurity of(Reachability reachability, Iterable<NetworkSecurityGroup> groups) {
    return of(reachability, groups, Map.of());
  }

  /**
   * Compiles the groups of a network, with the ranges of some service tags that the caller
   * loaded (for example {@code Storage} or {@code AzureCloud.westeurope} from Azure's published
   * service tag files). Tag names are matched ignoring case.
   *
   * <p>Each group is compiled once per subnet it applies in (associated with the subnet, or with a
   * network interface in it), because the {@code VirtualNetwork} tag differs from subnet to subnet:
   * it is {@link Reachability#virtualNetworkServiceTagOfSubnet} of that subnet.
   *
   * @param reachability the network's routing, which defines the VirtualNetwork tag of each subnet
   * @param groups every network security group the network's subnets and interfaces refer to
   * @param serviceTagRanges the ranges of service tags, by name
   * @return the compiled groups
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, group, tag
   *     name or ranges, {@link ErrorCode#DANGLING_REFERENCE} when a subnet or interface refers to a
   *     group that is not given, {@link ErrorCode#DUPLICATE_RESOURCE} for two groups with one id,
   *     {@link ErrorCode#INVALID_VALUE} for ranges given for a computed tag (VirtualNetwork,
   *     Internet, AzureLoadBalancer), for a malformed tag name, or for one tag named twice
   */
  public static NetworkSecurity of(
      Reachability reachability, Iterable<NetworkSecurityGroup> groups, Map<String, AddressSet> serviceTagRanges) {
    Names.notNull(reachability, "NetworkSecurity.reachability");
    Names.notNull(groups, "NetworkSecurity.groups");
    Names.notNull(serviceTagRanges, "NetworkSecurity.serviceTagRanges");
    ImmutableMap<String, AddressSet> supplied = checkTags(serviceTagRanges);
    Network network = reachability.network();
    ImmutableSortedMap<ResourceId, NetworkSecurityGroup> byId = index(groups);
    ImmutableMap.Builder<ResourceId, TagTable> tags = ImmutableMap.builder();
    // Subnets with equal tags share one table, and a group compiled for one table serves them all.
    Map<List<AddressSet>, TagTable> tables = new HashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      AddressSet networkTag = reachability.virtualNetworkServiceTag(v.id());
      boolean complete = reachability.virtualNetworkServiceTagComplete(v.id());
      for (Subnet s : v.subnets()) {
        AddressSet subnetTag = reachability.virtualNetworkServiceTagOfSubnet(s.id());
        List<AddressSet> key = complete ? List.of(subnetTag, networkTag) : List.of(subnetTag, networkTag, AddressSet.ALL);
        tags.put(
            s.id(),
            tables.computeIfAbsent(
                key, k -> complete ? TagTable.of(subnetTag, networkTag, supplied) : TagTable.ofIncomplete(subnetTag, networkTag, supplied)));
      }
    }
    ImmutableMap<ResourceId, TagTable> tagTables = tags.buildOrThrow();
    Map<ResourceId, Map<ResourceId, CompiledGroup>> compiled = new HashMap<>();
    Map<ResourceId, Map<TagTable, CompiledGroup>> shared = new HashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        s.networkSecurityGroup()
            .ifPresent(g -> compile(network, byId, g, s.id(), tagTables.get(s.id()), compiled, shared, "Subnet[" + s.name() + "]"));
      }
    }
    for (NetworkInterface n : network.networkInterfaces()) {
      if (network.subnet(n.subnet()).isEmpty()) {
        continue; // an interface in a subnet outside the input: never on a path
      }
      n.networkSecurityGroup()
          .ifPresent(g -> compile(network, byId, g, n.subnet(), tagTables.get(n.subnet()), compiled, shared, "NetworkInterface[" + n.name() + "]"));
    }
    ImmutableMap.Builder<ResourceId, ImmutableMap<ResourceId, CompiledGroup>> frozen = ImmutableMap.builder();
    compiled.forEach((k, v) -> frozen.put(k, ImmutableMap.copyOf(v)));
    return new NetworkSecurity(network, byId, tagTables, frozen.buildOrThrow());
  }

  static ImmutableMap<String, AddressSet> checkTags(Map<String, AddressSet> ranges) {
    for (Map.Entry<String, AddressSet> e : ranges.entrySet()) {
      String name = Names.notNull(e.getKey(), "NetworkSecurity.serviceTagRanges key");
      Names.notNull(e.getValue(), "NetworkSecurity.serviceTagRanges[" + name + "]");
      if (!Names.TAG_SYNTAX.matcher(name).matches()) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "NetworkSecurity.serviceTagRanges key (\"%s\") must be a service tag name with ranges", name);
      }
      if (new SecurityRuleAddress.ServiceTag(name).isComputed()) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "NetworkSecurity.serviceTagRanges key (\"%s\") names a tag pgreach computes from the network; it cannot be supplied",
            name);
      }
    }
    try {
      return TagTable.normalise(ranges);
    } catch (IllegalArgumentException e) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "NetworkSecurity.serviceTagRanges (%s) names one tag twice, ignoring case", ranges.keySet());
    }
  }

  static ImmutableSortedMap<ResourceId, NetworkSecurityGroup> index(Iterable<NetworkSecurityGroup> groups) {
    Map<ResourceId, NetworkSecurityGroup> byId = new HashMap<>();
    for (NetworkSecurityGroup g : groups) {
      Names.notNull(g, "NetworkSecurity.groups[]");
      if (byId.put(g.id(), g) != null) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "NetworkSecurity.groups holds two groups with id %s", g.id());
      }
    }
    return ImmutableSortedMap.copyOf(byId);
  }

  private static void compile(
      Network network,
      Map<ResourceId, NetworkSecurityGroup> byId,
      ResourceId group,
      ResourceId subnet,
      TagTable table,
      Map<ResourceId, Map<ResourceId, CompiledGroup>> out,
      Map<ResourceId, Map<TagTable, CompiledGroup>> shared,
      String from) {
    NetworkSecurityGroup g = byId.get(group);
    if (g == null && network.coverage().isOutsideInput(group)) {
      return; // outside the input: evaluating it is undecided
    }
    if (g == null) {
      throw PgreachException.of(
          ErrorCode.DANGLING_REFERENCE,
          "%s.networkSecurityGroup refers to %s, which is not among the network security groups given",
          from,
          group);
    }
    CompiledGroup c = shared.computeIfAbsent(group, k -> new HashMap<>()).computeIfAbsent(table, t -> new CompiledGroup(g, t));
    out.computeIfAbsent(group, k -> new HashMap<>()).putIfAbsent(subnet, c);
  }

  /**
   * Returns the network.
   *
   * @return the network the groups apply in
   */
  public Network network() {
    return network;
  }

  /**
   * Returns the groups, in id order.
   *
   * @return the groups
   */
  public ImmutableSortedMap<ResourceId, NetworkSecurityGroup> networkSecurityGroups() {
    return groups;
  }

  /**
   * Evaluates a flow entering a host: the subnet's group, then the network interface's.
   *
   * @param subnet the subnet the host is in
   * @param networkInterface the host's interface, when modelled
   * @param flow the flow
   * @return the verdict, naming the deciding rule of each group
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a subnet or interface not in the network, {@link
   *     ErrorCode#INVALID_VALUE} for an interface in another subnet
   */
  public Verdict inbound(ResourceId subnet, Optional<ResourceId> networkInterface, Flow flow) {
    List<Step> steps = new ArrayList<>();
    host(subnet, networkInterface, flow, SecurityRuleDirection.INBOUND, steps);
    return Verdict.of(steps);
  }

  /**
   * Evaluates a flow leaving a host: the network interface's group, then the subnet's.
   *
   * @param subnet the subnet the host is in
   * @param networkInterface the host's interface, when modelled
   * @param flow the flow
   * @return the verdict, naming the deciding rule of each group
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a subnet or interface not in the network, {@link
   *     ErrorCode#INVALID_VALUE} for an interface in another subnet
   */
  public Verdict outbound(ResourceId subnet, Optional<ResourceId> networkInterface, Flow flow) {
    List<Step> steps = new ArrayList<>();
    host(subnet, networkInterface, flow, SecurityRuleDirection.OUTBOUND, steps);
    return Verdict.of(steps);
  }

  /**
   * Evaluates a flow entering a private endpoint in a subnet: the subnet's group applies only when
   * the subnet's {@code privateEndpointNetworkPolicies} enable network security groups (by default
   * they do not).
   *
   * @param subnet the private endpoint's subnet
   * @param flow the flow
   * @return the verdict
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a subnet not in the network
   */
  public Verdict inboundToPrivateEndpoint(ResourceId subnet, Flow flow) {
    Names.notNull(subnet, "NetworkSecurity.subnet");
    Names.notNull(flow, "NetworkSecurity.flow");
    List<Step> steps = new ArrayList<>();
    privateEndpointInbound(subnet, flow, steps);
    return Verdict.of(steps);
  }

  /** Appends the inbound evaluation at a private endpoint's subnet; returns whether a group denied. */
  private boolean privateEndpointInbound(ResourceId subnet, Flow flow, List<Step> steps) {
    if (network.subnet(subnet).isEmpty() && network.coverage().isOutsideInput(subnet)) {
      steps.add(
          new SecurityGroupStep.Undecided(
              ReasonCode.OUTSIDE_INPUT,
              Optional.empty(),
              subnet.toString(),
              SecurityRuleDirection.INBOUND,
              "Subnet " + network.coverage().describe(subnet) + " is not in the input: whether its network security group filters " + flow + " is not known."));
      return false;
    }
    Subnet s = subnet(subnet);
    if (s.networkSecurityGroup().isPresent() && !s.privateEndpointNetworkPolicies().appliesNetworkSecurityGroup()) {
      steps.add(
          new SecurityGroupStep.NotApplied(
              s.networkSecurityGroup(),
              s.id().toString(),
              SecurityRuleDirection.INBOUND,
              "Subnet "
                  + s.name()
                  + " has privateEndpointNetworkPolicies "
                  + s.privateEndpointNetworkPolicies()
                  + ": its network security group "
                  + s.networkSecurityGroup().get().name()
                  + " does not filter traffic to private endpoints."));
      return false;
    }
    return level(s.networkSecurityGroup(), s.id(), s.id(), SecurityRuleDirection.INBOUND, flow, steps);
  }

  /**
   * Evaluates a flow along a routed path: outbound at the source, inbound and outbound at each
   * network virtual appliance, inbound at the destination. A hop's network interface is the one the
   * path names, or else the one at the hop's address in its subnet (so a client placed at an
   * interface's address without naming it meets that interface's group). Hops outside virtual
   * networks have no groups.
   *
   * @param path the routed path
   * @param flow the flow (the same five-tuple at every hop: appliances are not modelled as NAT)
   * @return the verdict; it stops at the first group that denies
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a hop in a subnet or interface not in the network
   */
  public Verdict along(Path path, Flow flow) {
    return along(path, flow, Destination.HOST);
  }

  /**
   * Evaluates a flow along a routed path that ends at a VNet-integrated flexible server: as {@link
   * #along}, except that the destination is the server, which Azure manages and which has no
   * network interface (nor group) of the caller's: only its delegated subnet's group applies there.
   *
   * @param path the routed path, ending at the server's private address
   * @param flow the flow
   * @return the verdict; it stops at the first group that denies
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a hop in a subnet or interface not in the network
   */
  public Verdict alongToServer(Path path, Flow flow) {
    return along(path, flow, Destination.SERVER);
  }

  /** What a path ends at, which decides the groups at its last hop. */
  private enum Destination {
    HOST,
    SERVER,
    PRIVATE_ENDPOINT
  }

  /**
   * Evaluates a flow along a routed path that ends at a private endpoint: as {@link #along}, except
   * that at the destination only the endpoint subnet's group applies, and only when the subnet's
   * {@code privateEndpointNetworkPolicies} enable network security groups (a private endpoint's
   * network interface has no group of its own).
   *
   * @param path the routed path, ending at the private endpoint's address
   * @param flow the flow
   * @return the verdict; it stops at the first group that denies
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#UNKNOWN_RESOURCE} for a hop in a subnet or interface not in the network
   */
  public Verdict alongToPrivateEndpoint(Path path, Flow flow) {
    return along(path, flow, Destination.PRIVATE_ENDPOINT);
  }

  private Verdict along(Path path, Flow flow, Destination to) {
    Names.notNull(path, "NetworkSecurity.path");
    Names.notNull(flow, "NetworkSecurity.flow");
    List<Step> steps = new ArrayList<>();
    List<Hop> hops = path.hops();
    for (int i = 0; i < hops.size(); i++) {
      Hop hop = hops.get(i);
      boolean source = i == 0;
      boolean destination = path.arrives() && i == hops.size() - 1;
      if (hop.subnet().isEmpty()) {
        if (destination && hop.place() instanceof dev.pgreach.core.Place.Vnet) {
          ResourceId vnet = ((dev.pgreach.core.Place.Vnet) hop.place()).virtualNetwork();
          if (!network.coverage().isComplete(dev.pgreach.core.Inventory.SUBNETS, vnet)) {
            steps.add(
                new SecurityGroupStep.Undecided(
                    ReasonCode.NOT_OBSERVED,
                    Optional.empty(),
                    vnet.toString(),
                    SecurityRuleDirection.INBOUND,
                    hop.address() + " is in no subnet of " + vnet.name() + " that the input holds, and "
                        + dev.pgreach.core.Inventory.SUBNETS.of(vnet.name()) + " are not all in it: the group of its subnet is not known."));
          }
        }
        continue;
      }
      if (destination && to == Destination.PRIVATE_ENDPOINT) {
        privateEndpointInbound(hop.subnet().get(), flow, steps);
        return Verdict.of(steps);
      }
      Optional<ResourceId> nic = hop.networkInterface();
      boolean managed = destination && to == Destination.SERVER;
      if (nic.isEmpty() && !managed) {
        // A host at an interface's address is that interface, at the source as at the destination.
        nic =
            network.networkInterfacesIn(hop.subnet().get()).stream()
                .filter(n -> n.privateAddress().equals(hop.address()))
                .map(NetworkInterface::id)
                .findFirst();
        if (nic.isEmpty() && !network.coverage().isComplete(dev.pgreach.core.Inventory.NETWORK_INTERFACES, hop.subnet().get())) {
          steps.add(
              new SecurityGroupStep.Undecided(
                  ReasonCode.NOT_OBSERVED,
                  Optional.empty(),
                  hop.address().toString(),
                  source ? SecurityRuleDirection.OUTBOUND : SecurityRuleDirection.INBOUND,
                  "No network interface at " + hop.address() + " is in the input, and "
                      + dev.pgreach.core.Inventory.NETWORK_INTERFACES.of("subnet " + hop.subnet().get().name())
                      + " are not all in it: the host's own network security group, if it has one, is not known."));
        }
      }
      if (!source && host(hop.subnet().get(), nic, flow, SecurityRuleDirection.INBOUND, steps)) {
        return Verdict.of(steps);
      }
      if (!destination && host(hop.subnet().get(), nic, flow, SecurityRuleDirection.OUTBOUND, steps)) {
        return Verdict.of(steps);
      }
    }
    if (steps.isEmpty()) {
      steps.add(
          new SecurityGroupStep.NotApplied(
              Optional.empty(), "path", SecurityRuleDirection.INBOUND, "The path passes no subnet: no network security group applies."));
    }
    return Verdict.of(steps);
  }

  /** Evaluates the groups of one host in one direction; returns whether a group denied. */
  private boolean host(
      ResourceId subnetId, Optional<ResourceId> nicId, Flow flow, SecurityRuleDirection direction, List<Step> steps) {
    Names.notNull(subnetId, "NetworkSecurity.subnet");
    Names.notNull(nicId, "NetworkSecurity.networkInterface");
    Names.notNull(flow, "NetworkSecurity.flow");
    Subnet subnet = subnet(subnetId);
    Optional<NetworkInterface> nic = nicId.map(this::networkInterface);
    nic.filter(n -> !n.subnet().equals(subnet.id()))
        .ifPresent(
            n -> {
              throw PgreachException.of(
                  ErrorCode.INVALID_VALUE,
                  "NetworkSecurity.networkInterface (%s) is in subnet %s, not in %s",
                  n.id(),
                  n.subnet(),
                  subnet.id());
            });
    ResourceId place = subnet.id();
    if (direction == SecurityRuleDirection.INBOUND) {
      return level(subnet.networkSecurityGroup(), place, subnet.id(), direction, flow, steps)
          || (nic.isPresent() && level(nic.get().networkSecurityGroup(), place, nic.get().id(), direction, flow, steps));
    }
    return (nic.isPresent() && level(nic.get().networkSecurityGroup(), place, nic.get().id(), direction, flow, steps))
        || level(subnet.networkSecurityGroup(), place, subnet.id(), direction, flow, steps);
  }

  /**
   * Evaluates the group associated with one subnet or interface, compiled for the subnet it applies
   * in; returns whether it denied.
   */
  private boolean level(
      Optional<ResourceId> group, ResourceId subnet, ResourceId appliedTo, SecurityRuleDirection direction, Flow flow, List<Step> steps) {
    if (group.isEmpty()) {
      steps.add(
          new SecurityGroupStep.NotApplied(
              Optional.empty(),
              appliedTo.toString(),
              direction,
              "No network security group is associated with " + StepText.describe(appliedTo) + ": nothing is filtered there."));
      return false;
    }
    CompiledGroup g = compiled.getOrDefault(group.get(), ImmutableMap.of()).get(subnet);
    if (g == null) {
      steps.add(
          new SecurityGroupStep.Undecided(
              ReasonCode.OUTSIDE_INPUT,
              group,
              appliedTo.toString(),
              direction,
              "Network security group " + network.coverage().describe(group.get()) + " of " + StepText.describe(appliedTo)
                  + " is not in the input: what it does to " + flow + " is not known."));
      return false;
    }
    boolean complete = network.coverage().isComplete(dev.pgreach.core.Inventory.SECURITY_RULES, group.get());
    return evaluate(g, appliedTo, direction, flow, steps, complete);
  }

  /** First match by priority; returns whether the group denied. */
  static boolean evaluate(CompiledGroup g, ResourceId appliedTo, SecurityRuleDirection direction, Flow flow, List<Step> steps) {
    return evaluate(g, appliedTo, direction, flow, steps, true);
  }

  /**
   * First match by priority; returns whether the group denied. When the group's rules are not all
   * known, the first matching known rule decides only if no rule the input does not show can come
   * before it ({@link CompiledGroup#pinned}); otherwise the group's answer is undecided.
   */
  static boolean evaluate(
      CompiledGroup g, ResourceId appliedTo, SecurityRuleDirection direction, Flow flow, List<Step> steps, boolean rulesComplete) {
    ResourceId id = g.group.id();
    for (CompiledRule r : g.rules(direction)) {
      Tri m = r.match(flow);
      SecurityRule rule = r.rule;
      if (m == Tri.YES) {
        if (!rulesComplete && !g.pinned(direction, rule.priority())) {
          steps.add(
              new SecurityGroupStep.Undecided(
                  ReasonCode.NOT_OBSERVED,
                  Optional.of(id),
                  appliedTo.toString(),
                  direction,
                  StepText.where(id, appliedTo, direction) + " rule " + rule.name() + " (priority " + rule.priority() + ", "
                      + rule.access().azureName() + ") is the first known rule that matches " + flow + ", but "
                      + dev.pgreach.core.Inventory.SECURITY_RULES.of(id.name())
                      + " are not all in the input: a rule not shown, of higher priority, may decide otherwise."));
          return false;
        }
        if (rule.access() == SecurityRuleAccess.ALLOW) {
          steps.add(new SecurityGroupStep.RuleAllowed(id, appliedTo, rule.name(), rule.priority(), direction, flow));
          return false;
        }
        steps.add(new SecurityGroupStep.RuleDenied(id, appliedTo, rule.name(), rule.priority(), direction, flow));
        return true;
      }
      if (m == Tri.MAYBE) {
        steps.add(
            new SecurityGroupStep.RuleUndecided(
                id, appliedTo, rule.name(), rule.priority(), direction, rule.access(), r.doubt(flow), flow));
      }
    }
    throw new IllegalStateException("the default deny rule always matches, but nothing matched " + flow);
  }

  /** The tag table of a subnet of the network. */
  TagTable tags(ResourceId subnet) {
    return tagsBySubnet.get(subnet);
  }

  /** A group compiled for a subnet it applies in, directly or through an interface in the subnet. */
  Optional<CompiledGroup> compiled(ResourceId group, ResourceId subnet) {
    return Optional.ofNullable(compiled.getOrDefault(group, ImmutableMap.of()).get(subnet));
  }

  private Subnet subnet(ResourceId id) {
    return network
        .subnet(id)
        .orElseThrow(() -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "NetworkSecurity.subnet (%s) is not in the network", id));
  }

  private NetworkInterface networkInterface(ResourceId id) {
    return network
        .networkInterface(id)
        .orElseThrow(
            () -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "NetworkSecurity.networkInterface (%s) is not in the network", id));
  }
}
