package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4RangeTest {

  private static Ipv4Address a(String text) {
    return Ipv4Address.parse(text);
  }

  private static Ipv4Range r(String text) {
    return Ipv4Range.parse(text);
  }

  private static List<Ipv4Prefix> prefixes(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.split(" "))
        .map(Ipv4Prefix::parse)
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      textBlock =
          """
          ""                        | INVALID_RANGE
          -                         | INVALID_RANGE
          10.0.0.1-                 | INVALID_RANGE
          -10.0.0.1                 | INVALID_RANGE
          10.0.0.1--10.0.0.2        | INVALID_RANGE
          10.0.0.1-10.0.0.2-10.0.0.3 | INVALID_RANGE
          "10.0.0.1 - 10.0.0.9"     | INVALID_RANGE
          10.0.0.1-10.0.0.256       | INVALID_RANGE
          10.0.0/24                 | INVALID_RANGE
          10.0.0.0/24               | INVALID_RANGE
          1.2.3                     | INVALID_RANGE
          01.2.3.4                  | INVALID_RANGE
          1.2.3.-4                  | INVALID_RANGE
          10.0.0.9-10.0.0.1         | END_ADDRESS_SMALLER_THAN_START
          255.255.255.255-0.0.0.0   | END_ADDRESS_SMALLER_THAN_START
          128.0.0.0-127.255.255.255 | END_ADDRESS_SMALLER_THAN_START
          ::1                       | ADDRESS_MUST_BE_IPV4
          10.0.0.1-::1              | ADDRESS_MUST_BE_IPV4
          2001:db8::1-2001:db8::9   | ADDRESS_MUST_BE_IPV4
          fe80::1%eth0              | ADDRESS_MUST_BE_IPV4
          10.0.0.1:5432             | INVALID_RANGE
          """)
  void parse_invalidText_throwsCodeNamingTypeAndValue(String text, ErrorCode expected) {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Range.parse(text));
    assertAll(
        () -> assertEquals(expected, e.code()),
        () -> assertTrue(e.getMessage().startsWith("Ipv4Range "), e.getMessage()),
        () -> assertFalse(Ipv4Range.isValid(text)),
        () -> assertEquals(Optional.empty(), Ipv4Range.tryParse(text)));
    if (expected != ErrorCode.END_ADDRESS_SMALLER_THAN_START) {
      assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
    }
  }

  @Test
  void of_endBeforeStart_throwsNamingBothAddresses() {
    PgreachException e =
        assertThrows(
            PgreachException.class, () -> Ipv4Range.of(a("128.0.0.0"), a("127.255.255.255")));
    assertEquals(ErrorCode.END_ADDRESS_SMALLER_THAN_START, e.code());
    assertTrue(e.getMessage().startsWith("Ipv4Range "), e.getMessage());
    assertTrue(e.getMessage().contains("128.0.0.0"), e.getMessage());
    assertTrue(e.getMessage().contains("127.255.255.255"), e.getMessage());
  }

  @Test
  void parse_endBeforeStart_messageNamesBothAddresses() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> Ipv4Range.parse("10.0.0.9-10.0.0.1"));
    assertTrue(e.getMessage().contains("10.0.0.9"), e.getMessage());
    assertTrue(e.getMessage().contains("10.0.0.1"), e.getMessage());
  }

  @Test
  void parse_null_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> Ipv4Range.parse(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertFalse(Ipv4Range.isValid(null));
    assertEquals(Optional.empty(), Ipv4Range.tryParse(null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "255.255.255.255",
        "0.0.0.0-255.255.255.255",
        "10.0.0.1-10.0.0.9",
        "127.255.255.255-128.0.0.0",
        "0.0.0.0-127.255.255.255",
        "128.0.0.0-255.255.255.255"
      })
  void parse_text_roundTripsThroughToString(String text) {
    Ipv4Range range = r(text);
    assertEquals(text, range.toString());
    assertTrue(Ipv4Range.isValid(text));
    assertEquals(Optional.of(range), Ipv4Range.tryParse(text));
  }

  @Test
  void parse_sameAddressTwice_isWrittenAsOneAddress() {
    assertEquals("10.0.0.1", r("10.0.0.1-10.0.0.1").toString());
    assertEquals(Ipv4Range.single(a("10.0.0.1")), r("10.0.0.1-10.0.0.1"));
  }

  @ParameterizedTest(name = "{0} size {1}")
  @CsvSource({
    "0.0.0.0-255.255.255.255, 4294967296",
    "0.0.0.0-127.255.255.255, 2147483648",
    "128.0.0.0-255.255.255.255, 2147483648",
    "127.255.255.255-128.0.0.0, 2",
    "255.255.255.255, 1",
    "0.0.0.0, 1",
    "10.0.0.0-10.0.0.255, 256"
  })
  void size_edgeRanges_isExactUnsignedCount(String text, long size) {
    assertEquals(size, r(text).size());
    assertEquals(size, r(text).toAddressSet().size());
  }

  @Test
  void all_constant_coversEveryAddress() {
    assertEquals(r("0.0.0.0-255.255.255.255"), Ipv4Range.ALL);
    assertEquals(Ipv4Address.MIN, Ipv4Range.ALL.first());
    assertEquals(Ipv4Address.MAX, Ipv4Range.ALL.last());
    assertEquals(List.of(Ipv4Prefix.ALL), Ipv4Range.ALL.toPrefixes());
    assertTrue(Ipv4Range.ALL.isPrefix());
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "127.255.255.255-128.0.0.0, 127.255.255.255, true",
    "127.255.255.255-128.0.0.0, 128.0.0.0, true",
    "127.255.255.255-128.0.0.0, 127.255.255.254, false",
    "127.255.255.255-128.0.0.0, 128.0.0.1, false",
    "128.0.0.0-255.255.255.255, 255.255.255.255, true",
    "128.0.0.0-255.255.255.255, 0.0.0.0, false",
    "0.0.0.0-127.255.255.255, 200.0.0.0, false",
    "0.0.0.0, 0.0.0.0, true",
    "0.0.0.0, 0.0.0.1, false"
  })
  void containsAddress_acrossSignBit_comparesUnsigned(
      String range, String address, boolean expected) {
    assertEquals(expected, r(range).contains(a(address)));
  }

  @ParameterizedTest(name = "{0} vs {1}: contains={2}, overlaps={3}")
  @CsvSource({
    "10.0.0.0-10.0.0.9, 10.0.0.2-10.0.0.3, true, true",
    "10.0.0.0-10.0.0.9, 10.0.0.0-10.0.0.9, true, true",
    "10.0.0.0-10.0.0.9, 10.0.0.9-10.0.0.12, false, true",
    "10.0.0.0-10.0.0.9, 10.0.0.10-10.0.0.12, false, false",
    "0.0.0.0-127.255.255.255, 128.0.0.0-255.255.255.255, false, false",
    "0.0.0.0-128.0.0.0, 128.0.0.0-255.255.255.255, false, true",
    "0.0.0.0-255.255.255.255, 127.255.255.255-128.0.0.0, true, true"
  })
  void containsAndOverlaps_pairs_matchIntervalLogic(
      String left, String right, boolean contains, boolean overlaps) {
    assertEquals(contains, r(left).contains(r(right)));
    assertEquals(overlaps, r(left).overlaps(r(right)));
    assertEquals(overlaps, r(right).overlaps(r(left)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "10.0.0.0-10.0.0.255, 10.0.0.0/24",
    "0.0.0.0-255.255.255.255, 0.0.0.0/0",
    "10.0.0.7, 10.0.0.7/32",
    "10.0.0.1-10.0.0.6, 10.0.0.1/32 10.0.0.2/31 10.0.0.4/31 10.0.0.6/32",
    "127.255.255.255-128.0.0.0, 127.255.255.255/32 128.0.0.0/32",
    "0.0.0.1-255.255.255.254, 0.0.0.1/32 0.0.0.2/31 0.0.0.4/30 0.0.0.8/29 0.0.0.16/28"
        + " 0.0.0.32/27 0.0.0.64/26 0.0.0.128/25 0.0.1.0/24 0.0.2.0/23 0.0.4.0/22 0.0.8.0/21"
        + " 0.0.16.0/20 0.0.32.0/19 0.0.64.0/18 0.0.128.0/17 0.1.0.0/16 0.2.0.0/15 0.4.0.0/14"
        + " 0.8.0.0/13 0.16.0.0/12 0.32.0.0/11 0.64.0.0/10 0.128.0.0/9 1.0.0.0/8 2.0.0.0/7"
        + " 4.0.0.0/6 8.0.0.0/5 16.0.0.0/4 32.0.0.0/3 64.0.0.0/2 128.0.0.0/2 192.0.0.0/3"
        + " 224.0.0.0/4 240.0.0.0/5 248.0.0.0/6 252.0.0.0/7 254.0.0.0/8 255.0.0.0/9"
        + " 255.128.0.0/10 255.192.0.0/11 255.224.0.0/12 255.240.0.0/13 255.248.0.0/14"
        + " 255.252.0.0/15 255.254.0.0/16 255.255.0.0/17 255.255.128.0/18 255.255.192.0/19"
        + " 255.255.224.0/20 255.255.240.0/21 255.255.248.0/22 255.255.252.0/23"
        + " 255.255.254.0/24 255.255.255.0/25 255.255.255.128/26 255.255.255.192/27"
        + " 255.255.255.224/28 255.255.255.240/29 255.255.255.248/30 255.255.255.252/31"
        + " 255.255.255.254/32",
    "128.0.0.0-255.255.255.255, 128.0.0.0/1",
    "255.255.255.255, 255.255.255.255/32"
  })
  void toPrefixes_knownRanges_areTheMinimalCover(String range, String expected) {
    assertEquals(prefixes(expected), r(range).toPrefixes());
  }

  @ParameterizedTest(name = "{0} isPrefix={1}")
  @CsvSource({
    "10.0.0.0-10.0.0.255, true",
    "10.0.0.1-10.0.1.0, false",
    "10.0.0.0-10.0.0.254, false",
    "10.0.0.128-10.0.1.127, false",
    "10.0.0.5, true",
    "0.0.0.0-255.255.255.255, true",
    "0.0.0.0-255.255.255.254, false",
    "128.0.0.0-255.255.255.255, true",
    "64.0.0.0-191.255.255.255, false"
  })
  void isPrefix_alignedPowerOfTwoOnly_isTrue(String range, boolean expected) {
    assertEquals(expected, r(range).isPrefix());
    assertEquals(expected, r(range).toPrefixes().size() == 1);
  }

  @Test
  void single_anyAddress_hasSizeOneAndEqualEnds() {
    Ipv4Range single = Ipv4Range.single(Ipv4Address.MAX);
    assertEquals(1, single.size());
    assertEquals(single.first(), single.last());
    assertEquals(Ipv4Range.of(Ipv4Address.MAX, Ipv4Address.MAX), single);
  }

  @Test
  void compareTo_firstThenLast_ordersUnsigned() {
    List<Ipv4Range> sorted =
        List.of(
            r("0.0.0.0"),
            r("0.0.0.0-255.255.255.255"),
            r("10.0.0.0-10.0.0.1"),
            r("10.0.0.0-200.0.0.0"),
            r("127.255.255.255-128.0.0.0"),
            r("128.0.0.0"),
            r("255.255.255.255"));
    List<Ipv4Range> shuffled = new ArrayList<>(sorted);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertEquals(sorted, shuffled);
  }

  @Test
  void equalsAndHashCode_sameEnds_areEqual() {
    assertEquals(r("10.0.0.1-10.0.0.9"), Ipv4Range.of(a("10.0.0.1"), a("10.0.0.9")));
    assertEquals(
        r("10.0.0.1-10.0.0.9").hashCode(), Ipv4Range.of(a("10.0.0.1"), a("10.0.0.9")).hashCode());
    assertNotEquals(r("10.0.0.1-10.0.0.9"), r("10.0.0.1-10.0.0.8"));
    assertNotEquals(r("10.0.0.1-10.0.0.9"), r("10.0.0.0-10.0.0.9"));
    assertNotEquals(r("10.0.0.1-10.0.0.9"), "10.0.0.1-10.0.0.9");
  }

  @Test
  void javadocExample_sizeAndPrefixes_behaveAsDocumented() {
    Ipv4Range range = Ipv4Range.parse("10.0.0.0-10.0.0.255");
    assertEquals(256, range.size());
    assertEquals(List.of(Ipv4Prefix.parse("10.0.0.0/24")), range.toPrefixes());
  }
}
