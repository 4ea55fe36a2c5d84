package dev.pgreach.core;

import static dev.pgreach.core.TestNet.id;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.prefix;
import static dev.pgreach.core.TestNet.subnetId;
import static dev.pgreach.core.TestNet.vnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per value that can never be valid: the error code, and the field and value in the message. */
class ModelChecksTest {

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        row("server name too short", ErrorCode.INVALID_SERVER_NAME, "\"pg\"", () -> ServerName.parse("pg")),
        row("server name too long", ErrorCode.INVALID_SERVER_NAME, "64 characters", () -> ServerName.parse("a".repeat(64))),
        row("server name upper case", ErrorCode.INVALID_SERVER_NAME, "'O'", () -> ServerName.parse("Orders")),
        row("server name underscore", ErrorCode.INVALID_SERVER_NAME, "'_'", () -> ServerName.parse("orders_db")),
        row("server name leading hyphen", ErrorCode.INVALID_SERVER_NAME, "\"-orders\"", () -> ServerName.parse("-orders")),
        row("server name trailing hyphen", ErrorCode.INVALID_SERVER_NAME, "\"orders-\"", () -> ServerName.parse("orders-")),
        row("server id with invalid name", ErrorCode.INVALID_SERVER_NAME, "\"Orders_DB\"",
            () -> FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "Orders_DB")).region(Region.parse("westeurope")).build()),
        row("resource id without providers", ErrorCode.INVALID_RESOURCE_ID, "/subscriptions/s/resourceGroups/g/x",
            () -> ResourceId.parse("/subscriptions/s/resourceGroups/g/x")),
        row("resource id with blank segment", ErrorCode.INVALID_RESOURCE_ID, "position",
            () -> ResourceId.parse("/subscriptions/s/resourceGroups/ /providers/Microsoft.Network/virtualNetworks/v")),
        row("resource id of the wrong type for a subnet", ErrorCode.WRONG_RESOURCE_TYPE, "Subnet.id",
            () -> Subnet.builder().id(vnetId("v")).addressPrefix(prefix("10.0.0.0/24")).build()),
        row("region with punctuation", ErrorCode.INVALID_REGION, "\"west-europe\"", () -> Region.parse("west-europe")),
        row("region empty", ErrorCode.INVALID_REGION, "\"\"", () -> Region.parse("")),
        row("unknown TLS version", ErrorCode.INVALID_TLS_VERSION, "\"SSLv3\"", () -> TlsVersion.parse("SSLv3")),
        row("virtual network without address space", ErrorCode.INVALID_VALUE, "VirtualNetwork[v].addressSpace",
            () -> VirtualNetwork.builder().id(vnetId("v")).region(Region.parse("westeurope")).build()),
        row("subnet of another network", ErrorCode.INVALID_VALUE, subnetId("w", "s").toString(),
            () -> VirtualNetwork.builder().id(vnetId("v")).region(Region.parse("westeurope")).addAddressSpace(prefix("10.0.0.0/16"))
                .addSubnets(Subnet.builder().id(subnetId("w", "s")).addressPrefix(prefix("10.0.0.0/24")).build()).build()),
        row("two subnets with one name", ErrorCode.DUPLICATE_RESOURCE, "named S",
            () -> VirtualNetwork.builder().id(vnetId("v")).region(Region.parse("westeurope")).addAddressSpace(prefix("10.0.0.0/16"))
                .addSubnets(Subnet.builder().id(subnetId("v", "s")).addressPrefix(prefix("10.0.0.0/24")).build())
                .addSubnets(Subnet.builder().id(subnetId("v", "S")).addressPrefix(prefix("10.0.1.0/24")).build()).build()),
        row("blank delegation", ErrorCode.INVALID_VALUE, "Subnet[s].delegation",
            () -> Subnet.builder().id(subnetId("v", "s")).addressPrefix(prefix("10.0.0.0/24")).delegation(" ").build()),
        row("max TLS below min TLS", ErrorCode.INVALID_VALUE, "sslMaxProtocolVersion (TLSv1.2)",
            () -> FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope"))
                .sslMinProtocolVersion(TlsVersion.TLS_1_3).sslMaxProtocolVersion(TlsVersion.TLS_1_2).build()),
        row("private address on a public-access server", ErrorCode.INVALID_VALUE, "privateAddress (10.0.0.4)",
            () -> FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).privateAddress(ip("10.0.0.4")).build()),
        row("appliance route without address", ErrorCode.INVALID_ROUTE, "Route[r].nextHopIpAddress (none)",
            () -> Route.of("r", Ipv4Prefix.ALL, NextHopType.VIRTUAL_APPLIANCE)),
        row("internet route with an address", ErrorCode.INVALID_ROUTE, "Route[r].nextHopIpAddress (10.0.0.4)",
            () -> Route.builder().name("r").addressPrefix(Ipv4Prefix.ALL).nextHopType(NextHopType.INTERNET).nextHopIpAddress(ip("10.0.0.4")).build()),
        row("user route with VNetPeering", ErrorCode.INVALID_ROUTE, "Route[r].nextHopType",
            () -> Route.of("r", Ipv4Prefix.ALL, NextHopType.VNET_PEERING)),
        row("route table with two routes for one prefix", ErrorCode.INVALID_ROUTE, "10.0.0.0/8",
            () -> RouteTable.builder().id(id(RouteTable.RESOURCE_TYPE, "rt"))
                .addRoutes(Route.of("a", prefix("10.0.0.0/8"), NextHopType.NONE), Route.of("b", prefix("10.0.0.0/8"), NextHopType.INTERNET)).build()),
        row("connection to a gateway for an IPsec link", ErrorCode.WRONG_RESOURCE_TYPE, "GatewayConnection[c].remote",
            () -> GatewayConnection.builder().id(id(GatewayConnection.RESOURCE_TYPE, "c")).connectionType(GatewayConnection.ConnectionType.IPSEC)
                .virtualNetworkGateway(id(VirtualNetworkGateway.RESOURCE_TYPE, "g")).remote(id(VirtualNetworkGateway.RESOURCE_TYPE, "g2")).build()),
        row("network with two equal ids", ErrorCode.DUPLICATE_RESOURCE, vnetId("v").toString(),
            () -> new TestNet().vnet("v", "westeurope", "10.0.0.0/16").vnet("v2", "westeurope", "10.1.0.0/16").build().virtualNetworks()
                .stream().reduce(Network.builder(), (b, v) -> b.addVirtualNetworks(v, v), (x, y) -> x).build()),
        row("two gateways with one id", ErrorCode.DUPLICATE_RESOURCE, "VirtualNetworkGateway resources with id",
            () -> new TestNet().vnet("hub", "westeurope", "10.0.0.0/16").gateway("hub").gateway("hub").build()),
        row("interface in a missing subnet", ErrorCode.DANGLING_REFERENCE, subnetId("v", "gone").toString(),
            () -> new TestNet().vnet("v", "westeurope", "10.0.0.0/16").nic("vm", "v", "gone", "10.0.0.4", false).build()),
        row("server in a missing subnet", ErrorCode.DANGLING_REFERENCE, "delegatedSubnet",
            () -> new TestNet().vnet("v", "westeurope", "10.0.0.0/16").server("orders", "westeurope", b -> b.delegatedSubnet(subnetId("v", "gone"))).build()),
        row("subnet with a missing route table", ErrorCode.DANGLING_REFERENCE, "routeTable",
            () -> new TestNet().vnet("v", "westeurope", "10.0.0.0/16").subnet("v", "s", "10.0.0.0/24", s -> s.routeTable(id(RouteTable.RESOURCE_TYPE, "gone"))).build()),
        row("gateway in a missing network", ErrorCode.DANGLING_REFERENCE, "virtualNetwork",
            () -> new TestNet().gateway("gone").build()),
        row("client in a null subnet", ErrorCode.MISSING_ATTRIBUTE, "ClientLocation.InVirtualNetwork.subnet",
            () -> ClientLocation.InVirtualNetwork.of(null, ip("10.0.0.4"))),
        row("builder given null", ErrorCode.MISSING_ATTRIBUTE, "'region'",
            () -> VirtualNetwork.builder().region(null)),
        row("builder missing a required attribute", ErrorCode.MISSING_ATTRIBUTE, "[id]",
            () -> Subnet.builder().addressPrefix(prefix("10.0.0.0/24")).build()),
        row("unknown profile name", ErrorCode.INVALID_VALUE, "\"future\"", () -> ServiceProfile.named("future")),
        row("internet client with a private address", ErrorCode.INVALID_VALUE, "ClientLocation.Internet.address (10.1.2.3)",
            () -> new ClientLocation.Internet(ip("10.1.2.3"))),
        row("Azure-hosted client at 0.0.0.0", ErrorCode.INVALID_VALUE, "ClientLocation.AzureHosted.address (0.0.0.0)",
            () -> new ClientLocation.AzureHosted(ip("0.0.0.0"), "t")),
        row("outbound address that is private", ErrorCode.INVALID_VALUE, "outboundPublicAddress (192.168.1.1)",
            () -> new ClientLocation.InVirtualNetwork(subnetId("v", "s"), ip("10.0.0.4"), Optional.of(ip("192.168.1.1")), Optional.empty())),
        row("propagation delay longer than a day", ErrorCode.INVALID_VALUE, "firewallPropagationDelay (PT48H)",
            () -> ServiceProfile.builder().name("x").globalPeeringToVnetIntegratedServers(true).publicNetworkAccessConfigurable(true)
                .requireSecureTransportConfigurable(true).privateEndpointsRequireSingleInstance(false).privateEndpointsForbidReplicas(false)
                .privateEndpointsForbidPointInTimeRestore(false).privateEndpointsForbidPublicAccess(false).privateEndpointsBlockNameReuse(false)
                .privateEndpointsAcrossRegions(true).privateDnsZonePerServer(false).nxDomainRedirectSupported(true).storageOutboundRequired(true)
                .firewallPropagationDelay(java.time.Duration.ofHours(48)).build()),
        row("client with a blank name", ErrorCode.INVALID_VALUE, "Client.name",
            () -> Client.builder().name(" ").location(new ClientLocation.Internet(ip("1.2.3.4"))).build()));
  }

  private static Arguments row(String what, ErrorCode code, String inMessage, Executable action) {
    return Arguments.of(what, code, inMessage, action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidValues")
  void build_invalidValue_throwsWithCodeAndNamesFieldAndValue(String what, ErrorCode code, String inMessage, Executable action) {
    PgreachException e = assertThrows(PgreachException.class, action, what);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(inMessage), "message should name " + inMessage + ": " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validServerNames")
  void serverName_validNames_parseAndFormFqdn(String name) {
    assertEquals(name + ".postgres.database.azure.com", ServerName.parse(name).fullyQualifiedDomainName());
    assertEquals(Optional.of(ServerName.parse(name)), ServerName.tryParse(name));
  }

  static Stream<String> validServerNames() {
    return Stream.of("abc", "orders-db", "a1-b2-c3", "1ab", "a".repeat(63));
  }
}
