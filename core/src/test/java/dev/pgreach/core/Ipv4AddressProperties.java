package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.testing.Ipv4Arbitraries;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/** Statistics are printed only when a property fails. */
@StatisticsReport(onFailureOnly = true)
class Ipv4AddressProperties {

  /** An independent statement of the accepted syntax: four decimal octets, no leading zeros. */
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private static final List<Ipv4Prefix> PRIVATE =
      List.of(
          Ipv4Prefix.parse("10.0.0.0/8"),
          Ipv4Prefix.parse("172.16.0.0/12"),
          Ipv4Prefix.parse("192.168.0.0/16"),
          Ipv4Prefix.parse("100.64.0.0/10"));

  @Provide
  Arbitrary<Ipv4Address> addresses() {
    return Ipv4Arbitraries.addresses();
  }

  /** Text that is often almost an address: mostly four parts, mostly numbers, some debris. */
  @Provide
  Arbitrary<String> nearlyAddresses() {
    Arbitrary<String> part =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.integers().between(0, 255).map(String::valueOf)),
            Tuple.of(1, Arbitraries.integers().between(256, 1000).map(String::valueOf)),
            Tuple.of(1, Arbitraries.strings().withChars("0123456789").ofMaxLength(4)),
            Tuple.of(1, Arbitraries.strings().withChars("0123456789 +-:/%ax").ofMaxLength(3)));
    Arbitrary<Integer> counts =
        Arbitraries.frequency(Tuple.of(6, 4), Tuple.of(1, 1), Tuple.of(1, 3), Tuple.of(1, 5));
    return counts.flatMap(n -> part.list().ofSize(n)).map(parts -> String.join(".", parts));
  }

  @Property(tries = 500)
  boolean parseReadsBackWhatToStringWrites(@ForAll("addresses") Ipv4Address address) {
    return Ipv4Address.parse(address.toString()).equals(address);
  }

  @Property(tries = 500)
  boolean dottedQuadTextAgreesWithArithmetic(@ForAll @LongRange(max = 0xFFFF_FFFFL) long value) {
    String text =
        String.format(
            Locale.ROOT,
            "%d.%d.%d.%d",
            value >>> 24,
            (value >>> 16) & 0xFF,
            (value >>> 8) & 0xFF,
            value & 0xFF);
    return Ipv4Address.parse(text).toLong() == value
        && Ipv4Address.ofLong(value).toString().equals(text);
  }

  @Property(tries = 1000)
  void isValidAgreesWithAReferencePattern(@ForAll("nearlyAddresses") String text) {
    boolean expected = DOTTED_QUAD.matcher(text).matches();
    Statistics.label("valid").collect(expected);
    assertEquals(expected, Ipv4Address.isValid(text), text);
    assertEquals(expected, Ipv4Address.tryParse(text).isPresent(), text);
    if (!expected) {
      PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Address.parse(text));
      assertTrue(e.getMessage().contains(text), e.getMessage());
    }
    Statistics.label("valid")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 5);
              coverage.check(false).percentage(p -> p > 5);
            });
  }

  @Property(tries = 500)
  boolean orderAgreesWithTheUnsignedValue(
      @ForAll("addresses") Ipv4Address a, @ForAll("addresses") Ipv4Address b) {
    return Integer.signum(a.compareTo(b)) == Long.signum(a.toLong() - b.toLong())
        && a.equals(b) == (a.compareTo(b) == 0);
  }

  @Property(tries = 500)
  void bitsAndUnsignedValueDescribeTheSameAddress(@ForAll("addresses") Ipv4Address address) {
    assertEquals(Integer.toUnsignedLong(address.toBits()), address.toLong());
    assertEquals(address, Ipv4Address.ofBits(address.toBits()));
    assertEquals(address, Ipv4Address.ofLong(address.toLong()));
    assertEquals(address.hashCode(), Ipv4Address.ofLong(address.toLong()).hashCode());
  }

  @Property(tries = 500)
  void nextAndPreviousStepByOne(@ForAll("addresses") Ipv4Address address) {
    assertEquals(address.toLong() < 0xFFFF_FFFFL, address.hasNext());
    assertEquals(address.toLong() > 0, address.hasPrevious());
    if (address.hasNext()) {
      assertEquals(address.toLong() + 1, address.next().toLong());
      assertEquals(address, address.next().previous());
      assertTrue(address.next().compareTo(address) > 0);
    }
    if (address.hasPrevious()) {
      assertEquals(address.toLong() - 1, address.previous().toLong());
      assertEquals(address, address.previous().next());
    }
  }

  @Property(tries = 1000)
  boolean isPrivateAgreesWithThePrivatePrefixes(@ForAll("mostlyNearPrivate") Ipv4Address address) {
    boolean expected = PRIVATE.stream().anyMatch(p -> p.contains(address));
    return address.isPrivate() == expected;
  }

  /** Addresses anywhere, and addresses within 256 of a private range's first or last address. */
  @Provide
  Arbitrary<Ipv4Address> mostlyNearPrivate() {
    Arbitrary<Ipv4Address> near =
        Arbitraries.of(PRIVATE)
            .flatMap(
                p -> {
                  long low = Math.max(0, p.first().toLong() - 256);
                  long high = Math.min(0xFFFF_FFFFL, p.last().toLong() + 256);
                  return Arbitraries.oneOf(
                      Arbitraries.longs().between(low, p.first().toLong() + 256),
                      Arbitraries.longs().between(p.last().toLong() - 256, high));
                })
            .map(Ipv4Address::ofLong);
    return Arbitraries.oneOf(near, Ipv4Arbitraries.addresses());
  }
}
