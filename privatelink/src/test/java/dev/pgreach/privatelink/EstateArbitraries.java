package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.testing.NetworkArbitraries;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.dns.ZoneName;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Whole estates for property tests: a network from the shipped {@link NetworkArbitraries}, with
 * network security groups on some subnets, firewall rules on public-access servers (some changed
 * just before {@link #INSTANT}), private zones for private-access servers and a privatelink zone,
 * links to random networks, private endpoints in random states, and clients.
 *
 * <p>The extras are derived from the network and a seed drawn by jqwik, so every estate is
 * reproducible from jqwik's own seed.
 */
public final class EstateArbitraries {
  static final Instant INSTANT = Instant.parse("2026-11-24T12:00:00Z");

  private EstateArbitraries() {}

  /** Estates built on any generated network (validation errors included). */
  static Arbitrary<Estate> estates() {
    return Combinators.combine(NetworkArbitraries.networks(), Arbitraries.longs()).as(EstateArbitraries::decorate);
  }

  /** An estate together with one connection question about it. */
  record Question(Estate estate, Client client, String target, int port) {}

  static Arbitrary<Question> questions() {
    return estates().flatMap(e -> {
      Arbitrary<Client> clients = NetworkArbitraries.clients(e.network());
      List<String> names = new ArrayList<>();
      for (FlexibleServer s : e.network().flexibleServers()) {
        names.add(s.fullyQualifiedDomainName());
        s.privateAddress().ifPresent(a -> names.add(a.toString()));
        s.publicAddress().ifPresent(a -> names.add(a.toString()));
      }
      e.privateEndpoints().forEach(p -> names.add(p.privateAddress().toString()));
      Arbitrary<String> targets =
          names.isEmpty()
              ? NetworkArbitraries.destinationsOf(e.network()).map(Ipv4Address::toString)
              : Arbitraries.frequencyOf(
                  net.jqwik.api.Tuple.of(4, Arbitraries.of(names)),
                  net.jqwik.api.Tuple.of(1, NetworkArbitraries.destinationsOf(e.network()).map(Ipv4Address::toString)));
      Arbitrary<Integer> ports = Arbitraries.of(5432, 5432, 6432, 22);
      return Combinators.combine(clients, targets, ports).as((c, t, p) -> new Question(e, c, t, p));
    });
  }

  static Estate decorate(Network network, long seed) {
    Random random = new Random(seed);
    List<NetworkSecurityGroup> groups = new ArrayList<>();
    Map<ResourceId, ResourceId> subnetGroups = new LinkedHashMap<>();
    Map<ResourceId, PrivateEndpointNetworkPolicies> policies = new LinkedHashMap<>();
    List<dev.pgreach.core.Ipv4Prefix> pieces = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        // Pieces of subnets, so that some rules split a subnet's sources into several classes.
        int length = Math.min(32, s.addressPrefix().length() + 1 + random.nextInt(3));
        long offset = random.nextInt((int) Math.max(1, s.addressPrefix().size() >> (32 - length > 0 ? 32 - length : 0)));
        pieces.add(dev.pgreach.core.Ipv4Prefix.containing(Ipv4Address.ofLong(s.addressPrefix().first().toLong() + (offset << (32 - length))), length));
      }
    }
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (random.nextInt(3) == 0) {
          ResourceId id = ResourceId.of(sub(s), "net", "Microsoft.Network/networkSecurityGroups", "nsg-" + groups.size());
          groups.add(randomGroup(id, random, pieces));
          subnetGroups.put(s.id(), id);
        }
        policies.put(s.id(), PrivateEndpointNetworkPolicies.values()[random.nextInt(4)]);
      }
    }
    Network decorated = withSubnets(network, subnetGroups, policies);
    Map<ResourceId, FirewallRuleSet> rules = new LinkedHashMap<>();
    List<PrivateEndpoint> endpoints = new ArrayList<>();
    ResourceId privatelink = ResourceId.of(TestIds.SUBSCRIPTION, "dns", PrivateDnsZone.RESOURCE_TYPE, ZoneName.POSTGRES_PRIVATELINK.toString());
    Set<Ipv4Address> taken = new HashSet<>();
    network.networkInterfaces().forEach(n -> taken.add(n.privateAddress()));
    network.flexibleServers().forEach(s -> s.privateAddress().ifPresent(taken::add));
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.isVnetIntegrated()) {
        continue;
      }
      rules.put(s.id(), randomRules(random));
      int count = random.nextInt(3);
      for (int i = 0; i < count; i++) {
        endpointFor(decorated, s, random, taken, privatelink, endpoints.size()).ifPresent(endpoints::add);
      }
    }
    List<PrivateDnsZone> zones = new ArrayList<>();
    Set<ResourceId> zoneIds = new HashSet<>();
    for (FlexibleServer s : network.flexibleServers()) {
      if (s.privateDnsZone().isPresent() && zoneIds.add(s.privateDnsZone().get())) {
        zones.add(zone(s.privateDnsZone().get(), network, random, List.of()));
      }
    }
    // Sometimes a stale or wrong record: a server's name pointing at another server's endpoint,
    // so that "an endpoint never reaches another server" has something to catch.
    List<DnsRecord> misleading = new ArrayList<>();
    if (!endpoints.isEmpty() && random.nextInt(3) == 0) {
      PrivateEndpoint p = endpoints.get(random.nextInt(endpoints.size()));
      network.flexibleServers().stream()
          .filter(x -> !x.id().equals(p.targetServer()) && !x.isVnetIntegrated())
          .findFirst()
          .ifPresent(other -> misleading.add(new DnsRecord.A(dev.pgreach.dns.RecordName.parse(other.name().toString()), p.privateAddress(), Optional.empty())));
    }
    zones.add(zone(privatelink, network, random, misleading));
    return Estate.builder()
        .network(decorated)
        .addAllNetworkSecurityGroups(groups)
        .putAllFirewallRules(rules)
        .addAllPrivateDnsZones(zones)
        .addAllPrivateEndpoints(endpoints)
        .build();
  }

  private static String sub(Subnet s) {
    return s.id().subscriptionId();
  }

  private static NetworkSecurityGroup randomGroup(ResourceId id, Random random, List<dev.pgreach.core.Ipv4Prefix> pieces) {
    NetworkSecurityGroup.Builder b = NetworkSecurityGroup.builder().id(id);
    int n = random.nextInt(4);
    Set<String> priorities = new HashSet<>();
    for (int i = 0; i < n; i++) {
      SecurityRuleDirection direction = random.nextBoolean() ? SecurityRuleDirection.INBOUND : SecurityRuleDirection.OUTBOUND;
      int priority = 100 + random.nextInt(40) * 10;
      if (!priorities.add(direction + "/" + priority)) {
        continue;
      }
      SecurityRuleAddress[] sources = {
        SecurityRuleAddress.ANY, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.INTERNET,
        SecurityRuleAddress.parse("10.0.0.0/8"), SecurityRuleAddress.parse("Storage"),
        new SecurityRuleAddress.Prefix(pieces.get(random.nextInt(pieces.size()))),
        new SecurityRuleAddress.Prefix(pieces.get(random.nextInt(pieces.size())))
      };
      PortRange[] ports = {PortRange.of(5432), PortRange.of(6432), PortRange.ANY, PortRange.of(22)};
      SecurityRuleAddress[] destinations = {
        SecurityRuleAddress.ANY, SecurityRuleAddress.ANY, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.INTERNET,
        SecurityRuleAddress.parse("20.0.0.0/8"), new SecurityRuleAddress.Prefix(pieces.get(random.nextInt(pieces.size())))
      };
      b.addSecurityRules(
          SecurityRule.builder()
              .name("r" + i)
              .priority(priority)
              .direction(direction)
              .access(random.nextBoolean() ? SecurityRuleAccess.ALLOW : SecurityRuleAccess.DENY)
              .protocol(random.nextInt(3) == 0 ? SecurityRuleProtocol.ANY : SecurityRuleProtocol.TCP)
              .addSourceAddressPrefixes(sources[random.nextInt(sources.length)])
              .addSourcePortRanges(PortRange.ANY)
              .addDestinationAddressPrefixes(destinations[random.nextInt(destinations.length)])
              .addDestinationPortRanges(ports[random.nextInt(ports.length)])
              .build());
    }
    return b.build();
  }

  private static FirewallRuleSet randomRules(Random random) {
    List<FirewallRule> rules = new ArrayList<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      FirewallRule.Builder b = FirewallRule.builder().name("rule-" + i);
      switch (random.nextInt(4)) {
        case 0:
          b.startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MIN);
          break;
        case 1:
          b.startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MAX);
          break;
        default:
          long start = (random.nextLong() >>> 33) + 0x10000000L;
          b.startIpAddress(Ipv4Address.ofLong(start)).endIpAddress(Ipv4Address.ofLong(Math.min(Ipv4Address.MAX.toLong(), start + random.nextInt(1 << 20))));
      }
      if (random.nextInt(4) == 0) {
        b.changedAt(INSTANT.minusSeconds(random.nextInt(600)));
      }
      rules.add(b.build());
    }
    return FirewallRuleSet.of(rules);
  }

  private static Optional<PrivateEndpoint> endpointFor(
      Network network, FlexibleServer server, Random random, Set<Ipv4Address> taken, ResourceId privatelink, int index) {
    List<Subnet> candidates = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (s.delegation().isEmpty() && !s.name().equals("GatewaySubnet") && s.addressPrefix().length() <= 29) {
          candidates.add(s);
        }
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Subnet s = candidates.get(random.nextInt(candidates.size()));
    long first = s.addressPrefix().first().toLong() + 4;
    long last = s.addressPrefix().last().toLong() - 1;
    for (long a = first; a <= last; a++) {
      Ipv4Address address = Ipv4Address.ofLong(a);
      if (taken.add(address)) {
        PrivateEndpoint.Builder b =
            PrivateEndpoint.builder()
                .id(ResourceId.of(TestIds.SUBSCRIPTION, "apps", PrivateEndpoint.RESOURCE_TYPE, "pe-" + index))
                .region(network.virtualNetworkOf(s.id()).region())
                .subnet(s.id())
                .privateAddress(address)
                .targetServer(server.id())
                .connectionState(PrivateEndpointConnectionState.values()[random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0]);
        if (random.nextInt(4) != 0) {
          b.addPrivateDnsZones(privatelink);
        }
        return Optional.of(b.build());
      }
    }
    return Optional.empty();
  }

  private static PrivateDnsZone zone(ResourceId id, Network network, Random random, List<DnsRecord> records) {
    PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(id).addAllRecords(records);
    for (VirtualNetwork v : network.virtualNetworks()) {
      if (random.nextInt(3) != 0) {
        b.addVirtualNetworkLinks(VirtualNetworkLink.builder().id(id.child("virtualNetworkLinks", v.name() + "-link")).virtualNetwork(v.id()).build());
      }
    }
    return b.build();
  }

  /** Rebuilds the network with network security groups and endpoint policies set on subnets. */
  static Network withSubnets(Network network, Map<ResourceId, ResourceId> groups, Map<ResourceId, PrivateEndpointNetworkPolicies> policies) {
    return Network.builder()
        .addAllVirtualNetworks(virtualNetworksWithSubnets(network, groups, policies))
        .addAllNetworkInterfaces(network.networkInterfaces())
        .addAllRouteTables(network.routeTables())
        .addAllVirtualNetworkGateways(network.virtualNetworkGateways())
        .addAllGatewayConnections(network.gatewayConnections())
        .addAllOnPremisesNetworks(network.onPremisesNetworks())
        .addAllFlexibleServers(network.flexibleServers())
        .build();
  }

  /**
   * The network's virtual networks with the given network security groups and endpoint policies
   * set on their subnets; a subnet missing from a map keeps its own setting.
   *
   * @param network the network whose virtual networks are rebuilt
   * @param groups network security group by subnet id
   * @param policies endpoint network policies by subnet id
   * @return the rebuilt virtual networks, in the network's order
   */
  public static List<VirtualNetwork> virtualNetworksWithSubnets(
      Network network, Map<ResourceId, ResourceId> groups, Map<ResourceId, PrivateEndpointNetworkPolicies> policies) {
    List<VirtualNetwork> rebuilt = new ArrayList<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder()
              .id(v.id())
              .region(v.region())
              .addAllAddressSpace(v.addressSpace())
              .addAllDnsServers(v.dnsServers())
              .addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      for (Subnet s : v.subnets()) {
        vb.addSubnets(
            Subnet.builder()
                .id(s.id())
                .addressPrefix(s.addressPrefix())
                .delegation(s.delegation())
                .routeTable(s.routeTable())
                .privateEndpointNetworkPolicies(policies.getOrDefault(s.id(), s.privateEndpointNetworkPolicies()))
                .networkSecurityGroup(Optional.ofNullable(groups.get(s.id())).or(s::networkSecurityGroup))
                .build());
      }
      rebuilt.add(vb.build());
    }
    return rebuilt;
  }

  /** Ids shared by the generated extras. */
  static final class TestIds {
    static final String SUBSCRIPTION = "22222222-2222-2222-2222-222222222222";

    private TestIds() {}
  }

  /** Returns the same estate with every allow removed: no firewall rules, endpoints rejected, every subnet and interface denying all inbound. */
  static Estate withoutAllows(Estate e) {
    List<NetworkSecurityGroup> groups = new ArrayList<>();
    ResourceId denyAll = ResourceId.of(TestIds.SUBSCRIPTION, "net", "Microsoft.Network/networkSecurityGroups", "deny-all");
    groups.add(
        NetworkSecurityGroup.builder()
            .id(denyAll)
            .addSecurityRules(
                SecurityRule.builder()
                    .name("deny-all")
                    .priority(100)
                    .direction(SecurityRuleDirection.INBOUND)
                    .access(SecurityRuleAccess.DENY)
                    .protocol(SecurityRuleProtocol.ANY)
                    .addSourceAddressPrefixes(SecurityRuleAddress.ANY)
                    .addSourcePortRanges(PortRange.ANY)
                    .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
                    .addDestinationPortRanges(PortRange.ANY)
                    .build())
            .build());
    Map<ResourceId, ResourceId> subnetGroups = new LinkedHashMap<>();
    Map<ResourceId, PrivateEndpointNetworkPolicies> policies = new LinkedHashMap<>();
    for (VirtualNetwork v : e.network().virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        subnetGroups.put(s.id(), denyAll);
        policies.put(s.id(), PrivateEndpointNetworkPolicies.ENABLED);
      }
    }
    Network network = withSubnets(e.network(), subnetGroups, policies);
    Estate.Builder b =
        Estate.builder()
            .network(network)
            .addAllNetworkSecurityGroups(groups)
            .addAllPrivateDnsZones(e.privateDnsZones())
            .addAllDnsServers(e.dnsServers())
            .addAllClients(e.clients());
    for (PrivateEndpoint p : e.privateEndpoints()) {
      b.addPrivateEndpoints(
          PrivateEndpoint.builder()
              .id(p.id())
              .region(p.region())
              .subnet(p.subnet())
              .privateAddress(p.privateAddress())
              .targetServer(p.targetServer())
              .connectionState(PrivateEndpointConnectionState.REJECTED)
              .addAllPrivateDnsZones(p.privateDnsZones())
              .build());
    }
    return b.build();
  }

  /** Returns the same endpoint, approved. */
  static PrivateEndpoint approved(PrivateEndpoint p) {
    return PrivateEndpoint.builder()
        .id(p.id())
        .region(p.region())
        .subnet(p.subnet())
        .privateAddress(p.privateAddress())
        .targetServer(p.targetServer())
        .connectionState(PrivateEndpointConnectionState.APPROVED)
        .requestingTenant(p.requestingTenant())
        .addAllPrivateDnsZones(p.privateDnsZones())
        .build();
  }
}
