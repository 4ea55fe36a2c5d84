package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.PRIVATELINK;
import static dev.pgreach.dns.TestEstate.customDns;
import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.onPremDns;
import static dev.pgreach.dns.TestEstate.serverId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsEstateTest {
  @Test
  void publicEndpointLabel_labelGivenOrNot_givenLabelElsePlaceholder() {
    DnsEstate e = TestEstate.standard().label("billing", "rs-abc").build();

    assertEquals("rs-abc", e.publicEndpointLabel(ServerName.parse("billing")));
    assertEquals(DnsEstate.PLACEHOLDER_PUBLIC_ENDPOINT_LABEL, e.publicEndpointLabel(ServerName.parse("crm")));
    assertTrue(e.hasPrivateEndpoint(serverId("crm")));
    assertFalse(e.hasPrivateEndpoint(serverId("billing")));
    assertTrue(DnsName.isValid(DnsEstate.PLACEHOLDER_PUBLIC_ENDPOINT_LABEL));
  }

  static List<Arguments> invalidEstates() {
    return List.of(
        Arguments.of(
            "two zones with one id",
            (Supplier<DnsEstate>) DnsEstateTest::twoZonesSameId,
            ErrorCode.DUPLICATE_RESOURCE,
            "DnsEstate.privateDnsZones",
            PRIVATELINK),
        Arguments.of(
            "two DNS servers with one id",
            (Supplier<DnsEstate>)
                () -> TestEstate.standard().dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4")).dnsServer(customDns("dns1", "hub", "dns", "10.0.3.5")).build(),
            ErrorCode.DUPLICATE_RESOURCE,
            "DnsEstate.dnsServers",
            "dns1"),
        Arguments.of(
            "two DNS servers at one address",
            (Supplier<DnsEstate>)
                () -> TestEstate.standard().dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4")).dnsServer(customDns("dns2", "hub", "app", "10.0.3.4")).build(),
            ErrorCode.INVALID_VALUE,
            "DnsServer[dns2].location",
            "10.0.3.4"),
        Arguments.of(
            "two DNS servers at one address in one network",
            (Supplier<DnsEstate>)
                () -> TestEstate.standard().dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4")).dnsServer(customDns("dns2", "hub", "dns", "10.0.3.4")).build(),
            ErrorCode.DUPLICATE_RESOURCE,
            "DnsEstate.dnsServers",
            "10.0.3.4"),
        Arguments.of(
            "DNS server in an unknown subnet",
            (Supplier<DnsEstate>) () -> TestEstate.standard().dnsServer(customDns("dns1", "hub", "nosuch", "10.0.3.4")).build(),
            ErrorCode.DANGLING_REFERENCE,
            "DnsServer[dns1].location",
            "subnets/nosuch"),
        Arguments.of(
            "DNS server on an unknown on-premises network",
            (Supplier<DnsEstate>) () -> TestEstate.standard().dnsServer(onPremDns("dc1", "branch", "172.16.0.53")).build(),
            ErrorCode.DANGLING_REFERENCE,
            "DnsServer[dc1].location",
            "branch"),
        Arguments.of(
            "DNS server outside its on-premises prefixes",
            (Supplier<DnsEstate>) () -> TestEstate.standard().dnsServer(onPremDns("dc1", "corp", "172.16.0.53")).build(),
            ErrorCode.INVALID_VALUE,
            "DnsServer[dc1].location",
            "172.16.0.53"),
        Arguments.of(
            "DNS server with an unknown network interface",
            (Supplier<DnsEstate>)
                () ->
                    TestEstate.standard()
                        .dnsServer(
                            DnsServer.builder()
                                .id(TestEstate.vmId("dns1"))
                                .location(
                                    new ClientLocation.InVirtualNetwork(
                                        TestEstate.subnetId("hub", "dns"),
                                        ip("10.0.3.4"),
                                        Optional.empty(),
                                        Optional.of(TestEstate.id("Microsoft.Network/networkInterfaces", "ghost")))))
                        .build(),
            ErrorCode.DANGLING_REFERENCE,
            "DnsServer[dns1].location",
            "ghost"),
        Arguments.of(
            "private endpoint on an unknown server",
            (Supplier<DnsEstate>) () -> TestEstate.standard().privateEndpoint("ghost").build(),
            ErrorCode.DANGLING_REFERENCE,
            "DnsEstate.privateEndpointServers",
            "ghost"),
        Arguments.of(
            "label of an unknown server",
            (Supplier<DnsEstate>) () -> TestEstate.standard().label("ghost", "rs-1").build(),
            ErrorCode.DANGLING_REFERENCE,
            "DnsEstate.publicEndpointLabels[ghost]",
            "ghost"),
        Arguments.of(
            "label of two labels",
            (Supplier<DnsEstate>) () -> TestEstate.standard().label("billing", "rs-1.x").build(),
            ErrorCode.INVALID_DNS_NAME,
            "DnsEstate.publicEndpointLabels[billing]",
            "rs-1.x"));
  }

  private static DnsEstate twoZonesSameId() {
    DnsEstate base = TestEstate.standard().build();
    PrivateDnsZone z = base.privateDnsZones().get(1);
    return DnsEstate.builder().network(base.network()).addPrivateDnsZones(z, PrivateDnsZone.builder().id(z.id()).build()).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidEstates")
  void build_invalidEstate_throwsCodeNamingFieldAndValue(String row, Supplier<DnsEstate> estate, ErrorCode code, String field, String value) {
    PgreachException e = assertThrows(PgreachException.class, estate::get);

    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void build_sameNamedZonesLinkedToDifferentNetworks_allowed() {
    TestEstate t = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    t.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.DEFAULT, false);

    assertEquals(3, t.build().privateDnsZones().size());
  }

  @Test
  void build_nestedZonesLinkedToOneNetwork_allowedAndLeftToValidation() {
    TestEstate t = TestEstate.standard().zone("postgres.database.azure.com").link("postgres.database.azure.com", "hub");

    assertEquals(3, t.build().privateDnsZones().size());
  }
}
