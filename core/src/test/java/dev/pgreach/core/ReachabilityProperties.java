package dev.pgreach.core;

import static dev.pgreach.core.TestNet.id;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ReachabilityProperties {

  /** A user route as plain data, before it becomes a {@link Route}. */
  record UserRoute(int network, int length, NextHopType type) {
    Ipv4Prefix prefix() {
      return Ipv4Prefix.containing(Ipv4Address.ofBits(network), length);
    }
  }

  @Provide
  Arbitrary<List<UserRoute>> userRoutes() {
    Arbitrary<Integer> networks =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0x0A000000, 0x0A00FFFF), // inside the VNet's 10.0.0.0/16
            Arbitraries.integers().between(0x0A000000, 0x0AFFFFFF),
            Arbitraries.integers());
    Arbitrary<UserRoute> route =
        Combinators.combine(
                networks,
                Arbitraries.integers().between(0, 32).edgeCases(c -> c.add(0, 8, 16, 32)),
                Arbitraries.of(NextHopType.NONE, NextHopType.INTERNET, NextHopType.VNET_LOCAL, NextHopType.VIRTUAL_NETWORK_GATEWAY))
            .as(UserRoute::new);
    return route.list().ofMaxSize(12).uniqueElements(UserRoute::prefix);
  }

  @Provide
  Arbitrary<Ipv4Address> destinations() {
    return Arbitraries.oneOf(
            Arbitraries.integers().between(0x0A000000, 0x0A00FFFF),
            Arbitraries.integers().between(0x0A000000, 0x0AFFFFFF),
            Arbitraries.integers().between(0xC0A80000, 0xC0A8FFFF),
            Arbitraries.integers())
        .map(Ipv4Address::ofBits);
  }

  private static Network withUserRoutes(List<UserRoute> routes) {
    RouteTable.Builder table = RouteTable.builder().id(id(RouteTable.RESOURCE_TYPE, "rt"));
    int i = 0;
    for (UserRoute r : routes) {
      table.addRoutes(Route.of("r" + i++, r.prefix(), r.type()));
    }
    return Network.builder()
        .addRouteTables(table.build())
        .addVirtualNetworks(
            VirtualNetwork.builder()
                .id(TestNet.vnetId("v"))
                .region(Region.parse("westeurope"))
                .addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"))
                .addSubnets(
                    Subnet.builder().id(subnetId("v", "s")).addressPrefix(Ipv4Prefix.parse("10.0.0.0/24")).routeTable(id(RouteTable.RESOURCE_TYPE, "rt")).build())
                .build())
        .build();
  }

  /**
   * Brute force: every route written out, then the longest prefix, user routes first on ties,
   * VnetLocal before the None defaults.
   */
  private static String reference(List<UserRoute> user, Ipv4Address destination) {
    List<String[]> all = new ArrayList<>(); // prefix, rank, nextHop
    for (UserRoute r : user) {
      all.add(new String[] {r.prefix().toString(), "0", r.type().name()});
    }
    all.add(new String[] {"10.0.0.0/16", "1", "VNET_LOCAL"});
    all.add(new String[] {"0.0.0.0/0", "2", "INTERNET"});
    for (String p : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")) {
      all.add(new String[] {p, "2", "NONE"});
    }
    String[] best = null;
    for (String[] r : all) {
      Ipv4Prefix p = Ipv4Prefix.parse(r[0]);
      if (!p.contains(destination)) {
        continue;
      }
      if (best == null) {
        best = r;
        continue;
      }
      int len = p.length();
      int bestLen = Ipv4Prefix.parse(best[0]).length();
      if (len > bestLen || (len == bestLen && Integer.parseInt(r[1]) < Integer.parseInt(best[1]))) {
        best = r;
      }
    }
    return best[0] + " " + best[2];
  }

  @Provide
  Arbitrary<List<UserRoute>> manyUserRoutes() {
    Arbitrary<UserRoute> route =
        Combinators.combine(
                Arbitraries.oneOf(Arbitraries.integers().between(0x0A000000, 0x0A00FFFF), Arbitraries.integers()),
                Arbitraries.integers().between(0, 32),
                Arbitraries.of(NextHopType.NONE, NextHopType.INTERNET, NextHopType.VNET_LOCAL))
            .as(UserRoute::new);
    return route.list().ofMinSize(33).ofMaxSize(70).uniqueElements(UserRoute::prefix);
  }

  /** Tables above the scan limit are bucketed by prefix length: the same answers as the brute force. */
  @Property(tries = 100)
  void longestPrefixSelectionOnLargeTablesAgreesWithBruteForce(
      @ForAll("manyUserRoutes") List<UserRoute> routes, @ForAll("destinations") Ipv4Address destination) {
    Reachability r = Reachability.of(withUserRoutes(routes), ServiceProfile.current());
    EffectiveRoute chosen = r.selectRoute(subnetId("v", "s"), destination);
    assertEquals(reference(routes, destination), chosen.addressPrefix() + " " + chosen.nextHopType(), routes.toString());
    // Half the probes hit a route's own network address.
    UserRoute some = routes.get(Math.floorMod(destination.toBits(), routes.size()));
    EffectiveRoute hit = r.selectRoute(subnetId("v", "s"), some.prefix().first());
    assertEquals(reference(routes, some.prefix().first()), hit.addressPrefix() + " " + hit.nextHopType());
  }

  @Property(tries = 300)
  void longestPrefixSelectionAgreesWithBruteForce(
      @ForAll("userRoutes") List<UserRoute> routes, @ForAll("destinations") Ipv4Address destination) {
    Reachability r = Reachability.of(withUserRoutes(routes), ServiceProfile.current());
    EffectiveRoute chosen = r.selectRoute(subnetId("v", "s"), destination);
    assertEquals(reference(routes, destination), chosen.addressPrefix() + " " + chosen.nextHopType(), routes.toString());
  }

  @Property(tries = 300)
  void routingWithAnyUserRoutesNeverThrowsAndArrivesOnlyWhenAllowed(
      @ForAll("userRoutes") List<UserRoute> routes,
      @ForAll("destinations") Ipv4Address destination,
      @ForAll boolean withGateway) {
    Network plain = withUserRoutes(routes);
    Network.Builder b = Network.builder().addAllVirtualNetworks(plain.virtualNetworks()).addAllRouteTables(plain.routeTables());
    if (withGateway) {
      b.addVirtualNetworkGateways(VirtualNetworkGateway.builder().id(id(VirtualNetworkGateway.RESOURCE_TYPE, "gw")).virtualNetwork(TestNet.vnetId("v")).build())
          .addOnPremisesNetworks(OnPremisesNetwork.builder().id(id(OnPremisesNetwork.RESOURCE_TYPE, "office")).addAddressPrefixes(Ipv4Prefix.parse("192.168.0.0/16")).build())
          .addGatewayConnections(
              GatewayConnection.builder().id(id(GatewayConnection.RESOURCE_TYPE, "c")).connectionType(GatewayConnection.ConnectionType.IPSEC)
                  .virtualNetworkGateway(id(VirtualNetworkGateway.RESOURCE_TYPE, "gw")).remote(id(OnPremisesNetwork.RESOURCE_TYPE, "office")).build());
    }
    Path p = Reachability.of(b.build(), ServiceProfile.current()).route(TestNet.inSubnet("v", "s", "10.0.0.4"), destination);
    assertEquals(p.verdict().isAllowed(), p.arrival().isPresent());
    if (p.arrival().isPresent() && p.arrival().get().place() instanceof Place.Vnet) {
      assertTrue(Ipv4Prefix.parse("10.0.0.0/16").contains(destination), p.verdict().toString());
    }
  }

  @Property(tries = 100)
  void everyEffectiveRouteIsListedAndTheChosenOneMatches(
      @ForAll("userRoutes") List<UserRoute> routes, @ForAll("destinations") Ipv4Address destination) {
    Reachability r = Reachability.of(withUserRoutes(routes), ServiceProfile.current());
    List<EffectiveRoute> listed = r.effectiveRoutes(subnetId("v", "s"));
    EffectiveRoute chosen = r.selectRoute(subnetId("v", "s"), destination);
    assertTrue(listed.contains(chosen));
    assertTrue(chosen.addressPrefix().contains(destination));
    assertEquals(routes.size() + 6, listed.size());
  }

  /**
   * A hub with {@code n} appliances, each in its own subnet whose route table sends 10.9.0.0/16 to
   * the appliance {@code next[i]} (or, for -1, nowhere special: the default route then applies).
   */
  private static Network appliances(List<Integer> next) {
    int n = next.size();
    VirtualNetwork.Builder hub =
        VirtualNetwork.builder().id(TestNet.vnetId("hub")).region(Region.parse("westeurope")).addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"));
    Network.Builder b = Network.builder();
    for (int i = 0; i < n; i++) {
      RouteTable.Builder t = RouteTable.builder().id(id(RouteTable.RESOURCE_TYPE, "rt" + i));
      if (next.get(i) >= 0) {
        t.addRoutes(Route.toAppliance("next", Ipv4Prefix.parse("10.9.0.0/16"), ip("10.0." + next.get(i) + ".4")));
      }
      b.addRouteTables(t.build());
      hub.addSubnets(
          Subnet.builder().id(subnetId("hub", "s" + i)).addressPrefix(Ipv4Prefix.parse("10.0." + i + ".0/24")).routeTable(id(RouteTable.RESOURCE_TYPE, "rt" + i)).build());
      b.addNetworkInterfaces(
          NetworkInterface.builder().id(id(NetworkInterface.RESOURCE_TYPE, "nva" + i)).subnet(subnetId("hub", "s" + i)).privateAddress(ip("10.0." + i + ".4")).enableIpForwarding(true).build());
    }
    return b.addVirtualNetworks(hub.build()).build();
  }

  @Property(tries = 200)
  void applianceLoopsAreFoundWithinTheHopLimit(
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = -1, max = 11) Integer> raw, @ForAll @IntRange(min = 0, max = 11) int startRaw) {
    int n = raw.size();
    List<Integer> next = new ArrayList<>();
    for (int x : raw) {
      next.add(x < 0 ? -1 : x % n);
    }
    int start = startRaw % n;
    // Reference: follow the pointers from the start's route; a revisit is a loop.
    Set<Integer> seen = new HashSet<>();
    int at = next.get(start);
    boolean loop = false;
    while (at >= 0) {
      if (!seen.add(at)) {
        loop = true;
        break;
      }
      at = next.get(at);
    }
    Path p = Reachability.of(appliances(next), ServiceProfile.current()).route(TestNet.inSubnet("hub", "s" + start, "10.0." + start + ".9"), ip("10.9.0.1"));
    assertEquals(Disposition.BLOCKED, p.verdict().disposition()); // 10.9.0.1 is in no network: dropped either way
    ReasonCode code = p.verdict().blockingStep().orElseThrow().code();
    assertEquals(loop ? ReasonCode.ROUTING_LOOP : ReasonCode.NO_ROUTE, code, next + " from " + start + ": " + p.verdict());
    assertTrue(p.hops().size() <= n + 1);
  }

  @Property(tries = 100)
  void routingIsDeterministicAndIndependentOfPeeringOrder(@ForAll("destinations") Ipv4Address destination, @ForAll boolean reversed) {
    TestNet a = TestNet.hubAndSpokes();
    List<String[]> pairs = new ArrayList<>(List.of(new String[] {"hub", "spoke1"}, new String[] {"hub", "spoke2"}, new String[] {"hub", "spoke3"}));
    if (reversed) {
      java.util.Collections.reverse(pairs);
    }
    for (String[] pair : pairs) {
      a.peer(pair[0], pair[1]);
    }
    Network forward = TestNet.hubAndSpokes().peer("hub", "spoke1").peer("hub", "spoke2").peer("hub", "spoke3").build();
    ClientLocation from = TestNet.inSubnet("hub", "shared", "10.0.2.4");
    Path p1 = Reachability.of(forward, ServiceProfile.current()).route(from, destination);
    Path p2 = Reachability.of(a.build(), ServiceProfile.current()).route(from, destination);
    assertEquals(p1, p2);
  }

  @Property(tries = 100)
  void aRoutedPacketArrivesExactlyWhenAllowed(@ForAll("destinations") Ipv4Address destination, @ForAll @IntRange(min = 0, max = 3) int source) {
    Network n = TestNet.hubAndSpokes().peer("hub", "spoke1").link("hub", "spoke2", f -> {}).build();
    Map<Integer, ClientLocation> sources = new LinkedHashMap<>();
    sources.put(0, TestNet.inSubnet("hub", "shared", "10.0.2.4"));
    sources.put(1, TestNet.inSubnet("spoke1", "app", "10.1.0.4"));
    sources.put(2, TestNet.onPrem("office", "192.168.3.3"));
    sources.put(3, new ClientLocation.Internet(ip("198.51.100.1")));
    Path p = Reachability.of(n, ServiceProfile.current()).route(sources.get(source), destination);
    assertEquals(p.verdict().isAllowed(), p.arrival().isPresent());
    p.arrival().ifPresent(a -> assertEquals(destination, a.destination()));
    assertTrue(p.verdict().steps().stream().map(Step::code).max(Comparator.naturalOrder()).isPresent());
  }
}
