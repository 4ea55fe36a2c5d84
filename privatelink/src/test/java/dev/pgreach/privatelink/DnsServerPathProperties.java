package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.ArrayList;
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
 * Estates whose clients use custom DNS servers reached through network security groups: the
 * sample estate with random DNS server settings on its networks, random rules for DNS (UDP and
 * TCP 53) on the clients' and the DNS servers' subnets, and names that resolve, fail or do not
 * exist. Every question gets a verdict that agrees with its own trace.
 */
class DnsServerPathProperties {
  private static final Estate SAMPLE = SampleEstate.estate();
  private static final List<String> DNS_SERVERS = List.of("10.0.2.4", "10.0.1.4", "10.9.9.9", "8.8.8.8", "168.63.129.16", "192.168.0.53");
  private static final List<String> NAMES =
      List.of(
          "orders-db.postgres.database.azure.com",
          "web-db.postgres.database.azure.com",
          "billing-db.postgres.database.azure.com",
          "billing-db.privatelink.postgres.database.azure.com",
          "nothere.postgres.database.azure.com",
          "nothere.privatelink.postgres.database.azure.com",
          "db.example.com",
          "10.1.1.4");

  /** One question about one generated estate. */
  record Question(Estate estate, Client client, String target, int port) {}

  @Provide
  Arbitrary<Question> questions() {
    return Arbitraries.longs().map(DnsServerPathProperties::question);
  }

  @Provide
  Arbitrary<Estate> estates() {
    return Arbitraries.longs().map(seed -> estate(new Random(seed)));
  }

  static Question question(long seed) {
    Random random = new Random(seed);
    Estate e = estate(random);
    Client c = e.clients().get(random.nextInt(e.clients().size()));
    return new Question(e, c, NAMES.get(random.nextInt(NAMES.size())), random.nextBoolean() ? 5432 : 6432);
  }

  /** The sample estate with random DNS servers on its networks and random DNS rules on their paths. */
  static Estate estate(Random random) {
    Network n = SAMPLE.network();
    ResourceId dnsNsg = SampleEstate.nsg("dns-nsg");
    List<NetworkSecurityGroup> groups = new ArrayList<>();
    groups.add(randomDnsRules(SampleEstate.nsg("app-nsg"), random, SAMPLE.networkSecurityGroups().stream().filter(g -> g.id().equals(SampleEstate.nsg("app-nsg"))).findFirst().orElseThrow().securityRules()));
    groups.add(randomDnsRules(dnsNsg, random, List.of()));
    SAMPLE.networkSecurityGroups().stream().filter(g -> !g.id().equals(SampleEstate.nsg("app-nsg"))).forEach(groups::add);
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllRouteTables(n.routeTables())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addAllFlexibleServers(n.flexibleServers());
    for (VirtualNetwork v : n.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      if (v.name().equals("hub") || random.nextInt(4) == 0) {
        vb.addAllDnsServers(v.dnsServers());
      } else {
        int count = random.nextInt(3);
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < count; i++) {
          String s = DNS_SERVERS.get(random.nextInt(DNS_SERVERS.size()));
          if (chosen.add(s)) {
            vb.addDnsServers(Ipv4Address.parse(s));
          }
        }
      }
      for (Subnet s : v.subnets()) {
        boolean dnsSubnet = s.name().equals("shared") || s.name().equals("dns-inbound");
        vb.addSubnets(
            Subnet.builder()
                .id(s.id())
                .addressPrefix(s.addressPrefix())
                .delegation(s.delegation())
                .routeTable(s.routeTable())
                .privateEndpointNetworkPolicies(s.privateEndpointNetworkPolicies())
                .networkSecurityGroup(dnsSubnet && random.nextBoolean() ? Optional.of(dnsNsg) : s.networkSecurityGroup())
                .build());
      }
      b.addVirtualNetworks(vb.build());
    }
    return Estate.builder()
        .network(b.build())
        .addAllNetworkSecurityGroups(groups)
        .putAllFirewallRules(SAMPLE.firewallRules())
        .addAllPrivateDnsZones(SAMPLE.privateDnsZones())
        .addAllDnsServers(SAMPLE.dnsServers())
        .addAllPrivateEndpoints(SAMPLE.privateEndpoints())
        .addAllClients(SAMPLE.clients())
        .build();
  }

  private static NetworkSecurityGroup randomDnsRules(ResourceId id, Random random, List<SecurityRule> keep) {
    NetworkSecurityGroup.Builder g = NetworkSecurityGroup.builder().id(id).addAllSecurityRules(keep);
    Set<String> taken = new HashSet<>();
    keep.forEach(r -> taken.add(r.direction() + "/" + r.priority()));
    SecurityRuleAddress[] addresses = {
      SecurityRuleAddress.ANY, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.INTERNET,
      SecurityRuleAddress.parse("10.0.2.4"), SecurityRuleAddress.parse("10.0.0.0/16"), SecurityRuleAddress.parse("10.1.0.0/24"),
      SecurityRuleAddress.parse("192.168.0.0/16"), SecurityRuleAddress.parse("8.8.8.8")
    };
    PortRange[] ports = {PortRange.of(53), PortRange.ANY, PortRange.of(5432)};
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      SecurityRuleDirection direction = random.nextBoolean() ? SecurityRuleDirection.INBOUND : SecurityRuleDirection.OUTBOUND;
      int priority = 100 + 10 * random.nextInt(20);
      if (!taken.add(direction + "/" + priority)) {
        continue;
      }
      SecurityRuleProtocol[] protocols = {SecurityRuleProtocol.UDP, SecurityRuleProtocol.TCP, SecurityRuleProtocol.ANY};
      g.addSecurityRules(
          SecurityRule.builder()
              .name("dns-" + i)
              .priority(priority)
              .direction(direction)
              .access(random.nextInt(3) == 0 ? SecurityRuleAccess.ALLOW : SecurityRuleAccess.DENY)
              .protocol(protocols[random.nextInt(protocols.length)])
              .addSourceAddressPrefixes(addresses[random.nextInt(addresses.length)])
              .addSourcePortRanges(PortRange.ANY)
              .addDestinationAddressPrefixes(addresses[random.nextInt(addresses.length)])
              .addDestinationPortRanges(ports[random.nextInt(ports.length)])
              .build());
    }
    return g.build();
  }

  /** A verdict agrees with its trace: blocked exactly when its last step blocks, allowed only when nothing is unknown. */
  static void assertConsistent(Connection c) {
    List<Step> steps = c.steps();
    for (int i = 0; i < steps.size() - 1; i++) {
      assertTrue(steps.get(i).effect() != StepEffect.BLOCKED, c.explanation());
    }
    boolean lastBlocks = steps.get(steps.size() - 1).effect() == StepEffect.BLOCKED;
    assertEquals(lastBlocks, c.disposition() == Disposition.BLOCKED, c.explanation());
    boolean unknown = steps.stream().anyMatch(s -> s.effect() == StepEffect.UNKNOWN);
    if (!lastBlocks) {
      assertEquals(unknown ? Disposition.INDETERMINATE : Disposition.ALLOWED, c.disposition(), c.explanation());
    }
  }

  @Property(tries = 300)
  void connectThroughCustomDnsServersNeverThrowsAndItsVerdictAgreesWithItsTrace(@ForAll("questions") Question q) {
    for (ServiceProfile profile : List.of(ServiceProfile.current(), ServiceProfile.preview2021())) {
      Connection c = Connectivity.of(q.estate(), profile).connect(q.client(), q.target(), q.port(), SampleEstate.INSTANT);
      assertConsistent(c);
      Statistics.label("disposition").collect(c.disposition());
    }
  }

  @Property(tries = 60)
  void compareOverEstatesWithCustomDnsServersNeverThrows(@ForAll("estates") Estate before, @ForAll("estates") Estate after) {
    Comparison c = Comparison.of(before, after, ServiceProfile.current(), SampleEstate.INSTANT);
    for (Comparison.AccessChange a : c.accessChanges()) {
      assertConsistent(a.before());
      assertConsistent(a.after());
    }
  }
}
