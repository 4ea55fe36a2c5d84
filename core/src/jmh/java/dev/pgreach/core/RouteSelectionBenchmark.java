package dev.pgreach.core;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Selecting a subnet's route for a destination, with 10, 1 000 and 10 000 user routes, two ways in
 * the same run:
 *
 * <ul>
 *   <li>{@code compiledSelect}: {@link Reachability#selectRoute}, routes bucketed by prefix length
 *       (at most 33 hash probes);
 *   <li>{@code linearScan}: a scan of every effective route keeping the longest match, user routes
 *       first on ties, as straightforward code does.
 * </ul>
 *
 * <p>User routes are random prefixes of length 8 to 32; half of the probed destinations fall in a
 * route, half are random. Everything is seeded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteSelectionBenchmark {
  private static final int PROBES = 1024;

  @Param({"10", "1000", "10000"})
  public int routes;

  private Reachability reachability;
  private ResourceId subnet;
  private List<EffectiveRoute> all;
  private Ipv4Address[] probes;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    ResourceId vnet = ResourceId.of("00000000-0000-0000-0000-000000000001", "bench", VirtualNetwork.RESOURCE_TYPE, "v");
    subnet = vnet.child("subnets", "s");
    ResourceId tableId = ResourceId.of("00000000-0000-0000-0000-000000000001", "bench", RouteTable.RESOURCE_TYPE, "rt");
    RouteTable.Builder table = RouteTable.builder().id(tableId);
    java.util.Set<Ipv4Prefix> seen = new java.util.HashSet<>();
    Ipv4Address[] inside = new Ipv4Address[routes];
    int n = 0;
    while (n < routes) {
      Ipv4Prefix p = Ipv4Prefix.containing(Ipv4Address.ofBits(random.nextInt()), 8 + random.nextInt(25));
      if (seen.add(p)) {
        table.addRoutes(Route.of("r" + n, p, random.nextBoolean() ? NextHopType.NONE : NextHopType.INTERNET));
        inside[n++] = p.first();
      }
    }
    Network network =
        Network.builder()
            .addRouteTables(table.build())
            .addVirtualNetworks(
                VirtualNetwork.builder()
                    .id(vnet)
                    .region(Region.parse("westeurope"))
                    .addAddressSpace(Ipv4Prefix.parse("10.0.0.0/16"))
                    .addSubnets(Subnet.builder().id(subnet).addressPrefix(Ipv4Prefix.parse("10.0.0.0/24")).routeTable(tableId).build())
                    .build())
            .build();
    reachability = Reachability.of(network, ServiceProfile.current());
    all = reachability.effectiveRoutes(subnet);
    probes = new Ipv4Address[PROBES];
    for (int i = 0; i < PROBES; i++) {
      probes[i] = i % 2 == 0 ? inside[random.nextInt(routes)] : Ipv4Address.ofBits(random.nextInt());
    }
  }

  private Ipv4Address probe() {
    next = (next + 1) & (PROBES - 1);
    return probes[next];
  }

  @Benchmark
  public EffectiveRoute compiledSelect() {
    return reachability.selectRoute(subnet, probe());
  }

  @Benchmark
  public EffectiveRoute linearScan() {
    Ipv4Address a = probe();
    EffectiveRoute best = null;
    for (EffectiveRoute r : all) {
      if (!r.addressPrefix().contains(a)) {
        continue;
      }
      if (best == null
          || r.addressPrefix().length() > best.addressPrefix().length()
          || (r.addressPrefix().length() == best.addressPrefix().length() && r.source().compareTo(best.source()) < 0)) {
        best = r;
      }
    }
    return best;
  }
}
