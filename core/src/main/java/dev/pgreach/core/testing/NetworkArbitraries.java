package dev.pgreach.core.testing;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NetworkValidation;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Reachability;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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

  /** Public ranges Azure allocates from, for interfaces, servers and Azure-hosted clients. */
  private static final List<Ipv4Prefix> AZURE_PUBLIC =
      List.of(
          Ipv4Prefix.parse("20.0.0.0/8"),
          Ipv4Prefix.parse("40.64.0.0/10"),
          Ipv4Prefix.parse("52.0.0.0/8"));

  /** Where on-premises hosts leave for the internet (TEST-NET-2). */
  private static final Ipv4Prefix ON_PREMISES_EGRESS = Ipv4Prefix.parse("198.51.100.0/24");

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
    return NetworkBlueprints.blueprints().map(b -> NetworkAssembly.assemble(b, true));
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
    return NetworkBlueprints.blueprints().map(b -> NetworkAssembly.assemble(b, false));
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
        if (!s.isDelegatedToFlexibleServers() && !s.name().equalsIgnoreCase(NetworkAssembly.GATEWAY_SUBNET)) {
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
}
