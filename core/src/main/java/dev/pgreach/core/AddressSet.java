package dev.pgreach.core;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Optional;

/**
 * A set of IPv4 addresses in canonical form: sorted, disjoint, non-adjacent inclusive ranges.
 *
 * <p>Two sets holding the same addresses are always {@link #equals equal}, whatever ranges or
 * prefixes they were built from. Set operations ({@link #union}, {@link #intersection}, {@link
 * #difference}, {@link #complement}) run in time linear in the number of ranges; {@link #contains}
 * is a binary search, O(log n). {@link #size()} is exact up to 2<sup>32</sup>.
 *
 * <pre>{@code
 * AddressSet vnet = AddressSet.of(Ipv4Prefix.parse("10.0.0.0/16"));
 * AddressSet free = vnet.difference(AddressSet.of(Ipv4Prefix.parse("10.0.1.0/24")));
 * free.contains(Ipv4Address.parse("10.0.1.7"));   // false
 * free.toPrefixes();  // [10.0.0.0/24, 10.0.2.0/23, 10.0.4.0/22, 10.0.8.0/21, 10.0.16.0/20, ...]
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class AddressSet {
  private static final int BIAS = Integer.MIN_VALUE;
  private static final int[] NONE = new int[0];

  /** The empty set. */
  public static final AddressSet EMPTY = new AddressSet(NONE, NONE);

  /** Every address, {@code 0.0.0.0/0}. */
  public static final AddressSet ALL = new AddressSet(new int[] {BIAS}, new int[] {-1 ^ BIAS});

  /**
   * The addresses no host on the internet has as its own, so that no internet source or public
   * endpoint is ever one of them: "this network" ({@code 0.0.0.0/8}), the private ranges of RFC
   * 1918 ({@code 10.0.0.0/8}, {@code 172.16.0.0/12}, {@code 192.168.0.0/16}), shared address space
   * ({@code 100.64.0.0/10}), loopback ({@code 127.0.0.0/8}), link-local ({@code 169.254.0.0/16}),
   * IETF protocol assignments ({@code 192.0.0.0/24}, except the anycast addresses {@code
   * 192.0.0.9} and {@code 192.0.0.10}, which the registry marks globally reachable), multicast ({@code 224.0.0.0/4}), reserved
   * space ({@code 240.0.0.0/4}) and the limited broadcast address {@code 255.255.255.255} (inside
   * the reserved block). These are the blocks of the IANA IPv4 special-purpose address registry
   * that are not globally reachable, except the documentation blocks (RFC 5737: {@code
   * 192.0.2.0/24}, {@code 198.51.100.0/24}, {@code 203.0.113.0/24}) and the benchmarking block
   * ({@code 198.18.0.0/15}), which pgreach counts as public so that examples and stand-ins can be
   * internet hosts (a decision recorded in the module README).
   */
  public static final AddressSet NOT_PUBLIC =
      parse(
              "0.0.0.0/8, 10.0.0.0/8, 100.64.0.0/10, 127.0.0.0/8, 169.254.0.0/16, 172.16.0.0/12, 192.0.0.0/24, 192.168.0.0/16,"
                  + " 224.0.0.0/4, 240.0.0.0/4")
          .difference(parse("192.0.0.9/32, 192.0.0.10/32"));

  /**
   * The public address space, every address not in {@link #NOT_PUBLIC}: the one definition of
   * "public" in pgreach. {@link Ipv4Address#isPublic()} is membership in it, and every answer
   * about public sources (exposure, comparison, the companion's internet hosts, validation) is
   * within it.
   */
  public static final AddressSet PUBLIC = NOT_PUBLIC.complement();

  /*
   * Range i is [firsts[i], lasts[i]]. Values are stored biased (bits ^ MIN_VALUE), so that signed
   * int order is unsigned address order and Arrays.binarySearch works directly. Canonical form:
   * firsts[i] <= lasts[i] and lasts[i] + 1 < firsts[i + 1] (disjoint and not adjacent).
   */
  private final int[] firsts;
  private final int[] lasts;

  private AddressSet(int[] firsts, int[] lasts) {
    this.firsts = firsts;
    this.lasts = lasts;
  }

  /**
   * Returns the set of all addresses of the given prefixes.
   *
   * @param prefixes the prefixes, in any order, possibly overlapping
   * @return their union
   */
  public static AddressSet of(Ipv4Prefix... prefixes) {
    Builder b = builder();
    for (Ipv4Prefix p : prefixes) {
      b.add(p);
    }
    return b.build();
  }

  /**
   * Returns the set of all addresses of the given ranges.
   *
   * @param ranges the ranges, in any order, possibly overlapping
   * @return their union
   */
  public static AddressSet of(Ipv4Range... ranges) {
    Builder b = builder();
    for (Ipv4Range r : ranges) {
      b.add(r);
    }
    return b.build();
  }

  /**
   * Returns the set holding the given addresses.
   *
   * @param addresses the addresses
   * @return the set
   */
  public static AddressSet ofAddresses(Iterable<Ipv4Address> addresses) {
    Builder b = builder();
    for (Ipv4Address a : addresses) {
      b.add(a);
    }
    return b.build();
  }

  /**
   * Returns the union of the given prefixes.
   *
   * @param prefixes the prefixes
   * @return the set
   */
  public static AddressSet ofPrefixes(Iterable<Ipv4Prefix> prefixes) {
    Builder b = builder();
    for (Ipv4Prefix p : prefixes) {
      b.add(p);
    }
    return b.build();
  }

  /**
   * Returns the union of the given ranges.
   *
   * @param ranges the ranges
   * @return the set
   */
  public static AddressSet ofRanges(Iterable<Ipv4Range> ranges) {
    Builder b = builder();
    for (Ipv4Range r : ranges) {
      b.add(r);
    }
    return b.build();
  }

  /**
   * Parses a comma-separated list of addresses, prefixes and ranges, as {@link #toString()} writes
   * it: {@code 10.0.0.0/24, 10.0.2.1-10.0.2.9, 192.168.1.1}. Blanks around items are ignored; the
   * empty string and {@code {}} are the empty set.
   *
   * @param text the list
   * @return the set
   * @throws PgreachException {@link ErrorCode#INVALID_RANGE} or the code of the item that does not
   *     parse, with a message that names the whole text, the item's position and its problem
   */
  public static AddressSet parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "AddressSet text must not be null");
    }
    String body = text.strip();
    if (body.startsWith("{") && body.endsWith("}")) {
      body = body.substring(1, body.length() - 1).strip();
    }
    if (body.isEmpty()) {
      return EMPTY;
    }
    Builder b = builder();
    String[] items = body.split(",", -1);
    for (int i = 0; i < items.length; i++) {
      String t = items[i].strip();
      try {
        if (t.indexOf('/') >= 0) {
          b.add(Ipv4Prefix.parse(t));
        } else {
          b.add(Ipv4Range.parse(t));
        }
      } catch (PgreachException e) {
        PgreachException named =
            PgreachException.of(
                e.code(), "AddressSet (\"%s\") item %d: %s", text, i + 1, e.getMessage());
        named.initCause(e);
        throw named;
      }
    }
    return b.build();
  }

  /**
   * Returns a builder that accumulates addresses, prefixes and ranges in any order.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether the address is in this set, by binary search over the ranges.
   *
   * @param address the address
   * @return whether it is a member
   */
  public boolean contains(Ipv4Address address) {
    return indexOf(address.toBits() ^ BIAS) >= 0;
  }

  /**
   * Returns the range of this set that holds the address, if any.
   *
   * @param address the address
   * @return the canonical range containing it, or empty
   */
  public Optional<Ipv4Range> rangeContaining(Ipv4Address address) {
    int i = indexOf(address.toBits() ^ BIAS);
    return i < 0 ? Optional.empty() : Optional.of(range(i));
  }

  /**
   * Tells whether every address of {@code other} is in this set.
   *
   * @param other the other set
   * @return whether this set is a superset of it
   */
  public boolean containsAll(AddressSet other) {
    return other.difference(this).isEmpty();
  }

  /**
   * Tells whether the two sets share at least one address.
   *
   * @param other the other set
   * @return whether the intersection is not empty
   */
  public boolean intersects(AddressSet other) {
    int i = 0;
    int j = 0;
    while (i < firsts.length && j < other.firsts.length) {
      if (lasts[i] < other.firsts[j]) {
        i++;
      } else if (other.lasts[j] < firsts[i]) {
        j++;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the set has no address.
   *
   * @return whether it is empty
   */
  public boolean isEmpty() {
    return firsts.length == 0;
  }

  /**
   * Returns the number of addresses, from 0 to 4294967296.
   *
   * @return the exact size
   */
  public long size() {
    long n = 0;
    for (int i = 0; i < firsts.length; i++) {
      n += (long) lasts[i] - firsts[i] + 1;
    }
    return n;
  }

  /**
   * Returns the number of canonical ranges.
   *
   * @return the range count
   */
  public int rangeCount() {
    return firsts.length;
  }

  /**
   * Returns the canonical ranges in address order: disjoint, and no two adjacent.
   *
   * @return the ranges
   */
  public ImmutableList<Ipv4Range> ranges() {
    ImmutableList.Builder<Ipv4Range> out = ImmutableList.builderWithExpectedSize(firsts.length);
    for (int i = 0; i < firsts.length; i++) {
      out.add(range(i));
    }
    return out.build();
  }

  /**
   * Returns the fewest CIDR prefixes whose union is exactly this set, in address order.
   *
   * <p>Because the canonical ranges are maximal, the minimal cover of the set is the concatenation
   * of the minimal covers of its ranges.
   *
   * @return the minimal prefix decomposition
   */
  public ImmutableList<Ipv4Prefix> toPrefixes() {
    ImmutableList.Builder<Ipv4Prefix> out = ImmutableList.builder();
    for (int i = 0; i < firsts.length; i++) {
      Ipv4Range.appendPrefixes(firsts[i] ^ BIAS, lasts[i] ^ BIAS, out);
    }
    return out.build();
  }

  /**
   * Returns the smallest address of the set.
   *
   * @return the first address, or empty for the empty set
   */
  public Optional<Ipv4Address> first() {
    return isEmpty() ? Optional.empty() : Optional.of(Ipv4Address.ofBits(firsts[0] ^ BIAS));
  }

  /**
   * Returns the largest address of the set.
   *
   * @return the last address, or empty for the empty set
   */
  public Optional<Ipv4Address> last() {
    return isEmpty()
        ? Optional.empty()
        : Optional.of(Ipv4Address.ofBits(lasts[lasts.length - 1] ^ BIAS));
  }

  /**
   * Returns the addresses in this set or in {@code other}.
   *
   * @param other the other set
   * @return the union
   */
  public AddressSet union(AddressSet other) {
    if (other.isEmpty() || this == other) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Merger m = new Merger(firsts.length + other.firsts.length);
    int i = 0;
    int j = 0;
    while (i < firsts.length || j < other.firsts.length) {
      if (j == other.firsts.length || (i < firsts.length && firsts[i] <= other.firsts[j])) {
        m.add(firsts[i], lasts[i]);
        i++;
      } else {
        m.add(other.firsts[j], other.lasts[j]);
        j++;
      }
    }
    return m.build();
  }

  /**
   * Returns the addresses in both this set and {@code other}.
   *
   * @param other the other set
   * @return the intersection
   */
  public AddressSet intersection(AddressSet other) {
    Merger m = new Merger(firsts.length + other.firsts.length);
    int i = 0;
    int j = 0;
    while (i < firsts.length && j < other.firsts.length) {
      int lo = Math.max(firsts[i], other.firsts[j]);
      int hi = Math.min(lasts[i], other.lasts[j]);
      if (lo <= hi) {
        m.add(lo, hi);
      }
      if (lasts[i] < other.lasts[j]) {
        i++;
      } else {
        j++;
      }
    }
    return m.build();
  }

  /**
   * Returns the addresses in this set that are not in {@code other}.
   *
   * @param other the set to remove
   * @return the difference
   */
  public AddressSet difference(AddressSet other) {
    if (other.isEmpty() || isEmpty()) {
      return this;
    }
    return intersection(other.complement());
  }

  /**
   * Returns every address that is not in this set.
   *
   * @return the complement within {@code 0.0.0.0/0}
   */
  public AddressSet complement() {
    if (isEmpty()) {
      return ALL;
    }
    Merger m = new Merger(firsts.length + 1);
    int min = Integer.MIN_VALUE;
    if (firsts[0] != min) {
      m.add(min, firsts[0] - 1);
    }
    for (int i = 0; i + 1 < firsts.length; i++) {
      m.add(lasts[i] + 1, firsts[i + 1] - 1);
    }
    if (lasts[lasts.length - 1] != Integer.MAX_VALUE) {
      m.add(lasts[lasts.length - 1] + 1, Integer.MAX_VALUE);
    }
    return m.build();
  }

  /** Two sets are equal when they hold the same addresses. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AddressSet
        && Arrays.equals(firsts, ((AddressSet) other).firsts)
        && Arrays.equals(lasts, ((AddressSet) other).lasts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(firsts) * 31 + Arrays.hashCode(lasts);
  }

  /**
   * Returns the canonical ranges as {@code {10.0.0.0/24, 10.0.2.1-10.0.2.9}}: a range that is
   * exactly one prefix is written in CIDR form. {@link #parse} reads this form back.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int i = 0; i < firsts.length; i++) {
      if (i > 0) {
        s.append(", ");
      }
      Ipv4Range r = range(i);
      s.append(r.isPrefix() && r.size() > 1 ? r.toPrefixes().get(0).toString() : r.toString());
    }
    return s.append('}').toString();
  }

  private Ipv4Range range(int i) {
    return Ipv4Range.ofBits(firsts[i] ^ BIAS, lasts[i] ^ BIAS);
  }

  /** Index of the range holding the biased value, or a negative number. */
  private int indexOf(int biased) {
    int i = Arrays.binarySearch(firsts, biased);
    if (i >= 0) {
      return i;
    }
    int candidate = -i - 2; // the last range starting before the value
    return candidate >= 0 && lasts[candidate] >= biased ? candidate : -1;
  }

  /** Appends biased ranges in ascending order of first address and merges overlaps and neighbours. */
  private static final class Merger {
    private int[] f;
    private int[] l;
    private int n;

    Merger(int capacity) {
      f = new int[Math.max(capacity, 1)];
      l = new int[Math.max(capacity, 1)];
    }

    void add(int first, int last) {
      if (n > 0 && (long) first <= (long) l[n - 1] + 1) {
        if (last > l[n - 1]) {
          l[n - 1] = last;
        }
        return;
      }
      if (n == f.length) {
        f = Arrays.copyOf(f, n * 2);
        l = Arrays.copyOf(l, n * 2);
      }
      f[n] = first;
      l[n] = last;
      n++;
    }

    AddressSet build() {
      return n == 0 ? EMPTY : new AddressSet(Arrays.copyOf(f, n), Arrays.copyOf(l, n));
    }
  }

  /**
   * Accumulates addresses, prefixes and ranges in any order, then sorts and merges them once.
   * Builders are not thread-safe; the sets they build are.
   */
  public static final class Builder {
    private long[] ranges = new long[8];
    private int n;

    private Builder() {}

    /**
     * Adds one address.
     *
     * @param address the address
     * @return this builder
     */
    public Builder add(Ipv4Address address) {
      requireNonNull(address, "address");
      return addBits(address.toBits(), address.toBits());
    }

    /**
     * Adds every address of a prefix.
     *
     * @param prefix the prefix
     * @return this builder
     */
    public Builder add(Ipv4Prefix prefix) {
      requireNonNull(prefix, "prefix");
      return addBits(prefix.first().toBits(), prefix.last().toBits());
    }

    /**
     * Adds every address of a range.
     *
     * @param range the range
     * @return this builder
     */
    public Builder add(Ipv4Range range) {
      requireNonNull(range, "range");
      return addBits(range.first().toBits(), range.last().toBits());
    }

    /**
     * Adds every address of a set.
     *
     * @param set the set
     * @return this builder
     */
    public Builder add(AddressSet set) {
      requireNonNull(set, "set");
      for (int i = 0; i < set.firsts.length; i++) {
        addBits(set.firsts[i] ^ BIAS, set.lasts[i] ^ BIAS);
      }
      return this;
    }

    private Builder addBits(int first, int last) {
      if (n == ranges.length) {
        ranges = Arrays.copyOf(ranges, n * 2);
      }
      // Pack the biased first into the high half and the biased last into the low half, so one
      // sort of longs orders by first address.
      ranges[n++] = ((long) (first ^ BIAS) << 32) | ((last ^ BIAS) & 0xFFFF_FFFFL);
      return this;
    }

    /**
     * Returns the canonical set of everything added.
     *
     * @return the set
     */
    public AddressSet build() {
      long[] sorted = Arrays.copyOf(ranges, n);
      Arrays.sort(sorted);
      Merger m = new Merger(n);
      for (long r : sorted) {
        m.add((int) (r >> 32), (int) r);
      }
      return m.build();
    }
  }
}
