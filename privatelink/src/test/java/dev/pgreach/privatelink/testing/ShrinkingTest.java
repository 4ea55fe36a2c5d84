package dev.pgreach.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.privatelink.Estate;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.Example;

/**
 * Planted false properties shrink to minimal estates: jqwik's own shrinkables of the generated
 * estates are walked as jqwik walks them (take the first smaller candidate that still falsifies).
 */
class ShrinkingTest {
  /** "No estate has a server" shrinks to one network with one subnet, one server and nothing else. */
  @Example
  void aFalsePropertyAboutServersShrinksToOneNetworkOneSubnetOneServer() {
    for (long seed = 1; seed <= 2; seed++) {
      Estate minimal = shrink(EstateArbitraries.estates(), e -> e.network().flexibleServers().isEmpty(), seed);
      String d = EstateArbitraries.describe(minimal);
      assertEquals(1, minimal.network().virtualNetworks().size(), d);
      assertEquals(1, minimal.network().virtualNetworks().stream().mapToInt(v -> v.subnets().size()).sum(), d);
      assertEquals(1, minimal.network().flexibleServers().size(), d);
      assertTrue(minimal.clients().isEmpty(), d);
      assertTrue(minimal.privateEndpoints().isEmpty(), d);
      assertTrue(minimal.networkSecurityGroups().isEmpty(), d);
      assertTrue(minimal.firewallRules().isEmpty(), d);
      assertTrue(minimal.dnsServers().isEmpty(), d);
      assertTrue(minimal.network().networkInterfaces().isEmpty(), d);
      assertTrue(minimal.network().routeTables().isEmpty(), d);
      assertTrue(!minimal.coverage().isOpen(), d);
      assertTrue(d.split("\n").length <= 6, d);
    }
  }

  /** "No endpoint is pending" shrinks to one pending endpoint of one server, the rest left out. */
  @Example
  void aFalsePropertyAboutEndpointsShrinksToOneEndpoint() {
    Estate minimal =
        shrink(
            EstateArbitraries.estates(),
            e -> e.privateEndpoints().stream().noneMatch(p -> p.connectionState() == dev.pgreach.privatelink.PrivateEndpointConnectionState.PENDING),
            7);
    String d = EstateArbitraries.describe(minimal);
    assertEquals(1, minimal.privateEndpoints().size(), d);
    // A second, bare server may stay: removing it from the network shifts the choices its endpoint was drawn from.
    assertTrue(minimal.network().flexibleServers().size() <= 2, d);
    assertEquals(1, minimal.network().virtualNetworks().size(), d);
    assertTrue(minimal.clients().isEmpty(), d);
    assertTrue(minimal.networkSecurityGroups().isEmpty(), d);
    int subnets = minimal.network().virtualNetworks().stream().mapToInt((VirtualNetwork v) -> v.subnets().size()).sum();
    assertEquals(1, subnets, d);
  }

  /** Finds an estate the property fails for, then shrinks it greedily until nothing smaller fails. */
  static Estate shrink(Arbitrary<Estate> estates, Predicate<Estate> property, long seed) {
    Random random = new Random(seed);
    Shrinkable<Estate> current = null;
    var generator = estates.generator(1000);
    for (int i = 0; i < 10_000 && current == null; i++) {
      Shrinkable<Estate> s = generator.next(random);
      if (!property.test(s.value())) {
        current = s;
      }
    }
    assertTrue(current != null, "no falsifying estate generated");
    for (int step = 0; step < 5_000; step++) {
      Optional<Shrinkable<Estate>> smaller = current.shrink().filter(s -> !property.test(s.value())).findFirst();
      if (smaller.isEmpty()) {
        break;
      }
      current = smaller.get();
    }
    return current.value();
  }
}
