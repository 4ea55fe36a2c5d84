package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.a;
import static dev.pgreach.dns.TestEstate.cname;
import static dev.pgreach.dns.TestEstate.linkId;
import static dev.pgreach.dns.TestEstate.vnetId;
import static dev.pgreach.dns.TestEstate.zoneId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateDnsZoneTest {
  private static final String ZONE = "privatelink.postgres.database.azure.com";

  private static VirtualNetworkLink link(String zone, String name, String vnet) {
    return VirtualNetworkLink.builder().id(linkId("dns", zone, name)).virtualNetwork(vnetId(vnet)).build();
  }

  @Test
  void builder_recordsAndLinks_nameFromId() {
    PrivateDnsZone z =
        PrivateDnsZone.builder()
            .id(zoneId(ZONE))
            .addRecords(a("crm", "10.0.1.50"), a("crm", "10.0.1.49"), a("audit", "10.0.1.51"))
            .addVirtualNetworkLinks(link(ZONE, "hub", "hub"), link(ZONE, "spoke", "spoke"))
            .build();

    assertEquals(ZoneName.POSTGRES_PRIVATELINK, z.name());
    assertEquals(2, z.recordsAt(RecordName.parse("crm")).size());
    assertEquals(List.of(link(ZONE, "hub", "hub")), z.linksTo(vnetId("hub")));
    assertTrue(z.linksTo(vnetId("far")).isEmpty());
  }

  @Test
  void linkBuilder_nothingSet_resolutionLinkWithDefaultPolicy() {
    VirtualNetworkLink l = link(ZONE, "hub", "hub");

    assertEquals(false, l.registrationEnabled());
    assertEquals(ResolutionPolicy.DEFAULT, l.resolutionPolicy());
    assertEquals(zoneId(ZONE), l.privateDnsZone());
    assertEquals("hub", l.name());
  }

  static List<Arguments> invalidZones() {
    ResourceId wrongType = ResourceId.of(TestEstate.SUBSCRIPTION, "dns", "Microsoft.Network/dnsZones", ZONE);
    return List.of(
        Arguments.of(
            "wrong id type",
            (Supplier<PrivateDnsZone>) () -> PrivateDnsZone.builder().id(wrongType).build(),
            ErrorCode.WRONG_RESOURCE_TYPE,
            "PrivateDnsZone.id",
            "Microsoft.Network/dnsZones"),
        Arguments.of(
            "one-label name",
            (Supplier<PrivateDnsZone>) () -> PrivateDnsZone.builder().id(zoneId("internal")).build(),
            ErrorCode.INVALID_DNS_NAME,
            "PrivateDnsZone.id",
            "internal"),
        Arguments.of(
            "CNAME beside A",
            (Supplier<PrivateDnsZone>)
                () -> PrivateDnsZone.builder().id(zoneId(ZONE)).addRecords(a("crm", "10.0.1.50"), cname("crm", "x.contoso.com")).build(),
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "PrivateDnsZone[" + ZONE + "].records",
            "crm CNAME x.contoso.com"),
        Arguments.of(
            "two CNAMEs",
            (Supplier<PrivateDnsZone>)
                () -> PrivateDnsZone.builder().id(zoneId(ZONE)).addRecords(cname("db", "a.contoso.com"), cname("db", "b.contoso.com")).build(),
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "PrivateDnsZone[" + ZONE + "].records",
            "db CNAME b.contoso.com"),
        Arguments.of(
            "same A twice",
            (Supplier<PrivateDnsZone>)
                () -> PrivateDnsZone.builder().id(zoneId(ZONE)).addRecords(a("crm", "10.0.1.50"), a("CRM", "10.0.1.50")).build(),
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "PrivateDnsZone[" + ZONE + "].records",
            "crm A 10.0.1.50"),
        Arguments.of(
            "absolute name too long",
            (Supplier<PrivateDnsZone>)
                () ->
                    PrivateDnsZone.builder()
                        .id(zoneId(ZONE))
                        .addRecords(a(String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(40)), "10.0.1.50"))
                        .build(),
            ErrorCode.INVALID_DNS_NAME,
            "PrivateDnsZone[" + ZONE + "].records",
            "ccc"),
        Arguments.of(
            "link of another zone",
            (Supplier<PrivateDnsZone>)
                () -> PrivateDnsZone.builder().id(zoneId(ZONE)).addVirtualNetworkLinks(link("contoso.internal", "hub", "hub")).build(),
            ErrorCode.INVALID_VALUE,
            "PrivateDnsZone[" + ZONE + "].virtualNetworkLinks",
            "contoso.internal/virtualNetworkLinks/hub"),
        Arguments.of(
            "two links with one name",
            (Supplier<PrivateDnsZone>)
                () -> PrivateDnsZone.builder().id(zoneId(ZONE)).addVirtualNetworkLinks(link(ZONE, "hub", "hub"), link(ZONE, "HUB", "spoke")).build(),
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "PrivateDnsZone[" + ZONE + "].virtualNetworkLinks",
            "HUB"),
        Arguments.of(
            "link to something that is not a network",
            (Supplier<PrivateDnsZone>)
                () ->
                    PrivateDnsZone.builder()
                        .id(zoneId(ZONE))
                        .addVirtualNetworkLinks(
                            VirtualNetworkLink.builder().id(linkId("dns", ZONE, "x")).virtualNetwork(TestEstate.subnetId("hub", "app")).build())
                        .build(),
            ErrorCode.WRONG_RESOURCE_TYPE,
            "VirtualNetworkLink[x].virtualNetwork",
            "subnets/app"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidZones")
  void build_invalidZone_throwsCodeNamingFieldAndValue(
      String row, Supplier<PrivateDnsZone> zone, ErrorCode code, String field, String value) {
    PgreachException e = assertThrows(PgreachException.class, zone::get);

    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void build_linksToOneNetworkTwice_allowedAndLeftToValidation() {
    PrivateDnsZone z =
        PrivateDnsZone.builder().id(zoneId(ZONE)).addVirtualNetworkLinks(link(ZONE, "a", "hub"), link(ZONE, "b", "hub")).build();

    assertEquals(2, z.linksTo(vnetId("hub")).size());
  }
}
