package dev.pgreach.firewall;

import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Region;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkPeering;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Short ways to write networks, servers and rules in tests. */
final class TestEstate {
  static final String SUBSCRIPTION = "00000000-0000-0000-0000-0000000000f1";
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final Region REGION = Region.parse("westeurope");

  private final Map<String, VirtualNetwork.Builder> vnets = new LinkedHashMap<>();
  private final List<NetworkInterface> nics = new ArrayList<>();
  private final List<FlexibleServer> servers = new ArrayList<>();
  private final List<RouteTable> routeTables = new ArrayList<>();

  static ResourceId id(String type, String name) {
    return ResourceId.of(SUBSCRIPTION, "rg", type, name);
  }

  static ResourceId vnetId(String vnet) {
    return id(VirtualNetwork.RESOURCE_TYPE, vnet);
  }

  static ResourceId subnetId(String vnet, String subnet) {
    return vnetId(vnet).child("subnets", subnet);
  }

  static ResourceId nsgId(String name) {
    return id(NetworkSecurityGroup.RESOURCE_TYPE, name);
  }

  static ResourceId nicId(String name) {
    return id(NetworkInterface.RESOURCE_TYPE, name);
  }

  static ResourceId routeTableId(String name) {
    return id(RouteTable.RESOURCE_TYPE, name);
  }

  static ResourceId serverId(String name) {
    return id(FlexibleServer.RESOURCE_TYPE, name);
  }

  static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  static Instant minutesAgo(double minutes) {
    return NOW.minusSeconds(Math.round(minutes * 60));
  }

  TestEstate vnet(String name, String... prefixes) {
    VirtualNetwork.Builder b = VirtualNetwork.builder().id(vnetId(name)).region(REGION);
    for (String p : prefixes) {
      b.addAddressSpace(Ipv4Prefix.parse(p));
    }
    vnets.put(name, b);
    return this;
  }

  TestEstate subnet(String vnet, String name, String prefix, Consumer<Subnet.Builder> more) {
    Subnet.Builder b = Subnet.builder().id(subnetId(vnet, name)).addressPrefix(Ipv4Prefix.parse(prefix));
    more.accept(b);
    vnets.get(vnet).addSubnets(b.build());
    return this;
  }

  TestEstate subnet(String vnet, String name, String prefix, String nsg) {
    return subnet(vnet, name, prefix, b -> b.networkSecurityGroup(nsgId(nsg)));
  }

  TestEstate subnet(String vnet, String name, String prefix) {
    return subnet(vnet, name, prefix, b -> {});
  }

  /** A connected peering between two networks (links both ways). */
  TestEstate peer(String a, String b) {
    return peer(a, b, false);
  }

  /** A connected peering between two networks, whose links allow forwarded traffic or not. */
  TestEstate peer(String a, String b, boolean allowForwardedTraffic) {
    vnets.get(a).addVirtualNetworkPeerings(
        VirtualNetworkPeering.builder()
            .id(vnetId(a).child("virtualNetworkPeerings", a + "-" + b))
            .remoteVirtualNetwork(vnetId(b))
            .allowForwardedTraffic(allowForwardedTraffic)
            .build());
    vnets.get(b).addVirtualNetworkPeerings(
        VirtualNetworkPeering.builder()
            .id(vnetId(b).child("virtualNetworkPeerings", b + "-" + a))
            .remoteVirtualNetwork(vnetId(a))
            .allowForwardedTraffic(allowForwardedTraffic)
            .build());
    return this;
  }

  /** A route table; subnets refer to it by {@link #routeTableId(String)}. */
  TestEstate routeTable(String name, Route... routes) {
    routeTables.add(RouteTable.builder().id(routeTableId(name)).addRoutes(routes).build());
    return this;
  }

  /** A network virtual appliance: an interface with IP forwarding on. */
  TestEstate appliance(String name, String vnet, String subnet, String address) {
    nics.add(
        NetworkInterface.builder()
            .id(nicId(name))
            .subnet(subnetId(vnet, subnet))
            .privateAddress(ip(address))
            .enableIpForwarding(true)
            .build());
    return this;
  }

  TestEstate nic(String name, String vnet, String subnet, String address, String nsg) {
    NetworkInterface.Builder b =
        NetworkInterface.builder().id(nicId(name)).subnet(subnetId(vnet, subnet)).privateAddress(ip(address));
    if (nsg != null) {
      b.networkSecurityGroup(nsgId(nsg));
    }
    nics.add(b.build());
    return this;
  }

  TestEstate server(FlexibleServer server) {
    servers.add(server);
    return this;
  }

  Network build() {
    Network.Builder b = Network.builder();
    vnets.values().forEach(v -> b.addVirtualNetworks(v.build()));
    b.addAllNetworkInterfaces(nics);
    b.addAllRouteTables(routeTables);
    b.addAllFlexibleServers(servers);
    return b.build();
  }

  static FlexibleServer publicServer(String name) {
    return FlexibleServer.builder().id(serverId(name)).region(REGION).build();
  }

  static FlexibleServer publicServer(String name, PublicNetworkAccess access) {
    return FlexibleServer.builder().id(serverId(name)).region(REGION).publicNetworkAccess(access).build();
  }

  static FlexibleServer privateServer(String name, String vnet, String subnet, String address, PublicNetworkAccess access) {
    return FlexibleServer.builder()
        .id(serverId(name))
        .region(REGION)
        .delegatedSubnet(subnetId(vnet, subnet))
        .privateAddress(ip(address))
        .publicNetworkAccess(access)
        .build();
  }

  /** The current profile with another firewall propagation delay. */
  static ServiceProfile currentWithDelay(Duration delay) {
    ServiceProfile c = ServiceProfile.current();
    return ServiceProfile.builder()
        .name("current-" + delay)
        .globalPeeringToVnetIntegratedServers(c.globalPeeringToVnetIntegratedServers())
        .publicNetworkAccessConfigurable(c.publicNetworkAccessConfigurable())
        .requireSecureTransportConfigurable(c.requireSecureTransportConfigurable())
        .addAllSupportedTlsVersions(c.supportedTlsVersions())
        .privateEndpointsRequireSingleInstance(c.privateEndpointsRequireSingleInstance())
        .privateEndpointsForbidReplicas(c.privateEndpointsForbidReplicas())
        .privateEndpointsForbidPointInTimeRestore(c.privateEndpointsForbidPointInTimeRestore())
        .privateEndpointsForbidPublicAccess(c.privateEndpointsForbidPublicAccess())
        .privateEndpointsBlockNameReuse(c.privateEndpointsBlockNameReuse())
        .privateEndpointsAcrossRegions(c.privateEndpointsAcrossRegions())
        .privateDnsZonePerServer(c.privateDnsZonePerServer())
        .nxDomainRedirectSupported(c.nxDomainRedirectSupported())
        .storageOutboundRequired(c.storageOutboundRequired())
        .firewallPropagationDelay(delay)
        .build();
  }

  static FlexibleServer privateServer(String name, String vnet, String subnet, String address) {
    return FlexibleServer.builder()
        .id(serverId(name))
        .region(REGION)
        .delegatedSubnet(subnetId(vnet, subnet))
        .privateAddress(ip(address))
        .build();
  }

  /** A security rule from short text: sources, destinations and ports are comma-separated. */
  static SecurityRule rule(
      String name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access, SecurityRuleProtocol protocol,
      String sources, String sourcePorts, String destinations, String destinationPorts) {
    SecurityRule.Builder b =
        SecurityRule.builder().name(name).priority(priority).direction(direction).access(access).protocol(protocol);
    for (String s : sources.split(",")) {
      b.addSourceAddressPrefixes(SecurityRuleAddress.parse(s));
    }
    for (String s : sourcePorts.split(",")) {
      b.addSourcePortRanges(PortRange.parse(s));
    }
    for (String s : destinations.split(",")) {
      b.addDestinationAddressPrefixes(SecurityRuleAddress.parse(s));
    }
    for (String s : destinationPorts.split(",")) {
      b.addDestinationPortRanges(PortRange.parse(s));
    }
    return b.build();
  }

  static SecurityRule inbound(String name, int priority, SecurityRuleAccess access, String sources, String destinations, String ports) {
    return rule(name, priority, SecurityRuleDirection.INBOUND, access, SecurityRuleProtocol.TCP, sources, "*", destinations, ports);
  }

  static SecurityRule outbound(String name, int priority, SecurityRuleAccess access, String sources, String destinations, String ports) {
    return rule(name, priority, SecurityRuleDirection.OUTBOUND, access, SecurityRuleProtocol.TCP, sources, "*", destinations, ports);
  }

  static NetworkSecurityGroup nsg(String name, SecurityRule... rules) {
    return NetworkSecurityGroup.builder().id(nsgId(name)).addSecurityRules(rules).build();
  }
}
