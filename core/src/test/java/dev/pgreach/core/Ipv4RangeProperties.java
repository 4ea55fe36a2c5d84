package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.Ipv4Arbitraries;
import java.util.List;
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
class Ipv4RangeProperties {

  /** A range inside a small window, with the brute-force model of that window. */
  record InWindow(AddressSetModel model, Ipv4Range range) {}

  @Provide
  Arbitrary<Ipv4Range> ranges() {
    return Ipv4Arbitraries.ranges();
  }

  @Provide
  Arbitrary<Ipv4Address> addresses() {
    return Ipv4Arbitraries.addresses();
  }

  /** Windows of up to 128 addresses, a third of them ending at the signed boundary or the top. */
  @Provide
  Arbitrary<InWindow> windowed() {
    Arbitrary<Integer> widths = Arbitraries.integers().between(1, 128).withoutEdgeCases();
    Arbitrary<Long> bases =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 0xFFFF_FFFFL),
            Arbitraries.of(0L, 0x7FFF_FFC0L, 0x8000_0000L, 0xFFFF_FFFFL));
    return Combinators.combine(widths, bases)
        .as((width, base) -> new AddressSetModel(Math.min(base, (1L << 32) - width), width))
        .flatMap(
            model ->
                Ipv4Arbitraries.rangesIn(model.window()).map(r -> new InWindow(model, r)));
  }

  /** Text made of one or two addresses, often valid, sometimes in the wrong order or mangled. */
  @Provide
  Arbitrary<String> rangeLikeText() {
    Arbitrary<String> part =
        Arbitraries.frequencyOf(
            Tuple.of(6, Ipv4Arbitraries.addresses().map(Ipv4Address::toString)),
            Tuple.of(1, Arbitraries.strings().withChars("0123456789.:-/% af").ofMaxLength(12)));
    Arbitrary<String> separators = Arbitraries.of("-", "-", "-", "", " - ", "--");
    return Arbitraries.oneOf(
        part,
        Combinators.combine(part, separators, part).as((a, dash, b) -> a + dash + b));
  }

  @Property(tries = 1000)
  void parseAcceptsOneAddressOrTwoInOrderAndThrowsOnlyItsOwnException(
      @ForAll("rangeLikeText") String text) {
    int dash = text.indexOf('-');
    String first = dash < 0 ? text : text.substring(0, dash);
    String last = dash < 0 ? text : text.substring(dash + 1);
    boolean expected =
        Ipv4Address.isValid(first)
            && Ipv4Address.isValid(last)
            && Ipv4Address.parse(first).toLong() <= Ipv4Address.parse(last).toLong();
    Statistics.label("valid").collect(expected);
    assertEquals(expected, Ipv4Range.isValid(text), text);
    if (expected) {
      Ipv4Range range = Ipv4Range.parse(text);
      assertEquals(Ipv4Address.parse(first), range.first());
      assertEquals(Ipv4Address.parse(last), range.last());
    } else {
      assertThrows(PgreachException.class, () -> Ipv4Range.parse(text));
    }
    Statistics.label("valid")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 20);
              coverage.check(false).percentage(p -> p > 20);
            });
  }

  @Property(tries = 500)
  boolean parseReadsBackWhatToStringWrites(@ForAll("ranges") Ipv4Range range) {
    return Ipv4Range.parse(range.toString()).equals(range);
  }

  @Property(tries = 500)
  void sizeIsTheUnsignedDistancePlusOne(@ForAll("ranges") Ipv4Range range) {
    assertTrue(range.first().compareTo(range.last()) <= 0);
    assertEquals(range.last().toLong() - range.first().toLong() + 1, range.size());
  }

  @Property(tries = 500)
  boolean containsAgreesWithUnsignedBounds(
      @ForAll("ranges") Ipv4Range range, @ForAll("addresses") Ipv4Address address) {
    long a = address.toLong();
    return range.contains(address)
        == (range.first().toLong() <= a && a <= range.last().toLong());
  }

  @Property(tries = 500)
  void containsAndOverlapsOfRangesAgreeWithUnsignedBounds(
      @ForAll("ranges") Ipv4Range a, @ForAll("ranges") Ipv4Range b) {
    long af = a.first().toLong();
    long al = a.last().toLong();
    long bf = b.first().toLong();
    long bl = b.last().toLong();
    assertEquals(af <= bf && bl <= al, a.contains(b));
    assertEquals(af <= bl && bf <= al, a.overlaps(b));
    assertEquals(a.overlaps(b), b.overlaps(a));
    int expectedOrder = af != bf ? Long.compare(af, bf) : Long.compare(al, bl);
    assertEquals(Integer.signum(expectedOrder), Integer.signum(a.compareTo(b)));
  }

  @Property(tries = 500)
  void toPrefixesTileTheRangeInOrder(@ForAll("ranges") Ipv4Range range) {
    List<Ipv4Prefix> prefixes = range.toPrefixes();
    long next = range.first().toLong();
    for (Ipv4Prefix prefix : prefixes) {
      assertEquals(next, prefix.first().toLong(), () -> "gap or overlap in " + prefixes);
      next = prefix.last().toLong() + 1;
    }
    assertEquals(range.last().toLong() + 1, next);
    assertTrue(prefixes.size() <= 62, () -> prefixes.size() + " prefixes");
    assertEquals(range.isPrefix(), prefixes.size() == 1);
  }

  @Property(tries = 500)
  void toPrefixesIsAsShortAsTheBruteForceMinimum(@ForAll("windowed") InWindow w) {
    int expected = w.model().minimalPrefixCount(w.model().bitsOf(List.of(w.range())));
    assertEquals(expected, w.range().toPrefixes().size(), () -> w.range().toPrefixes().toString());
  }

  @Property(tries = 300)
  void aRangeAsASetHoldsExactlyItsAddresses(@ForAll("windowed") InWindow w) {
    AddressSet set = w.range().toAddressSet();
    assertEquals(List.of(w.range()), set.ranges());
    for (Ipv4Address address : w.model().probes()) {
      assertEquals(w.range().contains(address), set.contains(address), address::toString);
    }
  }
}
