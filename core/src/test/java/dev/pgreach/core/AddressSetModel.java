package dev.pgreach.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A brute-force reference for address sets inside a small window of consecutive addresses: one
 * bit per address of the window, and plain loops over them. Nothing here calls the set algebra
 * under test except to read its public results.
 */
final class AddressSetModel {
  private static final long SPACE = 1L << 32;

  private final long base;
  private final int width;

  AddressSetModel(long base, int width) {
    if (width < 1 || width > 4096 || base < 0 || base + width > SPACE) {
      throw new IllegalArgumentException("bad window " + base + "+" + width);
    }
    this.base = base;
    this.width = width;
  }

  /** The window as a range. */
  Ipv4Range window() {
    return Ipv4Range.of(address(0), address(width - 1));
  }

  int width() {
    return width;
  }

  /** The address at an index of the window. */
  Ipv4Address address(int index) {
    return Ipv4Address.ofLong(base + index);
  }

  /** The members of a list of ranges, each of which must lie inside the window. */
  BitSet bitsOf(List<Ipv4Range> ranges) {
    BitSet bits = new BitSet(width);
    for (Ipv4Range r : ranges) {
      long first = r.first().toLong() - base;
      long last = r.last().toLong() - base;
      if (first < 0 || last >= width) {
        throw new IllegalArgumentException(r + " is outside the window " + window());
      }
      for (long i = first; i <= last; i++) {
        bits.set((int) i);
      }
    }
    return bits;
  }

  /** The members of a set that lie inside the window, read from its ranges (not from contains). */
  BitSet bitsInWindow(AddressSet set) {
    BitSet bits = new BitSet(width);
    for (Ipv4Range r : set.ranges()) {
      long first = Math.max(r.first().toLong() - base, 0);
      long last = Math.min(r.last().toLong() - base, width - 1L);
      for (long i = first; i <= last; i++) {
        bits.set((int) i);
      }
    }
    return bits;
  }

  /** The number of members of a set outside the window, from its ranges. */
  long countOutsideWindow(AddressSet set) {
    long outside = 0;
    for (Ipv4Range r : set.ranges()) {
      long first = r.first().toLong();
      long last = r.last().toLong();
      outside += Math.max(0, Math.min(last, base - 1) - first + 1);
      outside += Math.max(0, last - Math.max(first, base + width) + 1);
    }
    return outside;
  }

  /**
   * Addresses to probe: every address of the window, the addresses just outside it, and the two
   * ends of the address space.
   */
  List<Ipv4Address> probes() {
    List<Ipv4Address> probes = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      probes.add(address(i));
    }
    if (base > 0) {
      probes.add(Ipv4Address.ofLong(base - 1));
    }
    if (base + width < SPACE) {
      probes.add(Ipv4Address.ofLong(base + width));
    }
    probes.add(Ipv4Address.MIN);
    probes.add(Ipv4Address.MAX);
    return probes;
  }

  /** Whether an address is a member of the bits (false outside the window). */
  boolean member(BitSet bits, Ipv4Address address) {
    long i = address.toLong() - base;
    return i >= 0 && i < width && bits.get((int) i);
  }

  /** The maximal runs of consecutive members, in address order. */
  List<Ipv4Range> runs(BitSet bits) {
    List<Ipv4Range> runs = new ArrayList<>();
    int i = bits.nextSetBit(0);
    while (i >= 0) {
      int end = i;
      while (end + 1 < width && bits.get(end + 1)) {
        end++;
      }
      runs.add(Ipv4Range.of(address(i), address(end)));
      i = bits.nextSetBit(end + 1);
    }
    return runs;
  }

  /**
   * The fewest CIDR prefixes whose union is exactly the members, by dynamic programming over the
   * window: {@code best[i]} is the minimal count that covers the members below index {@code i}
   * exactly. A block may end at a member only if it is aligned to its own size (in absolute
   * addresses), lies in the window and holds only members. An exact cover never needs two
   * overlapping prefixes (one would contain the other), so the blocks of an optimal cover are
   * disjoint and the recurrence is complete.
   */
  int minimalPrefixCount(BitSet bits) {
    int[] best = new int[width + 1];
    for (int i = 0; i < width; i++) {
      if (!bits.get(i)) {
        best[i + 1] = best[i];
        continue;
      }
      int min = Integer.MAX_VALUE;
      for (long size = 1; size <= i + 1; size *= 2) {
        int start = (int) (i + 1 - size);
        boolean aligned = (base + start) % size == 0;
        boolean allMembers = bits.get(start, i + 1).cardinality() == size;
        if (aligned && allMembers) {
          min = Math.min(min, best[start] + 1);
        }
      }
      best[i + 1] = min;
    }
    return best[width];
  }
}
