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

class Ipv4AddressTest {

  private static Ipv4Address a(String text) {
    return Ipv4Address.parse(text);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      textBlock =
          """
          ""                 | INVALID_IPV4_ADDRESS
          1.2.3              | INVALID_IPV4_ADDRESS
          1.2.3.4.5          | INVALID_IPV4_ADDRESS
          256.0.0.1          | INVALID_IPV4_ADDRESS
          1.2.3.256          | INVALID_IPV4_ADDRESS
          1000.0.0.1         | INVALID_IPV4_ADDRESS
          01.2.3.4           | INVALID_IPV4_ADDRESS
          1.2.3.00           | INVALID_IPV4_ADDRESS
          " 1.2.3.4"         | INVALID_IPV4_ADDRESS
          "1.2.3.4 "         | INVALID_IPV4_ADDRESS
          1.2.3.-4           | INVALID_IPV4_ADDRESS
          +1.2.3.4           | INVALID_IPV4_ADDRESS
          1.2.3.4.           | INVALID_IPV4_ADDRESS
          .1.2.3             | INVALID_IPV4_ADDRESS
          1..2.3             | INVALID_IPV4_ADDRESS
          1.2.3.4/32         | INVALID_IPV4_ADDRESS
          a.b.c.d            | INVALID_IPV4_ADDRESS
          10.0.0.4:5432      | INVALID_IPV4_ADDRESS
          1:2                | INVALID_IPV4_ADDRESS
          1.2.3.4%eth0       | INVALID_IPV4_ADDRESS
          ١.٢.٣.٤            | INVALID_IPV4_ADDRESS
          ::1                | ADDRESS_MUST_BE_IPV4
          ::                 | ADDRESS_MUST_BE_IPV4
          2001:db8::1        | ADDRESS_MUST_BE_IPV4
          2001:DB8::1        | ADDRESS_MUST_BE_IPV4
          ::ffff:10.0.0.1    | ADDRESS_MUST_BE_IPV4
          fe80::1%eth0       | ADDRESS_MUST_BE_IPV4
          fe80::1%25         | ADDRESS_MUST_BE_IPV4
          """)
  void parse_invalidText_throwsCodeNamingTypeAndValue(String text, ErrorCode expected) {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Address.parse(text));
    assertAll(
        () -> assertEquals(expected, e.code()),
        () -> assertTrue(e.getMessage().startsWith("Ipv4Address "), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage()),
        () -> assertFalse(Ipv4Address.isValid(text)),
        () -> assertEquals(Optional.empty(), Ipv4Address.tryParse(text)));
  }

  @Test
  void parse_null_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Address.parse(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("Ipv4Address"), e.getMessage());
  }

  @Test
  void isValidAndTryParse_null_falseAndEmpty() {
    assertFalse(Ipv4Address.isValid(null));
    assertEquals(Optional.empty(), Ipv4Address.tryParse(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.0.0.1",
        "10.0.0.4",
        "100.64.0.0",
        "127.255.255.255",
        "128.0.0.0",
        "168.63.129.16",
        "192.168.1.1",
        "255.255.255.254",
        "255.255.255.255"
      })
  void parse_dottedQuad_roundTripsThroughToString(String text) {
    Ipv4Address address = Ipv4Address.parse(text);
    assertEquals(text, address.toString());
    assertTrue(Ipv4Address.isValid(text));
    assertEquals(Optional.of(address), Ipv4Address.tryParse(text));
    assertEquals(address, Ipv4Address.ofLong(address.toLong()));
    assertEquals(address, Ipv4Address.ofBits(address.toBits()));
  }

  @ParameterizedTest(name = "{0} = {1} = {2}")
  @CsvSource({
    "0.0.0.0, 0, 0",
    "0.0.0.1, 1, 1",
    "10.0.0.4, 167772164, 167772164",
    "127.255.255.255, 2147483647, 2147483647",
    "128.0.0.0, 2147483648, -2147483648",
    "192.168.0.1, 3232235521, -1062731775",
    "255.255.255.255, 4294967295, -1"
  })
  void toLongAndToBits_edgeAddresses_unsignedAndSignedForms(String text, long value, int bits) {
    Ipv4Address address = Ipv4Address.parse(text);
    assertEquals(value, address.toLong());
    assertEquals(bits, address.toBits());
    assertEquals(address, Ipv4Address.ofLong(value));
    assertEquals(address, Ipv4Address.ofBits(bits));
  }

  @Test
  void constants_minAndMax_areFirstAndLastAddress() {
    assertEquals(a("0.0.0.0"), Ipv4Address.MIN);
    assertEquals(a("255.255.255.255"), Ipv4Address.MAX);
    assertEquals(0L, Ipv4Address.MIN.toLong());
    assertEquals(4294967295L, Ipv4Address.MAX.toLong());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1L, 4294967296L, Long.MIN_VALUE, Long.MAX_VALUE})
  void ofLong_outsideRange_throwsInvalidAddressNamingValue(long value) {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Address.ofLong(value));
    assertEquals(ErrorCode.INVALID_IPV4_ADDRESS, e.code());
    assertTrue(e.getMessage().contains("Ipv4Address"), e.getMessage());
    assertTrue(e.getMessage().contains(Long.toString(value)), e.getMessage());
  }

  @Test
  void compareTo_acrossSignBit_ordersAsUnsigned() {
    List<Ipv4Address> sorted =
        List.of(
            a("0.0.0.0"),
            a("0.0.0.1"),
            a("127.255.255.255"),
            a("128.0.0.0"),
            a("200.0.0.0"),
            a("255.255.255.255"));
    List<Ipv4Address> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
    assertTrue(a("128.0.0.0").compareTo(a("127.255.255.255")) > 0);
    assertTrue(a("255.255.255.255").compareTo(a("0.0.0.0")) > 0);
    assertEquals(0, a("10.0.0.1").compareTo(Ipv4Address.ofLong(167772161L)));
  }

  @ParameterizedTest(name = "{0} + 1 = {1}")
  @CsvSource({
    "0.0.0.0, 0.0.0.1",
    "10.0.0.255, 10.0.1.0",
    "10.255.255.255, 11.0.0.0",
    "127.255.255.255, 128.0.0.0",
    "255.255.255.254, 255.255.255.255"
  })
  void nextAndPrevious_carryAcrossOctetsAndSignBit_areInverse(String before, String after) {
    assertTrue(a(before).hasNext());
    assertTrue(a(after).hasPrevious());
    assertEquals(a(after), a(before).next());
    assertEquals(a(before), a(after).previous());
  }

  @Test
  void next_onMax_throwsInvalidAddress() {
    assertFalse(Ipv4Address.MAX.hasNext());
    assertTrue(Ipv4Address.MAX.hasPrevious());
    PgreachException e = assertThrows(PgreachException.class, Ipv4Address.MAX::next);
    assertEquals(ErrorCode.INVALID_IPV4_ADDRESS, e.code());
    assertTrue(e.getMessage().contains("255.255.255.255"), e.getMessage());
  }

  @Test
  void previous_onMin_throwsInvalidAddress() {
    assertFalse(Ipv4Address.MIN.hasPrevious());
    assertTrue(Ipv4Address.MIN.hasNext());
    PgreachException e = assertThrows(PgreachException.class, Ipv4Address.MIN::previous);
    assertEquals(ErrorCode.INVALID_IPV4_ADDRESS, e.code());
    assertTrue(e.getMessage().contains("0.0.0.0"), e.getMessage());
  }

  @ParameterizedTest(name = "{0} private={1}")
  @CsvSource({
    "9.255.255.255, false",
    "10.0.0.0, true",
    "10.128.7.1, true",
    "10.255.255.255, true",
    "11.0.0.0, false",
    "100.63.255.255, false",
    "100.64.0.0, true",
    "100.100.100.100, true",
    "100.127.255.255, true",
    "100.128.0.0, false",
    "172.15.255.255, false",
    "172.16.0.0, true",
    "172.20.1.1, true",
    "172.31.255.255, true",
    "172.32.0.0, false",
    "192.167.255.255, false",
    "192.168.0.0, true",
    "192.168.255.255, true",
    "192.169.0.0, false",
    "0.0.0.0, false",
    "8.8.8.8, false",
    "127.0.0.1, false",
    "168.63.129.16, false",
    "169.254.0.1, false",
    "255.255.255.255, false"
  })
  void isPrivate_privateRangesAndTheirNeighbours_matchesRfc1918AndRfc6598(
      String text, boolean expected) {
    assertEquals(expected, a(text).isPrivate());
  }

  @ParameterizedTest
  @CsvSource({
    "8.8.8.8, true",
    "1.0.0.0, true",
    "203.0.113.7, true",
    "223.255.255.255, true",
    "168.63.129.16, true",
    "10.0.0.1, false",
    "100.64.0.1, false",
    "0.0.0.0, false",
    "0.255.255.255, false",
    "127.0.0.1, false",
    "169.254.169.254, false",
    "169.253.255.255, true",
    "224.0.0.1, false",
    "240.0.0.1, false",
    "255.255.255.255, false"
  })
  void isPublic_specialRanges_areNotPublic(String text, boolean expected) {
    assertEquals(expected, a(text).isPublic());
  }

  @Test
  void equalsAndHashCode_sameAddressFromDifferentFactories_areEqual() {
    Ipv4Address parsed = a("10.1.2.3");
    Ipv4Address fromLong = Ipv4Address.ofLong(0x0A010203L);
    Ipv4Address fromBits = Ipv4Address.ofBits(0x0A010203);
    assertEquals(parsed, fromLong);
    assertEquals(parsed, fromBits);
    assertEquals(parsed.hashCode(), fromLong.hashCode());
    assertNotEquals(parsed, a("10.1.2.4"));
    assertNotEquals(parsed, "10.1.2.3");
    assertEquals(Ipv4Address.MAX, Ipv4Address.ofBits(-1));
    assertEquals(Ipv4Address.MIN, Ipv4Address.ofLong(0));
  }

  @Test
  void javadocExample_nextAndIsValid_behaveAsDocumented() {
    Ipv4Address a = Ipv4Address.parse("10.0.0.4");
    assertEquals(a("10.0.0.5"), a.next());
    assertFalse(Ipv4Address.isValid("::1"));
  }
}
