package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.PublicAccess;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A plain loop over one scale question, for a profiler to sample and for a machine shared with
 * other work: besides wall time it reports the thread's CPU time per question, which other
 * processes on the cores inflate far less than wall time.
 *
 * <p>Questions: {@code connect}, {@code expose}, {@code matrix}, {@code compile}, and over every
 * firewall rule of the estate in one set {@code admit} (traced), {@code decide} (traceless) and
 * {@code raw} (a binary search over merged int intervals, the baseline); {@code import} of the
 * estate's ARM export and {@code readTree}, Jackson's tree read of it (the baseline).
 */
public final class ScaleLoop {
  private ScaleLoop() {}

  /**
   * Runs the loop.
   *
   * @param args the question, the factor and the seconds
   */
  public static void main(String[] args) {
    String question = args[0];
    double factor = Double.parseDouble(args[1]);
    long seconds = Long.parseLong(args[2]);
    ScaleEstate.Generated g = ScaleEstate.generate(factor, 42);
    Connectivity c = Connectivity.of(g.estate());
    Instant at = Instant.parse("2026-11-24T12:00:00Z");
    List<Client> clients = g.estate().clients();
    List<ResourceId> servers = g.servers();
    SplittableRandom random = new SplittableRandom(7);
    String[] names = servers.stream().map(s -> s.name() + ".postgres.database.azure.com").toArray(String[]::new);
    // The firewall: every rule in one set, and the same rules merged into int intervals.
    List<FirewallRule> all = new ArrayList<>();
    int k = 0;
    for (ResourceId s : g.publicServers()) {
      for (FirewallRule r : g.estate().firewallRulesOf(s).rules()) {
        all.add(FirewallRule.builder().name("s" + k + "-" + r.name()).startIpAddress(r.startIpAddress()).endIpAddress(r.endIpAddress()).build());
      }
      k++;
    }
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(all));
    long[][] spans = all.stream().map(r -> new long[] {r.range().first().toLong(), r.range().last().toLong()}).sorted((a, b) -> Long.compare(a[0], b[0])).toArray(long[][]::new);
    int[] starts = new int[spans.length];
    int[] ends = new int[spans.length];
    int merged = 0;
    for (long[] s : spans) {
      if (merged > 0 && ((long) (ends[merged - 1] ^ Integer.MIN_VALUE) & 0xFFFFFFFFL) + 1 >= s[0]) {
        long end = Math.max((ends[merged - 1] ^ Integer.MIN_VALUE) & 0xFFFFFFFFL, s[1]);
        ends[merged - 1] = (int) end ^ Integer.MIN_VALUE;
      } else {
        starts[merged] = (int) s[0] ^ Integer.MIN_VALUE;
        ends[merged] = (int) s[1] ^ Integer.MIN_VALUE;
        merged++;
      }
    }
    int[] mergedStarts = Arrays.copyOf(starts, merged);
    int[] mergedEnds = Arrays.copyOf(ends, merged);
    Ipv4Address[] probes = new Ipv4Address[4096];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = i % 2 == 0 && !all.isEmpty() ? all.get(random.nextInt(all.size())).startIpAddress() : Ipv4Address.ofBits(random.nextInt());
    }
    dev.pgreach.privatelink.arm.ArmExport export = question.startsWith("import") || question.equals("readTree") ? dev.pgreach.privatelink.arm.ArmExport.write(g.estate()) : null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    long t0 = System.nanoTime();
    long cpu0 = threads.getCurrentThreadCpuTime();
    while (System.nanoTime() < end) {
      switch (question) {
        case "connect":
          for (int i = 0; i < 1000; i++) {
            sink += c.connect(clients.get(random.nextInt(clients.size())), names[random.nextInt(names.length)], 5432, at).steps().size();
          }
          n += 1000;
          break;
        case "expose":
          sink += c.expose(g.integratedServers().get(random.nextInt(g.integratedServers().size())), 5432, at).privatePaths().size();
          n++;
          break;
        case "matrix":
          sink += c.matrix(5432, at).exposures().size();
          n++;
          break;
        case "compile":
          sink += Connectivity.of(g.estate()).hashCode();
          n++;
          break;
        case "admit":
          for (int i = 0; i < 100_000; i++) {
            sink += access.admit(probes[i & 4095], at).steps().size();
          }
          n += 100_000;
          break;
        case "decide":
          for (int i = 0; i < 100_000; i++) {
            sink += access.decide(probes[i & 4095], at).ordinal();
          }
          n += 100_000;
          break;
        case "raw":
          for (int i = 0; i < 100_000; i++) {
            int a = probes[i & 4095].toBits() ^ Integer.MIN_VALUE;
            int j = Arrays.binarySearch(mergedStarts, a);
            if (j < 0) {
              j = -j - 2;
            }
            sink += j >= 0 && a <= mergedEnds[j] ? 1 : 0;
          }
          n += 100_000;
          break;
        case "import":
          sink += dev.pgreach.privatelink.arm.ArmImport.read(export.resourcesJson(), export.companion()).resourceCount();
          n++;
          break;
        case "readTree":
          try {
            sink += new com.fasterxml.jackson.databind.ObjectMapper().readTree(export.resourcesJson()).size();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          n++;
          break;
        default:
          throw new IllegalArgumentException(question);
      }
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    long wall = System.nanoTime() - t0;
    System.out.printf("%s at %s: %d questions, wall %.3f us, cpu %.3f us each (%d)%n", question, factor, n, wall / 1e3 / n, cpu / 1e3 / n, sink % 10);
  }
}
