package dev.pgreach.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneNameTest {
  @Test
  void constants_postgresZones_azuresNames() {
    assertEquals("postgres.database.azure.com", ZoneName.POSTGRES.toString());
    assertEquals("privatelink.postgres.database.azure.com", ZoneName.POSTGRES_PRIVATELINK.toString());
    assertEquals("private.postgres.database.azure.com", ZoneName.POSTGRES_PRIVATE.toString());
  }

  @ParameterizedTest
  @CsvSource({"com, has one label", "a..com, empty label", "'', is empty"})
  void parse_invalidText_throwsInvalidDnsNameNamingTypeAndValue(String text, String rule) {
    PgreachException e = assertThrows(PgreachException.class, () -> ZoneName.parse(text));

    assertEquals(ErrorCode.INVALID_DNS_NAME, e.code());
    assertTrue(e.getMessage().startsWith("ZoneName (\"" + text + "\")"), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertFalse(ZoneName.isValid(text));
    assertEquals(Optional.empty(), ZoneName.tryParse(text));
  }

  @Test
  void contains_namesInTheNamespaceOnly() {
    ZoneName zone = ZoneName.parse("Orders.Private.Postgres.Database.Azure.Com");

    assertTrue(zone.contains(DnsName.parse("orders.orders.private.postgres.database.azure.com")));
    assertTrue(zone.contains(zone.dnsName()));
    assertFalse(zone.contains(DnsName.parse("orders.postgres.database.azure.com")));
  }

  @Test
  void overlaps_sameOrNestedNamesOnly() {
    assertTrue(ZoneName.POSTGRES.overlaps(ZoneName.POSTGRES_PRIVATELINK));
    assertTrue(ZoneName.POSTGRES_PRIVATELINK.overlaps(ZoneName.POSTGRES));
    assertTrue(ZoneName.POSTGRES.overlaps(ZoneName.parse("postgres.database.azure.com")));
    assertFalse(ZoneName.POSTGRES_PRIVATELINK.overlaps(ZoneName.POSTGRES_PRIVATE));
  }

  @Test
  void relativize_givesRecordNameOrApexOrNothing() {
    ZoneName zone = ZoneName.POSTGRES_PRIVATELINK;

    assertEquals(Optional.of(RecordName.parse("crm")), zone.relativize(DnsName.parse("crm.privatelink.postgres.database.azure.com")));
    assertEquals(Optional.of(RecordName.APEX), zone.relativize(zone.dnsName()));
    assertEquals(Optional.empty(), zone.relativize(DnsName.parse("crm.postgres.database.azure.com")));
  }

  @Test
  void isPrivatelinkZone_firstLabelPrivatelink() {
    assertTrue(ZoneName.POSTGRES_PRIVATELINK.isPrivatelinkZone());
    assertTrue(ZoneName.parse("privatelink.blob.core.windows.net").isPrivatelinkZone());
    assertFalse(ZoneName.parse("orders.private.postgres.database.azure.com").isPrivatelinkZone());
    assertFalse(ZoneName.parse("myprivatelink.postgres.database.azure.com").isPrivatelinkZone());
  }

  @Test
  void of_oneLabelName_throws() {
    assertEquals(ErrorCode.INVALID_DNS_NAME, assertThrows(PgreachException.class, () -> ZoneName.of(DnsName.parse("internal"))).code());
    assertEquals(ZoneName.POSTGRES, ZoneName.of(DnsName.parse("postgres.database.azure.com")));
  }
}
