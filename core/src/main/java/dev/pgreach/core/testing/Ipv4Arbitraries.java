package dev.pgreach.core.testing;

import static java.util.Objects.requireNonNull;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * jqwik generators for IPv4 addresses, prefixes, ranges and address sets.
 *
 * <p>Every value is built through the public factories of {@code dev.pgreach.core} ({@link
 * Ipv4Prefix#of}, {@link Ipv4Range#of}, {@link AddressSet#ofRanges}), so every value is valid by
 * construction and has passed the same checks as a value built by hand. Each generator has edge
 * cases chosen for the bugs IPv4 code most often has: {@code 0.0.0.0} and {@code
 * 255.255.255.255}, the signed-integer boundary between {@code 127.255.255.255} and {@code
 * 128.0.0.0}, {@code /0} and {@code /32}, single-address ranges, the empty set and the set of every
 * address. jqwik mixes the edge cases in among the random values.
 *
 * <pre>{@code
 * @Property
 * boolean unionHoldsBothSides(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
 *   return a.union(b).containsAll(a) && a.union(b).containsAll(b);
 * }
 *
 * @Provide
 * Arbitrary<AddressSet> sets() {
 *   return Ipv4Arbitraries.addressSets();
 * }
 * }</pre>
 *
 * <p>The generators that take a universe ({@link #addressesIn}, {@link #prefixesIn}, {@link
 * #rangesIn}, {@link #rangeListsIn}, {@link #addressSetsIn}) keep every address inside it. A
 * universe of a few dozen addresses makes touching and overlapping ranges frequent, and lets a test
 * compare a result with a brute-force model that visits every address.
 *
 * <p>Generators hold no state; every method returns a new, independent arbitrary, which may be
 * stored in a field and reused. jqwik itself is not a run-time dependency of pgreach: put {@code
 * net.jqwik:jqwik} on the test classpath to use this class.
 */
public final class Ipv4Arbitraries {
  /** The most ranges in one generated list. */
  private static final int MAX_RANGES = 8;

  /** The most addresses after the start of a short run. */
  private static final long SHORT_RUN = 300;

  /** How a generated range is placed relative to the one before it in a list. */
  private static final int KEEP = 0;
  private static final int TOUCH = 1;
  private static final int OVERLAP = 2;

  /** {@code 127.255.255.255}, the largest address whose top bit is clear. */
  private static final Ipv4Address BELOW_SIGN = Ipv4Address.ofBits(Integer.MAX_VALUE);

  /** {@code 128.0.0.0}, the smallest address whose top bit is set. */
  private static final Ipv4Address ABOVE_SIGN = Ipv4Address.ofBits(Integer.MIN_VALUE);

  private static final List<Ipv4Prefix> PRIVATE_PREFIXES =
      List.of(
          Ipv4Prefix.parse("10.0.0.0/8"),
          Ipv4Prefix.parse("100.64.0.0/10"),
          Ipv4Prefix.parse("172.16.0.0/12"),
          Ipv4Prefix.parse("192.168.0.0/16"));

  private Ipv4Arbitraries() {}

  /**
   * Returns any IPv4 address, spread over the whole address space.
   *
   * <p>Edge cases: {@code 0.0.0.0}, {@code 255.255.255.255}, {@code 127.255.255.255} and {@code
   * 128.0.0.0}. Values shrink towards {@code 0.0.0.0}.
   *
   * @return an arbitrary of addresses
   */
  public static Arbitrary<Ipv4Address> addresses() {
    return addressesIn(Ipv4Range.ALL);
  }

  /**
   * Returns addresses of a range, both ends included: mostly spread evenly over the range, some
   * close to its first address.
   *
   * <p>Edge cases: the first and last address of the range, and {@code 127.255.255.255} and
   * {@code 128.0.0.0} when the range holds them. Values shrink towards the first address.
   *
   * <pre>{@code
   * Ipv4Arbitraries.addressesIn(Ipv4Prefix.parse("10.0.0.0/24").toRange())
   * }</pre>
   *
   * @param universe the range every address is taken from
   * @return an arbitrary of addresses inside {@code universe}
   * @throws NullPointerException if {@code universe} is null
   */
  public static Arbitrary<Ipv4Address> addressesIn(Ipv4Range universe) {
    requireNonNull(universe, "universe");
    long first = universe.first().toLong();
    Arbitrary<Long> spread =
        Arbitraries.longs()
            .between(0, universe.size() - 1)
            .withDistribution(RandomDistribution.uniform());
    Arbitrary<Long> low = Arbitraries.longs().between(0, universe.size() - 1);
    List<Ipv4Address> edges = new ArrayList<>();
    for (Ipv4Address address :
        List.of(universe.first(), universe.last(), BELOW_SIGN, ABOVE_SIGN)) {
      if (universe.contains(address) && !edges.contains(address)) {
        edges.add(address);
      }
    }
    Arbitrary<Ipv4Address> addresses =
        Arbitraries.frequencyOf(Tuple.of(3, spread), Tuple.of(1, low))
            .map(offset -> Ipv4Address.ofLong(first + offset));
    return curated(addresses, edges.toArray(new Ipv4Address[0]));
  }

  /**
   * Returns addresses for which {@link Ipv4Address#isPrivate()} is true: the RFC 1918 ranges
   * {@code 10.0.0.0/8}, {@code 172.16.0.0/12} and {@code 192.168.0.0/16}, and the shared address
   * space {@code 100.64.0.0/10}, with equal weight.
   *
   * <p>Edge cases: the first and last address of each of the four ranges.
   *
   * @return an arbitrary of private addresses
   */
  public static Arbitrary<Ipv4Address> privateAddresses() {
    List<Arbitrary<Ipv4Address>> parts = new ArrayList<>();
    for (Ipv4Prefix prefix : PRIVATE_PREFIXES) {
      parts.add(addressesIn(prefix.toRange()));
    }
    return Arbitraries.oneOf(parts);
  }

  /**
   * Returns addresses an internet host can have: {@link Ipv4Address#isPublic()} is true (not
   * private, not in {@code 0.0.0.0/8}, loopback, link-local, multicast or reserved).
   *
   * <p>Edge cases: {@code 1.0.0.0}, {@code 223.255.255.255}, {@code 128.0.0.0}, and the addresses
   * just before and just after each private range (such as {@code 9.255.255.255} and {@code
   * 11.0.0.0}).
   *
   * @return an arbitrary of public addresses
   */
  public static Arbitrary<Ipv4Address> publicAddresses() {
    List<Ipv4Address> edges =
        new ArrayList<>(List.of(Ipv4Address.parse("1.0.0.0"), Ipv4Address.parse("223.255.255.255"), ABOVE_SIGN));
    for (Ipv4Prefix prefix : PRIVATE_PREFIXES) {
      edges.add(prefix.first().previous());
      edges.add(prefix.last().next());
    }
    return curated(
        addresses().filter(Ipv4Address::isPublic), edges.stream().filter(Ipv4Address::isPublic).toArray(Ipv4Address[]::new));
  }

  /**
   * Returns any prefix, with every length from 0 to 32 equally likely.
   *
   * <p>Edge cases: {@code 0.0.0.0/0}, {@code 0.0.0.0/1}, {@code 128.0.0.0/1}, {@code 0.0.0.0/32}
   * and {@code 255.255.255.255/32}. Values shrink towards shorter prefixes at lower addresses.
   *
   * @return an arbitrary of prefixes
   */
  public static Arbitrary<Ipv4Prefix> prefixes() {
    return curated(
        prefixesIn(Ipv4Prefix.ALL),
        new Ipv4Prefix[] {
          Ipv4Prefix.ALL,
          Ipv4Prefix.of(Ipv4Address.MIN, 1),
          Ipv4Prefix.of(ABOVE_SIGN, 1),
          Ipv4Prefix.of(Ipv4Address.MIN, 32),
          Ipv4Prefix.of(Ipv4Address.MAX, 32)
        });
  }

  /**
   * Returns prefixes inside a parent prefix: the parent itself or any of its subnets, with every
   * length from the parent's to 32 equally likely.
   *
   * <p>Edge cases: the parent itself and the first and last {@code /32} inside it.
   *
   * <pre>{@code
   * Ipv4Arbitraries.prefixesIn(Ipv4Prefix.parse("10.1.0.0/16"))   // 10.1.0.0/16, 10.1.7.0/24, ...
   * }</pre>
   *
   * @param parent the prefix that contains every generated prefix
   * @return an arbitrary of prefixes {@code p} with {@code parent.contains(p)}
   * @throws NullPointerException if {@code parent} is null
   */
  public static Arbitrary<Ipv4Prefix> prefixesIn(Ipv4Prefix parent) {
    requireNonNull(parent, "parent");
    Arbitrary<Integer> lengths = Arbitraries.integers().between(parent.length(), 32);
    List<Ipv4Prefix> edges = new ArrayList<>(List.of(parent));
    for (Ipv4Address host : List.of(parent.first(), parent.last())) {
      Ipv4Prefix prefix = Ipv4Prefix.of(host, 32);
      if (!edges.contains(prefix)) {
        edges.add(prefix);
      }
    }
    Arbitrary<Ipv4Prefix> prefixes =
        Combinators.combine(addressesIn(parent.toRange()), lengths).as(Ipv4Arbitraries::networkOf);
    return curated(prefixes, edges.toArray(new Ipv4Prefix[0]));
  }

  /**
   * Returns any range of addresses: single addresses, short runs, prefix-shaped blocks and long
   * spans, all over the address space.
   *
   * <p>Edge cases: the whole space, the single addresses {@code 0.0.0.0} and {@code
   * 255.255.255.255}, the two halves {@code 0.0.0.0-127.255.255.255} and {@code
   * 128.0.0.0-255.255.255.255}, and {@code 127.255.255.255-128.0.0.0}, which crosses the signed
   * boundary.
   *
   * @return an arbitrary of ranges
   */
  public static Arbitrary<Ipv4Range> ranges() {
    return rangesIn(Ipv4Range.ALL);
  }

  /**
   * Returns ranges inside a universe: single addresses, short runs, prefix-shaped blocks no larger
   * than the universe, and spans between two random addresses.
   *
   * <p>Edge cases: the universe itself, its first and last address alone, and, when the universe
   * holds them, the two halves of the address space and the two addresses around the signed
   * boundary ({@code 127.255.255.255-128.0.0.0}).
   *
   * @param universe the range that contains every generated range
   * @return an arbitrary of ranges {@code r} with {@code universe.contains(r)}
   * @throws NullPointerException if {@code universe} is null
   */
  public static Arbitrary<Ipv4Range> rangesIn(Ipv4Range universe) {
    requireNonNull(universe, "universe");
    Arbitrary<Ipv4Address> addresses = addressesIn(universe);
    Arbitrary<Ipv4Range> singles = addresses.map(Ipv4Range::single);
    Arbitrary<Ipv4Range> spans =
        Combinators.combine(addresses, addresses)
            .as((a, b) -> a.compareTo(b) <= 0 ? Ipv4Range.of(a, b) : Ipv4Range.of(b, a));
    long maxExtra = Math.min(SHORT_RUN, universe.size() - 1);
    Arbitrary<Ipv4Range> runs =
        Combinators.combine(addresses, Arbitraries.longs().between(0, maxExtra))
            .as((start, extra) -> rangeFrom(start, extra, universe));
    // Prefix lengths start where a block is about as large as the universe, not at /0.
    int hostBits = 64 - Long.numberOfLeadingZeros(universe.size() - 1);
    Arbitrary<Ipv4Range> blocks =
        Combinators.combine(addresses, Arbitraries.integers().between(32 - hostBits, 32))
            .as((address, length) -> clip(Ipv4Prefix.containing(address, length), universe));
    List<Ipv4Range> edges = new ArrayList<>();
    for (Ipv4Range range :
        List.of(
            universe,
            Ipv4Range.single(universe.first()),
            Ipv4Range.single(universe.last()),
            Ipv4Range.of(Ipv4Address.MIN, BELOW_SIGN),
            Ipv4Range.of(ABOVE_SIGN, Ipv4Address.MAX),
            Ipv4Range.of(BELOW_SIGN, ABOVE_SIGN))) {
      if (universe.contains(range) && !edges.contains(range)) {
        edges.add(range);
      }
    }
    Arbitrary<Ipv4Range> ranges =
        Arbitraries.frequencyOf(
            Tuple.of(2, singles), Tuple.of(3, runs), Tuple.of(2, blocks), Tuple.of(2, spans));
    return curated(ranges, edges.toArray(new Ipv4Range[0]));
  }

  /**
   * Returns lists of up to eight ranges anywhere in the address space, in which ranges often touch
   * (one starts right after another ends) or overlap. The list order is random.
   *
   * <p>Edge cases: the empty list, the whole space, {@code 0.0.0.0} and {@code 255.255.255.255}
   * alone and together, and the two touching halves {@code 0.0.0.0-127.255.255.255} and {@code
   * 128.0.0.0-255.255.255.255}.
   *
   * @return an arbitrary of range lists
   */
  public static Arbitrary<List<Ipv4Range>> rangeLists() {
    return rangeListsIn(Ipv4Range.ALL);
  }

  /**
   * Returns lists of up to eight ranges inside a universe, in which ranges often touch (one starts
   * right after another ends) or overlap. The list order is random, so the lists suit tests of
   * anything that must not depend on the order of its input.
   *
   * <p>Edge cases: the empty list, the whole universe, its first and its last address alone and
   * together, and its two halves, which touch.
   *
   * <pre>{@code
   * Ipv4Arbitraries.rangeListsIn(Ipv4Prefix.parse("10.0.0.0/26").toRange())
   * // [10.0.0.10, 10.0.0.3-10.0.0.9, 10.0.0.8-10.0.0.40], ...
   * }</pre>
   *
   * @param universe the range that contains every generated range
   * @return an arbitrary of range lists
   * @throws NullPointerException if {@code universe} is null
   */
  public static Arbitrary<List<Ipv4Range>> rangeListsIn(Ipv4Range universe) {
    requireNonNull(universe, "universe");
    Arbitrary<List<Ipv4Range>> ranges = rangesIn(universe).list().ofMaxSize(MAX_RANGES);
    Arbitrary<List<Integer>> links =
        Arbitraries.integers().between(KEEP, OVERLAP).list().ofSize(MAX_RANGES);
    Arbitrary<List<Ipv4Range>> lists =
        Combinators.combine(ranges, links)
            .as((rs, ls) -> chain(rs, ls, universe))
            .flatMap(Arbitraries::shuffle);
    Ipv4Range first = Ipv4Range.single(universe.first());
    Ipv4Range last = Ipv4Range.single(universe.last());
    List<List<Ipv4Range>> edges = new ArrayList<>();
    for (List<Ipv4Range> list :
        List.of(List.<Ipv4Range>of(), List.of(universe), List.of(first), List.of(last))) {
      if (!edges.contains(list)) {
        edges.add(list);
      }
    }
    if (universe.size() >= 2) {
      long middle = universe.first().toLong() + universe.size() / 2;
      edges.add(List.of(first, last));
      edges.add(
          List.of(
              Ipv4Range.of(universe.first(), Ipv4Address.ofLong(middle - 1)),
              Ipv4Range.of(Ipv4Address.ofLong(middle), universe.last())));
    }
    return curated(lists, edges);
  }

  /**
   * Returns address sets anywhere in the address space: unions of range lists from {@link
   * #rangeLists()}, and the whole space with such a union removed.
   *
   * <p>Edge cases: {@link AddressSet#EMPTY}, {@link AddressSet#ALL}, the set of {@code 0.0.0.0}
   * and {@code 255.255.255.255}, each half of the address space, and {@code
   * 127.255.255.255-128.0.0.0}.
   *
   * @return an arbitrary of address sets
   */
  public static Arbitrary<AddressSet> addressSets() {
    return addressSetsIn(Ipv4Range.ALL);
  }

  /**
   * Returns address sets whose addresses all lie inside a universe: unions of range lists from
   * {@link #rangeListsIn}, and the universe with such a union removed.
   *
   * <p>Edge cases: {@link AddressSet#EMPTY}, the whole universe, the set of its first and last
   * address, and, when the universe holds them, each half of the address space and {@code
   * 127.255.255.255-128.0.0.0}.
   *
   * <pre>{@code
   * Ipv4Range universe = Ipv4Range.parse("10.0.0.0-10.0.0.63");
   * Ipv4Arbitraries.addressSetsIn(universe)   // every set is a subset of these 64 addresses
   * }</pre>
   *
   * @param universe the range that contains every address of every generated set
   * @return an arbitrary of address sets {@code s} with {@code
   *     AddressSet.of(universe).containsAll(s)}
   * @throws NullPointerException if {@code universe} is null
   */
  public static Arbitrary<AddressSet> addressSetsIn(Ipv4Range universe) {
    requireNonNull(universe, "universe");
    AddressSet whole = AddressSet.of(universe);
    List<AddressSet> edges = new ArrayList<>();
    for (AddressSet set :
        List.of(
            AddressSet.EMPTY,
            whole,
            AddressSet.ofAddresses(List.of(universe.first(), universe.last())),
            AddressSet.of(Ipv4Range.of(Ipv4Address.MIN, BELOW_SIGN)),
            AddressSet.of(Ipv4Range.of(ABOVE_SIGN, Ipv4Address.MAX)),
            AddressSet.of(Ipv4Range.of(BELOW_SIGN, ABOVE_SIGN)))) {
      if (whole.containsAll(set) && !edges.contains(set)) {
        edges.add(set);
      }
    }
    Arbitrary<AddressSet> unions = rangeListsIn(universe).map(AddressSet::ofRanges);
    Arbitrary<AddressSet> sets =
        Arbitraries.frequencyOf(Tuple.of(3, unions), Tuple.of(1, unions.map(whole::difference)));
    return curated(sets, edges.toArray(new AddressSet[0]));
  }

  /**
   * Gives an arbitrary exactly the listed edge cases instead of those jqwik derives from its parts,
   * which for combined values are many and mostly uninteresting. The derived ones are dropped by a
   * filter that rejects them all, because a configuration that starts from none cannot add values.
   */
  private static <T> Arbitrary<T> curated(Arbitrary<T> arbitrary, T[] edges) {
    return arbitrary
        .withoutEdgeCases()
        .edgeCases(config -> config.filter(derived -> false).add(edges));
  }

  /** {@link #curated(Arbitrary, Object[])} for lists, whose array type cannot be created safely. */
  @SuppressWarnings("unchecked")
  private static <T> Arbitrary<List<T>> curated(Arbitrary<List<T>> arbitrary, List<List<T>> edges) {
    return curated(arbitrary, (List<T>[]) edges.toArray(new List<?>[0]));
  }

  /** The prefix of the given length that holds the address, built through the checked factory. */
  private static Ipv4Prefix networkOf(Ipv4Address address, int length) {
    int mask = length == 0 ? 0 : -1 << (32 - length);
    return Ipv4Prefix.of(Ipv4Address.ofBits(address.toBits() & mask), length);
  }

  /** The range from {@code start} holding {@code extra} more addresses, cut at the universe end. */
  private static Ipv4Range rangeFrom(Ipv4Address start, long extra, Ipv4Range universe) {
    long last = Math.min(start.toLong() + extra, universe.last().toLong());
    return Ipv4Range.of(start, Ipv4Address.ofLong(last));
  }

  /** The part of a prefix inside the universe; never empty, as both hold the seed address. */
  private static Ipv4Range clip(Ipv4Prefix prefix, Ipv4Range universe) {
    Ipv4Address first = max(prefix.first(), universe.first());
    Ipv4Address last = min(prefix.last(), universe.last());
    return Ipv4Range.of(first, last);
  }

  /**
   * Places each range after the first according to its link: as generated, right after the
   * previous range (touching it), or starting inside the previous range (overlapping it). Sizes are
   * kept where the universe allows.
   */
  private static List<Ipv4Range> chain(
      List<Ipv4Range> ranges, List<Integer> links, Ipv4Range universe) {
    List<Ipv4Range> out = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      Ipv4Range range = ranges.get(i);
      int link = links.get(i);
      if (i > 0) {
        Ipv4Range previous = out.get(i - 1);
        if (link == TOUCH && previous.last().compareTo(universe.last()) < 0) {
          range = rangeFrom(previous.last().next(), range.size() - 1, universe);
        } else if (link == OVERLAP) {
          long offset = (range.first().toLong() - universe.first().toLong()) % previous.size();
          Ipv4Address start = Ipv4Address.ofLong(previous.first().toLong() + offset);
          range = rangeFrom(start, range.size() - 1, universe);
        }
      }
      out.add(range);
    }
    return out;
  }

  private static Ipv4Address min(Ipv4Address a, Ipv4Address b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Ipv4Address max(Ipv4Address a, Ipv4Address b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
