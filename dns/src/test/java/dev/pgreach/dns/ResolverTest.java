package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.CORP_HOST;
import static dev.pgreach.dns.TestEstate.FAR_VM;
import static dev.pgreach.dns.TestEstate.HUB_VM;
import static dev.pgreach.dns.TestEstate.INTERNET_HOST;
import static dev.pgreach.dns.TestEstate.ORDERS_ZONE;
import static dev.pgreach.dns.TestEstate.PRIVATELINK;
import static dev.pgreach.dns.TestEstate.SPOKE_VM;
import static dev.pgreach.dns.TestEstate.a;
import static dev.pgreach.dns.TestEstate.cname;
import static dev.pgreach.dns.TestEstate.customDns;
import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.fqdn;
import static dev.pgreach.dns.TestEstate.inboundEndpoint;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.onPremDns;
import static dev.pgreach.dns.TestEstate.serverId;
import static dev.pgreach.dns.TestEstate.vm;
import static dev.pgreach.dns.TestEstate.vnetId;
import static dev.pgreach.dns.TestEstate.zoneId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Network;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServiceProfile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolverTest {
  private static final String PLACEHOLDER = DnsEstate.PLACEHOLDER_PUBLIC_ENDPOINT_LABEL;

  private static List<ReasonCode> codes(Resolution r) {
    return r.steps().stream().map(DnsStep::code).collect(Collectors.toList());
  }

  private static List<DnsName> names(String... names) {
    return List.of(names).stream().map(DnsName::parse).collect(Collectors.toList());
  }

  private static <T extends DnsStep> T step(Resolution r, Class<T> type) {
    return r.steps().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow(
        () -> new AssertionError("no " + type.getSimpleName() + " in\n" + r.explanation()));
  }

  // ---------------------------------------------------------------- public DNS

  @Test
  void resolve_publicServerFromInternet_cnameToRsNameThenPublicAddress() {
    Resolution r = TestEstate.standard().resolver().resolve(INTERNET_HOST, fqdn("billing"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.10")), r.address());
    assertEquals(names("billing.postgres.database.azure.com", "billing." + PLACEHOLDER + ".postgres.database.azure.com"), r.aliases());
    assertEquals(Optional.of(serverId("billing")), r.publicEndpoint());
    assertEquals(
        List.of(
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_PUBLIC_ANSWERED,
            ReasonCode.DNS_CNAME_FOLLOWED,
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_PUBLIC_ANSWERED,
            ReasonCode.DNS_ANSWER),
        codes(r));
  }

  @Test
  void resolve_publicServerWithKnownLabel_usesThatLabel() {
    Resolver resolver = TestEstate.standard().label("billing", "rs-0123abcd").resolver();

    Resolution r = resolver.resolve(INTERNET_HOST, fqdn("billing"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(dns("billing.rs-0123abcd.postgres.database.azure.com"), r.canonicalName());
    assertEquals(
        ResolutionDisposition.NXDOMAIN,
        resolver.resolvePublic(dns("billing." + PLACEHOLDER + ".postgres.database.azure.com")).disposition());
  }

  @Test
  void resolve_publicServerWithUnknownAddress_publicEndpointNamingTheServer() {
    Resolution r = TestEstate.standard().publicServer("ledger", null).resolver().resolve(INTERNET_HOST, fqdn("ledger"));

    assertEquals(ResolutionDisposition.PUBLIC_ENDPOINT, r.disposition());
    assertEquals(Optional.of(serverId("ledger")), r.publicEndpoint());
    assertTrue(r.addresses().isEmpty());
    assertTrue(r.lastStep().reason().contains("public endpoint of server ledger"), r.lastStep().reason());
  }

  @Test
  void resolve_privateEndpointServerFromInternet_cnameToPrivatelinkThenPublicAddress() {
    Resolution r = TestEstate.standard().resolver().resolve(INTERNET_HOST, fqdn("crm"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
    assertEquals(names("crm.postgres.database.azure.com", "crm.privatelink.postgres.database.azure.com"), r.aliases());
  }

  @Test
  void resolve_vnetIntegratedServerFromInternet_nxdomainAfterCnameIntoPrivateZone() {
    // Seed: a server deployed to a virtual network cannot have a public endpoint (or public IP or DNS).
    Resolution r = TestEstate.standard().resolver().resolve(INTERNET_HOST, fqdn("orders"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertEquals(names("orders.postgres.database.azure.com", "orders." + ORDERS_ZONE), r.aliases());
    DnsStep.NxDomain nx = (DnsStep.NxDomain) r.lastStep();
    assertEquals(Optional.empty(), nx.zone());
  }

  @Test
  void resolve_serverNotInEstate_nxdomain() {
    Resolution r = TestEstate.standard().resolver().resolve(INTERNET_HOST, fqdn("nosuchserver"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertEquals(List.of(ReasonCode.DNS_QUERY, ReasonCode.DNS_NXDOMAIN), codes(r));
  }

  @Test
  void resolve_nameOutsidePostgresDomain_unknownNotGuessed() {
    Resolution r = TestEstate.standard().resolver().resolve(HUB_VM, dns("www.example.com"));

    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition());
    assertEquals(ReasonCode.DNS_PUBLIC_NOT_MODELLED, r.lastStep().code());
  }

  @Test
  void resolve_azureHostedServiceOutsideAnyNetwork_seesPublicDns() {
    Resolution r = TestEstate.standard().resolver().resolve(new ClientLocation.AzureHosted(ip("20.60.0.1"), "other-tenant"), fqdn("crm"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
  }

  @Test
  void resolve_privatelinkNameOfServerWithoutPrivateEndpoint_publicNxdomain() {
    Resolution r = TestEstate.standard().resolver().resolvePublic(dns("billing.privatelink.postgres.database.azure.com"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
  }

  // ---------------------------------------------------------------- Azure-provided DNS in a VNet

  @Test
  void resolve_clientInServersVnetWithZoneLinked_privateAddress() {
    // Seed: private DNS zone integration resolves within the current VNet where the zone is linked.
    Resolution r = TestEstate.standard().resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    assertEquals(names("orders.postgres.database.azure.com", "orders." + ORDERS_ZONE), r.aliases());
    assertEquals(
        List.of(
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_PUBLIC_ANSWERED,
            ReasonCode.DNS_CNAME_FOLLOWED,
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_PRIVATE_ZONE_ANSWERED,
            ReasonCode.DNS_ANSWER),
        codes(r));
    DnsStep.ZoneAnswered z = step(r, DnsStep.ZoneAnswered.class);
    assertEquals(zoneId(ORDERS_ZONE), z.zone());
    assertEquals("hub-link", z.link().name());
    assertEquals(Optional.of(serverId("orders")), z.writtenForServer());
    assertEquals(Optional.empty(), r.publicEndpoint());
  }

  @Test
  void resolve_peeredVnetNotLinked_nxdomain() {
    // Seed: zone settings and VNet peering are independent; a peered client needs a link.
    Resolution r = TestEstate.standard().resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertEquals(dns("orders." + ORDERS_ZONE), r.canonicalName());
  }

  @Test
  void resolve_peeredVnetLinked_privateAddress() {
    Resolution r = TestEstate.standard().link(ORDERS_ZONE, "spoke").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    assertEquals("spoke-link-1", step(r, DnsStep.ZoneAnswered.class).link().name());
  }

  @Test
  void resolve_vnetInOtherRegionLinkedWithoutPeering_privateAddress() {
    // Private zones resolve across regions without peering, as long as the network is linked.
    Resolution linked = TestEstate.standard().link(ORDERS_ZONE, "far").resolver().resolve(FAR_VM, fqdn("orders"));
    Resolution unlinked = TestEstate.standard().resolver().resolve(FAR_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, linked.disposition());
    assertEquals(Optional.of(ip("10.0.2.4")), linked.address());
    assertEquals(ResolutionDisposition.NXDOMAIN, unlinked.disposition());
  }

  @Test
  void resolve_serverZoneNotLinkedToItsOwnVnet_nxdomainThere() {
    Resolution r = TestEstate.standard().unlink("dns", ORDERS_ZONE, "hub").resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
  }

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
  void resolve_serverWithoutPrivateAddressAndNoRecord_unknownNamingTheServer() {
    // Azure always keeps the server's A record in its zone: the answer exists, the model lacks it.
    Resolution r = ordersAddressUnknown().resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition());
    assertEquals(Optional.of(serverId("orders")), r.serverAddressUnknown());
    assertEquals(names("orders.postgres.database.azure.com", "orders." + ORDERS_ZONE), r.aliases());
    assertTrue(r.addresses().isEmpty());
    assertEquals(
        List.of(
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_PUBLIC_ANSWERED,
            ReasonCode.DNS_CNAME_FOLLOWED,
            ReasonCode.DNS_QUERY,
            ReasonCode.DNS_SERVER_ADDRESS_UNKNOWN),
        codes(r));
    DnsStep.ServerAddressUnknown last = (DnsStep.ServerAddressUnknown) r.lastStep();
    assertEquals(dev.pgreach.core.StepEffect.UNKNOWN, last.effect());
    assertEquals(zoneId(ORDERS_ZONE), last.zone());
    assertEquals("hub-link", last.link().name());
    assertEquals(serverId("orders").toString(), last.subject());
    assertEquals(List.of(), last.ignoredRecords());
    assertTrue(last.reason().contains("does not know the server's private address"), last.reason());
  }

  @Test
  void resolve_serverWithoutPrivateAddress_stillNxdomainWhereTheZoneIsNotLinked() {
    Resolver resolver = ordersAddressUnknown().resolver();

    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(SPOKE_VM, fqdn("orders")).disposition());
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(INTERNET_HOST, fqdn("orders")).disposition());
    assertEquals(Optional.empty(), resolver.resolve(SPOKE_VM, fqdn("orders")).serverAddressUnknown());
  }

  @Test
  void resolve_serverWithoutPrivateAddressButRecordInsideItsSubnet_thatAddress() {
    Resolution r = ordersAddressUnknown().record(ORDERS_ZONE, a("orders", "10.0.2.7")).resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("10.0.2.7")), r.address());
    assertEquals(Optional.empty(), r.serverAddressUnknown());
  }

  @Test
  void resolve_serverWithoutPrivateAddressAndRecordOutsideItsSubnet_unknownNotThatAddress() {
    Resolution r = ordersAddressUnknown().record(ORDERS_ZONE, a("orders", "10.0.1.9")).resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition());
    assertEquals(Optional.of(serverId("orders")), r.serverAddressUnknown());
    DnsStep.ServerAddressUnknown last = (DnsStep.ServerAddressUnknown) r.lastStep();
    assertEquals(List.of(a("orders", "10.0.1.9")), last.ignoredRecords());
    assertTrue(last.reason().contains("orders A 10.0.1.9 is outside the server's delegated subnet"), last.reason());
  }

  @Test
  void resolve_recordOutsideTheServersSubnet_serversOwnAddressAnswers() {
    Resolution r = TestEstate.standard().record(ORDERS_ZONE, a("orders", "10.0.1.9")).resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(List.of(ip("10.0.2.4")), r.addresses());
    assertEquals(Optional.of(serverId("orders")), step(r, DnsStep.ZoneAnswered.class).writtenForServer());
  }

  @Test
  void resolve_recordsInsideAndOutsideTheServersSubnet_onlyThoseInsideAnswer() {
    Resolution r =
        TestEstate.standard()
            .record(ORDERS_ZONE, a("orders", "10.0.1.9"))
            .record(ORDERS_ZONE, a("orders", "10.0.2.8"))
            .resolver()
            .resolve(HUB_VM, fqdn("orders"));

    assertEquals(List.of(ip("10.0.2.8")), r.addresses());
  }

  @Test
  void resolve_otherNamesInTheServersZone_unaffected() {
    Resolver resolver = ordersAddressUnknown().record(ORDERS_ZONE, a("other", "10.0.1.9")).resolver();

    assertEquals(Optional.of(ip("10.0.1.9")), resolver.resolve(HUB_VM, dns("other." + ORDERS_ZONE)).address());
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(HUB_VM, dns("nobody." + ORDERS_ZONE)).disposition());
  }

  @Test
  void resolve_recordListedInServerZone_winsOverServersOwnAddress() {
    Resolution r = TestEstate.standard().record(ORDERS_ZONE, a("orders", "10.0.2.9")).resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(Optional.of(ip("10.0.2.9")), r.address());
    assertEquals(Optional.empty(), step(r, DnsStep.ZoneAnswered.class).writtenForServer());
  }

  @Test
  void resolve_privateEndpointServerFromLinkedVnet_privateEndpointAddress() {
    // Inside a network linked to the privatelink zone the A record (the endpoint's address) wins.
    Resolution r = TestEstate.standard().resolver().resolve(HUB_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("10.0.1.50")), r.address());
    assertEquals(Optional.empty(), r.publicEndpoint());
    assertEquals(names("crm.postgres.database.azure.com", "crm.privatelink.postgres.database.azure.com"), r.aliases());
  }

  @Test
  void resolve_privateEndpointServerFromUnlinkedVnet_publicResolutionContinues() {
    Resolution r = TestEstate.standard().resolver().resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
    assertEquals(Optional.of(serverId("crm")), r.publicEndpoint());
  }

  @Test
  void resolve_emptyPrivatelinkZoneLinked_hidesEveryPrivateEndpointServer() {
    // spoke gets its own privatelink zone, without records: it is authoritative there.
    TestEstate empty = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    empty.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.DEFAULT, false);
    Resolver resolver = empty.resolver();

    for (String server : List.of("crm", "audit")) {
      Resolution r = resolver.resolve(SPOKE_VM, fqdn(server));
      assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition(), server);
      DnsStep.NxDomain nx = (DnsStep.NxDomain) r.lastStep();
      assertEquals(Optional.of(TestEstate.zoneId("spoke-dns", PRIVATELINK)), nx.zone());
      assertEquals(dns(server + "." + PRIVATELINK), nx.name());
    }
    // the same spoke with the zone that holds the records linked instead resolves them
    Resolver filled = TestEstate.standard().link(PRIVATELINK, "spoke").resolver();
    assertEquals(Optional.of(ip("10.0.1.50")), filled.resolve(SPOKE_VM, fqdn("crm")).address());
  }

  @Test
  void resolve_emptyPrivatelinkZoneLinked_doesNotHideServersWithoutPrivateEndpoint() {
    TestEstate estate = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    estate.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.DEFAULT, false);

    Resolution r = estate.resolver().resolve(SPOKE_VM, fqdn("billing"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.10")), r.address());
  }

  @Test
  void resolve_endpointRecordInZoneNotNamedPrivatelink_notConsulted() {
    // Seed B: private endpoint DNS works only with the recommended name privatelink.postgres.database.azure.com.
    TestEstate estate = TestEstate.standard().zone("endpoints.postgres.database.azure.com", a("crm", "10.1.1.50"));
    estate.link("endpoints.postgres.database.azure.com", "spoke");

    Resolution r = estate.resolver().resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
  }

  @Test
  void resolve_nxDomainRedirectOnPrivatelinkLink_fallsBackToPublicEndpoint() {
    TestEstate estate = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    estate.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT, false);

    Resolution r = estate.resolver(ServiceProfile.current()).resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
    DnsStep.FallbackToInternet f = step(r, DnsStep.FallbackToInternet.class);
    assertEquals(dns("crm.privatelink.postgres.database.azure.com"), f.name());
    assertEquals(
        List.of(ReasonCode.DNS_FALLBACK_TO_INTERNET, ReasonCode.DNS_PUBLIC_ANSWERED, ReasonCode.DNS_ANSWER),
        codes(r).subList(codes(r).size() - 3, codes(r).size()));
  }

  @Test
  void resolve_nxDomainRedirectUnderPreview2021_ignoredNxdomain() {
    TestEstate estate = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    estate.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT, false);

    Resolution r = estate.resolver(ServiceProfile.preview2021()).resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertTrue(((DnsStep.NxDomain) r.lastStep()).redirectIgnored());
  }

  @Test
  void resolve_nxDomainRedirectOnZoneNotPrivatelink_ignoredNxdomain() {
    TestEstate estate = TestEstate.standard();
    estate.link(ORDERS_ZONE, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT);

    Resolution r = estate.resolver().resolve(SPOKE_VM, dns("nothing." + ORDERS_ZONE));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertTrue(((DnsStep.NxDomain) r.lastStep()).redirectIgnored());
  }

  @Test
  void resolve_sameNamePrivateAndPublicZone_vnetGetsPrivateAnswerInternetGetsPublic() {
    // Split horizon: a private zone named like a public one answers inside linked networks only.
    TestEstate estate = TestEstate.standard().zone("postgres.database.azure.com", a("billing", "10.0.1.99"));
    estate.link("postgres.database.azure.com", "spoke");
    Resolver resolver = estate.resolver();

    assertEquals(Optional.of(ip("10.0.1.99")), resolver.resolve(SPOKE_VM, fqdn("billing")).address());
    assertEquals(Optional.of(ip("20.50.1.10")), resolver.resolve(INTERNET_HOST, fqdn("billing")).address());
    // The linked zone is authoritative for all of postgres.database.azure.com in spoke: no public fallback.
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(SPOKE_VM, fqdn("crm")).disposition());
  }

  @Test
  void resolve_nestedLinkedZones_mostSpecificZoneAnswers() {
    TestEstate estate = TestEstate.standard().zone("postgres.database.azure.com", cname("crm", "crm.privatelink.postgres.database.azure.com"), a("crm.privatelink", "10.9.9.9"));
    estate.link("postgres.database.azure.com", "hub");

    Resolution r = estate.resolver().resolve(HUB_VM, fqdn("crm"));

    assertEquals(Optional.of(ip("10.0.1.50")), r.address());
    List<DnsStep.ZoneAnswered> answers =
        r.steps().stream().filter(DnsStep.ZoneAnswered.class::isInstance).map(DnsStep.ZoneAnswered.class::cast).collect(Collectors.toList());
    assertEquals(ZoneName.POSTGRES, answers.get(0).zoneName());
    assertEquals(ZoneName.POSTGRES_PRIVATELINK, answers.get(1).zoneName());
  }

  @Test
  void resolve_severalARecords_allAddressesAscending() {
    TestEstate estate = TestEstate.standard().record(PRIVATELINK, a("crm", "10.0.1.49"));

    Resolution r = estate.resolver().resolve(HUB_VM, fqdn("crm"));

    assertEquals(List.of(ip("10.0.1.49"), ip("10.0.1.50")), r.addresses());
    assertEquals(Optional.of(ip("10.0.1.49")), r.address());
  }

  @Test
  void resolve_zoneLinkedTwiceWithDifferentPolicies_failsClosedWithDefaultPolicy() {
    TestEstate estate = TestEstate.standard().zoneIn("spoke-dns", PRIVATELINK);
    estate.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.NX_DOMAIN_REDIRECT, false);
    estate.linkIn("spoke-dns", PRIVATELINK, "spoke", ResolutionPolicy.DEFAULT, false);

    Resolution r = estate.resolver().resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertEquals("spoke-link-1", ((DnsStep.NxDomain) r.lastStep()).link().orElseThrow().name());
  }

  @Test
  void resolveWithAzureProvidedDns_networkWithCustomDns_stillUsesItsLinks() {
    Resolver resolver = TestEstate.standard().vnetDns("hub", "8.8.8.8").resolver();

    assertEquals(Optional.of(ip("10.0.2.4")), resolver.resolveWithAzureProvidedDns(vnetId("hub"), fqdn("orders")).address());
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(HUB_VM, fqdn("orders")).disposition());
  }

  // ---------------------------------------------------------------- custom DNS servers

  private static TestEstate spokeUsingHubDns(String... forwarders) {
    DnsServer.Builder dns1 = customDns("dns1", "hub", "dns", "10.0.3.4");
    for (String f : forwarders) {
      dns1.addForwarders(ip(f));
    }
    return TestEstate.standard().dnsServer(dns1).vnetDns("spoke", "10.0.3.4");
  }

  @Test
  void resolve_customDnsForwardingToAzureDns_resolvesWithForwardersVnetLinks() {
    // Seed: with a custom DNS server, forward to 168.63.129.16. The forwarder is in hub, so hub's links apply.
    Resolution r = spokeUsingHubDns("168.63.129.16").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    DnsStep.Forwarded f = step(r, DnsStep.Forwarded.class);
    assertEquals(ip("168.63.129.16"), f.target());
    assertEquals(Optional.empty(), f.conditionalDomain());
    assertTrue(
        r.steps().stream()
            .anyMatch(s -> s instanceof DnsStep.Queried && ((DnsStep.Queried) s).nameServer().equals(new NameServer.AzureProvided(vnetId("hub")))));
  }

  @Test
  void resolve_customDnsForwardingToPublicResolver_publicViewOnly() {
    Resolver resolver = spokeUsingHubDns("8.8.8.8").link(ORDERS_ZONE, "hub").resolver();

    Resolution orders = resolver.resolve(SPOKE_VM, fqdn("orders"));
    Resolution crm = resolver.resolve(SPOKE_VM, fqdn("crm"));

    assertEquals(ResolutionDisposition.NXDOMAIN, orders.disposition());
    assertEquals(Optional.of(ip("20.50.1.20")), crm.address());
    assertTrue(
        orders.steps().stream().anyMatch(s -> s instanceof DnsStep.Queried && ((DnsStep.Queried) s).nameServer().equals(new NameServer.Public(Optional.of(ip("8.8.8.8")))))); 
  }

  @Test
  void resolve_vnetWithCustomDns_doesNotConsultItsOwnLinks() {
    Resolver resolver = spokeUsingHubDns("8.8.8.8").link(ORDERS_ZONE, "spoke").resolver();

    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(SPOKE_VM, fqdn("orders")).disposition());
  }

  @Test
  void resolve_customDnsWithoutForwarders_resolvesThroughPublicDnsItself() {
    Resolution r = spokeUsingHubDns().resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
    assertEquals(vmIdOf("dns1"), step(r, DnsStep.Recursed.class).dnsServer());
  }

  private static dev.pgreach.core.ResourceId vmIdOf(String name) {
    return TestEstate.vmId(name);
  }

  @Test
  void resolve_conditionalForwarders_longestMatchingDomainWins() {
    TestEstate estate =
        TestEstate.standard()
            .dnsServer(
                customDns("dns1", "hub", "dns", "10.0.3.4")
                    .addForwarders(ip("8.8.8.8"))
                    .addConditionalForwarders(
                        ConditionalForwarder.of(dns("database.azure.com"), ip("8.8.4.4")),
                        ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("168.63.129.16"))))
            .vnetDns("spoke", "10.0.3.4");

    Resolution r = estate.resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    assertEquals(Optional.of(dns("postgres.database.azure.com")), step(r, DnsStep.Forwarded.class).conditionalDomain());
  }

  @Test
  void resolve_firstDnsServerUnreachable_triesTheNext() {
    // 10.5.0.4 is in no network spoke can reach.
    Resolution r = spokeUsingHubDns("168.63.129.16").vnetDns("spoke", "10.5.0.4", "10.0.3.4").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    DnsStep.Unreachable u = step(r, DnsStep.Unreachable.class);
    assertEquals(ip("10.5.0.4"), u.address());
    assertTrue(u.routingStep().isPresent());
    assertEquals(ReasonCode.DNS_RESOLVER_UNREACHABLE, r.steps().get(0).code());
  }

  @Test
  void resolve_everyDnsServerUnreachable_failure() {
    Resolution r = TestEstate.standard().vnetDns("spoke", "10.5.0.4", "10.6.0.4").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    assertEquals(List.of(ReasonCode.DNS_RESOLVER_UNREACHABLE, ReasonCode.DNS_RESOLVER_UNREACHABLE), codes(r));
    assertEquals(names("orders.postgres.database.azure.com"), r.aliases());
  }

  @Test
  void resolve_addressWhereNoDnsServerIsModelled_unreachable() {
    Resolution r = TestEstate.standard().vnetDns("spoke", "10.0.3.99").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    assertEquals(Optional.empty(), ((DnsStep.Unreachable) r.lastStep()).routingStep());
  }

  @Test
  void resolve_dnsServersForwardingToEachOther_forwardingLoopFailure() {
    TestEstate estate =
        TestEstate.standard()
            .dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4").addForwarders(ip("10.0.3.5")))
            .dnsServer(customDns("dns2", "hub", "dns", "10.0.3.5").addForwarders(ip("10.0.3.4")))
            .vnetDns("spoke", "10.0.3.4");

    Resolution r = estate.resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    assertEquals(ReasonCode.DNS_FORWARDING_LOOP, r.lastStep().code());
    assertEquals(TestEstate.vmId("dns1"), ((DnsStep.ForwardingLoop) r.lastStep()).dnsServer());
  }

  @Test
  void resolve_vnetListingAzureDnsAddress_usesItsOwnLinks() {
    Resolution r = TestEstate.standard().vnetDns("hub", "168.63.129.16").resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
  }

  @Test
  void resolve_forwarderTargetUnreachable_triesNextTarget() {
    Resolution r = spokeUsingHubDns("10.7.0.4", "168.63.129.16").resolver().resolve(SPOKE_VM, fqdn("orders"));

    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    // each name of the chain is forwarded again: two names, two targets tried for each
    assertEquals(
        List.of(ip("10.7.0.4"), ip("168.63.129.16"), ip("10.7.0.4"), ip("168.63.129.16")),
        r.steps().stream().filter(DnsStep.Forwarded.class::isInstance).map(s -> ((DnsStep.Forwarded) s).target()).collect(Collectors.toList()));
  }

  // ---------------------------------------------------------------- on-premises

  private static TestEstate corpWithDns(DnsServer.Builder corpDns) {
    return TestEstate.standard()
        .dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"))
        .dnsServer(corpDns)
        .onPremisesDns("corp", "192.168.0.53");
  }

  @Test
  void resolve_onPremisesThroughResolverInboundEndpoint_privateAddresses() {
    // Conditional forwarder for the public zone (not privatelink) to the inbound endpoint in the hub.
    Resolver resolver =
        corpWithDns(
                onPremDns("dc1", "corp", "192.168.0.53")
                    .addConditionalForwarders(ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("10.0.3.5"))))
            .resolver();

    Resolution crm = resolver.resolve(CORP_HOST, fqdn("crm"));
    Resolution orders = resolver.resolve(CORP_HOST, fqdn("orders"));

    assertEquals(ResolutionDisposition.ADDRESS, crm.disposition());
    assertEquals(Optional.of(ip("10.0.1.50")), crm.address());
    assertEquals(Optional.of(ip("10.0.2.4")), orders.address());
    assertTrue(
        crm.steps().stream()
            .anyMatch(s -> s instanceof DnsStep.Queried && ((DnsStep.Queried) s).nameServer() instanceof NameServer.Configured
                && ((NameServer.Configured) ((DnsStep.Queried) s).nameServer()).kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT));
  }

  @Test
  void resolve_onPremisesForwardingOnlyThePrivateZones_privateAddressesThroughTheCnameTarget() {
    // Azure recommends forwarding the public zone; forwarding the private zones works too, because
    // the DNS server applies its conditional forwarders again to the target of the public CNAME.
    Resolver resolver =
        corpWithDns(
                onPremDns("dc1", "corp", "192.168.0.53")
                    .addConditionalForwarders(ConditionalForwarder.of(dns(PRIVATELINK), ip("10.0.3.5")))
                    .addConditionalForwarders(ConditionalForwarder.of(dns(ORDERS_ZONE), ip("10.0.3.5"))))
            .resolver();

    Resolution crm = resolver.resolve(CORP_HOST, fqdn("crm"));
    Resolution orders = resolver.resolve(CORP_HOST, fqdn("orders"));

    assertEquals(Optional.of(ip("10.0.1.50")), crm.address());
    assertEquals(Optional.of(ip("10.0.2.4")), orders.address());
    assertTrue(crm.steps().stream().anyMatch(s -> s instanceof DnsStep.Recursed), crm.explanation());
    DnsStep.Forwarded forwarded = step(crm, DnsStep.Forwarded.class);
    assertEquals(dns("crm." + PRIVATELINK), forwarded.name());
    assertEquals(Optional.of(dns(PRIVATELINK)), forwarded.conditionalDomain());
  }

  @Test
  void resolve_onPremisesForwardingStraightToAzureDns_refusedFailure() {
    Resolution r =
        corpWithDns(
                onPremDns("dc1", "corp", "192.168.0.53")
                    .addConditionalForwarders(ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("168.63.129.16"))))
            .resolver()
            .resolve(CORP_HOST, fqdn("crm"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    DnsStep.Refused refused = (DnsStep.Refused) r.lastStep();
    assertEquals(ReasonCode.DNS_RESOLVER_REFUSED, refused.code());
    assertEquals(new Place.OnPremises(TestEstate.onPremId("corp")), refused.from());
  }

  @Test
  void resolve_onPremisesHostPointingAtAzureDnsDirectly_refusedFailure() {
    Resolution r = TestEstate.standard().onPremisesDns("corp", "168.63.129.16").resolver().resolve(CORP_HOST, fqdn("billing"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    assertEquals(List.of(ReasonCode.DNS_RESOLVER_REFUSED), codes(r));
  }

  @Test
  void resolve_onPremisesHostPointingAtInboundEndpoint_privateAddress() {
    Resolver resolver = TestEstate.standard().dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5")).onPremisesDns("corp", "10.0.3.5").resolver();

    assertEquals(Optional.of(ip("10.0.2.4")), resolver.resolve(CORP_HOST, fqdn("orders")).address());
  }

  @Test
  void resolve_onPremisesWithoutGatewayConnection_inboundEndpointUnreachable() {
    TestEstate estate =
        new TestEstate()
            .vnet("hub", "westeurope", "10.0.0.0/16")
            .subnet("hub", "dns", "10.0.3.0/24")
            .onPremises("corp", "192.168.0.0/16", "10.0.3.5")
            .dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"));

    Resolution r = estate.resolver().resolve(CORP_HOST, fqdn("orders"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    assertEquals(ReasonCode.ON_PREMISES_NOT_CONNECTED, ((DnsStep.Unreachable) r.lastStep()).routingStep().orElseThrow().code());
  }

  @Test
  void resolve_onPremisesWithoutDnsServers_publicView() {
    Resolution r = TestEstate.standard().resolver().resolve(CORP_HOST, fqdn("crm"));

    assertEquals(Optional.of(ip("20.50.1.20")), r.address());
    assertEquals(new NameServer.Public(Optional.empty()), ((DnsStep.Queried) r.steps().get(0)).nameServer());
  }

  @Test
  void resolve_onPremisesDnsWithoutMatchingForwarder_publicViewOnly() {
    Resolution r =
        corpWithDns(
                onPremDns("dc1", "corp", "192.168.0.53")
                    .addConditionalForwarders(ConditionalForwarder.of(dns("corp.example"), ip("192.168.0.54"))))
            .resolver()
            .resolve(CORP_HOST, fqdn("orders"));

    assertEquals(ResolutionDisposition.NXDOMAIN, r.disposition());
  }

  // ---------------------------------------------------------------- CNAME chains

  @Test
  void resolve_cnameChainAcrossZones_followedToTheEndWithFullAliasChain() {
    TestEstate estate = TestEstate.standard().zone("contoso.internal", cname("db", "primary.contoso.internal"), cname("primary", "orders.postgres.database.azure.com"));
    estate.link("contoso.internal", "hub");

    Resolution r = estate.resolver().resolve(HUB_VM, dns("db.contoso.internal"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(
        names("db.contoso.internal", "primary.contoso.internal", "orders.postgres.database.azure.com", "orders." + ORDERS_ZONE),
        r.aliases());
    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    assertEquals(3, r.steps().stream().filter(DnsStep.CnameFollowed.class::isInstance).count());
  }

  @Test
  void resolve_cnameLoop_failureNotStackOverflow() {
    TestEstate estate = TestEstate.standard().zone("contoso.internal", cname("a", "b.contoso.internal"), cname("b", "a.contoso.internal"));
    estate.link("contoso.internal", "hub");

    Resolution r = estate.resolver().resolve(HUB_VM, dns("a.contoso.internal"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    DnsStep.CnameLoop loop = (DnsStep.CnameLoop) r.lastStep();
    assertEquals(dns("b.contoso.internal"), loop.name());
    assertEquals(dns("a.contoso.internal"), loop.target());
    assertEquals(names("a.contoso.internal", "b.contoso.internal"), r.aliases());
  }

  @Test
  void resolve_cnameToItself_loop() {
    TestEstate estate = TestEstate.standard().zone("contoso.internal", cname("a", "a.contoso.internal"));
    estate.link("contoso.internal", "hub");

    assertEquals(ReasonCode.DNS_CNAME_LOOP, estate.resolver().resolve(HUB_VM, dns("a.contoso.internal")).lastStep().code());
  }

  private static TestEstate chain(int cnames) {
    TestEstate estate = TestEstate.standard().zone("contoso.internal", a("n" + cnames, "10.0.1.77"));
    for (int i = 0; i < cnames; i++) {
      estate.record("contoso.internal", cname("n" + i, "n" + (i + 1) + ".contoso.internal"));
    }
    return estate.link("contoso.internal", "hub");
  }

  @Test
  void resolve_chainOfExactlyTheLimit_resolves() {
    Resolution r = chain(Resolver.MAX_CNAME_CHAIN).resolver().resolve(HUB_VM, dns("n0.contoso.internal"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(Resolver.MAX_CNAME_CHAIN + 1, r.aliases().size());
  }

  @Test
  void resolve_chainLongerThanTheLimit_depthExceededFailure() {
    Resolution r = chain(Resolver.MAX_CNAME_CHAIN + 1).resolver().resolve(HUB_VM, dns("n0.contoso.internal"));

    assertEquals(ResolutionDisposition.FAILURE, r.disposition());
    DnsStep.DepthExceeded d = (DnsStep.DepthExceeded) r.lastStep();
    assertEquals(Resolver.MAX_CNAME_CHAIN, d.limit());
    assertEquals(Resolver.MAX_CNAME_CHAIN + 1, r.aliases().size());
    assertEquals(
        IntStream.rangeClosed(0, Resolver.MAX_CNAME_CHAIN).mapToObj(i -> dns("n" + i + ".contoso.internal")).collect(Collectors.toList()),
        r.aliases());
  }

  // ---------------------------------------------------------------- the seeds, under both profiles

  static List<ServiceProfile> profiles() {
    return List.of(ServiceProfile.preview2021(), ServiceProfile.current());
  }

  @ParameterizedTest
  @MethodSource("profiles")
  void resolve_seedDnsStatements_holdUnderEitherProfile(ServiceProfile profile) {
    TestEstate estate =
        TestEstate.standard()
            .link(ORDERS_ZONE, "spoke")
            .vnet("branch", "westeurope", "10.3.0.0/16")
            .subnet("branch", "app", "10.3.1.0/24")
            .peer("hub", "branch")
            .dnsServer(customDns("dns1", "hub", "dns", "10.0.3.4").addForwarders(ip("168.63.129.16")))
            .vnet("tools", "westeurope", "10.4.0.0/16")
            .subnet("tools", "app", "10.4.1.0/24")
            .peer("hub", "tools")
            .vnetDns("tools", "10.0.3.4");
    Resolver resolver = estate.resolver(profile);

    // "resolve the private DNS within the current VNET or any in-region peered VNET where the zone is linked"
    assertEquals(Optional.of(ip("10.0.2.4")), resolver.resolve(HUB_VM, fqdn("orders")).address());
    assertEquals(Optional.of(ip("10.0.2.4")), resolver.resolve(SPOKE_VM, fqdn("orders")).address());
    // "zone settings and VNET peering are independent": peered but not linked
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(vm("branch", "app", "10.3.1.4"), fqdn("orders")).disposition());
    // "custom DNS server ... forwarder 168.63.129.16 ... inside the VNet"
    assertEquals(Optional.of(ip("10.0.2.4")), resolver.resolve(vm("tools", "app", "10.4.1.4"), fqdn("orders")).address());
    // "a flexible server deployed to a virtual network cannot have a public endpoint (or public IP or DNS)"
    assertEquals(ResolutionDisposition.NXDOMAIN, resolver.resolve(INTERNET_HOST, fqdn("orders")).disposition());
    // "your PostgreSQL server has a publicly resolvable DNS name"
    assertEquals(Optional.of(ip("20.50.1.10")), resolver.resolve(INTERNET_HOST, fqdn("billing")).address());
    // seed B: private endpoint DNS through privatelink.postgres.database.azure.com
    assertEquals(Optional.of(ip("10.0.1.50")), resolver.resolve(HUB_VM, fqdn("crm")).address());
    // and validation points at the one network that needs a link
    assertEquals(
        List.of(dev.pgreach.core.FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK + " " + vnetId("branch")),
        DnsValidation.validate(estate.build(), profile).stream().map(f -> f.code() + " " + f.resource()).collect(Collectors.toList()));
  }

  // ---------------------------------------------------------------- arguments

  static List<Arguments> invalidClients() {
    return List.of(
        Arguments.of(vm("nowhere", "app", "10.9.1.4"), ErrorCode.UNKNOWN_RESOURCE, "client.subnet", "nowhere"),
        Arguments.of(vm("hub", "app", "10.0.9.4"), ErrorCode.INVALID_VALUE, "client.address", "10.0.9.4"),
        Arguments.of(TestEstate.onPrem("branch", "172.16.0.4"), ErrorCode.UNKNOWN_RESOURCE, "client.network", "branch"),
        Arguments.of(TestEstate.onPrem("corp", "172.16.0.4"), ErrorCode.INVALID_VALUE, "client.address", "172.16.0.4"),
        Arguments.of(
            new ClientLocation.InVirtualNetwork(
                TestEstate.subnetId("hub", "app"), ip("10.0.1.4"), Optional.empty(), Optional.of(TestEstate.id("Microsoft.Network/networkInterfaces", "ghost"))),
            ErrorCode.UNKNOWN_RESOURCE,
            "client.networkInterface",
            "ghost"));
  }

  @ParameterizedTest
  @MethodSource("invalidClients")
  void resolve_clientNotInTheNetwork_throwsNamingFieldAndValue(ClientLocation client, ErrorCode code, String field, String value) {
    Resolver resolver = TestEstate.standard().resolver();

    PgreachException e = assertThrows(PgreachException.class, () -> resolver.resolve(client, fqdn("orders")));

    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void resolveWithAzureProvidedDns_networkNotInModel_throwsUnknownResource() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> TestEstate.standard().resolver().resolveWithAzureProvidedDns(vnetId("ghost"), fqdn("orders")));

    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.code());
    assertTrue(e.getMessage().contains("virtualNetwork (" + vnetId("ghost")), e.getMessage());
  }

  @Test
  void of_routingOverAnotherNetwork_throwsInvalidValue() {
    DnsEstate estate = TestEstate.standard().build();
    Network other = new TestEstate().vnet("x", "westeurope", "10.8.0.0/16").network();

    PgreachException e =
        assertThrows(PgreachException.class, () -> Resolver.of(estate, Reachability.of(other, ServiceProfile.current())));

    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("Resolver.of.routing"), e.getMessage());
  }

  @Test
  void of_routingOverTheSameNetwork_usesItsProfile() {
    DnsEstate estate = TestEstate.standard().build();

    Resolver resolver = Resolver.of(estate, Reachability.of(estate.network(), ServiceProfile.preview2021()));

    assertEquals(ServiceProfile.preview2021(), resolver.profile());
    assertEquals(estate, resolver.estate());
  }

  @Test
  void resolve_explanation_oneSentencePerStep() {
    Resolution r = TestEstate.standard().resolver().resolve(HUB_VM, fqdn("orders"));

    assertEquals(r.steps().size(), r.explanation().split("\n").length);
    assertTrue(r.explanation().contains("orders.private.postgres.database.azure.com"), r.explanation());
    assertFalse(r.explanation().isBlank());
  }

  @Test
  void resolve_sameQueryTwice_equalAnswers() {
    Resolver resolver = TestEstate.standard().resolver();

    assertEquals(resolver.resolve(SPOKE_VM, fqdn("crm")), resolver.resolve(SPOKE_VM, fqdn("crm")));
    assertInstanceOf(DnsStep.Queried.class, resolver.resolve(SPOKE_VM, fqdn("crm")).steps().get(0));
    assertEquals(ImmutableList.copyOf(resolver.resolve(SPOKE_VM, fqdn("crm")).steps()), resolver.resolve(SPOKE_VM, fqdn("crm")).steps());
  }
}
