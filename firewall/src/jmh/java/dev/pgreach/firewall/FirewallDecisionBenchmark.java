package dev.pgreach.firewall;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.util.SubnetUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One firewall decision (is this source address admitted?) against 10, 1 000 and 100 000 rules,
 * four ways in the same run:
 *
 * <ul>
 *   <li>{@code compiledAdmit}: {@link PublicAccess#admit}, the library's answer, a binary search
 *       over the compiled intervals plus building the verdict and its step;
 *   <li>{@code compiledAddressSet}: membership in the merged {@link AddressSet}, the bare binary
 *       search;
 *   <li>{@code linearIntRanges}: a scan of the rules as unsigned start/end numbers;
 *   <li>{@code naiveSubnetUtils}: a scan of the rules' CIDR blocks with commons-net {@code
 *       SubnetUtils}, checking the address as text, as hand-written code often does.
 * </ul>
 *
 * <p>Rules are random ranges of up to 4096 addresses; half of the probed addresses fall inside a
 * rule, half are random. Everything is seeded, so every run measures the same work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FirewallDecisionBenchmark {
  private static final int PROBES = 1024;
  private static final Instant AT = Instant.parse("2024-05-01T12:00:00Z");

  @Param({"10", "1000", "100000"})
  public int rules;

  private PublicAccess access;
  private AddressSet admitted;
  private long[] firsts;
  private long[] lasts;
  private SubnetUtils.SubnetInfo[] blocks;
  private Ipv4Address[] probes;
  private String[] probeTexts;
  private int next;

  /**
   * Builds the rules, and only the representation the running benchmark uses, so that no fork
   * carries another method's data on its heap.
   *
   * @param params the running benchmark
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String method = params.getBenchmark();
    boolean naive = method.endsWith("naiveSubnetUtils");
    boolean compiled = method.contains(".compiled");
    SplittableRandom random = new SplittableRandom(20240501L + rules);
    List<FirewallRule> list = new ArrayList<>(rules);
    List<SubnetUtils.SubnetInfo> cidrs = new ArrayList<>();
    firsts = new long[rules];
    lasts = new long[rules];
    for (int i = 0; i < rules; i++) {
      long first = random.nextLong(0x1_0000_0000L - 4096);
      long last = first + random.nextInt(4096);
      firsts[i] = first;
      lasts[i] = last;
      Ipv4Range range = Ipv4Range.of(Ipv4Address.ofLong(first), Ipv4Address.ofLong(last));
      if (compiled) {
        list.add(FirewallRule.of("rule-" + i, range));
      }
      for (Ipv4Prefix p : naive ? range.toPrefixes() : List.<Ipv4Prefix>of()) {
        SubnetUtils utils = new SubnetUtils(p.toString());
        utils.setInclusiveHostCount(true);
        cidrs.add(utils.getInfo());
      }
    }
    if (compiled) {
      access = PublicAccess.of(FirewallRuleSet.of(list));
      admitted = access.admittedAddresses(AT);
    }
    blocks = cidrs.toArray(new SubnetUtils.SubnetInfo[0]);
    probes = new Ipv4Address[PROBES];
    probeTexts = new String[PROBES];
    for (int i = 0; i < PROBES; i++) {
      long a;
      if (i % 2 == 0) {
        int r = random.nextInt(rules);
        a = firsts[r] + random.nextLong(lasts[r] - firsts[r] + 1);
      } else {
        a = random.nextLong(0x1_0000_0000L);
      }
      probes[i] = Ipv4Address.ofLong(a);
      probeTexts[i] = probes[i].toString();
    }
  }

  private int nextProbe() {
    next = (next + 1) & (PROBES - 1);
    return next;
  }

  @Benchmark
  public Verdict compiledAdmit() {
    return access.admit(probes[nextProbe()], AT);
  }

  @Benchmark
  public boolean compiledAddressSet() {
    return admitted.contains(probes[nextProbe()]);
  }

  @Benchmark
  public boolean linearIntRanges() {
    long a = probes[nextProbe()].toLong();
    long[] f = firsts;
    long[] l = lasts;
    for (int i = 0; i < f.length; i++) {
      if (f[i] <= a && a <= l[i]) {
        return true;
      }
    }
    return false;
  }

  @Benchmark
  public boolean naiveSubnetUtils() {
    String a = probeTexts[nextProbe()];
    for (SubnetUtils.SubnetInfo block : blocks) {
      if (block.isInRange(a)) {
        return true;
      }
    }
    return false;
  }
}
