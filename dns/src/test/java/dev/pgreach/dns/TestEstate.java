package dev.pgreach.dns;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A small, re-buildable description of an estate for tests: networks, servers, zones, links and
 * DNS servers from short names. {@link #build()} may be called many times; {@link #build(Random)}
 * supplies zones, records, links and DNS servers in a shuffled order.
 */
final class TestEstate {
  static final String SUBSCRIPTION = "00000000-0000-0000-0000-0000000000d1";

  // ------------------------------------------------------------ ids and values

  static ResourceId id(String type, String name) {
    return ResourceId.of(SUBSCRIPTION, "net", type, name);
  }

  static ResourceId vnetId(String vnet) {
    return id(VirtualNetwork.RESOURCE_TYPE, vnet);
  }

  static ResourceId subnetId(String vnet, String subnet) {
    return vnetId(vnet).child("subnets", subnet);
  }

  static ResourceId serverId(String server) {
    return ResourceId.of(SUBSCRIPTION, "data", FlexibleServer.RESOURCE_TYPE, server);
  }

  static ResourceId zoneId(String zone) {
    return zoneId("dns", zone);
  }

  static ResourceId zoneId(String resourceGroup, String zone) {
    return ResourceId.of(SUBSCRIPTION, resourceGroup, PrivateDnsZone.RESOURCE_TYPE, zone);
  }

  static ResourceId linkId(String resourceGroup, String zone, String link) {
    return zoneId(resourceGroup, zone).child("virtualNetworkLinks", link);
  }

  static ResourceId onPremId(String name) {
    return id(OnPremisesNetwork.RESOURCE_TYPE, name);
  }

  static ResourceId vmId(String name) {
    return id("Microsoft.Compute/virtualMachines", name);
  }

  static ResourceId inboundId(String resolver, String endpoint) {
    return id("Microsoft.Network/dnsResolvers", resolver).child("inboundEndpoints", endpoint);
  }

  static DnsName dns(String text) {
    return DnsName.parse(text);
  }

  static DnsName fqdn(String server) {
    return DnsName.of(ServerName.parse(server));
  }

  static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  static ClientLocation vm(String vnet, String subnet, String address) {
    return ClientLocation.InVirtualNetwork.of(subnetId(vnet, subnet), ip(address));
  }

  static ClientLocation onPrem(String network, String address) {
    return ClientLocation.OnPremises.of(onPremId(network), ip(address));
  }

  static ClientLocation internet(String address) {
    return new ClientLocation.Internet(ip(address));
  }

  static DnsRecord a(String name, String address) {
    return DnsRecord.a(RecordName.parse(name), ip(address));
  }

  static DnsRecord cname(String name, String target) {
    return DnsRecord.cname(RecordName.parse(name), dns(target));
  }

  /** A custom DNS server (a virtual machine) in a subnet. */
  static DnsServer.Builder customDns(String name, String vnet, String subnet, String address) {
    return DnsServer.builder().id(vmId(name)).location(vm(vnet, subnet, address));
  }

  /** A custom DNS server on an on-premises network. */
  static DnsServer.Builder onPremDns(String name, String network, String address) {
    return DnsServer.builder().id(onPremId(network).child("dnsServers", name)).location(onPrem(network, address));
  }

  /** A DNS Private Resolver inbound endpoint in a subnet. */
  static DnsServer inboundEndpoint(String name, String vnet, String subnet, String address) {
    return DnsServer.builder()
        .id(inboundId("resolver-" + vnet, name))
        .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
        .location(vm(vnet, subnet, address))
        .build();
  }

  // ------------------------------------------------------------ specs

  static final class VnetSpec {
    final String name;
    final String region;
    final String prefix;
    final List<String[]> subnets = new ArrayList<>();
    final List<String> dnsServers = new ArrayList<>();
    final Map<String, Consumer<VirtualNetworkPeering.Builder>> peerings = new LinkedHashMap<>();

    VnetSpec(String name, String region, String prefix) {
      this.name = name;
      this.region = region;
      this.prefix = prefix;
    }

    VnetSpec copy() {
      VnetSpec c = new VnetSpec(name, region, prefix);
      c.subnets.addAll(subnets);
      c.dnsServers.addAll(dnsServers);
      c.peerings.putAll(peerings);
      return c;
    }
  }

  static final class LinkSpec {
    final String name;
    final String vnet;
    final ResolutionPolicy policy;
    final boolean registration;

    LinkSpec(String name, String vnet, ResolutionPolicy policy, boolean registration) {
      this.name = name;
      this.vnet = vnet;
      this.policy = policy;
      this.registration = registration;
    }
  }

  static final class ZoneSpec {
    final String resourceGroup;
    final String name;
    final List<DnsRecord> records = new ArrayList<>();
    final List<LinkSpec> links = new ArrayList<>();

    ZoneSpec(String resourceGroup, String name) {
      this.resourceGroup = resourceGroup;
      this.name = name;
    }

    ResourceId id() {
      return zoneId(resourceGroup, name);
    }

    ZoneSpec copy() {
      ZoneSpec c = new ZoneSpec(resourceGroup, name);
      c.records.addAll(records);
      c.links.addAll(links);
      return c;
    }
  }

  private final Map<String, VnetSpec> vnets = new LinkedHashMap<>();
  private final Map<String, String[]> onPremises = new LinkedHashMap<>();
  private final List<String[]> connections = new ArrayList<>();
  private final List<String> gateways = new ArrayList<>();
  private final List<FlexibleServer> servers = new ArrayList<>();
  private final Map<String, ZoneSpec> zones = new LinkedHashMap<>();
  private final List<DnsServer> dnsServers = new ArrayList<>();
  private final List<String> privateEndpoints = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();

  TestEstate copy() {
    TestEstate c = new TestEstate();
    vnets.forEach((k, v) -> c.vnets.put(k, v.copy()));
    c.onPremises.putAll(onPremises);
    c.connections.addAll(connections);
    c.gateways.addAll(gateways);
    c.servers.addAll(servers);
    zones.forEach((k, z) -> c.zones.put(k, z.copy()));
    c.dnsServers.addAll(dnsServers);
    c.privateEndpoints.addAll(privateEndpoints);
    c.labels.putAll(labels);
    return c;
  }

  // ------------------------------------------------------------ fluent description

  TestEstate vnet(String name, String region, String prefix) {
    vnets.put(name, new VnetSpec(name, region, prefix));
    return this;
  }

  TestEstate subnet(String vnet, String name, String prefix) {
    vnets.get(vnet).subnets.add(new String[] {name, prefix, ""});
    return this;
  }

  TestEstate delegatedSubnet(String vnet, String name, String prefix) {
    vnets.get(vnet).subnets.add(new String[] {name, prefix, Subnet.FLEXIBLE_SERVER_DELEGATION});
    return this;
  }

  /** A connected peering, with the first network's gateway used by the second when {@code transit}. */
  TestEstate peer(String a, String b, boolean transit) {
    vnets.get(a).peerings.put(b, p -> p.allowGatewayTransit(transit));
    vnets.get(b).peerings.put(a, p -> p.useRemoteGateways(transit));
    return this;
  }

  TestEstate peer(String a, String b) {
    return peer(a, b, false);
  }

  TestEstate gateway(String vnet) {
    gateways.add(vnet);
    return this;
  }

  TestEstate onPremises(String name, String prefix, String... dnsServers) {
    onPremises.put(name, concat(prefix, dnsServers));
    return this;
  }

  TestEstate connect(String vnet, String onPremisesNetwork) {
    connections.add(new String[] {vnet, onPremisesNetwork});
    return this;
  }

  /** Sets a network's custom DNS servers (replacing any set before). */
  TestEstate vnetDns(String vnet, String... addresses) {
    vnets.get(vnet).dnsServers.clear();
    vnets.get(vnet).dnsServers.addAll(List.of(addresses));
    return this;
  }

  /** Sets an on-premises network's DNS servers (replacing any set before). */
  TestEstate onPremisesDns(String name, String... addresses) {
    onPremises.put(name, concat(onPremises.get(name)[0], addresses));
    return this;
  }

  TestEstate server(FlexibleServer server) {
    servers.removeIf(s -> s.id().equals(server.id()));
    servers.add(server);
    return this;
  }

  TestEstate vnetServer(String name, String vnet, String subnet, String address, String zone) {
    return server(
        FlexibleServer.builder()
            .id(serverId(name))
            .region(Region.parse(vnets.get(vnet).region))
            .delegatedSubnet(subnetId(vnet, subnet))
            .privateDnsZone(zoneId(zone))
            .privateAddress(ip(address))
            .build());
  }

  /** A public-access server; {@code publicAddress} may be null for an unknown address. */
  TestEstate publicServer(String name, String publicAddress) {
    FlexibleServer.Builder b = FlexibleServer.builder().id(serverId(name)).region(Region.parse("westeurope"));
    if (publicAddress != null) {
      b.publicAddress(ip(publicAddress));
    }
    return server(b.build());
  }

  TestEstate privateEndpoint(String server) {
    privateEndpoints.add(server);
    return this;
  }

  TestEstate label(String server, String label) {
    labels.put(server, label);
    return this;
  }

  TestEstate zone(String name, DnsRecord... records) {
    return zoneIn("dns", name, records);
  }

  TestEstate zoneIn(String resourceGroup, String name, DnsRecord... records) {
    ZoneSpec z = zones.computeIfAbsent(resourceGroup + "/" + name, k -> new ZoneSpec(resourceGroup, name));
    z.records.addAll(List.of(records));
    return this;
  }

  TestEstate record(String zone, DnsRecord record) {
    zones.get("dns/" + zone).records.add(record);
    return this;
  }

  TestEstate link(String zone, String vnet) {
    return linkIn("dns", zone, vnet, ResolutionPolicy.DEFAULT, false);
  }

  TestEstate link(String zone, String vnet, ResolutionPolicy policy) {
    return linkIn("dns", zone, vnet, policy, false);
  }

  TestEstate registration(String zone, String vnet) {
    return linkIn("dns", zone, vnet, ResolutionPolicy.DEFAULT, true);
  }

  TestEstate linkIn(String resourceGroup, String zone, String vnet, ResolutionPolicy policy, boolean registration) {
    ZoneSpec z = zones.get(resourceGroup + "/" + zone);
    String name = vnet + "-link" + (z.links.isEmpty() ? "" : "-" + z.links.size());
    for (int n = z.links.size(); nameTaken(z, name); n++) {
      name = vnet + "-link-" + n;
    }
    z.links.add(new LinkSpec(name, vnet, policy, registration));
    return this;
  }

  private static boolean nameTaken(ZoneSpec z, String name) {
    return z.links.stream().anyMatch(l -> l.name.equals(name));
  }

  /** Removes every link of a zone to a network. */
  TestEstate unlink(String resourceGroup, String zone, String vnet) {
    zones.get(resourceGroup + "/" + zone).links.removeIf(l -> l.vnet.equals(vnet));
    return this;
  }

  boolean linked(String resourceGroup, String zone, String vnet) {
    return zones.get(resourceGroup + "/" + zone).links.stream().anyMatch(l -> l.vnet.equals(vnet));
  }

  List<ZoneSpec> zones() {
    return new ArrayList<>(zones.values());
  }

  List<String> vnetNames() {
    return new ArrayList<>(vnets.keySet());
  }

  TestEstate dnsServer(DnsServer server) {
    dnsServers.add(server);
    return this;
  }

  TestEstate dnsServer(DnsServer.Builder server) {
    return dnsServer(server.build());
  }

  // ------------------------------------------------------------ building

  Network network() {
    Network.Builder n = Network.builder();
    for (VnetSpec v : vnets.values()) {
      VirtualNetwork.Builder b =
          VirtualNetwork.builder()
              .id(vnetId(v.name))
              .region(Region.parse(v.region))
              .addAddressSpace(Ipv4Prefix.parse(v.prefix));
      for (String[] s : v.subnets) {
        Subnet.Builder sb = Subnet.builder().id(subnetId(v.name, s[0])).addressPrefix(Ipv4Prefix.parse(s[1]));
        if (!s[2].isEmpty()) {
          sb.delegation(s[2]);
        }
        b.addSubnets(sb.build());
      }
      v.dnsServers.forEach(a -> b.addDnsServers(ip(a)));
      v.peerings.forEach(
          (remote, flags) -> {
            VirtualNetworkPeering.Builder p =
                VirtualNetworkPeering.builder()
                    .id(vnetId(v.name).child("virtualNetworkPeerings", v.name + "-to-" + remote))
                    .remoteVirtualNetwork(vnetId(remote));
            flags.accept(p);
            b.addVirtualNetworkPeerings(p.build());
          });
      n.addVirtualNetworks(b.build());
    }
    for (String g : gateways) {
      n.addVirtualNetworkGateways(
          VirtualNetworkGateway.builder().id(id(VirtualNetworkGateway.RESOURCE_TYPE, g + "-gw")).virtualNetwork(vnetId(g)).build());
    }
    onPremises.forEach(
        (name, spec) -> {
          OnPremisesNetwork.Builder b = OnPremisesNetwork.builder().id(onPremId(name)).addAddressPrefixes(Ipv4Prefix.parse(spec[0]));
          for (int i = 1; i < spec.length; i++) {
            b.addDnsServers(ip(spec[i]));
          }
          n.addOnPremisesNetworks(b.build());
        });
    for (String[] c : connections) {
      n.addGatewayConnections(
          GatewayConnection.builder()
              .id(id(GatewayConnection.RESOURCE_TYPE, c[0] + "-to-" + c[1]))
              .connectionType(GatewayConnection.ConnectionType.IPSEC)
              .virtualNetworkGateway(id(VirtualNetworkGateway.RESOURCE_TYPE, c[0] + "-gw"))
              .remote(onPremId(c[1]))
              .build());
    }
    n.addAllFlexibleServers(servers);
    return n.build();
  }

  DnsEstate build() {
    return build(Optional.empty());
  }

  /** Builds with zones, records, links and DNS servers supplied in a shuffled order. */
  DnsEstate build(Random shuffle) {
    return build(Optional.of(shuffle));
  }

  private DnsEstate build(Optional<Random> shuffle) {
    DnsEstate.Builder e = DnsEstate.builder().network(network());
    List<PrivateDnsZone> built = new ArrayList<>();
    for (ZoneSpec z : zones.values()) {
      List<DnsRecord> records = new ArrayList<>(z.records);
      List<LinkSpec> links = new ArrayList<>(z.links);
      shuffle.ifPresent(r -> Collections.shuffle(records, r));
      shuffle.ifPresent(r -> Collections.shuffle(links, r));
      PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(z.id()).addAllRecords(records);
      for (LinkSpec l : links) {
        b.addVirtualNetworkLinks(
            VirtualNetworkLink.builder()
                .id(linkId(z.resourceGroup, z.name, l.name))
                .virtualNetwork(vnetId(l.vnet))
                .resolutionPolicy(l.policy)
                .registrationEnabled(l.registration)
                .build());
      }
      built.add(b.build());
    }
    List<DnsServer> servers = new ArrayList<>(dnsServers);
    shuffle.ifPresent(r -> Collections.shuffle(built, r));
    shuffle.ifPresent(r -> Collections.shuffle(servers, r));
    e.addAllPrivateDnsZones(built).addAllDnsServers(servers);
    privateEndpoints.forEach(s -> e.addPrivateEndpointServers(serverId(s)));
    labels.forEach((s, l) -> e.putPublicEndpointLabels(ServerName.parse(s), dns(l)));
    return e.build();
  }

  Resolver resolver() {
    return Resolver.of(build(), ServiceProfile.current());
  }

  Resolver resolver(ServiceProfile profile) {
    return Resolver.of(build(), profile);
  }

  private static String[] concat(String first, String... rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  // ------------------------------------------------------------ the standard estate

  static final String PRIVATELINK = "privatelink.postgres.database.azure.com";
  static final String ORDERS_ZONE = "orders.private.postgres.database.azure.com";

  /**
   * The estate most examples start from.
   *
   * <ul>
   *   <li>hub (westeurope, 10.0.0.0/16): app 10.0.1.0/24, db 10.0.2.0/24 (delegated), dns
   *       10.0.3.0/24; a VPN gateway to on-premises corp (192.168.0.0/16, no DNS servers yet);
   *   <li>spoke (westeurope, 10.1.0.0/16): app 10.1.1.0/24; peered with hub, using its gateway;
   *   <li>far (northeurope, 10.2.0.0/16): app 10.2.1.0/24; not peered;
   *   <li>orders: VNet-integrated in hub/db at 10.0.2.4, zone orders.private.postgres.database.azure.com
   *       linked to hub;
   *   <li>billing: public access at 20.50.1.10, no private endpoint;
   *   <li>crm: public access at 20.50.1.20, private endpoint 10.0.1.50;
   *   <li>audit: public access, address unknown, private endpoint 10.0.1.51;
   *   <li>privatelink.postgres.database.azure.com with crm and audit, linked to hub.
   * </ul>
   */
  static TestEstate standard() {
    return new TestEstate()
        .vnet("hub", "westeurope", "10.0.0.0/16")
        .subnet("hub", "app", "10.0.1.0/24")
        .delegatedSubnet("hub", "db", "10.0.2.0/24")
        .subnet("hub", "dns", "10.0.3.0/24")
        .vnet("spoke", "westeurope", "10.1.0.0/16")
        .subnet("spoke", "app", "10.1.1.0/24")
        .vnet("far", "northeurope", "10.2.0.0/16")
        .subnet("far", "app", "10.2.1.0/24")
        .peer("hub", "spoke", true)
        .gateway("hub")
        .onPremises("corp", "192.168.0.0/16")
        .connect("hub", "corp")
        .vnetServer("orders", "hub", "db", "10.0.2.4", ORDERS_ZONE)
        .publicServer("billing", "20.50.1.10")
        .publicServer("crm", "20.50.1.20")
        .privateEndpoint("crm")
        .publicServer("audit", null)
        .privateEndpoint("audit")
        .zone(ORDERS_ZONE)
        .link(ORDERS_ZONE, "hub")
        .zone(PRIVATELINK, a("crm", "10.0.1.50"), a("audit", "10.0.1.51"))
        .link(PRIVATELINK, "hub");
  }

  static final ClientLocation HUB_VM = vm("hub", "app", "10.0.1.4");
  static final ClientLocation SPOKE_VM = vm("spoke", "app", "10.1.1.4");
  static final ClientLocation FAR_VM = vm("far", "app", "10.2.1.4");
  static final ClientLocation CORP_HOST = onPrem("corp", "192.168.1.10");
  static final ClientLocation INTERNET_HOST = internet("203.0.113.7");
}
