package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The VirtualNetwork service tag as Azure's service tag documentation defines it, read off the
 * network model directly for property tests: the network's address space, the space of each connected
 * peer whose link from this network allows virtual network access, the prefixes learned through a
 * gateway (on-premises networks and VNet-to-VNet connections, of the network's own gateway or, when
 * it has none, of the hub whose gateway it uses through gateway transit), and, for one subnet, the
 * host address 168.63.129.16 and the prefixes of the user routes of the subnet's route table.
 */
final class VirtualNetworkTagDefinition {
  /** The Azure host's virtual address. */
  static final Ipv4Address HOST = Ipv4Address.parse("168.63.129.16");

  private VirtualNetworkTagDefinition() {}

  /** The tag of a subnet: its network's tag, the host address and its user routes' prefixes. */
  static AddressSet ofSubnet(Network network, Subnet subnet) {
    AddressSet.Builder b = AddressSet.builder().add(ofNetwork(network, network.virtualNetworkOf(subnet.id()))).add(HOST);
    subnet.routeTable().flatMap(network::routeTable).ifPresent(t -> t.routes().stream().map(Route::addressPrefix).forEach(b::add));
    return b.build();
  }

  /** The tag of a virtual network alone: space, connected peers, gateway-learned prefixes. */
  static AddressSet ofNetwork(Network network, VirtualNetwork v) {
    AddressSet.Builder b = AddressSet.builder();
    v.addressSpace().forEach(b::add);
    for (VirtualNetwork w : connectedPeers(network, v)) {
      if (v.peeringTo(w.id()).orElseThrow().allowVirtualNetworkAccess()) {
        w.addressSpace().forEach(b::add);
      }
    }
    List<VirtualNetworkGateway> gateways = gatewaysIn(network, v.id());
    if (gateways.isEmpty()) {
      Optional<VirtualNetwork> hub = transitHub(network, v);
      if (hub.isPresent() && v.peeringTo(hub.get().id()).orElseThrow().allowVirtualNetworkAccess()) {
        gateways = gatewaysIn(network, hub.get().id());
      }
    }
    for (VirtualNetworkGateway g : gateways) {
      for (Ipv4Prefix p : learned(network, g)) {
        b.add(p);
      }
    }
    return b.build();
  }

  /** Peers with links in both directions, in id order. */
  private static List<VirtualNetwork> connectedPeers(Network network, VirtualNetwork v) {
    List<VirtualNetwork> out = new ArrayList<>();
    for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
      Optional<VirtualNetwork> w = network.virtualNetwork(link.remoteVirtualNetwork());
      if (w.isPresent() && !w.get().id().equals(v.id()) && w.get().peeringTo(v.id()).isPresent() && !out.contains(w.get())) {
        out.add(w.get());
      }
    }
    out.sort(Comparator.comparing(VirtualNetwork::id));
    return out;
  }

  private static List<VirtualNetworkGateway> gatewaysIn(Network network, ResourceId vnet) {
    List<VirtualNetworkGateway> out = new ArrayList<>();
    for (VirtualNetworkGateway g : network.virtualNetworkGateways()) {
      if (g.virtualNetwork().equals(vnet)) {
        out.add(g);
      }
    }
    return out;
  }

  /** The first connected peer (in id order) whose gateway {@code v} uses through gateway transit. */
  private static Optional<VirtualNetwork> transitHub(Network network, VirtualNetwork v) {
    for (VirtualNetwork hub : connectedPeers(network, v)) {
      boolean uses = v.peeringTo(hub.id()).orElseThrow().useRemoteGateways();
      boolean allows = hub.peeringTo(v.id()).orElseThrow().allowGatewayTransit();
      if (uses && allows && !gatewaysIn(network, hub.id()).isEmpty()) {
        return Optional.of(hub);
      }
    }
    return Optional.empty();
  }

  /** The prefixes a gateway learns from its connections. */
  private static List<Ipv4Prefix> learned(Network network, VirtualNetworkGateway g) {
    List<Ipv4Prefix> out = new ArrayList<>();
    for (GatewayConnection c : network.gatewayConnections()) {
      ResourceId other;
      if (c.virtualNetworkGateway().equals(g.id())) {
        other = c.remote();
      } else if (c.remote().equals(g.id())) {
        other = c.virtualNetworkGateway();
      } else {
        continue;
      }
      network.onPremisesNetwork(other).ifPresent(o -> out.addAll(o.addressPrefixes()));
      if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET && !connectedBothWays(network, g.id(), other)) {
        continue;
      }
      network
          .virtualNetworkGateway(other)
          .flatMap(o -> network.virtualNetwork(o.virtualNetwork()))
          .ifPresent(x -> out.addAll(x.addressSpace()));
    }
    return out;
  }

  private static boolean connectedBothWays(Network network, ResourceId a, ResourceId b) {
    boolean there = false;
    boolean back = false;
    for (GatewayConnection c : network.gatewayConnections()) {
      if (c.connectionType() == GatewayConnection.ConnectionType.VNET_TO_VNET) {
        there |= c.virtualNetworkGateway().equals(a) && c.remote().equals(b);
        back |= c.virtualNetworkGateway().equals(b) && c.remote().equals(a);
      }
    }
    return there && back;
  }
}
