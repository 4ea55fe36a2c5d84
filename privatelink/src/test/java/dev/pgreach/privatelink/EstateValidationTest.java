package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.Region;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The estate-wide findings, one row each: the code, the resource, the field and the value. */
class EstateValidationTest {
  private static final Estate SAMPLE = SampleEstate.estate();
  private static final ResourceId PE = SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "x-pe");

  private static PrivateEndpoint.Builder endpoint(String subnetVnet, String subnet, String server, String address) {
    return PrivateEndpoint.builder()
        .id(PE)
        .region(SampleEstate.WEST_EUROPE)
        .subnet(SampleEstate.subnet(subnetVnet, subnet))
        .privateAddress(Ipv4Address.parse(address))
        .targetServer(SampleEstate.server(server));
  }

  private static Estate withEndpoint(PrivateEndpoint.Builder b) {
    return SAMPLE.withPrivateEndpoint(b.build());
  }

  /** The sample with one server replaced. */
  private static Estate withServer(String name, UnaryOperator<FlexibleServer.Builder> change) {
    Network n = SAMPLE.network();
    Network.Builder b =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks())
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks());
    for (FlexibleServer s : n.flexibleServers()) {
      if (s.name().toString().equals(name)) {
        b.addFlexibleServers(change.apply(FlexibleServer.builder().id(s.id()).region(s.region())).build());
      } else {
        b.addFlexibleServers(s);
      }
    }
    return SAMPLE.withNetwork(b.build());
  }

  static Stream<Arguments> findings() {
    String pe = PE.toString();
    return Stream.of(
        row("endpoint on a VNet-integrated server", FindingCode.PRIVATE_ENDPOINT_ON_VNET_INTEGRATED_SERVER, pe, "targetServer", SampleEstate.server("orders-db").toString(), ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "orders-db", "10.2.3.20"))),
        row("pending endpoint", FindingCode.PRIVATE_ENDPOINT_PENDING, pe, "connectionState", "Pending", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20").connectionState(PrivateEndpointConnectionState.PENDING))),
        row("rejected endpoint", FindingCode.PRIVATE_ENDPOINT_REJECTED, pe, "connectionState", "Rejected", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20").connectionState(PrivateEndpointConnectionState.REJECTED))),
        row("disconnected endpoint", FindingCode.PRIVATE_ENDPOINT_DISCONNECTED, pe, "connectionState", "Disconnected", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20").connectionState(PrivateEndpointConnectionState.DISCONNECTED))),
        row("endpoint outside its network's region", FindingCode.PRIVATE_ENDPOINT_REGION_MISMATCH, pe, "region", "northeurope", ServiceProfile.current(),
            () -> SAMPLE.withPrivateEndpoint(PrivateEndpoint.builder().id(PE).region(Region.parse("northeurope")).subnet(SampleEstate.subnet("spoke-apps", "endpoints"))
                .privateAddress(Ipv4Address.parse("10.2.3.20")).targetServer(SampleEstate.server("web-db")).build())),
        row("endpoint in another region than its server, preview", FindingCode.PRIVATE_ENDPOINT_CROSS_REGION_UNSUPPORTED, pe, "region", "northeurope", ServiceProfile.preview2021(),
            () -> SAMPLE.withPrivateEndpoint(PrivateEndpoint.builder().id(PE).region(Region.parse("northeurope")).subnet(SampleEstate.subnet("analytics", "bi"))
                .privateAddress(Ipv4Address.parse("10.3.0.20")).targetServer(SampleEstate.server("web-db")).build())),
        row("endpoint on an HA server, preview", FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe").toString(), "targetServer",
            SampleEstate.server("billing-db").toString(), ServiceProfile.preview2021(),
            () -> withServer("billing-db", b -> b.highAvailability(HighAvailabilityMode.ZONE_REDUNDANT))),
        row("endpoint on a replica, preview", FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe").toString(), "targetServer",
            SampleEstate.server("billing-db").toString(), ServiceProfile.preview2021(),
            () -> withServer("billing-db", b -> b.replicationRole(ReplicationRole.PRIMARY))),
        row("endpoint on a server with public firewall rules, preview", FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED, pe, "targetServer",
            SampleEstate.server("web-db").toString(), ServiceProfile.preview2021(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20"))),
        row("endpoint address outside its subnet", FindingCode.ADDRESS_OUTSIDE_SUBNET, pe, "privateAddress", "10.2.4.20", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.4.20"))),
        row("endpoint on a reserved address", FindingCode.ADDRESS_RESERVED, pe, "privateAddress", "10.2.3.1", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.1"))),
        row("endpoint on a taken address", FindingCode.ADDRESS_IN_USE, pe, "privateAddress", "10.2.3.4", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.4"))),
        row("endpoint in the server subnet", FindingCode.SERVER_SUBNET_SHARED, SampleEstate.subnet("spoke-data", "pg").toString(), "privateEndpoints", pe, ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-data", "pg", "web-db", "10.1.1.9"))),
        row("zone group into another zone", FindingCode.PRIVATE_ENDPOINT_ZONE_NOT_PRIVATELINK, pe, "privateDnsZones", "orders-db.private.postgres.database.azure.com", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20").addPrivateDnsZones(SampleEstate.zone("orders-db.private.postgres.database.azure.com")))),
        row("approved endpoint without a DNS record", FindingCode.PRIVATE_ENDPOINT_NO_DNS_RECORD, pe, "privateDnsZones", "[]", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "endpoints", "web-db", "10.2.3.20"))),
        row("endpoint subnet NSG that does not apply", FindingCode.PRIVATE_ENDPOINT_NSG_NOT_APPLIED, pe, "subnet.privateEndpointNetworkPolicies", "DISABLED", ServiceProfile.current(),
            () -> withEndpoint(endpoint("spoke-apps", "app", "web-db", "10.2.0.20"))),
        row("reused name of a dropped server with endpoints, preview", FindingCode.SERVER_NAME_REUSE_BLOCKED, SampleEstate.server("web-db").toString(), "name", "web-db", ServiceProfile.preview2021(),
            () -> Estate.builder().network(SAMPLE.network()).addAllNetworkSecurityGroups(SAMPLE.networkSecurityGroups()).putAllFirewallRules(SAMPLE.firewallRules())
                .addAllPrivateDnsZones(SAMPLE.privateDnsZones()).addAllDnsServers(SAMPLE.dnsServers()).addAllPrivateEndpoints(SAMPLE.privateEndpoints())
                .addDroppedServersWithPrivateEndpoints(ServerName.parse("web-db")).build()),
        row("server nothing can reach", FindingCode.SERVER_UNREACHABLE, SampleEstate.server("archive-db").toString(), "publicNetworkAccess", "ENABLED", ServiceProfile.current(),
            () -> SAMPLE),
        row("public access disabled and the only endpoint removed", FindingCode.PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT, SampleEstate.server("billing-db").toString(), "publicNetworkAccess", "DISABLED", ServiceProfile.current(),
            () -> SAMPLE.withoutPrivateEndpoint(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe"))));
  }

  private static Arguments row(String what, FindingCode code, String resource, String field, String value, ServiceProfile profile, Supplier<Estate> estate) {
    return Arguments.of(what, code, resource, field, value, profile, estate);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void validate_estateProblem_reportsCodeResourceFieldAndValue(
      String what, FindingCode code, String resource, String field, String value, ServiceProfile profile, Supplier<Estate> estate) {
    List<Finding> all = EstateValidation.validate(estate.get(), profile);
    List<Finding> matching = all.stream().filter(f -> f.code() == code && f.resource().equals(resource)).collect(Collectors.toList());
    assertEquals(1, matching.size(), what + ": " + all);
    assertEquals(field, matching.get(0).field(), matching.get(0).toString());
    assertEquals(value, matching.get(0).value(), matching.get(0).toString());
  }

  @Test
  void validate_sameProblemsUnderCurrent_areNotReportedForProfileLimits() {
    Estate ha = withServer("billing-db", b -> b.highAvailability(HighAvailabilityMode.ZONE_REDUNDANT));
    assertTrue(EstateValidation.validate(ha, ServiceProfile.current()).stream().noneMatch(f -> f.code() == FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED));
    Estate withRules = SAMPLE.withFirewallRules(SampleEstate.server("billing-db"), FirewallRuleSet.of(FirewallRule.of("office", "203.0.113.0", "203.0.113.255")));
    assertTrue(EstateValidation.validate(withRules, ServiceProfile.current()).stream().noneMatch(f -> f.code() == FindingCode.PRIVATE_ENDPOINT_SERVER_UNSUPPORTED));
  }

  @Test
  void validate_publicAccessOffOnEndpointServerUnderPreview_isNotATogglePreviewLacks() {
    assertTrue(EstateValidation.validate(SAMPLE, ServiceProfile.preview2021()).stream().noneMatch(f -> f.code() == FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED));
    Estate noEndpoint = SAMPLE.withoutPrivateEndpoint(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe"));
    assertTrue(EstateValidation.validate(noEndpoint, ServiceProfile.preview2021()).stream().anyMatch(f -> f.code() == FindingCode.PUBLIC_NETWORK_ACCESS_TOGGLE_UNSUPPORTED));
  }
}
