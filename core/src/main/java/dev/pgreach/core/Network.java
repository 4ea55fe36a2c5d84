package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * The network part of an estate: virtual networks with their subnets and peerings, network
 * interfaces, route tables, gateways, gateway connections, on-premises networks and flexible
 * servers, with every reference between them resolved.
 *
 * <p>Building a network checks that ids are unique per kind and that every reference that must
 * point inside the model does: a gateway's virtual network, a connection's two ends, a network
 * interface's subnet, a subnet's route table, a private-access server's delegated subnet. A
 * reference may instead point at a resource the {@link #coverage()} lists as outside the input
 * (an input that refers to a subnet it does not hold); any other dangling reference throws {@link
 * ErrorCode#DANGLING_REFERENCE} naming both ends. A peering to a virtual network outside the model
 * is allowed (it may belong to another tenant) and reported by {@link NetworkValidation} instead,
 * since nothing is known to be reachable through it.
 *
 * <p>Lookups by id are hash lookups on indices built once, lazily and thread-safely.
 */
@Value.Immutable
public abstract class Network {
  Network() {}

  /**
   * Returns the virtual networks.
   *
   * @return the virtual networks in the order given
   */
  public abstract ImmutableList<VirtualNetwork> virtualNetworks();

  /**
   * Returns the network interfaces (virtual machines, appliances).
   *
   * @return the interfaces in the order given
   */
  public abstract ImmutableList<NetworkInterface> networkInterfaces();

  /**
   * Returns the route tables.
   *
   * @return the route tables in the order given
   */
  public abstract ImmutableList<RouteTable> routeTables();

  /**
   * Returns the VPN and ExpressRoute gateways.
   *
   * @return the gateways in the order given
   */
  public abstract ImmutableList<VirtualNetworkGateway> virtualNetworkGateways();

  /**
   * Returns the gateway connections.
   *
   * @return the connections in the order given
   */
  public abstract ImmutableList<GatewayConnection> gatewayConnections();

  /**
   * Returns the on-premises networks.
   *
   * @return the on-premises networks in the order given
   */
  public abstract ImmutableList<OnPremisesNetwork> onPremisesNetworks();

  /**
   * Returns the flexible servers.
   *
   * @return the servers in the order given
   */
  public abstract ImmutableList<FlexibleServer> flexibleServers();

  /**
   * Returns what the input the network was read from shows and does not show: resources outside
   * the input and the inventories it holds in full.
   *
   * @return the coverage; {@link Coverage#closed()} by default (what the network holds is all
   *     there is)
   */
  @Value.Default
  public Coverage coverage() {
    return Coverage.closed();
  }

  /**
   * Returns the virtual network with this id.
   *
   * @param id the id
   * @return the network, or empty
   */
  public final Optional<VirtualNetwork> virtualNetwork(ResourceId id) {
    return Optional.ofNullable(hashed().virtualNetworks.get(id));
  }

  /**
   * Returns the subnet with this id.
   *
   * @param id the id
   * @return the subnet, or empty
   */
  public final Optional<Subnet> subnet(ResourceId id) {
    return Optional.ofNullable(hashed().subnets.get(id));
  }

  /**
   * Returns the network interface with this id.
   *
   * @param id the id
   * @return the interface, or empty
   */
  public final Optional<NetworkInterface> networkInterface(ResourceId id) {
    return Optional.ofNullable(hashed().networkInterfaces.get(id));
  }

  /**
   * Returns the route table with this id.
   *
   * @param id the id
   * @return the route table, or empty
   */
  public final Optional<RouteTable> routeTable(ResourceId id) {
    return Optional.ofNullable(hashed().routeTables.get(id));
  }

  /**
   * Returns the gateway with this id.
   *
   * @param id the id
   * @return the gateway, or empty
   */
  public final Optional<VirtualNetworkGateway> virtualNetworkGateway(ResourceId id) {
    return Optional.ofNullable(gatewaysById().get(id));
  }

  /**
   * Returns the on-premises network with this id.
   *
   * @param id the id
   * @return the network, or empty
   */
  public final Optional<OnPremisesNetwork> onPremisesNetwork(ResourceId id) {
    return Optional.ofNullable(onPremisesById().get(id));
  }

  /**
   * Returns the flexible server with this id.
   *
   * @param id the id
   * @return the server, or empty
   */
  public final Optional<FlexibleServer> flexibleServer(ResourceId id) {
    return Optional.ofNullable(hashed().servers.get(id));
  }

  /**
   * Returns the flexible server with this name.
   *
   * @param name the server name
   * @return the server, or empty
   */
  public final Optional<FlexibleServer> flexibleServer(ServerName name) {
    return Optional.ofNullable(serversByName().get(name));
  }

  /**
   * Returns the id of the virtual network a subnet id names (its parent), whether or not either is
   * in the model.
   *
   * @param subnet a subnet id
   * @return the virtual network's id
   * @throws PgreachException {@link ErrorCode#WRONG_RESOURCE_TYPE} when the id is not a subnet id
   */
  public static ResourceId virtualNetworkIdOf(ResourceId subnet) {
    subnet.requireType(Subnet.RESOURCE_TYPE, "Network.virtualNetworkIdOf.subnet");
    return subnet.parent().orElseThrow();
  }

  /**
   * Returns the gateways in a virtual network.
   *
   * @param virtualNetwork the network's id
   * @return its gateways, in id order
   */
  public final ImmutableList<VirtualNetworkGateway> gatewaysIn(ResourceId virtualNetwork) {
    return gatewaysByNetwork().get(virtualNetwork);
  }

  /**
   * Returns the gateway connections that have this gateway or on-premises network at either end.
   *
   * @param endpoint a gateway or on-premises network id
   * @return the connections, in id order
   */
  public final ImmutableList<GatewayConnection> connectionsOf(ResourceId endpoint) {
    return connectionsByEnd().get(endpoint);
  }

  /**
   * Returns the network interfaces in a subnet.
   *
   * @param subnet the subnet's id
   * @return the interfaces, in id order
   */
  public final ImmutableList<NetworkInterface> networkInterfacesIn(ResourceId subnet) {
    return interfacesBySubnet().get(subnet);
  }

  /**
   * Returns the servers whose delegated subnet is this one.
   *
   * @param subnet the subnet's id
   * @return the servers, in id order
   */
  public final ImmutableList<FlexibleServer> flexibleServersIn(ResourceId subnet) {
    return serversBySubnet().get(subnet);
  }

  /**
   * Returns the virtual network holding a subnet.
   *
   * @param subnet the subnet's id
   * @return the network
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} when the subnet is not in the model
   */
  public final VirtualNetwork virtualNetworkOf(ResourceId subnet) {
    Subnet s =
        subnet(subnet)
            .orElseThrow(
                () -> PgreachException.of(ErrorCode.UNKNOWN_RESOURCE, "Subnet (%s) is not in the network", subnet));
    return virtualNetworksById().get(s.virtualNetwork());
  }

  /**
   * The id indices as hash maps, for lookups on a question's path: the sorted indices compare ids'
   * long texts at every step of a binary search.
   */
  @Value.Lazy
  HashedIds hashed() {
    return new HashedIds(
        ImmutableMap.copyOf(virtualNetworksById()),
        ImmutableMap.copyOf(subnetsById()),
        ImmutableMap.copyOf(networkInterfacesById()),
        ImmutableMap.copyOf(routeTablesById()),
        ImmutableMap.copyOf(serversById()));
  }

  /** Hash maps from ids to resources, built from the sorted indices (so the same resource wins). */
  record HashedIds(
      ImmutableMap<ResourceId, VirtualNetwork> virtualNetworks,
      ImmutableMap<ResourceId, Subnet> subnets,
      ImmutableMap<ResourceId, NetworkInterface> networkInterfaces,
      ImmutableMap<ResourceId, RouteTable> routeTables,
      ImmutableMap<ResourceId, FlexibleServer> servers) {}

  @Value.Lazy
  ImmutableSortedMap<ResourceId, VirtualNetwork> virtualNetworksById() {
    return index(virtualNetworks(), VirtualNetwork::id, "VirtualNetwork");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, Subnet> subnetsById() {
    return index(
        virtualNetworks().stream().flatMap(v -> v.subnets().stream()).collect(ImmutableList.toImmutableList()),
        Subnet::id,
        "Subnet");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, NetworkInterface> networkInterfacesById() {
    return index(networkInterfaces(), NetworkInterface::id, "NetworkInterface");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, RouteTable> routeTablesById() {
    return index(routeTables(), RouteTable::id, "RouteTable");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, VirtualNetworkGateway> gatewaysById() {
    return index(virtualNetworkGateways(), VirtualNetworkGateway::id, "VirtualNetworkGateway");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, OnPremisesNetwork> onPremisesById() {
    return index(onPremisesNetworks(), OnPremisesNetwork::id, "OnPremisesNetwork");
  }

  @Value.Lazy
  ImmutableSortedMap<ResourceId, FlexibleServer> serversById() {
    return index(flexibleServers(), FlexibleServer::id, "FlexibleServer");
  }

  @Value.Lazy
  ImmutableMap<ServerName, FlexibleServer> serversByName() {
    java.util.Map<ServerName, FlexibleServer> byName = new java.util.HashMap<>();
    for (FlexibleServer s : flexibleServers()) {
      byName.putIfAbsent(s.name(), s); // names are global: of two servers with one name the first given wins (validation reports it)
    }
    return ImmutableMap.copyOf(byName);
  }

  @Value.Lazy
  ImmutableListMultimap<ResourceId, VirtualNetworkGateway> gatewaysByNetwork() {
    return gatewaysById().values().stream()
        .collect(ImmutableListMultimap.toImmutableListMultimap(VirtualNetworkGateway::virtualNetwork, g -> g));
  }

  @Value.Lazy
  ImmutableListMultimap<ResourceId, GatewayConnection> connectionsByEnd() {
    ImmutableListMultimap.Builder<ResourceId, GatewayConnection> b = ImmutableListMultimap.builder();
    index(gatewayConnections(), GatewayConnection::id, "GatewayConnection")
        .values()
        .forEach(c -> b.put(c.virtualNetworkGateway(), c).put(c.remote(), c));
    return b.build();
  }

  @Value.Lazy
  ImmutableListMultimap<ResourceId, NetworkInterface> interfacesBySubnet() {
    return networkInterfacesById().values().stream()
        .collect(ImmutableListMultimap.toImmutableListMultimap(NetworkInterface::subnet, n -> n));
  }

  @Value.Lazy
  ImmutableListMultimap<ResourceId, FlexibleServer> serversBySubnet() {
    ImmutableListMultimap.Builder<ResourceId, FlexibleServer> b = ImmutableListMultimap.builder();
    serversById().values().forEach(s -> s.delegatedSubnet().ifPresent(subnet -> b.put(subnet, s)));
    return b.build();
  }

  @Value.Check
  final void check() {
    virtualNetworksById();
    subnetsById();
    networkInterfacesById();
    routeTablesById();
    gatewaysById();
    onPremisesById();
    serversById();
    connectionsByEnd();
    for (VirtualNetworkGateway g : virtualNetworkGateways()) {
      requirePresent(virtualNetworksById(), g.virtualNetwork(), g.id(), "virtualNetwork");
    }
    for (GatewayConnection c : gatewayConnections()) {
      requirePresent(gatewaysById(), c.virtualNetworkGateway(), c.id(), "virtualNetworkGateway");
      requirePresent(
          c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET ? gatewaysById() : onPremisesById(),
          c.remote(),
          c.id(),
          "remote");
    }
    for (NetworkInterface n : networkInterfaces()) {
      requirePresent(subnetsById(), n.subnet(), n.id(), "subnet");
    }
    for (Subnet s : subnetsById().values()) {
      s.routeTable().ifPresent(rt -> requirePresent(routeTablesById(), rt, s.id(), "routeTable"));
    }
    for (ResourceId outside : coverage().outsideInput().keySet()) {
      if (virtualNetworksById().containsKey(outside) || subnetsById().containsKey(outside) || serversById().containsKey(outside)
          || networkInterfacesById().containsKey(outside) || routeTablesById().containsKey(outside) || gatewaysById().containsKey(outside)
          || onPremisesById().containsKey(outside)) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "Network.coverage lists %s as outside the input, but the network holds it", outside);
      }
    }
    for (FlexibleServer s : flexibleServers()) {
      s.delegatedSubnet().ifPresent(subnet -> requirePresent(subnetsById(), subnet, s.id(), "delegatedSubnet"));
    }
  }

  private void requirePresent(ImmutableMap<ResourceId, ?> index, ResourceId target, ResourceId from, String field) {
    if (!index.containsKey(target) && !coverage().isOutsideInput(target)) {
      throw PgreachException.of(
          ErrorCode.DANGLING_REFERENCE, "%s.%s refers to %s, which is not in the network", from, field, target);
    }
  }

  private static <T> ImmutableSortedMap<ResourceId, T> index(
      ImmutableList<T> values, Function<T, ResourceId> id, String kind) {
    ImmutableSortedMap.Builder<ResourceId, T> b = ImmutableSortedMap.naturalOrder();
    java.util.Set<ResourceId> seen = new java.util.HashSet<>();
    for (T v : values) {
      if (!seen.add(id.apply(v))) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE, "Network holds two %s resources with id %s", kind, id.apply(v));
      }
      b.put(id.apply(v), v);
    }
    return b.build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Network}s. */
  public static final class Builder extends ImmutableNetwork.Builder {
    Builder() {}
  }
}
