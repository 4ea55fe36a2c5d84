package dev.pgreach.privatelink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Client;
import dev.pgreach.core.Finding;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.PublicAccess;
import dev.pgreach.privatelink.arm.ArmExport;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The scale benchmarks on {@link ScaleEstate} at 1 %, 10 % and 100 %, each question next to a
 * baseline in the same run:
 *
 * <ul>
 *   <li>{@code compile}: {@link Connectivity#of(Estate)}; baseline {@code compileBaselineCopy},
 *       hashing every server, rule and endpoint once (the least any compile must touch);
 *   <li>{@code connect}: a random client asks a random server by name; baselines {@code
 *       connectBaselineHashLookup} (finding the server and client in hash maps, the floor) and, at
 *       1 % only (run it with {@code -p factor=0.01}), {@code connectNaiveRecompile};
 *   <li>{@code exposeOne}: {@link Connectivity#expose} of one VNet-integrated server;
 *       {@code matrix}: {@link Connectivity#matrix} (every server); the naive evaluation (a
 *       connection question per source range and door, per server) is the README's baseline
 *       column, measured before the indices;
 *   <li>{@code validate}: {@link EstateValidation#validate(Estate)};
 *   <li>{@code importArm}: {@link ArmImport#read(String, Companion)} of {@link ArmExport}'s
 *       document; baseline {@code importBaselineReadTree}, Jackson's {@code readTree} of it;
 *   <li>{@code admit}: {@link PublicAccess#admit} (with its trace) and {@code admitDecision}
 *       ({@link PublicAccess#decide}) on every rule of the estate in one set; baselines
 *       {@code admitBaselineRawSearch} (one binary search over merged int intervals) and {@code
 *       admitNaiveScan} (every rule tested in turn).
 * </ul>
 *
 * <p>The machine has two shared cores: runs are short (one fork, few iterations), see the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScaleBenchmark {
  /** The instant of every question. */
  static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

  @Param({"0.01", "0.1", "1"})
  public double factor;

  private ScaleEstate.Generated generated;
  private Estate estate;
  private Connectivity connectivity;
  private Client[] clients;
  private String[] names;
  private int[] questionClient;
  private int[] questionServer;
  private int next;
  private ResourceId exposed;
  private Map<String, ResourceId> serversByName;
  private Map<String, Client> clientsByName;

  @Setup(Level.Trial)
  public void setUp() {
    generated = ScaleEstate.generate(factor, 42);
    estate = generated.estate();
    connectivity = Connectivity.of(estate, ServiceProfile.current());
    clients = estate.clients().toArray(new Client[0]);
    ImmutableList<ResourceId> servers = generated.servers();
    names = servers.stream().map(s -> s.name() + ".postgres.database.azure.com").toArray(String[]::new);
    SplittableRandom random = new SplittableRandom(7);
    questionClient = new int[4096];
    questionServer = new int[4096];
    for (int i = 0; i < questionClient.length; i++) {
      questionClient[i] = random.nextInt(clients.length);
      questionServer[i] = random.nextInt(names.length);
    }
    exposed = generated.integratedServers().get(generated.integratedServers().size() / 2);
    serversByName = new HashMap<>();
    for (ResourceId s : servers) {
      serversByName.put(s.name() + ".postgres.database.azure.com", s);
    }
    clientsByName = new HashMap<>();
    for (Client c : clients) {
      clientsByName.put(c.name(), c);
    }
  }

  /** The ARM document of the estate, written once per trial. */
  @State(Scope.Benchmark)
  public static class Arm {
    String armJson;
    Companion companion;

    @Setup(Level.Trial)
    public void setUp(ScaleBenchmark b) {
      ArmExport export = ArmExport.write(b.estate);
      armJson = export.resourcesJson();
      companion = export.companion();
    }
  }

  /** Every firewall rule of the estate as one public endpoint's rule set, compiled, and as merged int intervals. */
  @State(Scope.Benchmark)
  public static class Firewall {
    PublicAccess access;
    int[] mergedStarts;
    int[] mergedEnds;
    FirewallRule[] rules;
    int[] probes;
    int next;

    @Setup(Level.Trial)
    public void setUp(ScaleBenchmark bench) {
      Estate estate = bench.estate;
      SplittableRandom random = new SplittableRandom(11);
      // Every firewall rule of the estate in one rule set (100,000 at full scale), as one server would hold them.
      List<FirewallRule> all = new ArrayList<>();
      int k = 0;
      for (ResourceId s : bench.generated.publicServers()) {
        for (FirewallRule r : estate.firewallRulesOf(s).rules()) {
          all.add(FirewallRule.builder().name("s" + k + "-" + r.name()).startIpAddress(r.startIpAddress()).endIpAddress(r.endIpAddress()).build());
        }
        k++;
      }
      access = PublicAccess.of(dev.pgreach.firewall.FirewallRuleSet.of(all)).withProfile(ServiceProfile.current()).withAzureRanges(estate.azureRanges());
      rules = all.toArray(new FirewallRule[0]);
      long[][] intervals = new long[rules.length][];
      for (int i = 0; i < rules.length; i++) {
        intervals[i] = new long[] {rules[i].range().first().toLong(), rules[i].range().last().toLong()};
      }
      Arrays.sort(intervals, (a, b) -> Long.compare(a[0], b[0]));
      List<long[]> merged = new ArrayList<>();
      for (long[] r : intervals) {
        if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] + 1 >= r[0]) {
          merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], r[1]);
        } else {
          merged.add(r.clone());
        }
      }
      mergedStarts = new int[merged.size()];
      mergedEnds = new int[merged.size()];
      for (int i = 0; i < merged.size(); i++) {
        mergedStarts[i] = (int) merged.get(i)[0] ^ Integer.MIN_VALUE;
        mergedEnds[i] = (int) merged.get(i)[1] ^ Integer.MIN_VALUE;
      }
      // Half the probes inside some rule, half anywhere.
      probes = new int[4096];
      for (int i = 0; i < probes.length; i++) {
        probes[i] = i % 2 == 0 && rules.length > 0 ? rules[random.nextInt(rules.length)].range().first().toBits() : random.nextInt();
      }
    }

    int probe() {
      next = (next + 1) & 4095;
      return probes[next];
    }
  }

  private int question() {
    next = (next + 1) & 4095;
    return next;
  }

  // ------------------------------------------------------------------ compile

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Connectivity compile() {
    return Connectivity.of(estate, ServiceProfile.current());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int compileBaselineCopy() {
    Map<Object, Object> m = new HashMap<>();
    estate.network().flexibleServers().forEach(s -> m.put(s.id(), s));
    estate.firewallRules().forEach((k, v) -> v.rules().forEach(r -> m.put(r, k)));
    estate.privateEndpoints().forEach(p -> m.put(p.id(), p));
    return m.size();
  }

  // ------------------------------------------------------------------ connect

  @Benchmark
  public Connection connect() {
    int q = question();
    return connectivity.connect(clients[questionClient[q]], names[questionServer[q]], 5432, AT);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object connectBaselineHashLookup() {
    int q = question();
    return serversByName.get(names[questionServer[q]]) == null ? null : clientsByName.get(clients[questionClient[q]].name());
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Connection connectNaiveRecompile() {
    int q = question();
    return Connectivity.connect(estate, clients[questionClient[q]], names[questionServer[q]], 5432, AT, ServiceProfile.current());
  }

  // ------------------------------------------------------------------ expose

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Exposure exposeOne() {
    return connectivity.expose(exposed, 5432, AT);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public ExposureMatrix matrix() {
    return connectivity.matrix(5432, AT);
  }

  // ------------------------------------------------------------------ validate and import

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<Finding> validate() {
    return EstateValidation.validate(estate);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Estate importArm(Arm arm) {
    return ArmImport.read(arm.armJson, arm.companion).estate();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public JsonNode importBaselineReadTree(Arm arm) throws Exception {
    return new ObjectMapper().readTree(arm.armJson);
  }

  // ------------------------------------------------------------------ firewall

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Object admit(Firewall f) {
    return f.access.admit(dev.pgreach.core.Ipv4Address.ofBits(f.probe()), AT);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public dev.pgreach.core.Disposition admitDecision(Firewall f) {
    return f.access.decide(dev.pgreach.core.Ipv4Address.ofBits(f.probe()), AT);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean admitBaselineRawSearch(Firewall f) {
    int a = f.probe() ^ Integer.MIN_VALUE;
    int i = Arrays.binarySearch(f.mergedStarts, a);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && a <= f.mergedEnds[i];
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean admitNaiveScan(Firewall f) {
    dev.pgreach.core.Ipv4Address a = dev.pgreach.core.Ipv4Address.ofBits(f.probe());
    for (FirewallRule r : f.rules) {
      if (r.range().contains(a)) {
        return true;
      }
    }
    return false;
  }
}
