package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.DnsName;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * What a compiled view keeps between questions (each place's DNS-server paths, who answers at a
 * DNS server's address) never changes an answer: the kept verdict equals the one worked out for
 * the question's own client, and the answers to a batch of questions do not depend on the order
 * they are asked in, nor on what was asked before. The estates have custom DNS servers and random
 * rules for DNS on the clients' and DNS servers' subnets ({@link DnsServerPathProperties}).
 */
class KeptAnswersProperties {
  private static final List<String> NAMES =
      List.of(
          "orders-db.postgres.database.azure.com",
          "web-db.postgres.database.azure.com",
          "billing-db.postgres.database.azure.com",
          "billing-db.privatelink.postgres.database.azure.com",
          "nothere.postgres.database.azure.com",
          "db.example.com");

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** Hosts in every subnet and on-premises network: random addresses, the edges, and every interface's address. */
  static List<ClientLocation> places(Estate e, Random random) {
    List<ClientLocation> out = new ArrayList<>();
    for (VirtualNetwork v : e.network().virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        long first = s.addressPrefix().first().toLong();
        long size = s.addressPrefix().last().toLong() - first + 1;
        out.add(ClientLocation.InVirtualNetwork.of(s.id(), s.addressPrefix().first()));
        out.add(ClientLocation.InVirtualNetwork.of(s.id(), s.addressPrefix().last()));
        for (int i = 0; i < 3; i++) {
          out.add(ClientLocation.InVirtualNetwork.of(s.id(), Ipv4Address.ofLong(first + (long) (random.nextDouble() * size))));
        }
      }
    }
    for (NetworkInterface n : e.network().networkInterfaces()) {
      out.add(ClientLocation.InVirtualNetwork.of(n.subnet(), n.privateAddress()));
      out.add(new ClientLocation.InVirtualNetwork(n.subnet(), n.privateAddress(), Optional.empty(), Optional.of(n.id())));
    }
    for (OnPremisesNetwork o : e.network().onPremisesNetworks()) {
      o.addresses().ranges().forEach(r -> out.add(ClientLocation.OnPremises.of(o.id(), r.first())));
      o.addresses().ranges().forEach(r -> out.add(ClientLocation.OnPremises.of(o.id(), r.last())));
    }
    return out;
  }

  private static List<Ipv4Address> dnsServersOf(Estate e, ClientLocation l) {
    if (l instanceof ClientLocation.InVirtualNetwork) {
      return e.network().virtualNetworkOf(((ClientLocation.InVirtualNetwork) l).subnet()).dnsServers();
    }
    return e.network().onPremisesNetwork(((ClientLocation.OnPremises) l).network()).<List<Ipv4Address>>map(OnPremisesNetwork::dnsServers).orElse(List.of());
  }

  /**
   * The estate of {@link DnsServerPathProperties} with, in every group, a rule for DNS whose source
   * is part of a random subnet (a /26 to a /30 inside it), so that classes of source addresses cut
   * subnets and some hosts of a subnet are denied DNS while others are not.
   */
  static Estate withPartialSubnetRules(Random random) {
    Estate e = DnsServerPathProperties.estate(random);
    List<Subnet> subnets = new ArrayList<>();
    e.network().virtualNetworks().forEach(v -> subnets.addAll(v.subnets()));
    List<NetworkSecurityGroup> groups = new ArrayList<>();
    for (NetworkSecurityGroup g : e.networkSecurityGroups()) {
      NetworkSecurityGroup.Builder b = NetworkSecurityGroup.builder().id(g.id()).addAllSecurityRules(g.securityRules());
      java.util.Map<SecurityRuleDirection, Set<Integer>> priorities = new java.util.EnumMap<>(SecurityRuleDirection.class);
      g.securityRules().forEach(r -> priorities.computeIfAbsent(r.direction(), k -> new HashSet<>()).add(r.priority()));
      int rules = 1 + random.nextInt(3);
      for (int i = 0; i < rules; i++) {
        Subnet s = subnets.get(random.nextInt(subnets.size()));
        int length = Math.max(s.addressPrefix().length(), 26 + random.nextInt(5));
        long size = 1L << (32 - length);
        long blocks = (s.addressPrefix().last().toLong() - s.addressPrefix().first().toLong() + 1) / size;
        Ipv4Address start = Ipv4Address.ofLong(s.addressPrefix().first().toLong() + size * (long) (random.nextDouble() * blocks));
        SecurityRuleDirection direction = random.nextBoolean() ? SecurityRuleDirection.OUTBOUND : SecurityRuleDirection.INBOUND;
        Set<Integer> taken = priorities.computeIfAbsent(direction, k -> new HashSet<>());
        int priority = 101 + random.nextInt(50);
        while (taken.contains(priority)) {
          priority++;
        }
        b.addSecurityRules(
            SecurityRule.builder()
                .name("part-" + i)
                .priority(priority)
                .direction(direction)
                .access(random.nextBoolean() ? SecurityRuleAccess.DENY : SecurityRuleAccess.ALLOW)
                .protocol(random.nextBoolean() ? SecurityRuleProtocol.UDP : SecurityRuleProtocol.ANY)
                .addSourceAddressPrefixes(SecurityRuleAddress.parse(Ipv4Prefix.of(start, length).toString()))
                .addSourcePortRanges(PortRange.ANY)
                .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
                .addDestinationPortRanges(random.nextBoolean() ? PortRange.of(53) : PortRange.ANY)
                .build());
        taken.add(priority);
      }
      groups.add(b.build());
    }
    return Estate.builder()
        .network(e.network())
        .addAllNetworkSecurityGroups(groups)
        .putAllFirewallRules(e.firewallRules())
        .addAllPrivateDnsZones(e.privateDnsZones())
        .addAllDnsServers(e.dnsServers())
        .addAllPrivateEndpoints(e.privateEndpoints())
        .addAllClients(e.clients())
        .build();
  }

  @Property(tries = 120)
  void aKeptDnsServerPathVerdictEqualsTheOneWorkedOutForTheClient(@ForAll("seeds") long seed) {
    Random random = new Random(seed);
    Estate e = random.nextBoolean() ? withPartialSubnetRules(random) : DnsServerPathProperties.estate(random);
    Connectivity c = Connectivity.of(e);
    List<ClientLocation> places = places(e, random);
    Collections.shuffle(places, random); // whoever asks first, the kept verdict is the class's
    for (ClientLocation l : places) {
      for (Ipv4Address dns : dnsServersOf(e, l)) {
        DnsPaths paths = c.dnsPaths();
        boolean now = paths.clearNow(l, dns);
        assertEquals(now, paths.clear(l, dns), () -> l + " -> " + dns);
        Statistics.label("clear").collect(now);
      }
    }
  }

  @Property(tries = 60)
  void answersDoNotDependOnWhatWasAskedBefore(@ForAll("seeds") long seed) {
    Random random = new Random(seed);
    Estate e = random.nextBoolean() ? withPartialSubnetRules(random) : DnsServerPathProperties.estate(random);
    List<Client> clients = new ArrayList<>();
    int k = 0;
    for (ClientLocation l : places(e, random)) {
      if (random.nextInt(3) == 0) {
        clients.add(Client.builder().name("host-" + k++).location(l).build());
      }
    }
    List<String[]> questions = new ArrayList<>();
    for (Client client : clients) {
      questions.add(new String[] {client.name(), NAMES.get(random.nextInt(NAMES.size()))});
    }
    Connectivity first = Connectivity.of(e);
    List<Connection> inOrder = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      inOrder.add(first.connect(clients.get(i), questions.get(i)[1], 5432, SampleEstate.INSTANT));
    }
    Connectivity second = Connectivity.of(e);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < clients.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    for (int i : order) {
      Connection again = second.connect(clients.get(i), questions.get(i)[1], 5432, SampleEstate.INSTANT);
      assertEquals(inOrder.get(i), again);
      assertEquals(inOrder.get(i).explanation(), again.explanation());
      Connection resolvedAgain = second.connect(clients.get(i), questions.get(i)[1], 5432, SampleEstate.INSTANT);
      assertEquals(again, resolvedAgain);
      assertEquals(
          Connectivity.of(e).resolve(clients.get(i), DnsName.parse(questions.get(i)[1])),
          second.resolve(clients.get(i), DnsName.parse(questions.get(i)[1])));
    }
  }
}
