package dev.pgreach.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What routing asks of a network's shape, compiled once so that a question costs hash lookups and
 * a binary search instead of scans of the estate:
 *
 * <ul>
 *   <li>each virtual network's connected peers (links both ways), in id order, and as a set;
 *   <li>each network's outgoing peering link by remote network;
 *   <li>the virtual network of each subnet;
 *   <li>which virtual networks hold an address: the address space is cut at every boundary of
 *       every network's address space, and each atom keeps the two networks of lowest id holding
 *       it, so "the network of lowest id, other than this one, holding the address" is one binary
 *       search.
 * </ul>
 *
 * <p>Building it takes O(L + P log P) for L peering links and P address prefixes (overlapping
 * address spaces add the atoms they share). Immutable once built.
 */
final class NetworkIndex {
  private static final long END_OF_SPACE = 1L << 32;

  private final Map<ResourceId, List<VirtualNetwork>> connected = new HashMap<>();
  private final Map<ResourceId, Set<ResourceId>> connectedIds = new HashMap<>();
  private final Map<ResourceId, Map<ResourceId, VirtualNetworkPeering>> links = new HashMap<>();
  private final Map<ResourceId, VirtualNetwork> networkOfSubnet = new HashMap<>();
  /** Atom starts (as unsigned addresses in longs), ascending. */
  private final long[] atomStarts;
  /** The lowest-id network holding each atom, or null. */
  private final VirtualNetwork[] firstOwner;
  /** The second-lowest-id network holding each atom, or null. */
  private final VirtualNetwork[] secondOwner;

  NetworkIndex(Network network) {
    for (VirtualNetwork v : network.virtualNetworks()) {
      Map<ResourceId, VirtualNetworkPeering> out = new HashMap<>();
      for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
        out.putIfAbsent(p.remoteVirtualNetwork(), p); // the first link, as VirtualNetwork.peeringTo finds it
      }
      links.put(v.id(), out);
      for (Subnet s : v.subnets()) {
        networkOfSubnet.put(s.id(), v);
      }
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      List<VirtualNetwork> peers = new ArrayList<>();
      for (VirtualNetworkPeering link : v.virtualNetworkPeerings()) {
        network
            .virtualNetwork(link.remoteVirtualNetwork())
            .filter(w -> !w.id().equals(v.id()) && links.get(w.id()).containsKey(v.id()))
            .ifPresent(peers::add);
      }
      peers.sort(Comparator.comparing(VirtualNetwork::id));
      connected.put(v.id(), List.copyOf(peers));
      Set<ResourceId> ids = new HashSet<>();
      peers.forEach(w -> ids.add(w.id()));
      connectedIds.put(v.id(), ids);
    }
    // Address ownership: cuts at every range boundary of every network's address set.
    List<VirtualNetwork> byId = new ArrayList<>(network.virtualNetworks());
    byId.sort(Comparator.comparing(VirtualNetwork::id));
    List<long[]> spans = new ArrayList<>(); // first, last + 1, network rank
    long[] cuts;
    {
      List<Long> points = new ArrayList<>();
      for (int rank = 0; rank < byId.size(); rank++) {
        for (Ipv4Range r : byId.get(rank).addresses().ranges()) {
          long first = r.first().toLong();
          long end = r.last().toLong() + 1;
          spans.add(new long[] {first, end, rank});
          points.add(first);
          points.add(end);
        }
      }
      points.add(0L);
      cuts = points.stream().mapToLong(Long::longValue).filter(p -> p < END_OF_SPACE).sorted().distinct().toArray();
    }
    VirtualNetwork[] first = new VirtualNetwork[cuts.length];
    VirtualNetwork[] second = new VirtualNetwork[cuts.length];
    // Ranks ascending: the first owner written is the lowest id, the second the next.
    spans.sort(Comparator.comparingLong((long[] s) -> s[2]));
    for (long[] s : spans) {
      VirtualNetwork owner = byId.get((int) s[2]);
      int i = Arrays.binarySearch(cuts, s[0]);
      for (; i < cuts.length && cuts[i] < s[1]; i++) {
        if (first[i] == null) {
          first[i] = owner;
        } else if (second[i] == null && first[i] != owner) {
          second[i] = owner;
        }
      }
    }
    this.atomStarts = cuts;
    this.firstOwner = first;
    this.secondOwner = second;
  }

  /** The peers of a network with links in both directions, in id order. */
  List<VirtualNetwork> connectedPeers(VirtualNetwork v) {
    List<VirtualNetwork> peers = connected.get(v.id());
    return peers == null ? List.of() : peers;
  }

  /** Whether two networks are connected peers. */
  boolean connected(VirtualNetwork v, VirtualNetwork w) {
    Set<ResourceId> ids = connectedIds.get(v.id());
    return ids != null && ids.contains(w.id());
  }

  /** The first outgoing link of a network to a remote network, as {@link VirtualNetwork#peeringTo} gives it. */
  Optional<VirtualNetworkPeering> peeringTo(VirtualNetwork v, ResourceId remote) {
    Map<ResourceId, VirtualNetworkPeering> out = links.get(v.id());
    return out == null ? v.peeringTo(remote) : Optional.ofNullable(out.get(remote));
  }

  /** The virtual network of a subnet in the network, or null. */
  VirtualNetwork networkOf(ResourceId subnet) {
    return networkOfSubnet.get(subnet);
  }

  /** The network of lowest id other than {@code except} whose address space holds the address. */
  Optional<VirtualNetwork> lowestOwnerOtherThan(ResourceId except, Ipv4Address address) {
    int i = Arrays.binarySearch(atomStarts, address.toLong());
    if (i < 0) {
      i = -i - 2;
    }
    if (i < 0) {
      return Optional.empty();
    }
    VirtualNetwork a = firstOwner[i];
    if (a != null && !a.id().equals(except)) {
      return Optional.of(a);
    }
    VirtualNetwork b = secondOwner[i];
    return b != null && !b.id().equals(except) ? Optional.of(b) : Optional.empty();
  }
}
