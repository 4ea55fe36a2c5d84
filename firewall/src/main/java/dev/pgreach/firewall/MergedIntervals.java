package dev.pgreach.firewall;

import dev.pgreach.core.Ipv4Range;
import java.util.Arrays;
import java.util.List;

/**
 * A set of addresses as sorted, merged, disjoint intervals of biased ints (so that signed order is
 * address order): membership is one binary search over an int array, with no allocation.
 */
final class MergedIntervals {
  private static final int BIAS = Integer.MIN_VALUE;

  /** Interval starts, biased, ascending. */
  private final int[] starts;
  /** Interval ends (inclusive), biased. */
  private final int[] ends;

  private MergedIntervals(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  /** Merges ranges, in any order: O(n log n). */
  static MergedIntervals of(List<Ipv4Range> ranges) {
    long[][] spans = new long[ranges.size()][];
    for (int i = 0; i < spans.length; i++) {
      spans[i] = new long[] {ranges.get(i).first().toLong(), ranges.get(i).last().toLong()};
    }
    Arrays.sort(spans, (a, b) -> Long.compare(a[0], b[0]));
    int[] s = new int[spans.length];
    int[] e = new int[spans.length];
    int n = 0;
    long end = -2;
    for (long[] span : spans) {
      if (n > 0 && span[0] <= end + 1) {
        end = Math.max(end, span[1]);
        e[n - 1] = (int) end ^ BIAS;
      } else {
        s[n] = (int) span[0] ^ BIAS;
        e[n] = (int) span[1] ^ BIAS;
        end = span[1];
        n++;
      }
    }
    return new MergedIntervals(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
  }

  /** Whether the address (as {@code Ipv4Address.toBits()}) is in the set. */
  boolean contains(int address) {
    int a = address ^ BIAS;
    int i = Arrays.binarySearch(starts, a);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && a <= ends[i];
  }

  /** The number of merged intervals. */
  int size() {
    return starts.length;
  }
}
