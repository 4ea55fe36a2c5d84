package dev.pgreach.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Statistics are printed only when a property fails. */
@StatisticsReport(onFailureOnly = true)
class Ipv4ArbitrariesProperties {
  private static final List<Ipv4Prefix> PRIVATE =
      List.of(
          Ipv4Prefix.parse("10.0.0.0/8"),
          Ipv4Prefix.parse("100.64.0.0/10"),
          Ipv4Prefix.parse("172.16.0.0/12"),
          Ipv4Prefix.parse("192.168.0.0/16"));

  private static <T> Set<T> edgeCases(Arbitrary<T> arbitrary) {
    List<T> values = new ArrayList<>();
    for (Shrinkable<T> edge : arbitrary.edgeCases()) {
      values.add(edge.value());
    }
    return Set.copyOf(values);
  }

  private static Ipv4Address a(String text) {
    return Ipv4Address.parse(text);
  }

  private static Ipv4Range r(String text) {
    return Ipv4Range.parse(text);
  }

  // ---------------------------------------------------------------- the example in the javadoc

  @Property(tries = 200)
  boolean unionHoldsBothSides(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.union(b).containsAll(a) && a.union(b).containsAll(b);
  }

  @Provide
  Arbitrary<AddressSet> sets() {
    return Ipv4Arbitraries.addressSets();
  }

  // ---------------------------------------------------------------- addresses

  @Provide
  Arbitrary<Ipv4Address> addresses() {
    return Ipv4Arbitraries.addresses();
  }

  @Property(tries = 1000)
  void addressesReachBothHalvesOfTheSpace(@ForAll("addresses") Ipv4Address address) {
    assertEquals(address, Ipv4Address.parse(address.toString()));
    Statistics.label("top bit set").collect(address.toLong() >= 0x8000_0000L);
    Statistics.label("top bit set")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 20);
              coverage.check(false).percentage(p -> p > 20);
            });
  }

  @Example
  void addresses_edgeCases_areTheEndsAndTheSignedBoundary() {
    assertEquals(
        Set.of(a("0.0.0.0"), a("127.255.255.255"), a("128.0.0.0"), a("255.255.255.255")),
        edgeCases(Ipv4Arbitraries.addresses()));
  }

  @Provide
  Arbitrary<Tuple2<Ipv4Range, Ipv4Address>> addressesInRanges() {
    return Ipv4Arbitraries.ranges()
        .flatMap(r -> Ipv4Arbitraries.addressesIn(r).map(address -> Tuple.of(r, address)));
  }

  @Property(tries = 500)
  boolean addressesInStayInsideTheirUniverse(
      @ForAll("addressesInRanges") Tuple2<Ipv4Range, Ipv4Address> t) {
    return t.get1().contains(t.get2());
  }

  @Example
  void addressesIn_edgeCases_areTheUniverseEndsAndTheBoundaryWhenInside() {
    assertEquals(
        Set.of(a("10.0.0.0"), a("10.0.0.63")),
        edgeCases(Ipv4Arbitraries.addressesIn(r("10.0.0.0-10.0.0.63"))));
    assertEquals(
        Set.of(a("127.0.0.0"), a("127.255.255.255"), a("128.0.0.0"), a("128.0.0.9")),
        edgeCases(Ipv4Arbitraries.addressesIn(r("127.0.0.0-128.0.0.9"))));
    assertEquals(
        Set.of(a("10.0.0.7")), edgeCases(Ipv4Arbitraries.addressesIn(r("10.0.0.7"))));
  }

  @Property(tries = 500)
  void privateAddressesArePrivateAndComeFromEveryRange(
      @ForAll("privateAddresses") Ipv4Address address) {
    assertTrue(address.isPrivate(), address::toString);
    Ipv4Prefix range = PRIVATE.stream().filter(p -> p.contains(address)).findFirst().orElseThrow();
    Statistics.label("range").collect(range);
    Statistics.label("range")
        .coverage(
            coverage -> {
              for (Ipv4Prefix p : PRIVATE) {
                coverage.check(p).percentage(share -> share > 10);
              }
            });
  }

  @Provide
  Arbitrary<Ipv4Address> privateAddresses() {
    return Ipv4Arbitraries.privateAddresses();
  }

  @Property(tries = 500)
  boolean publicAddressesArePublic(@ForAll("publicAddresses") Ipv4Address address) {
    return address.isPublic() && !address.isPrivate();
  }

  @Provide
  Arbitrary<Ipv4Address> publicAddresses() {
    return Ipv4Arbitraries.publicAddresses();
  }

  @Example
  void privateAndPublicAddresses_edgeCases_areTheRangeBoundariesFromEachSide() {
    Set<Ipv4Address> privateEdges = edgeCases(Ipv4Arbitraries.privateAddresses());
    Set<Ipv4Address> publicEdges = edgeCases(Ipv4Arbitraries.publicAddresses());
    for (Ipv4Prefix p : PRIVATE) {
      assertTrue(privateEdges.contains(p.first()), p::toString);
      assertTrue(privateEdges.contains(p.last()), p::toString);
      assertTrue(publicEdges.contains(p.first().previous()), p::toString);
      assertTrue(publicEdges.contains(p.last().next()), p::toString);
    }
    assertTrue(publicEdges.containsAll(Set.of(Ipv4Address.parse("1.0.0.0"), Ipv4Address.parse("223.255.255.255"))));
    privateEdges.forEach(e -> assertTrue(e.isPrivate(), e::toString));
    publicEdges.forEach(e -> assertTrue(e.isPublic(), e::toString));
  }

  // ---------------------------------------------------------------- prefixes

  @Provide
  Arbitrary<Ipv4Prefix> prefixes() {
    return Ipv4Arbitraries.prefixes();
  }

  @Property(tries = 1000)
  void prefixesAreValidAndUseEveryLength(@ForAll("prefixes") Ipv4Prefix prefix) {
    assertEquals(prefix, Ipv4Prefix.parse(prefix.toString()));
    Statistics.label("length").collect(prefix.length());
    Statistics.label("length")
        .coverage(
            coverage -> {
              for (int length = 0; length <= 32; length++) {
                coverage.check(length).count(c -> c > 0);
              }
            });
  }

  @Example
  void prefixes_edgeCases_includeSlash0AndSlash32AtBothEnds() {
    assertEquals(
        Set.of(
            Ipv4Prefix.parse("0.0.0.0/0"),
            Ipv4Prefix.parse("0.0.0.0/1"),
            Ipv4Prefix.parse("128.0.0.0/1"),
            Ipv4Prefix.parse("0.0.0.0/32"),
            Ipv4Prefix.parse("255.255.255.255/32")),
        edgeCases(Ipv4Arbitraries.prefixes()));
  }

  @Provide
  Arbitrary<Tuple2<Ipv4Prefix, Ipv4Prefix>> prefixesInParents() {
    return Ipv4Arbitraries.prefixes()
        .flatMap(parent -> Ipv4Arbitraries.prefixesIn(parent).map(p -> Tuple.of(parent, p)));
  }

  @Property(tries = 1000)
  void prefixesInAParentAreInsideIt(
      @ForAll("prefixesInParents") Tuple2<Ipv4Prefix, Ipv4Prefix> t) {
    Ipv4Prefix parent = t.get1();
    Ipv4Prefix child = t.get2();
    assertTrue(parent.contains(child), () -> child + " outside " + parent);
    assertTrue(child.length() >= parent.length());
    Statistics.label("strict subnet").collect(!child.equals(parent));
    Statistics.label("strict subnet")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
  }

  @Example
  void prefixesIn_edgeCases_areTheParentAndItsFirstAndLastHost() {
    assertEquals(
        Set.of(
            Ipv4Prefix.parse("10.1.0.0/16"),
            Ipv4Prefix.parse("10.1.0.0/32"),
            Ipv4Prefix.parse("10.1.255.255/32")),
        edgeCases(Ipv4Arbitraries.prefixesIn(Ipv4Prefix.parse("10.1.0.0/16"))));
    assertEquals(
        Set.of(Ipv4Prefix.parse("10.1.0.9/32")),
        edgeCases(Ipv4Arbitraries.prefixesIn(Ipv4Prefix.parse("10.1.0.9/32"))));
  }

  // ---------------------------------------------------------------- ranges

  @Provide
  Arbitrary<Ipv4Range> ranges() {
    return Ipv4Arbitraries.ranges();
  }

  @Property(tries = 1000)
  void rangesAreValidAndIncludeSingleAddressesAndPrefixShapes(@ForAll("ranges") Ipv4Range range) {
    assertTrue(range.first().compareTo(range.last()) <= 0);
    assertEquals(range, Ipv4Range.parse(range.toString()));
    String kind = range.size() == 1 ? "single" : range.isPrefix() ? "prefix" : "other";
    Statistics.label("kind").collect(kind);
    Statistics.label("kind")
        .coverage(
            coverage -> {
              coverage.check("single").percentage(p -> p > 10);
              coverage.check("prefix").percentage(p -> p > 5);
              coverage.check("other").percentage(p -> p > 30);
            });
  }

  @Example
  void ranges_edgeCases_includeTheHalvesAndTheSignedBoundary() {
    assertEquals(
        Set.of(
            Ipv4Range.ALL,
            r("0.0.0.0"),
            r("255.255.255.255"),
            r("0.0.0.0-127.255.255.255"),
            r("128.0.0.0-255.255.255.255"),
            r("127.255.255.255-128.0.0.0")),
        edgeCases(Ipv4Arbitraries.ranges()));
  }

  @Provide
  Arbitrary<Tuple2<Ipv4Range, Ipv4Range>> rangesInUniverses() {
    return Ipv4Arbitraries.ranges()
        .flatMap(u -> Ipv4Arbitraries.rangesIn(u).map(r -> Tuple.of(u, r)));
  }

  @Property(tries = 500)
  boolean rangesInStayInsideTheirUniverse(
      @ForAll("rangesInUniverses") Tuple2<Ipv4Range, Ipv4Range> t) {
    return t.get1().contains(t.get2());
  }

  @Example
  void rangesIn_edgeCases_areTheUniverseAndItsEnds() {
    assertEquals(
        Set.of(r("10.0.0.0-10.0.0.63"), r("10.0.0.0"), r("10.0.0.63")),
        edgeCases(Ipv4Arbitraries.rangesIn(r("10.0.0.0-10.0.0.63"))));
    assertTrue(
        edgeCases(Ipv4Arbitraries.rangesIn(r("127.0.0.0-128.0.0.0")))
            .contains(r("127.255.255.255-128.0.0.0")));
  }

  // ---------------------------------------------------------------- range lists

  @Provide
  Arbitrary<List<Ipv4Range>> smallLists() {
    return Ipv4Arbitraries.rangeListsIn(r("10.0.0.0-10.0.0.63"));
  }

  @Property(tries = 1000)
  void rangeListsOftenHoldTouchingAndOverlappingRanges(
      @ForAll("smallLists") List<Ipv4Range> ranges) {
    assertTrue(ranges.size() <= 8);
    Ipv4Range universe = r("10.0.0.0-10.0.0.63");
    ranges.forEach(range -> assertTrue(universe.contains(range), range::toString));
    boolean touching = false;
    boolean overlapping = false;
    for (Ipv4Range x : ranges) {
      for (Ipv4Range y : ranges) {
        touching |= x.last().hasNext() && x.last().next().equals(y.first());
        overlapping |= x != y && x.overlaps(y);
      }
    }
    Statistics.label("touching").collect(touching);
    Statistics.label("overlapping").collect(overlapping);
    Statistics.label("touching").coverage(c -> c.check(true).percentage(p -> p > 10));
    Statistics.label("overlapping").coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  @Property(tries = 300)
  void rangeListsAreInRandomOrder(@ForAll("smallLists") List<Ipv4Range> ranges) {
    List<Ipv4Range> sorted = ranges.stream().sorted().collect(Collectors.toList());
    Statistics.label("sorted").collect(ranges.size() < 3 || ranges.equals(sorted));
    Statistics.label("sorted").coverage(c -> c.check(false).percentage(p -> p > 10));
  }

  @Example
  void rangeListsIn_edgeCases_areEmptyWholeEndsAndTouchingHalves() {
    assertEquals(
        Set.of(
            List.of(),
            List.of(r("10.0.0.0-10.0.0.63")),
            List.of(r("10.0.0.0")),
            List.of(r("10.0.0.63")),
            List.of(r("10.0.0.0"), r("10.0.0.63")),
            List.of(r("10.0.0.0-10.0.0.31"), r("10.0.0.32-10.0.0.63"))),
        edgeCases(Ipv4Arbitraries.rangeListsIn(r("10.0.0.0-10.0.0.63"))));
    assertEquals(
        Set.of(List.of(), List.of(r("10.0.0.7"))),
        edgeCases(Ipv4Arbitraries.rangeListsIn(r("10.0.0.7"))));
  }

  @Example
  void rangeLists_edgeCases_includeTheTouchingHalvesOfTheSpace() {
    Set<List<Ipv4Range>> edges = edgeCases(Ipv4Arbitraries.rangeLists());
    assertTrue(edges.contains(List.of()));
    assertTrue(edges.contains(List.of(Ipv4Range.ALL)));
    assertTrue(
        edges.contains(List.of(r("0.0.0.0-127.255.255.255"), r("128.0.0.0-255.255.255.255"))));
    assertTrue(edges.contains(List.of(r("0.0.0.0"), r("255.255.255.255"))));
  }

  // ---------------------------------------------------------------- address sets

  @Provide
  Arbitrary<AddressSet> smallSets() {
    return Ipv4Arbitraries.addressSetsIn(r("127.255.255.224-128.0.0.31"));
  }

  @Property(tries = 1000)
  void addressSetsInStayInsideTheirUniverseAndVary(@ForAll("smallSets") AddressSet set) {
    Ipv4Range universe = r("127.255.255.224-128.0.0.31");
    assertTrue(AddressSet.of(universe).containsAll(set), set::toString);
    assertEquals(set, AddressSet.parse(set.toString()));
    String shape;
    if (set.isEmpty()) {
      shape = "empty";
    } else if (set.size() == universe.size()) {
      shape = "whole";
    } else {
      shape = set.rangeCount() > 1 ? "holes" : "one";
    }
    Statistics.label("shape").collect(shape);
    Statistics.label("shape")
        .coverage(
            c -> {
              c.check("empty").count(n -> n > 0);
              c.check("whole").count(n -> n > 0);
              c.check("holes").percentage(p -> p > 20);
              c.check("one").percentage(p -> p > 10);
            });
  }

  @Property(tries = 500)
  void addressSetsReachBothEndsOfTheSpace(@ForAll("sets") AddressSet set) {
    assertEquals(set, AddressSet.parse(set.toString()));
    boolean touchesEnds = set.contains(Ipv4Address.MIN) || set.contains(Ipv4Address.MAX);
    Statistics.label("touches 0.0.0.0 or 255.255.255.255").collect(touchesEnds);
    Statistics.label("touches 0.0.0.0 or 255.255.255.255")
        .coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  @Example
  void addressSets_edgeCases_includeEmptyAllAndTheHalves() {
    assertEquals(
        Set.of(
            AddressSet.EMPTY,
            AddressSet.ALL,
            AddressSet.parse("0.0.0.0, 255.255.255.255"),
            AddressSet.parse("0.0.0.0/1"),
            AddressSet.parse("128.0.0.0/1"),
            AddressSet.parse("127.255.255.255-128.0.0.0")),
        edgeCases(Ipv4Arbitraries.addressSets()));
  }

  @Example
  void addressSetsIn_edgeCases_areEmptyTheUniverseAndItsEnds() {
    assertEquals(
        Set.of(
            AddressSet.EMPTY,
            AddressSet.parse("10.0.0.0/26"),
            AddressSet.parse("10.0.0.0, 10.0.0.63")),
        edgeCases(Ipv4Arbitraries.addressSetsIn(r("10.0.0.0-10.0.0.63"))));
  }

  // ---------------------------------------------------------------- arguments

  @Example
  void universes_null_throwNullPointerException() {
    assertThrows(NullPointerException.class, () -> Ipv4Arbitraries.addressesIn(null));
    assertThrows(NullPointerException.class, () -> Ipv4Arbitraries.prefixesIn(null));
    assertThrows(NullPointerException.class, () -> Ipv4Arbitraries.rangesIn(null));
    assertThrows(NullPointerException.class, () -> Ipv4Arbitraries.rangeListsIn(null));
    assertThrows(NullPointerException.class, () -> Ipv4Arbitraries.addressSetsIn(null));
  }
}
