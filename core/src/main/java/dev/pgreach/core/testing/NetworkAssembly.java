package dev.pgreach.core.testing;

import static dev.pgreach.core.testing.NetworkBlueprints.BOTH_WAYS;
import static dev.pgreach.core.testing.NetworkBlueprints.FAMILY_172;
import static dev.pgreach.core.testing.NetworkBlueprints.FAMILY_192;
import static dev.pgreach.core.testing.NetworkBlueprints.FORWARD_ONLY;
import static dev.pgreach.core.testing.NetworkBlueprints.PLAIN;
import static dev.pgreach.core.testing.NetworkBlueprints.REVERSE_ONLY;
import static dev.pgreach.core.testing.NetworkBlueprints.SERVERS;
import static dev.pgreach.core.testing.NetworkBlueprints.TLS_1_2_ONLY;
import static dev.pgreach.core.testing.NetworkBlueprints.TLS_1_3_ONLY;
import static dev.pgreach.core.testing.NetworkBlueprints.TLS_FROM_1_0;
import static dev.pgreach.core.testing.NetworkBlueprints.TLS_UP_TO_1_3;
import static dev.pgreach.core.testing.NetworkBlueprints.TO_ON_PREMISES;
import static dev.pgreach.core.testing.NetworkBlueprints.TO_PUBLIC;
import static dev.pgreach.core.testing.NetworkBlueprints.TO_SUBNET;
import static dev.pgreach.core.testing.NetworkBlueprints.TO_VIRTUAL_NETWORK;
import static dev.pgreach.core.testing.NetworkBlueprints.WEB;

import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.ServiceTagRoute;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.core.testing.NetworkBlueprints.AccessPlan;
import dev.pgreach.core.testing.NetworkBlueprints.Blueprint;
import dev.pgreach.core.testing.NetworkBlueprints.InterfacePlan;
import dev.pgreach.core.testing.NetworkBlueprints.Layout;
import dev.pgreach.core.testing.NetworkBlueprints.LinkPlan;
import dev.pgreach.core.testing.NetworkBlueprints.PeeringPlan;
import dev.pgreach.core.testing.NetworkBlueprints.RoutePlan;
import dev.pgreach.core.testing.NetworkBlueprints.RouteTablePlan;
import dev.pgreach.core.testing.NetworkBlueprints.ServerPlan;
import dev.pgreach.core.testing.NetworkBlueprints.SettingsPlan;
import dev.pgreach.core.testing.NetworkBlueprints.SubnetPlan;
import dev.pgreach.core.testing.NetworkBlueprints.VnetPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a blueprint into a network through the public builders of {@code dev.pgreach.core}:
 * address spaces and subnets carved without overlap, peerings, the gateway and on-premises
 * networks, interfaces, the route table and flexible servers, with the deliberate mistakes only
 * when they are allowed.
 */
final class NetworkAssembly {
  /** The subscription every generated resource belongs to. */
  private static final String SUBSCRIPTION = "5eed0000-0000-4000-8000-000000000001";

  private static final String NETWORK_GROUP = "net";
  private static final String DATA_GROUP = "data";
  private static final String DNS_GROUP = "dns";
  private static final String ON_PREMISES_GROUP = "onprem";

  private static final String PRIVATE_DNS_ZONE_TYPE = "Microsoft.Network/privateDnsZones";
  private static final String PRIVATE_ZONE_SUFFIX = ".private.postgres.database.azure.com";
  private static final String SHARED_ZONE = "estate" + PRIVATE_ZONE_SUFFIX;
  private static final String WEB_DELEGATION = "Microsoft.Web/serverFarms";
  static final String GATEWAY_SUBNET = "GatewaySubnet";

  private static final List<Region> REGIONS =
      List.of(
          Region.parse("westeurope"),
          Region.parse("northeurope"),
          Region.parse("swedencentral"),
          Region.parse("eastus2"));

  /**
   * Server name stems; with the suffix {@code -<index>} the shortest name has 3 characters and the
   * longest 63, the two ends of {@code ServerName}'s rule.
   */
  private static final List<String> SERVER_STEMS =
      List.of(
          "p",
          "orders",
          "billing-db",
          "ledger2",
          "reporting-warehouse-replica-for-the-finance-teams-west-europe");

  /** First on-premises prefixes, outside every prefix a virtual network is given. */
  private static final List<Ipv4Prefix> ON_PREMISES_PREFIXES =
      List.of(
          Ipv4Prefix.parse("10.250.0.0/16"),
          Ipv4Prefix.parse("192.168.128.0/20"),
          Ipv4Prefix.parse("172.30.0.0/16"));

  /** Second on-premises prefixes, disjoint from the first ones and from the virtual networks. */
  private static final List<Ipv4Prefix> MORE_ON_PREMISES_PREFIXES =
      List.of(
          Ipv4Prefix.parse("10.251.8.0/24"),
          Ipv4Prefix.parse("192.168.192.0/24"),
          Ipv4Prefix.parse("172.31.255.0/28"));

  private static final Ipv4Prefix BRANCH_PREFIX = Ipv4Prefix.parse("192.168.240.0/24");

  private static final long INTERFACE_PUBLIC_BASE = Ipv4Address.parse("20.40.0.0").toLong();
  private static final long SERVER_PUBLIC_BASE = Ipv4Address.parse("20.100.0.0").toLong();
  private static final long ROUTE_PUBLIC_BASE = Ipv4Address.parse("52.0.0.0").toLong();
  private static final int GATEWAY = 3;

  private NetworkAssembly() {}

  /**
   * Builds the network, strictly (no validation error) or, when the blueprint asks for mistakes and
   * they are allowed, with them.
   */
  static Network assemble(Blueprint blueprint, boolean allowMistakes) {
    return new Assembly(blueprint, !(allowMistakes && blueprint.layout().mistakes())).network();
  }

  /** A subnet as it was placed, with the virtual network it is in and what it is for. */
  private record Placed(Draft draft, Subnet subnet, int kind) {}

  /** A virtual network while it is assembled. */
  private static final class Draft {
    final String name;
    final ResourceId id;
    final Region region;
    final List<Ipv4Prefix> space = new ArrayList<>();
    final List<Subnet> subnets = new ArrayList<>();
    final List<VirtualNetworkPeering> peerings = new ArrayList<>();
    final Set<Ipv4Address> used = new HashSet<>();
    final List<Ipv4Address> interfaceAddresses = new ArrayList<>();

    Draft(String name, Region region) {
      this.name = name;
      this.id = ResourceId.of(SUBSCRIPTION, NETWORK_GROUP, VirtualNetwork.RESOURCE_TYPE, name);
      this.region = region;
    }
  }

  /** Turns one blueprint into one network; used once. */
  private static final class Assembly {
    private final Blueprint blueprint;
    private final boolean strict;
    private final List<Region> regions = new ArrayList<>();
    private final int hub;
    private final Optional<ResourceId> routeTableId;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<Placed> placed = new ArrayList<>();
    private final List<NetworkInterface> interfaces = new ArrayList<>();
    private final List<Ipv4Prefix> onPremisesPrefixes = new ArrayList<>();
    private final Network.Builder network = Network.builder();

    Assembly(Blueprint blueprint, boolean strict) {
      this.blueprint = blueprint;
      this.strict = strict;
      Layout layout = blueprint.layout();
      for (int r = 0; r < layout.regionCount(); r++) {
        regions.add(REGIONS.get((layout.regionOffset() + r) % REGIONS.size()));
      }
      int count = blueprint.virtualNetworks().size();
      this.hub = layout.gateway().map(g -> g.hub() % count).orElse(-1);
      this.routeTableId =
          blueprint
              .routeTable()
              .map(
                  t ->
                      ResourceId.of(
                          SUBSCRIPTION, NETWORK_GROUP, RouteTable.RESOURCE_TYPE, "rt-spokes"));
    }

    Network network() {
      for (int i = 0; i < blueprint.virtualNetworks().size(); i++) {
        draft(i, blueprint.virtualNetworks().get(i));
      }
      interfaces();
      onPremises();
      routeTable();
      servers();
      virtualNetworks();
      return network.build();
    }

    private void draft(int i, VnetPlan plan) {
      Draft d =
          new Draft(i == hub ? "hub" : "vnet-" + i, regions.get(plan.region() % regions.size()));
      d.space.add(firstPrefix(i, plan));
      if (plan.secondPrefix()) {
        d.space.add(secondPrefix(i, plan));
      }
      drafts.add(d);
      long[] cursors = new long[d.space.size()];
      for (int p = 0; p < cursors.length; p++) {
        cursors[p] = d.space.get(p).first().toLong();
      }
      for (int j = 0; j < plan.subnets().size(); j++) {
        SubnetPlan s = plan.subnets().get(j);
        int length =
            s.kind() == SERVERS
                ? Math.min(s.length(), NetworkValidation.MAX_SERVER_SUBNET_PREFIX_LENGTH)
                : s.length();
        int target = s.inSecondPrefix() && cursors.length > 1 ? 1 : 0;
        Optional<Ipv4Prefix> prefix = carve(d.space.get(target), cursors, target, length, s.gap());
        if (prefix.isEmpty()) {
          continue;
        }
        String name = (s.kind() == SERVERS ? "db" : s.kind() == WEB ? "web" : "app") + j;
        Subnet.Builder b =
            Subnet.builder().id(d.id.child("subnets", name)).addressPrefix(prefix.get());
        if (s.kind() == SERVERS) {
          b.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION);
        } else if (s.kind() == WEB) {
          b.delegation(WEB_DELEGATION);
        }
        if (s.routeTable() && routeTableId.isPresent()) {
          b.routeTable(routeTableId.get());
        }
        place(d, b.build(), s.kind());
      }
      if (i == hub) {
        carve(d.space.get(0), cursors, 0, 27, 0)
            .ifPresent(
                p ->
                    place(
                        d,
                        Subnet.builder()
                            .id(d.id.child("subnets", GATEWAY_SUBNET))
                            .addressPrefix(p)
                            .build(),
                        GATEWAY));
      }
    }

    private void place(Draft d, Subnet subnet, int kind) {
      d.subnets.add(subnet);
      placed.add(new Placed(d, subnet, kind));
    }

    private void interfaces() {
      List<Placed> hosts = placed.stream().filter(p -> p.kind() == PLAIN).toList();
      List<InterfacePlan> plans = blueprint.interfaces();
      for (int k = 0; k < plans.size() && !hosts.isEmpty(); k++) {
        InterfacePlan plan = plans.get(k);
        Placed at = hosts.get(plan.subnet() % hosts.size());
        Optional<Ipv4Address> address = allocate(at.subnet(), plan.host(), at.draft().used);
        if (address.isEmpty()) {
          continue;
        }
        NetworkInterface.Builder b =
            NetworkInterface.builder()
                .id(
                    ResourceId.of(
                        SUBSCRIPTION, NETWORK_GROUP, NetworkInterface.RESOURCE_TYPE, "nic-" + k))
                .subnet(at.subnet().id())
                .privateAddress(address.get())
                .enableIpForwarding(plan.ipForwarding());
        if (plan.publicAddress()) {
          b.publicAddress(
              Ipv4Address.ofLong(INTERFACE_PUBLIC_BASE + 256L * k + 4 + plan.host() % 250));
        }
        interfaces.add(b.build());
        at.draft().interfaceAddresses.add(address.get());
      }
      network.addAllNetworkInterfaces(interfaces);
    }

    private void onPremises() {
      blueprint
          .layout()
          .gateway()
          .ifPresent(
              g -> {
                ResourceId gateway =
                    ResourceId.of(
                        SUBSCRIPTION,
                        NETWORK_GROUP,
                        VirtualNetworkGateway.RESOURCE_TYPE,
                        "hub-gateway");
                network.addVirtualNetworkGateways(
                    VirtualNetworkGateway.builder()
                        .id(gateway)
                        .virtualNetwork(drafts.get(hub).id)
                        .gatewayType(
                            g.expressRoute()
                                ? VirtualNetworkGateway.GatewayType.EXPRESS_ROUTE
                                : VirtualNetworkGateway.GatewayType.VPN)
                        .build());
                Ipv4Prefix first =
                    ON_PREMISES_PREFIXES.get(g.prefix() % ON_PREMISES_PREFIXES.size());
                OnPremisesNetwork.Builder b =
                    OnPremisesNetwork.builder()
                        .id(
                            ResourceId.of(
                                SUBSCRIPTION,
                                ON_PREMISES_GROUP,
                                OnPremisesNetwork.RESOURCE_TYPE,
                                "datacenter"))
                        .addAddressPrefixes(first);
                onPremisesPrefixes.add(first);
                if (g.secondPrefix()) {
                  Ipv4Prefix second =
                      MORE_ON_PREMISES_PREFIXES.get(
                          (g.prefix() + 1) % MORE_ON_PREMISES_PREFIXES.size());
                  b.addAddressPrefixes(second);
                  onPremisesPrefixes.add(second);
                }
                if (g.dns()) {
                  b.addDnsServers(Ipv4Address.ofLong(first.first().toLong() + 10));
                }
                OnPremisesNetwork datacenter = b.build();
                network.addOnPremisesNetworks(datacenter);
                network.addGatewayConnections(
                    GatewayConnection.builder()
                        .id(
                            ResourceId.of(
                                SUBSCRIPTION,
                                NETWORK_GROUP,
                                GatewayConnection.RESOURCE_TYPE,
                                "hub-to-datacenter"))
                        .connectionType(
                            g.expressRoute()
                                ? GatewayConnection.ConnectionType.EXPRESS_ROUTE
                                : GatewayConnection.ConnectionType.IPSEC)
                        .virtualNetworkGateway(gateway)
                        .remote(datacenter.id())
                        .build());
              });
      if (blueprint.layout().branch()) {
        network.addOnPremisesNetworks(
            OnPremisesNetwork.builder()
                .id(
                    ResourceId.of(
                        SUBSCRIPTION, ON_PREMISES_GROUP, OnPremisesNetwork.RESOURCE_TYPE, "branch"))
                .addAddressPrefixes(BRANCH_PREFIX)
                .build());
        onPremisesPrefixes.add(BRANCH_PREFIX);
      }
    }

    private void routeTable() {
      if (blueprint.routeTable().isEmpty()) {
        return;
      }
      RouteTablePlan plan = blueprint.routeTable().get();
      RouteTable.Builder b = RouteTable.builder().id(routeTableId.orElseThrow());
      Set<Ipv4Prefix> seen = new HashSet<>();
      for (int r = 0; r < plan.routes().size(); r++) {
        RoutePlan route = plan.routes().get(r);
        Ipv4Prefix prefix = destination(route);
        if (!seen.add(prefix)) {
          continue;
        }
        String name = "r" + r;
        if (route.nextHop() != NextHopType.VIRTUAL_APPLIANCE) {
          b.addRoutes(Route.of(name, prefix, route.nextHop()));
        } else if (interfaces.isEmpty()) {
          b.addRoutes(Route.of(name, prefix, NextHopType.NONE));
        } else {
          b.addRoutes(
              Route.toAppliance(name, prefix, appliance(route.appliance()).privateAddress()));
        }
      }
      if (plan.entraId()) {
        b.addServiceTagRoutes(
            ServiceTagRoute.of("entra-id", "AzureActiveDirectory", NextHopType.INTERNET));
      }
      network.addRouteTables(b.build());
    }

    /** Mostly an interface that forwards, when there is one; sometimes any interface. */
    private NetworkInterface appliance(int choice) {
      List<NetworkInterface> forwarding =
          interfaces.stream().filter(NetworkInterface::enableIpForwarding).toList();
      List<NetworkInterface> candidates =
          forwarding.isEmpty() || choice % 4 == 3 ? interfaces : forwarding;
      return candidates.get(choice / 4 % candidates.size());
    }

    private Ipv4Prefix destination(RoutePlan route) {
      int pick = route.pick();
      switch (route.target()) {
        case TO_VIRTUAL_NETWORK:
          return drafts.get(pick % drafts.size()).space.get(0);
        case TO_ON_PREMISES:
          return onPremisesPrefixes.isEmpty()
              ? publicPrefix(pick)
              : onPremisesPrefixes.get(pick % onPremisesPrefixes.size());
        case TO_SUBNET:
          return placed.isEmpty()
              ? Ipv4Prefix.ALL
              : placed.get(pick % placed.size()).subnet().addressPrefix();
        case TO_PUBLIC:
          return publicPrefix(pick);
        default:
          return Ipv4Prefix.ALL;
      }
    }

    private void servers() {
      List<Placed> homes = placed.stream().filter(p -> p.kind() == SERVERS).toList();
      Map<ResourceId, Long> demand = new HashMap<>();
      List<ServerPlan> plans = blueprint.servers();
      for (int k = 0; k < plans.size(); k++) {
        AccessPlan access = plans.get(k).access();
        SettingsPlan settings = plans.get(k).settings();
        String name = SERVER_STEMS.get(settings.stem() % SERVER_STEMS.size()) + "-" + k;
        ServerTier tier = settings.tier();
        // Azure offers no high availability on the Burstable tier.
        HighAvailabilityMode ha =
            tier == ServerTier.BURSTABLE
                ? HighAvailabilityMode.DISABLED
                : settings.highAvailability();
        Optional<Placed> home = Optional.empty();
        if (access.privateAccess() && !homes.isEmpty()) {
          Placed p = homes.get(access.place() % homes.size());
          long free = p.subnet().usableAddressCount() - demand.getOrDefault(p.subnet().id(), 0L);
          if (strict && ha.isEnabled() && free < 4) {
            ha = HighAvailabilityMode.DISABLED;
          }
          long need = ha.isEnabled() ? 4 : 1;
          if (!strict || need <= free) {
            home = Optional.of(p);
            demand.merge(p.subnet().id(), need, Long::sum);
          }
        }
        FlexibleServer.Builder b =
            FlexibleServer.builder()
                .id(ResourceId.of(SUBSCRIPTION, DATA_GROUP, FlexibleServer.RESOURCE_TYPE, name))
                .version(settings.version())
                .tier(tier)
                .highAvailability(ha)
                .pgBouncerEnabled(settings.pgBouncer() && (!strict || tier != ServerTier.BURSTABLE))
                .requireSecureTransport(settings.secureTransport());
        tls(b, settings.tls());
        if (home.isPresent()) {
          Placed p = home.get();
          b.region(p.draft().region).delegatedSubnet(p.subnet().id());
          if (access.addressKnown()) {
            allocate(p.subnet(), access.host(), p.draft().used).ifPresent(b::privateAddress);
          }
          zone(name, access.zone()).ifPresent(b::privateDnsZone);
          if (access.toggled() && !strict) { // Azure refuses public access on a VNet-integrated server
            b.publicNetworkAccess(PublicNetworkAccess.ENABLED);
          }
        } else {
          b.region(regions.get(access.place() % regions.size()));
          if (access.publicAddress()) {
            b.publicAddress(
                Ipv4Address.ofLong(SERVER_PUBLIC_BASE + 256L * k + 4 + access.host() % 250));
          }
          if (access.toggled()) {
            b.publicNetworkAccess(PublicNetworkAccess.DISABLED);
          }
        }
        network.addFlexibleServers(b.build());
      }
    }

    /** The shared zone, a zone per server, or (only with mistakes) none. */
    private Optional<ResourceId> zone(String server, int choice) {
      String zone;
      switch (choice % 3) {
        case 1:
          zone = server + PRIVATE_ZONE_SUFFIX;
          break;
        case 2:
          if (!strict) {
            return Optional.empty();
          }
          zone = SHARED_ZONE;
          break;
        default:
          zone = SHARED_ZONE;
      }
      return Optional.of(ResourceId.of(SUBSCRIPTION, DNS_GROUP, PRIVATE_DNS_ZONE_TYPE, zone));
    }

    private void virtualNetworks() {
      int count = drafts.size();
      boolean[] usesRemote = new boolean[count];
      int pair = 0;
      for (int a = 0; a < count; a++) {
        for (int b = a + 1; b < count; b++) {
          PeeringPlan plan = blueprint.peerings().get(pair++ % blueprint.peerings().size());
          if (plan.shape() == BOTH_WAYS || plan.shape() == FORWARD_ONLY) {
            drafts.get(a).peerings.add(link(a, b, plan.forward(), usesRemote));
          }
          if (plan.shape() == BOTH_WAYS || plan.shape() == REVERSE_ONLY) {
            drafts.get(b).peerings.add(link(b, a, plan.reverse(), usesRemote));
          }
        }
      }
      for (int i = 0; i < count; i++) {
        Draft d = drafts.get(i);
        VirtualNetwork.Builder b =
            VirtualNetwork.builder()
                .id(d.id)
                .region(d.region)
                .addAllAddressSpace(d.space)
                .addAllSubnets(d.subnets)
                .addAllVirtualNetworkPeerings(d.peerings);
        if (blueprint.virtualNetworks().get(i).customDns() && !d.interfaceAddresses.isEmpty()) {
          b.addDnsServers(d.interfaceAddresses.get(0));
        }
        network.addVirtualNetworks(b.build());
      }
    }

    /**
     * One peering link. Strictly, only the hub's links allow gateway transit, and a network uses
     * remote gateways on one link at most, towards the hub, and only when it has no gateway itself.
     */
    private VirtualNetworkPeering link(int from, int to, LinkPlan plan, boolean[] usesRemote) {
      Draft local = drafts.get(from);
      Draft remote = drafts.get(to);
      boolean transit = plan.transit() && (!strict || from == hub);
      boolean useRemote =
          plan.useRemote() && (!strict || (to == hub && from != hub && !usesRemote[from]));
      usesRemote[from] |= useRemote;
      return VirtualNetworkPeering.builder()
          .id(local.id.child("virtualNetworkPeerings", local.name + "-to-" + remote.name))
          .remoteVirtualNetwork(remote.id)
          .allowVirtualNetworkAccess(plan.access())
          .allowForwardedTraffic(plan.forwarded())
          .allowGatewayTransit(transit)
          .useRemoteGateways(useRemote)
          .build();
    }
  }

  /**
   * The first prefix of virtual network {@code i}. Each family splits its block by {@code i}, so
   * the networks of one blueprint never overlap: {@code 10.(50i+k).0.0/16}, {@code
   * 172.(16+i).0.0/16} or {@code 192.168.(16i).0/20}.
   */
  private static Ipv4Prefix firstPrefix(int i, VnetPlan plan) {
    switch (plan.family()) {
      case FAMILY_172:
        return prefix(172, 16 + i, 0, 16);
      case FAMILY_192:
        return prefix(192, 168, 16 * i, 20);
      default:
        return prefix(10, 50 * i + plan.octet() % 50, 0, 16);
    }
  }

  /** The second prefix of virtual network {@code i}, from a family its first prefix is not in. */
  private static Ipv4Prefix secondPrefix(int i, VnetPlan plan) {
    return plan.family() == FAMILY_172 ? prefix(192, 168, 16 * i, 20) : prefix(172, 24 + i, 0, 20);
  }

  private static Ipv4Prefix prefix(int a, int b, int c, int length) {
    return Ipv4Prefix.of(Ipv4Address.ofLong(((long) a << 24) | (b << 16) | (c << 8)), length);
  }

  /** A public prefix of length 8 to 32 inside {@code 52.0.0.0/8}. */
  private static Ipv4Prefix publicPrefix(int pick) {
    return Ipv4Prefix.containing(
        Ipv4Address.ofLong(ROUTE_PUBLIC_BASE + 65_537L * (pick % 256)), 8 + pick % 25);
  }

  /**
   * The next free block of {@code length} inside {@code space}, after skipping {@code gap} blocks,
   * or empty when the space is used up.
   */
  private static Optional<Ipv4Prefix> carve(
      Ipv4Prefix space, long[] cursors, int index, int length, int gap) {
    long size = 1L << (32 - length);
    long start = (cursors[index] + gap * size + size - 1) / size * size;
    if (start + size - 1 > space.last().toLong()) {
      return Optional.empty();
    }
    cursors[index] = start + size;
    return Optional.of(Ipv4Prefix.of(Ipv4Address.ofLong(start), length));
  }

  /**
   * A free usable address of the subnet (not one of the five Azure reserves), starting at the
   * chosen one and moving on past those in use; empty when the subnet is full.
   */
  private static Optional<Ipv4Address> allocate(Subnet subnet, int choice, Set<Ipv4Address> used) {
    long first = subnet.addressPrefix().first().toLong() + 4;
    long count = subnet.usableAddressCount();
    for (long k = 0; k < count; k++) {
      Ipv4Address a = Ipv4Address.ofLong(first + (choice + k) % count);
      if (used.add(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private static void tls(FlexibleServer.Builder b, int choice) {
    switch (choice) {
      case TLS_UP_TO_1_3:
        b.sslMaxProtocolVersion(TlsVersion.TLS_1_3);
        break;
      case TLS_1_3_ONLY:
        b.sslMinProtocolVersion(TlsVersion.TLS_1_3);
        break;
      case TLS_1_2_ONLY:
        b.sslMinProtocolVersion(TlsVersion.TLS_1_2).sslMaxProtocolVersion(TlsVersion.TLS_1_2);
        break;
      case TLS_FROM_1_0:
        b.sslMinProtocolVersion(TlsVersion.TLS_1_0);
        break;
      default:
        break;
    }
  }
}
