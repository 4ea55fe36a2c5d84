package dev.pgreach.privatelink;

import static dev.pgreach.privatelink.EstateFixture.NORTH_EUROPE;
import static dev.pgreach.privatelink.EstateFixture.NOW;
import static dev.pgreach.privatelink.EstateFixture.POSTGRES_PORT;
import static dev.pgreach.privatelink.EstateFixture.WEST_EUROPE;
import static dev.pgreach.privatelink.EstateFixture.assertBlocked;
import static dev.pgreach.privatelink.EstateFixture.assertConnected;
import static dev.pgreach.privatelink.EstateFixture.assertFinding;
import static dev.pgreach.privatelink.EstateFixture.assertIndeterminate;
import static dev.pgreach.privatelink.EstateFixture.assertNoFinding;
import static dev.pgreach.privatelink.EstateFixture.assertNoStep;
import static dev.pgreach.privatelink.EstateFixture.assertStep;
import static dev.pgreach.privatelink.EstateFixture.connect;
import static dev.pgreach.privatelink.EstateFixture.denyInbound;
import static dev.pgreach.privatelink.EstateFixture.denyOutbound;
import static dev.pgreach.privatelink.EstateFixture.fqdn;
import static dev.pgreach.privatelink.EstateFixture.frontDoor;
import static dev.pgreach.privatelink.EstateFixture.ip;
import static dev.pgreach.privatelink.EstateFixture.resolve;
import static dev.pgreach.privatelink.EstateFixture.serverId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.RouteStep;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.dns.Resolution;
import dev.pgreach.dns.ResolutionDisposition;
import dev.pgreach.dns.Resolver;
import dev.pgreach.firewall.FirewallRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One example per statement of seed document A, "Networking overview – Azure Database for
 * PostgreSQL – Flexible Server" (2021), asked of whole estates: {@link Connectivity#connect},
 * {@link Connectivity#resolve}, {@link Connectivity#expose}, {@link EstateValidation#validate} and,
 * for what may not change after creation, {@link Comparison#of}.
 *
 * <p>Every statement belongs to the {@code preview2021} profile. Where today's documentation
 * changed the behaviour (peering across regions, encrypted-only connections, TLS 1.3), a
 * companion assertion shows the {@code current} answer.
 *
 * <p>Statements of the seed that have no test here, and why:
 *
 * <ul>
 *   <li>The introduction, section headings, image captions, "Learn how to create …" and "Next
 *       steps" links: they state no behaviour.
 *   <li>"Azure virtual networks provide private and secure network communication", "An Azure
 *       Virtual Network (VNet) contains a private IP address space that is configured for your
 *       use", "Subnets enable you to segment your virtual network into smaller address spaces.
 *       Azure resources are deployed into specific subnets", "TLS is an industry standard protocol
 *       … an updated protocol of SSL": definitions, whose consequences are tested where the seed
 *       states them as rules.
 *   <li>"Both options control access at the server-level, not at the database- or table-level.
 *       You would use PostgreSQL's roles …": databases, tables and roles are not modelled.
 *   <li>"By default, a new private DNS zone is auto-provisioned per server": provisioning is done
 *       by the portal or CLI; pgreach is given the resulting zones. The other half of the
 *       sentence (your own zone) is tested.
 *   <li>"If a user does not have permissions … or the password used is incorrect, the connection
 *       … is denied" and "make sure your login and user permissions limit access to only
 *       authorized users": credentials are not modelled; what pgreach says instead (a connected
 *       answer ends with the note that authentication still applies) is tested.
 *   <li>The portal option's label "Allow public access from Azure services and resources within
 *       Azure": UI text; the firewall rule it creates (0.0.0.0) is tested.
 * </ul>
 */
class SeedNetworkingOverviewTest {
  private static final ServiceProfile PREVIEW_2021 = ServiceProfile.preview2021();
  private static final ServiceProfile CURRENT = ServiceProfile.current();

  private static final String ORDERS = fqdn("orders-db");
  private static final String WEB = fqdn("web-db");

  /**
   * The seed's diagram: VNet-1 (10.0.0.0/16) with the server {@code orders-db} injected into the
   * delegated subnet 10.0.1.0/24 and an application in subnet 10.0.0.0/24; the server's private
   * zone is linked to VNet-1.
   */
  private static EstateFixture vnet1() {
    return new EstateFixture()
        .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
        .subnet("vnet-1", "apps", "10.0.0.0/24")
        .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
        .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4")
        .vm("app", "vnet-1", "apps", "10.0.0.4");
  }

  /** The seed's diagram plus VNet-2 (10.1.0.0/16) in a region, with an application of its own. */
  private static EstateFixture vnet1AndVnet2(String vnet2Region) {
    return vnet1()
        .vnet("vnet-2", vnet2Region, "10.1.0.0/16")
        .subnet("vnet-2", "apps", "10.1.0.0/24")
        .vm("app-2", "vnet-2", "apps", "10.1.0.4");
  }

  /**
   * A public-access server {@code web-db} at 20.61.10.5 whose firewall admits the office range
   * 203.0.113.0–203.0.113.255; an office PC inside that range and a stranger outside it.
   */
  private static EstateFixture webDb() {
    return new EstateFixture()
        .publicServer("web-db", "20.61.10.5")
        .firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
        .internetHost("office-pc", "203.0.113.10")
        .internetHost("stranger", "198.51.100.23");
  }

  // =================================================================== choosing a networking option

  /**
   * "You have two networking options … private access (VNet integration) and public access
   * (allowed IP addresses). At server creation, you must pick one option."
   */
  @Test
  void seedA_networkingOptions_eachServerHasExactlyOneOfTheTwoModes() {
    Estate estate =
        vnet1().publicServer("web-db", "20.61.10.5").firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
            .internetHost("office-pc", "203.0.113.10").build();

    assertEquals(NetworkingMode.PRIVATE_ACCESS, estate.server(serverId("orders-db")).networkingMode());
    assertEquals(NetworkingMode.PUBLIC_ACCESS, estate.server(serverId("web-db")).networkingMode());
    Connection toPrivate = connect(estate, PREVIEW_2021, "app", ORDERS);
    assertConnected(toPrivate);
    assertEquals(FrontDoorKind.SERVER_PRIVATE_ADDRESS, frontDoor(toPrivate).orElseThrow().kind());
    Connection toPublic = connect(estate, PREVIEW_2021, "office-pc", WEB);
    assertConnected(toPublic);
    assertEquals(FrontDoorKind.PUBLIC_ENDPOINT, frontDoor(toPublic).orElseThrow().kind());
  }

  /**
   * "Your networking option cannot be changed after the server is created." Under {@code
   * preview2021} in both directions. Today ({@code current}) Azure documents one exception, a
   * preview migration of a VNet-integrated server to the private-endpoint-capable public access
   * mode: that direction is a migration, not a forbidden change; the reverse stays forbidden.
   * Switching public network access on and off is not a change of mode.
   */
  @Test
  void seedA_networkingOption_cannotBeChangedAfterCreation() {
    Estate createdPrivate = vnet1().build();
    Estate madePublic =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .publicServer("orders-db", "20.61.10.7")
            .vm("app", "vnet-1", "apps", "10.0.0.4")
            .build();

    assertEquals(List.of(FindingCode.NETWORKING_MODE_CHANGED), forbiddenChanges(createdPrivate, madePublic, PREVIEW_2021));
    assertEquals(List.of(), forbiddenChanges(createdPrivate, madePublic, CURRENT));
    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertEquals(List.of(FindingCode.NETWORKING_MODE_CHANGED), forbiddenChanges(madePublic, createdPrivate, profile));
    }
    Estate publicDisabled =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .publicServer("orders-db", "20.61.10.7", b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED))
            .vm("app", "vnet-1", "apps", "10.0.0.4")
            .build();
    assertEquals(List.of(), forbiddenChanges(madePublic, publicDisabled, CURRENT));
  }

  /**
   * "After the flexible server is deployed to a virtual network and subnet, you cannot move it to
   * another virtual network or subnet. You cannot move the virtual network into another resource
   * group or subscription." — each of these changes the server's delegated subnet.
   */
  @Test
  void seedA_unsupportedScenario_vnetServerCannotMoveToAnotherSubnetOrVnet() {
    Estate before = serverIn(EstateFixture.SUBSCRIPTION, "pg", "10.0.1.4");
    Estate otherSubnet = serverIn(EstateFixture.SUBSCRIPTION, "pg-2", "10.0.3.4");
    Estate otherSubscription = serverIn(EstateFixture.OTHER_SUBSCRIPTION, "pg", "10.0.1.4");

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertEquals(List.of(FindingCode.SERVER_MOVED), forbiddenChanges(before, otherSubnet, profile));
      assertEquals(List.of(FindingCode.SERVER_MOVED), forbiddenChanges(before, otherSubscription, profile));
      assertEquals(List.of(), forbiddenChanges(before, before, profile));
    }
  }

  /** vnet-1 in a subscription with two delegated subnets, pg and pg-2, and orders-db in one of them. */
  private static Estate serverIn(String subscription, String subnet, String address) {
    return new EstateFixture()
        .vnetIn(subscription, "vnet-1", WEST_EUROPE, "10.0.0.0/16")
        .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
        .delegatedSubnet("vnet-1", "pg-2", "10.0.3.0/24")
        .vnetServer("orders-db", "vnet-1", subnet, address)
        .build();
  }

  /**
   * "Subnet size (address spaces) cannot be increased once resources exist in the subnet": the
   * server's delegated subnet cannot grow; an empty subnet can.
   */
  @Test
  void seedA_unsupportedScenario_subnetWithResourcesCannotGrow() {
    Estate before = subnetsSized("10.0.2.0/24", "10.0.8.0/25");
    Estate serverSubnetGrown = subnetsSized("10.0.2.0/23", "10.0.8.0/25");
    Estate emptySubnetGrown = subnetsSized("10.0.2.0/24", "10.0.8.0/24");

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertEquals(List.of(FindingCode.SUBNET_RESIZED_WITH_RESOURCES), forbiddenChanges(before, serverSubnetGrown, profile));
      assertEquals(List.of(), forbiddenChanges(before, emptySubnetGrown, profile));
    }
  }

  /** orders-db in delegated subnet pg of the given size, beside an empty subnet spare. */
  private static Estate subnetsSized(String pg, String spare) {
    return new EstateFixture()
        .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
        .delegatedSubnet("vnet-1", "pg", pg)
        .subnet("vnet-1", "spare", spare)
        .vnetServer("orders-db", "vnet-1", "pg", "10.0.2.4")
        .build();
  }

  /**
   * "Private access (VNet integration) – You can deploy your flexible server into your Azure
   * Virtual Network … Resources in a virtual network can communicate through private IP
   * addresses."
   */
  @Test
  void seedA_privateAccess_resourcesInVnetCommunicateThroughPrivateAddresses() {
    Estate estate = vnet1().build();

    Resolution r = resolve(estate, PREVIEW_2021, "app", ORDERS);
    assertEquals(ResolutionDisposition.ADDRESS, r.disposition(), r::explanation);
    assertEquals(Optional.of(ip("10.0.1.4")), r.address());
    Connection c = connect(estate, PREVIEW_2021, "app", ORDERS);
    assertConnected(c);
    assertEquals(ip("10.0.1.4"), frontDoor(c).orElseThrow().address());
    assertNoStep(c, ReasonCode.INTERNET_EGRESS);
  }

  /**
   * "Connect from Azure resources in the same virtual network to your flexible server using
   * private IP addresses": the server sees the client's private address.
   */
  @Test
  void seedA_privateAccess_sameVnetResourcesConnectWithTheirPrivateAddresses() {
    Estate estate = vnet1().build();

    Connection c = connect(estate, PREVIEW_2021, "app", ORDERS);

    assertConnected(c);
    assertEquals(Optional.of(ip("10.0.0.4")), c.path().orElseThrow().arrival().orElseThrow().sourceAddress(), c::explanation);
  }

  /**
   * "Use VPN or ExpressRoute to connect from non-Azure resources to your flexible server": an
   * on-premises host whose DNS forwards the server's domain to a forwarder in the VNet.
   */
  @ParameterizedTest
  @EnumSource(value = GatewayConnection.ConnectionType.class, names = {"IPSEC", "EXPRESS_ROUTE"})
  void seedA_privateAccess_vpnOrExpressRouteConnectsNonAzureResources(GatewayConnection.ConnectionType type) {
    Estate estate =
        vnet1()
            .subnet("vnet-1", "shared", "10.0.2.0/24")
            .dnsForwarder("dns-forwarder", "vnet-1", "shared", "10.0.2.4", Resolver.AZURE_PROVIDED_DNS.toString())
            .onPremises("headquarters", "192.168.0.0/16", "vnet-1", type, "192.168.0.53")
            .onPremisesDns("headquarters", "192.168.0.53", "10.0.2.4")
            .onPremisesHost("hq-laptop", "headquarters", "192.168.10.20", null)
            .build();

    Connection c = connect(estate, PREVIEW_2021, "hq-laptop", ORDERS);

    assertConnected(c);
    assertStep(c, ReasonCode.GATEWAY_CROSSED);
    assertEquals(FrontDoorKind.SERVER_PRIVATE_ADDRESS, frontDoor(c).orElseThrow().kind());
  }

  /** "The flexible server has no public endpoint" (private access). */
  @Test
  void seedA_privateAccess_serverHasNoPublicEndpoint() {
    Estate estate = vnet1().internetHost("home", "198.51.100.23").build();

    Resolution fromInternet = resolve(estate, PREVIEW_2021, "home", ORDERS);
    assertEquals(ResolutionDisposition.NXDOMAIN, fromInternet.disposition(), fromInternet::explanation);
    assertBlocked(connect(estate, PREVIEW_2021, "home", ORDERS), ReasonCode.DNS_NXDOMAIN);
    Connection byAddress = connect(estate, PREVIEW_2021, "home", "10.0.1.4");
    assertBlocked(byAddress, ReasonCode.NO_ROUTE);
    assertTrue(byAddress.server().isEmpty(), byAddress::explanation);
  }

  /**
   * "Public access (allowed IP addresses) – Your flexible server is accessed through a public
   * endpoint. The public endpoint is a publicly resolvable DNS address."
   */
  @Test
  void seedA_publicAccess_publicEndpointIsPubliclyResolvableDnsAddress() {
    Estate estate = webDb().build();

    Resolution r = resolve(estate, PREVIEW_2021, "stranger", WEB);

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition(), r::explanation);
    assertEquals(Optional.of(ip("20.61.10.5")), r.address());
    assertTrue(r.steps().stream().anyMatch(s -> s.code() == ReasonCode.DNS_PUBLIC_ANSWERED), r::explanation);
  }

  /**
   * "The phrase 'allowed IP addresses' refers to a range of IPs you choose to give permission to
   * access your server. These permissions are called firewall rules." Both ends of the range are
   * allowed; the addresses next to it are not.
   */
  @Test
  void seedA_publicAccess_allowedIpAddressesAreFirewallRuleRanges() {
    Estate estate =
        webDb()
            .internetHost("first", "203.0.113.0")
            .internetHost("last", "203.0.113.255")
            .internetHost("before", "203.0.112.255")
            .internetHost("after", "203.0.114.0")
            .build();

    for (String inside : List.of("first", "last", "office-pc")) {
      Connection c = connect(estate, PREVIEW_2021, inside, WEB);
      assertConnected(c);
      assertStep(c, ReasonCode.FIREWALL_RULE_MATCHED);
    }
    for (String outside : List.of("before", "after")) {
      assertBlocked(connect(estate, PREVIEW_2021, outside, WEB), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    }
    Exposure exposure = Connectivity.of(estate, PREVIEW_2021).expose(serverId("web-db"), POSTGRES_PORT, NOW);
    assertEquals(AddressSet.parse("203.0.113.0/24"), exposure.publicSources());
  }

  /** "Connect from Azure resources that do not support virtual networks" (public access). */
  @Test
  void seedA_publicAccess_azureResourcesWithoutVnetSupportConnect() {
    Estate estate =
        webDb()
            .firewallRule("web-db", "functions-app", "20.103.45.9", "20.103.45.9")
            .azureService("functions-app", "20.103.45.9", "contoso.onmicrosoft.com")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "functions-app", WEB);

    assertConnected(c);
    assertStep(c, ReasonCode.FIREWALL_RULE_MATCHED);
  }

  /**
   * "Connect from resources outside of an Azure that are not connected by VPN or ExpressRoute"
   * (public access): an internet host, over no gateway.
   */
  @Test
  void seedA_publicAccess_resourcesOutsideAzureWithoutVpnConnect() {
    Estate estate = webDb().build();

    Connection c = connect(estate, PREVIEW_2021, "office-pc", WEB);

    assertConnected(c);
    assertNoStep(c, ReasonCode.GATEWAY_CROSSED);
  }

  /** "The flexible server has a public endpoint" (public access), at its public address. */
  @Test
  void seedA_publicAccess_serverHasPublicEndpoint() {
    Estate estate = webDb().build();

    Connection c = connect(estate, PREVIEW_2021, "office-pc", WEB);

    assertConnected(c);
    ConnectStep.FrontDoor door = frontDoor(c).orElseThrow();
    assertEquals(FrontDoorKind.PUBLIC_ENDPOINT, door.kind());
    assertEquals(ip("20.61.10.5"), door.address());
    assertEquals(Optional.of(serverId("web-db")), door.server());
  }

  /**
   * "Connections from allowed IP addresses need to authenticate to the PostgreSQL server with
   * valid credentials" — whichever option: a connected answer says so.
   */
  @Test
  void seedA_bothOptions_connectionsStillNeedValidCredentials() {
    Estate estate = vnet1().publicServer("web-db", "20.61.10.5").firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
        .internetHost("office-pc", "203.0.113.10").build();

    for (Connection c : List.of(connect(estate, PREVIEW_2021, "app", ORDERS), connect(estate, PREVIEW_2021, "office-pc", WEB))) {
      assertConnected(c);
      Step last = c.steps().get(c.steps().size() - 1);
      assertEquals(ReasonCode.AUTHENTICATION_REQUIRED, last.code());
      assertTrue(last.reason().contains("credentials"), last::reason);
    }
  }

  /** "Connection encryption is available for your network traffic" — whichever option. */
  @Test
  void seedA_bothOptions_connectionEncryptionIsAvailable() {
    Estate estate = vnet1().publicServer("web-db", "20.61.10.5").firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
        .internetHost("office-pc", "203.0.113.10").build();

    for (Connection c : List.of(connect(estate, PREVIEW_2021, "app", ORDERS), connect(estate, PREVIEW_2021, "office-pc", WEB))) {
      assertConnected(c);
      ConnectStep.Tls tls = tlsStep(c);
      assertEquals(ReasonCode.TLS_ACCEPTED, tls.code());
      assertEquals(Optional.of(TlsVersion.TLS_1_2), tls.negotiated());
    }
  }

  /**
   * "The server has a fully qualified domain name (fqdn). For the hostname property in connection
   * strings, we recommend using the fqdn instead of an IP address." — whichever option, an answer
   * by address carries the warning, one by FQDN does not.
   */
  @Test
  void seedA_bothOptions_fqdnRecommendedInsteadOfAddress() {
    Estate estate = vnet1().publicServer("web-db", "20.61.10.5").firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
        .internetHost("office-pc", "203.0.113.10").build();

    assertEquals("orders-db.postgres.database.azure.com", estate.server(serverId("orders-db")).fullyQualifiedDomainName());
    assertNoStep(connect(estate, PREVIEW_2021, "app", ORDERS), ReasonCode.ADDRESS_NOT_STATIC);
    assertNoStep(connect(estate, PREVIEW_2021, "office-pc", WEB), ReasonCode.ADDRESS_NOT_STATIC);
    Connection privateByAddress = connect(estate, PREVIEW_2021, "app", "10.0.1.4");
    assertConnected(privateByAddress);
    assertStep(privateByAddress, ReasonCode.ADDRESS_NOT_STATIC);
    Connection publicByAddress = connect(estate, PREVIEW_2021, "office-pc", "20.61.10.5");
    assertConnected(publicByAddress);
    assertStep(publicByAddress, ReasonCode.ADDRESS_NOT_STATIC);
  }

  // =================================================================== private access (VNet integration)

  /**
   * "Flexible servers are injected into a delegated subnet - 10.0.1.0/24 of VNET VNet-1" and "You
   * delegate a subnet by assigning its delegation property as
   * Microsoft.DBforPostgreSQL/flexibleServers." A server in a subnet without the delegation is a
   * finding.
   */
  @Test
  void seedA_vnetDiagram_serverInjectedIntoDelegatedSubnet() {
    assertEquals("Microsoft.DBforPostgreSQL/flexibleServers", Subnet.FLEXIBLE_SERVER_DELEGATION);
    Estate delegated = vnet1().build();
    assertNoFinding(delegated, PREVIEW_2021, FindingCode.SERVER_SUBNET_NOT_DELEGATED);
    assertNoFinding(delegated, PREVIEW_2021, FindingCode.SERVER_SUBNET_DELEGATED_ELSEWHERE);

    Estate notDelegated =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4")
            .build();
    assertFinding(notDelegated, PREVIEW_2021, FindingCode.SERVER_SUBNET_NOT_DELEGATED);
  }

  /**
   * "Applications that are deployed on different subnets within the same vnet can access the
   * Flexible servers directly."
   */
  @Test
  void seedA_vnetDiagram_appsInOtherSubnetsOfSameVnetConnectDirectly() {
    Estate estate = vnet1().build();

    Connection c = connect(estate, PREVIEW_2021, "app", ORDERS);

    assertConnected(c);
    assertEquals(List.of(NextHopType.VNET_LOCAL), chosenNextHops(c), c::explanation);
    assertNoStep(c, ReasonCode.PEERING_CROSSED);
    assertNoStep(c, ReasonCode.GATEWAY_CROSSED);
  }

  /**
   * "Applications that are deployed on a different VNET VNet-2 do not have direct access to
   * flexible servers": neither by name nor by address.
   */
  @Test
  void seedA_vnetDiagram_appsInAnotherVnetHaveNoDirectAccess() {
    Estate estate = vnet1AndVnet2(WEST_EUROPE).build();

    assertBlocked(connect(estate, PREVIEW_2021, "app-2", ORDERS), ReasonCode.DNS_NXDOMAIN);
    Connection byAddress = connect(estate, PREVIEW_2021, "app-2", "10.0.1.4");
    assertBlocked(byAddress, ReasonCode.NO_ROUTE);
    assertNoStep(byAddress, ReasonCode.PEERING_CROSSED);
  }

  /**
   * "You have to perform private DNS zone VNET peering before they can access the flexible
   * server": with VNet-2 peered and linked to the server's zone, its application connects.
   */
  @Test
  void seedA_vnetDiagram_appsInAnotherVnetConnectAfterPeeringAndZoneLink() {
    Estate estate = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();

    Connection c = connect(estate, PREVIEW_2021, "app-2", ORDERS);

    assertConnected(c);
    assertStep(c, ReasonCode.PEERING_CROSSED);
  }

  /** "Your virtual network must be in the same Azure region as your flexible server." */
  @Test
  void seedA_virtualNetwork_mustBeInServersRegion() {
    Estate sameRegion = vnet1().build();
    Estate otherRegion =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .linkZone("orders-db.private.postgres.database.azure.com", "vnet-1")
            .vnetServerInRegion("orders-db", NORTH_EUROPE, "vnet-1", "pg", "10.0.1.4", "orders-db.private.postgres.database.azure.com", b -> b)
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertNoFinding(sameRegion, profile, FindingCode.SERVER_REGION_MISMATCH);
      assertFinding(otherRegion, profile, FindingCode.SERVER_REGION_MISMATCH);
    }
  }

  /**
   * "Your PostgreSQL flexible server must be in a subnet that is delegated for PostgreSQL flexible
   * server use only": a subnet delegated to another service cannot hold it.
   */
  @Test
  void seedA_delegatedSubnet_subnetDelegatedToAnotherServiceIsRejected() {
    Estate estate =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnetDelegatedTo("vnet-1", "pg", "10.0.1.0/24", "Microsoft.Web/serverFarms")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4")
            .build();

    assertFinding(estate, PREVIEW_2021, FindingCode.SERVER_SUBNET_DELEGATED_ELSEWHERE);
  }

  /**
   * "This delegation means that only Azure Database for PostgreSQL Flexible Servers can use that
   * subnet. No other Azure resource types can be in the delegated subnet." — neither a VM nor a
   * private endpoint.
   */
  @Test
  void seedA_delegatedSubnet_noOtherResourceTypesInIt() {
    Estate clean = vnet1().build();
    assertNoFinding(clean, PREVIEW_2021, FindingCode.SERVER_SUBNET_SHARED);

    Estate withVm = vnet1().vm("intruder", "vnet-1", "pg", "10.0.1.10").build();
    assertFinding(withVm, PREVIEW_2021, FindingCode.SERVER_SUBNET_SHARED);

    Estate withEndpoint =
        vnet1().publicServer("web-db", null).endpoint("web-db-pe", "web-db", "vnet-1", "pg", "10.0.1.20").build();
    assertFinding(withEndpoint, PREVIEW_2021, FindingCode.SERVER_SUBNET_SHARED);
  }

  /**
   * "Security rules in network security groups enable you to filter the type of network traffic
   * that can flow in and out of virtual network subnets and network interfaces": a rule on the
   * server's subnet (in), on the application's subnet (out) or on the application's network
   * interface (out) stops PostgreSQL traffic; a rule for another port does not.
   */
  @Test
  void seedA_networkSecurityGroups_filterTrafficInAndOutOfSubnets() {
    Estate inbound =
        vnet1().nsg("pg-nsg", denyInbound("deny-apps", 100, "10.0.0.0/24", 5432)).subnetNsg("vnet-1", "pg", "pg-nsg").build();
    assertBlocked(connect(inbound, PREVIEW_2021, "app", ORDERS), ReasonCode.NSG_RULE_DENIED);

    Estate outbound =
        vnet1().nsg("apps-nsg", denyOutbound("deny-pg", 100, "10.0.1.0/24", 5432)).subnetNsg("vnet-1", "apps", "apps-nsg").build();
    assertBlocked(connect(outbound, PREVIEW_2021, "app", ORDERS), ReasonCode.NSG_RULE_DENIED);

    Estate nic =
        vnet1().nsg("app-nic-nsg", denyOutbound("deny-pg", 100, "10.0.1.0/24", 5432)).vmNsg("app", "app-nic-nsg").build();
    assertBlocked(connect(nic, PREVIEW_2021, "app", ORDERS), ReasonCode.NSG_RULE_DENIED);

    Estate otherPort =
        vnet1().nsg("pg-nsg", denyInbound("deny-ssh", 100, "10.0.0.0/24", 22)).subnetNsg("vnet-1", "pg", "pg-nsg").build();
    assertConnected(connect(otherPort, PREVIEW_2021, "app", ORDERS));
  }

  /**
   * "Azure private DNS zone integration allows you to resolve the private DNS within the current
   * VNET or any in-region peered VNET where the private DNS Zone is linked."
   */
  @Test
  void seedA_privateDnsZone_resolvesInCurrentVnetAndInRegionPeeredVnetWhereLinked() {
    Estate linked = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();
    Estate notLinked = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").build();

    Resolution current = resolve(linked, PREVIEW_2021, "app", ORDERS);
    assertEquals(Optional.of(ip("10.0.1.4")), current.address(), current::explanation);
    assertTrue(current.steps().stream().anyMatch(s -> s.code() == ReasonCode.DNS_PRIVATE_ZONE_ANSWERED), current::explanation);
    Resolution peered = resolve(linked, PREVIEW_2021, "app-2", ORDERS);
    assertEquals(Optional.of(ip("10.0.1.4")), peered.address(), peered::explanation);
    Resolution unlinked = resolve(notLinked, PREVIEW_2021, "app-2", ORDERS);
    assertEquals(ResolutionDisposition.NXDOMAIN, unlinked.disposition(), unlinked::explanation);
  }

  /**
   * "… resolve the private DNS within … any in-region peered VNET": the zone link itself works
   * across regions, but under {@code preview2021} the cross-region peered VNet's clients cannot
   * use the answer; under {@code current} they can.
   */
  @Test
  void seedA_privateDnsZone_crossRegionPeeredVnet_resolvesButConnectsOnlyUnderCurrent() {
    Estate estate = vnet1AndVnet2(NORTH_EUROPE).peer("vnet-1", "vnet-2").linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();

    assertEquals(Optional.of(ip("10.0.1.4")), resolve(estate, PREVIEW_2021, "app-2", ORDERS).address());
    assertBlocked(connect(estate, PREVIEW_2021, "app-2", ORDERS), ReasonCode.GLOBAL_PEERING_UNSUPPORTED);
    assertConnected(connect(estate, CURRENT, "app-2", ORDERS));
  }

  /**
   * "If you are using the custom DNS server then you must use a DNS forwarder to resolve the FQDN
   * … The forwarder IP address should be 168.63.129.16 and the custom DNS server should be inside
   * the VNet."
   */
  @Test
  void seedA_customDns_forwarderInsideVnetTo168_63_129_16_resolvesServer() {
    Estate estate =
        vnet1()
            .subnet("vnet-1", "shared", "10.0.2.0/24")
            .dnsForwarder("dns-forwarder", "vnet-1", "shared", "10.0.2.4", "168.63.129.16")
            .customDnsServers("vnet-1", "10.0.2.4")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", ORDERS);

    assertConnected(c);
    assertStep(c, ReasonCode.DNS_FORWARDED);
    assertEquals(ip("10.0.1.4"), frontDoor(c).orElseThrow().address());
    assertNoFinding(estate, PREVIEW_2021, FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE);
  }

  /**
   * "The forwarder IP address should be 168.63.129.16": a custom DNS server forwarding to a
   * public resolver only sees public DNS, where the private server's name does not exist.
   */
  @Test
  void seedA_customDns_forwardingElsewhereThan168_63_129_16_cannotResolveServer() {
    Estate estate =
        vnet1()
            .subnet("vnet-1", "shared", "10.0.2.0/24")
            .dnsForwarder("dns-forwarder", "vnet-1", "shared", "10.0.2.4", "8.8.8.8")
            .customDnsServers("vnet-1", "10.0.2.4")
            .build();

    assertBlocked(connect(estate, PREVIEW_2021, "app", ORDERS), ReasonCode.DNS_NXDOMAIN);
    assertFinding(estate, PREVIEW_2021, FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE);
  }

  /**
   * "… and the custom DNS server should be inside the VNet": a DNS server outside Azure (on
   * premises, over VPN) that forwards to 168.63.129.16 is refused, because Azure DNS answers only
   * queries from inside a virtual network.
   */
  @Test
  void seedA_customDns_serverOutsideTheVnetIsRefusedBy168_63_129_16() {
    Estate estate =
        vnet1()
            .onPremises("headquarters", "192.168.0.0/16", "vnet-1", GatewayConnection.ConnectionType.IPSEC)
            .onPremisesDnsForwardingAll("headquarters", "192.168.0.53", "168.63.129.16")
            .customDnsServers("vnet-1", "192.168.0.53")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "app", ORDERS);

    assertBlocked(c, ReasonCode.DNS_RESOLVER_REFUSED);
    assertFinding(estate, PREVIEW_2021, FindingCode.CUSTOM_DNS_NOT_FORWARDING_TO_AZURE);
  }

  /**
   * "Private DNS zone settings and VNET peering are independent of each other": a zone link
   * without peering resolves but does not route; peering without a link routes but does not
   * resolve.
   */
  @Test
  void seedA_privateDnsZoneAndPeering_areIndependent() {
    Estate linkOnly = vnet1AndVnet2(WEST_EUROPE).linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();
    assertEquals(Optional.of(ip("10.0.1.4")), resolve(linkOnly, PREVIEW_2021, "app-2", ORDERS).address());
    Connection linkedNotPeered = connect(linkOnly, PREVIEW_2021, "app-2", ORDERS);
    assertBlocked(linkedNotPeered, ReasonCode.NO_ROUTE);
    assertEquals(Optional.of(ip("10.0.1.4")), linkedNotPeered.resolution().orElseThrow().address());

    Estate peeringOnly = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").build();
    assertBlocked(connect(peeringOnly, PREVIEW_2021, "app-2", ORDERS), ReasonCode.DNS_NXDOMAIN);
    assertConnected(connect(peeringOnly, PREVIEW_2021, "app-2", "10.0.1.4"));
  }

  /**
   * "If you want to connect to the flexible server from a client that is provisioned in another
   * VNET, you have to link the private DNS zone with the VNET."
   */
  @Test
  void seedA_privateDnsZone_clientInAnotherVnetNeedsTheZoneLinked() {
    Estate notLinked = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").build();
    assertBlocked(connect(notLinked, PREVIEW_2021, "app-2", ORDERS), ReasonCode.DNS_NXDOMAIN);
    assertFinding(notLinked, PREVIEW_2021, FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK);

    Estate linked = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();
    assertConnected(connect(linked, PREVIEW_2021, "app-2", ORDERS));
    assertNoFinding(linked, PREVIEW_2021, FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK);
  }

  /**
   * "However, if you want to setup your own private DNS zone to use with the flexible server …":
   * an own zone under postgres.database.azure.com serving this server is accepted. Under {@code
   * preview2021} one zone serves one server; under {@code current} a shared zone is fine. A zone
   * outside postgres.database.azure.com is refused under both.
   */
  @Test
  void seedA_privateDnsZone_ownZoneAllowed_oneServerPerZoneUnderPreview2021() {
    String own = "contoso.postgres.database.azure.com";
    Estate single =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4", own, b -> b)
            .vm("app", "vnet-1", "apps", "10.0.0.4")
            .build();
    assertConnected(connect(single, PREVIEW_2021, "app", ORDERS));
    assertNoFinding(single, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);
    assertNoFinding(single, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NAME_INVALID);

    Estate shared =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4", own, b -> b)
            .vnetServer("billing-db", "vnet-1", "pg", "10.0.1.5", own, b -> b)
            .build();
    assertFinding(shared, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);
    assertNoFinding(shared, CURRENT, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);

    Estate outside =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4", "db.contoso.internal", b -> b)
            .build();
    assertFinding(outside, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NAME_INVALID);
    assertFinding(outside, CURRENT, FindingCode.PRIVATE_DNS_ZONE_NAME_INVALID);
  }

  /**
   * "Private DNS zone names that end with private.postgres.database.azure.com can only be
   * linked": such a zone is the one Azure provisioned for its server — another network may link
   * it, but under {@code preview2021} another server may not use it.
   */
  @Test
  void seedA_privateDnsZone_privatePostgresZonesCanOnlyBeLinked() {
    Estate linkedElsewhere =
        vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").linkZone("orders-db.private.postgres.database.azure.com", "vnet-2").build();
    assertEquals(Optional.of(ip("10.0.1.4")), resolve(linkedElsewhere, PREVIEW_2021, "app-2", ORDERS).address());
    assertNoFinding(linkedElsewhere, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);

    Estate borrowed =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4", "billing-db.private.postgres.database.azure.com", b -> b)
            .build();
    assertFinding(borrowed, PREVIEW_2021, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);
    assertNoFinding(borrowed, CURRENT, FindingCode.PRIVATE_DNS_ZONE_NOT_PER_SERVER);
  }

  /**
   * "Public endpoint (or public IP or DNS) - A flexible server deployed to a virtual network cannot
   * have a public endpoint": not even with public network access Enabled, a public address and a
   * firewall rule — those are findings, and the internet still cannot connect.
   */
  @Test
  void seedA_unsupportedScenario_vnetServerCannotHavePublicEndpoint() {
    Estate estate =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
            .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4", b -> b.publicNetworkAccess(PublicNetworkAccess.ENABLED).publicAddress(ip("20.61.10.9")))
            .firewallRule("orders-db", "everyone", "0.0.0.0", "255.255.255.255")
            .internetHost("home", "198.51.100.23")
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertBlocked(connect(estate, profile, "home", ORDERS), ReasonCode.DNS_NXDOMAIN);
      Connection byAddress = connect(estate, profile, "home", "20.61.10.9");
      assertBlocked(byAddress, ReasonCode.FRONT_DOOR_NOTHING);
      // Under preview2021 the setting is ignored; Azure today refuses the create or update (400
      // ConflictingPublicNetworkAccessAndVirtualNetworkConfiguration).
      assertFinding(
          estate,
          profile,
          profile == CURRENT ? FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION : FindingCode.PUBLIC_NETWORK_ACCESS_IGNORED);
      assertFinding(estate, profile, FindingCode.FIREWALL_RULE_ON_PRIVATE_ACCESS_SERVER);
    }
  }

  /**
   * "Peering VNets across regions is not supported" ({@code preview2021}); today global peering
   * reaches VNet-integrated servers ({@code current}).
   */
  @Test
  void seedA_unsupportedScenario_peeringAcrossRegions_blockedUnderPreview2021_connectsUnderCurrent() {
    Estate estate = vnet1AndVnet2(NORTH_EUROPE).peer("vnet-1", "vnet-2").build();

    assertBlocked(connect(estate, PREVIEW_2021, "app-2", "10.0.1.4"), ReasonCode.GLOBAL_PEERING_UNSUPPORTED);
    Connection today = connect(estate, CURRENT, "app-2", "10.0.1.4");
    assertConnected(today);
    assertStep(today, ReasonCode.PEERING_CROSSED);
    Estate inRegion = vnet1AndVnet2(WEST_EUROPE).peer("vnet-1", "vnet-2").build();
    assertConnected(connect(inRegion, PREVIEW_2021, "app-2", "10.0.1.4"));
  }

  // =================================================================== public access (allowed IP addresses)

  /**
   * "Only the IP addresses you allow have permission to access your PostgreSQL flexible server. By
   * default no IP addresses are allowed."
   */
  @Test
  void seedA_publicAccess_byDefaultNoIpAddressIsAllowed() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5")
            .internetHost("home", "198.51.100.23")
            .azureService("functions-app", "20.103.45.9", "contoso.onmicrosoft.com")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .build();

    for (String client : List.of("home", "functions-app", "app")) {
      assertBlocked(connect(estate, PREVIEW_2021, client, WEB), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    }
    Exposure exposure = Connectivity.of(estate, PREVIEW_2021).expose(serverId("web-db"), POSTGRES_PORT, NOW);
    assertTrue(exposure.publicSources().isEmpty(), exposure::toString);
    assertFalse(exposure.azureServices());
    assertFinding(estate, PREVIEW_2021, FindingCode.SERVER_UNREACHABLE);
  }

  /** "You can add IP addresses during server creation or afterwards." */
  @Test
  void seedA_publicAccess_addressesCanBeAddedAfterCreation() {
    Estate before = new EstateFixture().publicServer("web-db", "20.61.10.5").internetHost("home", "198.51.100.23").build();
    Estate after =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5")
            .firewallRule(
                "web-db",
                FirewallRule.builder()
                    .name("home")
                    .startIpAddress(ip("198.51.100.23"))
                    .endIpAddress(ip("198.51.100.23"))
                    .changedAt(NOW.minus(Duration.ofHours(1)))
                    .build())
            .internetHost("home", "198.51.100.23")
            .build();

    assertBlocked(connect(before, PREVIEW_2021, "home", WEB), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertConnected(connect(after, PREVIEW_2021, "home", WEB));
  }

  /**
   * "Your PostgreSQL server has a publicly resolvable DNS name": it resolves to the public
   * address from the internet and from a virtual network alike.
   */
  @Test
  void seedA_publicAccess_serverHasPubliclyResolvableDnsName() {
    Estate estate =
        webDb().vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16").subnet("vnet-1", "apps", "10.0.0.0/24").vm("app", "vnet-1", "apps", "10.0.0.4").build();

    for (String client : List.of("stranger", "app")) {
      Resolution r = resolve(estate, PREVIEW_2021, client, WEB);
      assertEquals(ResolutionDisposition.ADDRESS, r.disposition(), r::explanation);
      assertEquals(Optional.of(ip("20.61.10.5")), r.address(), r::explanation);
    }
  }

  /**
   * "Your flexible server is not in one of your Azure virtual networks": a VM in a virtual network
   * gets no private way in; it goes out with its public address, which the firewall must allow.
   */
  @Test
  void seedA_publicAccess_serverIsNotInYourVirtualNetwork() {
    EstateFixture f = new EstateFixture()
        .publicServer("web-db", "20.61.10.5")
        .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
        .subnet("vnet-1", "apps", "10.0.0.0/24")
        .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10");
    Estate noRule = f.build();
    Connection c = connect(noRule, PREVIEW_2021, "app", WEB);
    assertBlocked(c, ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertEquals(FrontDoorKind.PUBLIC_ENDPOINT, frontDoor(c).orElseThrow().kind());

    Estate withRule = f.firewallRule("web-db", "app-egress", "20.61.200.10", "20.61.200.10").build();
    Connection allowed = connect(withRule, PREVIEW_2021, "app", WEB);
    assertConnected(allowed);
    assertEquals(Optional.of(ip("20.61.200.10")), allowed.path().orElseThrow().arrival().orElseThrow().sourceAddress());
  }

  /**
   * "Network traffic to and from your server does not go over a private network. The traffic uses
   * the general internet pathways." — even from an on-premises network that has a VPN into Azure.
   */
  @Test
  void seedA_publicAccess_trafficUsesGeneralInternetPathways() {
    Estate estate =
        webDb()
            .vnet("hub", WEST_EUROPE, "10.0.0.0/16")
            .subnet("hub", "GatewaySubnet", "10.0.255.0/27")
            .onPremises("headquarters", "192.168.0.0/16", "hub", GatewayConnection.ConnectionType.IPSEC)
            .onPremisesHost("hq-laptop", "headquarters", "192.168.10.20", "203.0.113.20")
            .build();

    Connection c = connect(estate, PREVIEW_2021, "hq-laptop", WEB);

    assertConnected(c);
    assertStep(c, ReasonCode.INTERNET_EGRESS);
    assertNoStep(c, ReasonCode.GATEWAY_CROSSED);
  }

  /**
   * "If a connection attempt comes from an IP address you have not allowed, the originating client
   * will see an error."
   */
  @Test
  void seedA_firewallRules_notAllowedAddressSeesError() {
    Estate estate = webDb().build();

    Connection c = connect(estate, PREVIEW_2021, "stranger", WEB);

    assertBlocked(c, ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertTrue(c.decidingStep().orElseThrow().reason().contains("198.51.100.23"), c::explanation);
  }

  /**
   * "If a fixed outgoing IP address isn't available for your Azure service, you can consider
   * enabling connections from all Azure datacenter IP addresses." and "… configures the firewall
   * to allow all connections from Azure, including connections from the subscriptions of other
   * customers."
   */
  @Test
  void seedA_allowAllAzureIps_admitsOtherCustomersAzureServicesButNotTheInternet() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5")
            .firewallRule("web-db", "AllowAllAzureServicesAndResourcesWithinAzureIps", "0.0.0.0", "0.0.0.0")
            .azureService("partner-function", "20.103.45.9", "fabrikam.onmicrosoft.com")
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .subnet("vnet-1", "apps", "10.0.0.0/24")
            .vm("app", "vnet-1", "apps", "10.0.0.4", "20.61.200.10")
            .internetHost("home", "198.51.100.23")
            .build();

    Connection otherCustomer = connect(estate, PREVIEW_2021, "partner-function", WEB);
    assertConnected(otherCustomer);
    assertStep(otherCustomer, ReasonCode.FIREWALL_AZURE_SERVICES_ALLOWED);
    assertConnected(connect(estate, PREVIEW_2021, "app", WEB));
    assertBlocked(connect(estate, PREVIEW_2021, "home", WEB), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    assertFinding(estate, PREVIEW_2021, FindingCode.FIREWALL_ALLOWS_AZURE_SERVICES);
  }

  /**
   * "There may be as much as a five-minute delay for changes to the Azure Database for PostgreSQL
   * Server firewall configuration to take effect." — for a rule added and for a rule deleted.
   */
  @Test
  void seedA_troubleshooting_firewallChangeMayTakeFiveMinutes() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5")
            .firewallRule(
                "web-db",
                FirewallRule.builder().name("ci-runner").startIpAddress(ip("198.51.100.77")).endIpAddress(ip("198.51.100.77")).changedAt(NOW).build())
            .internetHost("ci-runner", "198.51.100.77")
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      Connection soon = connect(estate, profile, "ci-runner", WEB, POSTGRES_PORT, NOW.plus(Duration.ofMinutes(2)));
      assertIndeterminate(soon, ReasonCode.FIREWALL_CHANGE_PROPAGATING);
      Connection almost = connect(estate, profile, "ci-runner", WEB, POSTGRES_PORT, NOW.plus(Duration.ofMinutes(5)).minusSeconds(1));
      assertIndeterminate(almost, ReasonCode.FIREWALL_CHANGE_PROPAGATING);
      assertConnected(connect(estate, profile, "ci-runner", WEB, POSTGRES_PORT, NOW.plus(Duration.ofMinutes(5))));
    }

    Estate deleted = webDb().firewallRuleDeleted("web-db", "office", NOW).build();
    assertIndeterminate(connect(deleted, PREVIEW_2021, "office-pc", WEB, POSTGRES_PORT, NOW.plus(Duration.ofMinutes(2))), ReasonCode.FIREWALL_CHANGE_PROPAGATING);
    assertBlocked(connect(deleted, PREVIEW_2021, "office-pc", WEB, POSTGRES_PORT, NOW.plus(Duration.ofMinutes(5))), ReasonCode.FIREWALL_NO_RULE_MATCHED);
  }

  /**
   * "Creating a firewall setting only provides clients with an opportunity to attempt connecting
   * to your server. Each client must still provide the necessary security credentials."
   */
  @Test
  void seedA_troubleshooting_firewallSettingOnlyGivesOpportunityToAttempt() {
    Estate estate = webDb().build();

    Connection c = connect(estate, PREVIEW_2021, "office-pc", WEB);

    assertConnected(c);
    Step note = c.steps().get(c.steps().size() - 1);
    assertEquals(ReasonCode.AUTHENTICATION_REQUIRED, note.code());
    assertEquals(serverId("web-db").toString(), note.subject());
  }

  /**
   * "Ask your Internet Service Provider (ISP) for the IP address range assigned to your client
   * computers … and then add the IP address range as a firewall rule" / "Get static IP addressing
   * instead … and then add the static IP address as a firewall rule."
   */
  @Test
  void seedA_troubleshooting_dynamicClientAddress_ispRangeOrStaticAddressRule() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5")
            .firewallRule("web-db", "isp-pool", "198.51.100.0", "198.51.100.127")
            .firewallRule("web-db", "static-home", "192.0.2.77", "192.0.2.77")
            .internetHost("today", "198.51.100.23")
            .internetHost("tomorrow", "198.51.100.101")
            .internetHost("outside-pool", "198.51.100.200")
            .internetHost("static", "192.0.2.77")
            .internetHost("static-neighbour", "192.0.2.78")
            .build();

    for (String allowed : List.of("today", "tomorrow", "static")) {
      assertConnected(connect(estate, PREVIEW_2021, allowed, WEB));
    }
    for (String blocked : List.of("outside-pool", "static-neighbour")) {
      assertBlocked(connect(estate, PREVIEW_2021, blocked, WEB), ReasonCode.FIREWALL_NO_RULE_MATCHED);
    }
  }

  /**
   * "The firewall rules must be in IPv4 format. If you specify firewall rules in IPv6 format, it
   * will show the validation error."
   */
  @Test
  void seedA_troubleshooting_ipv6FirewallRuleIsValidationError() {
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRule.of("v6-office", "2001:db8::1", "2001:db8::ff"));
    assertEquals(ErrorCode.ADDRESS_MUST_BE_IPV4, e.code());
  }

  // =================================================================== hostname

  /**
   * "We recommend you always use a fully qualified domain name (FQDN) as hostname … The server's
   * IP address is not guaranteed to remain static." — the seed's own examples: avoid {@code
   * hostname = 10.0.0.4} (a private address) or {@code hostname = 40.2.45.67} (a public address).
   */
  @Test
  void seedA_hostname_connectingByAddressWarnsAddressIsNotStatic() {
    Estate estate =
        new EstateFixture()
            .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
            .delegatedSubnet("vnet-1", "pg", "10.0.0.0/24")
            .subnet("vnet-1", "apps", "10.0.1.0/24")
            .vnetServer("servername", "vnet-1", "pg", "10.0.0.4")
            .vm("app", "vnet-1", "apps", "10.0.1.4")
            .publicServer("webname", "40.2.45.67")
            .firewallRule("webname", "office", "203.0.113.0", "203.0.113.255")
            .internetHost("office-pc", "203.0.113.10")
            .build();

    for (Connection byAddress : List.of(connect(estate, PREVIEW_2021, "app", "10.0.0.4"), connect(estate, PREVIEW_2021, "office-pc", "40.2.45.67"))) {
      assertConnected(byAddress);
      assertStep(byAddress, ReasonCode.ADDRESS_NOT_STATIC);
    }
    for (Connection byName : List.of(connect(estate, PREVIEW_2021, "app", fqdn("servername")), connect(estate, PREVIEW_2021, "office-pc", fqdn("webname")))) {
      assertConnected(byName);
      assertNoStep(byName, ReasonCode.ADDRESS_NOT_STATIC);
    }
  }

  /**
   * "Using the FQDN will help you avoid making changes to your connection string": when the
   * server's address changes, the FQDN still connects and the old address no longer does.
   */
  @Test
  void seedA_hostname_fqdnSurvivesAddressChange() {
    Estate before = webDb().build();
    Estate after =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.99")
            .firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
            .internetHost("office-pc", "203.0.113.10")
            .build();

    assertConnected(connect(before, PREVIEW_2021, "office-pc", "20.61.10.5"));
    assertConnected(connect(before, PREVIEW_2021, "office-pc", WEB));
    assertConnected(connect(after, PREVIEW_2021, "office-pc", WEB));
    Connection stale = connect(after, PREVIEW_2021, "office-pc", "20.61.10.5");
    assertBlocked(stale, ReasonCode.FRONT_DOOR_NOTHING);
  }

  // =================================================================== TLS and SSL

  /**
   * "Azure Database for PostgreSQL - Flexible Server supports connecting your client applications
   * to the PostgreSQL service using Transport Layer Security (TLS)": TLS 1.2 under {@code
   * preview2021}; today TLS 1.3 too.
   */
  @Test
  void seedA_tls_clientsConnectUsingTls_tls13OnlyUnderCurrent() {
    Estate estate =
        webDb()
            .internetHost("modern", "203.0.113.11", TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)
            .internetHost("tls13-only", "203.0.113.12", TlsVersion.TLS_1_3)
            .build();

    assertEquals(Optional.of(TlsVersion.TLS_1_2), tlsStep(connect(estate, PREVIEW_2021, "modern", WEB)).negotiated());
    assertEquals(Optional.of(TlsVersion.TLS_1_3), tlsStep(connect(estate, CURRENT, "modern", WEB)).negotiated());
    assertBlocked(connect(estate, PREVIEW_2021, "tls13-only", WEB), ReasonCode.TLS_REFUSED);
    assertConnected(connect(estate, CURRENT, "tls13-only", WEB));
  }

  /**
   * "Azure Database for PostgreSQL - Flexible Server only supports encrypted connections using
   * Transport Layer Security." Under {@code preview2021} a client without TLS is refused even with
   * require_secure_transport OFF (a finding); today OFF lets it in.
   */
  @Test
  void seedA_tls_onlyEncryptedConnections_underPreview2021() {
    Estate estate =
        new EstateFixture()
            .publicServer("web-db", "20.61.10.5", b -> b.requireSecureTransport(false))
            .firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
            .internetHostWithoutTls("plain", "203.0.113.13")
            .build();

    assertBlocked(connect(estate, PREVIEW_2021, "plain", WEB), ReasonCode.TLS_REQUIRED);
    assertFinding(estate, PREVIEW_2021, FindingCode.SECURE_TRANSPORT_NOT_OPTIONAL);
    Connection today = connect(estate, CURRENT, "plain", WEB);
    assertConnected(today);
    assertEquals(ReasonCode.TLS_NOT_USED, tlsStep(today).code());
    assertNoFinding(estate, CURRENT, FindingCode.SECURE_TRANSPORT_NOT_OPTIONAL);

    Estate secure = webDb().internetHostWithoutTls("plain", "203.0.113.13").build();
    assertBlocked(connect(secure, CURRENT, "plain", WEB), ReasonCode.TLS_REQUIRED);
  }

  /**
   * "All incoming connections with TLS 1.0 and TLS 1.1 will be denied." — under both profiles,
   * for both options, even where ssl_min_protocol_version names TLS 1.0 (a finding).
   */
  @Test
  void seedA_tls_tls10AndTls11AreDenied() {
    Estate estate =
        vnet1()
            .vm("legacy-vm", "vnet-1", "apps", "10.0.0.5", null, TlsVersion.TLS_1_0, TlsVersion.TLS_1_1)
            .publicServer("web-db", "20.61.10.5", b -> b.sslMinProtocolVersion(TlsVersion.TLS_1_0))
            .firewallRule("web-db", "office", "203.0.113.0", "203.0.113.255")
            .internetHost("legacy-batch", "203.0.113.40", TlsVersion.TLS_1_0, TlsVersion.TLS_1_1)
            .build();

    for (ServiceProfile profile : List.of(PREVIEW_2021, CURRENT)) {
      assertBlocked(connect(estate, profile, "legacy-vm", ORDERS), ReasonCode.TLS_REFUSED);
      assertBlocked(connect(estate, profile, "legacy-batch", WEB), ReasonCode.TLS_REFUSED);
      assertConnected(connect(estate, profile, "app", ORDERS));
      assertFinding(estate, profile, FindingCode.TLS_VERSION_UNSUPPORTED);
    }
  }

  /** The codes of what Azure forbids in going from one estate to the other. */
  private static List<FindingCode> forbiddenChanges(Estate before, Estate after, ServiceProfile profile) {
    return Comparison.of(before, after, profile, NOW).forbiddenChanges().stream().map(f -> f.code()).collect(Collectors.toList());
  }

  /** The next-hop types of the routes chosen along the path, in order. */
  private static List<NextHopType> chosenNextHops(Connection c) {
    return c.steps().stream()
        .filter(s -> s instanceof RouteStep.RouteChosen)
        .map(s -> ((RouteStep.RouteChosen) s).route().nextHopType())
        .collect(Collectors.toList());
  }

  private static ConnectStep.Tls tlsStep(Connection c) {
    return c.steps().stream()
        .filter(s -> s instanceof ConnectStep.Tls)
        .map(s -> (ConnectStep.Tls) s)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TLS step in\n" + c.explanation()));
  }
}
