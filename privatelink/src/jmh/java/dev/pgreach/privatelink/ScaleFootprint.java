package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.ResourceId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What JMH does not measure: the heap a compiled {@link Connectivity} retains, and the size of the
 * generated estate. Run as a plain program with the scale factor as its argument.
 */
public final class ScaleFootprint {
  private ScaleFootprint() {}

  /**
   * Prints the estate's counts, the compile time and the heap the compiled view retains.
   *
   * @param args the scale factor (default 1)
   */
  public static void main(String[] args) {
    double factor = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    long t0 = System.nanoTime();
    ScaleEstate.Generated g = ScaleEstate.generate(factor, 42);
    Estate e = g.estate();
    long t1 = System.nanoTime();
    int subnets = e.network().virtualNetworks().stream().mapToInt(v -> v.subnets().size()).sum();
    int peerings = e.network().virtualNetworks().stream().mapToInt(v -> v.virtualNetworkPeerings().size()).sum();
    int nsgRules = e.networkSecurityGroups().stream().mapToInt(n -> n.securityRules().size()).sum();
    int fw = e.firewallRules().values().stream().mapToInt(r -> r.size()).sum();
    int links = e.privateDnsZones().stream().mapToInt(z -> z.virtualNetworkLinks().size()).sum();
    System.out.printf(
        "factor %s: %d vnets, %d subnets, %d peerings, %d NSGs (%d rules), %d route tables, %d servers, %d firewall rules, %d endpoints, %d zones (%d links), %d clients; generated in %d ms%n",
        factor, e.network().virtualNetworks().size(), subnets, peerings, e.networkSecurityGroups().size(), nsgRules, e.network().routeTables().size(),
        e.network().flexibleServers().size(), fw, e.privateEndpoints().size(), e.privateDnsZones().size(), links, e.clients().size(), (t1 - t0) / 1_000_000);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = used(memory);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long t2 = System.nanoTime();
    long c2 = threads.getCurrentThreadCpuTime();
    Connectivity c = Connectivity.of(e);
    long c3 = threads.getCurrentThreadCpuTime();
    long t3 = System.nanoTime();
    long after = used(memory);
    System.out.printf("compile %d ms wall, %d ms cpu, retained %.1f MB%n", (t3 - t2) / 1_000_000, (c3 - c2) / 1_000_000, (after - before) / 1e6);
    long c4 = threads.getCurrentThreadCpuTime();
    c.expose(g.integratedServers().get(0), 5432, java.time.Instant.parse("2026-11-24T12:00:00Z"));
    long c5 = threads.getCurrentThreadCpuTime();
    long indexed = used(memory);
    System.out.printf("first exposure (builds the exposure indices) %d ms cpu; retained with them %.1f MB%n", (c5 - c4) / 1_000_000, (indexed - before) / 1e6);
    if (args.length > 1) {
      Client client = e.clients().get(0);
      for (ResourceId s : g.servers().subList(0, Math.min(12, g.servers().size()))) {
        Connection x = c.connect(client, s.name() + ".postgres.database.azure.com", 5432, java.time.Instant.parse("2026-11-24T12:00:00Z"));
        System.out.println(client.name() + " -> " + s.name() + ": " + x.disposition() + " " + x.decidingStep().map(st -> st.code() + " " + st.reason()).orElse(""));
      }
      for (int i = 0; i < 6; i++) {
        Client k = e.clients().get(i * 37 % e.clients().size());
        ResourceId s = g.integratedServers().get(i);
        Connection x = c.connect(k, s.name() + ".postgres.database.azure.com", 5432, java.time.Instant.parse("2026-11-24T12:00:00Z"));
        System.out.println(k.name() + " -> " + s.name() + ": " + x.disposition() + " " + x.decidingStep().map(st -> st.code() + " " + st.reason()).orElse(""));
      }
    }
    if (c.hashCode() == 42) {
      System.out.println();
    }
  }

  private static long used(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
