package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressSetTest {

  private static Ipv4Address a(String text) {
    return Ipv4Address.parse(text);
  }

  private static Ipv4Prefix p(String text) {
    return Ipv4Prefix.parse(text);
  }

  private static Ipv4Range r(String text) {
    return Ipv4Range.parse(text);
  }

  private static AddressSet s(String text) {
    return AddressSet.parse(text);
  }

  static Stream<Arguments> invalidText() {
    return Stream.of(
        Arguments.of("10.0.0.0/33", ErrorCode.INVALID_PREFIX, "10.0.0.0/33"),
        Arguments.of("10.0.0.0/24, 10.0.0.0/-1", ErrorCode.INVALID_PREFIX, "10.0.0.0/-1"),
        Arguments.of("10.0.0.5/24", ErrorCode.PREFIX_HOST_BITS_SET, "10.0.0.0/24"),
        Arguments.of("10.0.0.9-10.0.0.1", ErrorCode.END_ADDRESS_SMALLER_THAN_START, "10.0.0.1"),
        Arguments.of("1.2.3", ErrorCode.INVALID_RANGE, "1.2.3"),
        Arguments.of("10.0.0.1 10.0.0.2", ErrorCode.INVALID_RANGE, "10.0.0.1 10.0.0.2"),
        Arguments.of("10.0.0.1;10.0.0.2", ErrorCode.INVALID_RANGE, "10.0.0.1;10.0.0.2"),
        Arguments.of("10.0.0.0/24,", ErrorCode.INVALID_RANGE, "item 2"),
        Arguments.of(",", ErrorCode.INVALID_RANGE, "item 1"),
        Arguments.of("{10.0.0.0/24", ErrorCode.INVALID_PREFIX, "{10.0.0.0/24"),
        Arguments.of("{{}}", ErrorCode.INVALID_RANGE, "{}"),
        Arguments.of("::1", ErrorCode.ADDRESS_MUST_BE_IPV4, "::1"),
        Arguments.of("10.0.0.0/8, 2001:db8::/32", ErrorCode.ADDRESS_MUST_BE_IPV4, "2001:db8::/32"),
        Arguments.of("fe80::1%eth0", ErrorCode.ADDRESS_MUST_BE_IPV4, "fe80::1%eth0"));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @MethodSource("invalidText")
  void parse_invalidText_throwsItemCodeNamingSetAndItem(
      String text, ErrorCode expected, String named) {
    PgreachException e = assertThrows(PgreachException.class, () -> AddressSet.parse(text));
    assertAll(
        () -> assertEquals(expected, e.code()),
        () -> assertTrue(e.getMessage().startsWith("AddressSet (\"" + text + "\")")),
        () -> assertTrue(e.getMessage().contains(named), e.getMessage()));
  }

  @Test
  void parse_badSecondItem_messageNamesItemPositionAndItsType() {
    PgreachException e =
        assertThrows(
            PgreachException.class, () -> AddressSet.parse("10.0.0.0/24, 10.0.1.7/24, 10.0.3.1"));
    assertEquals(ErrorCode.PREFIX_HOST_BITS_SET, e.code());
    assertTrue(e.getMessage().contains("item 2"), e.getMessage());
    assertTrue(e.getMessage().contains("Ipv4Prefix (\"10.0.1.7/24\")"), e.getMessage());
    assertTrue(e.getCause() instanceof PgreachException);
  }

  @Test
  void parse_null_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> AddressSet.parse(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("AddressSet"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "{}", " { } "})
  void parse_emptyForms_giveEmpty(String text) {
    assertSame(AddressSet.EMPTY, AddressSet.parse(text));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          10.0.0.1                                    | {10.0.0.1}
          10.0.0.0/32                                 | {10.0.0.0}
          { 10.0.2.1-10.0.2.9 ,10.0.0.0/24 }          | {10.0.0.0/24, 10.0.2.1-10.0.2.9}
          10.0.0.0-10.0.0.255                         | {10.0.0.0/24}
          10.0.0.0/25, 10.0.0.128/25                  | {10.0.0.0/24}
          10.0.0.0/24, 10.0.1.0-10.0.1.4              | {10.0.0.0-10.0.1.4}
          0.0.0.0/1, 128.0.0.0/1                      | {0.0.0.0/0}
          127.255.255.255, 128.0.0.0                  | {127.255.255.255-128.0.0.0}
          255.255.255.255, 0.0.0.0                    | {0.0.0.0, 255.255.255.255}
          10.0.0.5, 10.0.0.5, 10.0.0.0/30, 10.0.0.4   | {10.0.0.0-10.0.0.5}
          """)
  void toString_parsedSets_isCanonical(String text, String expected) {
    AddressSet set = s(text);
    assertEquals(expected, set.toString());
    assertEquals(set, s(set.toString()));
  }

  @Test
  void all_constant_isEveryAddress() {
    assertEquals(4294967296L, AddressSet.ALL.size());
    assertEquals(List.of(Ipv4Range.ALL), AddressSet.ALL.ranges());
    assertEquals(List.of(Ipv4Prefix.ALL), AddressSet.ALL.toPrefixes());
    assertEquals("{0.0.0.0/0}", AddressSet.ALL.toString());
    assertTrue(AddressSet.ALL.contains(Ipv4Address.MIN));
    assertTrue(AddressSet.ALL.contains(Ipv4Address.MAX));
    assertTrue(AddressSet.ALL.contains(a("127.255.255.255")));
    assertTrue(AddressSet.ALL.contains(a("128.0.0.0")));
    assertEquals(AddressSet.ALL, AddressSet.of(Ipv4Prefix.ALL));
    assertEquals(AddressSet.ALL, AddressSet.of(Ipv4Range.ALL));
  }

  @Test
  void empty_constant_holdsNothing() {
    assertTrue(AddressSet.EMPTY.isEmpty());
    assertEquals(0, AddressSet.EMPTY.size());
    assertEquals(0, AddressSet.EMPTY.rangeCount());
    assertEquals(List.of(), AddressSet.EMPTY.toPrefixes());
    assertEquals("{}", AddressSet.EMPTY.toString());
    assertFalse(AddressSet.EMPTY.contains(Ipv4Address.MIN));
    assertFalse(AddressSet.EMPTY.contains(Ipv4Address.MAX));
    assertEquals(Optional.empty(), AddressSet.EMPTY.first());
    assertEquals(Optional.empty(), AddressSet.EMPTY.last());
    assertEquals(AddressSet.EMPTY, AddressSet.builder().build());
    assertEquals(AddressSet.EMPTY, AddressSet.of(new Ipv4Range[0]));
  }

  @Test
  void complement_allAndEmpty_areEachOther() {
    assertEquals(AddressSet.EMPTY, AddressSet.ALL.complement());
    assertEquals(AddressSet.ALL, AddressSet.EMPTY.complement());
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.0.0.0                    | {0.0.0.1-255.255.255.255}
          255.255.255.255            | {0.0.0.0-255.255.255.254}
          0.0.0.0, 255.255.255.255   | {0.0.0.1-255.255.255.254}
          0.0.0.0/1                  | {128.0.0.0/1}
          128.0.0.0/1                | {0.0.0.0/1}
          127.255.255.255-128.0.0.0  | {0.0.0.0-127.255.255.254, 128.0.0.1-255.255.255.255}
          10.0.0.0/8                 | {0.0.0.0-9.255.255.255, 11.0.0.0-255.255.255.255}
          """)
  void complement_edgeSets_splitsAtUnsignedBounds(String set, String expected) {
    assertEquals(s(expected), s(set).complement());
    assertEquals(s(set), s(expected).complement());
    assertEquals(4294967296L - s(set).size(), s(set).complement().size());
  }

  @Test
  void union_halvesAcrossSignBit_mergeIntoAll() {
    AddressSet union = s("0.0.0.0/1").union(s("128.0.0.0/1"));
    assertEquals(AddressSet.ALL, union);
    assertEquals(1, union.rangeCount());
  }

  @Test
  void union_adjacentRanges_mergeIntoOneRange() {
    AddressSet union = s("10.0.0.0-10.0.0.9").union(s("10.0.0.10-10.0.0.20"));
    assertEquals(List.of(r("10.0.0.0-10.0.0.20")), union.ranges());
  }

  @Test
  void union_gapOfOneAddress_keepsTwoRanges() {
    AddressSet union = s("10.0.0.0-10.0.0.9").union(s("10.0.0.11-10.0.0.20"));
    assertEquals(List.of(r("10.0.0.0-10.0.0.9"), r("10.0.0.11-10.0.0.20")), union.ranges());
    assertFalse(union.contains(a("10.0.0.10")));
  }

  @Test
  void intersection_acrossSignBit_keepsOnlyCommonAddresses() {
    AddressSet common = s("0.0.0.0/1").intersection(s("127.0.0.0-129.0.0.0"));
    assertEquals(s("127.0.0.0/8"), common);
    AddressSet upper = s("128.0.0.0/1").intersection(s("127.0.0.0-129.0.0.0"));
    assertEquals(s("128.0.0.0-129.0.0.0"), upper);
  }

  @Test
  void intersection_disjointSets_isEmpty() {
    assertEquals(AddressSet.EMPTY, s("10.0.0.0/24").intersection(s("10.0.1.0/24")));
    assertFalse(s("10.0.0.0/24").intersects(s("10.0.1.0/24")));
    assertTrue(s("10.0.0.0/24").intersects(s("10.0.0.255-10.0.1.0")));
  }

  @Test
  void difference_holeInTheMiddle_leavesTwoRanges() {
    AddressSet rest = s("10.0.0.0/24").difference(s("10.0.0.10-10.0.0.19"));
    assertEquals(s("10.0.0.0-10.0.0.9, 10.0.0.20-10.0.0.255"), rest);
    assertEquals(AddressSet.EMPTY, s("10.0.0.0/24").difference(AddressSet.ALL));
    assertEquals(s("10.0.0.0/24"), s("10.0.0.0/24").difference(AddressSet.EMPTY));
    assertEquals(AddressSet.EMPTY, AddressSet.EMPTY.difference(s("10.0.0.0/24")));
    assertEquals(s("10.0.0.0/24").complement(), AddressSet.ALL.difference(s("10.0.0.0/24")));
  }

  @Test
  void javadocExample_vnetMinusSubnet_behavesAsDocumented() {
    AddressSet vnet = AddressSet.of(Ipv4Prefix.parse("10.0.0.0/16"));
    AddressSet free = vnet.difference(AddressSet.of(Ipv4Prefix.parse("10.0.1.0/24")));
    assertFalse(free.contains(Ipv4Address.parse("10.0.1.7")));
    assertEquals(
        List.of(
            p("10.0.0.0/24"),
            p("10.0.2.0/23"),
            p("10.0.4.0/22"),
            p("10.0.8.0/21"),
            p("10.0.16.0/20"),
            p("10.0.32.0/19"),
            p("10.0.64.0/18"),
            p("10.0.128.0/17")),
        free.toPrefixes());
  }

  @Test
  void size_ofManyRanges_isExactUnsignedSum() {
    AddressSet set = s("0.0.0.0/1, 200.0.0.0/8, 255.255.255.255");
    assertEquals(2147483648L + 16777216L + 1L, set.size());
    assertEquals(3, set.rangeCount());
  }

  @Test
  void containsAndRangeContaining_manyRanges_findTheRightRange() {
    AddressSet set = s("0.0.0.0, 10.0.0.0/24, 127.255.255.255-128.0.0.5, 255.255.255.255");
    assertTrue(set.contains(a("0.0.0.0")));
    assertFalse(set.contains(a("0.0.0.1")));
    assertFalse(set.contains(a("9.255.255.255")));
    assertTrue(set.contains(a("10.0.0.0")));
    assertTrue(set.contains(a("10.0.0.255")));
    assertFalse(set.contains(a("10.0.1.0")));
    assertFalse(set.contains(a("127.255.255.254")));
    assertTrue(set.contains(a("127.255.255.255")));
    assertTrue(set.contains(a("128.0.0.0")));
    assertTrue(set.contains(a("128.0.0.5")));
    assertFalse(set.contains(a("128.0.0.6")));
    assertFalse(set.contains(a("255.255.255.254")));
    assertTrue(set.contains(a("255.255.255.255")));
    assertEquals(Optional.of(r("127.255.255.255-128.0.0.5")), set.rangeContaining(a("128.0.0.1")));
    assertEquals(Optional.of(r("10.0.0.0-10.0.0.255")), set.rangeContaining(a("10.0.0.0")));
    assertEquals(Optional.empty(), set.rangeContaining(a("128.0.0.6")));
  }

  @Test
  void firstAndLast_setAtBothEnds_areMinAndMax() {
    AddressSet set = s("255.255.255.255, 0.0.0.0, 10.0.0.0/8");
    assertEquals(Optional.of(Ipv4Address.MIN), set.first());
    assertEquals(Optional.of(Ipv4Address.MAX), set.last());
    assertEquals(Optional.of(a("10.0.0.0")), s("10.0.0.0/8, 200.0.0.1").first());
    assertEquals(Optional.of(a("200.0.0.1")), s("10.0.0.0/8, 200.0.0.1").last());
  }

  @Test
  void containsAll_subsetAndSuperset_isDirectional() {
    assertTrue(s("10.0.0.0/8").containsAll(s("10.1.0.0/16, 10.2.0.1")));
    assertFalse(s("10.1.0.0/16, 10.2.0.1").containsAll(s("10.0.0.0/8")));
    assertTrue(s("10.0.0.0/8").containsAll(AddressSet.EMPTY));
    assertTrue(AddressSet.ALL.containsAll(s("255.255.255.255")));
    assertFalse(s("10.0.0.0/8").containsAll(s("10.0.0.0-11.0.0.0")));
  }

  @Test
  void builder_mixedKindsInAnyOrder_buildsTheirUnion() {
    AddressSet built =
        AddressSet.builder()
            .add(p("10.0.0.128/25"))
            .add(a("10.0.1.0"))
            .add(r("10.0.0.0-10.0.0.127"))
            .add(s("192.168.0.0/16"))
            .add(a("10.0.0.5"))
            .build();
    assertEquals(s("10.0.0.0-10.0.1.0, 192.168.0.0/16"), built);
  }

  @Test
  void builder_manyAdds_growsBeyondInitialCapacity() {
    AddressSet.Builder builder = AddressSet.builder();
    for (int i = 99; i >= 0; i--) {
      builder.add(Ipv4Address.ofLong(2L * i));
    }
    AddressSet set = builder.build();
    assertEquals(100, set.size());
    assertEquals(100, set.rangeCount());
    assertTrue(set.contains(a("0.0.0.198")));
    assertFalse(set.contains(a("0.0.0.197")));
  }

  @Test
  void factories_sameAddressesDifferentShapes_areEqual() {
    AddressSet fromPrefixes = AddressSet.ofPrefixes(List.of(p("10.0.0.0/31"), p("10.0.0.2/32")));
    AddressSet fromRanges = AddressSet.ofRanges(List.of(r("10.0.0.2"), r("10.0.0.0-10.0.0.1")));
    AddressSet fromAddresses =
        AddressSet.ofAddresses(List.of(a("10.0.0.1"), a("10.0.0.0"), a("10.0.0.2")));
    AddressSet fromVarargs = AddressSet.of(r("10.0.0.0-10.0.0.2"));
    assertEquals(fromPrefixes, fromRanges);
    assertEquals(fromRanges, fromAddresses);
    assertEquals(fromAddresses, fromVarargs);
    assertEquals(fromPrefixes.hashCode(), fromAddresses.hashCode());
    assertEquals(fromPrefixes, p("10.0.0.0/31").toAddressSet().union(r("10.0.0.2").toAddressSet()));
  }

  @Test
  void equals_differentAddresses_areNotEqual() {
    assertNotEquals(s("10.0.0.0/24"), s("10.0.0.0-10.0.0.254"));
    assertNotEquals(s("10.0.0.0/24"), s("10.0.0.0/24, 10.0.2.0"));
    assertNotEquals(AddressSet.EMPTY, AddressSet.ALL);
    assertNotEquals(s("10.0.0.0/24"), "{10.0.0.0/24}");
  }

  @Test
  void toPrefixes_rangeNotAligned_isMinimalCoverPerRange() {
    AddressSet set = s("10.0.0.1-10.0.0.6, 255.255.255.254-255.255.255.255");
    assertEquals(
        List.of(
            p("10.0.0.1/32"),
            p("10.0.0.2/31"),
            p("10.0.0.4/31"),
            p("10.0.0.6/32"),
            p("255.255.255.254/31")),
        set.toPrefixes());
  }
}
