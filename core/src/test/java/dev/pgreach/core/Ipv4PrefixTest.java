package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4PrefixTest {

  private static Ipv4Address a(String text) {
    return Ipv4Address.parse(text);
  }

  private static Ipv4Prefix p(String text) {
    return Ipv4Prefix.parse(text);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      textBlock =
          """
          ""                 | INVALID_PREFIX
          10.0.0.0           | INVALID_PREFIX
          10.0.0.0/          | INVALID_PREFIX
          /                  | INVALID_PREFIX
          /24                | INVALID_PREFIX
          10.0.0.0/33        | INVALID_PREFIX
          10.0.0.0/-1        | INVALID_PREFIX
          10.0.0.0/024       | INVALID_PREFIX
          10.0.0.0/08        | INVALID_PREFIX
          10.0.0.0/100       | INVALID_PREFIX
          10.0.0.0/+8        | INVALID_PREFIX
          10.0.0.0/ 8        | INVALID_PREFIX
          "10.0.0.0/8 "      | INVALID_PREFIX
          10.0.0.0/8/8       | INVALID_PREFIX
          10.0.0.0/x         | INVALID_PREFIX
          10.0.0.0/٨         | INVALID_PREFIX
          10.0.0/24          | INVALID_PREFIX
          256.0.0.0/8        | INVALID_PREFIX
          010.0.0.0/8        | INVALID_PREFIX
          " 10.0.0.0/8"      | INVALID_PREFIX
          10.0.0.0:5432/8    | INVALID_PREFIX
          10.0.0.5/24        | PREFIX_HOST_BITS_SET
          10.0.0.1/0         | PREFIX_HOST_BITS_SET
          128.0.0.0/0        | PREFIX_HOST_BITS_SET
          255.255.255.255/31 | PREFIX_HOST_BITS_SET
          ::1                | ADDRESS_MUST_BE_IPV4
          ::/0               | ADDRESS_MUST_BE_IPV4
          2001:db8::/32      | ADDRESS_MUST_BE_IPV4
          fe80::1%eth0       | ADDRESS_MUST_BE_IPV4
          fe80::%eth0/64     | ADDRESS_MUST_BE_IPV4
          """)
  void parse_invalidText_throwsCodeNamingTypeAndValue(String text, ErrorCode expected) {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Prefix.parse(text));
    assertAll(
        () -> assertEquals(expected, e.code()),
        () -> assertTrue(e.getMessage().startsWith("Ipv4Prefix "), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage()),
        () -> assertFalse(Ipv4Prefix.isValid(text)),
        () -> assertEquals(Optional.empty(), Ipv4Prefix.tryParse(text)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.5/24, 10.0.0.0/24",
    "10.1.2.3/8, 10.0.0.0/8",
    "255.255.255.255/1, 128.0.0.0/1",
    "127.255.255.255/1, 0.0.0.0/1",
    "192.168.1.1/0, 0.0.0.0/0"
  })
  void parse_hostBitsSet_messageNamesTheNetworkPrefix(String text, String network) {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Prefix.parse(text));
    assertEquals(ErrorCode.PREFIX_HOST_BITS_SET, e.code());
    assertTrue(e.getMessage().contains(network), e.getMessage());
    Ipv4Prefix lenient = Ipv4Prefix.containing(p(network).network(), p(network).length());
    assertEquals(p(network), lenient);
  }

  @Test
  void parse_null_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Prefix.parse(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertFalse(Ipv4Prefix.isValid(null));
    assertEquals(Optional.empty(), Ipv4Prefix.tryParse(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0/0",
        "0.0.0.0/1",
        "128.0.0.0/1",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "172.16.0.0/12",
        "10.0.1.0/28",
        "127.255.255.255/32",
        "128.0.0.0/32",
        "255.255.255.254/31",
        "255.255.255.255/32"
      })
  void parse_cidr_roundTripsThroughToString(String text) {
    Ipv4Prefix prefix = p(text);
    assertEquals(text, prefix.toString());
    assertTrue(Ipv4Prefix.isValid(text));
    assertEquals(Optional.of(prefix), Ipv4Prefix.tryParse(text));
    assertEquals(prefix, Ipv4Prefix.of(prefix.network(), prefix.length()));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 33, 64, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void of_lengthOutside0To32_throwsInvalidPrefixNamingLength(int length) {
    PgreachException e =
        assertThrows(PgreachException.class, () -> Ipv4Prefix.of(Ipv4Address.MIN, length));
    assertEquals(ErrorCode.INVALID_PREFIX, e.code());
    assertTrue(e.getMessage().contains("Ipv4Prefix"), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(length)), e.getMessage());
    PgreachException lenient =
        assertThrows(PgreachException.class, () -> Ipv4Prefix.containing(Ipv4Address.MIN, length));
    assertEquals(ErrorCode.INVALID_PREFIX, lenient.code());
  }

  @Test
  void of_hostBitsSet_throwsNamingNetwork() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> Ipv4Prefix.of(a("10.0.0.5"), 24));
    assertEquals(ErrorCode.PREFIX_HOST_BITS_SET, e.code());
    assertTrue(e.getMessage().contains("10.0.0.5/24"), e.getMessage());
    assertTrue(e.getMessage().contains("10.0.0.0/24"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({
    "10.0.0.5, 24, 10.0.0.0/24",
    "255.255.255.255, 0, 0.0.0.0/0",
    "255.255.255.255, 1, 128.0.0.0/1",
    "127.255.255.255, 1, 0.0.0.0/1",
    "255.255.255.255, 32, 255.255.255.255/32",
    "172.31.200.9, 12, 172.16.0.0/12"
  })
  void containing_anyAddress_clearsHostBits(String address, int length, String expected) {
    assertEquals(p(expected), Ipv4Prefix.containing(a(address), length));
  }

  @ParameterizedTest(name = "{0}: {1}..{2}, size {3}")
  @CsvSource({
    "0.0.0.0/0, 0.0.0.0, 255.255.255.255, 4294967296",
    "0.0.0.0/1, 0.0.0.0, 127.255.255.255, 2147483648",
    "128.0.0.0/1, 128.0.0.0, 255.255.255.255, 2147483648",
    "10.0.0.0/8, 10.0.0.0, 10.255.255.255, 16777216",
    "10.0.1.0/28, 10.0.1.0, 10.0.1.15, 16",
    "10.0.0.0/31, 10.0.0.0, 10.0.0.1, 2",
    "255.255.255.255/32, 255.255.255.255, 255.255.255.255, 1",
    "0.0.0.0/32, 0.0.0.0, 0.0.0.0, 1"
  })
  void firstLastAndSize_edgePrefixes_areExact(
      String text, String first, String last, long size) {
    Ipv4Prefix prefix = p(text);
    assertEquals(a(first), prefix.first());
    assertEquals(a(first), prefix.network());
    assertEquals(a(last), prefix.last());
    assertEquals(size, prefix.size());
    assertEquals(Ipv4Range.of(a(first), a(last)), prefix.toRange());
    assertEquals(size, prefix.toAddressSet().size());
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "128.0.0.0/1, 255.255.255.255, true",
    "128.0.0.0/1, 128.0.0.0, true",
    "128.0.0.0/1, 127.255.255.255, false",
    "128.0.0.0/1, 0.0.0.0, false",
    "0.0.0.0/1, 127.255.255.255, true",
    "0.0.0.0/1, 128.0.0.0, false",
    "0.0.0.0/0, 0.0.0.0, true",
    "0.0.0.0/0, 255.255.255.255, true",
    "10.0.0.0/24, 10.0.0.255, true",
    "10.0.0.0/24, 10.0.1.0, false",
    "10.0.0.0/24, 9.255.255.255, false",
    "10.0.0.7/32, 10.0.0.7, true",
    "10.0.0.7/32, 10.0.0.6, false",
    "10.0.0.7/32, 10.0.0.8, false",
    "255.255.255.255/32, 255.255.255.255, true",
    "255.255.255.255/32, 255.255.255.254, false"
  })
  void containsAddress_edges_respectsUnsignedBounds(
      String prefix, String address, boolean expected) {
    assertEquals(expected, p(prefix).contains(a(address)));
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "0.0.0.0/0, 255.255.255.255/32, true",
    "0.0.0.0/0, 0.0.0.0/0, true",
    "10.0.0.0/8, 10.1.0.0/16, true",
    "10.1.0.0/16, 10.0.0.0/8, false",
    "10.0.0.0/16, 10.0.0.0/8, false",
    "10.0.0.0/8, 11.0.0.0/8, false",
    "128.0.0.0/1, 0.0.0.0/1, false",
    "128.0.0.0/1, 192.0.0.0/2, true",
    "10.0.0.0/24, 10.0.0.0/24, true"
  })
  void containsPrefix_nestedAndDisjoint_matchesSubnetting(
      String outer, String inner, boolean expected) {
    assertEquals(expected, p(outer).contains(p(inner)));
  }

  @ParameterizedTest(name = "{0} overlaps {1}: {2}")
  @CsvSource({
    "10.0.0.0/8, 10.1.0.0/16, true",
    "10.1.0.0/16, 10.0.0.0/8, true",
    "10.0.0.0/24, 10.0.1.0/24, false",
    "0.0.0.0/1, 128.0.0.0/1, false",
    "0.0.0.0/0, 128.0.0.0/32, true"
  })
  void overlaps_nestedOrDisjoint_isSymmetric(String left, String right, boolean expected) {
    assertEquals(expected, p(left).overlaps(p(right)));
    assertEquals(expected, p(right).overlaps(p(left)));
  }

  @Test
  void host_anyAddress_isSlash32HoldingOnlyIt() {
    Ipv4Prefix host = Ipv4Prefix.host(a("255.255.255.255"));
    assertEquals(p("255.255.255.255/32"), host);
    assertEquals(1, host.size());
    assertEquals(32, host.length());
  }

  @Test
  void all_constant_isSlash0() {
    assertEquals(p("0.0.0.0/0"), Ipv4Prefix.ALL);
    assertEquals(0, Ipv4Prefix.ALL.length());
    assertEquals(AddressSet.ALL, Ipv4Prefix.ALL.toAddressSet());
  }

  @Test
  void compareTo_networkThenLength_ordersUnsignedAndShorterFirst() {
    List<Ipv4Prefix> sorted =
        List.of(
            p("0.0.0.0/0"),
            p("0.0.0.0/1"),
            p("0.0.0.0/32"),
            p("10.0.0.0/8"),
            p("10.0.0.0/16"),
            p("127.255.255.255/32"),
            p("128.0.0.0/1"),
            p("128.0.0.0/2"),
            p("255.255.255.255/32"));
    List<Ipv4Prefix> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @Test
  void equalsAndHashCode_sameNetworkDifferentLength_areDifferent() {
    assertEquals(p("10.0.0.0/8"), Ipv4Prefix.of(a("10.0.0.0"), 8));
    assertEquals(p("10.0.0.0/8").hashCode(), Ipv4Prefix.of(a("10.0.0.0"), 8).hashCode());
    assertNotEquals(p("10.0.0.0/8"), p("10.0.0.0/9"));
    assertNotEquals(p("10.0.0.0/8"), p("11.0.0.0/8"));
    assertNotEquals(p("10.0.0.0/8"), "10.0.0.0/8");
  }

  @Test
  void javadocExample_subnetSizeAndContains_behaveAsDocumented() {
    Ipv4Prefix subnet = Ipv4Prefix.parse("10.0.1.0/28");
    assertEquals(16, subnet.size());
    assertTrue(subnet.contains(Ipv4Address.parse("10.0.1.9")));
  }
}
