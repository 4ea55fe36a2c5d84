package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hub-and-spoke through a network virtual appliance, end to end (AZURE-FACTS 3.11 and 7.1): spokes
 * reach each other's VNet-integrated server only through the hub's appliance, with user routes in
 * the spokes, IP forwarding and allowForwardedTraffic; the appliance's network security groups
 * filter the flow at its leg.
 */
class ApplianceConnectivityTest {
  private static final String SUB = "33333333-3333-3333-3333-333333333333";
  private static final Region WE = Region.parse("westeurope");

  private static ResourceId id(String type, String name) {
    return ResourceId.of(SUB, "net", type, name);
  }

  private static ResourceId vnet(String name) {
    return id(VirtualNetwork.RESOURCE_TYPE, name);
  }

  private static VirtualNetworkPeering link(String from, String to, boolean forwarded) {
    return VirtualNetworkPeering.builder().id(vnet(from).child("virtualNetworkPeerings", to)).remoteVirtualNetwork(vnet(to)).allowForwardedTraffic(forwarded).build();
  }

  private static Estate estate(boolean withRoutes, boolean forwardedAllowed, SecurityRuleAccess applianceInbound) {
    ResourceId rt = id(RouteTable.RESOURCE_TYPE, "via-hub");
    ResourceId nvaNsg = id("Microsoft.Network/networkSecurityGroups", "nva-nsg");
    ResourceId zone = id(PrivateDnsZone.RESOURCE_TYPE, "pg-b.private.postgres.database.azure.com");
    Subnet.Builder app = Subnet.builder().id(vnet("spoke-a").child("subnets", "app")).addressPrefix(Ipv4Prefix.parse("10.1.0.0/24"));
    Subnet.Builder db =
        Subnet.builder().id(vnet("spoke-b").child("subnets", "db")).addressPrefix(Ipv4Prefix.parse("10.2.1.0/28")).delegation(Subnet.FLEXIBLE_SERVER_DELEGATION);
    if (withRoutes) {
      app.routeTable(rt);
      db.routeTable(rt);
    }
    Network network =
        Network.builder()
            .addVirtualNetworks(
                VirtualNetwork.builder().id(vnet("hub")).region(WE).addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"))
                    .addSubnets(Subnet.builder().id(vnet("hub").child("subnets", "nva")).addressPrefix(Ipv4Prefix.parse("10.0.1.0/24")).networkSecurityGroup(nvaNsg).build())
                    .addVirtualNetworkPeerings(link("hub", "spoke-a", forwardedAllowed), link("hub", "spoke-b", forwardedAllowed))
                    .build(),
                VirtualNetwork.builder().id(vnet("spoke-a")).region(WE).addAddressSpace(Ipv4Prefix.parse("10.1.0.0/16")).addSubnets(app.build())
                    .addVirtualNetworkPeerings(link("spoke-a", "hub", forwardedAllowed)).build(),
                VirtualNetwork.builder().id(vnet("spoke-b")).region(WE).addAddressSpace(Ipv4Prefix.parse("10.2.0.0/16")).addSubnets(db.build())
                    .addVirtualNetworkPeerings(link("spoke-b", "hub", forwardedAllowed)).build())
            .addRouteTables(RouteTable.builder().id(rt).addRoutes(Route.toAppliance("spokes-via-nva", Ipv4Prefix.parse("10.0.0.0/8"), Ipv4Address.parse("10.0.1.4"))).build())
            .addNetworkInterfaces(
                NetworkInterface.builder().id(id(NetworkInterface.RESOURCE_TYPE, "nva-nic")).subnet(vnet("hub").child("subnets", "nva"))
                    .privateAddress(Ipv4Address.parse("10.0.1.4")).enableIpForwarding(true).build())
            .addFlexibleServers(
                FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "pg-b")).region(WE).delegatedSubnet(vnet("spoke-b").child("subnets", "db"))
                    .privateDnsZone(zone).privateAddress(Ipv4Address.parse("10.2.1.4")).build())
            .build();
    NetworkSecurityGroup nsg =
        NetworkSecurityGroup.builder()
            .id(nvaNsg)
            .addSecurityRules(
                SecurityRule.builder().name("postgres-through-nva").priority(100).direction(SecurityRuleDirection.INBOUND).access(applianceInbound)
                    .protocol(SecurityRuleProtocol.TCP).addSourceAddressPrefixes(SecurityRuleAddress.parse("10.1.0.0/16")).addSourcePortRanges(PortRange.ANY)
                    .addDestinationAddressPrefixes(SecurityRuleAddress.ANY).addDestinationPortRanges(PortRange.of(5432)).build())
            .build();
    return Estate.builder()
        .network(network)
        .addNetworkSecurityGroups(nsg)
        .addPrivateDnsZones(
            PrivateDnsZone.builder().id(zone)
                .addVirtualNetworkLinks(
                    VirtualNetworkLink.builder().id(zone.child("virtualNetworkLinks", "a")).virtualNetwork(vnet("spoke-a")).build(),
                    VirtualNetworkLink.builder().id(zone.child("virtualNetworkLinks", "b")).virtualNetwork(vnet("spoke-b")).build())
                .build())
        .addClients(Client.builder().name("app-a").location(ClientLocation.InVirtualNetwork.of(vnet("spoke-a").child("subnets", "app"), Ipv4Address.parse("10.1.0.4"))).build())
        .build();
  }

  private static Connection connect(Estate e) {
    return Connectivity.of(e, ServiceProfile.current()).connect(e.client("app-a"), "pg-b.postgres.database.azure.com", 5432, SampleEstate.INSTANT);
  }

  private static List<ReasonCode> codes(Connection c) {
    return c.steps().stream().map(Step::code).collect(Collectors.toList());
  }

  @Test
  void connect_spokeToSpokeWithoutAppliance_notTransitive() {
    Connection c = connect(estate(false, true, SecurityRuleAccess.ALLOW));
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.PEERING_NOT_TRANSITIVE, c.decidingStep().orElseThrow().code());
  }

  @Test
  void connect_spokeToSpokeThroughApplianceWithRoutesAndFlags_connected() {
    Connection c = connect(estate(true, true, SecurityRuleAccess.ALLOW));
    assertEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
    assertTrue(codes(c).contains(ReasonCode.APPLIANCE_FORWARDED), c.explanation());
    assertEquals(3, c.path().orElseThrow().hops().size());
    assertTrue(c.explanation().contains("postgres-through-nva"), c.explanation());
  }

  @Test
  void connect_applianceSubnetGroupDeniesTheFlow_blockedAtTheAppliancesLeg() {
    Connection c = connect(estate(true, true, SecurityRuleAccess.DENY));
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.NSG_RULE_DENIED, c.decidingStep().orElseThrow().code());
    assertTrue(c.decidingStep().orElseThrow().reason().contains("nva-nsg"), c.decidingStep().orElseThrow().reason());
  }

  @Test
  void connect_receivingSpokeRefusesForwardedTraffic_blocked() {
    Connection c = connect(estate(true, false, SecurityRuleAccess.ALLOW));
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.FORWARDED_TRAFFIC_NOT_ALLOWED, c.decidingStep().orElseThrow().code());
  }

  @Test
  void validate_spokeRouteBroaderThanTheServerNetwork_doesNotCaptureTheSubnetsOwnTraffic() {
    // 10.0.0.0/8 -> appliance is less specific than spoke-b's own 10.2.0.0/16, so replication inside the subnet stays local.
    assertTrue(
        EstateValidation.validate(estate(true, true, SecurityRuleAccess.ALLOW), ServiceProfile.current()).stream()
            .noneMatch(f -> f.code() == dev.pgreach.core.FindingCode.ROUTE_SERVER_SUBNET_THROUGH_APPLIANCE));
  }
}
