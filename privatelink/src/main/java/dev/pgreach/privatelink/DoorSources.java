package dev.pgreach.privatelink;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * For exposure: which subnets may send a packet toward an address at all. Each subnet's {@link
 * Reachability#firstHopForwardable first-hop forwardable} addresses are inverted into one index:
 * the address space is cut at every boundary of every subnet's set, and each atom keeps the
 * subnets (by their position in the estate's order) that forward it. A subnet not listed for an
 * address drops every packet to it at its first hop, so exposure need not ask it.
 *
 * <p>Built in O(S·R log R + A·S/64) for S subnets with R routes each and A atoms; a query is one
 * binary search. Immutable once built.
 */
final class DoorSources {
  /** The subnets in the estate's order (virtual networks, then their subnets). */
  private final List<Subnet> subnets;
  /** The virtual network of each subnet, by position. */
  private final List<dev.pgreach.core.ResourceId> networkOf;
  private final long[] atomStarts;
  private final BitSet[] forwarding;

  DoorSources(List<VirtualNetwork> networks, Reachability reachability) {
    List<Subnet> all = new ArrayList<>();
    List<dev.pgreach.core.ResourceId> owners = new ArrayList<>();
    List<long[]> events = new ArrayList<>(); // position, +1 open / -1 close, subnet
    for (VirtualNetwork v : networks) {
      for (Subnet s : v.subnets()) {
        int ordinal = all.size();
        all.add(s);
        owners.add(v.id());
        AddressSet forward = reachability.firstHopForwardable(s.id());
        for (Ipv4Range r : forward.ranges()) {
          events.add(new long[] {r.first().toLong(), 1, ordinal});
          events.add(new long[] {r.last().toLong() + 1, -1, ordinal});
        }
      }
    }
    events.sort((a, b) -> Long.compare(a[0], b[0]));
    List<Long> starts = new ArrayList<>();
    List<BitSet> sets = new ArrayList<>();
    BitSet active = new BitSet(all.size());
    starts.add(0L);
    sets.add(new BitSet(0));
    int i = 0;
    while (i < events.size()) {
      long position = events.get(i)[0];
      while (i < events.size() && events.get(i)[0] == position) {
        long[] e = events.get(i++);
        active.set((int) e[2], e[1] > 0);
      }
      if (position >= 1L << 32) {
        break;
      }
      if (starts.get(starts.size() - 1) == position) {
        sets.set(sets.size() - 1, (BitSet) active.clone());
      } else {
        starts.add(position);
        sets.add((BitSet) active.clone());
      }
    }
    this.subnets = List.copyOf(all);
    this.networkOf = List.copyOf(owners);
    this.atomStarts = starts.stream().mapToLong(Long::longValue).toArray();
    this.forwarding = sets.toArray(new BitSet[0]);
  }

  /** The subnets, in the estate's order; positions index {@link #forwardingTo}. */
  List<Subnet> subnets() {
    return subnets;
  }

  /** The virtual network of the subnet at a position. */
  dev.pgreach.core.ResourceId networkOf(int position) {
    return networkOf.get(position);
  }

  /** The positions of the subnets whose first hop forwards packets to the address (do not modify). */
  BitSet forwardingTo(Ipv4Address address) {
    int i = Arrays.binarySearch(atomStarts, address.toLong());
    if (i < 0) {
      i = -i - 2;
    }
    return forwarding[i];
  }
}
