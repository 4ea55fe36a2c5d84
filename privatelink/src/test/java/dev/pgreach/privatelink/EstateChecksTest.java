package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that can never be valid, one row each: the error code, and both ends of a dangling reference in the message. */
class EstateChecksTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  private static PrivateEndpoint.Builder endpoint() {
    return endpoint(SampleEstate.subnet("spoke-apps", "endpoints"), SampleEstate.server("web-db"), "10.2.3.20");
  }

  private static PrivateEndpoint.Builder endpoint(ResourceId subnet, ResourceId server, String address) {
    return PrivateEndpoint.builder()
        .id(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "x-pe"))
        .region(SampleEstate.WEST_EUROPE)
        .subnet(subnet)
        .privateAddress(Ipv4Address.parse(address))
        .targetServer(server);
  }

  private static Estate.Builder withoutGroups() {
    return Estate.builder().network(SAMPLE.network()).addAllPrivateDnsZones(SAMPLE.privateDnsZones()).addAllDnsServers(SAMPLE.dnsServers());
  }

  static Stream<Arguments> invalid() {
    ResourceId ghostServer = SampleEstate.server("ghost-db");
    return Stream.of(
        row("subnet naming a missing NSG", ErrorCode.DANGLING_REFERENCE, SampleEstate.nsg("app-nsg").toString(), "spoke-data/subnets/app.networkSecurityGroup",
            () -> withoutGroups().build()),
        row("firewall rules for a missing server", ErrorCode.DANGLING_REFERENCE, ghostServer.toString(), "firewallRules",
            () -> SAMPLE.withFirewallRules(ghostServer, FirewallRuleSet.empty())),
        row("endpoint naming a missing server", ErrorCode.DANGLING_REFERENCE, ghostServer.toString(), "targetServer",
            () -> SAMPLE.withPrivateEndpoint(endpoint(SampleEstate.subnet("spoke-apps", "endpoints"), ghostServer, "10.2.3.20").build())),
        row("endpoint in a missing subnet", ErrorCode.DANGLING_REFERENCE, SampleEstate.subnet("spoke-apps", "gone").toString(), "x-pe.subnet",
            () -> SAMPLE.withPrivateEndpoint(endpoint(SampleEstate.subnet("spoke-apps", "gone"), SampleEstate.server("web-db"), "10.2.3.20").build())),
        row("endpoint naming a missing zone", ErrorCode.DANGLING_REFERENCE, "nowhere.postgres.database.azure.com", "privateDnsZones",
            () -> SAMPLE.withPrivateEndpoint(endpoint().addPrivateDnsZones(SampleEstate.zone("nowhere.postgres.database.azure.com")).build())),
        row("endpoint with another group id", ErrorCode.INVALID_PRIVATE_ENDPOINT, "groupId (sites)", "x-pe",
            () -> endpoint().groupId("sites").build()),
        row("endpoint with six zones", ErrorCode.INVALID_PRIVATE_ENDPOINT, "6 zones", "privateDnsZones",
            () -> endpoint().addPrivateDnsZones(
                SampleEstate.zone("a.postgres.database.azure.com"), SampleEstate.zone("b.postgres.database.azure.com"), SampleEstate.zone("c.postgres.database.azure.com"),
                SampleEstate.zone("d.postgres.database.azure.com"), SampleEstate.zone("e.postgres.database.azure.com"), SampleEstate.zone("f.postgres.database.azure.com")).build()),
        row("endpoint naming a zone twice", ErrorCode.INVALID_PRIVATE_ENDPOINT, "names a zone twice", "privateDnsZones",
            () -> endpoint().addPrivateDnsZones(SampleEstate.zone("a.postgres.database.azure.com"), SampleEstate.zone("a.postgres.database.azure.com")).build()),
        row("endpoint targeting a subnet id", ErrorCode.WRONG_RESOURCE_TYPE, "targetServer", "flexibleServers",
            () -> endpoint(SampleEstate.subnet("spoke-apps", "endpoints"), SampleEstate.subnet("hub", "shared"), "10.2.3.20").build()),
        row("two endpoints with one id", ErrorCode.DUPLICATE_RESOURCE, "x-pe", "privateEndpoints",
            () -> withoutGroups().addAllNetworkSecurityGroups(SAMPLE.networkSecurityGroups())
                .addPrivateEndpoints(endpoint().build(), endpoint(SampleEstate.subnet("spoke-apps", "endpoints"), SampleEstate.server("web-db"), "10.2.3.21").build()).build()),
        row("client in a missing subnet", ErrorCode.DANGLING_REFERENCE, SampleEstate.subnet("hub", "gone").toString(), "Client[lost]",
            () -> SAMPLE.withClients(java.util.List.of(Client.builder().name("lost").location(ClientLocation.InVirtualNetwork.of(SampleEstate.subnet("hub", "gone"), Ipv4Address.parse("10.0.9.4"))).build()))),
        row("two clients with one name", ErrorCode.DUPLICATE_RESOURCE, "\"twin\"", "clients",
            () -> SAMPLE.withClients(java.util.List.of(
                Client.builder().name("twin").location(new ClientLocation.Internet(Ipv4Address.parse("198.51.100.1"))).build(),
                Client.builder().name("twin").location(new ClientLocation.Internet(Ipv4Address.parse("198.51.100.2"))).build()))),
        row("two groups with one id", ErrorCode.DUPLICATE_RESOURCE, "app-nsg", "networkSecurityGroups",
            () -> Estate.builder().network(SAMPLE.network()).addAllNetworkSecurityGroups(SAMPLE.networkSecurityGroups())
                .addNetworkSecurityGroups(NetworkSecurityGroup.builder().id(SampleEstate.nsg("app-nsg")).build()).build()));
  }

  private static Arguments row(String what, ErrorCode code, String end1, String end2, Executable action) {
    return Arguments.of(what, code, end1, end2, action);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void build_invalidEstate_throwsNamingBothEnds(String what, ErrorCode code, String end1, String end2, Executable action) {
    PgreachException e = assertThrows(PgreachException.class, action, what);
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(end1), "should name " + end1 + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(end2), "should name " + end2 + ": " + e.getMessage());
  }
}
