package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an open input leaves unknown about routing, worked out once per network: where a packet
 * goes cannot be told when the routes that would decide it are not all in the input.
 *
 * <p>A subnet's effective routes come from its route table, its network's address space, the
 * spaces of the network's connected peers, the prefixes its gateways (or its transit hub's)
 * learn, and private endpoints' /32 routes. So routing from a subnet is unknown:
 *
 * <ul>
 *   <li>for every destination, when the subnet's route table is outside the input or its routes
 *       are not observed (a user route may send anything anywhere);
 *   <li>for destinations outside the network's own space and its known connected peers' spaces,
 *       when its peerings are not observed, a
 *       peering leads to a network outside the input (whose space and reverse link are unknown), a
 *       peering uses a remote gateway whose hub is uncertain, its gateways' connections are not
 *       observed, or a gateway may exist that the input does not hold (a GatewaySubnet, or
 *       subnets not observed, without a known gateway);
 *   <li>for destinations in one peer's space, when whether that peering is connected is unknown
 *       (the peer's own peerings are not observed, so the reverse link may exist).
 * </ul>
 *
 * <p>The network's own space, and the spaces of peers known to be connected, cannot be taken over
 * by a peering, gateway or network the input does not show (peered spaces never overlap, and Azure
 * prefers them over gateway-learned routes), so with a known route table a destination there is
 * always decided. A closed coverage leaves no gap.
 */
final class RoutingGaps {
  private final Network network;
  private final Coverage coverage;
  /** Per network: why destinations outside its own space are unknown, if they are. */
  private final ImmutableMap<ResourceId, Gap> offSpace;
  /** Per network: peers whose connection is unknown, with why. */
  private final ImmutableMap<ResourceId, ImmutableList<UncertainPeer>> uncertainPeers;
  /**
   * Per network: the spaces of its peers known to be connected. No peering, gateway or network the
   * input does not show can take traffic for them (peered spaces never overlap, and Azure prefers
   * them over gateway-learned routes), so destinations there are decided whatever else is missing.
   */
  private final ImmutableMap<ResourceId, AddressSet> knownPeerSpace;

  /** A peer whose peering may or may not be connected; its space is known. */
  record UncertainPeer(ResourceId peer, AddressSet space, String why) {}

  /** Why something is unknown, and which kind of missing knowledge it is. */
  private record Gap(ReasonCode code, String why) {
    static Gap outside(String why) {
      return new Gap(ReasonCode.OUTSIDE_INPUT, why);
    }

    static Gap notObserved(String why) {
      return new Gap(ReasonCode.NOT_OBSERVED, why);
    }

    Gap prefixed(String prefix) {
      return new Gap(code, prefix + why);
    }
  }

  RoutingGaps(Network network) {
    this.network = network;
    this.coverage = network.coverage();
    Map<ResourceId, Gap> off = new HashMap<>();
    Map<ResourceId, ImmutableList<UncertainPeer>> uncertain = new HashMap<>();
    Map<ResourceId, AddressSet> peerSpace = new HashMap<>();
    if (coverage.isOpen()) {
      for (VirtualNetwork v : network.virtualNetworks()) {
        AddressSet.Builder known = AddressSet.builder();
        for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
          network.virtualNetwork(link.remoteVirtualNetwork())
              .filter(r -> !r.id().equals(v.id()) && r.peeringTo(v.id()).isPresent())
              .ifPresent(r -> known.add(r.addresses()));
        }
        peerSpace.put(v.id(), known.build());
        List<UncertainPeer> peers = new ArrayList<>();
        offSpaceGap(v, peers).ifPresent(why -> off.put(v.id(), why));
        if (!peers.isEmpty()) {
          uncertain.put(v.id(), ImmutableList.copyOf(peers));
        }
      }
    }
    this.offSpace = ImmutableMap.copyOf(off);
    this.uncertainPeers = ImmutableMap.copyOf(uncertain);
    this.knownPeerSpace = ImmutableMap.copyOf(peerSpace);
  }

  /** Whether the open world leaves anything unknown at all. */
  boolean any() {
    return coverage.isOpen();
  }

  /**
   * Why routing from a subnet is unknown for every destination: its route table is outside the
   * input or its routes are not observed.
   */
  Optional<RouteStep.Undecided> routeTable(Subnet s) {
    if (s.routeTable().isEmpty() || !coverage.isOpen()) {
      return Optional.empty();
    }
    ResourceId table = s.routeTable().get();
    if (coverage.isOutsideInput(table) || network.routeTable(table).isEmpty()) {
      return Optional.of(
          new RouteStep.Undecided(
              ReasonCode.OUTSIDE_INPUT,
              table.toString(),
              "Route table " + coverage.describe(table) + " of subnet " + s.name()
                  + " is not in the input: its user routes may send the packet anywhere."));
    }
    if (!coverage.isComplete(Inventory.ROUTES, table)) {
      return Optional.of(
          new RouteStep.Undecided(
              ReasonCode.NOT_OBSERVED,
              table.toString(),
              Inventory.ROUTES.of("route table " + table.name()) + " are not all in the input: a route not shown may send the packet elsewhere."));
    }
    return Optional.empty();
  }

  /**
   * Why routing from a network to a destination outside its own space is unknown, if it is.
   *
   * @param v the network the packet is in
   * @param destination an address outside {@code v}'s space
   */
  Optional<RouteStep.Undecided> outsideSpace(VirtualNetwork v, Ipv4Address destination) {
    Gap gap = offSpace.get(v.id());
    if (gap != null && !knownPeerSpace.getOrDefault(v.id(), AddressSet.EMPTY).contains(destination)) {
      return Optional.of(new RouteStep.Undecided(gap.code(), v.id().toString(), "Where " + v.name() + " sends " + destination + " is not known: " + gap.why()));
    }
    for (UncertainPeer p : uncertainPeers.getOrDefault(v.id(), ImmutableList.of())) {
      if (p.space().contains(destination)) {
        return Optional.of(
            new RouteStep.Undecided(
                coverage.isOutsideInput(p.peer()) || network.virtualNetwork(p.peer()).isEmpty() ? ReasonCode.OUTSIDE_INPUT : ReasonCode.NOT_OBSERVED,
                p.peer().toString(),
                destination + " is in " + p.peer().name() + "'s space, and " + p.why()));
      }
    }
    return Optional.empty();
  }

  /** Whether the VirtualNetwork service tag of a network is known in full (no peer or gateway gap). */
  boolean tagComplete(ResourceId virtualNetwork) {
    return !offSpace.containsKey(virtualNetwork) && !uncertainPeers.containsKey(virtualNetwork);
  }

  /**
   * Why nothing can be said about the appliance at an address in a network: the interfaces of its
   * subnet are not all in the input.
   */
  Optional<RouteStep.Undecided> appliance(VirtualNetwork owner, Ipv4Address address, String route) {
    if (!coverage.isOpen()) {
      return Optional.empty();
    }
    Optional<Subnet> subnet = owner.subnetContaining(address);
    if (subnet.isPresent() && coverage.isComplete(Inventory.NETWORK_INTERFACES, subnet.get().id())) {
      return Optional.empty();
    }
    String where = subnet.map(x -> Inventory.NETWORK_INTERFACES.of("subnet " + x.name()) + " are").orElse(Inventory.SUBNETS.of(owner.name()) + " are");
    return Optional.of(
        new RouteStep.Undecided(
            ReasonCode.NOT_OBSERVED,
            route,
            "Route " + route + " sends the packet to appliance " + address + ", and " + where
                + " not all in the input: whether an interface there forwards it is not known."));
  }

  /** Why an on-premises network's routes are unknown beyond its known connections, if they are. */
  Optional<RouteStep.Undecided> onPremises(OnPremisesNetwork o, Ipv4Address destination) {
    if (!coverage.isOpen()) {
      return Optional.empty();
    }
    if (!coverage.isComplete(Inventory.CONNECTIONS, o.id())) {
      return Optional.of(
          new RouteStep.Undecided(
              ReasonCode.NOT_OBSERVED,
              o.id().toString(),
              Inventory.CONNECTIONS.of("on-premises network " + o.name()) + " are not all in the input: a connection not shown may carry "
                  + destination + "."));
    }
    for (GatewayConnection c : network.connectionsOf(o.id())) {
      Optional<VirtualNetworkGateway> g = network.virtualNetworkGateway(c.virtualNetworkGateway());
      if (g.isEmpty()) {
        return Optional.of(outside(c.virtualNetworkGateway(), "the gateway of connection " + c.name(), destination));
      }
      Optional<VirtualNetwork> hub = network.virtualNetwork(g.get().virtualNetwork());
      if (hub.isEmpty()) {
        return Optional.of(outside(g.get().virtualNetwork(), "the network of gateway " + g.get().name(), destination));
      }
      if (!hub.get().addresses().contains(destination)) {
        Optional<RouteStep.Undecided> beyond = outsideSpace(hub.get(), destination);
        if (beyond.isPresent()) {
          return beyond;
        }
      }
    }
    return Optional.empty();
  }

  private RouteStep.Undecided outside(ResourceId id, String what, Ipv4Address destination) {
    return new RouteStep.Undecided(
        ReasonCode.OUTSIDE_INPUT, id.toString(), what + ", " + coverage.describe(id) + ", is not in the input: whether it carries " + destination + " is not known.");
  }

  /** Why destinations outside {@code v}'s space are unknown; collects peers whose connection is unknown. */
  private Optional<Gap> offSpaceGap(VirtualNetwork v, List<UncertainPeer> uncertain) {
    if (!coverage.isComplete(Inventory.VIRTUAL_NETWORK_PEERINGS, v.id())) {
      return Optional.of(Gap.notObserved(Inventory.VIRTUAL_NETWORK_PEERINGS.of(v.name()) + " are not all in the input, and a peering not shown may lead there."));
    }
    for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
      ResourceId remote = link.remoteVirtualNetwork();
      Optional<VirtualNetwork> r = network.virtualNetwork(remote);
      boolean notConnected = link.peeringState().map(st -> st != PeeringState.CONNECTED).orElse(false);
      if (notConnected && (r.isEmpty() || r.get().peeringTo(v.id()).isEmpty())) {
        continue; // ARM says the reverse link does not exist: the peering carries nothing
      }
      if (r.isEmpty() && !link.remoteAddressSpace().isEmpty() && !link.useRemoteGateways()) {
        uncertain.add(
            new UncertainPeer(
                remote,
                AddressSet.of(link.remoteAddressSpace().toArray(new Ipv4Prefix[0])),
                "peering " + link.name() + " leads to network " + coverage.describe(remote)
                    + ", which is not in the input: whether it peers back, and what is there, are not known."));
        continue;
      }
      if (r.isEmpty()) {
        return Optional.of(
            Gap.outside(
                "peering " + link.name() + " leads to network " + coverage.describe(remote)
                    + ", which is not in the input: its address space and whether it peers back are not known."));
      }
      if (r.get().peeringTo(v.id()).isEmpty() && !coverage.isComplete(Inventory.VIRTUAL_NETWORK_PEERINGS, remote)) {
        String why = "whether peering " + link.name() + " is connected is not known: " + Inventory.VIRTUAL_NETWORK_PEERINGS.of(r.get().name())
            + " are not all in the input, so the reverse link may exist.";
        if (link.useRemoteGateways()) {
          return Optional.of(Gap.notObserved(why + " It uses the remote network's gateway, which may carry traffic for any prefix."));
        }
        uncertain.add(new UncertainPeer(r.get().id(), r.get().addresses(), why));
      }
    }
    Optional<Gap> gateway = gatewayGap(v);
    if (gateway.isPresent()) {
      return gateway;
    }
    for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
      if (!link.useRemoteGateways()) {
        continue;
      }
      Optional<VirtualNetwork> hub = network.virtualNetwork(link.remoteVirtualNetwork());
      if (hub.isPresent() && hub.get().peeringTo(v.id()).isPresent()) {
        Optional<Gap> hubGap = gatewayGap(hub.get());
        if (hubGap.isPresent()) {
          return Optional.of(hubGap.get().prefixed("it uses the gateway of " + hub.get().name() + " through peering " + link.name() + ", and "));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether gateway {@code other} has a VNet-to-VNet connection back to {@code gateway}. */
  private boolean connectedBack(ResourceId gateway, ResourceId other) {
    for (GatewayConnection c : network.connectionsOf(other)) {
      if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET
          && c.virtualNetworkGateway().equals(other)
          && c.remote().equals(gateway)) {
        return true;
      }
    }
    return false;
  }

  /** Why the prefixes a network's own gateways learn are unknown, if they are. */
  private Optional<Gap> gatewayGap(VirtualNetwork v) {
    ImmutableList<VirtualNetworkGateway> gateways = network.gatewaysIn(v.id());
    if (gateways.isEmpty()) {
      boolean gatewaySubnet = v.subnet("GatewaySubnet").isPresent();
      if (gatewaySubnet || !coverage.isComplete(Inventory.SUBNETS, v.id())) {
        return Optional.of(
            Gap.notObserved(
                (gatewaySubnet ? v.name() + " has a GatewaySubnet" : Inventory.SUBNETS.of(v.name()) + " are not all in the input")
                    + " but no gateway in the input: a gateway not shown may carry traffic for on-premises prefixes."));
      }
      return Optional.empty();
    }
    for (VirtualNetworkGateway g : gateways) {
      if (!coverage.isComplete(Inventory.CONNECTIONS, g.id())) {
        return Optional.of(
            Gap.notObserved(Inventory.CONNECTIONS.of("gateway " + g.name()) + " are not all in the input: a connection not shown may carry traffic there."));
      }
      for (GatewayConnection c : network.connectionsOf(g.id())) {
        ResourceId other = c.virtualNetworkGateway().equals(g.id()) ? c.remote() : c.virtualNetworkGateway();
        boolean known =
            network.onPremisesNetwork(other).isPresent()
                || network.virtualNetworkGateway(other).flatMap(og -> network.virtualNetwork(og.virtualNetwork())).isPresent();
        if (!known) {
          return Optional.of(
              Gap.outside(
                  "connection " + c.name() + " of gateway " + g.name() + " leads to " + coverage.describe(other)
                      + ", which is not in the input: the prefixes it carries are not known."));
        }
        if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET
            && !connectedBack(g.id(), other)
            && !coverage.isComplete(Inventory.CONNECTIONS, other)) {
          return Optional.of(
              Gap.notObserved(
                  "whether VNet-to-VNet connection " + c.name() + " is up is not known: " + Inventory.CONNECTIONS.of("gateway " + other.name())
                      + " are not all in the input, so the connection back may exist."));
        }
      }
    }
    return Optional.empty();
  }
}
