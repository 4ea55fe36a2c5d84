package dev.pgreach.firewall;

import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import java.util.Arrays;
import java.util.List;

/**
 * Ranges compiled for point queries: the address space is cut at every range boundary into
 * atoms (maximal intervals every address of which lies in the same ranges), and each atom keeps
 * the most preferred range covering it. A query is one binary search.
 *
 * <p>Ranges are given in preference order: the range at index 0 is preferred over every other.
 */
final class RangeIndex {
  private static final int BIAS = Integer.MIN_VALUE;
  private static final int INDEX_BITS = 30;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final long END_OF_SPACE = 1L << 32;

  /** Atom starts, biased so that signed order is address order. */
  private final int[] starts;
  /** The preferred range covering each atom, or -1. */
  private final int[] witnesses;

  private RangeIndex(int[] starts, int[] witnesses) {
    this.starts = starts;
    this.witnesses = witnesses;
  }

  static RangeIndex of(List<Ipv4Range> ranges) {
    int n = ranges.size();
    if (n > INDEX_MASK) {
      throw new IllegalArgumentException("too many ranges: " + n);
    }
    long[] opens = new long[n];
    long[] closes = new long[n];
    for (int i = 0; i < n; i++) {
      Ipv4Range r = ranges.get(i);
      opens[i] = (r.first().toLong() << INDEX_BITS) | i;
      closes[i] = ((r.last().toLong() + 1) << INDEX_BITS) | i;
    }
    Arrays.sort(opens);
    Arrays.sort(closes);
    IntHeap active = new IntHeap(n);
    boolean[] alive = new boolean[n];
    int[] atomStarts = new int[2 * n + 1];
    int[] atomWitnesses = new int[2 * n + 1];
    int atoms = 0;
    int previous = -1;
    int o = 0;
    int c = 0;
    while (o < n || c < n) {
      long pos = Math.min(o < n ? opens[o] >>> INDEX_BITS : Long.MAX_VALUE, c < n ? closes[c] >>> INDEX_BITS : Long.MAX_VALUE);
      while (c < n && closes[c] >>> INDEX_BITS == pos) {
        alive[(int) (closes[c++] & INDEX_MASK)] = false;
      }
      while (o < n && opens[o] >>> INDEX_BITS == pos) {
        int i = (int) (opens[o++] & INDEX_MASK);
        alive[i] = true;
        active.push(i);
      }
      while (!active.isEmpty() && !alive[active.peek()]) {
        active.pop();
      }
      int witness = active.isEmpty() ? -1 : active.peek();
      if (pos < END_OF_SPACE && witness != previous) {
        atomStarts[atoms] = (int) pos ^ BIAS;
        atomWitnesses[atoms] = witness;
        atoms++;
        previous = witness;
      }
    }
    return new RangeIndex(Arrays.copyOf(atomStarts, atoms), Arrays.copyOf(atomWitnesses, atoms));
  }

  /** Returns the index of the most preferred range holding the address, or -1. */
  int witness(Ipv4Address address) {
    int i = Arrays.binarySearch(starts, address.toBits() ^ BIAS);
    if (i < 0) {
      i = -i - 2;
    }
    return i < 0 ? -1 : witnesses[i];
  }

  /** A binary min-heap of ints. */
  private static final class IntHeap {
    private final int[] heap;
    private int size;

    IntHeap(int capacity) {
      heap = new int[Math.max(capacity, 1)];
    }

    boolean isEmpty() {
      return size == 0;
    }

    int peek() {
      return heap[0];
    }

    void push(int v) {
      int i = size++;
      heap[i] = v;
      while (i > 0 && heap[(i - 1) / 2] > heap[i]) {
        int p = (i - 1) / 2;
        int t = heap[p];
        heap[p] = heap[i];
        heap[i] = t;
        i = p;
      }
    }

    void pop() {
      heap[0] = heap[--size];
      int i = 0;
      while (true) {
        int l = 2 * i + 1;
        int r = l + 1;
        int m = i;
        if (l < size && heap[l] < heap[m]) {
          m = l;
        }
        if (r < size && heap[r] < heap[m]) {
          m = r;
        }
        if (m == i) {
          return;
        }
        int t = heap[m];
        heap[m] = heap[i];
        heap[i] = t;
        i = m;
      }
    }
  }
}
