package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.Resolution;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A small fluent builder of whole estates for example tests, and the assertions they share.
 *
 * <p>Resources are named by short names; ids are made as Azure makes them (virtual networks,
 * subnets as their children, servers, zones, endpoints). Networks are built last, so subnets,
 * peerings and DNS settings can be added in any order:
 *
 * <pre>{@code
 * Estate estate = new EstateFixture()
 *     .vnet("vnet-1", WEST_EUROPE, "10.0.0.0/16")
 *     .subnet("vnet-1", "apps", "10.0.0.0/24")
 *     .delegatedSubnet("vnet-1", "pg", "10.0.1.0/24")
 *     .vnetServer("orders-db", "vnet-1", "pg", "10.0.1.4")
 *     .vm("app", "vnet-1", "apps", "10.0.0.4")
 *     .build();
 * Connection c = connect(estate, ServiceProfile.preview2021(), "app", "orders-db.postgres.database.azure.com");
 * }</pre>
 */
final class EstateFixture {
  static final String SUBSCRIPTION = "22222222-2222-4222-8222-222222222222";
  static final String OTHER_SUBSCRIPTION = "44444444-4444-4444-8444-444444444444";
  static final String WEST_EUROPE = "westeurope";
  static final String NORTH_EUROPE = "northeurope";
  static final String PRIVATELINK_ZONE = "privatelink.postgres.database.azure.com";
  /** The instant the questions are asked at. */
  static final Instant NOW = Instant.parse("2021-11-30T12:00:00Z");
  static final int POSTGRES_PORT = FlexibleServer.POSTGRES_PORT;

  private static final class VnetSpec {
    final ResourceId id;
    final Region region;
    final List<Ipv4Prefix> space = new ArrayList<>();
    final List<Ipv4Address> dnsServers = new ArrayList<>();
    final Map<String, SubnetSpec> subnets = new LinkedHashMap<>();
    final List<VirtualNetworkPeering> peerings = new ArrayList<>();

    VnetSpec(ResourceId id, Region region) {
      this.id = id;
      this.region = region;
    }
  }

  private static final class SubnetSpec {
    final ResourceId id;
    final Ipv4Prefix prefix;
    Optional<String> delegation = Optional.empty();
    Optional<ResourceId> nsg = Optional.empty();
    Optional<ResourceId> routeTable = Optional.empty();
    PrivateEndpointNetworkPolicies policies = PrivateEndpointNetworkPolicies.DISABLED;

    SubnetSpec(ResourceId id, Ipv4Prefix prefix) {
      this.id = id;
      this.prefix = prefix;
    }
  }

  private static final class ZoneSpec {
    final ResourceId id;
    final List<DnsRecord> records = new ArrayList<>();
    final List<VirtualNetworkLink> links = new ArrayList<>();

    ZoneSpec(ResourceId id) {
      this.id = id;
    }
  }

  private final Map<String, VnetSpec> vnets = new LinkedHashMap<>();
  private final Map<String, ZoneSpec> zones = new LinkedHashMap<>();
  private final List<FlexibleServer> servers = new ArrayList<>();
  private final Map<ResourceId, FirewallRuleSet> firewallRules = new LinkedHashMap<>();
  private final List<NetworkSecurityGroup> nsgs = new ArrayList<>();
  private final List<RouteTable> routeTables = new ArrayList<>();
  private record NicSpec(ResourceId id, ResourceId subnet, Ipv4Address address) {}

  private final Map<String, NicSpec> nics = new LinkedHashMap<>();
  private final Map<String, ResourceId> nicGroups = new LinkedHashMap<>();
  private final List<VirtualNetworkGateway> gateways = new ArrayList<>();
  private final List<GatewayConnection> connections = new ArrayList<>();
  private final List<OnPremisesNetwork> onPremises = new ArrayList<>();
  private final List<DnsServer> dnsServers = new ArrayList<>();
  private final List<PrivateEndpoint> endpoints = new ArrayList<>();
  private final List<Client> clients = new ArrayList<>();
  private final List<String> dropped = new ArrayList<>();

  // ------------------------------------------------------------------ ids

  static ResourceId serverId(String name) {
    return ResourceId.of(SUBSCRIPTION, "data", FlexibleServer.RESOURCE_TYPE, name);
  }

  static ResourceId endpointId(String name) {
    return ResourceId.of(SUBSCRIPTION, "apps", PrivateEndpoint.RESOURCE_TYPE, name);
  }

  /** A virtual network's id in the default subscription. */
  static ResourceId vnetId(String name) {
    return ResourceId.of(SUBSCRIPTION, "network", VirtualNetwork.RESOURCE_TYPE, name);
  }

  static String fqdn(String server) {
    return server + ".postgres.database.azure.com";
  }

  static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private static ResourceId nsgId(String name) {
    return ResourceId.of(SUBSCRIPTION, "network", NetworkSecurityGroup.RESOURCE_TYPE, name);
  }

  private static ResourceId routeTableId(String name) {
    return ResourceId.of(SUBSCRIPTION, "network", RouteTable.RESOURCE_TYPE, name);
  }

  private static ResourceId onPremisesId(String name) {
    return ResourceId.of(SUBSCRIPTION, "network", OnPremisesNetwork.RESOURCE_TYPE, name);
  }

  private ResourceId gatewayId(String vnet) {
    return ResourceId.of(vnetSpec(vnet).id.subscriptionId(), "network", VirtualNetworkGateway.RESOURCE_TYPE, vnet + "-gw");
  }

  private VnetSpec vnetSpec(String vnet) {
    VnetSpec v = vnets.get(vnet);
    if (v == null) {
      throw new IllegalArgumentException("no virtual network " + vnet + " in the fixture");
    }
    return v;
  }

  private SubnetSpec subnetSpec(String vnet, String subnet) {
    SubnetSpec s = vnetSpec(vnet).subnets.get(subnet);
    if (s == null) {
      throw new IllegalArgumentException("no subnet " + vnet + "/" + subnet + " in the fixture");
    }
    return s;
  }

  ResourceId subnetId(String vnet, String subnet) {
    return subnetSpec(vnet, subnet).id;
  }

  private ZoneSpec zoneSpec(String zone) {
    return zones.computeIfAbsent(
        zone, z -> new ZoneSpec(ResourceId.of(SUBSCRIPTION, "dns", PrivateDnsZone.RESOURCE_TYPE, z)));
  }

  // ------------------------------------------------------------------ networks

  /** A virtual network in the default subscription, with Azure-provided DNS. */
  EstateFixture vnet(String name, String region, String... addressSpace) {
    return vnetIn(SUBSCRIPTION, name, region, addressSpace);
  }

  /** A virtual network in a given subscription. */
  EstateFixture vnetIn(String subscription, String name, String region, String... addressSpace) {
    VnetSpec v = new VnetSpec(ResourceId.of(subscription, "network", VirtualNetwork.RESOURCE_TYPE, name), Region.parse(region));
    Arrays.stream(addressSpace).map(Ipv4Prefix::parse).forEach(v.space::add);
    vnets.put(name, v);
    return this;
  }

  EstateFixture subnet(String vnet, String name, String prefix) {
    VnetSpec v = vnetSpec(vnet);
    v.subnets.put(name, new SubnetSpec(v.id.child("subnets", name), Ipv4Prefix.parse(prefix)));
    return this;
  }

  /** A subnet delegated to {@code Microsoft.DBforPostgreSQL/flexibleServers}. */
  EstateFixture delegatedSubnet(String vnet, String name, String prefix) {
    return subnetDelegatedTo(vnet, name, prefix, Subnet.FLEXIBLE_SERVER_DELEGATION);
  }

  EstateFixture subnetDelegatedTo(String vnet, String name, String prefix, String delegation) {
    subnet(vnet, name, prefix);
    subnetSpec(vnet, name).delegation = Optional.of(delegation);
    return this;
  }

  /** Associates a network security group (see {@link #nsg}) with a subnet. */
  EstateFixture subnetNsg(String vnet, String subnet, String nsg) {
    subnetSpec(vnet, subnet).nsg = Optional.of(nsgId(nsg));
    return this;
  }

  /** Associates a route table (see {@link #routeTable}) with a subnet. */
  EstateFixture subnetRouteTable(String vnet, String subnet, String table) {
    subnetSpec(vnet, subnet).routeTable = Optional.of(routeTableId(table));
    return this;
  }

  /** Sets a subnet's {@code privateEndpointNetworkPolicies}. */
  EstateFixture networkPolicies(String vnet, String subnet, PrivateEndpointNetworkPolicies policies) {
    subnetSpec(vnet, subnet).policies = policies;
    return this;
  }

  /** Peers two networks in both directions (a connected peering). */
  EstateFixture peer(String a, String b) {
    return peerOneWay(a, b).peerOneWay(b, a);
  }

  /** One peering link only (Initiated). */
  EstateFixture peerOneWay(String from, String to) {
    VnetSpec f = vnetSpec(from);
    f.peerings.add(
        VirtualNetworkPeering.builder()
            .id(f.id.child("virtualNetworkPeerings", from + "-to-" + to))
            .remoteVirtualNetwork(vnetSpec(to).id)
            .build());
    return this;
  }

  /** Points a network at custom DNS servers instead of Azure-provided DNS. */
  EstateFixture customDnsServers(String vnet, String... addresses) {
    Arrays.stream(addresses).map(Ipv4Address::parse).forEach(vnetSpec(vnet).dnsServers::add);
    return this;
  }

  /** A network security group with the given rules (plus Azure's defaults). */
  EstateFixture nsg(String name, SecurityRule... rules) {
    nsgs.add(NetworkSecurityGroup.builder().id(nsgId(name)).addSecurityRules(rules).build());
    return this;
  }

  static SecurityRule rule(
      String name, int priority, SecurityRuleDirection direction, SecurityRuleAccess access, String source, String destination, int port) {
    return SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(direction)
        .access(access)
        .protocol(SecurityRuleProtocol.TCP)
        .addSourceAddressPrefixes(SecurityRuleAddress.parse(source))
        .addSourcePortRanges(PortRange.ANY)
        .addDestinationAddressPrefixes(SecurityRuleAddress.parse(destination))
        .addDestinationPortRanges(PortRange.of(port))
        .build();
  }

  /** An inbound rule denying TCP to a port from a source. */
  static SecurityRule denyInbound(String name, int priority, String source, int port) {
    return rule(name, priority, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, source, "*", port);
  }

  /** An outbound rule denying TCP to a port toward a destination. */
  static SecurityRule denyOutbound(String name, int priority, String destination, int port) {
    return rule(name, priority, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.DENY, "*", destination, port);
  }

  /** A route table whose routes are given as {@code prefix} to next hop None (dropped). */
  EstateFixture routeTableDropping(String name, String... prefixes) {
    RouteTable.Builder b = RouteTable.builder().id(routeTableId(name));
    for (String p : prefixes) {
      b.addRoutes(Route.of("drop-" + p.replace('/', '-'), Ipv4Prefix.parse(p), dev.pgreach.core.NextHopType.NONE));
    }
    routeTables.add(b.build());
    return this;
  }

  /**
   * An on-premises network connected to a virtual network's gateway (created on first use) by a
   * site-to-site VPN or ExpressRoute, with optional DNS servers of its own.
   */
  EstateFixture onPremises(String name, String prefix, String gatewayVnet, GatewayConnection.ConnectionType type, String... dnsServers) {
    ensureGateway(gatewayVnet);
    OnPremisesNetwork.Builder b = OnPremisesNetwork.builder().id(onPremisesId(name)).addAddressPrefixes(Ipv4Prefix.parse(prefix));
    Arrays.stream(dnsServers).map(Ipv4Address::parse).forEach(b::addDnsServers);
    onPremises.add(b.build());
    connections.add(
        GatewayConnection.builder()
            .id(ResourceId.of(SUBSCRIPTION, "network", GatewayConnection.RESOURCE_TYPE, gatewayVnet + "-to-" + name))
            .connectionType(type)
            .virtualNetworkGateway(gatewayId(gatewayVnet))
            .remote(onPremisesId(name))
            .build());
    return this;
  }

  /**
   * A VNet-to-VNet VPN between the gateways of two networks (created on first use): one connection
   * from each gateway, as Azure needs before the tunnel connects.
   */
  EstateFixture vnetToVnet(String a, String b) {
    ensureGateway(a);
    ensureGateway(b);
    for (String[] ends : new String[][] {{a, b}, {b, a}}) {
      connections.add(
          GatewayConnection.builder()
              .id(ResourceId.of(SUBSCRIPTION, "network", GatewayConnection.RESOURCE_TYPE, ends[0] + "-to-" + ends[1]))
              .connectionType(GatewayConnection.ConnectionType.VNET_TO_VNET)
              .virtualNetworkGateway(gatewayId(ends[0]))
              .remote(gatewayId(ends[1]))
              .build());
    }
    return this;
  }

  private void ensureGateway(String vnet) {
    ResourceId id = gatewayId(vnet);
    if (gateways.stream().noneMatch(g -> g.id().equals(id))) {
      gateways.add(VirtualNetworkGateway.builder().id(id).virtualNetwork(vnetSpec(vnet).id).build());
    }
  }

  // ------------------------------------------------------------------ DNS

  /** Links a private DNS zone (created on first use) to a network. */
  EstateFixture linkZone(String zone, String vnet) {
    ZoneSpec z = zoneSpec(zone);
    z.links.add(VirtualNetworkLink.builder().id(z.id.child("virtualNetworkLinks", vnet + "-link")).virtualNetwork(vnetSpec(vnet).id).build());
    return this;
  }

  /** Writes an A record into a private DNS zone (created on first use). */
  EstateFixture record(String zone, String name, String address) {
    zoneSpec(zone).records.add(new DnsRecord.A(RecordName.parse(name), ip(address), Optional.empty()));
    return this;
  }

  /** A custom DNS server (a VM) in a subnet that forwards everything to the given resolvers. */
  EstateFixture dnsForwarder(String name, String vnet, String subnet, String address, String... forwarders) {
    DnsServer.Builder b =
        DnsServer.builder()
            .id(ResourceId.of(SUBSCRIPTION, "network", "Microsoft.Compute/virtualMachines", name))
            .location(ClientLocation.InVirtualNetwork.of(subnetId(vnet, subnet), ip(address)));
    Arrays.stream(forwarders).map(Ipv4Address::parse).forEach(b::addForwarders);
    dnsServers.add(b.build());
    return this;
  }

  /**
   * An on-premises DNS server that forwards {@code postgres.database.azure.com} to a resolver in
   * Azure (a forwarder VM or an inbound endpoint).
   */
  EstateFixture onPremisesDns(String onPremisesNetwork, String address, String postgresForwarder) {
    dnsServers.add(
        DnsServer.builder()
            .id(onPremisesId(onPremisesNetwork).child("dnsServers", "dns-" + address.replace('.', '-')))
            .location(ClientLocation.OnPremises.of(onPremisesId(onPremisesNetwork), ip(address)))
            .addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("postgres.database.azure.com"), ip(postgresForwarder)))
            .build());
    return this;
  }

  /** An on-premises DNS server that forwards everything to the given resolvers. */
  EstateFixture onPremisesDnsForwardingAll(String onPremisesNetwork, String address, String... forwarders) {
    DnsServer.Builder b =
        DnsServer.builder()
            .id(onPremisesId(onPremisesNetwork).child("dnsServers", "dns-" + address.replace('.', '-')))
            .kind(DnsServerKind.CUSTOM)
            .location(ClientLocation.OnPremises.of(onPremisesId(onPremisesNetwork), ip(address)));
    Arrays.stream(forwarders).map(Ipv4Address::parse).forEach(b::addForwarders);
    dnsServers.add(b.build());
    return this;
  }

  // ------------------------------------------------------------------ servers

  /**
   * A VNet-integrated server in a subnet, in the network's region, with its own private DNS zone
   * {@code <name>.private.postgres.database.azure.com} linked to that network.
   */
  EstateFixture vnetServer(String name, String vnet, String subnet, String address) {
    return vnetServer(name, vnet, subnet, address, name + ".private.postgres.database.azure.com", b -> b);
  }

  /** A VNet-integrated server with settings of its own. */
  EstateFixture vnetServer(String name, String vnet, String subnet, String address, UnaryOperator<FlexibleServer.Builder> settings) {
    return vnetServer(name, vnet, subnet, address, name + ".private.postgres.database.azure.com", settings);
  }

  /** A VNet-integrated server using the named private DNS zone, linked to its network. */
  EstateFixture vnetServer(
      String name, String vnet, String subnet, String address, String zone, UnaryOperator<FlexibleServer.Builder> settings) {
    boolean linked = zones.containsKey(zone) && zones.get(zone).links.stream().anyMatch(l -> l.virtualNetwork().equals(vnetSpec(vnet).id));
    if (!linked) {
      linkZone(zone, vnet);
    }
    return vnetServerUnlinked(name, vnet, subnet, address, zone, settings);
  }

  /** A VNet-integrated server whose zone is not linked to anything by the fixture. */
  EstateFixture vnetServerUnlinked(
      String name, String vnet, String subnet, String address, String zone, UnaryOperator<FlexibleServer.Builder> settings) {
    return vnetServerInRegion(name, vnetSpec(vnet).region.name(), vnet, subnet, address, zone, settings);
  }

  /** A VNet-integrated server in a region of its own choosing (its zone is not linked by this call). */
  EstateFixture vnetServerInRegion(
      String name, String region, String vnet, String subnet, String address, String zone, UnaryOperator<FlexibleServer.Builder> settings) {
    FlexibleServer.Builder b =
        FlexibleServer.builder()
            .id(serverId(name))
            .region(Region.parse(region))
            .delegatedSubnet(subnetId(vnet, subnet))
            .privateDnsZone(zoneSpec(zone).id)
            .privateAddress(ip(address));
    servers.add(settings.apply(b).build());
    return this;
  }

  /** A public-access server in West Europe; {@code publicAddress} may be null (unknown). */
  EstateFixture publicServer(String name, String publicAddress) {
    return publicServer(name, publicAddress, b -> b);
  }

  /** A public-access server in West Europe with settings of its own. */
  EstateFixture publicServer(String name, String publicAddress, UnaryOperator<FlexibleServer.Builder> settings) {
    return publicServerIn(WEST_EUROPE, name, publicAddress, settings);
  }

  /** A public-access server in a region. */
  EstateFixture publicServerIn(String region, String name, String publicAddress, UnaryOperator<FlexibleServer.Builder> settings) {
    FlexibleServer.Builder b = FlexibleServer.builder().id(serverId(name)).region(Region.parse(region));
    if (publicAddress != null) {
      b.publicAddress(ip(publicAddress));
    }
    servers.add(settings.apply(b).build());
    return this;
  }

  EstateFixture firewallRule(String server, String ruleName, String start, String end) {
    return firewallRule(server, FirewallRule.of(ruleName, start, end));
  }

  EstateFixture firewallRule(String server, FirewallRule rule) {
    firewallRules.merge(serverId(server), FirewallRuleSet.of(rule), (old, added) -> old.upsert(rule));
    return this;
  }

  /** Deletes a server's firewall rule at an instant (the deletion takes up to five minutes to take effect). */
  EstateFixture firewallRuleDeleted(String server, String ruleName, Instant at) {
    firewallRules.computeIfPresent(serverId(server), (k, rules) -> rules.delete(ruleName, at));
    return this;
  }

  /** Records that a dropped server with this name had private endpoints. */
  EstateFixture droppedServerWithPrivateEndpoints(String name) {
    dropped.add(name);
    return this;
  }

  // ------------------------------------------------------------------ private endpoints

  /**
   * An Approved private endpoint in a subnet, in the subnet's region, whose DNS zone group writes
   * into the {@code privatelink.postgres.database.azure.com} zone (created on first use).
   */
  EstateFixture endpoint(String name, String server, String vnet, String subnet, String address) {
    return endpoint(name, server, vnet, subnet, address, b -> b, PRIVATELINK_ZONE);
  }

  /** A private endpoint in a given connection state. */
  EstateFixture endpoint(String name, String server, String vnet, String subnet, String address, PrivateEndpointConnectionState state) {
    return endpoint(name, server, vnet, subnet, address, b -> b.connectionState(state), PRIVATELINK_ZONE);
  }

  /**
   * A private endpoint with settings of its own, whose zone group writes into the named zones
   * (none: no zone group). Zones are resolved by name in the fixture, so a second zone with the
   * same name must be made with {@link #endpointInZoneIds}.
   */
  EstateFixture endpoint(
      String name, String server, String vnet, String subnet, String address, UnaryOperator<PrivateEndpoint.Builder> settings, String... zoneNames) {
    ResourceId[] ids = Arrays.stream(zoneNames).map(z -> zoneSpec(z).id).toArray(ResourceId[]::new);
    return endpointInZoneIds(name, server, vnet, subnet, address, settings, ids);
  }

  /** A private endpoint whose zone group writes into zones given by id (see {@link #zoneIn}). */
  EstateFixture endpointInZoneIds(
      String name, String server, String vnet, String subnet, String address, UnaryOperator<PrivateEndpoint.Builder> settings, ResourceId... zoneIds) {
    VnetSpec v = vnetSpec(vnet);
    PrivateEndpoint.Builder b =
        PrivateEndpoint.builder()
            .id(ResourceId.of(v.id.subscriptionId(), "apps", PrivateEndpoint.RESOURCE_TYPE, name))
            .region(v.region)
            .subnet(subnetId(vnet, subnet))
            .privateAddress(ip(address))
            .targetServer(serverId(server));
    Arrays.stream(zoneIds).forEach(b::addPrivateDnsZones);
    endpoints.add(settings.apply(b).build());
    return this;
  }

  /**
   * A private DNS zone in another subscription (so two zones may share a name), linked to one
   * network.
   *
   * @return the zone's id, for {@link #endpointInZoneIds}
   */
  ResourceId zoneIn(String subscription, String zone, String linkedVnet) {
    String key = subscription + "/" + zone;
    ZoneSpec z = zones.computeIfAbsent(key, k -> new ZoneSpec(ResourceId.of(subscription, "dns", PrivateDnsZone.RESOURCE_TYPE, zone)));
    z.links.add(VirtualNetworkLink.builder().id(z.id.child("virtualNetworkLinks", linkedVnet + "-link")).virtualNetwork(vnetSpec(linkedVnet).id).build());
    return z.id;
  }

  // ------------------------------------------------------------------ clients

  /** A VM in a subnet (with a modelled network interface), no known outbound public address. */
  EstateFixture vm(String name, String vnet, String subnet, String address) {
    return vm(name, vnet, subnet, address, null);
  }

  /** A VM whose internet-bound traffic leaves from {@code outboundPublicAddress} (may be null). */
  EstateFixture vm(String name, String vnet, String subnet, String address, String outboundPublicAddress) {
    return vm(name, vnet, subnet, address, outboundPublicAddress, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
  }

  /** A VM offering exactly these TLS versions (none: no TLS). */
  EstateFixture vm(String name, String vnet, String subnet, String address, String outboundPublicAddress, TlsVersion... tls) {
    ResourceId nic = ResourceId.of(vnetSpec(vnet).id.subscriptionId(), "apps", NetworkInterface.RESOURCE_TYPE, name + "-nic");
    nics.put(name, new NicSpec(nic, subnetId(vnet, subnet), ip(address)));
    clients.add(
        Client.builder()
            .name(name)
            .location(
                new ClientLocation.InVirtualNetwork(
                    subnetId(vnet, subnet), ip(address), Optional.ofNullable(outboundPublicAddress).map(Ipv4Address::parse), Optional.of(nic)))
            .tlsVersions(ImmutableSet.copyOf(tls))
            .build());
    return this;
  }

  /** Associates a network security group (see {@link #nsg}) with a VM's network interface. */
  EstateFixture vmNsg(String vm, String nsg) {
    if (!nics.containsKey(vm)) {
      throw new IllegalArgumentException("no VM " + vm + " in the fixture");
    }
    nicGroups.put(vm, nsgId(nsg));
    return this;
  }

  /** A host on an on-premises network, with an optional public egress address (may be null). */
  EstateFixture onPremisesHost(String name, String network, String address, String outboundPublicAddress) {
    clients.add(
        Client.builder()
            .name(name)
            .location(new ClientLocation.OnPremises(onPremisesId(network), ip(address), Optional.ofNullable(outboundPublicAddress).map(Ipv4Address::parse)))
            .build());
    return this;
  }

  /** A host on the internet offering TLS 1.2 and 1.3. */
  EstateFixture internetHost(String name, String address) {
    return internetHost(name, address, TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
  }

  /** A host on the internet that does not use TLS at all. */
  EstateFixture internetHostWithoutTls(String name, String address) {
    return internetHost(name, address, new TlsVersion[0]);
  }

  /** A host on the internet offering exactly these TLS versions. */
  EstateFixture internetHost(String name, String address, TlsVersion... tls) {
    clients.add(Client.builder().name(name).location(new ClientLocation.Internet(ip(address))).tlsVersions(ImmutableSet.copyOf(tls)).build());
    return this;
  }

  /** An Azure-hosted service outside any virtual network, owned by a tenant. */
  EstateFixture azureService(String name, String address, String tenant) {
    clients.add(Client.builder().name(name).location(new ClientLocation.AzureHosted(ip(address), tenant)).build());
    return this;
  }

  // ------------------------------------------------------------------ build

  Estate build() {
    Network.Builder n = Network.builder();
    for (VnetSpec v : vnets.values()) {
      VirtualNetwork.Builder b = VirtualNetwork.builder().id(v.id).region(v.region).addAllAddressSpace(v.space).addAllDnsServers(v.dnsServers);
      for (SubnetSpec s : v.subnets.values()) {
        Subnet.Builder sb = Subnet.builder().id(s.id).addressPrefix(s.prefix).privateEndpointNetworkPolicies(s.policies);
        s.delegation.ifPresent(sb::delegation);
        s.nsg.ifPresent(sb::networkSecurityGroup);
        s.routeTable.ifPresent(sb::routeTable);
        b.addSubnets(sb.build());
      }
      b.addAllVirtualNetworkPeerings(v.peerings);
      n.addVirtualNetworks(b.build());
    }
    nics.forEach(
        (vm, nic) -> {
          NetworkInterface.Builder b = NetworkInterface.builder().id(nic.id()).subnet(nic.subnet()).privateAddress(nic.address());
          Optional.ofNullable(nicGroups.get(vm)).ifPresent(b::networkSecurityGroup);
          n.addNetworkInterfaces(b.build());
        });
    n.addAllRouteTables(routeTables)
        .addAllVirtualNetworkGateways(gateways)
        .addAllGatewayConnections(connections)
        .addAllOnPremisesNetworks(onPremises);
    n.addAllFlexibleServers(servers);
    Estate.Builder e = Estate.builder().network(n.build()).addAllNetworkSecurityGroups(nsgs);
    e.putAllFirewallRules(firewallRules);
    for (ZoneSpec z : zones.values()) {
      e.addPrivateDnsZones(PrivateDnsZone.builder().id(z.id).addAllRecords(z.records).addAllVirtualNetworkLinks(z.links).build());
    }
    e.addAllDnsServers(dnsServers).addAllPrivateEndpoints(endpoints).addAllClients(clients);
    dropped.forEach(d -> e.addDroppedServersWithPrivateEndpoints(dev.pgreach.core.ServerName.parse(d)));
    return e.build();
  }

  // ------------------------------------------------------------------ questions and assertions

  /** Asks whether a client of the estate can open a session to the target on 5432, now. */
  static Connection connect(Estate estate, ServiceProfile profile, String client, String target) {
    return connect(estate, profile, client, target, POSTGRES_PORT, NOW);
  }

  static Connection connect(Estate estate, ServiceProfile profile, String client, String target, int port, Instant at) {
    return Connectivity.of(estate, profile).connect(estate.client(client), target, port, at);
  }

  /** Resolves a name from a client's place. */
  static Resolution resolve(Estate estate, ServiceProfile profile, String client, String name) {
    return Connectivity.of(estate, profile).resolve(estate.client(client), DnsName.parse(name));
  }

  static List<FindingCode> findingCodes(Estate estate, ServiceProfile profile) {
    return EstateValidation.validate(estate, profile).stream().map(Finding::code).collect(Collectors.toList());
  }

  static void assertFinding(Estate estate, ServiceProfile profile, FindingCode code) {
    List<FindingCode> codes = findingCodes(estate, profile);
    assertTrue(codes.contains(code), () -> "expected " + code + " under " + profile + ", got " + codes);
  }

  static void assertNoFinding(Estate estate, ServiceProfile profile, FindingCode code) {
    List<FindingCode> codes = findingCodes(estate, profile);
    assertFalse(codes.contains(code), () -> "expected no " + code + " under " + profile + ", got " + codes);
  }

  static List<ReasonCode> stepCodes(Connection c) {
    return c.steps().stream().map(Step::code).collect(Collectors.toList());
  }

  static boolean hasStep(Connection c, ReasonCode code) {
    return stepCodes(c).contains(code);
  }

  static void assertStep(Connection c, ReasonCode code) {
    assertTrue(hasStep(c, code), () -> "expected a " + code + " step in\n" + c.explanation());
  }

  static void assertNoStep(Connection c, ReasonCode code) {
    assertFalse(hasStep(c, code), () -> "expected no " + code + " step in\n" + c.explanation());
  }

  /** Connected: ALLOWED, nothing deciding, and the answer ends by saying authentication still applies. */
  static void assertConnected(Connection c) {
    assertEquals(Disposition.ALLOWED, c.disposition(), c::explanation);
    assertTrue(c.decidingStep().isEmpty(), c::explanation);
    assertEquals(ReasonCode.AUTHENTICATION_REQUIRED, c.steps().get(c.steps().size() - 1).code(), c::explanation);
  }

  /** Blocked, and decided by a step with this code. */
  static void assertBlocked(Connection c, ReasonCode decidedBy) {
    assertEquals(Disposition.BLOCKED, c.disposition(), c::explanation);
    assertEquals(decidedBy, c.decidingStep().orElseThrow().code(), c::explanation);
  }

  /** Indeterminate, waiting on a step with this code. */
  static void assertIndeterminate(Connection c, ReasonCode waitingOn) {
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(waitingOn, c.decidingStep().orElseThrow().code(), c::explanation);
  }

  /** The front door the connection knocked on, if it got that far. */
  static Optional<ConnectStep.FrontDoor> frontDoor(Connection c) {
    return c.steps().stream().filter(s -> s instanceof ConnectStep.FrontDoor).map(s -> (ConnectStep.FrontDoor) s).findFirst();
  }
}
