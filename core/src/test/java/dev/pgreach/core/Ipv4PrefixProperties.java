package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.Ipv4Arbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class Ipv4PrefixProperties {

  @Provide
  Arbitrary<Ipv4Prefix> prefixes() {
    return Ipv4Arbitraries.prefixes();
  }

  @Provide
  Arbitrary<Ipv4Address> addresses() {
    return Ipv4Arbitraries.addresses();
  }

  /** Text built from valid pieces, some of them slightly wrong. */
  @Provide
  Arbitrary<String> nearlyPrefixes() {
    Arbitrary<String> addresses =
        Arbitraries.oneOf(
            Ipv4Arbitraries.addresses().map(Ipv4Address::toString),
            Arbitraries.strings().withChars("0123456789.:").ofMaxLength(16));
    Arbitrary<String> lengths =
        Arbitraries.oneOf(
            Arbitraries.integers().between(-2, 40).map(String::valueOf),
            Arbitraries.strings().withChars("0123456789/ +").ofMaxLength(4));
    return Combinators.combine(addresses, lengths).as((a, l) -> a + "/" + l);
  }

  @Property(tries = 500)
  boolean parseReadsBackWhatToStringWrites(@ForAll("prefixes") Ipv4Prefix prefix) {
    return Ipv4Prefix.parse(prefix.toString()).equals(prefix);
  }

  @Property(tries = 1000)
  void parseAcceptsExactlyValidPrefixesAndThrowsOnlyItsOwnException(
      @ForAll("nearlyPrefixes") String text) {
    int slash = text.lastIndexOf('/');
    String addressText = text.substring(0, slash);
    String lengthText = text.substring(slash + 1);
    boolean lengthOk = lengthText.matches("0|[1-9][0-9]?") && Integer.parseInt(lengthText) <= 32;
    boolean expected = false;
    if (Ipv4Address.isValid(addressText) && lengthOk && addressText.indexOf('/') < 0) {
      long value = Ipv4Address.parse(addressText).toLong();
      long hostMask = (1L << (32 - Integer.parseInt(lengthText))) - 1;
      expected = (value & hostMask) == 0;
    }
    assertEquals(expected, Ipv4Prefix.isValid(text), text);
    if (!expected) {
      assertThrows(PgreachException.class, () -> Ipv4Prefix.parse(text));
    }
  }

  @Property(tries = 500)
  void firstLastAndSizeAgreeWithTheLength(@ForAll("prefixes") Ipv4Prefix prefix) {
    long size = 1L << (32 - prefix.length());
    assertEquals(size, prefix.size());
    assertEquals(0, prefix.first().toLong() % size);
    assertEquals(prefix.first().toLong() + size - 1, prefix.last().toLong());
    assertEquals(prefix.network(), prefix.first());
    assertEquals(prefix.size(), prefix.toRange().size());
  }

  @Property(tries = 500)
  boolean containsAgreesWithFirstAndLast(
      @ForAll("prefixes") Ipv4Prefix prefix, @ForAll("addresses") Ipv4Address address) {
    boolean expected =
        prefix.first().toLong() <= address.toLong() && address.toLong() <= prefix.last().toLong();
    return prefix.contains(address) == expected;
  }

  @Property(tries = 500)
  void containingHoldsTheAddressAndHasNoHostBits(
      @ForAll("addresses") Ipv4Address address, @ForAll @IntRange(max = 32) int length) {
    Ipv4Prefix prefix = Ipv4Prefix.containing(address, length);
    assertEquals(length, prefix.length());
    assertTrue(prefix.contains(address));
    assertEquals(prefix, Ipv4Prefix.of(prefix.network(), length));
  }

  @Property(tries = 500)
  void hostBitsAreRejectedWithTheNetworkInTheMessage(
      @ForAll("addresses") Ipv4Address address, @ForAll @IntRange(max = 31) int length) {
    Ipv4Prefix network = Ipv4Prefix.containing(address, length);
    Assume.that(!network.network().equals(address));
    String text = address + "/" + length;
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Prefix.parse(text));
    assertEquals(ErrorCode.PREFIX_HOST_BITS_SET, e.code());
    assertTrue(e.getMessage().contains(network.toString()), e.getMessage());
  }

  @Property(tries = 500)
  void prefixContainmentAndOverlapAgreeWithTheirRanges(
      @ForAll("prefixes") Ipv4Prefix a, @ForAll("nearby") Ipv4Prefix b) {
    assertEquals(a.toRange().contains(b.toRange()), a.contains(b));
    assertEquals(a.toRange().overlaps(b.toRange()), a.overlaps(b));
  }

  /** Prefixes that share the first bits of an address with some other generated prefix. */
  @Provide
  Arbitrary<Ipv4Prefix> nearby() {
    return Arbitraries.oneOf(
        Ipv4Arbitraries.prefixes(),
        Ipv4Arbitraries.prefixesIn(Ipv4Prefix.parse("0.0.0.0/1")),
        Ipv4Arbitraries.prefixesIn(Ipv4Prefix.parse("128.0.0.0/2")));
  }

  @Property(tries = 500)
  void orderIsByNetworkThenLength(
      @ForAll("prefixes") Ipv4Prefix a, @ForAll("nearby") Ipv4Prefix b) {
    int byNetwork = Long.compare(a.network().toLong(), b.network().toLong());
    int expected = byNetwork != 0 ? byNetwork : Integer.compare(a.length(), b.length());
    assertEquals(Integer.signum(expected), Integer.signum(a.compareTo(b)));
    assertEquals(expected == 0, a.equals(b));
  }

  @Property(tries = 300)
  void aPrefixIsItsOwnMinimalCover(@ForAll("prefixes") Ipv4Prefix prefix) {
    assertEquals(List.of(prefix), prefix.toRange().toPrefixes());
    assertTrue(prefix.toRange().isPrefix());
    assertEquals(List.of(prefix), prefix.toAddressSet().toPrefixes());
  }
}
