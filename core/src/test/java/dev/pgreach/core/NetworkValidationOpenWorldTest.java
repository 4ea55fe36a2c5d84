package dev.pgreach.core;

import static dev.pgreach.core.TestNet.id;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.prefix;
import static dev.pgreach.core.TestNet.subnetId;
import static dev.pgreach.core.TestNet.vnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Network validation of partial inputs: nothing outside the input is checked, absence is advice unless observed. */
class NetworkValidationOpenWorldTest {
  private static final ResourceId OUTSIDE_SUBNET = subnetId("elsewhere", "pg");

  private static List<Finding> validate(Network n) {
    return NetworkValidation.validate(n, ServiceProfile.current());
  }

  private static List<Finding> only(List<Finding> findings, FindingCode code) {
    return findings.stream().filter(f -> f.code() == code).collect(Collectors.toList());
  }

  @Test
  void serverWhoseDelegatedSubnetIsOutsideTheInput_isValidatedByItsOwnSettings() {
    Network n =
        new TestNet()
            .server("pg-one", "westeurope", b -> b.delegatedSubnet(OUTSIDE_SUBNET).privateAddress(ip("10.9.1.4")).publicNetworkAccess(PublicNetworkAccess.ENABLED))
            .coverage(Coverage.builder().putOutsideInput(OUTSIDE_SUBNET, "the delegated subnet of pg-one").build())
            .build();

    List<FindingCode> codes = validate(n).stream().map(Finding::code).collect(Collectors.toList());

    // No subnet, region or address check (the subnet is not in the input); the settings are checked.
    assertEquals(List.of(FindingCode.SERVER_PRIVATE_DNS_ZONE_MISSING, FindingCode.PUBLIC_NETWORK_ACCESS_CONFLICTS_WITH_VNET_INTEGRATION), codes);
  }

  @Test
  void interfacesInSubnetsOutsideTheInput_stillHoldTheirAddressesOnce() {
    ResourceId outside = subnetId("app", "hidden");
    Network n =
        new TestNet()
            .vnet("app", "westeurope", "10.1.0.0/16")
            .subnet("app", "web", "10.1.0.0/24")
            .nic("vm1", "app", "web", "10.1.0.4", false)
            .coverage(Coverage.builder().putOutsideInput(outside, "a subnet of app").build())
            .build();
    Network both =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks())
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addNetworkInterfaces(NetworkInterface.builder().id(id(NetworkInterface.RESOURCE_TYPE, "vm2")).subnet(outside).privateAddress(ip("10.1.0.4")).build())
            .coverage(n.coverage())
            .build();

    List<Finding> f = only(validate(both), FindingCode.ADDRESS_IN_USE);
    assertEquals(1, f.size(), f.toString());
  }

  @Test
  void peeringWithoutReverse_isAWarningWhenTheRemotePeeringsAreObserved_andAdviceOtherwise() {
    TestNet base =
        new TestNet().vnet("hub", "westeurope", "10.0.0.0/16").vnet("spoke", "westeurope", "10.1.0.0/16").link("spoke", "hub", p -> {});
    Finding closed = only(validate(base.build()), FindingCode.PEERING_ONE_DIRECTION).get(0);
    assertEquals(Severity.WARNING, closed.severity());

    Network open =
        new TestNet()
            .vnet("hub", "westeurope", "10.0.0.0/16")
            .vnet("spoke", "westeurope", "10.1.0.0/16")
            .link("spoke", "hub", p -> {})
            .coverage(Coverage.open())
            .build();
    Finding advice = only(validate(open), FindingCode.PEERING_ONE_DIRECTION).get(0);
    assertEquals(Severity.ADVICE, advice.severity());
    assertTrue(advice.message().contains("Not in the input: the peerings of hub are not all observed"), advice.message());

    Network observed =
        new TestNet()
            .vnet("hub", "westeurope", "10.0.0.0/16")
            .vnet("spoke", "westeurope", "10.1.0.0/16")
            .link("spoke", "hub", p -> {})
            .coverage(Coverage.builder().putCompleteInventories(Inventory.VIRTUAL_NETWORK_PEERINGS, vnetId("hub")).build())
            .build();
    assertEquals(Severity.WARNING, only(validate(observed), FindingCode.PEERING_ONE_DIRECTION).get(0).severity());
  }

  @Test
  void peeringToANetworkNotInTheInput_isAdviceInAnOpenWorld() {
    Network open = new TestNet().vnet("spoke", "westeurope", "10.1.0.0/16").link("spoke", "hub", p -> {}).coverage(Coverage.open()).build();
    Finding f = only(validate(open), FindingCode.PEERING_REMOTE_UNKNOWN).get(0);
    assertEquals(Severity.ADVICE, f.severity());
    Network closed = new TestNet().vnet("spoke", "westeurope", "10.1.0.0/16").link("spoke", "hub", p -> {}).build();
    assertEquals(Severity.WARNING, only(validate(closed), FindingCode.PEERING_REMOTE_UNKNOWN).get(0).severity());
  }

  @Test
  void routeTableOutsideTheInput_isNotChecked() {
    ResourceId table = id(RouteTable.RESOURCE_TYPE, "rt-hidden");
    Network n =
        new TestNet()
            .vnet("app", "westeurope", "10.1.0.0/16")
            .subnet("app", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).routeTable(table))
            .coverage(Coverage.builder().putOutsideInput(table, "the route table of db").build())
            .build();
    assertEquals(List.of(), validate(n));
  }

  @Test
  void applianceNoInterfaceHolds_isAdviceWhenTheInterfacesAreNotObserved() {
    java.util.function.Function<Coverage, Network> net =
        c ->
            new TestNet()
                .vnet("app", "westeurope", "10.1.0.0/16")
                .subnet("app", "web", "10.1.0.0/24", s -> s.routeTable(id(RouteTable.RESOURCE_TYPE, "rt")))
                .routeTable("rt", Route.toAppliance("out", prefix("0.0.0.0/0"), ip("10.1.0.200")))
                .coverage(c)
                .build();
    assertEquals(Severity.WARNING, only(validate(net.apply(Coverage.closed())), FindingCode.ROUTE_APPLIANCE_UNKNOWN).get(0).severity());
    Finding open = only(validate(net.apply(Coverage.open())), FindingCode.ROUTE_APPLIANCE_UNKNOWN).get(0);
    assertEquals(Severity.ADVICE, open.severity());
    assertTrue(open.message().contains("Not in the input"), open.message());
  }

  @Test
  void unknownSettings_areNotChecked() {
    Network n =
        new TestNet()
            .server("pg-one", "westeurope", b -> b.sslMinProtocolVersion(TlsVersion.TLS_1_0).requireSecureTransport(false)
                .pgBouncerEnabled(true).tier(ServerTier.BURSTABLE)
                .addUnknownSettings(ServerSetting.SSL_MIN_PROTOCOL_VERSION, ServerSetting.REQUIRE_SECURE_TRANSPORT, ServerSetting.PGBOUNCER, ServerSetting.PUBLIC_NETWORK_ACCESS))
            .build();
    assertEquals(List.of(), NetworkValidation.validate(n, ServiceProfile.preview2021()));
  }

  @Test
  void unknownNetworking_raisesNoPublicAccessFinding() {
    Network n = new TestNet().server("pg-one", "westeurope", b -> b.addUnknownSettings(ServerSetting.NETWORKING)).build();
    assertEquals(List.of(), validate(n));
  }
}
