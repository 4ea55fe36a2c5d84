package dev.pgreach.privatelink.arm;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.CreateMode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.testing.NetworkArbitraries;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.dns.Resolver;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.dns.ZoneName;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleRemoval;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateQuestions;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Duration;
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
 * Whole estates for the round-trip property: a network from the shipped {@link
 * NetworkArbitraries} (mistakes included), with everything else an estate can hold added from a
 * seed jqwik draws: network security groups on subnets and interfaces, servers' replication roles
 * and create modes, firewall rules with change times and removals, private DNS zones with links
 * and record sets, private endpoints in every state, resolver inbound endpoints and custom and
 * on-premises DNS servers, clients, public endpoint labels, Azure and service-tag ranges, and
 * dropped server names.
 *
 * <p>Generated estates are in the order ARM JSON keeps (resolver inbound endpoints before the other
 * DNS servers, records of one name together, no empty firewall rule sets), so that writing and
 * reading back gives an equal estate.
 */
final class ArmEstateArbitraries {
  static final Instant INSTANT = Instant.parse("2026-11-24T12:00:00Z");
  private static final String SUBSCRIPTION = "44444444-4444-4444-4444-444444444444";

  private ArmEstateArbitraries() {}

  static Arbitrary<Estate> estates() {
    return NetworkArbitraries.networks()
        .flatMap(
            n ->
                Combinators.combine(Arbitraries.longs(), NetworkArbitraries.clients(n).list().ofMaxSize(4))
                    .as((seed, clients) -> decorate(n, seed, clients)));
  }

  static Estate decorate(Network network, long seed, List<Client> clients) {
    Random random = new Random(seed);
    List<NetworkSecurityGroup> groups = new ArrayList<>();
    Map<ResourceId, ResourceId> subnetGroups = new LinkedHashMap<>();
    Map<ResourceId, PrivateEndpointNetworkPolicies> policies = new LinkedHashMap<>();
    for (VirtualNetwork v : network.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (random.nextInt(3) == 0) {
          ResourceId id = ResourceId.of(SUBSCRIPTION, "net", NetworkSecurityGroup.RESOURCE_TYPE, "nsg-" + groups.size());
          groups.add(group(id, random));
          subnetGroups.put(s.id(), id);
        }
        policies.put(s.id(), PrivateEndpointNetworkPolicies.values()[random.nextInt(4)]);
      }
    }
    Network decorated = rebuild(network, subnetGroups, policies, groups, random);
    Set<Ipv4Address> taken = new HashSet<>();
    decorated.networkInterfaces().forEach(n -> taken.add(n.privateAddress()));
    decorated.flexibleServers().forEach(s -> s.privateAddress().ifPresent(taken::add));

    // Firewall rules and private endpoints of public-access servers; zones of every server.
    ResourceId privatelink = ResourceId.of(SUBSCRIPTION, "dns", PrivateDnsZone.RESOURCE_TYPE, ZoneName.POSTGRES_PRIVATELINK.toString());
    Map<ResourceId, FirewallRuleSet> rules = new LinkedHashMap<>();
    List<PrivateEndpoint> endpoints = new ArrayList<>();
    Estate.Builder estate = Estate.builder();
    List<Subnet> plain = new ArrayList<>();
    decorated.virtualNetworks().forEach(v -> v.subnets().stream().filter(s -> s.addressPrefix().length() <= 29).forEach(plain::add));
    for (FlexibleServer s : decorated.flexibleServers()) {
      if (s.isVnetIntegrated()) {
        continue;
      }
      if (random.nextBoolean()) {
        rules.put(s.id(), rules(random));
      }
      for (int i = random.nextInt(3); i > 0 && !plain.isEmpty(); i--) {
        endpoint(decorated, s, plain.get(random.nextInt(plain.size())), random, taken, privatelink, endpoints.size()).ifPresent(endpoints::add);
      }
      if (random.nextInt(4) == 0) {
        estate.putPublicEndpointLabels(s.name(), DnsName.parse(String.format("rs-%030x", Math.abs(random.nextLong()) % (1L << 60))));
      }
    }
    List<PrivateDnsZone> zones = new ArrayList<>();
    Set<ResourceId> zoneIds = new HashSet<>();
    for (FlexibleServer s : decorated.flexibleServers()) {
      if (s.privateDnsZone().isPresent() && random.nextInt(4) != 0 && zoneIds.add(s.privateDnsZone().get())) {
        zones.add(zone(s.privateDnsZone().get(), decorated, random));
      }
    }
    zones.add(zone(privatelink, decorated, random));
    List<DnsServer> dns = dnsServers(decorated, random, taken);

    Map<String, Client> unique = new LinkedHashMap<>();
    clients.forEach(c -> unique.putIfAbsent(c.name(), c));
    estate
        .network(decorated)
        .addAllNetworkSecurityGroups(groups)
        .putAllFirewallRules(rules)
        .addAllPrivateDnsZones(zones)
        .addAllDnsServers(dns)
        .addAllPrivateEndpoints(endpoints)
        .addAllClients(unique.values());
    if (random.nextBoolean()) {
      estate.azureRanges(AddressSet.parse("20.0.0.0/8, 40.64.0.0-40.64.3.7, 52.1.2.3"));
    }
    if (random.nextBoolean()) {
      estate.putServiceTagRanges("Storage", AddressSet.parse("20.60.0.0/16")).putServiceTagRanges("AzureActiveDirectory", AddressSet.parse("20.190.128.0/18"));
    }
    if (random.nextInt(4) == 0) {
      estate.addDroppedServersWithPrivateEndpoints(ServerName.parse("old-billing-db"));
    }
    return estate.build();
  }

  private static NetworkSecurityGroup group(ResourceId id, Random random) {
    NetworkSecurityGroup.Builder b = NetworkSecurityGroup.builder().id(id);
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      SecurityRule.Builder r =
          SecurityRule.builder()
              .name("rule-" + i)
              .priority(100 + 10 * i)
              .direction(SecurityRuleDirection.values()[random.nextInt(2)])
              .access(SecurityRuleAccess.values()[random.nextInt(2)])
              .protocol(SecurityRuleProtocol.values()[random.nextInt(SecurityRuleProtocol.values().length)]);
      if (random.nextInt(6) == 0) {
        r.addSourceApplicationSecurityGroups(ResourceId.of(SUBSCRIPTION, "net", SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "asg-" + i));
      } else {
        r.addAllSourceAddressPrefixes(addresses(random));
      }
      r.addAllDestinationAddressPrefixes(addresses(random));
      r.addAllSourcePortRanges(ports(random));
      r.addAllDestinationPortRanges(ports(random));
      b.addSecurityRules(r.build());
    }
    return b.build();
  }

  private static List<SecurityRuleAddress> addresses(Random random) {
    List<SecurityRuleAddress> all =
        List.of(
            SecurityRuleAddress.ANY,
            SecurityRuleAddress.VIRTUAL_NETWORK,
            SecurityRuleAddress.INTERNET,
            SecurityRuleAddress.AZURE_LOAD_BALANCER,
            SecurityRuleAddress.parse("Storage"),
            SecurityRuleAddress.parse("10.0.0.0/8"),
            SecurityRuleAddress.parse("192.168.1.7"),
            SecurityRuleAddress.parse("172.16.0.1-172.16.0.9"));
    List<SecurityRuleAddress> out = new ArrayList<>();
    out.add(all.get(random.nextInt(all.size())));
    if (random.nextInt(3) == 0) {
      SecurityRuleAddress second = all.get(5 + random.nextInt(3));
      if (!out.contains(second)) {
        out.add(second);
      }
    }
    return out;
  }

  private static List<PortRange> ports(Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return List.of(PortRange.of(5432));
      case 1:
        return List.of(PortRange.of(5432), PortRange.of(6432));
      case 2:
        return List.of(PortRange.of(1024, 65535));
      default:
        return List.of(PortRange.ANY);
    }
  }

  /** The network with groups on some subnets and interfaces, and servers' replication settings. */
  private static Network rebuild(
      Network network, Map<ResourceId, ResourceId> groups, Map<ResourceId, PrivateEndpointNetworkPolicies> policies, List<NetworkSecurityGroup> all, Random random) {
    Network.Builder n =
        Network.builder()
            .addAllVirtualNetworks(EstateQuestions.virtualNetworksWithSubnets(network, groups, policies))
            .addAllRouteTables(network.routeTables())
            .addAllVirtualNetworkGateways(network.virtualNetworkGateways())
            .addAllGatewayConnections(network.gatewayConnections())
            .addAllOnPremisesNetworks(network.onPremisesNetworks());
    for (NetworkInterface i : network.networkInterfaces()) {
      NetworkInterface.Builder b =
          NetworkInterface.builder()
              .id(i.id())
              .subnet(i.subnet())
              .privateAddress(i.privateAddress())
              .publicAddress(i.publicAddress())
              .enableIpForwarding(i.enableIpForwarding());
      if (!all.isEmpty() && random.nextInt(4) == 0) {
        b.networkSecurityGroup(all.get(random.nextInt(all.size())).id());
      } else {
        b.networkSecurityGroup(i.networkSecurityGroup());
      }
      n.addNetworkInterfaces(b.build());
    }
    List<FlexibleServer> servers = network.flexibleServers();
    for (FlexibleServer s : servers) {
      FlexibleServer.Builder b =
          FlexibleServer.builder()
              .id(s.id())
              .region(s.region())
              .version(s.version())
              .tier(s.tier())
              .highAvailability(s.highAvailability())
              .delegatedSubnet(s.delegatedSubnet())
              .privateDnsZone(s.privateDnsZone())
              .privateAddress(s.privateAddress())
              .publicAddress(s.publicAddress())
              .publicNetworkAccess(s.publicNetworkAccess())
              .requireSecureTransport(s.requireSecureTransport())
              .sslMinProtocolVersion(s.sslMinProtocolVersion())
              .sslMaxProtocolVersion(s.sslMaxProtocolVersion())
              .pgBouncerEnabled(s.pgBouncerEnabled())
              .replicationRole(ReplicationRole.values()[random.nextInt(ReplicationRole.values().length)])
              .createMode(CreateMode.values()[random.nextInt(CreateMode.values().length)]);
      if (random.nextInt(3) == 0) {
        b.sourceServer(random.nextBoolean() ? servers.get(random.nextInt(servers.size())).id() : ResourceId.of(SUBSCRIPTION, "elsewhere", FlexibleServer.RESOURCE_TYPE, "origin-db"));
      }
      n.addFlexibleServers(b.build());
    }
    return n.build();
  }

  private static FirewallRuleSet rules(Random random) {
    List<FirewallRule> rules = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      FirewallRule.Builder r = FirewallRule.builder().name("rule_" + i);
      switch (random.nextInt(4)) {
        case 0:
          r.startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MIN);
          break;
        case 1:
          r.startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MAX);
          break;
        default:
          long start = 0xC6336400L + random.nextInt(200);
          r.startIpAddress(Ipv4Address.ofLong(start)).endIpAddress(Ipv4Address.ofLong(start + random.nextInt(50)));
          break;
      }
      if (random.nextInt(3) == 0) {
        r.changedAt(INSTANT.minusSeconds(random.nextInt(600)));
      }
      rules.add(r.build());
    }
    List<FirewallRuleRemoval> removals = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      removals.add(new FirewallRuleRemoval("old_rule", Ipv4Range.parse("198.51.100.0-198.51.100.255"), INSTANT.minusSeconds(30)));
    }
    return FirewallRuleSet.of(rules, removals);
  }

  private static Optional<PrivateEndpoint> endpoint(
      Network network, FlexibleServer server, Subnet subnet, Random random, Set<Ipv4Address> taken, ResourceId privatelink, int index) {
    long first = subnet.addressPrefix().first().toLong() + 4;
    long count = subnet.usableAddressCount();
    for (long k = 0; k < count; k++) {
      Ipv4Address a = Ipv4Address.ofLong(first + (random.nextInt(1000) + k) % count);
      if (taken.add(a)) {
        PrivateEndpoint.Builder b =
            PrivateEndpoint.builder()
                .id(ResourceId.of(SUBSCRIPTION, "apps", PrivateEndpoint.RESOURCE_TYPE, "pe-" + index))
                .region(network.virtualNetworkOf(subnet.id()).region())
                .subnet(subnet.id())
                .privateAddress(a)
                .targetServer(server.id())
                .connectionState(PrivateEndpointConnectionState.values()[random.nextInt(4)]);
        if (random.nextBoolean()) {
          b.addPrivateDnsZones(privatelink);
        }
        if (random.nextInt(4) == 0) {
          b.requestingTenant("00000000-0000-4000-8000-00000000d004");
        }
        return Optional.of(b.build());
      }
    }
    return Optional.empty();
  }

  /** A zone with links to some networks and record sets: A records of one name together, one TTL each. */
  private static PrivateDnsZone zone(ResourceId id, Network network, Random random) {
    PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(id);
    for (VirtualNetwork v : network.virtualNetworks()) {
      if (random.nextInt(3) != 0) {
        VirtualNetworkLink.Builder l = VirtualNetworkLink.builder().id(id.child("virtualNetworkLinks", v.name() + "-link")).virtualNetwork(v.id());
        l.registrationEnabled(random.nextInt(4) == 0);
        if (random.nextInt(3) == 0) {
          l.resolutionPolicy(ResolutionPolicy.NX_DOMAIN_REDIRECT);
        }
        b.addVirtualNetworkLinks(l.build());
      }
    }
    int sets = random.nextInt(4);
    for (int i = 0; i < sets; i++) {
      RecordName name = i == 0 && random.nextInt(3) == 0 ? RecordName.APEX : RecordName.parse("r" + i);
      Optional<Duration> ttl = random.nextBoolean() ? Optional.of(Duration.ofSeconds(random.nextInt(3600))) : Optional.empty();
      if (!name.isApex() && random.nextInt(3) == 0) {
        b.addRecords(new DnsRecord.Cname(name, DnsName.parse("target" + i + ".example.com"), ttl));
      } else {
        int addresses = 1 + random.nextInt(2);
        for (int k = 0; k < addresses; k++) {
          b.addRecords(new DnsRecord.A(name, Ipv4Address.parse("10.99." + i + "." + (k + 4)), ttl));
        }
      }
    }
    return b.build();
  }

  /** Resolver inbound endpoints first, then a custom DNS server at an interface, then one on premises. */
  private static List<DnsServer> dnsServers(Network network, Random random, Set<Ipv4Address> taken) {
    List<DnsServer> out = new ArrayList<>();
    List<Subnet> subnets = new ArrayList<>();
    network.virtualNetworks().forEach(v -> v.subnets().stream().filter(s -> s.addressPrefix().length() <= 29).forEach(subnets::add));
    if (!subnets.isEmpty() && random.nextInt(3) == 0) {
      Subnet s = subnets.get(random.nextInt(subnets.size()));
      long first = s.addressPrefix().first().toLong() + 4;
      for (long k = 0; k < s.usableAddressCount(); k++) {
        Ipv4Address a = Ipv4Address.ofLong(first + k);
        if (taken.add(a)) {
          out.add(
              DnsServer.builder()
                  .id(ResourceId.of(SUBSCRIPTION, "net", "Microsoft.Network/dnsResolvers", "resolver").child("inboundEndpoints", "inbound"))
                  .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                  .location(ClientLocation.InVirtualNetwork.of(s.id(), a))
                  .build());
          break;
        }
      }
    }
    if (!network.networkInterfaces().isEmpty() && random.nextInt(3) == 0) {
      NetworkInterface nic = network.networkInterfaces().get(random.nextInt(network.networkInterfaces().size()));
      DnsServer.Builder b =
          DnsServer.builder()
              .id(ResourceId.of(SUBSCRIPTION, "net", "Microsoft.Compute/virtualMachines", "dns-vm"))
              .location(new ClientLocation.InVirtualNetwork(nic.subnet(), nic.privateAddress(), Optional.empty(), Optional.of(nic.id())));
      if (random.nextBoolean()) {
        b.addForwarders(Resolver.AZURE_PROVIDED_DNS);
      } else {
        b.addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("postgres.database.azure.com"), Resolver.AZURE_PROVIDED_DNS));
      }
      out.add(b.build());
    }
    if (!network.onPremisesNetworks().isEmpty() && random.nextInt(3) == 0) {
      OnPremisesNetwork o = network.onPremisesNetworks().get(0);
      Ipv4Prefix p = o.addressPrefixes().get(0);
      out.add(
          DnsServer.builder()
              .id(o.id().child("dnsServers", "onprem-dns"))
              .location(ClientLocation.OnPremises.of(o.id(), Ipv4Address.ofLong(p.first().toLong() + 53)))
              .addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("privatelink.postgres.database.azure.com"), Ipv4Address.parse("10.0.0.4")))
              .addForwarders(Ipv4Address.parse("192.0.2.53"))
              .build());
    }
    return out;
  }
}
