package dev.pgreach.core;

import static dev.pgreach.core.TestNet.id;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.prefix;
import static dev.pgreach.core.TestNet.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class NetworkValidationTest {

  private static TestNet base() {
    return new TestNet()
        .vnet("app", "westeurope", "10.1.0.0/16")
        .subnet("app", "web", "10.1.0.0/24")
        .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION));
  }

  private static FlexibleServer.Builder privateServer(FlexibleServer.Builder b) {
    return privateServer(b, "db", "10.1.1.4");
  }

  private static FlexibleServer.Builder privateServer(FlexibleServer.Builder b, String subnet, String address) {
    return b.delegatedSubnet(subnetId("app", subnet))
        .privateDnsZone(id("Microsoft.Network/privateDnsZones", "app.private.postgres.database.azure.com"))
        .privateAddress(ip(address));
  }

  static Stream<Arguments> invalidNetworks() {
    return Stream.of(
        row("subnet outside the address space", FindingCode.SUBNET_OUTSIDE_ADDRESS_SPACE, "addressPrefix", "10.2.0.0/24",
            () -> base().subnet("app", "stray", "10.2.0.0/24").build()),
        row("overlapping subnets", FindingCode.SUBNETS_OVERLAP, "addressPrefix", "10.1.0.128/25",
            () -> base().subnet("app", "half", "10.1.0.128/25").build()),
        row("overlapping address space prefixes", FindingCode.ADDRESS_SPACES_OVERLAP, "addressSpace", "10.1.4.0/24",
            () -> new TestNet().vnet("x", "westeurope", "10.1.0.0/16", "10.1.4.0/24").build()),
        row("subnet smaller than /29", FindingCode.SUBNET_TOO_SMALL, "addressPrefix", "10.1.2.0/30",
            () -> base().subnet("app", "tiny", "10.1.2.0/30").build()),
        row("peering in one direction", FindingCode.PEERING_ONE_DIRECTION, "remoteVirtualNetwork", TestNet.vnetId("other").toString(),
            () -> base().vnet("other", "westeurope", "10.9.0.0/16").link("app", "other", f -> {}).build()),
        row("peering to an unknown network", FindingCode.PEERING_REMOTE_UNKNOWN, "remoteVirtualNetwork", TestNet.vnetId("ghost").toString(),
            () -> base().link("app", "ghost", f -> {}).build()),
        row("overlapping peered spaces", FindingCode.PEERED_ADDRESS_SPACES_OVERLAP, "remoteVirtualNetwork", TestNet.vnetId("twin").toString(),
            () -> base().vnet("twin", "westeurope", "10.1.128.0/17").peer("app", "twin").build()),
        row("peering to itself", FindingCode.PEERING_TO_SELF, "remoteVirtualNetwork", TestNet.vnetId("app").toString(),
            () -> base().link("app", "app", f -> {}).build()),
        row("remote gateways without a gateway", FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_GATEWAY, "useRemoteGateways", "true",
            () -> base().vnet("hub", "westeurope", "10.0.0.0/16").link("app", "hub", f -> f.useRemoteGateways(true)).link("hub", "app", f -> f.allowGatewayTransit(true)).build()),
        row("remote gateways without transit", FindingCode.USE_REMOTE_GATEWAYS_WITHOUT_TRANSIT, "useRemoteGateways", "true",
            () -> base().vnet("hub", "westeurope", "10.0.0.0/16").gateway("hub").link("app", "hub", f -> f.useRemoteGateways(true)).link("hub", "app", f -> {}).build()),
        row("remote gateways with a local gateway", FindingCode.USE_REMOTE_GATEWAYS_WITH_LOCAL_GATEWAY, "useRemoteGateways", "true",
            () -> base().gateway("app").vnet("hub", "westeurope", "10.0.0.0/16").gateway("hub").link("app", "hub", f -> f.useRemoteGateways(true)).link("hub", "app", f -> f.allowGatewayTransit(true)).build()),
        row("server subnet not delegated", FindingCode.SERVER_SUBNET_NOT_DELEGATED, "delegatedSubnet", subnetId("app", "web").toString(),
            () -> base().server("pg-one", "westeurope", b -> privateServer(b, "web", "10.1.0.4")).build()),
        row("server subnet delegated elsewhere", FindingCode.SERVER_SUBNET_DELEGATED_ELSEWHERE, "delegatedSubnet", subnetId("app", "sql").toString(),
            () -> base().subnet("app", "sql", "10.1.2.0/28", s -> s.delegation("Microsoft.Sql/managedInstances"))
                .server("pg-one", "westeurope", b -> privateServer(b, "sql", "10.1.2.4")).build()),
        row("server subnet with a reserved name", FindingCode.SERVER_SUBNET_RESERVED_NAME, "delegatedSubnet", subnetId("app", "GatewaySubnet").toString(),
            () -> base().subnet("app", "GatewaySubnet", "10.1.3.0/27", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
                .server("pg-one", "westeurope", b -> privateServer(b, "GatewaySubnet", "10.1.3.4")).build()),
        row("server subnet smaller than /28", FindingCode.SERVER_SUBNET_TOO_SMALL, "delegatedSubnet", "10.1.2.0/29",
            () -> base().subnet("app", "small", "10.1.2.0/29", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
                .server("pg-one", "westeurope", b -> privateServer(b, "small", "10.1.2.4")).build()),
        row("server in another region than its network", FindingCode.SERVER_REGION_MISMATCH, "region", "northeurope",
            () -> base().server("pg-one", "northeurope", NetworkValidationTest::privateServer).build()),
        row("private access without a zone", FindingCode.SERVER_PRIVATE_DNS_ZONE_MISSING, "privateDnsZone", "none",
            () -> base().server("pg-one", "westeurope", b -> b.delegatedSubnet(subnetId("app", "db"))).build()),
        row("public access enabled on a VNet server", FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION, "publicNetworkAccess", "ENABLED",
            () -> base().server("pg-one", "westeurope", b -> privateServer(b).publicNetworkAccess(PublicNetworkAccess.ENABLED)).build()),
        row("server address outside its subnet", FindingCode.ADDRESS_OUTSIDE_SUBNET, "privateAddress", "10.1.0.9",
            () -> base().server("pg-one", "westeurope", b -> privateServer(b, "db", "10.1.0.9")).build()),
        row("server on a reserved address", FindingCode.ADDRESS_RESERVED, "privateAddress", "10.1.1.3",
            () -> base().server("pg-one", "westeurope", b -> privateServer(b, "db", "10.1.1.3")).build()),
        row("two holders of one address", FindingCode.ADDRESS_IN_USE, "privateAddress", "10.1.0.4",
            () -> base().nic("vm1", "app", "web", "10.1.0.4", false).nic("vm2", "app", "web", "10.1.0.4", false).build()),
        row("a VM in the delegated subnet", FindingCode.SERVER_SUBNET_SHARED, "networkInterfaces", id(NetworkInterface.RESOURCE_TYPE, "vm").toString(),
            () -> base().nic("vm", "app", "db", "10.1.1.9", false).build()),
        row("PgBouncer on Burstable", FindingCode.PGBOUNCER_UNAVAILABLE, "pgBouncerEnabled", "true",
            () -> base().server("pg-one", "westeurope", b -> b.tier(ServerTier.BURSTABLE).pgBouncerEnabled(true)).build()),
        row("appliance route to an unknown address", FindingCode.ROUTE_APPLIANCE_UNKNOWN, "routes[fw].nextHopIpAddress", "10.1.0.200",
            () -> base().routeTable("rt", Route.toAppliance("fw", Ipv4Prefix.ALL, ip("10.1.0.200")))
                .subnet("app", "routed", "10.1.5.0/24", s -> s.routeTable(id(RouteTable.RESOURCE_TYPE, "rt"))).build()),
        row("appliance route to an interface without forwarding", FindingCode.ROUTE_APPLIANCE_NOT_FORWARDING, "routes[fw].nextHopIpAddress", "10.1.0.200",
            () -> base().nic("nva", "app", "web", "10.1.0.200", false).routeTable("rt", Route.toAppliance("fw", Ipv4Prefix.ALL, ip("10.1.0.200")))
                .subnet("app", "routed", "10.1.5.0/24", s -> s.routeTable(id(RouteTable.RESOURCE_TYPE, "rt"))).build()),
        row("server subnet traffic through an appliance", FindingCode.ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE, "routes[inspect]", "10.1.0.0/16",
            () -> new TestNet().vnet("app", "westeurope", "10.1.0.0/16").subnet("app", "web", "10.1.0.0/24")
                .routeTable("rt-db", Route.toAppliance("fw", Ipv4Prefix.ALL, ip("10.1.0.200")), Route.toAppliance("inspect", prefix("10.1.0.0/16"), ip("10.1.0.200")))
                .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).routeTable(id(RouteTable.RESOURCE_TYPE, "rt-db")))
                .nic("nva", "app", "web", "10.1.0.200", true).build()),
        row("Entra ID traffic through an appliance", FindingCode.ROUTE_ENTRA_ID_THROUGH_APPLIANCE, "routes[fw]", "0.0.0.0/0",
            () -> new TestNet().vnet("app", "westeurope", "10.1.0.0/16").subnet("app", "web", "10.1.0.0/24")
                .routeTable("rt-db", Route.toAppliance("fw", Ipv4Prefix.ALL, ip("10.1.0.200")))
                .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).routeTable(id(RouteTable.RESOURCE_TYPE, "rt-db")))
                .nic("nva", "app", "web", "10.1.0.200", true).build()),
        row("two servers with one name", FindingCode.SERVER_NAME_NOT_UNIQUE, "name", "orders",
            () -> Network.builder().addAllVirtualNetworks(base().build().virtualNetworks())
                .addFlexibleServers(FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).build())
                .addFlexibleServers(FlexibleServer.builder().id(ResourceId.of(TestNet.SUBSCRIPTION, "other", FlexibleServer.RESOURCE_TYPE, "orders"))
                    .region(Region.parse("westeurope")).build())
                .build()),
        row("VNet-to-VNet from one gateway only", FindingCode.VNET_TO_VNET_ONE_DIRECTION, "remote", id(VirtualNetworkGateway.RESOURCE_TYPE, "far-gw").toString(),
            () -> base().gateway("app").vnet("far", "eastus", "10.9.0.0/16").gateway("far").vnetToVnet("app", "far").build()),
        row("part of the server subnet through an appliance", FindingCode.ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE, "routes[half]", "10.1.1.8/29",
            () -> new TestNet().vnet("app", "westeurope", "10.1.0.0/16").subnet("app", "web", "10.1.0.0/24")
                .routeTable("rt-db", Route.toAppliance("half", prefix("10.1.1.8/29"), ip("10.1.0.200")))
                .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).routeTable(id(RouteTable.RESOURCE_TYPE, "rt-db")))
                .nic("nva", "app", "web", "10.1.0.200", true).build()),
        row("on-premises overlapping the hub", FindingCode.ON_PREMISES_OVERLAPS_VIRTUAL_NETWORK, "addressPrefixes", "{10.1.0.0/24}",
            () -> base().gateway("app").onPremises("office", "10.1.0.0/24").connect("app", "office").build()));
  }

  private static Arguments row(String what, FindingCode code, String field, String value, Supplier<Network> network) {
    return Arguments.of(what, code, field, value, network);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidNetworks")
  void validate_invalidNetwork_reportsCodeFieldAndValue(
      String what, FindingCode code, String field, String value, Supplier<Network> network) {
    List<Finding> findings = NetworkValidation.validate(network.get(), ServiceProfile.current());
    List<Finding> matching = findings.stream().filter(f -> f.code() == code).collect(Collectors.toList());
    assertEquals(1, matching.size(), what + ": " + findings);
    Finding f = matching.get(0);
    assertEquals(field, f.field(), f.toString());
    assertEquals(value, f.value(), f.toString());
    assertEquals(code.severity(), f.severity());
    assertTrue(!f.message().isBlank());
  }

  @Test
  void validate_forcedTunnelWithEntraIdExemption_noEntraFinding() {
    RouteTable table =
        RouteTable.builder()
            .id(id(RouteTable.RESOURCE_TYPE, "rt-db"))
            .addRoutes(Route.toAppliance("fw", Ipv4Prefix.ALL, ip("10.1.0.200")))
            .addServiceTagRoutes(ServiceTagRoute.of("entra", "AzureActiveDirectory", NextHopType.INTERNET))
            .build();
    Network n =
        new TestNet().vnet("app", "westeurope", "10.1.0.0/16").subnet("app", "web", "10.1.0.0/24")
            .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).routeTable(id(RouteTable.RESOURCE_TYPE, "rt-db")))
            .nic("nva", "app", "web", "10.1.0.200", true).routeTable(table).build();
    assertEquals(List.of(), NetworkValidation.validate(n, ServiceProfile.current()));
  }

  @Test
  void validate_wellFormedPrivateAccessServer_noFindings() {
    Network n = base().server("pg-one", "westeurope", NetworkValidationTest::privateServer).build();
    assertEquals(List.of(), NetworkValidation.validate(n, ServiceProfile.current()));
  }

  @Test
  void validate_subnetFullOfHighAvailabilityServers_reportsFull() {
    // A /28 has 16 - 5 = 11 usable addresses: two HA servers (8) fit, three (12) do not.
    TestNet two = base();
    TestNet three = base();
    for (int i = 1; i <= 3; i++) {
      String name = "pg-ha-" + i;
      int host = 3 + i;
      if (i <= 2) {
        two.server(name, "westeurope", b -> privateServer(b, "db", "10.1.1." + host).highAvailability(HighAvailabilityMode.ZONE_REDUNDANT));
      }
      three.server(name, "westeurope", b -> privateServer(b, "db", "10.1.1." + host).highAvailability(HighAvailabilityMode.ZONE_REDUNDANT));
    }
    assertTrue(NetworkValidation.validate(two.build(), ServiceProfile.current()).stream().noneMatch(f -> f.code() == FindingCode.SERVER_SUBNET_FULL));
    List<Finding> full = NetworkValidation.validate(three.build(), ServiceProfile.current());
    assertTrue(full.stream().anyMatch(f -> f.code() == FindingCode.SERVER_SUBNET_FULL && f.value().equals("10.1.1.0/28")), full.toString());
  }

  @Test
  void validate_profileRules_differBetweenPreviewAndCurrent() {
    Network n =
        base()
            .server("pg-public", "westeurope", b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED).requireSecureTransport(false).sslMinProtocolVersion(TlsVersion.TLS_1_3))
            .build();
    List<FindingCode> preview = codes(NetworkValidation.validate(n, ServiceProfile.preview2021()));
    List<FindingCode> current = codes(NetworkValidation.validate(n, ServiceProfile.current()));
    assertEquals(
        List.of(FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED, FindingCode.SECURE_TRANSPORT_NOT_OPTIONAL, FindingCode.TLS_VERSION_UNSUPPORTED),
        preview);
    assertEquals(List.of(), current);
  }

  @Test
  void validate_tlsMinimumBelow12_reportedUnderBothProfiles() {
    Network n = base().server("pg-public", "westeurope", b -> b.sslMinProtocolVersion(TlsVersion.TLS_1_0)).build();
    List<FindingCode> expected = List.of(FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED, FindingCode.TLS_VERSION_UNSUPPORTED);
    assertEquals(expected, codes(NetworkValidation.validate(n, ServiceProfile.current())));
    assertEquals(expected, codes(NetworkValidation.validate(n, ServiceProfile.preview2021())));
  }

  @Test
  void validate_findingsAreSortedAndIndependentOfInputOrder() {
    Network a = base().subnet("app", "stray", "10.2.0.0/24").subnet("app", "tiny", "10.1.2.0/30").link("app", "ghost", f -> {}).build();
    Network b = new TestNet()
        .vnet("app", "westeurope", "10.1.0.0/16")
        .link("app", "ghost", f -> {})
        .subnet("app", "tiny", "10.1.2.0/30")
        .subnet("app", "stray", "10.2.0.0/24")
        .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
        .subnet("app", "web", "10.1.0.0/24")
        .build();
    List<Finding> fa = NetworkValidation.validate(a, ServiceProfile.current());
    assertEquals(fa, NetworkValidation.validate(b, ServiceProfile.current()));
    assertEquals(fa.stream().sorted().collect(Collectors.toList()), fa);
  }

  private static List<FindingCode> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).collect(Collectors.toList());
  }
}
