package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.Ipv4Arbitraries;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Statistics are printed only when a property fails. */
@StatisticsReport(onFailureOnly = true)
class AddressSetProperties {
  private static final long SPACE = 1L << 32;

  /** 64 addresses around the signed boundary: 127.255.255.224 to 128.0.0.31. */
  private static final Ipv4Range SIGN_WINDOW =
      Ipv4Range.parse("127.255.255.224-128.0.0.31");

  private static final Ipv4Range LOW_WINDOW = Ipv4Range.parse("0.0.0.0-0.0.0.63");
  private static final Ipv4Range HIGH_WINDOW = Ipv4Range.parse("255.255.255.192-255.255.255.255");

  /** Two range lists inside one small window, with the brute-force model of that window. */
  record InWindow(AddressSetModel model, List<Ipv4Range> a, List<Ipv4Range> b) {
    AddressSet setA() {
      return AddressSet.ofRanges(a);
    }

    AddressSet setB() {
      return AddressSet.ofRanges(b);
    }

    BitSet bitsA() {
      return model.bitsOf(a);
    }

    BitSet bitsB() {
      return model.bitsOf(b);
    }
  }

  // ---------------------------------------------------------------- generators

  /**
   * Sets anywhere, and sets crowded into small windows so that operands overlap often. Only the
   * edge cases of the whole space are kept, so that those of three operands stay fewer than tries.
   */
  @Provide
  Arbitrary<AddressSet> sets() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Ipv4Arbitraries.addressSets()),
        Tuple.of(3, Ipv4Arbitraries.addressSetsIn(SIGN_WINDOW).withoutEdgeCases()),
        Tuple.of(1, Ipv4Arbitraries.addressSetsIn(LOW_WINDOW).withoutEdgeCases()),
        Tuple.of(1, Ipv4Arbitraries.addressSetsIn(HIGH_WINDOW).withoutEdgeCases()));
  }

  @Provide
  Arbitrary<InWindow> windowed() {
    return inWindows(1, 64);
  }

  /** Windows of at most six addresses, where two random sets are often equal. */
  @Provide
  Arbitrary<InWindow> tiny() {
    return inWindows(1, 6);
  }

  private static Arbitrary<InWindow> inWindows(int minWidth, int maxWidth) {
    Arbitrary<Integer> widths =
        Arbitraries.integers().between(minWidth, maxWidth).withoutEdgeCases();
    Arbitrary<Integer> places = Arbitraries.integers().between(0, 5);
    Arbitrary<Long> anywhere = Arbitraries.longs().between(0, SPACE - 1).withoutEdgeCases();
    Arbitrary<AddressSetModel> models =
        Combinators.combine(widths, places, anywhere).as(AddressSetProperties::window);
    return models.flatMap(
        model -> {
          Arbitrary<List<Ipv4Range>> lists = Ipv4Arbitraries.rangeListsIn(model.window());
          return Combinators.combine(lists, lists).as((a, b) -> new InWindow(model, a, b));
        });
  }

  /**
   * A window at the bottom, across the signed boundary, just below or just above it, at the top,
   * or anywhere.
   */
  private static AddressSetModel window(int width, int place, long anywhere) {
    long half = 1L << 31;
    long base;
    switch (place) {
      case 0:
        base = 0;
        break;
      case 1:
        base = half - (width + 1) / 2;
        break;
      case 2:
        base = half - width;
        break;
      case 3:
        base = half;
        break;
      case 4:
        base = SPACE - width;
        break;
      default:
        base = Math.min(anywhere, SPACE - width);
        break;
    }
    return new AddressSetModel(base, width);
  }

  // ---------------------------------------------------------------- algebra laws

  @Property(tries = 300)
  boolean unionIsCommutative(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.union(b).equals(b.union(a));
  }

  @Property(tries = 300)
  boolean intersectionIsCommutative(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.intersection(b).equals(b.intersection(a));
  }

  @Property(tries = 300)
  boolean unionIsAssociative(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b, @ForAll("sets") AddressSet c) {
    return a.union(b).union(c).equals(a.union(b.union(c)));
  }

  @Property(tries = 300)
  boolean intersectionIsAssociative(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b, @ForAll("sets") AddressSet c) {
    return a.intersection(b).intersection(c).equals(a.intersection(b.intersection(c)));
  }

  @Property(tries = 300)
  boolean intersectionDistributesOverUnion(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b, @ForAll("sets") AddressSet c) {
    return a.intersection(b.union(c)).equals(a.intersection(b).union(a.intersection(c)));
  }

  @Property(tries = 300)
  boolean unionDistributesOverIntersection(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b, @ForAll("sets") AddressSet c) {
    return a.union(b.intersection(c)).equals(a.union(b).intersection(a.union(c)));
  }

  @Property(tries = 300)
  boolean complementOfUnionIsIntersectionOfComplements(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.union(b).complement().equals(a.complement().intersection(b.complement()));
  }

  @Property(tries = 300)
  boolean complementOfIntersectionIsUnionOfComplements(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.intersection(b).complement().equals(a.complement().union(b.complement()));
  }

  @Property(tries = 300)
  boolean complementIsAnInvolution(@ForAll("sets") AddressSet a) {
    return a.complement().complement().equals(a);
  }

  @Property(tries = 300)
  void aSetAndItsComplementPartitionTheAddressSpace(@ForAll("sets") AddressSet a) {
    assertEquals(AddressSet.ALL, a.union(a.complement()));
    assertEquals(AddressSet.EMPTY, a.intersection(a.complement()));
    assertFalse(a.intersects(a.complement()));
    assertEquals(SPACE, a.size() + a.complement().size());
  }

  @Property(tries = 300)
  boolean unionAbsorbsIntersection(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.union(a.intersection(b)).equals(a);
  }

  @Property(tries = 300)
  boolean intersectionAbsorbsUnion(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.intersection(a.union(b)).equals(a);
  }

  @Property(tries = 200)
  void unionAndIntersectionAreIdempotent(@ForAll("sets") AddressSet a) {
    assertEquals(a, a.union(a));
    assertEquals(a, a.intersection(a));
    assertEquals(a, a.union(AddressSet.ofRanges(a.ranges())));
  }

  @Property(tries = 200)
  void emptyIsTheIdentityOfUnionAndTheAnnihilatorOfIntersection(@ForAll("sets") AddressSet a) {
    assertEquals(a, a.union(AddressSet.EMPTY));
    assertEquals(a, AddressSet.EMPTY.union(a));
    assertEquals(AddressSet.EMPTY, a.intersection(AddressSet.EMPTY));
    assertEquals(AddressSet.EMPTY, AddressSet.EMPTY.intersection(a));
    assertEquals(a, a.difference(AddressSet.EMPTY));
    assertEquals(AddressSet.EMPTY, AddressSet.EMPTY.difference(a));
  }

  @Property(tries = 200)
  void allIsTheIdentityOfIntersectionAndTheAnnihilatorOfUnion(@ForAll("sets") AddressSet a) {
    assertEquals(a, a.intersection(AddressSet.ALL));
    assertEquals(a, AddressSet.ALL.intersection(a));
    assertEquals(AddressSet.ALL, a.union(AddressSet.ALL));
    assertEquals(AddressSet.ALL, AddressSet.ALL.union(a));
    assertEquals(AddressSet.EMPTY, a.difference(AddressSet.ALL));
    assertEquals(a.complement(), AddressSet.ALL.difference(a));
  }

  @Property(tries = 300)
  boolean differenceIsIntersectionWithTheComplement(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    return a.difference(b).equals(a.intersection(b.complement()));
  }

  @Property(tries = 300)
  void containsAllAndIntersectsAgreeWithUnionAndIntersection(
      @ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    assertEquals(a.union(b).equals(a), a.containsAll(b));
    assertEquals(!a.intersection(b).isEmpty(), a.intersects(b));
    assertEquals(a.intersects(b), b.intersects(a));
    assertTrue(a.union(b).containsAll(a));
    assertTrue(a.containsAll(a.intersection(b)));
  }

  @Property(tries = 300)
  void sizeIsAdditiveOverDisjointParts(@ForAll("sets") AddressSet a, @ForAll("sets") AddressSet b) {
    assertEquals(a.size(), a.difference(b).size() + a.intersection(b).size());
    assertEquals(a.union(b).size(), a.size() + b.size() - a.intersection(b).size());
  }

  // ---------------------------------------------------------------- brute force on small windows

  @Property(tries = 300)
  void containsAgreesWithBruteForce(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    BitSet bits = w.bitsA();
    for (Ipv4Address address : w.model().probes()) {
      assertEquals(w.model().member(bits, address), set.contains(address), address::toString);
    }
  }

  @Property(tries = 200)
  void rangeContainingIsTheMaximalRunAroundTheAddress(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    List<Ipv4Range> runs = w.model().runs(w.bitsA());
    for (Ipv4Address address : w.model().probes()) {
      Optional<Ipv4Range> expected =
          runs.stream().filter(r -> r.contains(address)).findFirst();
      assertEquals(expected, set.rangeContaining(address), address::toString);
    }
  }

  @Property(tries = 300)
  void unionAgreesWithBruteForce(@ForAll("windowed") InWindow w) {
    BitSet expected = w.bitsA();
    expected.or(w.bitsB());
    assertMatches(w.model(), expected, w.setA().union(w.setB()));
  }

  @Property(tries = 300)
  void intersectionAgreesWithBruteForce(@ForAll("windowed") InWindow w) {
    BitSet expected = w.bitsA();
    expected.and(w.bitsB());
    assertMatches(w.model(), expected, w.setA().intersection(w.setB()));
  }

  @Property(tries = 300)
  void differenceAgreesWithBruteForce(@ForAll("windowed") InWindow w) {
    BitSet expected = w.bitsA();
    expected.andNot(w.bitsB());
    assertMatches(w.model(), expected, w.setA().difference(w.setB()));
  }

  @Property(tries = 300)
  void complementAgreesWithBruteForce(@ForAll("windowed") InWindow w) {
    AddressSetModel model = w.model();
    BitSet inside = w.bitsA();
    inside.flip(0, model.width());
    AddressSet complement = w.setA().complement();
    assertEquals(inside, model.bitsInWindow(complement));
    assertEquals(SPACE - model.width(), model.countOutsideWindow(complement));
    for (Ipv4Address address : model.probes()) {
      boolean inWindow = model.window().contains(address);
      boolean expected = !inWindow || model.member(inside, address);
      assertEquals(expected, complement.contains(address), address::toString);
    }
  }

  @Property(tries = 300)
  void containsAllAndIntersectsAgreeWithBruteForce(@ForAll("windowed") InWindow w) {
    BitSet a = w.bitsA();
    BitSet b = w.bitsB();
    BitSet bOutsideA = (BitSet) b.clone();
    bOutsideA.andNot(a);
    assertEquals(bOutsideA.isEmpty(), w.setA().containsAll(w.setB()));
    assertEquals(a.intersects(b), w.setA().intersects(w.setB()));
  }

  @Property(tries = 300)
  void sizeEqualsTheBruteForceCount(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    assertEquals(w.bitsA().cardinality(), set.size());
    assertEquals(SPACE - w.bitsA().cardinality(), set.complement().size());
    assertEquals(set.isEmpty(), w.bitsA().isEmpty());
  }

  @Property(tries = 300)
  void rangesAreTheSortedDisjointNonAdjacentMaximalRuns(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    List<Ipv4Range> ranges = set.ranges();
    for (int i = 0; i + 1 < ranges.size(); i++) {
      long gapStart = ranges.get(i).last().toLong() + 1;
      assertTrue(gapStart < ranges.get(i + 1).first().toLong(), () -> "not canonical: " + set);
    }
    assertEquals(w.model().runs(w.bitsA()), ranges);
    assertEquals(ranges.size(), set.rangeCount());
  }

  @Property(tries = 300)
  void firstAndLastAreTheSmallestAndLargestMembers(@ForAll("windowed") InWindow w) {
    BitSet bits = w.bitsA();
    AddressSet set = w.setA();
    if (bits.isEmpty()) {
      assertEquals(Optional.empty(), set.first());
      assertEquals(Optional.empty(), set.last());
    } else {
      assertEquals(Optional.of(w.model().address(bits.nextSetBit(0))), set.first());
      assertEquals(Optional.of(w.model().address(bits.length() - 1)), set.last());
    }
  }

  @Property(tries = 300)
  void setsWithTheSameAddressesAreEqual(@ForAll("windowed") InWindow w, @ForAll Random random) {
    AddressSet fromRanges = w.setA();
    BitSet bits = w.bitsA();
    List<Ipv4Address> members = new ArrayList<>();
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      members.add(w.model().address(i));
    }
    Collections.shuffle(members, random);
    AddressSet fromAddresses = AddressSet.ofAddresses(members);
    AddressSet fromRuns = AddressSet.ofRanges(w.model().runs(bits));
    assertEquals(fromRanges, fromAddresses);
    assertEquals(fromRanges, fromRuns);
    assertEquals(fromRanges.hashCode(), fromAddresses.hashCode());
    assertEquals(fromRanges.toString(), fromAddresses.toString());
  }

  @Property(tries = 500)
  void setsAreEqualExactlyWhenTheyHoldTheSameAddresses(@ForAll("tiny") InWindow w) {
    boolean sameAddresses = w.bitsA().equals(w.bitsB());
    Statistics.label("same addresses").collect(sameAddresses);
    assertEquals(sameAddresses, w.setA().equals(w.setB()));
    if (sameAddresses) {
      assertEquals(w.setA().hashCode(), w.setB().hashCode());
      assertEquals(w.setA().ranges(), w.setB().ranges());
    }
    Statistics.label("same addresses")
        .coverage(coverage -> {
          coverage.check(true).count(c -> c > 0);
          coverage.check(false).count(c -> c > 0);
        });
  }

  @Property(tries = 300)
  void toPrefixesCoversExactlyTheSetWithDisjointPrefixes(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    List<Ipv4Prefix> prefixes = set.toPrefixes();
    BitSet covered = new BitSet();
    long total = 0;
    for (Ipv4Prefix p : prefixes) {
      BitSet block = w.model().bitsOf(List.of(p.toRange()));
      assertFalse(covered.intersects(block), () -> "overlapping prefix " + p + " in " + prefixes);
      covered.or(block);
      total += p.size();
    }
    assertEquals(w.bitsA(), covered);
    assertEquals(set.size(), total);
    assertEquals(set, AddressSet.ofPrefixes(prefixes));
    List<Ipv4Prefix> sorted = new ArrayList<>(prefixes);
    Collections.sort(sorted);
    assertEquals(sorted, prefixes);
  }

  @Property(tries = 300)
  void toPrefixesIsAsShortAsTheBruteForceMinimum(@ForAll("windowed") InWindow w) {
    assertEquals(w.model().minimalPrefixCount(w.bitsA()), w.setA().toPrefixes().size());
  }

  @Property(tries = 300)
  boolean parseReadsBackWhatToStringWrites(@ForAll("sets") AddressSet a) {
    return AddressSet.parse(a.toString()).equals(a);
  }

  /** Lists of addresses, prefixes and ranges, sometimes braced, sometimes with a bad item. */
  @Provide
  Arbitrary<String> setLikeText() {
    Arbitrary<String> item =
        Arbitraries.frequencyOf(
            Tuple.of(3, Ipv4Arbitraries.prefixes().map(Ipv4Prefix::toString)),
            Tuple.of(3, Ipv4Arbitraries.ranges().map(Ipv4Range::toString)),
            Tuple.of(1, Arbitraries.strings().withChars("0123456789.:-/ {}").ofMaxLength(10)));
    Arbitrary<String> separators = Arbitraries.of(",", ", ", " , ");
    return Combinators.combine(item.list().ofMaxSize(5), separators, Arbitraries.of(true, false))
        .as((items, separator, braced) -> {
          String body = String.join(separator, items);
          return braced ? "{" + body + "}" : body;
        });
  }

  @Property(tries = 500)
  void parseAcceptsListsOfValidItemsAndThrowsOnlyItsOwnException(
      @ForAll("setLikeText") String text) {
    String body = text.strip();
    if (body.startsWith("{") && body.endsWith("}")) {
      body = body.substring(1, body.length() - 1).strip();
    }
    AddressSet.Builder expected = AddressSet.builder();
    boolean valid = true;
    if (!body.isEmpty()) {
      for (String item : body.split(",", -1)) {
        String t = item.strip();
        if (t.contains("/") && Ipv4Prefix.isValid(t)) {
          expected.add(Ipv4Prefix.parse(t));
        } else if (!t.contains("/") && Ipv4Range.isValid(t)) {
          expected.add(Ipv4Range.parse(t));
        } else {
          valid = false;
        }
      }
    }
    Statistics.label("valid").collect(valid);
    if (valid) {
      assertEquals(expected.build(), AddressSet.parse(text), text);
    } else {
      PgreachException e = assertThrows(PgreachException.class, () -> AddressSet.parse(text));
      assertTrue(e.getMessage().startsWith("AddressSet (\"" + text + "\")"), e.getMessage());
    }
    Statistics.label("valid")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 20);
              coverage.check(false).percentage(p -> p > 20);
            });
  }

  @Property(tries = 300)
  void parseReadsBackWhatToStringWritesInWindows(@ForAll("windowed") InWindow w) {
    AddressSet set = w.setA();
    assertEquals(set, AddressSet.parse(set.toString()));
    assertEquals(set.toString(), AddressSet.parse(set.toString()).toString());
  }

  @Property(tries = 300)
  void builderResultDoesNotDependOnOrderOrKindOfAdditions(
      @ForAll("windowed") InWindow w, @ForAll Random random) {
    AddressSet expected = w.setA();
    List<Ipv4Range> shuffled = new ArrayList<>(w.a());
    Collections.shuffle(shuffled, random);
    AddressSet.Builder mixed = AddressSet.builder();
    for (Ipv4Range r : shuffled) {
      switch (random.nextInt(4)) {
        case 0:
          mixed.add(r);
          break;
        case 1:
          r.toPrefixes().forEach(mixed::add);
          break;
        case 2:
          for (long v = r.first().toLong(); v <= r.last().toLong(); v++) {
            mixed.add(Ipv4Address.ofLong(v));
          }
          break;
        default:
          mixed.add(AddressSet.of(r));
          break;
      }
    }
    AddressSet folded = AddressSet.EMPTY;
    for (Ipv4Range r : shuffled) {
      folded = folded.union(AddressSet.of(r));
    }
    assertEquals(expected, mixed.build());
    assertEquals(expected, AddressSet.ofRanges(shuffled));
    assertEquals(expected, folded);
  }

  @Property(tries = 200)
  void builderResultDoesNotDependOnOrderAnywhereInTheAddressSpace(
      @ForAll("rangeLists") List<Ipv4Range> ranges, @ForAll Random random) {
    List<Ipv4Range> shuffled = new ArrayList<>(ranges);
    Collections.shuffle(shuffled, random);
    AddressSet.Builder builder = AddressSet.builder();
    shuffled.forEach(builder::add);
    assertEquals(AddressSet.ofRanges(ranges), builder.build());
    long naive = 0;
    for (Ipv4Range r : AddressSet.ofRanges(ranges).ranges()) {
      naive += r.size();
    }
    assertEquals(naive, AddressSet.ofRanges(shuffled).size());
    for (Ipv4Range r : ranges) {
      assertTrue(AddressSet.ofRanges(shuffled).contains(r.first()));
      assertTrue(AddressSet.ofRanges(shuffled).contains(r.last()));
    }
  }

  @Provide
  Arbitrary<List<Ipv4Range>> rangeLists() {
    return Ipv4Arbitraries.rangeLists();
  }

  private static void assertMatches(AddressSetModel model, BitSet expected, AddressSet actual) {
    assertEquals(expected, model.bitsInWindow(actual), actual::toString);
    assertEquals(0, model.countOutsideWindow(actual), actual::toString);
    for (Ipv4Address address : model.probes()) {
      assertEquals(model.member(expected, address), actual.contains(address), address::toString);
    }
    assertEquals(expected.cardinality(), actual.size());
  }
}
