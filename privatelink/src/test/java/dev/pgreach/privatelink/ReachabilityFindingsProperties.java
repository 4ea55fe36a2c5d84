package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.Place;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.RouteStep;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Findings that claim reachability agree with {@code connect}: a {@link
 * FindingCode#VIRTUAL_NETWORK_NEEDS_ZONE_LINK} finding on a network says hosts there are routed to
 * a server of the zone, so {@code connect} from some subnet of that network to the server's
 * address routes the packet into the server's own network.
 */
class ReachabilityFindingsProperties {

  @Property(tries = 200)
  void everyZoneLinkFindingIsRoutedIntoTheServersNetworkByConnect(@ForAll("estates") Estate estate, @ForAll boolean preview) {
    ServiceProfile profile = preview ? ServiceProfile.preview2021() : ServiceProfile.current();
    List<Finding> claims =
        EstateValidation.validate(estate, profile).stream().filter(f -> f.code() == FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK).toList();
    Statistics.label("claims").collect(claims.isEmpty() ? "none" : "some");
    Connectivity connectivity = Connectivity.of(estate, profile);
    Network network = estate.network();
    for (Finding f : claims) {
      VirtualNetwork v = network.virtualNetwork(ResourceId.parse(f.resource())).orElseThrow();
      boolean agreed = false;
      for (FlexibleServer s : network.flexibleServers()) {
        if (!s.isVnetIntegrated() || s.privateDnsZone().map(z -> z.name().equals(f.value())).orElse(false) == false) {
          continue;
        }
        Optional<Subnet> delegated = network.subnet(s.delegatedSubnet().get());
        if (delegated.isEmpty() || delegated.get().virtualNetwork().equals(v.id())) {
          continue;
        }
        for (Ipv4Address target : targets(estate, s, delegated.get())) {
          for (Subnet sub : v.subnets()) {
            Client client = Client.builder().name("probe").location(ClientLocation.InVirtualNetwork.of(sub.id(), probe(sub))).build();
            Connection c = connectivity.connect(client, target.toString(), FlexibleServer.POSTGRES_PORT, EstateQuestions.INSTANT);
            agreed |=
                c.steps().stream()
                    .anyMatch(st -> st instanceof RouteStep.Arrived && ((RouteStep.Arrived) st).place().equals(new Place.Vnet(delegated.get().virtualNetwork())));
          }
        }
      }
      final boolean ok = agreed;
      assertTrue(ok, () -> "connect routes no host of " + v.name() + " into the network of a server of zone " + f.value() + ": " + f);
    }
  }

  /** Where the finding says the server is: its address, else any A record at its name in the subnet, else a host of the subnet. */
  private static List<Ipv4Address> targets(Estate estate, FlexibleServer s, Subnet delegated) {
    List<Ipv4Address> out = new ArrayList<>();
    s.privateAddress().ifPresent(out::add);
    estate.privateDnsZones().stream()
        .filter(z -> s.privateDnsZone().equals(Optional.of(z.id())))
        .flatMap(z -> z.records().stream())
        .filter(r -> r instanceof dev.pgreach.dns.DnsRecord.A && r.name().toString().equals(s.name().toString()))
        .map(r -> ((dev.pgreach.dns.DnsRecord.A) r).address())
        .filter(delegated.addressPrefix()::contains)
        .forEach(out::add);
    out.add(probe(delegated));
    return out;
  }

  private static Ipv4Address probe(Subnet s) {
    return s.addressPrefix().size() > 4 ? Ipv4Address.ofLong(s.addressPrefix().first().toLong() + 4) : s.addressPrefix().first();
  }

  @Provide
  Arbitrary<Estate> estates() {
    return EstateQuestions.estates();
  }
}
