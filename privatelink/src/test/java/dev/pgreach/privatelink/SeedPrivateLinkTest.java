package dev.pgreach.privatelink;

import static dev.pgreach.privatelink.EstateFixture.NORTH_EUROPE;
import static dev.pgreach.privatelink.EstateFixture.OTHER_SUBSCRIPTION;
import static dev.pgreach.privatelink.EstateFixture.PRIVATELINK_ZONE;
import static dev.pgreach.privatelink.EstateFixture.WEST_EUROPE;
import static dev.pgreach.privatelink.EstateFixture.assertBlocked;
import static dev.pgreach.privatelink.EstateFixture.assertConnected;
import static dev.pgreach.privatelink.EstateFixture.assertFinding;
import static dev.pgreach.privatelink.EstateFixture.assertNoFinding;
import static dev.pgreach.privatelink.EstateFixture.assertNoStep;
import static dev.pgreach.privatelink.EstateFixture.assertStep;
import static dev.pgreach.privatelink.EstateFixture.connect;
import static dev.pgreach.privatelink.EstateFixture.denyInbound;
import static dev.pgreach.privatelink.EstateFixture.denyOutbound;
import static dev.pgreach.privatelink.EstateFixture.endpointId;
import static dev.pgreach.privatelink.EstateFixture.fqdn;
import static dev.pgreach.privatelink.EstateFixture.frontDoor;
import static dev.pgreach.privatelink.EstateFixture.ip;
import static dev.pgreach.privatelink.EstateFixture.resolve;
import static dev.pgreach.privatelink.EstateFixture.serverId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.CreateMode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Region;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.Resolution;
import dev.pgreach.core.Disposition;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.dns.ZoneName;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One example per statement of seed document B, "Azure Database for PostgreSQL Flexible Server
 * Networking with Private Link – Preview", asked of whole estates: {@link Connectivity#connect},
 * {@link Connectivity#resolve} and {@link EstateValidation#validate}.
 *
 * <p>Every statement belongs to the {@code preview2021} profile. Where today's documentation
 * changed the behaviour (the preview's feature matrix and edge-case limits, public access beside
 * private endpoints, endpoints in another region than the server), a companion assertion shows
 * the {@code current} answer.
 *
 * <p>Statements of the seed that have no test here, and why:
 *
 * <ul>
 *   <li>"You can create your own private link service in your virtual network and deliver it to
 *       your customers", "Private Link Services (Microsoft.Network/PrivateLinkServices)": Private
 *       Link services (the provider side) are not modelled; only private endpoints to flexible
 *       servers are.
 *   <li>"Setup and consumption using Azure Private Link is consistent across Azure PaaS,
 *       customer-owned, and shared partner services", "For a list to PaaS services that support
 *       Private Link functionality …", the storage-account examples ("In the case of Azure Storage
 *       … file and blob subresources", "privatelink.blob.core.windows.net"), and links to other
 *       documents ("Limitations to Network Security Groups … are listed here", "Next steps"):
 *       other services or no behaviour. (The blob zone name is used below as an example of a
 *       zone that is not PostgreSQL's.)
 *   <li>"Most features work, but anything that communicates to other servers/instances we've had
 *       to redesign …": the service's internal architecture.
 *   <li>Feature matrix rows "Major Version Upgrade (MVU) – Yes" and "Azure Active Directory
 *       Authentication – Yes": upgrades and authentication methods are not modelled (nothing in
 *       pgreach depends on the PostgreSQL version or the login method).
 *   <li>"Private Endpoint Connection description property isn't populated …": the description
 *       field and the portal blade are not modelled.
 *   <li>"Point-to-Site Connection": point-to-site VPN clients are not a kind of gateway connection
 *       pgreach models (site-to-site, ExpressRoute and VNet-to-VNet are, and are tested).
 *   <li>"Network policies enable support for … Application Security Groups (ASG)": membership of
 *       application security groups is not modelled, so rules naming them never decide.
 *   <li>"… or a service endpoint": Flexible Server has no virtual-network service endpoint firewall
 *       rules; the public-traffic half of those sentences is tested.
 * </ul>
 */
class SeedPrivateLinkTest {
  private static final ServiceProfile PREVIEW_2021 = ServiceProfile.preview2021();
  private static final ServiceProfile CURRENT = ServiceProfile.current();

  private static final String BILLING = fqdn("billing-db");

  /**
   * {@code billing-db}: a public-access server (West Europe, public address 20.61.10.5, no
   * firewall rules) with an Approved private endpoint at 10.0.2.4 in vnet-1 (10.0.0.0/16), whose
   * zone group writes into the privatelink zone linked to vnet-1; an application VM in vnet-1
   * (egress 20.61.200.10) and a host on the internet.
   */
  private static EstateFixture billing() {
    return billing(b -> b);
  }

  /** Who can reach billing-db on 5432, now. */
  private static Exposure exposure(Estate estate, ServiceProfile profile) {
    return Connectivity.of(estate, profile).expose(serverId("billing-db"), FlexibleServer.POSTGRES_PORT, EstateFixture.NOW);
  }

  /** {@link #billing()} with billing-db built with settings of its own. */
  private static EstateFixture billing(UnaryOperator<FlexibleServer.Builder> settings) {
    return new EstateFixture()
        .publicServer("billing-db", "20.61.10.5", settings)
        .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
        .subnet("vnet-1", "apps", "10.0.0.0/24")
        .subnet("vnet-1", "endpoints", "10.0.2.0/24")
        .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4")
        .linkZone(PRIVATELINK_ZONE, "vnet-1")
        .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
        .internetHost("home", "198.51.100.23");
  }

  /** {@link #billing()} with a second network vnet-2 (10.1.0.0/16) in a region, holding an application VM. */
  private static EstateFixture billingAndVnet2(String region) {
    return billing().vnet("vnet-2", region, "10.1.0.0/16").subnet("vnet-2", "apps", "10.1.0.0/24").vm("app-2", "vnet-2", "apps", "10.1.0.4");
  }

  /** A hub vnet-1 with a DNS forwarder (10.0.3.4 → 168.63.129.16) and an on-premises network behind its gateway. */
  private static Estate billingFromOnPremises(GatewayConnection.ConnectionType type) {
    return billing()
        .subnet("vnet-1", "GatewaySubnet", "10.0.255.0/27")
        .subnet("vnet-1", "shared", "10.0.3.0/24")
        .dnsForwarder("dns-forwarder", "vnet-1", "shared", "10.0.3.4", "168.63.129.16")
        .onPremises("headquarters", "192.168.0.0/16", "vnet-1", type, "192.168.0.53")
        .onPremisesDns("headquarters", "192.168.0.53", "10.0.3.4")
        .onPremisesHost("hq-laptop", "headquarters", "192.168.10.20", null)
        .build();
  }

  // =================================================================== introduction

  /**
   * "Azure Private Link allows you to create private endpoints for Azure Database for PostgreSQL -
   * Flexible server to bring it inside your Virtual Network (VNet)": the server's own name
   * resolves, inside the network, to the endpoint's private address.
   */
  @Test
  void seedB_privateEndpoint_bringsServerInsideYourVnet() {
    Estate estate = billing().build();

    Resolution r = resolve(estate, PREVIEW_2021, "app", BILLING);
    assertEquals(Optional.of(ip("10.0.2.4")), r.address(), r::explanation);
    assertTrue(r.aliases().stream().anyMatch(a -> a.toString().equals("billing-db.privatelink.postgres.database.azure.com")), r::explanation);
    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);
    assertConnected(c);
    assertEquals(FrontDoorKind.PRIVATE_ENDPOINT, frontDoor(c).orElseThrow().kind());
    assertEquals(Optional.of(endpointId("billing-db-pe")), frontDoor(c).orElseThrow().privateEndpoint());
  }

  /**
   * "That functionality is introduced in addition to already existing networking capabilities
   * provided by VNET injection": an alternative, not a combination — a VNet-integrated server
   * cannot have private endpoints, under either profile.
   */
  @Test
  void seedB_privateLink_inAdditionToVnetInjection_notOnVnetIntegratedServers() {
    Estate estate =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4")
            .endpoint("orders-db-pe", "orders-db", "vnet-1", "endpoints", "10.0.2.4")
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertFinding(estate, profile, FindingCode.PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER);
    }
    assertNoFinding(billing().build(), PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER);
  }

  /**
   * "With Private Link, traffic between your virtual network and the service travels the
   * Microsoft backbone network. Exposing your service to the public internet is no longer
   * necessary." — the endpoint path never leaves for the internet, and a server with no firewall
   * rules is still reachable (no "unreachable" finding).
   */
  @Test
  void seedB_privateLink_trafficStaysOnBackbone_noPublicExposureNeeded() {
    Estate estate = billing().build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);
    assertConnected(c);
    assertNoStep(c, ReasonCode.INTERNET_EGRESS);
    assertNoStep(c, ReasonCode.FRONT_DOOR_PUBLIC_ENDPOINT);
    assertNoFinding(estate, PREVIEW_2021, FindingCode.SERVER_UNREACHABLE);
  }

  /**
   * "Private Link is exposed to users through two Azure resource types: Private Endpoints
   * (Microsoft.Network/PrivateEndpoints) …": an endpoint's id must be of that type.
   */
  @Test
  void seedB_resourceTypes_privateEndpointIsMicrosoftNetworkPrivateEndpoints() {
    assertTrue(PrivateEndpoint.RESOURCE_TYPE.equalsIgnoreCase("Microsoft.Network/privateEndpoints"));
    ResourceId wrongType = ResourceId.of(EstateFixture.SUBSCRIPTION, "apps", "Microsoft.Network/privateLinkServices", "billing-pls");
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () ->
                PrivateEndpoint.builder()
                    .id(wrongType)
                    .region(Region.parse(WEST_EUROPE))
                    .subnet(ResourceId.of(EstateFixture.SUBSCRIPTION, "network", "Microsoft.Network/virtualNetworks", "vnet-1").child("subnets", "endpoints"))
                    .privateAddress(ip("10.0.2.4"))
                    .targetServer(serverId("billing-db"))
                    .build());
    assertEquals(ErrorCode.WRONG_RESOURCE_TYPE, e.code());
  }

  // =================================================================== private endpoints

  /**
   * "A Private Endpoint adds a network interface to a resource, providing it with a private IP
   * address assigned from your VNET": inside its subnet, not one of the reserved addresses, not
   * already held.
   */
  @Test
  void seedB_privateEndpoint_hasPrivateAddressAssignedFromYourVnet() {
    assertNoFinding(billing().build(), PREVIEW_2021, FindingCode.ADDRESS_OUTSIDE_SUBNET);
    assertNoFinding(billing().build(), PREVIEW_2021, FindingCode.ADDRESS_RESERVED);
    assertNoFinding(billing().build(), PREVIEW_2021, FindingCode.ADDRESS_IN_USE);

    Estate outside = billing().endpoint("second-pe", "billing-db", "vnet-1", "endpoints", "10.0.9.4").build();
    assertFinding(outside, PREVIEW_2021, FindingCode.ADDRESS_OUTSIDE_SUBNET);
    Estate reserved = billing().endpoint("second-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.1").build();
    assertFinding(reserved, PREVIEW_2021, FindingCode.ADDRESS_RESERVED);
    Estate taken = billing().vm("squatter", "vnet-1", "endpoints", "10.0.2.4").build();
    assertFinding(taken, PREVIEW_2021, FindingCode.ADDRESS_IN_USE);
  }

  /**
   * "Once applied, you can communicate with this resource exclusively via the virtual network
   * (VNET)": under {@code preview2021} nothing outside the network gets in — not the internet,
   * not another tenant's Azure service, not a VM whose network resolves the public name.
   */
  @Test
  void seedB_privateEndpoint_onceAppliedOnlyReachableViaTheVnet() {
    Estate estate =
        billing()
            .azureService("partner-function", "20.103.45.9", "fabrikam.onmicrosoft.com")
            .vnet("elsewhere", WEST_EUROPE, "10.9.0.0/16")
            .subnet("elsewhere", "apps", "10.9.0.0/24")
            .vm("outsider", "elsewhere", "apps", "10.9.0.4", "20.61.200.99")
            .build();

    assertConnected(connect(estate, PREVIEW_2021, "app", BILLING));
    for (String client : List.of("home", "partner-function", "outsider")) {
      Connection c = connect(estate, PREVIEW_2021, client, BILLING);
      assertBlocked(c, ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    }
    Exposure exposure = exposure(estate, PREVIEW_2021);
    assertTrue(exposure.publicSources().isEmpty(), exposure::toString);
    assertFalse(exposure.privatePaths().isEmpty(), exposure::toString);
    for (Exposure.Reach reach : exposure.privatePaths()) {
      assertEquals(FrontDoorKind.PRIVATE_ENDPOINT, reach.door());
      assertEquals(new Place.Vnet(EstateFixture.vnetId("vnet-1")), reach.place());
    }
  }

  /**
   * "A private endpoint is a private IP address within a specific VNet and Subnet": the same
   * address in another network with the same address space is not the endpoint.
   */
  @Test
  void seedB_privateEndpoint_isAnAddressWithinOneSpecificVnet() {
    Estate estate =
        billing()
            .vnet("lookalike", WEST_EUROPE, "10.0.0.0/16")
            .subnet("lookalike", "apps", "10.0.0.0/24")
            .subnet("lookalike", "endpoints", "10.0.2.0/24")
            .vm("twin", "lookalike", "apps", "10.0.0.4")
            .build();

    assertConnected(connect(estate, PREVIEW_2021, "app", "10.0.2.4"));
    Connection twin = connect(estate, PREVIEW_2021, "twin", "10.0.2.4");
    assertBlocked(twin, ReasonCode.FRONT_DOOR_NOTHING);
    assertTrue(twin.server().isEmpty(), twin::explanation);
  }

  /**
   * "The same public service instance can be referenced by multiple private endpoints in
   * different VNets/subnets, even if they belong to different users/subscriptions (including
   * within differing Azure Active Directory (AAD) tenants) or if they have overlapping address
   * spaces."
   */
  @Test
  void seedB_sameServer_multipleEndpointsInDifferentVnets_otherTenants_overlappingSpaces() {
    EstateFixture f =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("contoso-vnet", WEST_EUROPE, "10.0.0.0/16")
            .subnet("contoso-vnet", "apps", "10.0.0.0/24")
            .subnet("contoso-vnet", "endpoints", "10.0.2.0/24")
            .vnetIn(OTHER_SUBSCRIPTION, "fabrikam-vnet", WEST_EUROPE, "10.0.0.0/16")
            .subnet("fabrikam-vnet", "apps", "10.0.0.0/24")
            .subnet("fabrikam-vnet", "endpoints", "10.0.2.0/24")
            .vm("contoso-app", "contoso-vnet", "apps", "10.0.0.4")
            .vm("fabrikam-app", "fabrikam-vnet", "apps", "10.0.0.4");
    ResourceId contosoZone = f.zoneIn(EstateFixture.SUBSCRIPTION, PRIVATELINK_ZONE, "contoso-vnet");
    ResourceId fabrikamZone = f.zoneIn(OTHER_SUBSCRIPTION, PRIVATELINK_ZONE, "fabrikam-vnet");
    Estate estate =
        f.endpointInZoneIds("contoso-pe", "billing-db", "contoso-vnet", "endpoints", "10.0.2.4", b -> b, contosoZone)
            .endpointInZoneIds(
                "fabrikam-pe", "billing-db", "fabrikam-vnet", "endpoints", "10.0.2.4", b -> b.requestingTenant("fabrikam.onmicrosoft.com"), fabrikamZone)
            .build();

    Connection contoso = connect(estate, PREVIEW_2021, "contoso-app", BILLING);
    Connection fabrikam = connect(estate, PREVIEW_2021, "fabrikam-app", BILLING);
    assertConnected(contoso);
    assertConnected(fabrikam);
    assertEquals(Optional.of(serverId("billing-db")), contoso.server());
    assertEquals(Optional.of(serverId("billing-db")), fabrikam.server());
    assertNotEquals(frontDoor(contoso).orElseThrow().privateEndpoint(), frontDoor(fabrikam).orElseThrow().privateEndpoint());
    assertNoFinding(estate, PREVIEW_2021, FindingCode.ADDRESS_IN_USE);
    assertNoFinding(estate, PREVIEW_2021, FindingCode.PEERED_ADDRESS_SPACES_OVERLAP);
  }

  // =================================================================== key benefits

  /**
   * "Service providers can render their services in their own virtual network and consumers can
   * access those services in their local virtual network. The Private Link platform handles the
   * connectivity between the consumer and services over the Azure backbone network." — a
   * consumer network in another subscription, peered with nothing, connects.
   */
  @Test
  void seedB_benefit_consumersAccessFromTheirLocalVnet_platformHandlesConnectivity() {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnetIn(OTHER_SUBSCRIPTION, "consumer", WEST_EUROPE, "172.16.0.0/16")
            .subnet("consumer", "apps", "172.16.0.0/24")
            .subnet("consumer", "endpoints", "172.16.2.0/24")
            .endpoint("consumer-pe", "billing-db", "consumer", "endpoints", "172.16.2.4")
            .linkZone(PRIVATELINK_ZONE, "consumer")
            .vm("consumer-app", "consumer", "apps", "172.16.0.4")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "consumer-app", BILLING);

    assertConnected(c);
    assertNoStep(c, ReasonCode.PEERING_CROSSED);
    assertNoStep(c, ReasonCode.GATEWAY_CROSSED);
    assertNoStep(c, ReasonCode.INTERNET_EGRESS);
  }

  /**
   * "On-premises and peered networks: Access services running in Azure from on-premises over
   * ExpressRoute private peering, VPN tunnels, and peered virtual networks using private
   * endpoints. There's no need to configure ExpressRoute Microsoft peering or traverse the
   * internet to reach the service."
   */
  @ParameterizedTest
  @EnumSource(value = GatewayConnection.ConnectionType.class, names = {"IPSEC", "EXPRESS_ROUTE"})
  void seedB_benefit_onPremisesReachesEndpointWithoutTraversingInternet(GatewayConnection.ConnectionType type) {
    Estate estate = billingFromOnPremises(type);

    Connection c = connect(estate, PREVIEW_2021, "hq-laptop", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.GATEWAY_CROSSED);
    assertNoStep(c, ReasonCode.INTERNET_EGRESS);
    assertEquals(FrontDoorKind.PRIVATE_ENDPOINT, frontDoor(c).orElseThrow().kind());
  }

  /**
   * "Protection against data leakage: A private endpoint is mapped to an instance of a PaaS
   * resource instead of the entire service. Consumers can only connect to the specific resource.
   * Access to any other resource in the service is blocked." — even when a DNS record points
   * another server's name at this endpoint.
   */
  @Test
  void seedB_dataLeakage_endpointReachesOnlyItsOwnServer() {
    Estate estate =
        billing()
            .publicServer("ledger-db", "20.61.10.6")
            .vnet("ledger-vnet", WEST_EUROPE, "10.5.0.0/16")
            .subnet("ledger-vnet", "endpoints", "10.5.2.0/24")
            .endpoint("ledger-db-pe", "ledger-db", "ledger-vnet", "endpoints", "10.5.2.4", b -> b)
            .record(PRIVATELINK_ZONE, "ledger-db", "10.0.2.4")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", fqdn("ledger-db"));

    assertBlocked(c, ReasonCode.FRONT_DOOR_OTHER_SERVER);
    assertEquals(Optional.of(serverId("billing-db")), c.server());
  }

  /**
   * "Global reach: Connect privately to services running in other regions. The consumer's virtual
   * network could be in region A and it can connect to services behind Private Link in region B."
   * pgreach models endpoints in another region than their server as today's capability: a finding
   * under {@code preview2021}, supported under {@code current}.
   */
  @Test
  void seedB_globalReach_endpointInAnotherRegionThanServer_currentOnly() {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("consumer", NORTH_EUROPE, "10.0.0.0/16")
            .subnet("consumer", "apps", "10.0.0.0/24")
            .subnet("consumer", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "consumer", "endpoints", "10.0.2.4")
            .linkZone(PRIVATELINK_ZONE, "consumer")
            .vm("app", "consumer", "apps", "10.0.0.4")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED);
    assertNoFinding(estate, CURRENT, FindingCode.PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED);
    assertConnected(connect(estate, CURRENT, "app", BILLING));
  }

  // =================================================================== use cases

  /** "Clients can connect to the private endpoint from the same VNet …" */
  @Test
  void seedB_useCases_clientInSameVnetConnects() {
    Connection c = connect(billing().build(), PREVIEW_2021, "app", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.ENDPOINT_APPROVED);
  }

  /** "… peered VNet in same region …" */
  @Test
  void seedB_useCases_clientInPeeredVnetInSameRegionConnects() {
    Estate estate = billingAndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone(PRIVATELINK_ZONE, "vnet-2").build();

    Connection c = connect(estate, PREVIEW_2021, "app-2", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.PEERING_CROSSED);
  }

  /**
   * "… or across regions …": unlike a VNet-integrated server, a private endpoint is reached over
   * global peering under {@code preview2021} too.
   */
  @Test
  void seedB_useCases_clientInPeeredVnetAcrossRegionsConnects() {
    Estate estate = billingAndVnet2(NORTH_EUROPE).peer("vnet-1", "vnet-2").linkZone(PRIVATELINK_ZONE, "vnet-2").build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      Connection c = connect(estate, profile, "app-2", BILLING);
      assertConnected(c);
      assertStep(c, ReasonCode.PEERING_CROSSED);
    }
  }

  /** "… or via VNet-to-VNet connection across regions." */
  @Test
  void seedB_useCases_clientOverVnetToVnetAcrossRegionsConnects() {
    Estate estate = billingAndVnet2(NORTH_EUROPE).vnetToVnet("vnet-1", "vnet-2").linkZone(PRIVATELINK_ZONE, "vnet-2").build();

    Connection c = connect(estate, PREVIEW_2021, "app-2", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.GATEWAY_CROSSED);
  }

  /** "Additionally, clients can connect from on-premises using ExpressRoute, private peering, or VPN tunneling." */
  @ParameterizedTest
  @EnumSource(value = GatewayConnection.ConnectionType.class, names = {"IPSEC", "EXPRESS_ROUTE"})
  void seedB_useCases_clientOnPremisesConnects(GatewayConnection.ConnectionType type) {
    Estate estate = billingFromOnPremises(type);

    assertConnected(connect(estate, PREVIEW_2021, "hq-laptop", BILLING));
    assertConnected(connect(estate, PREVIEW_2021, "hq-laptop", "10.0.2.4"));
  }

  // =================================================================== limitations and the feature matrix

  /**
   * "In the private preview of Private Endpoint for PostgreSQL flexible server, we only support
   * single-instance, non-HA servers." Today HA servers take endpoints too.
   */
  @ParameterizedTest
  @EnumSource(value = HighAvailabilityMode.class, names = {"SAME_ZONE", "ZONE_REDUNDANT"})
  void seedB_limitations_onlySingleInstanceNonHaServers(HighAvailabilityMode ha) {
    Estate single = billing().build();
    Estate highlyAvailable = billing(b -> b.highAvailability(ha)).build();

    assertNoFinding(single, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertFinding(highlyAvailable, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(highlyAvailable, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  static Stream<Arguments> unavailableFeatures() {
    return Stream.of(
        Arguments.of("High Availability (HA)", (UnaryOperator<FlexibleServer.Builder>) b -> b.highAvailability(HighAvailabilityMode.ZONE_REDUNDANT)),
        Arguments.of("Read Replica (server with replicas)", (UnaryOperator<FlexibleServer.Builder>) b -> b.replicationRole(ReplicationRole.PRIMARY)),
        Arguments.of("Read Replica (the replica)", (UnaryOperator<FlexibleServer.Builder>) b -> b.replicationRole(ReplicationRole.ASYNC_REPLICA)),
        Arguments.of("Geo Read Replica", (UnaryOperator<FlexibleServer.Builder>) b -> b.replicationRole(ReplicationRole.GEO_ASYNC_REPLICA)),
        Arguments.of(
            "Point in Time Restore (PITR)",
            (UnaryOperator<FlexibleServer.Builder>) b -> b.createMode(CreateMode.POINT_IN_TIME_RESTORE).sourceServer(serverId("billing-old"))));
  }

  /**
   * Cross Feature Availability Matrix: "High Availability (HA) – No", "Read Replica – No", "Geo
   * Read Replica – No", "Point in Time Restore (PITR) – No". Today all of them work with private
   * endpoints.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unavailableFeatures")
  void seedB_featureMatrix_unavailableFeature_unsupportedUnderPreview2021_fineUnderCurrent(String feature, UnaryOperator<FlexibleServer.Builder> setting) {
    Estate estate = billing(setting).build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(estate, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * Cross Feature Availability Matrix: "Allowing also public/internet access with firewall rules –
   * No". Public access with no rules is how a preview server has endpoints; with a rule alongside
   * it is unsupported. Today the two coexist.
   */
  @Test
  void seedB_featureMatrix_publicAccessWithFirewallRules_unsupportedUnderPreview2021_fineUnderCurrent() {
    Estate noRules = billing().build();
    Estate withRule = billing().firewallRule("billing-db", "office", "203.0.113.0", "203.0.113.255").build();

    assertNoFinding(noRules, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertFinding(withRule, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(withRule, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /** Cross Feature Availability Matrix: "Connection pooling with PGBouncer – Yes – Works as designed". */
  @Test
  void seedB_featureMatrix_pgBouncerWorksThroughEndpoint() {
    Estate estate = billing(b -> b.pgBouncerEnabled(true)).build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING, FlexibleServer.PGBOUNCER_PORT, EstateFixture.NOW);

    assertConnected(c);
    assertEquals(FrontDoorKind.PRIVATE_ENDPOINT, frontDoor(c).orElseThrow().kind());
    assertStep(c, ReasonCode.PORT_OPEN);
    assertNoFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * Cross Feature Availability Matrix: "Private Endpoint DNS – Yes – Works as designed": the
   * endpoint's zone group writes the server's A record into the privatelink zone.
   */
  @Test
  void seedB_featureMatrix_privateEndpointDnsWritesTheARecord() {
    Estate estate = billing().build();

    PrivateDnsZone zone =
        estate.dnsEstate().privateDnsZones().stream().filter(z -> z.name().equals(ZoneName.POSTGRES_PRIVATELINK)).findFirst().orElseThrow();
    assertEquals(
        List.of(ip("10.0.2.4")),
        zone.recordsAt(RecordName.parse("billing-db")).stream().map(r -> ((DnsRecord.A) r).address()).collect(java.util.stream.Collectors.toList()));
    assertNoFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_NO_DNS_RECORD);
  }

  /** "Restore from PITR backup is not supported with PE enabled servers." — today it is. */
  @Test
  void seedB_edgeCase_restoreFromPitrBackupNotSupportedWithPe() {
    Estate estate =
        billing()
            .publicServer("billing-restored", null, b -> b.createMode(CreateMode.POINT_IN_TIME_RESTORE).sourceServer(serverId("billing-db")))
            .endpoint("billing-restored-pe", "billing-restored", "vnet-1", "endpoints", "10.0.2.5")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(estate, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * "Restore from PITR backup is not supported with PE enabled servers." — read as the issue
   * reads it ("no point-in-time restore of such a server"): restoring a server that has private
   * endpoints is unsupported under {@code preview2021}, whether or not the restored copy gets
   * endpoints of its own.
   */
  @Test
  void seedB_edgeCase_restoreOfPeEnabledServerNotSupported() {
    Estate estate =
        billing()
            .publicServer("billing-restored", null, b -> b.createMode(CreateMode.POINT_IN_TIME_RESTORE).sourceServer(serverId("billing-db")))
            .firewallRule("billing-restored", "office", "203.0.113.0", "203.0.113.255")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(estate, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * Cross Feature Availability Matrix: "Read Replica – No": a server with private endpoints has no
   * read replicas — also when the estate shows the replica (its {@code sourceServer} is the
   * endpoint's server) but not the primary's role.
   */
  @Test
  void seedB_featureMatrix_replicaOfPeServerUnsupported_evenWithoutPrimaryRole() {
    Estate estate =
        billing()
            .publicServer(
                "billing-replica",
                null,
                b -> b.createMode(CreateMode.REPLICA).replicationRole(ReplicationRole.ASYNC_REPLICA).sourceServer(serverId("billing-db")))
            .firewallRule("billing-replica", "office", "203.0.113.0", "203.0.113.255")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
    assertNoFinding(estate, CURRENT, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * "Provisioned PE capable servers are not to be publicly accessible outside of PE connections."
   * Under {@code preview2021} even a firewall rule admitting the client does not open the public
   * endpoint; today it does.
   */
  @Test
  void seedB_edgeCase_peServersNotPubliclyAccessibleOutsidePeConnections() {
    Estate estate = billing().firewallRule("billing-db", "home", "198.51.100.23", "198.51.100.23").build();

    assertBlocked(connect(estate, PREVIEW_2021, "home", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    assertBlocked(connect(estate, PREVIEW_2021, "home", "20.61.10.5"), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    assertTrue(exposure(estate, PREVIEW_2021).publicSources().isEmpty());
    Connection today = connect(estate, CURRENT, "home", BILLING);
    assertConnected(today);
    assertStep(today, ReasonCode.FIREWALL_RULE_MATCHED);
    assertTrue(exposure(estate, CURRENT).publicSources().contains(ip("198.51.100.23")));
  }

  /**
   * "Currently we have an issue for private endpoint capable servers where there is an A record
   * can't be reused when a server is dropped. This translates into a problem that will prevent
   * recreating the server with the same name." — fixed today.
   */
  @Test
  void seedB_edgeCase_droppedPeServerNameCannotBeReused() {
    Estate reused = billing().droppedServerWithPrivateEndpoints("billing-db").build();
    Estate otherName = billing().droppedServerWithPrivateEndpoints("billing-old").build();

    assertFinding(reused, PREVIEW_2021, FindingCode.SERVER_NAME_REUSE_BLOCKED);
    assertNoFinding(otherName, PREVIEW_2021, FindingCode.SERVER_NAME_REUSE_BLOCKED);
    assertNoFinding(reused, CURRENT, FindingCode.SERVER_NAME_REUSE_BLOCKED);
  }

  // =================================================================== connecting

  /**
   * "Configure VNet peering to establish connectivity to the Azure Database for PostgreSQL -
   * Flexible server from an Azure VM in a peered VNet." — without the peering the endpoint's
   * address resolves but cannot be reached.
   */
  @Test
  void seedB_connecting_fromVmInPeeredVnet_needsThePeering() {
    Estate notPeered = billingAndVnet2(WEST_EUROPE).linkZone(PRIVATELINK_ZONE, "vnet-2").build();
    Connection before = connect(notPeered, PREVIEW_2021, "app-2", BILLING);
    assertBlocked(before, ReasonCode.NO_ROUTE);
    assertEquals(Optional.of(ip("10.0.2.4")), before.resolution().orElseThrow().address(), before::explanation);

    Estate peered = billingAndVnet2(WEST_EUROPE).linkZone(PRIVATELINK_ZONE, "vnet-2").peer("vnet-1", "vnet-2").build();
    assertConnected(connect(peered, PREVIEW_2021, "app-2", BILLING));
  }

  /**
   * "Configure VNet-to-VNet VPN gateway connection to establish connectivity to an Azure Database
   * for PostgreSQL - Flexible server from an Azure VM in a different region or subscription."
   */
  @Test
  void seedB_connecting_fromVmInVnetToVnetEnvironment_otherRegionAndSubscription() {
    EstateFixture f =
        billing()
            .vnetIn(OTHER_SUBSCRIPTION, "remote", NORTH_EUROPE, "10.7.0.0/16")
            .subnet("remote", "apps", "10.7.0.0/24")
            .vm("remote-app", "remote", "apps", "10.7.0.4")
            .linkZone(PRIVATELINK_ZONE, "remote");
    Estate withoutConnection = f.build();
    Connection before = connect(withoutConnection, PREVIEW_2021, "remote-app", BILLING);
    assertBlocked(before, ReasonCode.NO_ROUTE);

    Estate connected = f.vnetToVnet("vnet-1", "remote").build();
    Connection c = connect(connected, PREVIEW_2021, "remote-app", BILLING);
    assertConnected(c);
    assertStep(c, ReasonCode.GATEWAY_CROSSED);
  }

  /**
   * "To establish connectivity from an on-premises environment … choose and implement one of the
   * options: … Site-to-Site VPN Connection, ExpressRoute Circuit": the on-premises DNS forwards the
   * server's domain into the network, and the host connects through the gateway.
   */
  @ParameterizedTest
  @EnumSource(value = GatewayConnection.ConnectionType.class, names = {"IPSEC", "EXPRESS_ROUTE"})
  void seedB_connecting_fromOnPremisesOverSiteToSiteVpnOrExpressRoute(GatewayConnection.ConnectionType type) {
    Estate estate = billingFromOnPremises(type);

    Connection c = connect(estate, PREVIEW_2021, "hq-laptop", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.DNS_FORWARDED);
    assertEquals(Optional.of(ip("10.0.2.4")), c.resolution().orElseThrow().address());
  }

  // =================================================================== network security and Private Link

  /**
   * "When you use private endpoints, traffic is secured to a private-link resource. The platform
   * validates network connections, allowing only those that reach the specified private-link
   * resource." — by address, the endpoint reaches its server and only on its service ports.
   */
  @Test
  void seedB_networkSecurity_platformAllowsOnlyConnectionsToTheSpecifiedResource() {
    Estate estate = billing().build();

    Connection c = connect(estate, PREVIEW_2021, "app", "10.0.2.4");
    assertConnected(c);
    assertEquals(Optional.of(serverId("billing-db")), c.server());
    assertBlocked(connect(estate, PREVIEW_2021, "app", "10.0.2.4", 22, EstateFixture.NOW), ReasonCode.PORT_CLOSED);
  }

  /**
   * "To access more subresources within the same Azure service, more private endpoints with
   * corresponding targets are required." — one endpoint per server, and the only target
   * sub-resource of a flexible server is {@code postgresqlServer}.
   */
  @Test
  void seedB_networkSecurity_moreTargetsNeedMoreEndpoints() {
    Estate oneEndpoint = billing().publicServer("ledger-db", "20.61.10.6").build();
    Connection ledger = connect(oneEndpoint, PREVIEW_2021, "app", fqdn("ledger-db"));
    assertBlocked(ledger, ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertNoStep(ledger, ReasonCode.FRONT_DOOR_PRIVATE_ENDPOINT);

    Estate twoEndpoints =
        billing().publicServer("ledger-db", "20.61.10.6").endpoint("ledger-db-pe", "ledger-db", "vnet-1", "endpoints", "10.0.2.5").build();
    assertConnected(connect(twoEndpoints, PREVIEW_2021, "app", fqdn("ledger-db")));
    assertConnected(connect(twoEndpoints, PREVIEW_2021, "app", BILLING));

    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> billing().endpoint("sites-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.6", b -> b.groupId("sites"), PRIVATELINK_ZONE));
    assertEquals(ErrorCode.INVALID_PRIVATE_ENDPOINT, e.code());
  }

  /**
   * "Private endpoints provide a privately accessible IP address for the Azure service, but don't
   * necessarily restrict public network access to it." — today the endpoint and the public
   * endpoint serve at once; the 2021 preview excluded public access.
   */
  @Test
  void seedB_networkSecurity_endpointsDontNecessarilyRestrictPublicAccess() {
    Estate estate = billing().firewallRule("billing-db", "home", "198.51.100.23", "198.51.100.23").build();

    Connection viaEndpoint = connect(estate, CURRENT, "app", BILLING);
    Connection viaPublic = connect(estate, CURRENT, "home", BILLING);
    assertConnected(viaEndpoint);
    assertEquals(FrontDoorKind.PRIVATE_ENDPOINT, frontDoor(viaEndpoint).orElseThrow().kind());
    assertConnected(viaPublic);
    assertEquals(FrontDoorKind.PUBLIC_ENDPOINT, frontDoor(viaPublic).orElseThrow().kind());
    assertBlocked(connect(estate, PREVIEW_2021, "home", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
  }

  /**
   * "… require another access controls, however. These controls provide an extra network security
   * layer to your resources" — with public access beside an endpoint (today), the public endpoint
   * is still guarded by the firewall and by public network access.
   */
  @Test
  void seedB_networkSecurity_accessControlsStillGuardThePublicEndpoint() {
    Estate noRules = billing().build();
    assertBlocked(connect(noRules, CURRENT, "home", BILLING), ReasonCode.FIREWALL_NO_RULE_MATCHED);

    Estate disabled =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5", b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED))
            .firewallRule("billing-db", "home", "198.51.100.23", "198.51.100.23")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4")
            .internetHost("home", "198.51.100.23")
            .build();
    assertBlocked(connect(disabled, CURRENT, "home", BILLING), ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED);
  }

  // =================================================================== network policies

  /**
   * "Private endpoints support network policies." and "By default, network policies are disabled
   * for a subnet in a virtual network." — so by default a network security group on the
   * endpoint's subnet does not filter traffic to the endpoint (and validation says so).
   */
  @Test
  void seedB_networkPolicies_disabledByDefault_nsgDoesNotApplyToEndpoint() {
    assertEquals(
        PrivateEndpointNetworkPolicies.DISABLED,
        Subnet.builder()
            .id(ResourceId.of(EstateFixture.SUBSCRIPTION, "network", "Microsoft.Network/virtualNetworks", "vnet-1").child("subnets", "endpoints"))
            .addressPrefix(dev.pgreach.core.Ipv4Prefix.parse("10.0.2.0/24"))
            .build()
            .privateEndpointNetworkPolicies());
    Estate estate =
        billing().nsg("endpoints-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432)).subnetNsg("vnet-1", "endpoints", "endpoints-nsg").build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);

    assertConnected(c);
    assertStep(c, ReasonCode.NSG_NOT_APPLIED);
    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_NSG_NOT_APPLIED);
  }

  /**
   * "To utilize network policies like User-Defined Routes and Network Security Groups support,
   * network policy support must be enabled for the subnet."
   */
  @Test
  void seedB_networkPolicies_mustBeEnabledForNsgToFilterEndpointTraffic() {
    Estate estate =
        billing()
            .nsg("endpoints-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432))
            .subnetNsg("vnet-1", "endpoints", "endpoints-nsg")
            .networkPolicies("vnet-1", "endpoints", PrivateEndpointNetworkPolicies.ENABLED)
            .build();

    assertBlocked(connect(estate, PREVIEW_2021, "app", BILLING), ReasonCode.NSG_RULE_DENIED);
    assertNoFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_NSG_NOT_APPLIED);
  }

  /**
   * "This setting is only applicable to private endpoints within the subnet." and "For other
   * resources in the subnet, access is controlled based on security rules in the network security
   * group." — with policies off, the group still filters a VM in the same subnet.
   */
  @Test
  void seedB_networkPolicies_onlyForEndpoints_otherResourcesInSubnetAlwaysFiltered() {
    Estate estate =
        billing()
            .vm("worker", "vnet-1", "endpoints", "10.0.2.10")
            .nsg("endpoints-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432), denyOutbound("deny-postgres-out", 110, "*", 5432))
            .subnetNsg("vnet-1", "endpoints", "endpoints-nsg")
            .build();

    assertConnected(connect(estate, PREVIEW_2021, "app", BILLING));
    assertBlocked(connect(estate, PREVIEW_2021, "worker", BILLING), ReasonCode.NSG_RULE_DENIED);
  }

  /** "This setting affects all private endpoints within the subnet." */
  @ParameterizedTest
  @EnumSource(value = PrivateEndpointNetworkPolicies.class, names = {"DISABLED", "ENABLED"})
  void seedB_networkPolicies_settingAffectsAllEndpointsInSubnet(PrivateEndpointNetworkPolicies policies) {
    Estate estate =
        billing()
            .publicServer("ledger-db", "20.61.10.6")
            .endpoint("ledger-db-pe", "ledger-db", "vnet-1", "endpoints", "10.0.2.5")
            .nsg("endpoints-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432))
            .subnetNsg("vnet-1", "endpoints", "endpoints-nsg")
            .networkPolicies("vnet-1", "endpoints", policies)
            .build();

    for (String server : List.of("billing-db", "ledger-db")) {
      Connection c = connect(estate, PREVIEW_2021, "app", fqdn(server));
      if (policies == PrivateEndpointNetworkPolicies.ENABLED) {
        assertBlocked(c, ReasonCode.NSG_RULE_DENIED);
      } else {
        assertConnected(c);
      }
    }
  }

  /**
   * "Network policies can be enabled either for Network Security Groups only, for User-Defined
   * Routes only, or for both." — the network security group half.
   */
  @ParameterizedTest
  @EnumSource(PrivateEndpointNetworkPolicies.class)
  void seedB_networkPolicies_nsgAppliesOnlyWhenEnabledForNsgs(PrivateEndpointNetworkPolicies policies) {
    Estate estate =
        billing()
            .nsg("endpoints-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432))
            .subnetNsg("vnet-1", "endpoints", "endpoints-nsg")
            .networkPolicies("vnet-1", "endpoints", policies)
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);

    boolean nsgEnabled = policies == PrivateEndpointNetworkPolicies.ENABLED || policies == PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED;
    if (nsgEnabled) {
      assertBlocked(c, ReasonCode.NSG_RULE_DENIED);
    } else {
      assertConnected(c);
    }
  }

  /**
   * "Network policies can be enabled either for Network Security Groups only, for User-Defined
   * Routes only, or for both." — the user-defined route half: a route for the endpoint network's
   * prefix (10.0.0.0/16) that drops traffic overrides the endpoint's /32 route only when route
   * tables are enabled.
   */
  @ParameterizedTest
  @EnumSource(PrivateEndpointNetworkPolicies.class)
  void seedB_networkPolicies_udrAppliesOnlyWhenEnabledForRouteTables(PrivateEndpointNetworkPolicies policies) {
    Estate estate =
        billing()
            .routeTableDropping("apps-routes", "10.0.0.0/16")
            .subnetRouteTable("vnet-1", "apps", "apps-routes")
            .networkPolicies("vnet-1", "endpoints", policies)
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);

    boolean udrEnabled = policies == PrivateEndpointNetworkPolicies.ENABLED || policies == PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED;
    if (udrEnabled) {
      assertBlocked(c, ReasonCode.ROUTE_NONE);
    } else {
      assertConnected(c);
    }
  }

  // =================================================================== Private Link and DNS

  /**
   * "When using a private endpoint, you need to connect to the same Azure service but use the
   * private endpoint IP address. The intimate endpoint connection requires separate DNS settings
   * to resolve the private IP address to the resource name." — without the privatelink zone
   * linked, the name leads to the public endpoint.
   */
  @Test
  void seedB_dns_endpointNeedsSeparateDnsSettingsToResolveItsAddress() {
    Estate withoutDns =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .build();

    Connection byName = connect(withoutDns, PREVIEW_2021, "app", BILLING);
    assertBlocked(byName, ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    assertEquals(FrontDoorKind.PUBLIC_ENDPOINT, frontDoor(byName).orElseThrow().kind());
    assertConnected(connect(withoutDns, PREVIEW_2021, "app", "10.0.2.4"));
    assertConnected(connect(billing().build(), PREVIEW_2021, "app", BILLING));
  }

  /**
   * "Private DNS zones provide domain name resolution within a virtual network without a custom
   * DNS solution. You link the private DNS zones to each virtual network to provide DNS services
   * to that network."
   */
  @Test
  void seedB_dns_linkTheZoneToEachVnet() {
    Estate linkedToOne = billingAndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").build();
    Resolution unlinked = resolve(linkedToOne, PREVIEW_2021, "app-2", BILLING);
    assertNotEquals(Optional.of(ip("10.0.2.4")), unlinked.address(), unlinked::explanation);
    assertBlocked(connect(linkedToOne, PREVIEW_2021, "app-2", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);

    Estate linkedToBoth = billingAndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone(PRIVATELINK_ZONE, "vnet-2").build();
    Resolution linked = resolve(linkedToBoth, PREVIEW_2021, "app-2", BILLING);
    assertEquals(Optional.of(ip("10.0.2.4")), linked.address(), linked::explanation);
    assertEquals(ResolutionDisposition.ADDRESS, linked.disposition());
    assertConnected(connect(linkedToBoth, PREVIEW_2021, "app-2", BILLING));
  }

  /**
   * "Private DNS zones provide separate DNS zone names for each Azure service." — PostgreSQL's is
   * privatelink.postgres.database.azure.com; writing the endpoint's record into another service's
   * zone is a finding.
   */
  @Test
  void seedB_dns_eachServiceHasItsOwnZoneName() {
    assertEquals("privatelink.postgres.database.azure.com", ZoneName.POSTGRES_PRIVATELINK.toString());
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4", b -> b, "privatelink.blob.core.windows.net")
            .linkZone("privatelink.blob.core.windows.net", "vnet-1")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK);
    assertNoFinding(billing().build(), PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK);
  }

  /**
   * "Private endpoint private DNS zone configurations will only automatically generate if you use
   * the recommended naming scheme: privatelink.postgres.database.azure.com" — a zone group into
   * any other zone leaves clients resolving the public endpoint, even where that zone is linked.
   */
  @Test
  void seedB_dns_automaticConfigurationOnlyWithPrivatelinkPostgresZone() {
    Estate ownZone =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4", b -> b, "db.contoso.internal")
            .linkZone("db.contoso.internal", "vnet-1")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .build();

    assertFinding(ownZone, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK);
    assertFinding(ownZone, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_NO_DNS_RECORD);
    assertBlocked(connect(ownZone, PREVIEW_2021, "app", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);

    Estate recommended = billing().build();
    assertConnected(connect(recommended, PREVIEW_2021, "app", BILLING));
  }

  // =================================================================== Private Link combined with firewall rules

  /**
   * "If you don't configure any firewall rules, then by default, no traffic is able to access the
   * Azure Database for PostgreSQL Flexible server." (and no private endpoint)
   */
  @Test
  void seedB_firewall_noRulesAndNoEndpoint_noTrafficGetsIn() {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .internetHost("home", "198.51.100.23")
            .azureService("partner-function", "20.103.45.9", "fabrikam.onmicrosoft.com")
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      for (String client : List.of("app", "home", "partner-function")) {
        assertBlocked(connect(estate, profile, client, BILLING), ReasonCode.FIREWALL_NO_RULE_MATCHED);
      }
      Exposure exposure = exposure(estate, profile);
      assertTrue(exposure.privatePaths().isEmpty(), exposure::toString);
      assertTrue(exposure.publicSources().isEmpty(), exposure::toString);
      assertFinding(estate, profile, FindingCode.SERVER_UNREACHABLE);
    }
  }

  /**
   * Two endpoints of one server writing into one privatelink zone give the name two addresses;
   * clients try them in turn, so when only one of them is reachable the answer depends on which
   * address the client tries first: indeterminate, with both outcomes named.
   */
  @Test
  void seedB_sameServer_twoEndpointsInOneZone_answerDependsOnWhichAddress() {
    Estate estate =
        billing()
            .vnet("vnet-3", WEST_EUROPE, "10.3.0.0/16")
            .subnet("vnet-3", "endpoints", "10.3.2.0/24")
            .endpoint("second-pe", "billing-db", "vnet-3", "endpoints", "10.3.2.4")
            .build();
    Connection c = connect(estate, CURRENT, "app", BILLING);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertTrue(c.decidingStep().orElseThrow().reason().contains("10.3.2.4"), c::explanation);
  }

  /**
   * "If you configure public traffic … and you create private endpoints, then different types of
   * incoming traffic are authorized by the corresponding type of firewall rule." Endpoint traffic
   * is judged by the endpoint's state, never by the firewall; public traffic by the firewall
   * today, while the 2021 preview refuses public traffic to a server with endpoints.
   */
  @Test
  void seedB_firewall_publicTrafficAndEndpoints_eachJudgedByItsOwnMechanism() {
    Estate estate =
        billing()
            .firewallRule("billing-db", "home", "198.51.100.23", "198.51.100.23")
            .internetHost("stranger", "192.0.2.50")
            .vnet("vnet-3", WEST_EUROPE, "10.3.0.0/16")
            .subnet("vnet-3", "apps", "10.3.0.0/24")
            .subnet("vnet-3", "endpoints", "10.3.2.0/24")
            // No zone group: a second endpoint writing into the same zone would give the name two
            // addresses (see seedB_sameServer_twoEndpointsInOneZone_answerDependsOnWhichAddress).
            .endpoint("pending-pe", "billing-db", "vnet-3", "endpoints", "10.3.2.4", b -> b.connectionState(PrivateEndpointConnectionState.PENDING))
            .vm("pending-app", "vnet-3", "apps", "10.3.0.4", "198.51.100.23")
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      Connection viaEndpoint = connect(estate, profile, "app", BILLING);
      assertConnected(viaEndpoint);
      assertNoStep(viaEndpoint, ReasonCode.FIREWALL_NO_RULE_MATCHED);
      assertBlocked(connect(estate, profile, "pending-app", "10.3.2.4"), ReasonCode.ENDPOINT_NOT_APPROVED);
    }
    assertConnected(connect(estate, CURRENT, "home", BILLING));
    assertBlocked(connect(estate, CURRENT, "stranger", BILLING), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertBlocked(connect(estate, PREVIEW_2021, "home", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED);
  }

  /**
   * "If you don't configure any public traffic … and you create private endpoints, then the Azure
   * Database for PostgreSQL Flexible server is accessible only through the private endpoints."
   * Under {@code preview2021}: public access with no rules; today: public network access Disabled
   * (rules kept but not enforced).
   */
  @Test
  void seedB_firewall_noPublicTrafficWithEndpoints_onlyThroughEndpoints() {
    Estate preview = billing().build();
    assertConnected(connect(preview, PREVIEW_2021, "app", BILLING));
    assertBlocked(connect(preview, PREVIEW_2021, "home", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);

    Estate today =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5", b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED))
            .firewallRule("billing-db", "home", "198.51.100.23", "198.51.100.23")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4")
            .linkZone(PRIVATELINK_ZONE, "vnet-1")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .internetHost("home", "198.51.100.23")
            .build();
    assertConnected(connect(today, CURRENT, "app", BILLING));
    assertBlocked(connect(today, CURRENT, "home", BILLING), ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED);
    assertFinding(today, CURRENT, FindingCode.FIREWALL_RULES_NOT_ENFORCED);
  }

  /**
   * "If you don't configure public traffic …, after all approved private endpoints are rejected or
   * deleted, no traffic will be able to access the Azure Database for PostgreSQL Flexible
   * server." — Rejected, or its connection removed (Disconnected).
   */
  @ParameterizedTest
  @EnumSource(value = PrivateEndpointConnectionState.class, names = {"REJECTED", "DISCONNECTED"})
  void seedB_firewall_allApprovedEndpointsRejectedOrConnectionDeleted_noTraffic(PrivateEndpointConnectionState state) {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4", state)
            .linkZone(PRIVATELINK_ZONE, "vnet-1")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .internetHost("home", "198.51.100.23")
            .build();

    assertBlocked(connect(estate, PREVIEW_2021, "app", BILLING), ReasonCode.ENDPOINT_NOT_APPROVED);
    assertBlocked(connect(estate, PREVIEW_2021, "home", BILLING), ReasonCode.PUBLIC_ACCESS_EXCLUDED_BY_PRIVATE_ENDPOINTS);
    assertBlocked(connect(estate, CURRENT, "home", BILLING), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertFinding(estate, PREVIEW_2021, FindingCode.SERVER_UNREACHABLE);

    Estate oneStillApproved =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4", state)
            .endpoint("billing-db-pe-2", "billing-db", "vnet-1", "endpoints", "10.0.2.5", PrivateEndpointConnectionState.APPROVED)
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .build();
    assertConnected(connect(oneStillApproved, PREVIEW_2021, "app", "10.0.2.5"));
    assertNoFinding(oneStillApproved, PREVIEW_2021, FindingCode.SERVER_UNREACHABLE);
  }

  /**
   * "… after all approved private endpoints are … deleted, no traffic will be able to access" —
   * the endpoint resource removed: the name leads to the public endpoint, which admits nothing.
   */
  @Test
  void seedB_firewall_allEndpointsDeleted_noTraffic() {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .linkZone(PRIVATELINK_ZONE, "vnet-1")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .internetHost("home", "198.51.100.23")
            .build();

    for (String client : List.of("app", "home")) {
      assertBlocked(connect(estate, PREVIEW_2021, client, BILLING), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    }
    assertBlocked(connect(estate, PREVIEW_2021, "app", "10.0.2.4"), ReasonCode.FRONT_DOOR_NOTHING);
    assertFinding(estate, PREVIEW_2021, FindingCode.SERVER_UNREACHABLE);
  }

  /**
   * Endpoint connection states: only an Approved connection carries traffic; Pending, Rejected and
   * Disconnected ones are findings and block.
   */
  @ParameterizedTest
  @EnumSource(PrivateEndpointConnectionState.class)
  void seedB_connectionStates_onlyApprovedCarriesTraffic(PrivateEndpointConnectionState state) {
    Estate estate =
        new EstateFixture()
            .publicServer("billing-db", "20.61.10.5")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .subnet("vnet-1", "endpoints", "10.0.2.0/24")
            .endpoint("billing-db-pe", "billing-db", "vnet-1", "endpoints", "10.0.2.4", state)
            .linkZone(PRIVATELINK_ZONE, "vnet-1")
            .vm("app", "vnet-1", "apps", "10.0.0.4")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", BILLING);

    switch (state) {
      case APPROVED:
        assertConnected(c);
        assertStep(c, ReasonCode.ENDPOINT_APPROVED);
        break;
      case PENDING:
        assertBlocked(c, ReasonCode.ENDPOINT_NOT_APPROVED);
        assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_PENDING);
        break;
      case REJECTED:
        assertBlocked(c, ReasonCode.ENDPOINT_NOT_APPROVED);
        assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_REJECTED);
        break;
      case DISCONNECTED:
        assertBlocked(c, ReasonCode.ENDPOINT_NOT_APPROVED);
        assertFinding(estate, PREVIEW_2021, FindingCode.PRIVATE_ENDPOINT_DISCONNECTED);
        break;
      default:
        // Not known (a template before deployment): traffic may or may not flow.
        assertEquals(dev.pgreach.core.Disposition.INDETERMINATE, c.disposition(), c::explanation);
        assertStep(c, ReasonCode.ENDPOINT_STATE_UNKNOWN);
        break;
    }
  }
}
