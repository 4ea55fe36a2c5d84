package dev.pgreach.privatelink.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.testing.EstateArbitraries;
import dev.pgreach.privatelink.testing.Feature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Laws of intents over generated estates. */
class IntentProperties {
  /**
   * "Server S reachable only from these places" agrees with connecting from every host address of
   * every other subnet to every private front door of S. The public endpoint and on-premises
   * networks are allowed here (they are judged by the exposure's own properties), so the reference
   * needs no sampling of the internet.
   *
   * <p>jqwik's default of 1,000 tries; the {@code heavy-properties} profile raises it.
   */
  @Property
  void reachableOnlyFromAgreesWithConnectingEveryHost(@ForAll("small") Estate estate, @ForAll long choice) {
    Connectivity connectivity = Connectivity.of(estate, ServiceProfile.current());
    for (FlexibleServer server : estate.network().flexibleServers()) {
      List<Ipv4Address> doors = new ArrayList<>();
      server.privateAddress().filter(a -> server.isVnetIntegrated()).ifPresent(doors::add);
      estate.privateEndpointsOf(server.id()).forEach(p -> doors.add(p.privateAddress()));
      if (server.isVnetIntegrated() && server.privateAddress().isEmpty()) {
        continue; // the door's address is not known: no host can be asked about it by address
      }
      List<String> allowed = new ArrayList<>(List.of(Intent.INTERNET, Intent.AZURE_SERVICES));
      estate.network().onPremisesNetworks().forEach(o -> allowed.add(o.name()));
      List<Subnet> judged = new ArrayList<>();
      int bit = 0;
      for (VirtualNetwork v : estate.network().virtualNetworks()) {
        for (Subnet s : v.subnets()) {
          if (((choice >>> (bit++ % 64)) & 1) == 1) {
            allowed.add(v.name() + "/" + s.name());
          } else if (!s.name().equalsIgnoreCase("GatewaySubnet")) {
            judged.add(s);
          }
        }
      }
      Disposition reference = Disposition.BLOCKED; // BLOCKED: satisfied; ALLOWED: violated
      for (Subnet s : judged) {
        AddressSet hosts = s.addressPrefix().toAddressSet().difference(s.reservedAddresses());
        for (Ipv4Address door : doors) {
          for (Ipv4Range r : hosts.difference(AddressSet.ofAddresses(List.of(door))).ranges()) {
            for (long a = r.first().toLong(); a <= r.last().toLong() && reference != Disposition.ALLOWED; a++) {
              Connection c = connectivity.connect(host(estate, s, Ipv4Address.ofLong(a)), door.toString(), FlexibleServer.POSTGRES_PORT, EstateArbitraries.INSTANT);
              if (c.disposition() == Disposition.ALLOWED) {
                reference = Disposition.ALLOWED;
              } else if (c.disposition() == Disposition.INDETERMINATE) {
                reference = Disposition.INDETERMINATE;
              }
            }
          }
        }
      }
      Intent intent = Intent.reachableOnlyFrom(server.name().toString(), allowed);
      IntentResult result = Intents.of(intent).verify(connectivity, EstateArbitraries.INSTANT).results().get(0);
      // Only port 5432 is asked of the reference: drop the intent's PgBouncer flows.
      List<Violation> broken = result.violations().stream().filter(v -> v.summary().contains(":5432 ")).toList();
      List<Violation> maybe = result.undecided().stream().filter(v -> v.summary().contains(":5432 ")).toList();
      IntentStatus expected = reference == Disposition.ALLOWED ? IntentStatus.VIOLATED : reference == Disposition.INDETERMINATE ? IntentStatus.INDETERMINATE : IntentStatus.SATISFIED;
      IntentStatus actual = !broken.isEmpty() ? IntentStatus.VIOLATED : !maybe.isEmpty() ? IntentStatus.INDETERMINATE : IntentStatus.SATISFIED;
      Statistics.label("status").collect(actual);
      assertEquals(expected, actual, () -> result.explanation() + "\n" + EstateArbitraries.describe(estate));
      // Every violation's counterexample really connects.
      broken.forEach(v -> assertEquals(Disposition.ALLOWED, v.counterexample().orElseThrow().disposition(), v::explanation));
    }
  }

  private static Client host(Estate estate, Subnet s, Ipv4Address a) {
    Optional<dev.pgreach.core.ResourceId> nic = estate.network().networkInterfacesIn(s.id()).stream().filter(n -> n.privateAddress().equals(a)).map(NetworkInterface::id).findFirst();
    return Client.builder().name("reference").location(new ClientLocation.InVirtualNetwork(s.id(), a, Optional.empty(), nic)).build();
  }

  /** Over the six kinds, every violation's counterexample behaves as the violation says: an exposure connects, a name question is blocked. */
  @Property(tries = 100)
  void intentsOfTheSixKindsAreDecidedAndTheirCounterexamplesAgree(@ForAll("closed") Estate estate) {
    Connectivity connectivity = Connectivity.of(estate, ServiceProfile.current());
    IntentReport report = six(estate).verify(connectivity, EstateArbitraries.INSTANT);
    for (IntentResult r : report.results()) {
      Statistics.label(r.intent().kind()).collect(r.status());
      for (Violation v : r.violations()) {
        v.counterexample().ifPresent(c -> {
          if (r.intent() instanceof Intent.NoInternetExposure || r.intent() instanceof Intent.NoAzureServicesRule) {
            assertEquals(Disposition.ALLOWED, c.disposition(), v::explanation);
          } else if (r.intent() instanceof Intent.ResolvableWhereRoutable || r.intent() instanceof Intent.ClientsCanConnect) {
            assertEquals(Disposition.BLOCKED, c.disposition(), v::explanation);
          }
        });
      }
    }
  }

  /**
   * Removing knowledge never flips an intent between satisfied and violated: with the firewall
   * rules, endpoint connections and record sets of every owner declared not observed, each intent
   * keeps its answer or becomes indeterminate.
   */
  @Property(tries = 60)
  void forgettingInventoriesNeverFlipsAnIntent(@ForAll("closed") Estate estate) {
    dev.pgreach.core.Coverage.Builder coverage = dev.pgreach.core.Coverage.builder().whole(true);
    for (FlexibleServer s : estate.network().flexibleServers()) {
      coverage.putIncompleteInventories(dev.pgreach.core.Inventory.FIREWALL_RULES, s.id());
      coverage.putIncompleteInventories(dev.pgreach.core.Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id());
    }
    estate.privateDnsZones().forEach(z -> coverage.putIncompleteInventories(dev.pgreach.core.Inventory.RECORD_SETS, z.id()));
    var n = estate.network();
    Estate open =
        estate.withNetwork(
            dev.pgreach.core.Network.builder()
                .addAllVirtualNetworks(n.virtualNetworks())
                .addAllNetworkInterfaces(n.networkInterfaces())
                .addAllRouteTables(n.routeTables())
                .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
                .addAllGatewayConnections(n.gatewayConnections())
                .addAllOnPremisesNetworks(n.onPremisesNetworks())
                .addAllFlexibleServers(n.flexibleServers())
                .coverage(coverage.build())
                .build());
    Intents intents = six(estate);
    IntentReport known = intents.verify(estate, ServiceProfile.current(), EstateArbitraries.INSTANT);
    IntentReport less = intents.verify(open, ServiceProfile.current(), EstateArbitraries.INSTANT);
    for (int i = 0; i < known.results().size(); i++) {
      IntentStatus a = known.results().get(i).status();
      IntentStatus b = less.results().get(i).status();
      Statistics.label("open answer").collect(a == b ? "same" : b == IntentStatus.INDETERMINATE ? "indeterminate" : "flipped");
      int index = i;
      assertTrue(a == b || b == IntentStatus.INDETERMINATE, () -> known.results().get(index).explanation() + "\nopen:\n" + less.results().get(index).explanation());
    }
  }

  /** Removing every allow satisfies the exposure intents. */
  @Property(tries = 60)
  void anEstateThatAllowsNothingSatisfiesNoInternetExposure(@ForAll("closed") Estate estate) {
    Estate closed = withoutFirewallRules(estate);
    IntentReport report = Intents.of(Intent.noServerReachableFromInternet(), Intent.noAzureServicesRule()).verify(closed, ServiceProfile.current(), EstateArbitraries.INSTANT);
    assertEquals(IntentStatus.SATISFIED, report.status(), report::explanation);
  }

  private static Estate withoutFirewallRules(Estate e) {
    Estate out = e;
    for (var id : e.firewallRules().keySet()) {
      out = out.withFirewallRules(id, dev.pgreach.firewall.FirewallRuleSet.empty());
    }
    return out;
  }

  /** The intent file writes and reads back to equal intents. */
  @Property(tries = 200)
  void theIntentFileRoundTrips(@ForAll("intents") Intents intents) {
    assertEquals(intents, Intents.parse(intents.toJson()));
  }

  /**
   * Reading a file for an estate refuses exactly the names that verifying refuses, each at the
   * file's path of its intent, and otherwise reads the intents the file holds.
   */
  @Property(tries = 40)
  void readingForAnEstate_refusesTheNamesVerifyRefuses(@ForAll("intents") Intents intents) {
    Estate sample = dev.pgreach.privatelink.SampleEstate.estate();
    List<String> byVerify;
    try {
      intents.verify(sample, dev.pgreach.core.ServiceProfile.current(), dev.pgreach.privatelink.SampleEstate.INSTANT);
      byVerify = List.of();
    } catch (dev.pgreach.core.PgreachException e) {
      byVerify = messages(e).stream().map(m -> "$." + m).toList();
    }
    List<String> byReading;
    try {
      assertEquals(intents, Intents.parse(intents.toJson(), sample));
      byReading = List.of();
    } catch (dev.pgreach.core.PgreachException e) {
      byReading = messages(e);
    }
    assertEquals(byVerify, byReading);
  }

  private static List<String> messages(dev.pgreach.core.PgreachException e) {
    List<dev.pgreach.core.PgreachException> all = e.problems().isEmpty() ? List.of(e) : e.problems();
    return all.stream().map(p -> p.code() + " " + p.getMessage()).map(m -> m.substring(m.indexOf(' ') + 1)).toList();
  }

  /** The six kinds, the server-specific ones about the estate's first server. */
  static Intents six(Estate estate) {
    List<Intent> intents = new ArrayList<>(List.of(
        Intent.noServerReachableFromInternet(),
        Intent.resolvableWhereRoutable(),
        Intent.noAzureServicesRule(),
        Intent.privateEndpointsApproved()));
    estate.network().flexibleServers().stream().findFirst().ifPresent(s -> {
      intents.add(Intent.clientsCanConnect(s.name().toString()));
      intents.add(Intent.reachableOnlyFrom(s.name().toString(), estate.network().virtualNetworks().get(0).name()));
    });
    return Intents.of(intents);
  }

  @Provide
  Arbitrary<Estate> small() {
    return EstateArbitraries.estates().maxServers(2).without(Feature.OPEN_WORLD);
  }

  @Provide
  Arbitrary<Estate> closed() {
    return EstateArbitraries.estates().without(Feature.OPEN_WORLD);
  }

  @Provide
  Arbitrary<Intents> intents() {
    Arbitrary<String> names = net.jqwik.api.Arbitraries.of("orders-db", "billing-db", "hub/app", "datacenter", Intent.INTERNET, "orders-api");
    Arbitrary<List<String>> lists = names.list().ofMaxSize(3);
    Arbitrary<Intent> one =
        net.jqwik.api.Arbitraries.oneOf(
            lists.map(l -> Intent.noServerReachableFromInternet(l.toArray(String[]::new))),
            net.jqwik.api.Combinators.combine(names, lists).as(Intent::reachableOnlyFrom),
            net.jqwik.api.Combinators.combine(names, lists).as((s, l) -> Intent.clientsCanConnect(s, l.toArray(String[]::new))),
            lists.map(l -> Intent.resolvableWhereRoutable(l.toArray(String[]::new))),
            lists.map(l -> Intent.noAzureServicesRule(l.toArray(String[]::new))),
            lists.map(l -> Intent.privateEndpointsApproved(l.toArray(String[]::new))));
    return one.list().ofMaxSize(6).map(Intents::of);
  }
}
