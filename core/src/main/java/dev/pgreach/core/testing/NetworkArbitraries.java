package dev.pgreach.core.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.ServiceTagRoute;
import dev.pgreach.core.Severity;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators for small, coherent Azure networks with flexible servers, and for the clients,
 * destinations and service profiles that questions about them need.
 *
 * <p>A generated {@link Network} has one to five virtual networks in one to three regions, with
 * address spaces that never overlap (pieces of {@code 10.0.0.0/8}, {@code 172.16.0.0/12} and {@code
 * 192.168.0.0/16}, sometimes two prefixes per network); subnets from {@code /24} to {@code /29}
 * carved inside the space without overlap, some delegated to flexible servers (then {@code /28} or
 * larger) and a few to App Service; peerings between some pairs of networks, usually in both
 * directions, sometimes in one only, with random flags; sometimes a gateway with a connected
 * on-premises network, and an on-premises branch with no connection at all; network interfaces,
 * some of them forwarding appliances, at free addresses of plain subnets; sometimes a route table
 * whose user routes drop, send to the internet, stay in the virtual network, go to the gateway or
 * go to an existing interface; and flexible servers, with private access in delegated subnets or
 * with public access.
 *
 * <p>Every value is built through the public builders of {@code dev.pgreach.core}, so it has passed
 * every check a hand-written value passes, and every reference inside the network resolves. Values
 * are deterministic functions of jqwik's choices: the same seed gives the same network, with the
 * same resource ids (all under one subscription). They shrink towards one virtual network with one
 * subnet and nothing else.
 *
 * <pre>{@code
 * @Property
 * void routingAgreesWithItself(@ForAll("placed") Tuple3<Network, ClientLocation, Ipv4Address> t) {
 *   Path path = Reachability.of(t.get1(), ServiceProfile.current()).route(t.get2(), t.get3());
 *   assertEquals(path.verdict().isAllowed(), path.arrival().isPresent());
 * }
 *
 * @Provide
 * Arbitrary<Tuple3<Network, ClientLocation, Ipv4Address>> placed() {
 *   return NetworkArbitraries.validNetworks()
 *       .flatMap(n -> Combinators.combine(
 *               NetworkArbitraries.clientsOf(n), NetworkArbitraries.destinationsOf(n))
 *           .as((client, destination) -> Tuple.of(n, client, destination)));
 * }
 * }</pre>
 *
 * <p><b>Warning:</b> {@link #networks()} deliberately makes some of the mistakes Azure users make
 * (a spoke that uses a remote gateway that is not there, PgBouncer on the Burstable tier, a
 * private-access server without a private DNS zone, a delegated subnet too full for its
 * high-availability servers), so {@link NetworkValidation} reports errors for some of its networks.
 * Use {@link #validNetworks()} where a property needs a network Azure would accept.
 *
 * <p>Left out: network security groups, private endpoints, private DNS zones as resources,
 * VNet-to-VNet connections, and anything that is not IPv4.
 *
 * <p>Generators hold no state; every method returns a new, independent arbitrary. jqwik itself is
 * not a run-time dependency of pgreach: put {@code net.jqwik:jqwik} on the test classpath to use
 * this class.
 */
public final class NetworkArbitraries {
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
  private static final String GATEWAY_SUBNET = "GatewaySubnet";

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

  private static final List<String> TENANTS =
      List.of(
          "00000000-0000-4000-8000-00000000a001",
          "00000000-0000-4000-8000-00000000b002",
          "00000000-0000-4000-8000-00000000c003");

  private static final List<String> CLIENT_NAMES =
      List.of("orders-api", "batch", "reporting", "admin");

  /**
   * TLS offers with their weights; the default offer first, so that it is what clients shrink to.
   */
  private static final List<Tuple2<Integer, ImmutableSet<TlsVersion>>> TLS_OFFERS =
      List.of(
          Tuple.of(30, ImmutableSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)),
          Tuple.of(15, ImmutableSet.of()),
          Tuple.of(15, ImmutableSet.of(TlsVersion.TLS_1_0)),
          Tuple.of(10, ImmutableSet.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2)),
          Tuple.of(15, ImmutableSet.of(TlsVersion.TLS_1_2)),
          Tuple.of(15, ImmutableSet.of(TlsVersion.TLS_1_3)));

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

  /** Public ranges Azure allocates from, for interfaces, servers and Azure-hosted clients. */
  private static final List<Ipv4Prefix> AZURE_PUBLIC =
      List.of(
          Ipv4Prefix.parse("20.0.0.0/8"),
          Ipv4Prefix.parse("40.64.0.0/10"),
          Ipv4Prefix.parse("52.0.0.0/8"));

  /** Where on-premises hosts leave for the internet (TEST-NET-2). */
  private static final Ipv4Prefix ON_PREMISES_EGRESS = Ipv4Prefix.parse("198.51.100.0/24");

  private static final long INTERFACE_PUBLIC_BASE = Ipv4Address.parse("20.40.0.0").toLong();
  private static final long SERVER_PUBLIC_BASE = Ipv4Address.parse("20.100.0.0").toLong();
  private static final long ROUTE_PUBLIC_BASE = Ipv4Address.parse("52.0.0.0").toLong();

  private static final int MAX_VIRTUAL_NETWORKS = 5;
  private static final int MAX_PAIRS = MAX_VIRTUAL_NETWORKS * (MAX_VIRTUAL_NETWORKS - 1) / 2;
  private static final int MAX_SUBNETS = 4;
  private static final int MAX_INTERFACES = 4;
  private static final int MAX_ROUTES = 4;
  private static final int MAX_SERVERS = 4;

  // The families a virtual network's first prefix comes from.
  private static final int FAMILY_10 = 0;
  private static final int FAMILY_172 = 1;
  private static final int FAMILY_192 = 2;

  // What a subnet is for.
  private static final int PLAIN = 0;
  private static final int SERVERS = 1;
  private static final int WEB = 2;
  private static final int GATEWAY = 3;

  // Which links of a pair of virtual networks exist.
  private static final int UNPEERED = 0;
  private static final int BOTH_WAYS = 1;
  private static final int FORWARD_ONLY = 2;
  private static final int REVERSE_ONLY = 3;

  // What a user route's prefix is taken from.
  private static final int TO_DEFAULT = 0;
  private static final int TO_VIRTUAL_NETWORK = 1;
  private static final int TO_ON_PREMISES = 2;
  private static final int TO_SUBNET = 3;
  private static final int TO_PUBLIC = 4;

  // A server's TLS settings.
  private static final int TLS_DEFAULT = 0;
  private static final int TLS_UP_TO_1_3 = 1;
  private static final int TLS_1_3_ONLY = 2;
  private static final int TLS_1_2_ONLY = 3;
  private static final int TLS_FROM_1_0 = 4;

  private NetworkArbitraries() {}

  /**
   * Returns small networks: one to five virtual networks in one to three regions with disjoint
   * address spaces, subnets, peerings, sometimes a gateway to an on-premises network, network
   * interfaces, sometimes a route table, and private-access and public-access flexible servers.
   *
   * <p>About three networks in four are ones Azure would accept; the others carry one kind of
   * mistake or more (see the class's warning), so {@link NetworkValidation} finds errors in some of
   * them. Warnings (a peering in one direction only, an appliance that does not forward, TLS
   * settings a profile does not support) appear in either kind.
   *
   * <p>Edge cases: the smallest network (one virtual network with one {@code /29} subnet) and a
   * hub-and-spoke network in two regions with a gateway, gateway transit, a one-directional
   * peering, an appliance route and servers of every access mode.
   *
   * @return an arbitrary of networks
   */
  public static Arbitrary<Network> networks() {
    return blueprints().map(b -> assemble(b, true));
  }

  /**
   * Returns networks like those of {@link #networks()} without the deliberate mistakes: {@code
   * NetworkValidation.validate(network, ServiceProfile.current())} reports no finding of {@link
   * Severity#ERROR} for any of them. Warnings and advice remain possible.
   *
   * <pre>{@code
   * @Property
   * void acceptedNetworksCanBeEvaluated(@ForAll("valid") Network network) { ... }
   *
   * @Provide
   * Arbitrary<Network> valid() {
   *   return NetworkArbitraries.validNetworks();
   * }
   * }</pre>
   *
   * <p>Edge cases: the same two networks as {@link #networks()}.
   *
   * @return an arbitrary of networks without validation errors under {@link
   *     ServiceProfile#current()}
   */
  public static Arbitrary<Network> validNetworks() {
    return blueprints().map(b -> assemble(b, false));
  }

  /**
   * Returns places a client of the network can be: hosts at usable addresses of subnets other than
   * the {@code GatewaySubnet} and those delegated to flexible servers (App Service subnets
   * included; a few hosts with a known outbound public address), the network's interfaces, hosts of
   * its on-premises networks, internet hosts, and Azure-hosted services with an Azure public
   * address and a tenant. Every location is one {@link Reachability#route} accepts for this
   * network.
   *
   * <p>Kinds the network lacks (no plain subnet, no on-premises network) are left out; internet and
   * Azure-hosted clients are always possible.
   *
   * @param network the network the clients belong to
   * @return an arbitrary of client locations valid for {@code network}
   * @throws NullPointerException if {@code network} is null
   */
  public static Arbitrary<ClientLocation> clientsOf(Network network) {
    requireNonNull(network, "network");
    List<Tuple2<Integer, Arbitrary<ClientLocation>>> parts = new ArrayList<>();
    List<Arbitrary<ClientLocation>> hosts = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (!s.isDelegatedToFlexibleServers() && !s.name().equalsIgnoreCase(GATEWAY_SUBNET)) {
          hosts.add(hostsIn(s));
        }
      }
    }
    if (!hosts.isEmpty()) {
      parts.add(Tuple.of(4, Arbitraries.oneOf(hosts)));
    }
    if (!network.networkInterfaces().isEmpty()) {
      Arbitrary<ClientLocation> interfaces =
          Arbitraries.of(network.networkInterfaces())
              .map(
                  n ->
                      new ClientLocation.InVirtualNetwork(
                          n.subnet(), n.privateAddress(), Optional.empty(), Optional.of(n.id())));
      parts.add(Tuple.of(2, interfaces));
    }
    List<Arbitrary<ClientLocation>> onPremises = new ArrayList<>();
    for (OnPremisesNetwork o : network.onPremisesNetworks()) {
      for (Ipv4Prefix p : o.addressPrefixes()) {
        onPremises.add(
            Combinators.combine(
                    Ipv4Arbitraries.addressesIn(p.toRange()),
                    Ipv4Arbitraries.addressesIn(ON_PREMISES_EGRESS.toRange()).optional(0.3))
                .as((address, egress) -> new ClientLocation.OnPremises(o.id(), address, egress)));
      }
    }
    if (!onPremises.isEmpty()) {
      parts.add(Tuple.of(2, Arbitraries.oneOf(onPremises)));
    }
    parts.add(Tuple.of(2, Ipv4Arbitraries.publicAddresses().map(ClientLocation.Internet::new)));
    parts.add(
        Tuple.of(
            1,
            Combinators.combine(azurePublicAddresses(), Arbitraries.of(TENANTS))
                .as(ClientLocation.AzureHosted::new)));
    return Arbitraries.frequencyOf(parts);
  }

  /**
   * Returns clients of the network: a name, a location from {@link #clientsOf(Network)}, and the
   * TLS versions offered, which are TLS 1.2 and 1.3 (the default), none at all, TLS 1.0 only, TLS
   * 1.0 to 1.2, TLS 1.2 only or TLS 1.3 only.
   *
   * @param network the network the clients belong to
   * @return an arbitrary of clients placed in {@code network}
   * @throws NullPointerException if {@code network} is null
   */
  public static Arbitrary<Client> clients(Network network) {
    requireNonNull(network, "network");
    return Combinators.combine(
            Arbitraries.of(CLIENT_NAMES), clientsOf(network), Arbitraries.frequency(TLS_OFFERS))
        .as(
            (name, location, tls) ->
                Client.builder().name(name).location(location).tlsVersions(tls).build());
  }

  /**
   * Returns destination addresses for routing questions about the network, biased towards the
   * interesting ones: flexible servers' private and public addresses, network interfaces' private
   * and public addresses, addresses in each subnet, in each virtual network's address space, in
   * each on-premises prefix and in the prefix of each user route, and, less often, any public or
   * any private address.
   *
   * <pre>{@code
   * NetworkArbitraries.destinationsOf(network)   // 10.0.1.4, 20.100.0.7, 10.0.200.9, 8.8.4.4, ...
   * }</pre>
   *
   * @param network the network whose addresses are favoured
   * @return an arbitrary of addresses
   * @throws NullPointerException if {@code network} is null
   */
  public static Arbitrary<Ipv4Address> destinationsOf(Network network) {
    requireNonNull(network, "network");
    List<Tuple2<Integer, Arbitrary<Ipv4Address>>> parts = new ArrayList<>();
    List<Ipv4Address> servers = new ArrayList<>();
    for (FlexibleServer s : network.flexibleServers()) {
      s.privateAddress().ifPresent(servers::add);
      s.publicAddress().ifPresent(servers::add);
    }
    if (!servers.isEmpty()) {
      parts.add(Tuple.of(4, Arbitraries.of(servers)));
    }
    List<Ipv4Address> interfaces = new ArrayList<>();
    for (NetworkInterface n : network.networkInterfaces()) {
      interfaces.add(n.privateAddress());
      n.publicAddress().ifPresent(interfaces::add);
    }
    if (!interfaces.isEmpty()) {
      parts.add(Tuple.of(2, Arbitraries.of(interfaces)));
    }
    List<Arbitrary<Ipv4Address>> subnets = new ArrayList<>();
    List<Arbitrary<Ipv4Address>> spaces = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      v.subnets()
          .forEach(s -> subnets.add(Ipv4Arbitraries.addressesIn(s.addressPrefix().toRange())));
      v.addressSpace().forEach(p -> spaces.add(Ipv4Arbitraries.addressesIn(p.toRange())));
    }
    if (!subnets.isEmpty()) {
      parts.add(Tuple.of(3, Arbitraries.oneOf(subnets)));
    }
    if (!spaces.isEmpty()) {
      parts.add(Tuple.of(2, Arbitraries.oneOf(spaces)));
    }
    List<Arbitrary<Ipv4Address>> onPremises = new ArrayList<>();
    for (OnPremisesNetwork o : network.onPremisesNetworks()) {
      o.addressPrefixes().forEach(p -> onPremises.add(Ipv4Arbitraries.addressesIn(p.toRange())));
    }
    if (!onPremises.isEmpty()) {
      parts.add(Tuple.of(2, Arbitraries.oneOf(onPremises)));
    }
    List<Arbitrary<Ipv4Address>> routes = new ArrayList<>();
    for (RouteTable t : network.routeTables()) {
      t.routes().forEach(r -> routes.add(Ipv4Arbitraries.addressesIn(r.addressPrefix().toRange())));
    }
    if (!routes.isEmpty()) {
      parts.add(Tuple.of(2, Arbitraries.oneOf(routes)));
    }
    parts.add(Tuple.of(1, Ipv4Arbitraries.publicAddresses()));
    parts.add(Tuple.of(1, Ipv4Arbitraries.privateAddresses()));
    return Arbitraries.frequencyOf(parts);
  }

  /**
   * Returns the two built-in service profiles, {@link ServiceProfile#preview2021()} and {@link
   * ServiceProfile#current()}, with equal weight.
   *
   * @return an arbitrary of service profiles
   */
  public static Arbitrary<ServiceProfile> profiles() {
    return Arbitraries.of(ServiceProfile.preview2021(), ServiceProfile.current());
  }

  // ---------------------------------------------------------------- client locations

  /** Hosts at a subnet's usable addresses (all of them for a subnet too small to reserve five). */
  private static Arbitrary<ClientLocation> hostsIn(Subnet subnet) {
    Ipv4Prefix p = subnet.addressPrefix();
    Ipv4Range usable =
        p.size() > Subnet.RESERVED_ADDRESS_COUNT
            ? Ipv4Range.of(
                Ipv4Address.ofLong(p.first().toLong() + 4),
                Ipv4Address.ofLong(p.last().toLong() - 1))
            : p.toRange();
    return Combinators.combine(
            Ipv4Arbitraries.addressesIn(usable), azurePublicAddresses().optional(0.2))
        .as(
            (address, outbound) ->
                new ClientLocation.InVirtualNetwork(
                    subnet.id(), address, outbound, Optional.empty()));
  }

  private static Arbitrary<Ipv4Address> azurePublicAddresses() {
    List<Arbitrary<Ipv4Address>> ranges = new ArrayList<>();
    AZURE_PUBLIC.forEach(p -> ranges.add(Ipv4Arbitraries.addressesIn(p.toRange())));
    return Arbitraries.oneOf(ranges);
  }

  // ---------------------------------------------------------------- blueprints

  /**
   * Everything one network is made of, as small choices that {@link Assembly} turns into a network.
   * Indices into lists that exist only once the network takes shape are taken modulo the list's
   * size, so every blueprint assembles and shrinking a choice towards zero simplifies it.
   */
  private record Blueprint(
      Layout layout,
      List<VnetPlan> virtualNetworks,
      List<PeeringPlan> peerings,
      List<InterfacePlan> interfaces,
      Optional<RouteTablePlan> routeTable,
      List<ServerPlan> servers) {}

  /** Regions, the gateway and its on-premises network, the unconnected branch, and mistakes. */
  private record Layout(
      int regionOffset,
      int regionCount,
      Optional<GatewayPlan> gateway,
      boolean branch,
      boolean mistakes) {}

  private record VnetPlan(
      int region,
      int family,
      int octet,
      boolean secondPrefix,
      boolean customDns,
      List<SubnetPlan> subnets) {}

  private record SubnetPlan(
      int length, int kind, boolean inSecondPrefix, int gap, boolean routeTable) {}

  /** One pair of virtual networks: which links exist, and each link's flags. */
  private record PeeringPlan(int shape, LinkPlan forward, LinkPlan reverse) {}

  private record LinkPlan(boolean access, boolean forwarded, boolean transit, boolean useRemote) {}

  private record GatewayPlan(
      int hub, int prefix, boolean secondPrefix, boolean expressRoute, boolean dns) {}

  private record InterfacePlan(int subnet, int host, boolean ipForwarding, boolean publicAddress) {}

  private record RouteTablePlan(List<RoutePlan> routes, boolean entraId) {}

  private record RoutePlan(int target, int pick, NextHopType nextHop, int appliance) {}

  private record ServerPlan(AccessPlan access, SettingsPlan settings) {}

  private record AccessPlan(
      boolean privateAccess,
      int place,
      int host,
      boolean addressKnown,
      int zone,
      boolean publicAddress,
      boolean toggled) {}

  private record SettingsPlan(
      int stem,
      ServerTier tier,
      HighAvailabilityMode highAvailability,
      boolean pgBouncer,
      int tls,
      boolean secureTransport,
      String version) {}

  private static Arbitrary<Blueprint> blueprints() {
    Arbitrary<Layout> layouts =
        Combinators.combine(
                choices(),
                Arbitraries.integers().between(1, 3).withDistribution(RandomDistribution.uniform()),
                gatewayPlans().optional(0.4),
                chance(15),
                chance(25))
            .as(Layout::new);
    Arbitrary<Blueprint> blueprints =
        Combinators.combine(
                layouts,
                sized(vnetPlans(), 1, MAX_VIRTUAL_NETWORKS),
                peeringPlans().list().ofSize(MAX_PAIRS),
                sized(interfacePlans(), 0, MAX_INTERFACES),
                routeTablePlans().optional(0.6),
                sized(serverPlans(), 0, MAX_SERVERS))
            .as(Blueprint::new);
    Blueprint[] edges = {smallest(), hubAndSpokes()};
    return blueprints
        .withoutEdgeCases()
        .edgeCases(config -> config.filter(derived -> false).add(edges));
  }

  private static Arbitrary<VnetPlan> vnetPlans() {
    Arbitrary<SubnetPlan> subnets =
        Combinators.combine(
                Arbitraries.integers()
                    .between(24, NetworkValidation.MAX_SUBNET_PREFIX_LENGTH)
                    .withDistribution(RandomDistribution.uniform()),
                Arbitraries.frequency(
                    Tuple.of(50, PLAIN), Tuple.of(35, SERVERS), Tuple.of(15, WEB)),
                chance(30),
                Arbitraries.frequency(Tuple.of(60, 0), Tuple.of(25, 1), Tuple.of(15, 2)),
                chance(60))
            .as(SubnetPlan::new);
    return Combinators.combine(
            choices(),
            Arbitraries.frequency(
                Tuple.of(60, FAMILY_10), Tuple.of(25, FAMILY_172), Tuple.of(15, FAMILY_192)),
            choices(),
            chance(30),
            chance(20),
            sized(subnets, 1, MAX_SUBNETS))
        .as(VnetPlan::new);
  }

  private static Arbitrary<PeeringPlan> peeringPlans() {
    Arbitrary<LinkPlan> links =
        Combinators.combine(chance(85), chance(50), chance(50), chance(40)).as(LinkPlan::new);
    return Combinators.combine(
            Arbitraries.frequency(
                Tuple.of(30, UNPEERED),
                Tuple.of(50, BOTH_WAYS),
                Tuple.of(10, FORWARD_ONLY),
                Tuple.of(10, REVERSE_ONLY)),
            links,
            links)
        .as(PeeringPlan::new);
  }

  private static Arbitrary<GatewayPlan> gatewayPlans() {
    return Combinators.combine(choices(), choices(), chance(40), chance(20), chance(50))
        .as(GatewayPlan::new);
  }

  private static Arbitrary<InterfacePlan> interfacePlans() {
    return Combinators.combine(choices(), choices(), chance(50), chance(30)).as(InterfacePlan::new);
  }

  private static Arbitrary<RouteTablePlan> routeTablePlans() {
    Arbitrary<RoutePlan> routes =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(30, TO_DEFAULT),
                    Tuple.of(20, TO_VIRTUAL_NETWORK),
                    Tuple.of(15, TO_ON_PREMISES),
                    Tuple.of(20, TO_SUBNET),
                    Tuple.of(15, TO_PUBLIC)),
                choices(),
                Arbitraries.frequency(
                    Tuple.of(15, NextHopType.NONE),
                    Tuple.of(15, NextHopType.INTERNET),
                    Tuple.of(45, NextHopType.VIRTUAL_APPLIANCE),
                    Tuple.of(15, NextHopType.VNET_LOCAL),
                    Tuple.of(10, NextHopType.VIRTUAL_NETWORK_GATEWAY)),
                choices())
            .as(RoutePlan::new);
    return Combinators.combine(sized(routes, 1, MAX_ROUTES), chance(30)).as(RouteTablePlan::new);
  }

  private static Arbitrary<ServerPlan> serverPlans() {
    Arbitrary<AccessPlan> access =
        Combinators.combine(
                chance(55), choices(), choices(), chance(90), choices(), chance(60), chance(25))
            .as(AccessPlan::new);
    Arbitrary<SettingsPlan> settings =
        Combinators.combine(
                choices(),
                Arbitraries.frequency(
                    Tuple.of(50, ServerTier.GENERAL_PURPOSE),
                    Tuple.of(25, ServerTier.BURSTABLE),
                    Tuple.of(25, ServerTier.MEMORY_OPTIMIZED)),
                Arbitraries.frequency(
                    Tuple.of(60, HighAvailabilityMode.DISABLED),
                    Tuple.of(20, HighAvailabilityMode.SAME_ZONE),
                    Tuple.of(20, HighAvailabilityMode.ZONE_REDUNDANT)),
                chance(30),
                Arbitraries.frequency(
                    Tuple.of(60, TLS_DEFAULT),
                    Tuple.of(15, TLS_UP_TO_1_3),
                    Tuple.of(10, TLS_1_3_ONLY),
                    Tuple.of(10, TLS_1_2_ONLY),
                    Tuple.of(5, TLS_FROM_1_0)),
                Arbitraries.frequency(Tuple.of(80, true), Tuple.of(20, false)),
                Arbitraries.of("16", "17", "15", "14", "13"))
            .as(SettingsPlan::new);
    return Combinators.combine(access, settings).as(ServerPlan::new);
  }

  /** An index into a list not known yet, taken modulo its size; uniform, shrinking towards 0. */
  private static Arbitrary<Integer> choices() {
    return Arbitraries.integers().between(0, 1023).withDistribution(RandomDistribution.uniform());
  }

  /** True with the given chance in percent; shrinks towards false. */
  private static Arbitrary<Boolean> chance(int percent) {
    return Arbitraries.frequency(Tuple.of(100 - percent, false), Tuple.of(percent, true));
  }

  private static <T> Arbitrary<List<T>> sized(Arbitrary<T> element, int min, int max) {
    return element
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  /** One virtual network with one {@code /29} subnet. */
  private static Blueprint smallest() {
    LinkPlan plain = new LinkPlan(true, false, false, false);
    return new Blueprint(
        new Layout(0, 1, Optional.empty(), false, false),
        List.of(
            new VnetPlan(
                0,
                FAMILY_10,
                0,
                false,
                false,
                List.of(new SubnetPlan(29, PLAIN, false, 0, false)))),
        Collections.nCopies(MAX_PAIRS, new PeeringPlan(UNPEERED, plain, plain)),
        List.of(),
        Optional.empty(),
        List.of());
  }

  /**
   * A hub with a gateway to a datacenter and an appliance, a spoke in the same region that uses the
   * hub's gateway and sends everything through the appliance, and a spoke in another region whose
   * peering with the hub exists in one direction only; servers of every access mode.
   */
  private static Blueprint hubAndSpokes() {
    LinkPlan hubLink = new LinkPlan(true, true, true, false);
    LinkPlan spokeLink = new LinkPlan(true, true, false, true);
    LinkPlan none = new LinkPlan(true, false, false, false);
    List<PeeringPlan> peerings = new ArrayList<>();
    peerings.add(new PeeringPlan(BOTH_WAYS, hubLink, spokeLink));
    peerings.add(new PeeringPlan(FORWARD_ONLY, hubLink, none));
    while (peerings.size() < MAX_PAIRS) {
      peerings.add(new PeeringPlan(UNPEERED, none, none));
    }
    SettingsPlan standard =
        new SettingsPlan(
            1,
            ServerTier.GENERAL_PURPOSE,
            HighAvailabilityMode.DISABLED,
            false,
            TLS_DEFAULT,
            true,
            "16");
    return new Blueprint(
        new Layout(0, 2, Optional.of(new GatewayPlan(0, 0, true, false, true)), true, false),
        List.of(
            new VnetPlan(
                0,
                FAMILY_10,
                0,
                true,
                true,
                List.of(
                    new SubnetPlan(24, PLAIN, false, 0, false),
                    new SubnetPlan(28, SERVERS, true, 0, false))),
            new VnetPlan(
                0,
                FAMILY_172,
                0,
                false,
                false,
                List.of(
                    new SubnetPlan(26, PLAIN, false, 1, true),
                    new SubnetPlan(27, SERVERS, false, 0, true))),
            new VnetPlan(
                1,
                FAMILY_192,
                0,
                false,
                false,
                List.of(
                    new SubnetPlan(29, PLAIN, false, 0, false),
                    new SubnetPlan(28, SERVERS, false, 2, false)))),
        peerings,
        List.of(new InterfacePlan(0, 0, true, true), new InterfacePlan(1, 5, false, false)),
        Optional.of(
            new RouteTablePlan(
                List.of(
                    new RoutePlan(TO_DEFAULT, 0, NextHopType.VIRTUAL_APPLIANCE, 0),
                    new RoutePlan(TO_SUBNET, 4, NextHopType.VNET_LOCAL, 0)),
                true)),
        List.of(
            new ServerPlan(new AccessPlan(true, 0, 0, true, 0, false, false), standard),
            new ServerPlan(
                new AccessPlan(true, 1, 3, true, 1, false, false),
                new SettingsPlan(
                    4,
                    ServerTier.MEMORY_OPTIMIZED,
                    HighAvailabilityMode.ZONE_REDUNDANT,
                    true,
                    TLS_UP_TO_1_3,
                    true,
                    "17")),
            new ServerPlan(
                new AccessPlan(false, 1, 9, false, 0, true, false),
                new SettingsPlan(
                    0,
                    ServerTier.BURSTABLE,
                    HighAvailabilityMode.DISABLED,
                    false,
                    TLS_1_3_ONLY,
                    false,
                    "15")),
            new ServerPlan(new AccessPlan(false, 0, 0, false, 0, false, true), standard)));
  }

  // ---------------------------------------------------------------- assembly

  /**
   * Builds the network, strictly (no validation error) or, when the blueprint asks for mistakes and
   * they are allowed, with them.
   */
  private static Network assemble(Blueprint blueprint, boolean allowMistakes) {
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
