package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Place;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.firewall.FirewallRule;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class ExposureProperties {
  @Provide
  Arbitrary<Estate> estates() {
    return EstateQuestions.estates();
  }

  /**
   * The reference: ask connect for every host address of every subnet of at most 64 addresses
   * (and every 7th address of bigger ones) and compare with the exposure's sets.
   */
  @Property(tries = 60)
  void exposureAgreesWithAskingEveryAddress(@ForAll("estates") Estate estate) {
    Connectivity c = Connectivity.of(estate, ServiceProfile.current());
    int checked = 0;
    for (FlexibleServer server : estate.network().flexibleServers()) {
      Exposure x = c.expose(server.id(), 5432, EstateQuestions.INSTANT);
      for (VirtualNetwork v : estate.network().virtualNetworks()) {
        for (Subnet s : v.subnets()) {
          if (s.name().equalsIgnoreCase("GatewaySubnet")) {
            continue;
          }
          AddressSet hosts = s.addressPrefix().toAddressSet().difference(s.reservedAddresses());
          long step = s.addressPrefix().size() <= 64 ? 1 : 7;
          for (Exposure.Reach door : doors(x, c, server)) {
            Optional<Exposure.Reach> reach =
                x.privatePaths().stream()
                    .filter(r -> r.subnet().equals(Optional.of(s.id())) && r.address().equals(door.address()))
                    .findFirst();
            for (long a = s.addressPrefix().first().toLong(); a <= s.addressPrefix().last().toLong(); a += step) {
              Ipv4Address address = Ipv4Address.ofLong(a);
              if (!hosts.contains(address) || address.equals(door.address())) {
                continue;
              }
              Optional<dev.pgreach.core.ResourceId> nic =
                  estate.network().networkInterfacesIn(s.id()).stream().filter(n -> n.privateAddress().equals(address)).map(n -> n.id()).findFirst();
              Client probe = Client.builder().name("probe").location(new ClientLocation.InVirtualNetwork(s.id(), address, Optional.empty(), nic)).build();
              Disposition d = c.connect(probe, door.address().toString(), 5432, EstateQuestions.INSTANT).disposition();
              assertEquals(d == Disposition.ALLOWED, reach.map(r -> r.connected().contains(address)).orElse(false), address + " -> " + door.address());
              assertEquals(d == Disposition.INDETERMINATE, reach.map(r -> r.undecided().contains(address)).orElse(false), address + " -> " + door.address());
              checked++;
            }
          }
        }
      }
    }
    for (FlexibleServer server : estate.network().flexibleServers()) {
      Exposure x = c.expose(server.id(), 5432, EstateQuestions.INSTANT);
      for (dev.pgreach.core.OnPremisesNetwork o : estate.network().onPremisesNetworks()) {
        for (Exposure.Reach door : doors(x, c, server)) {
          Optional<Exposure.Reach> reach = x.privatePaths().stream().filter(r -> r.place().equals(new Place.OnPremises(o.id())) && r.address().equals(door.address())).findFirst();
          for (dev.pgreach.core.Ipv4Range r : o.addresses().ranges()) {
            for (long a = r.first().toLong(); a <= r.last().toLong(); a += Math.max(1, r.size() / 97)) {
              Ipv4Address address = Ipv4Address.ofLong(a);
              Client probe = Client.builder().name("probe").location(ClientLocation.OnPremises.of(o.id(), address)).build();
              Disposition d = c.connect(probe, door.address().toString(), 5432, EstateQuestions.INSTANT).disposition();
              assertEquals(d == Disposition.ALLOWED, reach.map(x2 -> x2.connected().contains(address)).orElse(false), address + " (on premises) -> " + door.address());
              checked++;
            }
          }
        }
      }
    }
    Statistics.label("addresses checked").collect(checked == 0 ? "none" : checked < 100 ? "some" : "many");
  }

  /** Every private front door of the server, as the exposure would list it. */
  private static java.util.List<Exposure.Reach> doors(Exposure x, Connectivity c, FlexibleServer server) {
    java.util.List<Exposure.Reach> doors = new java.util.ArrayList<>();
    server.privateAddress().filter(a -> server.isVnetIntegrated())
        .ifPresent(a -> doors.add(new Exposure.Reach(Place.INTERNET, Optional.empty(), FrontDoorKind.SERVER_PRIVATE_ADDRESS, a, Optional.empty(), AddressSet.EMPTY, AddressSet.EMPTY)));
    // A server whose address is unknown is reached through a stand-in door the exposure names.
    x.privatePaths().stream()
        .filter(r -> r.door() == FrontDoorKind.SERVER_PRIVATE_ADDRESS && doors.stream().noneMatch(d -> d.address().equals(r.address())))
        .map(Exposure.Reach::address)
        .distinct()
        .forEach(a -> doors.add(new Exposure.Reach(Place.INTERNET, Optional.empty(), FrontDoorKind.SERVER_PRIVATE_ADDRESS, a, Optional.empty(), AddressSet.EMPTY, AddressSet.EMPTY)));
    for (PrivateEndpoint p : c.estate().privateEndpointsOf(server.id())) {
      doors.add(new Exposure.Reach(Place.INTERNET, Optional.empty(), FrontDoorKind.PRIVATE_ENDPOINT, p.privateAddress(), Optional.of(p.id()), AddressSet.EMPTY, AddressSet.EMPTY));
    }
    return doors;
  }

  @Property(tries = 100)
  void publicExposureAgreesWithConnectingFromThoseAddresses(@ForAll("estates") Estate estate) {
    Connectivity c = Connectivity.of(estate, ServiceProfile.current());
    for (FlexibleServer server : estate.network().flexibleServers()) {
      if (server.isVnetIntegrated() || server.publicAddress().isEmpty()) {
        continue;
      }
      Exposure x = c.expose(server.id(), 5432, EstateQuestions.INSTANT);
      for (String probe : new String[] {"198.51.100.7", "20.1.2.3", "52.0.0.1", "203.0.113.9"}) {
        Ipv4Address a = Ipv4Address.parse(probe);
        Client internet = Client.builder().name("probe").location(new ClientLocation.Internet(a)).build();
        Disposition d = c.connect(internet, server.publicAddress().get().toString(), 5432, EstateQuestions.INSTANT).disposition();
        assertEquals(d == Disposition.ALLOWED, x.publicSources().contains(a), probe + " " + x.explanation());
      }
    }
  }

  @Property(tries = 100)
  void addingAnAllowRuleNeverShrinksExposure(@ForAll("estates") Estate estate) {
    for (FlexibleServer server : estate.network().flexibleServers()) {
      if (server.isVnetIntegrated()) {
        continue;
      }
      Exposure before = Connectivity.of(estate).expose(server.id(), 5432, EstateQuestions.INSTANT);
      Estate more = estate.withFirewallRules(server.id(), estate.firewallRulesOf(server.id()).upsert(FirewallRule.of("office", "198.51.100.0", "198.51.100.255")));
      Exposure after = Connectivity.of(more).expose(server.id(), 5432, EstateQuestions.INSTANT);
      assertTrue(after.publicSources().containsAll(before.publicSources()));
      assertEquals(before.privatePaths(), after.privatePaths());
    }
  }
}
