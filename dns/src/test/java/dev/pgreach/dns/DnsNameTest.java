package dev.pgreach.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsNameTest {
  @Test
  void parse_fullyQualifiedName_labelsInOrder() {
    DnsName n = DnsName.parse("orders-db.postgres.database.azure.com");

    assertEquals(List.of("orders-db", "postgres", "database", "azure", "com"), n.labels());
    assertEquals(5, n.labelCount());
    assertEquals("orders-db", n.firstLabel());
    assertEquals("orders-db.postgres.database.azure.com", n.toString());
  }

  @Test
  void parse_mixedCaseAndTrailingDot_sameNameInLowerCase() {
    DnsName n = DnsName.parse("Orders-DB.Postgres.Database.Azure.Com.");

    assertEquals(DnsName.parse("orders-db.postgres.database.azure.com"), n);
    assertEquals(DnsName.parse("orders-db.postgres.database.azure.com").hashCode(), n.hashCode());
    assertEquals("orders-db.postgres.database.azure.com", n.toString());
  }

  @Test
  void parse_underscoreAndLongestLabelAndName_accepted() {
    String label63 = "a".repeat(63);
    String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

    assertTrue(DnsName.isValid("_acme-challenge.contoso.com"));
    assertTrue(DnsName.isValid(label63 + ".com"));
    assertEquals(253, name253.length());
    assertTrue(DnsName.isValid(name253));
    assertTrue(DnsName.isValid("com"));
  }

  static List<Arguments> invalidNames() {
    List<Arguments> rows = new ArrayList<>();
    rows.add(Arguments.of("", "is empty"));
    rows.add(Arguments.of(".", "is empty"));
    rows.add(Arguments.of("a..b", "empty label at position 2"));
    rows.add(Arguments.of(".a", "empty label at position 1"));
    rows.add(Arguments.of("a.b..", "empty label at position 3"));
    rows.add(Arguments.of("a".repeat(64) + ".com", "label of 64 characters"));
    rows.add(Arguments.of(String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62)), "254 characters"));
    rows.add(Arguments.of("*.contoso.com", "'*'"));
    rows.add(Arguments.of("my server.com", "' '"));
    rows.add(Arguments.of("-db.contoso.com", "starts or ends with a hyphen"));
    rows.add(Arguments.of("db-.contoso.com", "starts or ends with a hyphen"));
    rows.add(Arguments.of("ünïcode.com", "'ü'"));
    return rows;
  }

  @ParameterizedTest
  @MethodSource("invalidNames")
  void parse_invalidText_throwsInvalidDnsNameNamingTypeValueAndRule(String text, String rule) {
    PgreachException e = assertThrows(PgreachException.class, () -> DnsName.parse(text));

    assertEquals(ErrorCode.INVALID_DNS_NAME, e.code());
    assertTrue(e.getMessage().startsWith("DnsName (\"" + text + "\")"), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertFalse(DnsName.isValid(text));
    assertEquals(Optional.empty(), DnsName.tryParse(text));
  }

  @Test
  void parse_null_throwsMissingAttribute() {
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, assertThrows(PgreachException.class, () -> DnsName.parse(null)).code());
    assertEquals(Optional.empty(), DnsName.tryParse(null));
    assertFalse(DnsName.isValid(null));
  }

  @Test
  void of_serverName_isTheRecommendedHostName() {
    // Seed: hostname = servername.postgres.database.azure.com
    assertEquals(DnsName.parse("servername.postgres.database.azure.com"), DnsName.of(ServerName.parse("servername")));
  }

  @Test
  void isWithin_selfParentAndStranger_onlyLabelSuffixesMatch() {
    DnsName n = DnsName.parse("orders.privatelink.postgres.database.azure.com");

    assertTrue(n.isWithin(n));
    assertTrue(n.isWithin(DnsName.parse("postgres.database.azure.com")));
    assertTrue(n.isWithin(DnsName.parse("COM")));
    assertFalse(n.isWithin(DnsName.parse("link.postgres.database.azure.com")));
    assertFalse(DnsName.parse("azure.com").isWithin(n));
  }

  @Test
  void parent_andPrepend_walkTheTree() {
    DnsName n = DnsName.parse("a.b.c");

    assertEquals(Optional.of(DnsName.parse("b.c")), n.parent());
    assertEquals(Optional.empty(), DnsName.parse("c").parent());
    assertEquals(DnsName.parse("x.a.b.c"), n.prepend("X"));
    PgreachException e = assertThrows(PgreachException.class, () -> n.prepend("x.y"));
    assertEquals(ErrorCode.INVALID_DNS_NAME, e.code());
    assertTrue(e.getMessage().contains("x.y"), e.getMessage());
  }

  @Test
  void compareTo_ordersByLabelsFromTheRight() {
    List<DnsName> names =
        new ArrayList<>(List.of(DnsName.parse("b.example.com"), DnsName.parse("example.com"), DnsName.parse("a.example.org"), DnsName.parse("z.a.example.com")));
    names.sort(null);

    assertEquals(
        List.of(DnsName.parse("example.com"), DnsName.parse("z.a.example.com"), DnsName.parse("b.example.com"), DnsName.parse("a.example.org")),
        names);
    assertNotEquals(0, DnsName.parse("a.b").compareTo(DnsName.parse("b")));
  }
}
