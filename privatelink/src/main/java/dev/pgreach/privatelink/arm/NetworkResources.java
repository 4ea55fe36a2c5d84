package dev.pgreach.privatelink.arm;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceTagRoute;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.arm.ArmReader.Kind;
import dev.pgreach.privatelink.arm.ArmReader.Raw;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the network resources: public IP addresses, network security groups with their rules,
 * route tables with their routes, virtual networks with subnets and peerings, local network
 * gateways (on-premises networks, with the companion's entries), virtual network gateways, gateway
 * connections and network interfaces.
 *
 * <p>In an open world: a child whose parent is not in the input makes the parent a partial one
 * where the model can hold it (a network security group or route table with the rules or routes
 * the input shows, not known in full) and is noted otherwise (a subnet or peering of a virtual
 * network the input does not hold); a reference to a resource the input does not hold is kept and
 * the resource recorded as outside the input; a resource read with {@code properties} missing or
 * null, or with a value that cannot be known where the model has no unknown form for it, is outside
 * the input, and the inventory holding it is not known in full.
 */
final class NetworkResources {
  private final ArmReader r;

  NetworkResources(ArmReader r) {
    this.r = r;
  }

  void read() {
    r.guard(this::publicAddresses);
    r.guard(this::securityGroups);
    r.guard(this::routeTables);
    r.guard(this::virtualNetworks);
    r.guard(this::onPremisesNetworks);
    r.guard(this::gateways);
    r.guard(this::connections);
    r.guard(this::networkInterfaces);
  }

  // ------------------------------------------------------------------ public IP addresses

  private void publicAddresses() {
    r.publicAddresses.putAll(
        r.convert(
            Kind.PUBLIC_IP_ADDRESS,
            raw -> {
              Optional<Node> a = raw.props().opt("ipAddress");
              if (a.isPresent() && a.get().isUnknown()) {
                return Optional.<Ipv4Address>empty(); // allocated at deployment
              }
              if (a.isPresent() && a.get().text().indexOf(':') >= 0) {
                r.note(a.get().path() + ": an IPv6 address; pgreach models IPv4 only");
                return Optional.<Ipv4Address>empty();
              }
              return a.map(Node::address);
            },
            r::unknownResource));
  }

  // ------------------------------------------------------------------ network security groups

  private void securityGroups() {
    LinkedHashMap<ResourceId, Optional<SecurityRule>> rules = r.convert(Kind.SECURITY_RULE, this::securityRule, r::unknownResource);
    LinkedHashMap<ResourceId, Raw> nsgs = r.convert(Kind.NETWORK_SECURITY_GROUP, raw -> raw, r::unknownResource);
    List<ResourceId> owners = new ArrayList<>(nsgs.keySet());
    java.util.Set<ResourceId> owning = new java.util.HashSet<>(owners);
    for (Raw rule : r.unique(Kind.SECURITY_RULE)) {
      if (!nsgs.containsKey(rule.parent()) && owning.add(rule.parent())) {
        owners.add(rule.parent());
        r.note(rule.node().path() + ": network security group " + rule.parent().name()
            + " is not in the input; it is read with the rules the input shows, which may not be all of them");
      }
    }
    java.util.Map<ResourceId, Node> entries = new java.util.LinkedHashMap<>();
    for (Node e : r.companion.list("networkSecurityGroups")) {
      r.guard(() -> {
        e.requireObject().only("id", "name", "securityRules");
        ResourceId id = ArmReader.target(e, Kind.NETWORK_SECURITY_GROUP.type, owners, "network security group", false);
        if (entries.put(id, e) != null) {
          throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
        }
      });
    }
    Map<ResourceId, List<Raw>> listed = r.uniqueByParent(Kind.SECURITY_RULE);
    for (ResourceId id : owners) {
      Raw nsg = nsgs.get(id);
      if (nsg != null && !nsg.hasProperties()) {
        r.note(nsg.node().path() + ": network security group " + id.name() + " has no properties in the input; its rules are not known");
        r.incomplete(Inventory.SECURITY_RULES, id);
      }
      List<SecurityRule> own = new ArrayList<>();
      r.childrenOf(rules, id).forEach(o -> o.ifPresent(own::add));
      Node entry = entries.get(id);
      if (entry != null) {
        changedAt(entry, id, own);
      }
      if (samePriorityAt(id, listed.getOrDefault(id, List.of()), rules)) {
        continue;
      }
      Node at = nsg != null ? nsg.node() : r.arm;
      r.guard(() -> r.groups.put(id, at.parse(() -> NetworkSecurityGroup.builder().id(id).addAllSecurityRules(own).build())));
    }
  }

  /**
   * Reports, at each rule's own path, every rule of a group that shares its priority and direction
   * with another rule of the group, so that none of them is read as the one that exists: a rule
   * listed on its own is refused alone (Azure refuses every such rule after the first created, and
   * which one that was the input cannot show), a rule written inside its group takes the group
   * with it (Azure refuses the whole group). Returns whether there were any.
   */
  private boolean samePriorityAt(ResourceId group, List<Raw> listed, LinkedHashMap<ResourceId, Optional<SecurityRule>> rules) {
    Map<String, List<Raw>> byPriority = new LinkedHashMap<>();
    for (Raw raw : listed) { // the group's rules, first listings, in document order
      Optional<SecurityRule> rule = rules.getOrDefault(raw.id(), Optional.empty());
      if (rule.isPresent()) {
        byPriority.computeIfAbsent(rule.get().direction().azureName() + " " + rule.get().priority(), k -> new ArrayList<>()).add(raw);
      }
    }
    boolean any = false;
    for (Map.Entry<String, List<Raw>> e : byPriority.entrySet()) {
      if (e.getValue().size() < 2) {
        continue;
      }
      any = true;
      for (Raw raw : e.getValue()) {
        List<String> others = new ArrayList<>();
        e.getValue().stream().filter(o -> o != raw).forEach(o -> others.add(o.id().name()));
        r.guard(() -> {
          throw raw.node().error(
              ErrorCode.DUPLICATE_PRIORITY,
              "has %s priority %s in network security group %s, as rule %s does: Azure refuses every rule after the first with one priority and direction, and the input does not show which came first",
              e.getKey().split(" ")[0], e.getKey().split(" ")[1], group.name(), String.join(", ", others));
        });
      }
    }
    return any;
  }

  /** The companion's {@code changedAt} instants of a group's rules, as for firewall rules; a rule the input does not have is an error at its path. */
  private void changedAt(Node entry, ResourceId group, List<SecurityRule> own) {
    for (Map.Entry<String, Node> m : entry.opt("securityRules").map(Node::requireObject).map(Node::members).orElse(List.of())) {
      r.guard(() -> {
        Node change = m.getValue().requireObject().only("changedAt");
        int index = -1;
        for (int i = 0; i < own.size(); i++) {
          if (own.get(i).name().equalsIgnoreCase(m.getKey())) {
            index = i;
          }
        }
        if (index < 0) {
          throw m.getValue().error(ErrorCode.DANGLING_REFERENCE, "names security rule %s, which group %s does not have in the ARM input", m.getKey(), group.name());
        }
        Optional<java.time.Instant> when = change.opt("changedAt").map(Node::instant);
        if (when.isPresent()) {
          own.set(index, own.get(index).withChangedAt(when.get()));
        }
      });
    }
  }

  private Optional<SecurityRule> securityRule(Raw raw) {
    Node p = raw.props();
    SecurityRule.Builder b =
        SecurityRule.builder()
            .name(raw.id().name())
            .priority((int) p.req("priority").integer(0, 1_000_000))
            .direction(p.req("direction").choice(SecurityRuleDirection.class, SecurityRuleDirection::azureName))
            .access(p.req("access").choice(SecurityRuleAccess.class, SecurityRuleAccess::azureName));
    Node protocol = p.req("protocol");
    String protocolText = protocol.text();
    b.protocol(protocol.parse(() -> SecurityRuleProtocol.parse(protocolText)));
    Optional<List<SecurityRuleAddress>> sources = ruleAddresses(p, "sourceAddressPrefix", "sourceAddressPrefixes");
    Optional<List<SecurityRuleAddress>> destinations = ruleAddresses(p, "destinationAddressPrefix", "destinationAddressPrefixes");
    if (sources.isEmpty() || destinations.isEmpty()) {
      r.note(raw.node().path() + ": security rule " + raw.id().name() + " names only IPv6 addresses on one side; it matches no IPv4 flow and was left out");
      return Optional.empty();
    }
    b.addAllSourceAddressPrefixes(sources.get());
    b.addAllDestinationAddressPrefixes(destinations.get());
    b.addAllSourceApplicationSecurityGroups(groupsOf(p, "sourceApplicationSecurityGroups"));
    b.addAllDestinationApplicationSecurityGroups(groupsOf(p, "destinationApplicationSecurityGroups"));
    b.addAllSourcePortRanges(ports(p, "sourcePortRange", "sourcePortRanges"));
    b.addAllDestinationPortRanges(ports(p, "destinationPortRange", "destinationPortRanges"));
    return Optional.of(raw.node().parse(b::build));
  }

  /** The singular and plural forms together; empty when every address given is IPv6. */
  private static Optional<List<SecurityRuleAddress>> ruleAddresses(Node p, String one, String many) {
    List<Node> given = new ArrayList<>();
    p.opt(one).filter(n -> n.isUnknown() || !n.text().isEmpty()).ifPresent(given::add);
    given.addAll(p.list(many));
    List<SecurityRuleAddress> out = new ArrayList<>();
    for (Node n : given) {
      String t = n.text();
      if (t.indexOf(':') >= 0) {
        continue;
      }
      out.add(n.parse(() -> SecurityRuleAddress.parse(t)));
    }
    return out.isEmpty() && !given.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static List<ResourceId> groupsOf(Node p, String member) {
    List<ResourceId> out = new ArrayList<>();
    for (Node g : p.list(member)) {
      out.add(g.req("id").resourceId(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE));
    }
    return out;
  }

  private static List<PortRange> ports(Node p, String one, String many) {
    List<PortRange> out = new ArrayList<>();
    List<Node> given = new ArrayList<>();
    p.opt(one).filter(n -> n.isUnknown() || !n.isText() || !n.text().isEmpty()).ifPresent(given::add);
    given.addAll(p.list(many));
    for (Node n : given) {
      String t = n.known().isText() ? n.text() : Long.toString(n.integer(0, PortRange.MAX_PORT));
      out.add(n.parse(() -> PortRange.parse(t)));
    }
    return out;
  }

  // ------------------------------------------------------------------ route tables

  private void routeTables() {
    LinkedHashMap<ResourceId, Optional<Object>> routes = r.convert(Kind.ROUTE, this::route, r::unknownResource);
    LinkedHashMap<ResourceId, Raw> tables = r.convert(Kind.ROUTE_TABLE, raw -> raw, r::unknownResource);
    List<ResourceId> owners = new ArrayList<>(tables.keySet());
    for (Raw route : r.unique(Kind.ROUTE)) {
      if (!tables.containsKey(route.parent()) && !owners.contains(route.parent())) {
        owners.add(route.parent());
        r.note(route.node().path() + ": route table " + route.parent().name()
            + " is not in the input; it is read with the routes the input shows, which may not be all of them");
      }
    }
    for (ResourceId id : owners) {
      Raw table = tables.get(id);
      if (table != null && !table.hasProperties()) {
        r.note(table.node().path() + ": route table " + id.name() + " has no properties in the input; its routes are not known");
        r.incomplete(Inventory.ROUTES, id);
      }
      RouteTable.Builder b = RouteTable.builder().id(id);
      for (Optional<Object> o : r.childrenOf(routes, id)) {
        o.ifPresent(x -> {
          if (x instanceof Route) {
            b.addRoutes((Route) x);
          } else {
            b.addServiceTagRoutes((ServiceTagRoute) x);
          }
        });
      }
      Node at = table != null ? table.node() : r.arm;
      r.guard(() -> r.routeTables.put(id, at.parse(b::build)));
    }
  }

  private Optional<Object> route(Raw raw) {
    Node p = raw.props();
    Node prefix = p.req("addressPrefix");
    String text = prefix.nonBlank();
    NextHopType hop = p.req("nextHopType").choice(NextHopType.class, ArmNames::nextHop);
    Optional<Ipv4Address> appliance = p.opt("nextHopIpAddress").filter(n -> n.isUnknown() || !n.text().isEmpty()).map(Node::address);
    if (text.indexOf(':') >= 0) {
      r.note(prefix.path() + ": an IPv6 route; pgreach models IPv4 only");
      return Optional.empty();
    }
    char c = text.charAt(0);
    if (Character.isDigit(c)) {
      Ipv4Prefix parsed = prefix.parse(() -> Ipv4Prefix.parse(text));
      return Optional.of(raw.node().parse(() -> Route.builder().name(raw.id().name()).addressPrefix(parsed).nextHopType(hop).nextHopIpAddress(appliance).build()));
    }
    return Optional.of(raw.node().parse(() -> ServiceTagRoute.builder().name(raw.id().name()).serviceTag(text).nextHopType(hop).nextHopIpAddress(appliance).build()));
  }

  // ------------------------------------------------------------------ virtual networks

  private void virtualNetworks() {
    LinkedHashMap<ResourceId, Subnet> subnetValues = r.convert(Kind.SUBNET, this::subnet, this::unknownSubnet);
    LinkedHashMap<ResourceId, VirtualNetworkPeering> peerings = r.convert(Kind.PEERING, this::peering, r::unknownResource, NetworkResources::samePeering);
    LinkedHashMap<ResourceId, Raw> vnets = r.convert(Kind.VIRTUAL_NETWORK, raw -> raw, r::unknownResource);
    for (Raw raw : r.unique(Kind.VIRTUAL_NETWORK)) {
      if (!vnets.containsKey(raw.id())) {
        continue;
      }
      if (!raw.hasProperties()) {
        r.note(raw.node().path() + ": virtual network " + raw.id().name() + " has no properties in the input; it is read as outside the input");
        r.outside(raw.id(), "listed without its properties, " + raw.node().path());
        continue;
      }
      try {
        Node p = raw.props();
        VirtualNetwork.Builder b = VirtualNetwork.builder().id(raw.id()).region(region(raw.node()));
        Optional<Node> space = p.opt("addressSpace");
        if (space.isEmpty() || space.get().opt("addressPrefixes").isEmpty()) {
          throw p.child("addressSpace").error(ErrorCode.INVALID_INPUT, "is required: virtual network %s has no addressSpace.addressPrefixes", raw.id().name());
        }
        b.addAllAddressSpace(prefixes(space.get().list("addressPrefixes")));
        for (Node d : p.opt("dhcpOptions").map(o -> o.list("dnsServers")).orElse(List.of())) {
          b.addDnsServers(d.address());
        }
        b.addAllSubnets(r.childrenOf(subnetValues, raw.id()));
        b.addAllVirtualNetworkPeerings(r.childrenOf(peerings, raw.id()));
        VirtualNetwork v = raw.node().parse(b::build);
        r.virtualNetworks.put(v.id(), v);
        v.subnets().forEach(s -> r.subnets.put(s.id(), s));
      } catch (Node.UnknownValue e) {
        r.note(e.sentence() + "; virtual network " + raw.id().name() + " is read as outside the input");
        r.outside(raw.id(), "its " + e.node().path() + " is known only at deployment");
      } catch (dev.pgreach.core.PgreachException e) {
        r.problem(e);
        r.failed(raw.id());
      }
    }
    for (Map.Entry<ResourceId, Subnet> orphan : subnetValues.entrySet()) {
      ResourceId vnet = orphan.getKey().parent().orElseThrow();
      if (!r.virtualNetworks.containsKey(vnet)) {
        r.outside(orphan.getKey(), "a subnet of virtual network " + vnet.name() + ", which is not in the input");
        r.outside(vnet, "the virtual network of subnet " + orphan.getKey().name());
        r.note("subnet " + orphan.getKey().name() + " is in virtual network " + vnet.name()
            + ", which is not in the input: it is read as a reference only (routing needs its network)");
      }
    }
    for (ResourceId peering : peerings.keySet()) {
      ResourceId vnet = peering.parent().orElseThrow();
      if (!r.virtualNetworks.containsKey(vnet)) {
        r.outside(vnet, "the virtual network of peering " + peering.name());
        r.note("peering " + peering.name() + " is of virtual network " + vnet.name() + ", which is not in the input: it is read as a reference only");
      }
    }
  }

  /** A subnet whose content cannot be known is outside the input; its network's subnets are not known in full. */
  private void unknownSubnet(Raw raw, Node.UnknownValue e) {
    r.unknownResource(raw, e);
  }

  private Subnet subnet(Raw raw) {
    if (!raw.hasProperties()) {
      r.note(raw.node().path() + ": subnet " + raw.id().name() + " has no properties in the input; it is read as outside the input");
      r.outside(raw.id(), "listed without its properties, " + raw.node().path());
      r.incomplete(Inventory.SUBNETS, raw.parent());
      return null;
    }
    Node p = raw.props();
    List<Node> given = new ArrayList<>();
    p.opt("addressPrefix").ifPresent(given::add);
    given.addAll(p.list("addressPrefixes"));
    List<Ipv4Prefix> v4 = prefixes(given);
    if (v4.isEmpty()) {
      throw p.child("addressPrefix").error(ErrorCode.INVALID_INPUT, "is required: subnet %s has no IPv4 prefix", raw.id().name());
    }
    if (v4.stream().distinct().count() > 1) {
      throw p.child("addressPrefixes").error(ErrorCode.INVALID_INPUT, "holds %s; pgreach models one IPv4 prefix per subnet", v4);
    }
    Subnet.Builder b = Subnet.builder().id(raw.id()).addressPrefix(v4.get(0));
    List<Node> delegations = p.list("delegations");
    if (delegations.size() > 1) {
      throw p.child("delegations").error(ErrorCode.INVALID_INPUT, "holds %d delegations; a subnet is delegated to one service", delegations.size());
    }
    for (Node d : delegations) {
      Node service = d.opt("properties").map(x -> x.req("serviceName")).orElseGet(() -> d.req("serviceName"));
      b.delegation(service.nonBlank());
    }
    p.opt("networkSecurityGroup").ifPresent(n -> b.networkSecurityGroup(r.reference(n.req("id"), NetworkSecurityGroup.RESOURCE_TYPE, r.groups, "the network security group of subnet " + raw.id().name())));
    p.opt("routeTable").ifPresent(n -> b.routeTable(r.reference(n.req("id"), RouteTable.RESOURCE_TYPE, r.routeTables, "the route table of subnet " + raw.id().name())));
    p.opt("privateEndpointNetworkPolicies").ifPresent(n -> b.privateEndpointNetworkPolicies(n.choice(PrivateEndpointNetworkPolicies.class, ArmNames::policy)));
    return raw.node().parse(b::build);
  }

  private VirtualNetworkPeering peering(Raw raw) {
    Node p = raw.props();
    ResourceId remote = p.req("remoteVirtualNetwork").req("id").resourceId(VirtualNetwork.RESOURCE_TYPE);
    VirtualNetworkPeering.Builder b = VirtualNetworkPeering.builder().id(raw.id()).remoteVirtualNetwork(remote);
    p.optBool("allowVirtualNetworkAccess").ifPresent(b::allowVirtualNetworkAccess);
    p.optBool("allowForwardedTraffic").ifPresent(b::allowForwardedTraffic);
    p.optBool("allowGatewayTransit").ifPresent(b::allowGatewayTransit);
    p.optBool("useRemoteGateways").ifPresent(b::useRemoteGateways);
    p.opt("peeringState").filter(n -> !n.isUnknown()).flatMap(n -> dev.pgreach.core.PeeringState.fromArmName(n.text())).ifPresent(b::peeringState);
    Optional<Node> remoteSpace = p.opt("remoteAddressSpace").or(() -> p.opt("remoteVirtualNetworkAddressSpace"));
    remoteSpace.ifPresent(a -> b.addAllRemoteAddressSpace(prefixes(a.list("addressPrefixes"))));
    return raw.node().parse(b::build);
  }

  /**
   * Two listings of one peering agree when they are equal but for what one of them records and the
   * other leaves out — the remote address space, the peering state (a VNet's nested peerings often
   * omit them); the merged peering keeps what either records. Null when they disagree.
   */
  private static VirtualNetworkPeering samePeering(VirtualNetworkPeering a, VirtualNetworkPeering b) {
    if (a.equals(b)) {
      return a;
    }
    boolean sameFlags =
        a.remoteVirtualNetwork().equals(b.remoteVirtualNetwork())
            && a.allowVirtualNetworkAccess() == b.allowVirtualNetworkAccess()
            && a.allowForwardedTraffic() == b.allowForwardedTraffic()
            && a.allowGatewayTransit() == b.allowGatewayTransit()
            && a.useRemoteGateways() == b.useRemoteGateways();
    boolean spaces = a.remoteAddressSpace().isEmpty() || b.remoteAddressSpace().isEmpty() || a.remoteAddressSpace().equals(b.remoteAddressSpace());
    boolean states = a.peeringState().isEmpty() || b.peeringState().isEmpty() || a.peeringState().equals(b.peeringState());
    if (!sameFlags || !spaces || !states) {
      return null;
    }
    VirtualNetworkPeering.Builder m =
        VirtualNetworkPeering.builder()
            .id(a.id())
            .remoteVirtualNetwork(a.remoteVirtualNetwork())
            .allowVirtualNetworkAccess(a.allowVirtualNetworkAccess())
            .allowForwardedTraffic(a.allowForwardedTraffic())
            .allowGatewayTransit(a.allowGatewayTransit())
            .useRemoteGateways(a.useRemoteGateways())
            .addAllRemoteAddressSpace(a.remoteAddressSpace().isEmpty() ? b.remoteAddressSpace() : a.remoteAddressSpace());
    a.peeringState().or(b::peeringState).ifPresent(m::peeringState);
    return m.build();
  }

  /** IPv4 prefixes; IPv6 prefixes are noted and left out. */
  List<Ipv4Prefix> prefixes(List<Node> given) {
    List<Ipv4Prefix> out = new ArrayList<>();
    for (Node n : given) {
      String t = n.text();
      if (t.indexOf(':') >= 0) {
        r.note(n.path() + ": an IPv6 prefix; pgreach models IPv4 only");
        continue;
      }
      out.add(n.parse(() -> Ipv4Prefix.parse(t)));
    }
    return out;
  }

  static Region region(Node resource) {
    Node location = resource.req("location");
    String t = location.nonBlank();
    return location.parse(() -> Region.parse(t));
  }

  // ------------------------------------------------------------------ on-premises networks

  private void onPremisesNetworks() {
    LinkedHashMap<ResourceId, Raw> gatewaysRead = r.convert(Kind.LOCAL_GATEWAY, raw -> raw, r::unknownResource);
    Map<ResourceId, Node> entries = new LinkedHashMap<>();
    for (Node e : r.companion.list("onPremisesNetworks")) {
      r.guard(() -> {
        e.requireObject().only("id", "name", "addressPrefixes", "dnsServers", "expressRouteCircuit");
        ResourceId id = ArmReader.target(e, OnPremisesNetwork.RESOURCE_TYPE, gatewaysRead.keySet(), "local network gateway", true);
        if (entries.put(id, e) != null) {
          throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
        }
      });
    }
    for (Raw raw : r.unique(Kind.LOCAL_GATEWAY)) {
      if (!gatewaysRead.containsKey(raw.id())) {
        continue;
      }
      Optional<Node> entry = Optional.ofNullable(entries.remove(raw.id()));
      if (!raw.hasProperties() && entry.isEmpty()) {
        r.note(raw.node().path() + ": local network gateway " + raw.id().name() + " has no properties in the input; its prefixes are not known");
        r.outside(raw.id(), "listed without its properties, " + raw.node().path());
        continue;
      }
      r.guard(() -> {
        try {
          List<Node> prefixes = raw.props().opt("localNetworkAddressSpace").map(a -> a.list("addressPrefixes")).orElse(List.of());
          r.onPremises.put(raw.id(), onPremisesNetwork(raw.id(), raw.node(), prefixes, entry));
        } catch (Node.UnknownValue e) {
          r.note(e.sentence() + "; on-premises network " + raw.id().name() + " is read as outside the input");
          r.outside(raw.id(), "its " + e.node().path() + " is known only at deployment");
        }
      });
    }
    for (Map.Entry<ResourceId, Node> e : entries.entrySet()) {
      r.guard(() -> r.onPremises.put(e.getKey(), onPremisesNetwork(e.getKey(), e.getValue(), List.of(), Optional.of(e.getValue()))));
    }
  }

  private OnPremisesNetwork onPremisesNetwork(ResourceId id, Node at, List<Node> armPrefixes, Optional<Node> entry) {
    OnPremisesNetwork.Builder b = OnPremisesNetwork.builder().id(id).addAllAddressPrefixes(prefixes(armPrefixes));
    if (entry.isPresent()) {
      Node e = entry.get();
      b.addAllAddressPrefixes(prefixes(e.list("addressPrefixes")));
      for (Node d : e.list("dnsServers")) {
        b.addDnsServers(d.address());
      }
      e.opt("expressRouteCircuit").ifPresent(c -> r.circuits.put(c.resourceId("Microsoft.Network/expressRouteCircuits"), id));
    }
    return at.parse(b::build);
  }

  // ------------------------------------------------------------------ gateways and connections

  private void gateways() {
    for (Raw raw : r.convert(Kind.GATEWAY, g -> g, r::unknownResource).values()) {
      if (!raw.hasProperties()) {
        r.note(raw.node().path() + ": virtual network gateway " + raw.id().name() + " has no properties in the input; it is read as outside the input");
        r.outside(raw.id(), "listed without its properties, " + raw.node().path());
        continue;
      }
      r.guard(() -> {
        try {
          gateway(raw);
        } catch (Node.UnknownValue e) {
          r.note(e.sentence() + "; gateway " + raw.id().name() + " is read as outside the input");
          r.outside(raw.id(), "its " + e.node().path() + " is known only at deployment");
        }
      });
    }
  }

  private void gateway(Raw raw) {
    Node p = raw.props();
    List<ResourceId> vnets = new ArrayList<>();
    for (Node ipc : p.list("ipConfigurations")) {
      Node subnetId = ipc.objectOrEmpty("properties").req("subnet").req("id");
      ResourceId subnet = subnetId.resourceId(Subnet.RESOURCE_TYPE);
      ResourceId vnet = subnet.parent().orElseThrow();
      if (!vnets.contains(vnet)) {
        vnets.add(vnet);
      }
    }
    if (vnets.size() != 1) {
      throw p.child("ipConfigurations").error(
          ErrorCode.INVALID_INPUT, "must place gateway %s in the GatewaySubnet of one virtual network, not %d", raw.id().name(), vnets.size());
    }
    if (!r.virtualNetworks.containsKey(vnets.get(0))) {
      r.note(p.child("ipConfigurations").path() + ": gateway " + raw.id().name() + " is in virtual network " + vnets.get(0).name()
          + ", which is not in the input; the gateway is read as outside the input");
      r.outside(raw.id(), "a gateway of virtual network " + vnets.get(0).name() + ", which is not in the input");
      r.outside(vnets.get(0), "the virtual network of gateway " + raw.id().name());
      return;
    }
    VirtualNetworkGateway.Builder b = VirtualNetworkGateway.builder().id(raw.id()).virtualNetwork(vnets.get(0));
    p.opt("gatewayType").ifPresent(t -> b.gatewayType(t.choice(VirtualNetworkGateway.GatewayType.class, ArmNames::gatewayType)));
    r.gateways.put(raw.id(), raw.node().parse(b::build));
  }

  private void connections() {
    r.convert(Kind.CONNECTION, this::connection, (raw, e) -> {
      r.unknownResource(raw, e);
      raw.props().opt("virtualNetworkGateway1").flatMap(g -> g.opt("id")).filter(n -> !n.isUnknown()).ifPresent(n -> r.incomplete(Inventory.CONNECTIONS, n.resourceId()));
    }).values().forEach(c -> c.ifPresent(r.connections::add));
  }

  private Optional<GatewayConnection> connection(Raw raw) {
    Node p = raw.props();
    Node typeNode = p.req("connectionType");
    if (typeNode.text().equalsIgnoreCase("VPNClient")) {
      r.note(typeNode.path() + ": point-to-site connection " + raw.id().name() + " is not modelled");
      return Optional.empty();
    }
    GatewayConnection.ConnectionType type = typeNode.choice(GatewayConnection.ConnectionType.class, ArmNames::connectionType);
    GatewayConnection.Builder b =
        GatewayConnection.builder()
            .id(raw.id())
            .connectionType(type)
            .virtualNetworkGateway(r.reference(p.req("virtualNetworkGateway1").req("id"), VirtualNetworkGateway.RESOURCE_TYPE, r.gateways, "the gateway of connection " + raw.id().name()));
    switch (type) {
      case VNET_TO_VNET:
        b.remote(r.reference(p.req("virtualNetworkGateway2").req("id"), VirtualNetworkGateway.RESOURCE_TYPE, r.gateways, "the remote gateway of connection " + raw.id().name()));
        break;
      case IPSEC:
        b.remote(r.reference(p.req("localNetworkGateway2").req("id"), OnPremisesNetwork.RESOURCE_TYPE, r.onPremises, "the local network gateway of connection " + raw.id().name()));
        break;
      default:
        if (p.has("localNetworkGateway2")) {
          b.remote(r.reference(p.req("localNetworkGateway2").req("id"), OnPremisesNetwork.RESOURCE_TYPE, r.onPremises, "the local network gateway of connection " + raw.id().name()));
        } else {
          Node peer = p.req("peer").req("id");
          ResourceId circuit = peer.resourceId("Microsoft.Network/expressRouteCircuits");
          ResourceId remote = r.circuits.get(circuit);
          if (remote == null) {
            r.note(peer.path() + ": ExpressRoute circuit " + circuit.name()
                + " has no on-premises network in the companion document (onPremisesNetworks[].expressRouteCircuit); connection "
                + raw.id().name() + " was left out");
            ResourceId gateway = p.req("virtualNetworkGateway1").req("id").resourceId(VirtualNetworkGateway.RESOURCE_TYPE);
            r.incomplete(Inventory.CONNECTIONS, gateway); // a connection exists whose far side is not known
            return Optional.empty();
          }
          b.remote(remote);
        }
        break;
    }
    return Optional.of(raw.node().parse(b::build));
  }

  // ------------------------------------------------------------------ network interfaces

  private void networkInterfaces() {
    for (Raw raw : r.unique(Kind.NETWORK_INTERFACE)) {
      r.guard(() -> {
        try {
          networkInterface(raw);
        } catch (Node.UnknownValue e) {
          r.note(e.sentence() + "; network interface " + raw.id().name() + " is read as outside the input");
          r.outside(raw.id(), "its " + e.node().path() + " is known only at deployment");
          primaryConfiguration(raw.props())
              .flatMap(c -> c.objectOrEmpty("properties").opt("subnet"))
              .flatMap(s -> s.opt("id"))
              .filter(n -> !n.isUnknown())
              .ifPresent(n -> r.incomplete(Inventory.NETWORK_INTERFACES, n.resourceId()));
        }
      });
    }
  }

  private void networkInterface(Raw raw) {
    if (!raw.hasProperties()) {
      r.note(raw.node().path() + ": network interface " + raw.id().name() + " has no properties in the input; it is read as outside the input");
      r.outside(raw.id(), "listed without its properties, " + raw.node().path());
      return;
    }
    Node p = raw.props();
    Optional<Node> endpoint = p.opt("privateEndpoint");
    Optional<Node> config = primaryConfiguration(p);
    if (endpoint.isPresent()) {
      ResourceId pe = endpoint.get().req("id").resourceId(PrivateEndpoint.RESOURCE_TYPE);
      config.flatMap(c -> c.objectOrEmpty("properties").opt("privateIPAddress")).ifPresent(a -> r.endpointInterfaceAddresses.put(pe, a.address()));
      return;
    }
    if (config.isEmpty()) {
      throw p.child("ipConfigurations").error(ErrorCode.INVALID_INPUT, "is required: network interface %s has no IPv4 ip configuration", raw.id().name());
    }
    p.opt("dnsSettings").flatMap(d -> d.requireObject().opt("dnsServers")).ifPresent(d -> interfaceDnsServers(raw, d));
    Node c = config.get().objectOrEmpty("properties");
    NetworkInterface.Builder b =
        NetworkInterface.builder()
            .id(raw.id())
            .subnet(r.reference(c.req("subnet").req("id"), Subnet.RESOURCE_TYPE, r.subnets, "the subnet of network interface " + raw.id().name()))
            .privateAddress(c.req("privateIPAddress").address());
    c.opt("publicIPAddress").ifPresent(pip -> {
      Node idNode = pip.req("id");
      ResourceId id = idNode.resourceId(Kind.PUBLIC_IP_ADDRESS.type);
      Optional<Ipv4Address> address = r.publicAddresses.getOrDefault(id, Optional.empty());
      if (address.isEmpty()) {
        r.note(idNode.path() + ": public IP address " + id.name() + " is not in the input or has no address; network interface "
            + raw.id().name() + " is read without a public address");
      }
      address.ifPresent(b::publicAddress);
    });
    p.opt("networkSecurityGroup").ifPresent(n -> b.networkSecurityGroup(r.reference(n.req("id"), NetworkSecurityGroup.RESOURCE_TYPE, r.groups, "the network security group of network interface " + raw.id().name())));
    p.optBool("enableIPForwarding").ifPresent(b::enableIpForwarding);
    NetworkInterface nic = raw.node().parse(b::build);
    NetworkInterface previous = r.interfaces.putIfAbsent(nic.id(), nic);
    if (previous != null && !previous.equals(nic)) {
      throw raw.node().error(ErrorCode.DUPLICATE_RESOURCE, "lists %s a second time, with other properties", nic.id());
    }
  }

  /**
   * Notes an interface's own DNS servers, which pgreach does not model: its host is taken to use
   * its virtual network's.
   */
  private void interfaceDnsServers(Raw raw, Node dnsServers) {
    List<Node> given = dnsServers.elements();
    if (given.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>();
    given.forEach(n -> shown.add(n.isText() ? n.text() : Json.show(n.json())));
    r.note(dnsServers.path() + ": network interface " + raw.id().name() + " sets its own DNS servers (" + String.join(", ", shown)
        + "), which pgreach does not model; its host is taken to use the DNS servers of its virtual network");
  }

  /** The primary IPv4 ip configuration, else the first IPv4 one. */
  private static Optional<Node> primaryConfiguration(Node p) {
    List<Node> v4 = new ArrayList<>();
    for (Node c : p.list("ipConfigurations")) {
      Node cp = c.objectOrEmpty("properties");
      if (cp.optText("privateIPAddressVersion").map(v -> v.equalsIgnoreCase("IPv6")).orElse(false)) {
        continue;
      }
      v4.add(c);
    }
    return v4.stream().filter(c -> c.objectOrEmpty("properties").optBool("primary").orElse(false)).findFirst().or(() -> v4.stream().findFirst());
  }
}
