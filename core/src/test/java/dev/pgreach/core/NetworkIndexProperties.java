package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.core.testing.NetworkArbitraries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/** The compiled network index answers as the scans it replaces, and the first-hop drop test is sound. */
class NetworkIndexProperties {
  @Provide
  Arbitrary<Tuple3<Network, List<ClientLocation>, List<Ipv4Address>>> questions() {
    return NetworkArbitraries.networks()
        .flatMap(
            n ->
                NetworkArbitraries.clientsOf(n).list().ofMinSize(1).ofMaxSize(8)
                    .flatMap(cs -> NetworkArbitraries.destinationsOf(n).list().ofMinSize(1).ofMaxSize(8).map(ds -> Tuple.of(n, cs, ds))));
  }

  @Property(tries = 100)
  void peersLinksAndOwnersAreThoseTheScansFind(@ForAll("questions") Tuple3<Network, List<ClientLocation>, List<Ipv4Address>> q) {
    Network n = q.get1();
    NetworkIndex index = new NetworkIndex(n);
    for (VirtualNetwork v : n.virtualNetworks()) {
      List<VirtualNetwork> scanned = new ArrayList<>();
      for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
        n.virtualNetwork(link.remoteVirtualNetwork()).filter(w -> !w.id().equals(v.id()) && w.peeringTo(v.id()).isPresent()).ifPresent(scanned::add);
      }
      scanned.sort(Comparator.comparing(VirtualNetwork::id));
      assertEquals(scanned, index.connectedPeers(v));
      for (VirtualNetwork w : n.virtualNetworks()) {
        assertEquals(v.peeringTo(w.id()), index.peeringTo(v, w.id()));
        assertEquals(scanned.contains(w), index.connected(v, w));
      }
      for (Subnet s : v.subnets()) {
        assertEquals(n.virtualNetworkOf(s.id()), index.networkOf(s.id()));
      }
      for (Ipv4Address a : q.get3()) {
        Optional<VirtualNetwork> owner =
            n.virtualNetworks().stream().filter(w -> !w.id().equals(v.id()) && w.addresses().contains(a)).min(Comparator.comparing(VirtualNetwork::id));
        assertEquals(owner, index.lowestOwnerOtherThan(v.id(), a), a.toString());
      }
    }
  }

  @Property(tries = 100)
  void aFirstHopDropBlocksEveryHostOfTheSubnet(@ForAll("questions") Tuple3<Network, List<ClientLocation>, List<Ipv4Address>> q) {
    Network n = q.get1();
    Reachability r = Reachability.of(n, ServiceProfile.current());
    List<ClientLocation> inNetworks = q.get2().stream().filter(c -> c instanceof ClientLocation.InVirtualNetwork).collect(Collectors.toList());
    for (ClientLocation c : inNetworks) {
      ResourceId subnet = ((ClientLocation.InVirtualNetwork) c).subnet();
      for (Ipv4Address d : q.get3()) {
        if (r.droppedAtFirstHop(subnet, d)) {
          assertEquals(Disposition.BLOCKED, r.route(c, d).verdict().disposition(), c + " -> " + d);
        }
        // The forwardable set is exact where routing is decided, and never misses a forwarded address.
        AddressSet forwardable = r.firstHopForwardable(subnet);
        if (!forwardable.contains(d)) {
          assertEquals(true, r.droppedAtFirstHop(subnet, d), c + " -> " + d);
        } else if (!n.coverage().isOpen()) {
          assertEquals(false, r.droppedAtFirstHop(subnet, d), c + " -> " + d);
        }
      }
    }
  }
}
