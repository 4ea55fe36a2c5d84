package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.ORDERS_ZONE;
import static dev.pgreach.dns.TestEstate.PRIVATELINK;
import static dev.pgreach.dns.TestEstate.customDns;
import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.inboundEndpoint;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.onPremDns;
import static dev.pgreach.dns.TestEstate.serverId;
import static dev.pgreach.dns.TestEstate.vnetId;
import static dev.pgreach.dns.TestEstate.zoneId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Severity;
import dev.pgreach.core.ServiceProfile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsValidationTest {
  private static List<Finding> validate(TestEstate estate) {
    return DnsValidation.validate(estate.build(), ServiceProfile.current());
  }

  private static List<Finding> validate(TestEstate estate, ServiceProfile profile) {
    return DnsValidation.validate(estate.build(), profile);
  }

  private static List<Finding> only(List<Finding> findings, FindingCode code) {
    return findings.stream().filter(f -> f.code() == code).collect(Collectors.toList());
  }

  /** The standard estate with the orders zone also linked to the peered spoke: nothing to report. */
  private static TestEstate clean() {
    return TestEstate.standard().link(ORDERS_ZONE, "spoke");
  }

  @Test
  void validate_cleanEstate_noFindingsUnderEitherProfile() {
    assertEquals(List.of(), validate(clean()));
    assertEquals(List.of(), validate(clean(), ServiceProfile.preview2021()));
  }

  @Test
  void validate_peeredSpokeNotLinkedToServerZone_needsZoneLink() {
    // Seed A: a client in another VNet needs the zone linked; peering alone does not resolve names.
    List<Finding> f = validate(TestEstate.standard());

    assertEquals(List.of(FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK), f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals(vnetId("spoke").toString(), f.get(0).resource());
    assertEquals("virtualNetworkLinks", f.get(0).field());
    assertEquals(ORDERS_ZONE, f.get(0).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.contoso.com", "postgres.database.azure.com", "orders.postgres.database.azure.com.contoso.com", "internal"})
  void validate_zoneNotEndingWithPostgresSuffix_nameInvalid(String zone) {
    TestEstate estate = clean().vnetServer("orders", "hub", "db", "10.0.2.4", zone);

    List<Finding> f = only(validate(estate), FindingCode.PRIVATE_DNS_ZONE_NAME_INVALID);

    assertEquals(1, f.size(), f.toString());
    assertEquals(serverId("orders").toString(), f.get(0).resource());
    assertEquals("privateDnsZone", f.get(0).field());
    assertEquals(zone, f.get(0).value());
  }

  @Test
  void validate_zoneIsServerNamePlusSuffix_isServerNameFinding() {
    TestEstate estate = clean().vnetServer("orders", "hub", "db", "10.0.2.4", "orders.postgres.database.azure.com");

    List<Finding> f = only(validate(estate), FindingCode.PRIVATE_DNS_ZONE_IS_SERVER_NAME);

    assertEquals(1, f.size());
    assertEquals("orders.postgres.database.azure.com", f.get(0).value());
  }

  @Test
  void validate_zoneIsAnotherServersHostName_isServerNameFinding() {
    TestEstate estate = clean().vnetServer("orders", "hub", "db", "10.0.2.4", "billing.postgres.database.azure.com");

    List<Finding> f = only(validate(estate), FindingCode.PRIVATE_DNS_ZONE_IS_SERVER_NAME);

    assertEquals(1, f.size());
    assertTrue(f.get(0).message().contains("billing"), f.get(0).message());
  }

  @Test
  void validate_ownZoneUnderPostgresSuffix_acceptedUnderBothProfiles() {
    // Seed A: "if you want to setup your own private DNS zone" -- allowed, when it serves one server.
    TestEstate estate = clean().vnetServer("orders", "hub", "db", "10.0.2.4", "orders.contoso.postgres.database.azure.com");
    estate.zone("orders.contoso.postgres.database.azure.com").link("orders.contoso.postgres.database.azure.com", "hub");
    estate.link("orders.contoso.postgres.database.azure.com", "spoke");

    assertEquals(List.of(), validate(estate));
    assertEquals(List.of(), validate(estate, ServiceProfile.preview2021()));
  }

  @Test
  void validate_zoneNotInEstate_unknown() {
    TestEstate estate = clean().vnetServer("orders", "hub", "db", "10.0.2.4", "elsewhere.postgres.database.azure.com");

    List<Finding> f = only(validate(estate), FindingCode.PRIVATE_DNS_ZONE_UNKNOWN);

    assertEquals(1, f.size());
    assertEquals(zoneId("elsewhere.postgres.database.azure.com").toString(), f.get(0).value());
  }

  @Test
  void validate_zoneNotLinkedToServersOwnVnet_notLinked() {
    TestEstate estate = clean().unlink("dns", ORDERS_ZONE, "hub");

    List<Finding> f = validate(estate);

    assertEquals(List.of(FindingCode.PRIVATE_DNS_ZONE_NOT_LINKED), f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals(serverId("orders").toString(), f.get(0).resource());
    assertTrue(f.get(0).message().contains("hub"), f.get(0).message());
  }

  @Test
  void validate_sharedZoneUnderPreview2021_notPerServerButAcceptedUnderCurrent() {
    TestEstate estate = clean().vnetServer("invoices", "hub", "db", "10.0.2.5", ORDERS_ZONE);

    List<Finding> preview = only(validate(estate, ServiceProfile.preview2021()), FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);

    // invoices: shares the zone, and the zone is orders' provisioned one; orders: shares the zone
    assertEquals(3, preview.size(), preview.toString());
    assertEquals(2, preview.stream().filter(x -> x.resource().equals(serverId("invoices").toString())).count());
    assertEquals(List.of(), validate(estate, ServiceProfile.current()));
  }

  @Test
  void validate_anotherServersProvisionedZoneUnderPreview2021_notPerServer() {
    // Seed A: zone names ending with private.postgres.database.azure.com can only be linked.
    TestEstate estate =
        clean().vnetServer("orders", "hub", "db", "10.0.2.4", "shared.private.postgres.database.azure.com");
    estate.zone("shared.private.postgres.database.azure.com").link("shared.private.postgres.database.azure.com", "hub");
    estate.link("shared.private.postgres.database.azure.com", "spoke");

    List<Finding> preview = only(validate(estate, ServiceProfile.preview2021()), FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);

    assertEquals(1, preview.size());
    assertTrue(preview.get(0).message().contains("orders.private.postgres.database.azure.com"), preview.get(0).message());
    assertEquals(List.of(), validate(estate, ServiceProfile.current()));
  }

  @Test
  void validate_zoneLinkedTwiceToOneVnet_linkedTwice() {
    TestEstate estate = clean().link(PRIVATELINK, "hub");

    List<Finding> f = validate(estate);

    assertEquals(List.of(FindingCode.ZONE_LINKED_TWICE), f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals(zoneId(PRIVATELINK).toString(), f.get(0).resource());
    assertEquals(vnetId("hub").toString(), f.get(0).value());
  }

  @Test
  void validate_twoRegistrationZones_moreThanOne() {
    TestEstate estate = clean().zone("contoso.internal").zone("fabrikam.internal");
    estate.registration("contoso.internal", "spoke").registration("fabrikam.internal", "spoke");

    List<Finding> f = only(validate(estate), FindingCode.REGISTRATION_ZONES_MORE_THAN_ONE);

    assertEquals(1, f.size());
    assertEquals(vnetId("spoke").toString(), f.get(0).resource());
  }

  @Test
  void validate_oneRegistrationZone_fine() {
    TestEstate estate = clean().zone("contoso.internal").registration("contoso.internal", "spoke");

    assertEquals(List.of(), validate(estate));
  }

  @Test
  void validate_nestedZonesLinkedToOneVnet_linksOverlap() {
    TestEstate estate = clean().zone("postgres.database.azure.com").link("postgres.database.azure.com", "hub");

    List<Finding> f = only(validate(estate), FindingCode.ZONE_LINKS_OVERLAP);

    // One finding per refused link: the link of each more specific zone to hub, as an error.
    assertEquals(2, f.size(), f.toString());
    for (Finding x : f) {
      assertEquals(Severity.ERROR, x.severity());
      assertEquals("virtualNetwork", x.field());
      assertEquals(vnetId("hub").toString(), x.value());
      assertTrue(x.resource().contains("/virtualNetworkLinks/"), x.toString());
      assertTrue(x.message().contains("postgres.database.azure.com ("), x.toString());
    }
    assertTrue(f.stream().anyMatch(x -> x.resource().contains(ORDERS_ZONE.toString())), f.toString());
    assertTrue(f.stream().anyMatch(x -> x.resource().contains(PRIVATELINK.toString())), f.toString());
  }

  @Test
  void validate_sameNamedZonesLinkedToOneVnet_reportsErrorOnTheSecondLink() {
    TestEstate estate = clean().zoneIn("other", PRIVATELINK);
    estate.linkIn("other", PRIVATELINK, "hub", ResolutionPolicy.DEFAULT, false);

    List<Finding> f = only(validate(estate), FindingCode.ZONE_LINKS_OVERLAP);

    assertEquals(1, f.size());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertEquals("virtualNetwork", f.get(0).field());
    assertTrue(f.get(0).resource().toString().contains("/virtualNetworkLinks/"), f.get(0).toString());
  }

  @Test
  void resolve_sameNamedZonesLinkedToOneVnet_isUndecided() {
    TestEstate estate = clean().zoneIn("other", PRIVATELINK);
    estate.linkIn("other", PRIVATELINK, "hub", ResolutionPolicy.DEFAULT, false);
    DnsEstate built = estate.build();
    ResourceId hub = built.network().virtualNetworks().stream().filter(v -> v.name().equals("hub")).findFirst().orElseThrow().id();

    Resolution r = Resolver.of(built, ServiceProfile.current()).resolveWithAzureProvidedDns(hub, DnsName.parse("billing.privatelink.postgres.database.azure.com"));

    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition());
    assertEquals(ReasonCode.NOT_OBSERVED, r.steps().get(r.steps().size() - 1).code());
  }

  @Test
  void validate_nxDomainRedirectOnZoneNotPrivatelink_ignored() {
    TestEstate estate = clean().link(ORDERS_ZONE, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT);

    List<Finding> f = only(validate(estate), FindingCode.NXDOMAIN_REDIRECT_IGNORED);

    assertEquals(1, f.size());
    assertEquals("resolutionPolicy", f.get(0).field());
  }

  @Test
  void validate_nxDomainRedirectOnPrivatelinkZone_ignoredOnlyUnderPreview2021() {
    TestEstate estate = clean().link(PRIVATELINK, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT);

    assertEquals(List.of(), validate(estate, ServiceProfile.current()));
    assertEquals(1, only(validate(estate, ServiceProfile.preview2021()), FindingCode.NXDOMAIN_REDIRECT_IGNORED).size());
  }

  @Test
  void validate_vnetDnsServerUnreachable_serverUnreachable() {
    TestEstate estate = clean().vnetDns("spoke", "10.5.0.4");

    List<Finding> f = only(validate(estate), FindingCode.DNS_SERVER_UNREACHABLE);

    assertEquals(1, f.size());
    assertEquals(vnetId("spoke").toString(), f.get(0).resource());
    assertEquals("10.5.0.4", f.get(0).value());
  }

  @Test
  void validate_onPremisesForwardingStraightToAzureDns_unreachableAndNotForwardingToAzure() {
    TestEstate estate =
        clean()
            .dnsServer(onPremDns("dc1", "corp", "192.168.0.53").addConditionalForwarders(ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("168.63.129.16"))))
            .onPremisesDns("corp", "192.168.0.53");

    List<Finding> f = validate(estate);

    assertEquals(
        List.of(FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE, FindingCode.DNS_SERVER_UNREACHABLE),
        f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals("conditionalForwarders[postgres.database.azure.com]", f.get(1).field());
    assertTrue(f.get(1).message().contains("only queries that originate inside a virtual network"), f.get(1).message());
  }

  @Test
  void validate_onPremisesForwardingToInboundEndpoint_noFindings() {
    TestEstate estate =
        clean()
            .dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"))
            .dnsServer(onPremDns("dc1", "corp", "192.168.0.53").addConditionalForwarders(ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("10.0.3.5"))))
            .onPremisesDns("corp", "192.168.0.53");

    assertEquals(List.of(), validate(estate));
  }

  @Test
  void validate_customDnsForwardingToPublicResolver_notForwardingToAzure() {
    TestEstate estate = clean().dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4").addForwarders(ip("8.8.8.8"))).vnetDns("spoke", "10.0.3.4");

    List<Finding> f = validate(estate);

    assertEquals(List.of(FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE), f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals(TestEstate.vmId("dns1").toString(), f.get(0).resource());
  }

  @Test
  void validate_customDnsForwardingToAzureDnsThroughAnotherServer_fine() {
    TestEstate estate =
        clean()
            .dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4").addForwarders(ip("10.0.3.6")))
            .dnsServer(customDns("dns2", "hub", "dns", "10.0.3.6").addForwarders(ip("168.63.129.16")))
            .vnetDns("spoke", "10.0.3.4");

    assertEquals(List.of(), validate(estate));
  }

  @Test
  void validate_peeredVnetWithoutZoneLink_needsZoneLink() {
    List<Finding> f = only(validate(clean().peer("hub", "far")), FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK);

    assertEquals(1, f.size(), f.toString());
    assertEquals(vnetId("far").toString(), f.get(0).resource());
    assertEquals(ORDERS_ZONE, f.get(0).value());
  }

  @Test
  void validate_vnetNotPeeredWithServerVnet_needsNoZoneLink() {
    // far cannot route to orders, so it does not need the zone.
    assertEquals(List.of(), only(validate(clean()), FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK));
  }

  @Test
  void validate_peeredVnetUsingCustomDns_notAskedForZoneLink() {
    TestEstate estate = TestEstate.standard().peer("hub", "far").link(ORDERS_ZONE, "spoke").vnetDns("far", "168.63.129.16");

    assertEquals(List.of(), only(validate(estate), FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK));
  }

  // ---------------------------------------------------------------- servers whose address is unknown

  /** The standard estate with orders' address unknown: no privateAddress (as after an ARM import). */
  private static TestEstate ordersAddressUnknown() {
    return TestEstate.standard()
        .server(
            dev.pgreach.core.FlexibleServer.builder()
                .id(serverId("orders"))
                .region(dev.pgreach.core.Region.parse("westeurope"))
                .delegatedSubnet(TestEstate.subnetId("hub", "db"))
                .privateDnsZone(zoneId(ORDERS_ZONE))
                .build());
  }

  @Test
  void validate_serverWithUnknownAddress_peeredVnetStillNeedsZoneLink() {
    List<Finding> f = validate(ordersAddressUnknown());

    assertEquals(List.of(FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK), f.stream().map(Finding::code).collect(Collectors.toList()));
    assertEquals(vnetId("spoke").toString(), f.get(0).resource());
    assertEquals(ORDERS_ZONE, f.get(0).value());
    assertTrue(f.get(0).message().contains("in its subnet db (10.0.2.0/24; its address is not known)"), f.get(0).message());
    assertEquals(List.of(), validate(ordersAddressUnknown().link(ORDERS_ZONE, "spoke")));
  }

  @Test
  void validate_serverAddressOnlyInItsZone_peeredVnetNeedsZoneLinkNamingThatAddress() {
    List<Finding> f = only(validate(ordersAddressUnknown().record(ORDERS_ZONE, TestEstate.a("orders", "10.0.2.7"))), FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK);

    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).message().contains("server orders at 10.0.2.7"), f.get(0).message());
  }

  @Test
  void validate_recordAtServerNameOutsideItsSubnet_reportedOnTheZone() {
    List<Finding> f = only(validate(ordersAddressUnknown().record(ORDERS_ZONE, TestEstate.a("orders", "10.0.1.9"))), FindingCode.PRIVATE_DNS_RECORD_OUTSIDE_SUBNET);

    assertEquals(1, f.size(), f.toString());
    assertEquals(zoneId(ORDERS_ZONE).toString(), f.get(0).resource());
    assertEquals("records", f.get(0).field());
    assertEquals("orders A 10.0.1.9", f.get(0).value());
    assertTrue(f.get(0).message().contains("outside the server's delegated subnet db (10.0.2.0/24)"), f.get(0).message());
    assertTrue(f.get(0).message().endsWith("the server's address is unknown, so its name gets an unknown answer."), f.get(0).message());
  }

  @Test
  void validate_recordOutsideSubnetOfServerWithKnownAddress_reportedAndTheAddressAnswers() {
    List<Finding> f = only(validate(clean().record(ORDERS_ZONE, TestEstate.a("orders", "10.0.1.9"))), FindingCode.PRIVATE_DNS_RECORD_OUTSIDE_SUBNET);

    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0).message().endsWith("the server's own address 10.0.2.4 answers instead."), f.get(0).message());
    assertEquals(List.of(), only(validate(clean().record(ORDERS_ZONE, TestEstate.a("orders", "10.0.2.9"))), FindingCode.PRIVATE_DNS_RECORD_OUTSIDE_SUBNET));
  }

  // ---------------------------------------------------------------- forwarding agrees with resolution

  @Test
  void validate_onPremisesForwardingOnlyThePrivateZones_noForwardingFindingAsResolutionSucceeds() {
    // Not what Azure recommends (the public zone), but it works: the conditional forwarders are
    // applied again to the target of the public CNAME. Validation says what resolution does.
    TestEstate estate =
        clean()
            .dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"))
            .dnsServer(
                onPremDns("dc1", "corp", "192.168.0.53")
                    .addConditionalForwarders(ConditionalForwarder.of(dns(PRIVATELINK), ip("10.0.3.5")))
                    .addConditionalForwarders(ConditionalForwarder.of(dns(ORDERS_ZONE), ip("10.0.3.5"))))
            .onPremisesDns("corp", "192.168.0.53");

    assertEquals(List.of(), validate(estate));
    Resolver resolver = estate.resolver();
    assertEquals(ResolutionDisposition.ADDRESS, resolver.resolve(TestEstate.CORP_HOST, TestEstate.fqdn("crm")).disposition());
    assertEquals(ResolutionDisposition.ADDRESS, resolver.resolve(TestEstate.CORP_HOST, TestEstate.fqdn("orders")).disposition());
  }

  @Test
  void validate_onPremisesForwardingOnlyThePrivatelinkZone_reportsTheVnetIntegratedServerOnly() {
    TestEstate estate =
        clean()
            .dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"))
            .dnsServer(onPremDns("dc1", "corp", "192.168.0.53").addConditionalForwarders(ConditionalForwarder.of(dns(PRIVATELINK), ip("10.0.3.5"))))
            .onPremisesDns("corp", "192.168.0.53");

    List<Finding> f = only(validate(estate), FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE);

    assertEquals(1, f.size(), f.toString());
    assertEquals("postgres.database.azure.com", f.get(0).value(), "one finding per DNS server: the zone it must forward");
    assertTrue(f.get(0).message().contains("does not send the private names of orders.postgres.database.azure.com (private name orders." + ORDERS_ZONE + ")"), f.get(0).message());
    assertTrue(f.get(0).message().contains("Public DNS has no record for orders." + ORDERS_ZONE), f.get(0).message());
    assertEquals(ResolutionDisposition.NXDOMAIN, estate.resolver().resolve(TestEstate.CORP_HOST, TestEstate.fqdn("orders")).disposition());
    assertEquals(ResolutionDisposition.ADDRESS, estate.resolver().resolve(TestEstate.CORP_HOST, TestEstate.fqdn("crm")).disposition());
  }
}
