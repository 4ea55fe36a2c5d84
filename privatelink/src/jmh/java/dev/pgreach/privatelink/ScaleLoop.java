package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A plain loop over one scale question, for a profiler to sample: {@code connect}, {@code expose}
 * or {@code matrix}, at a factor, for a number of seconds.
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
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() < end) {
      switch (question) {
        case "connect":
          for (int i = 0; i < 1000; i++) {
            c.connect(clients.get(random.nextInt(clients.size())), servers.get(random.nextInt(servers.size())).name() + ".postgres.database.azure.com", 5432, at);
          }
          n += 1000;
          break;
        case "expose":
          c.expose(g.integratedServers().get(random.nextInt(g.integratedServers().size())), 5432, at);
          n++;
          break;
        case "matrix":
          c.matrix(5432, at);
          n++;
          break;
        default:
          throw new IllegalArgumentException(question);
      }
    }
    System.out.printf("%s: %d questions, %.3f us each%n", question, n, (System.nanoTime() - t0) / 1e3 / n);
  }
}
