package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PeeringState;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.Resolver;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic estate for the scale benchmarks, sized by one factor and built only
 * through the public builders.
 *
 * <p>At factor 1 (100 %) it holds about 1,000 virtual networks in hub-and-spoke groups (a hub per
 * hundred spokes, each hub with a VPN gateway to an on-premises network, spokes peered both ways
 * with their hub and a few with each other), four or five subnets each, a network security group on
 * most subnets and a route table on every fourth spoke; 5,000 flexible servers (40 % public access
 * with firewall rules, 30 % VNet-integrated with their private zones, 30 % with public access
 * disabled and one or two private endpoints each — 2,000 endpoints in all); 100,000 firewall rules;
 * 500 private DNS zones linked to a hub and its spokes; custom DNS forwarders in half of the hubs;
 * and about a thousand clients (a VM per spoke, on-premises laptops and internet hosts). Every
 * count scales with the factor; the same factor and seed give the same estate.
 */
public final class ScaleEstate {
  private static final String SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";
  private static final Region REGION = Region.parse("westeurope");
  private static final String NSG_TYPE = "Microsoft.Network/networkSecurityGroups";

  private final double factor;
  private final SplittableRandom random;
  private final int vnets;
  private final int hubs;

  private final List<VirtualNetwork> virtualNetworks = new ArrayList<>();
  private final List<NetworkInterface> interfaces = new ArrayList<>();
  private final List<VirtualNetworkGateway> gateways = new ArrayList<>();
  private final List<OnPremisesNetwork> onPremises = new ArrayList<>();
  private final List<GatewayConnection> connections = new ArrayList<>();
  private final List<RouteTable> routeTables = new ArrayList<>();
  private final List<FlexibleServer> servers = new ArrayList<>();
  private final List<NetworkSecurityGroup> groups = new ArrayList<>();
  private final List<PrivateEndpoint> endpoints = new ArrayList<>();
  private final List<PrivateDnsZone> zones = new ArrayList<>();
  private final List<DnsServer> dnsServers = new ArrayList<>();
  private final List<Client> clients = new ArrayList<>();
  private final Estate.Builder estate = Estate.builder();
  private final java.util.Set<ResourceId> seenGroups = new java.util.HashSet<>();

  /** The servers by networking mode, for benchmarks that pick them. */
  private final List<ResourceId> publicServers = new ArrayList<>();
  private final List<ResourceId> integratedServers = new ArrayList<>();
  private final List<ResourceId> endpointServers = new ArrayList<>();

  private ScaleEstate(double factor, long seed) {
    this.factor = factor;
    this.random = new SplittableRandom(seed);
    this.vnets = Math.max(4, (int) Math.round(1000 * factor));
    this.hubs = Math.max(1, (vnets + 100) / 101);
  }

  /** A generated estate and what the benchmarks pick from it. */
  public record Generated(
      Estate estate,
      ImmutableList<ResourceId> publicServers,
      ImmutableList<ResourceId> integratedServers,
      ImmutableList<ResourceId> endpointServers) {
    /**
     * Returns every server, public ones first.
     *
     * @return the servers' ids
     */
    public ImmutableList<ResourceId> servers() {
      return ImmutableList.<ResourceId>builder().addAll(publicServers).addAll(integratedServers).addAll(endpointServers).build();
    }
  }

  /**
   * Generates an estate.
   *
   * @param factor the size, 1.0 for the full estate
   * @param seed the seed
   * @return the estate
   */
  public static Generated generate(double factor, long seed) {
    ScaleEstate g = new ScaleEstate(factor, seed);
    g.build();
    Estate e =
        g.estate
            .network(
                Network.builder()
                    .addAllVirtualNetworks(g.virtualNetworks)
                    .addAllNetworkInterfaces(g.interfaces)
                    .addAllVirtualNetworkGateways(g.gateways)
                    .addAllOnPremisesNetworks(g.onPremises)
                    .addAllGatewayConnections(g.connections)
                    .addAllRouteTables(g.routeTables)
                    .addAllFlexibleServers(g.servers)
                    .build())
            .addAllNetworkSecurityGroups(g.groups)
            .addAllPrivateEndpoints(g.endpoints)
            .addAllPrivateDnsZones(g.zones)
            .addAllDnsServers(g.dnsServers)
            .addAllClients(g.clients)
            .build();
    return new Generated(e, ImmutableList.copyOf(g.publicServers), ImmutableList.copyOf(g.integratedServers), ImmutableList.copyOf(g.endpointServers));
  }

  // ------------------------------------------------------------------ ids and addresses

  private static ResourceId id(String group, String type, String name) {
    return ResourceId.of(SUBSCRIPTION, group, type, name);
  }

  private static ResourceId vnet(int i) {
    return id("net-" + (i % 50), VirtualNetwork.RESOURCE_TYPE, "vnet-" + i);
  }

  private static ResourceId subnet(int i, String name) {
    return vnet(i).child("subnets", name);
  }

  /** VNet {@code i} holds 10.0.0.0/8's {@code i}-th /20. */
  private static int base(int i) {
    return (10 << 24) + (i << 12);
  }

  private static Ipv4Address address(int value) {
    return Ipv4Address.ofBits(value);
  }

  private static Ipv4Prefix prefix(int value, int length) {
    return Ipv4Prefix.of(address(value), length);
  }

  private boolean isHub(int i) {
    return i % 101 == 0;
  }

  private int hubOf(int i) {
    return (i / 101) * 101;
  }

  private static ResourceId nsg(int i, String name) {
    return id("sec-" + (i % 20), NSG_TYPE, "nsg-" + i + "-" + name);
  }

  // ------------------------------------------------------------------ the estate

  private void build() {
    int serverCount = Math.max(6, (int) Math.round(5000 * factor));
    int zoneCount = Math.max(2, (int) Math.round(500 * factor));
    int firewallRules = (int) Math.round(100_000 * factor);
    List<Integer> spokes = new ArrayList<>();
    for (int i = 0; i < vnets; i++) {
      if (!isHub(i)) {
        spokes.add(i);
      }
    }
    // Servers are spread over spokes round-robin; each mode gets its share.
    int publicCount = serverCount * 40 / 100;
    int integratedCount = serverCount * 30 / 100;
    int endpointCount = serverCount - publicCount - integratedCount;
    List<List<FlexibleServer>> integratedBySpoke = new ArrayList<>();
    for (int i = 0; i < vnets; i++) {
      integratedBySpoke.add(new ArrayList<>());
    }
    List<ResourceId> zoneIds = new ArrayList<>();
    for (int z = 0; z < zoneCount - 1; z++) {
      zoneIds.add(id("dns", PrivateDnsZone.RESOURCE_TYPE, "zone-" + z + ".private.postgres.database.azure.com"));
    }
    ResourceId privatelink = id("dns", PrivateDnsZone.RESOURCE_TYPE, "privatelink.postgres.database.azure.com");
    List<List<DnsRecord>> zoneRecords = new ArrayList<>();
    for (int z = 0; z < zoneIds.size(); z++) {
      zoneRecords.add(new ArrayList<>());
    }
    int[] nextHost = new int[vnets];
    for (int k = 0; k < integratedCount; k++) {
      int v = spokes.get(k % spokes.size());
      int host = 4 + nextHost[v]++;
      ResourceId sid = id("data-" + (k % 40), FlexibleServer.RESOURCE_TYPE, "int-" + k);
      int zone = k % zoneIds.size();
      Ipv4Address a = address(base(v) + (1 << 8) + host);
      FlexibleServer s =
          FlexibleServer.builder()
              .id(sid)
              .region(REGION)
              .delegatedSubnet(subnet(v, "pg"))
              .privateDnsZone(zoneIds.get(zone))
              .privateAddress(a)
              .pgBouncerEnabled(k % 3 == 0)
              .build();
      servers.add(s);
      integratedServers.add(sid);
      zoneRecords.get(zone).add(new DnsRecord.A(RecordName.parse("int-" + k), a, Optional.empty()));
    }
    // Public servers with firewall rules: a skewed count per server, summing to the target.
    int rulesLeft = firewallRules;
    for (int k = 0; k < publicCount; k++) {
      ResourceId sid = id("data-" + (k % 40), FlexibleServer.RESOURCE_TYPE, "pub-" + k);
      servers.add(
          FlexibleServer.builder()
              .id(sid)
              .region(REGION)
              .publicAddress(address((20 << 24) + (61 << 16) + k))
              .build());
      publicServers.add(sid);
      int share = k == publicCount - 1 ? rulesLeft : Math.min(rulesLeft, (int) (2.0 * firewallRules / publicCount * random.nextDouble()));
      rulesLeft -= share;
      estate.putFirewallRules(sid, firewallRuleSet(share, k % 4 == 0));
    }
    int endpointsTotal = (int) Math.round(2000 * factor);
    java.util.Map<Integer, Integer> endpointsIn = new java.util.HashMap<>();
    for (int k = 0; k < endpointCount; k++) {
      ResourceId sid = id("data-" + (k % 40), FlexibleServer.RESOURCE_TYPE, "pe-" + k);
      servers.add(FlexibleServer.builder().id(sid).region(REGION).publicNetworkAccess(PublicNetworkAccess.DISABLED).build());
      endpointServers.add(sid);
      int count = k < endpointsTotal - endpointCount ? 2 : 1;
      for (int e = 0; e < count; e++) {
        int v = spokes.get((k * 7 + e * 13) % spokes.size());
        endpoints.add(
            PrivateEndpoint.builder()
                .id(id("apps-" + (k % 30), PrivateEndpoint.RESOURCE_TYPE, "pe-" + k + "-" + e))
                .region(REGION)
                .subnet(subnet(v, "endpoints"))
                .privateAddress(address(base(v) + (2 << 8) + 3 + endpointsIn.merge(v, 1, Integer::sum)))
                .targetServer(sid)
                .addPrivateDnsZones(privatelink)
                .build());
      }
    }
    for (int i = 0; i < vnets; i++) {
      virtualNetworks.add(isHub(i) ? hub(i) : spoke(i));
    }
    // Zones: each server zone linked to one hub and a run of that hub's spokes; the privatelink zone to every hub and spoke.
    for (int z = 0; z < zoneIds.size(); z++) {
      int hub = (z % hubs) * 101;
      PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(zoneIds.get(z)).addAllRecords(zoneRecords.get(z));
      b.addVirtualNetworkLinks(link(zoneIds.get(z), hub));
      for (int s = 0; s < 13; s++) {
        int spoke = hub + 1 + (z * 13 + s) % 100;
        if (spoke < vnets && !isHub(spoke)) {
          b.addVirtualNetworkLinks(link(zoneIds.get(z), spoke));
        }
      }
      zones.add(b.build());
    }
    PrivateDnsZone.Builder pl = PrivateDnsZone.builder().id(privatelink);
    for (int i = 0; i < vnets; i++) {
      if (isHub(i) || i % 3 != 0) {
        pl.addVirtualNetworkLinks(link(privatelink, i));
      }
    }
    zones.add(pl.build());
    // Clients: a VM per spoke, a laptop per on-premises network, internet hosts.
    for (int i = 0; i < vnets; i++) {
      if (isHub(i)) {
        continue;
      }
      ResourceId nic = id("apps-" + (i % 30), NetworkInterface.RESOURCE_TYPE, "vm-" + i + "-nic");
      Ipv4Address a = address(base(i) + 4);
      interfaces.add(NetworkInterface.builder().id(nic).subnet(subnet(i, "app")).privateAddress(a).build());
      clients.add(
          Client.builder()
              .name("vm-" + i)
              .location(new ClientLocation.InVirtualNetwork(
                      subnet(i, "app"), a, i % 2 == 0 ? Optional.of(address((52 << 24) + i)) : Optional.empty(), Optional.of(nic)))
              .build());
    }
    for (int h = 0; h < hubs; h++) {
      clients.add(
          Client.builder()
              .name("laptop-" + h)
              .location(ClientLocation.OnPremises.of(onPremisesId(h), address((172 << 24) + ((16 + h) << 16) + (10 << 8) + 20)))
              .build());
    }
    int internet = Math.max(2, (int) Math.round(60 * factor));
    for (int k = 0; k < internet; k++) {
      clients.add(Client.builder().name("host-" + k).location(new ClientLocation.Internet(address((198 << 24) + (51 << 16) + (100 << 8) + k % 250))).build());
    }
  }

  private FirewallRuleSet firewallRuleSet(int count, boolean azureServices) {
    List<FirewallRule> rules = new ArrayList<>();
    if (azureServices) {
      rules.add(FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps", "0.0.0.0", "0.0.0.0"));
    }
    for (int r = 0; r < count; r++) {
      int start = (random.nextInt(200) + 1) << 24 | random.nextInt(1 << 24);
      if ((start >>> 24) == 10 || (start >>> 24) == 127) {
        start += 1 << 24;
      }
      int width = random.nextInt(4) == 0 ? random.nextInt(1 << 12) : random.nextInt(16);
      int end = start + width < start ? start : start + width;
      rules.add(
          FirewallRule.builder()
              .name("rule-" + r)
              .startIpAddress(address(start))
              .endIpAddress(address(end))
              .build());
    }
    return FirewallRuleSet.of(rules.toArray(new FirewallRule[0]));
  }

  private static ResourceId onPremisesId(int h) {
    return id("net-hub", OnPremisesNetwork.RESOURCE_TYPE, "site-" + h);
  }

  private VirtualNetwork hub(int i) {
    int h = i / 101;
    ResourceId gw = id("net-hub", VirtualNetworkGateway.RESOURCE_TYPE, "gw-" + h);
    gateways.add(VirtualNetworkGateway.builder().id(gw).virtualNetwork(vnet(i)).build());
    Ipv4Address dnsAt = address(base(i) + (2 << 8) + 4);
    onPremises.add(
        OnPremisesNetwork.builder()
            .id(onPremisesId(h))
            .addAddressPrefixes(prefix((172 << 24) + ((16 + h) << 16), 16))
            .build());
    connections.add(
        GatewayConnection.builder()
            .id(id("net-hub", GatewayConnection.RESOURCE_TYPE, "gw-" + h + "-to-site"))
            .connectionType(GatewayConnection.ConnectionType.IPSEC)
            .virtualNetworkGateway(gw)
            .remote(onPremisesId(h))
            .build());
    if (h % 2 == 1) {
      ResourceId nic = id("net-hub", NetworkInterface.RESOURCE_TYPE, "dns-" + h + "-nic");
      interfaces.add(NetworkInterface.builder().id(nic).subnet(subnet(i, "shared")).privateAddress(dnsAt).build());
      dnsServers.add(
          DnsServer.builder()
              .id(id("net-hub", "Microsoft.Compute/virtualMachines", "dns-" + h))
              .location(new ClientLocation.InVirtualNetwork(subnet(i, "shared"), dnsAt, Optional.empty(), Optional.of(nic)))
              .addForwarders(Resolver.AZURE_PROVIDED_DNS)
              .build());
    }
    VirtualNetwork.Builder b =
        VirtualNetwork.builder()
            .id(vnet(i))
            .region(REGION)
            .addAddressSpace(prefix(base(i), 20))
            .addSubnets(
                Subnet.builder().id(subnet(i, "GatewaySubnet")).addressPrefix(prefix(base(i) + (15 << 8), 27)).build(),
                Subnet.builder().id(subnet(i, "shared")).addressPrefix(prefix(base(i) + (2 << 8), 24)).networkSecurityGroup(sharedNsg(i)).build(),
                Subnet.builder().id(subnet(i, "firewall")).addressPrefix(prefix(base(i) + (3 << 8), 24)).build());
    for (int s = i + 1; s < Math.min(vnets, i + 101); s++) {
      b.addVirtualNetworkPeerings(peering(i, s, true, false));
    }
    return b.build();
  }

  private VirtualNetwork spoke(int i) {
    int hub = hubOf(i);
    boolean customDns = (hub / 101) % 2 == 1;
    VirtualNetwork.Builder b =
        VirtualNetwork.builder()
            .id(vnet(i))
            .region(REGION)
            .addAddressSpace(prefix(base(i), 20))
            .addSubnets(
                Subnet.builder().id(subnet(i, "app")).addressPrefix(prefix(base(i), 24)).networkSecurityGroup(appNsg(i)).routeTable(routeTable(i)).build(),
                Subnet.builder()
                    .id(subnet(i, "pg"))
                    .addressPrefix(prefix(base(i) + (1 << 8), 24))
                    .delegation(Subnet.FLEXIBLE_SERVER_DELEGATION)
                    .networkSecurityGroup(pgNsg(i))
                    .build(),
                Subnet.builder().id(subnet(i, "endpoints")).addressPrefix(prefix(base(i) + (2 << 8), 24)).build(),
                Subnet.builder().id(subnet(i, "batch")).addressPrefix(prefix(base(i) + (3 << 8), 25)).networkSecurityGroup(appNsg(i)).build())
            .addVirtualNetworkPeerings(peering(i, hub, false, true));
    if (customDns) {
      b.addDnsServers(address(base(hub) + (2 << 8) + 4));
    }
    // A few spokes are also peered with a neighbour (both ways).
    if (i % 10 == 1 && i + 1 < vnets && !isHub(i + 1)) {
      b.addVirtualNetworkPeerings(peering(i, i + 1, false, false));
    }
    if (i % 10 == 2 && !isHub(i - 1)) {
      b.addVirtualNetworkPeerings(peering(i, i - 1, false, false));
    }
    return b.build();
  }

  private static VirtualNetworkPeering peering(int from, int to, boolean transit, boolean remote) {
    return VirtualNetworkPeering.builder()
        .id(vnet(from).child("virtualNetworkPeerings", "to-vnet-" + to))
        .remoteVirtualNetwork(vnet(to))
        .allowGatewayTransit(transit)
        .useRemoteGateways(remote)
        .peeringState(PeeringState.CONNECTED)
        .build();
  }

  private static VirtualNetworkLink link(ResourceId zone, int v) {
    return VirtualNetworkLink.builder().id(zone.child("virtualNetworkLinks", "vnet-" + v)).virtualNetwork(vnet(v)).build();
  }

  /** Every fourth spoke's app subnet routes one on-premises prefix through the gateway and blackholes a test range. */
  private Optional<ResourceId> routeTable(int i) {
    if (i % 4 != 1) {
      return Optional.empty();
    }
    ResourceId rt = id("net-" + (i % 50), RouteTable.RESOURCE_TYPE, "rt-" + i);
    int h = hubOf(i) / 101;
    routeTables.add(
        RouteTable.builder()
            .id(rt)
            .addRoutes(
                Route.of("to-site", prefix((172 << 24) + ((16 + h) << 16), 16), NextHopType.VIRTUAL_NETWORK_GATEWAY),
                Route.of("blackhole-test", prefix((192 << 24) + (0 << 16) + (2 << 8), 24), NextHopType.NONE),
                Route.of("internet-direct", prefix((20 << 24), 8), NextHopType.INTERNET))
            .build());
    return Optional.of(rt);
  }

  private ResourceId appNsg(int i) {
    ResourceId id = nsg(i, "app");
    if (!seenGroups.add(id)) {
      return id; // the app and batch subnets share it
    }
    groups.add(
        NetworkSecurityGroup.builder()
            .id(id)
            .addSecurityRules(
                rule("deny-ssh-internet", 200, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.INTERNET, SecurityRuleAddress.ANY, PortRange.of(22)),
                rule("allow-web", 300, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.ANY, SecurityRuleAddress.ANY, PortRange.of(443)),
                rule("deny-batch-out", 400, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.ANY,
                    SecurityRuleAddress.parse(Ipv4Prefix.of(address(base(i) + (3 << 8)), 26).toString()), PortRange.ANY))
            .build());
    return id;
  }

  private ResourceId pgNsg(int i) {
    ResourceId id = nsg(i, "pg");
    int peer = hubOf(i);
    groups.add(
        NetworkSecurityGroup.builder()
            .id(id)
            .addSecurityRules(
                rule("allow-pg-vnet", 110, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.ANY, PortRange.of(5432)),
                rule("allow-bouncer-vnet", 120, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.ANY, PortRange.of(6432)),
                rule("deny-hub-shared", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY,
                    SecurityRuleAddress.parse(Ipv4Prefix.of(address(base(peer) + (2 << 8) + 128), 25).toString()), SecurityRuleAddress.ANY, PortRange.ANY),
                rule("deny-other", 4000, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.ANY, SecurityRuleAddress.ANY, PortRange.ANY),
                rule("allow-storage", 100, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.parse("Storage"), PortRange.of(443)))
            .build());
    return id;
  }

  private ResourceId sharedNsg(int i) {
    ResourceId id = nsg(i, "shared");
    groups.add(
        NetworkSecurityGroup.builder()
            .id(id)
            .addSecurityRules(
                rule("allow-dns", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.ANY, PortRange.of(53)),
                rule("deny-ssh-internet", 200, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.INTERNET, SecurityRuleAddress.ANY, PortRange.of(22)))
            .build());
    return id;
  }

  private static SecurityRule rule(
      String name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access, SecurityRuleAddress source, SecurityRuleAddress destination, PortRange ports) {
    return SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(direction)
        .access(access)
        .protocol(direction == SecurityRuleDirection.INBOUND && ports.equals(PortRange.of(53)) ? SecurityRuleProtocol.ANY : SecurityRuleProtocol.TCP)
        .addSourceAddressPrefixes(source)
        .addSourcePortRanges(PortRange.ANY)
        .addDestinationAddressPrefixes(destination)
        .addDestinationPortRanges(ports)
        .build();
  }
}
