package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.common.collect.SetMultimap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routing through a {@link Network}: which route a subnet uses for a destination, and where a
 * packet from a client ends up, hop by hop.
 *
 * <p>What is modelled, following Azure's documented routing:
 *
 * <ul>
 *   <li><b>Effective routes</b> of a subnet: the virtual network's own prefixes (VnetLocal), the
 *       prefixes of connected peers (VNetPeering; a peering connects only when both links exist),
 *       /32 routes for private endpoints in reach, prefixes learned from a virtual network gateway
 *       (the gateway's on-premises and VNet-to-VNet connections, in the gateway's network and in
 *       spokes that use it through gateway transit), the defaults (0.0.0.0/0 to Internet;
 *       10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and 100.64.0.0/10 to None), and the user routes
 *       of the subnet's route table.
 *   <li><b>Selection</b>: the longest matching prefix; on equal length a user route, then the
 *       network's own, peering, private-endpoint, gateway and default routes, in that order. Routes
 *       for the network's own and peered space are preferred over gateway-learned routes even
 *       when those are more specific. A private endpoint's /32 route is overridden by a user route
 *       only when the endpoint's subnet enables route-table network policies and the user
 *       route's prefix is at least as long as the endpoint network's prefix that holds it.
 *   <li><b>Forwarding</b>: a VirtualAppliance next hop is followed to the network interface that
 *       holds the address, which must have IP forwarding on; the walk continues with the
 *       appliance subnet's routes. Traffic an appliance forwarded crosses a peering only when
 *       the receiving side's link allows forwarded traffic. Loops are detected.
 *   <li><b>From on-premises</b>: through each gateway connection to the gateway's network, and on
 *       to spokes whose peering uses the hub's gateway (hub link {@code allowGatewayTransit},
 *       spoke link {@code useRemoteGateways}).
 *   <li><b>Profile</b>: under a profile without global peering for VNet-integrated servers, a
 *       packet crossing a peering between regions into a subnet delegated to flexible servers is
 *       dropped.
 * </ul>
 *
 * <p><b>An open world.</b> When the network's {@link Network#coverage() coverage} is open, routing
 * that depends on what the input does not hold is undecided, never guessed: a route table outside
 * the input or whose routes are not observed makes every destination from its subnets undecided;
 * peerings, gateway connections or a gateway the input may not show make destinations outside the
 * network's own space undecided; a peer whose reverse link may exist makes its space undecided;
 * an appliance address in a subnet whose interfaces are not observed is undecided. The path then
 * ends with a {@link RouteStep.Undecided} step and an {@link Disposition#INDETERMINATE} verdict.
 *
 * <p>What is not: BGP route propagation settings, user routes on the GatewaySubnet, service
 * endpoints, forced tunnelling through the gateway's default site, and NAT other than the public
 * source address of internet-bound traffic. Network security groups are not routing: callers
 * evaluate them at each {@link Hop}.
 *
 * <pre>{@code
 * Reachability routing = Reachability.of(network, ServiceProfile.current());
 * Path path = routing.route(client.location(), Ipv4Address.parse("10.2.1.4"));
 * path.verdict().disposition();   // ALLOWED, BLOCKED or INDETERMINATE, with the steps
 * }</pre>
 *
 * <p>A {@code Reachability} compiles every subnet's effective routes once, when it is created; it
 * is immutable and safe to share between threads.
 */
public final class Reachability {
  /** The most hops a packet may take before the walk is reported as a routing loop. */
  public static final int MAX_HOPS = 32;

  private static final ImmutableList<Ipv4Prefix> NONE_PREFIXES =
      ImmutableList.of(
          Ipv4Prefix.parse("10.0.0.0/8"),
          Ipv4Prefix.parse("172.16.0.0/12"),
          Ipv4Prefix.parse("192.168.0.0/16"),
          Ipv4Prefix.parse("100.64.0.0/10"));

  /** The Azure host's virtual IP (DNS, DHCP, health probes), part of the VirtualNetwork service tag. */
  private static final Ipv4Address AZURE_HOST_ADDRESS = Ipv4Address.parse("168.63.129.16");

  private final Network network;
  private final ServiceProfile profile;
  private final ImmutableSetMultimap<ResourceId, Ipv4Address> privateEndpointAddresses;
  private final ImmutableMap<ResourceId, RouteLookup> lookups;
  private final ImmutableMap<ResourceId, Map<Ipv4Address, NetworkInterface>> interfacesByNetwork;
  private final RoutingGaps gaps;
  /** Peers, links, subnets' networks and address owners, compiled once. */
  private final NetworkIndex index;
  /** Walks packets over the compiled routes. */
  private final RouteWalk walk;

  private Reachability(
      Network network, ServiceProfile profile, ImmutableSetMultimap<ResourceId, Ipv4Address> endpoints) {
    this.network = network;
    this.profile = profile;
    this.privateEndpointAddresses = endpoints;
    this.index = new NetworkIndex(network);
    Map<ResourceId, Map<Ipv4Address, NetworkInterface>> nics = new HashMap<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      if (network.subnet(n.subnet()).isEmpty()) {
        continue; // an interface in a subnet outside the input: where it is is not known
      }
      ResourceId vnet = network.virtualNetworkOf(n.subnet()).id();
      nics.computeIfAbsent(vnet, k -> new HashMap<>()).putIfAbsent(n.privateAddress(), n);
    }
    this.interfacesByNetwork = ImmutableMap.copyOf(nics);
    ImmutableMap.Builder<ResourceId, RouteLookup> b = ImmutableMap.builder();
    for (VirtualNetwork v : network.virtualNetworks()) {
      ImmutableList<EffectiveRoute> systemRoutes = systemRoutes(v);
      for (Subnet s : v.subnets()) {
        b.put(s.id(), new RouteLookup(network, userRoutes(s), systemRoutes));
      }
    }
    this.lookups = b.build();
    this.gaps = new RoutingGaps(network);
    this.walk = new RouteWalk(this, network, profile, index, gaps, interfacesByNetwork);
  }

  /**
   * Compiles routing for a network without private endpoints.
   *
   * @param network the network
   * @param profile the service profile
   * @return the compiled routing
   */
  public static Reachability of(Network network, ServiceProfile profile) {
    return new Reachability(network, profile, ImmutableSetMultimap.of());
  }

  /**
   * Compiles routing for a network with private endpoints, whose /32 routes Azure adds to every
   * subnet of the endpoint's network and of its connected peers.
   *
   * @param network the network
   * @param profile the service profile
   * @param privateEndpointAddresses the private endpoints' addresses, keyed by their subnet's id
   * @return the compiled routing
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when an endpoint's subnet is not
   *     in the network
   */
  public static Reachability of(
      Network network, ServiceProfile profile, SetMultimap<ResourceId, Ipv4Address> privateEndpointAddresses) {
    for (ResourceId subnet : privateEndpointAddresses.keySet()) {
      network.virtualNetworkOf(subnet);
    }
    return new Reachability(network, profile, ImmutableSetMultimap.copyOf(privateEndpointAddresses));
  }

  /**
   * Returns the network routed over.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * Returns the service profile.
   *
   * @return the profile
   */
  public ServiceProfile profile() {
    return profile;
  }

  /**
   * Returns a subnet's effective routes, as Azure's effective-routes view would list them: most
   * specific first, then in order of preference.
   *
   * @param subnet the subnet's id
   * @return the routes
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the network
   */
  public ImmutableList<EffectiveRoute> effectiveRoutes(ResourceId subnet) {
    return lookup(subnet).all();
  }

  /**
   * Returns the route a subnet uses for a destination.
   *
   * @param subnet the subnet's id
   * @param destination the destination address
   * @return the selected route (there always is one: 0.0.0.0/0 matches everything)
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the network
   */
  public EffectiveRoute selectRoute(ResourceId subnet, Ipv4Address destination) {
    return lookup(subnet).select(destination);
  }

  /**
   * Returns the addresses the {@code VirtualNetwork} service tag stands for in a network's security
   * rules: the network's own space, the space of each connected peer whose link from this network
   * allows virtual network access, and the prefixes learned from a gateway (on-premises and
   * VNet-to-VNet, directly or through gateway transit).
   *
   * @param virtualNetwork the network whose security rules use the tag
   * @return the addresses
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the network is not in the model
   */
  public AddressSet virtualNetworkServiceTag(ResourceId virtualNetwork) {
    VirtualNetwork v =
        network
            .virtualNetwork(virtualNetwork)
            .orElseThrow(
                () -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "VirtualNetwork (%s) is not in the network", virtualNetwork));
    AddressSet.Builder b = AddressSet.builder().add(v.addresses());
    for (VirtualNetwork w : connectedPeers(v)) {
      if (index.peeringTo(v, w.id()).map(VirtualNetworkPeering::allowVirtualNetworkAccess).orElse(false)) {
        b.add(w.addresses());
      }
    }
    ownGatewayRoutes(v).forEach(g -> b.add(g.prefix));
    if (network.gatewaysIn(v.id()).isEmpty()) {
      transitHub(v)
          .filter(hub -> index.peeringTo(v, hub.id()).map(VirtualNetworkPeering::allowVirtualNetworkAccess).orElse(false))
          .ifPresent(hub -> ownGatewayRoutes(hub).forEach(g -> b.add(g.prefix)));
    }
    return b.build();
  }

  /**
   * Tells whether the input shows every address the {@code VirtualNetwork} service tag of a network
   * stands for: no peering, peer or gateway connection the tag depends on is missing from it. When
   * it does not, {@link #virtualNetworkServiceTag(ResourceId)} gives only the addresses known to be
   * in the tag.
   *
   * @param virtualNetwork the network whose security rules use the tag
   * @return whether the tag is known in full; always true for a closed coverage
   */
  public boolean virtualNetworkServiceTagComplete(ResourceId virtualNetwork) {
    return gaps.tagComplete(virtualNetwork);
  }

  /**
   * Returns the addresses the {@code VirtualNetwork} service tag stands for in the security rules
   * applied to one subnet (or to a network interface in it). Azure's definition adds, to the
   * network's tag ({@link #virtualNetworkServiceTag(ResourceId)}), the host's virtual IP {@code
   * 168.63.129.16} and the prefixes of the user-defined routes of the subnet's route table — a
   * default route among them makes the tag cover every address.
   *
   * @param subnet the subnet whose (or whose interfaces') security rules use the tag
   * @return the addresses
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the model
   */
  public AddressSet virtualNetworkServiceTagOfSubnet(ResourceId subnet) {
    VirtualNetwork v = networkOf(subnet);
    AddressSet.Builder b = AddressSet.builder().add(virtualNetworkServiceTag(v.id())).add(AZURE_HOST_ADDRESS);
    lookup(subnet).all().stream().filter(r -> r.source() == RouteSource.USER).forEach(r -> b.add(r.addressPrefix()));
    return b.build();
  }

  /**
   * Routes a packet from a client's location to a destination address.
   *
   * @param from where the packet starts
   * @param destination where it is going
   * @return the path, with a verdict, hops and arrival
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the location names a subnet,
   *     network interface or on-premises network that is not in the model; {@link
   *     ErrorCode#INVALID_VALUE} when the client's address is outside its subnet or network
   */
  public Path route(ClientLocation from, Ipv4Address destination) {
    Checks.notNull(from, "Reachability.route.from");
    Checks.notNull(destination, "Reachability.route.destination");
    if (from instanceof ClientLocation.InVirtualNetwork) {
      return walk.fromVirtualNetwork((ClientLocation.InVirtualNetwork) from, destination);
    }
    if (from instanceof ClientLocation.OnPremises) {
      return walk.fromOnPremises((ClientLocation.OnPremises) from, destination);
    }
    return walk.fromInternet(from, destination, from instanceof ClientLocation.AzureHosted);
  }

  // ---------------------------------------------------------------- compiling routes

  private ImmutableList<EffectiveRoute> userRoutes(Subnet s) {
    if (s.routeTable().isEmpty()) {
      return ImmutableList.of();
    }
    Optional<RouteTable> found = network.routeTable(s.routeTable().get());
    if (found.isEmpty()) {
      return ImmutableList.of(); // outside the input: routing from the subnet is undecided (RoutingGaps)
    }
    RouteTable table = found.get();
    ImmutableList.Builder<EffectiveRoute> b = ImmutableList.builder();
    for (Route r : table.routes()) {
      b.add(
          new EffectiveRoute(
              r.addressPrefix(), r.nextHopType(), r.nextHopIpAddress(), RouteSource.USER, Optional.of(table.id()), r.name()));
    }
    return b.build();
  }

  private ImmutableList<EffectiveRoute> systemRoutes(VirtualNetwork v) {
    List<EffectiveRoute> routes = new ArrayList<>();
    for (Ipv4Prefix p : v.addressSpace()) {
      routes.add(route(p, NextHopType.VNET_LOCAL, RouteSource.VIRTUAL_NETWORK, v.id(), "VnetLocal"));
    }
    List<VirtualNetwork> peers = connectedPeers(v);
    for (VirtualNetwork w : peers) {
      for (Ipv4Prefix p : w.addressSpace()) {
        routes.add(route(p, NextHopType.VNET_PEERING, RouteSource.PEERING, w.id(), "VNetPeering"));
      }
    }
    addEndpointRoutes(routes, v, NextHopType.VNET_LOCAL);
    for (VirtualNetwork w : peers) {
      addEndpointRoutes(routes, w, NextHopType.VNET_PEERING);
    }
    for (GatewayRoute g : gatewayRoutes(v)) {
      routes.add(route(g.prefix, NextHopType.VIRTUAL_NETWORK_GATEWAY, RouteSource.VIRTUAL_NETWORK_GATEWAY, g.gateway, "VirtualNetworkGateway"));
    }
    routes.add(route(Ipv4Prefix.ALL, NextHopType.INTERNET, RouteSource.DEFAULT, null, "Internet"));
    for (Ipv4Prefix p : NONE_PREFIXES) {
      routes.add(route(p, NextHopType.NONE, RouteSource.DEFAULT, null, "None"));
    }
    return ImmutableList.copyOf(routes);
  }

  private void addEndpointRoutes(List<EffectiveRoute> routes, VirtualNetwork owner, NextHopType type) {
    for (Subnet s : owner.subnets()) {
      for (Ipv4Address a : privateEndpointAddresses.get(s.id())) {
        if (!s.addressPrefix().contains(a)) {
          continue; // an endpoint cannot hold an address outside its subnet; validation reports it
        }
        routes.add(
            new EffectiveRoute(
                Ipv4Prefix.host(a),
                type,
                Optional.empty(),
                RouteSource.PRIVATE_ENDPOINT,
                Optional.of(s.id()),
                "InterfaceEndpoint"));
      }
    }
  }

  private static EffectiveRoute route(Ipv4Prefix p, NextHopType type, RouteSource source, ResourceId via, String name) {
    return new EffectiveRoute(p, type, Optional.empty(), source, Optional.ofNullable(via), name);
  }

  /**
   * Why the route chosen from network {@code v} to an address is not known, when a private
   * endpoint the input does not show may hold the address: an endpoint's /32 system route reaches
   * {@code v} and its connected peers and overrides user routes (unless the endpoint's subnet
   * applies route tables and the user route is at least as specific as the endpoint network's
   * prefix), so an unseen endpoint would take the packet straight to it. Nothing is undecided when
   * the subnet holding the address shows all its endpoints, is delegated (a delegated subnet holds
   * none), gives the address to a known interface or endpoint, or when the chosen route already
   * goes where the endpoint's would.
   */
  Optional<RouteStep.Undecided> unseenEndpoint(VirtualNetwork v, EffectiveRoute route, Ipv4Address destination) {
    Coverage coverage = network.coverage();
    if (!coverage.isOpen() || route.source() == RouteSource.PRIVATE_ENDPOINT) {
      return Optional.empty();
    }
    List<VirtualNetwork> reached = new ArrayList<>();
    reached.add(v);
    reached.addAll(connectedPeers(v));
    for (VirtualNetwork w : reached) {
      if (!w.addresses().contains(destination)) {
        continue;
      }
      for (Subnet s : w.subnets()) {
        if (!s.addressPrefix().contains(destination)) {
          continue;
        }
        boolean sameWay =
            w.equals(v)
                ? route.nextHopType() == NextHopType.VNET_LOCAL
                : route.nextHopType() == NextHopType.VNET_PEERING && route.via().map(w.id()::equals).orElse(false);
        if (sameWay
            || s.delegation().isPresent()
            || coverage.isComplete(Inventory.PRIVATE_ENDPOINTS, s.id())
            || privateEndpointAddresses.containsEntry(s.id(), destination)
            || network.networkInterfacesIn(s.id()).stream().anyMatch(n -> n.privateAddress().equals(destination))) {
          return Optional.empty();
        }
        if (s.privateEndpointNetworkPolicies().appliesRouteTable() && route.source() == RouteSource.USER) {
          int vnetLength = w.addressSpace().stream().filter(p -> p.contains(destination)).mapToInt(Ipv4Prefix::length).findFirst().orElse(32);
          if (route.addressPrefix().length() >= vnetLength) {
            return Optional.empty(); // this user route would win over an endpoint's /32 as well
          }
        }
        return Optional.of(
            new RouteStep.Undecided(
                ReasonCode.NOT_OBSERVED,
                s.id().toString(),
                Inventory.PRIVATE_ENDPOINTS.of("subnet " + s.name() + " of " + w.name()) + " are not all in the input: a private endpoint at "
                    + destination + " would be reached by its own /32 system route, not by route " + route.name() + " (" + route.addressPrefix()
                    + " -> " + route.nextHopType() + ")."));
      }
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The peers of {@code v} with links in both directions, in id order. */
  private List<VirtualNetwork> connectedPeers(VirtualNetwork v) {
    return index.connectedPeers(v);
  }

  /** A prefix learned from a gateway, and the gateway that learned it. */
  record GatewayRoute(Ipv4Prefix prefix, ResourceId gateway) {}

  /** Prefixes v learns from its own gateways, or through gateway transit when it has none. */
  private List<GatewayRoute> gatewayRoutes(VirtualNetwork v) {
    List<GatewayRoute> out = new ArrayList<>(ownGatewayRoutes(v));
    if (network.gatewaysIn(v.id()).isEmpty()) {
      transitHub(v).ifPresent(hub -> out.addAll(ownGatewayRoutes(hub)));
    }
    return out;
  }

  List<GatewayRoute> ownGatewayRoutes(VirtualNetwork v) {
    List<GatewayRoute> out = new ArrayList<>();
    for (VirtualNetworkGateway g : network.gatewaysIn(v.id())) {
      for (GatewayConnection c : network.connectionsOf(g.id())) {
        ResourceId other = c.virtualNetworkGateway().equals(g.id()) ? c.remote() : c.virtualNetworkGateway();
        network.onPremisesNetwork(other).ifPresent(o -> o.addressPrefixes().forEach(p -> out.add(new GatewayRoute(p, g.id()))));
        if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET && !bothWays(g.id(), other)) {
          continue;
        }
        network
            .virtualNetworkGateway(other)
            .flatMap(og -> network.virtualNetwork(og.virtualNetwork()))
            .ifPresent(x -> x.addressSpace().forEach(p -> out.add(new GatewayRoute(p, g.id()))));
      }
    }
    return out;
  }

  /**
   * Whether a VNet-to-VNet tunnel between two gateways is up: Azure needs a connection from each
   * gateway to the other (with the same shared key) before it connects.
   */
  boolean bothWays(ResourceId gateway, ResourceId other) {
    boolean there = false;
    boolean back = false;
    for (GatewayConnection c : network.connectionsOf(gateway)) {
      if (c.connectionType() != GatewayConnection.ConnectionType.VNET_TO_VNET) {
        continue;
      }
      there |= c.virtualNetworkGateway().equals(gateway) && c.remote().equals(other);
      back |= c.virtualNetworkGateway().equals(other) && c.remote().equals(gateway);
    }
    return there && back;
  }

  /** The connected hub whose gateway v uses: v's link uses remote gateways, the hub's allows transit. */
  Optional<VirtualNetwork> transitHub(VirtualNetwork v) {
    for (VirtualNetwork hub : connectedPeers(v)) {
      boolean uses = index.peeringTo(v, hub.id()).map(VirtualNetworkPeering::useRemoteGateways).orElse(false);
      boolean allows = index.peeringTo(hub, v.id()).map(VirtualNetworkPeering::allowGatewayTransit).orElse(false);
      if (uses && allows && !network.gatewaysIn(hub.id()).isEmpty()) {
        return Optional.of(hub);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells, without building a path, whether every packet from a subnet to an address is dropped
   * at the first hop by a route with next hop None (Azure's system routes for private space the
   * network does not reach, or a user route): {@link #route} from any host of the subnet then
   * gives a blocked path. False means nothing: the route must be asked.
   *
   * <p>Costs one route selection; for questions over many sources and destinations (exposure of
   * every server) that would otherwise build and explain a path for each pair.
   *
   * @param subnet a subnet in the network
   * @param destination the destination address
   * @return whether the first hop drops every packet
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the
   *     network
   */
  public boolean droppedAtFirstHop(ResourceId subnet, Ipv4Address destination) {
    Subnet s = network.subnet(subnet).orElseThrow(() -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Subnet (%s) is not in the network", subnet));
    VirtualNetwork vnet = networkOf(subnet);
    if (gaps.routeTable(s).isPresent() || (!vnet.addresses().contains(destination) && gaps.outsideSpace(vnet, destination).isPresent())) {
      return false; // undecided, not blocked
    }
    return lookup(subnet).select(destination).nextHopType() == NextHopType.NONE;
  }

  /**
   * Returns the destinations a subnet's first hop does not drop: every address outside it is
   * dropped by a route with next hop None ({@link #droppedAtFirstHop} holds for it). The subnet's
   * routes cut the address space into ranges whose addresses match the same routes, so one route
   * selection per range decides it. Where the input leaves routing undecided (a route table not in
   * the input, an open coverage) it is every address.
   *
   * <p>O(R log R) for the subnet's R effective routes.
   *
   * @param subnet a subnet in the network
   * @return the addresses that may get past the first hop
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the
   *     network
   */
  public AddressSet firstHopForwardable(ResourceId subnet) {
    Subnet s = network.subnet(subnet).orElseThrow(() -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Subnet (%s) is not in the network", subnet));
    if (network.coverage().isOpen() || gaps.routeTable(s).isPresent()) {
      return AddressSet.ALL;
    }
    RouteLookup l = lookup(subnet);
    java.util.TreeSet<Long> cuts = new java.util.TreeSet<>();
    cuts.add(0L);
    for (EffectiveRoute r : l.all()) {
      cuts.add(r.addressPrefix().first().toLong());
      cuts.add(r.addressPrefix().last().toLong() + 1);
    }
    cuts.remove(1L << 32);
    AddressSet.Builder b = AddressSet.builder();
    Long[] points = cuts.toArray(new Long[0]);
    for (int i = 0; i < points.length; i++) {
      long first = points[i];
      long last = i + 1 < points.length ? points[i + 1] - 1 : (1L << 32) - 1;
      if (l.select(Ipv4Address.ofLong(first)).nextHopType() != NextHopType.NONE) {
        b.add(Ipv4Range.of(Ipv4Address.ofLong(first), Ipv4Address.ofLong(last)));
      }
    }
    return b.build();
  }

  /** The virtual network of a subnet in the network, as {@link Network#virtualNetworkOf} gives it. */
  VirtualNetwork networkOf(ResourceId subnet) {
    VirtualNetwork v = index.networkOf(subnet);
    return v != null ? v : network.virtualNetworkOf(subnet);
  }

  RouteLookup lookup(ResourceId subnet) {
    RouteLookup l = lookups.get(subnet);
    if (l == null) {
      throw PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Subnet (%s) is not in the network", subnet);
    }
    return l;
  }


}
