package dev.pgreach.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs the example of the module's README, line for line. */
class ReadmeExampleTest {
  @Test
  void readmeExample_clientInServersNetwork_resolvesPrivateAddress() throws Exception {
    String subscription = "00000000-0000-0000-0000-000000000001";
    ResourceId hub = ResourceId.of(subscription, "net", VirtualNetwork.RESOURCE_TYPE, "hub");
    ResourceId app = hub.child("subnets", "app");
    ResourceId db = hub.child("subnets", "db");
    ResourceId zoneId = ResourceId.of(subscription, "dns", PrivateDnsZone.RESOURCE_TYPE,
        "orders-db.private.postgres.database.azure.com");

    Network network = Network.builder()
        .addVirtualNetworks(VirtualNetwork.builder()
            .id(hub)
            .region(Region.parse("westeurope"))
            .addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"))
            .addSubnets(Subnet.builder().id(app).addressPrefix(Ipv4Prefix.parse("10.0.1.0/24")).build())
            .addSubnets(Subnet.builder().id(db).addressPrefix(Ipv4Prefix.parse("10.0.2.0/24"))
                .delegation(Subnet.FLEXIBLE_SERVER_DELEGATION).build())
            .build())
        .addFlexibleServers(FlexibleServer.builder()
            .id(ResourceId.of(subscription, "data", FlexibleServer.RESOURCE_TYPE, "orders-db"))
            .region(Region.parse("westeurope"))
            .delegatedSubnet(db)
            .privateDnsZone(zoneId)
            .privateAddress(Ipv4Address.parse("10.0.2.4"))
            .build())
        .build();

    DnsEstate estate = DnsEstate.builder()
        .network(network)
        .addPrivateDnsZones(PrivateDnsZone.builder()
            .id(zoneId)
            .addVirtualNetworkLinks(VirtualNetworkLink.builder()
                .id(zoneId.child("virtualNetworkLinks", "hub-link"))
                .virtualNetwork(hub)
                .build())
            .build())
        .build();

    Resolver resolver = Resolver.of(estate, ServiceProfile.current());
    Resolution r = resolver.resolve(
        ClientLocation.InVirtualNetwork.of(app, Ipv4Address.parse("10.0.1.4")),
        DnsName.parse("orders-db.postgres.database.azure.com"));

    assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
    assertEquals(
        List.of(DnsName.parse("orders-db.postgres.database.azure.com"), DnsName.parse("orders-db.orders-db.private.postgres.database.azure.com")),
        r.aliases());
    assertEquals(Optional.of(Ipv4Address.parse("10.0.2.4")), r.address());
    assertEquals(List.of(), DnsValidation.validate(estate, ServiceProfile.current()));

    // The README shows this very code.
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains("Resolver resolver = Resolver.of(estate, ServiceProfile.current());"));
    assertTrue(readme.contains("\"orders-db.private.postgres.database.azure.com\");"));
    assertTrue(readme.contains(".privateAddress(Ipv4Address.parse(\"10.0.2.4\"))"));
  }
}
