package dev.pgreach.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordNameTest {
  @Test
  void parse_apexAndRelativeNames() {
    assertTrue(RecordName.parse("@").isApex());
    assertEquals(RecordName.APEX, RecordName.parse("@"));
    assertEquals("@", RecordName.APEX.toString());
    assertEquals(List.of("a", "b"), RecordName.parse("A.b").labels());
    assertEquals("a.b", RecordName.parse("A.b").toString());
  }

  @ParameterizedTest
  @CsvSource({"'orders.', ends with a dot", "'', is empty", "a..b, empty label", "'*', '*'"})
  void parse_invalidText_throwsInvalidDnsNameNamingTypeAndValue(String text, String rule) {
    PgreachException e = assertThrows(PgreachException.class, () -> RecordName.parse(text));

    assertEquals(ErrorCode.INVALID_DNS_NAME, e.code());
    assertTrue(e.getMessage().startsWith("RecordName (\"" + text + "\")"), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertFalse(RecordName.isValid(text));
    assertEquals(Optional.empty(), RecordName.tryParse(text));
  }

  @Test
  void in_zone_absoluteName() {
    assertEquals(
        DnsName.parse("orders-db.privatelink.postgres.database.azure.com"), RecordName.parse("orders-db").in(ZoneName.POSTGRES_PRIVATELINK));
    assertEquals(ZoneName.POSTGRES.dnsName(), RecordName.APEX.in(ZoneName.POSTGRES));
  }

  @Test
  void in_zoneMakingTheNameTooLong_throws() {
    RecordName longName = RecordName.parse(String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(40)));

    PgreachException e = assertThrows(PgreachException.class, () -> longName.in(ZoneName.POSTGRES));

    assertEquals(ErrorCode.INVALID_DNS_NAME, e.code());
    assertTrue(e.getMessage().contains("260 characters"), e.getMessage());
  }
}
