package dev.pgreach.privatelink.testing;

import dev.pgreach.core.Coverage;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one estate from a generated network and a tape of choices: network security groups,
 * firewall rules, private endpoints, then (in {@link DnsAssembly}) zones and DNS servers, clients
 * and the open-world parts. Everything is built through the public builders.
 */
final class EstateAssembly {
  /** The subscription of every resource the assembly adds. */
  static final String SUBSCRIPTION = "5eed0000-0000-4000-8000-000000000002";

  /** A tenant other than the servers' own, for endpoint requests and Azure-hosted clients. */
  static final String OTHER_TENANT = "00000000-0000-4000-8000-00000000d004";

  private static final String NSG_TYPE = NetworkSecurityGroup.RESOURCE_TYPE;

  final Network source;
  final Choices choices;
  final EstateArbitrary.Options options;
  final Instant at;
  final Set<Ipv4Address> taken = new HashSet<>();
  final List<NetworkSecurityGroup> groups = new ArrayList<>();
  final Map<ResourceId, ResourceId> subnetGroups = new LinkedHashMap<>();
  final Map<ResourceId, PrivateEndpointNetworkPolicies> policies = new LinkedHashMap<>();
  final Map<ResourceId, ResourceId> interfaceGroups = new LinkedHashMap<>();
  final Map<ResourceId, FirewallRuleSet> rules = new LinkedHashMap<>();
  final List<PrivateEndpoint> endpoints = new ArrayList<>();
  final List<PrivateEndpointConnection> connections = new ArrayList<>();
  final Coverage.Builder coverage = Coverage.builder().whole(true);
  final Map<ResourceId, String> outsideInput = new LinkedHashMap<>();
  final Map<ResourceId, Set<ServerSetting>> unknownSettings = new LinkedHashMap<>();
  boolean open;

  private EstateAssembly(Network network, Choices choices, EstateArbitrary.Options options) {
    this.source = network;
    this.choices = choices;
    this.options = options;
    this.at = EstateArbitraries.INSTANT;
    network.networkInterfaces().forEach(n -> taken.add(n.privateAddress()));
    network.flexibleServers().forEach(s -> s.privateAddress().ifPresent(taken::add));
    network.virtualNetworks().forEach(v -> taken.addAll(v.dnsServers()));
  }

  /**
   * Assembles an estate.
   *
   * @param network the generated network
   * @param choices the tape
   * @param options the generator's knobs
   * @return the estate
   */
  static Estate assemble(Network network, Choices choices, EstateArbitrary.Options options) {
    Network trimmed = trim(network, options);
    EstateAssembly a = new EstateAssembly(trimmed, choices, options);
    if (options.has(Feature.NETWORK_SECURITY_GROUPS)) {
      a.securityGroups();
    }
    if (options.has(Feature.FIREWALL_RULES)) {
      a.firewallRules();
    }
    if (options.has(Feature.PRIVATE_ENDPOINTS)) {
      a.privateEndpoints();
    }
    return new DnsAssembly(a).build();
  }

  /** The network without what the options leave out: servers beyond the maximum, route tables. */
  private static Network trim(Network network, EstateArbitrary.Options options) {
    boolean routes = options.has(Feature.ROUTE_TABLES);
    if (routes && network.flexibleServers().size() <= options.maxServers()) {
      return network;
    }
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(network.networkInterfaces())
            .addAllVirtualNetworkGateways(network.virtualNetworkGateways())
            .addAllGatewayConnections(network.gatewayConnections())
            .addAllOnPremisesNetworks(network.onPremisesNetworks())
            .addAllFlexibleServers(network.flexibleServers().subList(0, Math.min(options.maxServers(), network.flexibleServers().size())))
            .coverage(network.coverage());
    if (routes) {
      b.addAllRouteTables(network.routeTables()).addAllVirtualNetworks(network.virtualNetworks());
    } else {
      for (VirtualNetwork v : network.virtualNetworks()) {
        VirtualNetwork.Builder vb = copyWithoutSubnets(v);
        v.subnets().forEach(s -> vb.addSubnets(subnet(s, s.networkSecurityGroup(), s.privateEndpointNetworkPolicies(), Optional.empty())));
        b.addVirtualNetworks(vb.build());
      }
    }
    return b.build();
  }

  static VirtualNetwork.Builder copyWithoutSubnets(VirtualNetwork v) {
    return VirtualNetwork.builder()
        .id(v.id())
        .region(v.region())
        .addAllAddressSpace(v.addressSpace())
        .addAllDnsServers(v.dnsServers())
        .addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
  }

  static Subnet subnet(Subnet s, Optional<ResourceId> group, PrivateEndpointNetworkPolicies policy, Optional<ResourceId> routeTable) {
    return Subnet.builder()
        .id(s.id())
        .addressPrefix(s.addressPrefix())
        .delegation(s.delegation())
        .routeTable(routeTable)
        .privateEndpointNetworkPolicies(policy)
        .networkSecurityGroup(group)
        .build();
  }

  // ------------------------------------------------------------------ network security groups

  private void securityGroups() {
    List<Ipv4Prefix> pieces = new ArrayList<>();
    for (VirtualNetwork v : source.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        // A piece of the subnet, so that a rule splits a subnet's sources into several classes.
        int length = Math.min(32, s.addressPrefix().length() + 1 + choices.of(3));
        long offset = choices.of(1 << Math.min(8, length - s.addressPrefix().length()));
        pieces.add(Ipv4Prefix.containing(Ipv4Address.ofLong(s.addressPrefix().first().toLong() + (offset << (32 - length))), length));
      }
    }
    for (VirtualNetwork v : source.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (!s.name().equalsIgnoreCase("GatewaySubnet") && choices.chance(40)) {
          subnetGroups.put(s.id(), group(pieces).id());
        }
        policies.put(s.id(), PrivateEndpointNetworkPolicies.values()[choices.of(PrivateEndpointNetworkPolicies.values().length)]);
      }
    }
    for (NetworkInterface n : source.networkInterfaces()) {
      if (choices.chance(30)) {
        boolean shared = !groups.isEmpty() && choices.chance(50);
        interfaceGroups.put(n.id(), shared ? choices.pick(groups).id() : group(pieces).id());
      }
    }
  }

  private NetworkSecurityGroup group(List<Ipv4Prefix> pieces) {
    ResourceId id = ResourceId.of(SUBSCRIPTION, "net", NSG_TYPE, "nsg-" + groups.size());
    NetworkSecurityGroup.Builder b = NetworkSecurityGroup.builder().id(id);
    int count = 1 + choices.of(4);
    Set<String> priorities = new HashSet<>();
    for (int i = 0; i < count; i++) {
      SecurityRuleDirection direction = choices.chance(30) ? SecurityRuleDirection.OUTBOUND : SecurityRuleDirection.INBOUND;
      int priority = 100 + 10 * choices.of(40);
      if (!priorities.add(direction + "/" + priority)) {
        continue;
      }
      SecurityRule.Builder r =
          SecurityRule.builder()
              .name("rule-" + i)
              .priority(priority)
              .direction(direction)
              .access(choices.chance(50) ? SecurityRuleAccess.ALLOW : SecurityRuleAccess.DENY)
              .protocol(choices.chance(25) ? SecurityRuleProtocol.ANY : SecurityRuleProtocol.TCP)
              .addSourcePortRanges(PortRange.ANY)
              .addDestinationPortRanges(choices.pick(List.of(PortRange.of(5432), PortRange.ANY, PortRange.of(6432), PortRange.of(22), PortRange.of(1024, 65535))));
      if (!options.valid() && choices.chance(5)) {
        r.addSourceApplicationSecurityGroups(ResourceId.of(SUBSCRIPTION, "net", SecurityRule.APPLICATION_SECURITY_GROUP_TYPE, "asg-" + i));
      } else {
        r.addSourceAddressPrefixes(address(pieces, true));
      }
      r.addDestinationAddressPrefixes(address(pieces, false));
      b.addSecurityRules(r.build());
    }
    NetworkSecurityGroup g = b.build();
    groups.add(g);
    return g;
  }

  private SecurityRuleAddress address(List<Ipv4Prefix> pieces, boolean source) {
    switch (choices.of(8)) {
      case 0:
        return SecurityRuleAddress.ANY;
      case 1:
        return SecurityRuleAddress.VIRTUAL_NETWORK;
      case 2:
        return SecurityRuleAddress.INTERNET;
      case 3:
        return source ? SecurityRuleAddress.parse("10.0.0.0/8") : SecurityRuleAddress.parse("20.0.0.0/8");
      case 4:
        return source ? SecurityRuleAddress.parse("Storage") : SecurityRuleAddress.AZURE_LOAD_BALANCER;
      default:
        return new SecurityRuleAddress.Prefix(choices.pick(pieces));
    }
  }

  // ------------------------------------------------------------------ firewall rules

  private void firewallRules() {
    for (FlexibleServer s : source.flexibleServers()) {
      boolean misplaced = s.isVnetIntegrated() && !options.valid() && choices.chance(10);
      if ((s.hasPublicEndpoint() || misplaced) && choices.chance(75)) {
        rules.put(s.id(), ruleSet());
      }
    }
  }

  private FirewallRuleSet ruleSet() {
    List<FirewallRule> out = new ArrayList<>();
    int count = 1 + choices.of(3);
    for (int i = 0; i < count; i++) {
      FirewallRule.Builder r = FirewallRule.builder();
      switch (choices.of(5)) {
        case 0:
          r.name("office-" + i).startIpAddress(Ipv4Address.parse("203.0.113.0")).endIpAddress(Ipv4Address.parse("203.0.113.255"));
          break;
        case 1:
          r.name("AllowAllAzureServicesAndResourcesWithinAzureIps-" + i).startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MIN);
          break;
        case 2:
          r.name("allow-all-" + i).startIpAddress(Ipv4Address.MIN).endIpAddress(Ipv4Address.MAX);
          break;
        case 3:
          // Where generated interfaces and on-premises hosts go out to the internet.
          r.name("egress-" + i).startIpAddress(Ipv4Address.parse("20.40.0.0")).endIpAddress(Ipv4Address.parse("20.40.255.255"));
          break;
        default:
          long start = Ipv4Address.parse("198.51.100.0").toLong() + choices.of(200);
          r.name("range-" + i).startIpAddress(Ipv4Address.ofLong(start)).endIpAddress(Ipv4Address.ofLong(start + choices.of(56)));
          break;
      }
      if (choices.chance(20)) {
        r.changedAt(at.minusSeconds(1 + choices.of(600)));
      }
      out.add(r.build());
    }
    return FirewallRuleSet.of(out);
  }

  // ------------------------------------------------------------------ private endpoints

  private void privateEndpoints() {
    ServiceProfile profile = options.profile();
    List<Subnet> plain = new ArrayList<>();
    for (VirtualNetwork v : source.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (s.delegation().isEmpty() && !s.name().equalsIgnoreCase("GatewaySubnet") && s.addressPrefix().length() <= 29) {
          plain.add(s);
        }
      }
    }
    for (FlexibleServer s : source.flexibleServers()) {
      boolean allowed = s.hasPublicEndpoint() && supportsEndpoints(s, profile);
      if (!allowed && (options.valid() || !choices.chance(10))) {
        continue;
      }
      List<Subnet> candidates = new ArrayList<>();
      for (Subnet subnet : plain) {
        if (!options.valid() || profile.privateEndpointsAcrossRegions() || source.virtualNetworkOf(subnet.id()).region().equals(s.region())) {
          candidates.add(subnet);
        }
      }
      int count = choices.of(3);
      for (int i = 0; i < count && !candidates.isEmpty() && endpoints.size() < options.maxPrivateEndpoints(); i++) {
        endpoint(s, choices.pick(candidates)).ifPresent(endpoints::add);
      }
      if (profile.privateEndpointsForbidPublicAccess() && options.valid() && !endpointsOf(s).isEmpty()) {
        rules.remove(s.id()); // the preview allowed no public access with firewall rules alongside
      }
    }
  }

  private List<PrivateEndpoint> endpointsOf(FlexibleServer s) {
    return endpoints.stream().filter(p -> p.targetServer().equals(s.id())).toList();
  }

  private static boolean supportsEndpoints(FlexibleServer s, ServiceProfile profile) {
    return !(profile.privateEndpointsRequireSingleInstance() && s.highAvailability().isEnabled());
  }

  private Optional<PrivateEndpoint> endpoint(FlexibleServer server, Subnet subnet) {
    long first = subnet.addressPrefix().first().toLong() + 4;
    long count = subnet.usableAddressCount();
    long start = choices.of((int) Math.min(count, 1000));
    for (long k = 0; k < count; k++) {
      Ipv4Address a = Ipv4Address.ofLong(first + (start + k) % count);
      if (taken.add(a)) {
        PrivateEndpoint.Builder b =
            PrivateEndpoint.builder()
                .id(ResourceId.of(SUBSCRIPTION, "apps", PrivateEndpoint.RESOURCE_TYPE, "pe-" + endpoints.size()))
                .region(source.virtualNetworkOf(subnet.id()).region())
                .subnet(subnet.id())
                .privateAddress(a)
                .targetServer(server.id())
                .connectionState(state());
        if (choices.chance(20)) {
          b.requestingTenant(OTHER_TENANT);
        }
        return Optional.of(b.build());
      }
    }
    return Optional.empty();
  }

  /** Approved most of the time (the plainest choice), every other state sometimes. */
  private PrivateEndpointConnectionState state() {
    if (!choices.chance(35)) {
      return PrivateEndpointConnectionState.APPROVED;
    }
    return List.of(PrivateEndpointConnectionState.PENDING, PrivateEndpointConnectionState.REJECTED, PrivateEndpointConnectionState.DISCONNECTED)
        .get(choices.of(3));
  }

  // ------------------------------------------------------------------ the network, rebuilt

  /**
   * The network with groups and policies on subnets, groups on interfaces, the open-world
   * coverage and servers' unknown settings.
   */
  Network network(List<OnPremisesNetwork> onPremises) {
    Network.Builder n =
        Network.builder()
            .addAllRouteTables(source.routeTables())
            .addAllVirtualNetworkGateways(source.virtualNetworkGateways())
            .addAllGatewayConnections(source.gatewayConnections())
            .addAllOnPremisesNetworks(onPremises);
    for (VirtualNetwork v : source.virtualNetworks()) {
      VirtualNetwork.Builder vb = copyWithoutSubnets(v);
      for (Subnet s : v.subnets()) {
        vb.addSubnets(
            subnet(
                s,
                Optional.ofNullable(subnetGroups.get(s.id())).or(s::networkSecurityGroup),
                policies.getOrDefault(s.id(), s.privateEndpointNetworkPolicies()),
                s.routeTable()));
      }
      n.addVirtualNetworks(vb.build());
    }
    for (NetworkInterface i : source.networkInterfaces()) {
      n.addNetworkInterfaces(
          NetworkInterface.builder()
              .id(i.id())
              .subnet(i.subnet())
              .privateAddress(i.privateAddress())
              .publicAddress(i.publicAddress())
              .enableIpForwarding(i.enableIpForwarding())
              .networkSecurityGroup(Optional.ofNullable(interfaceGroups.get(i.id())).or(i::networkSecurityGroup))
              .build());
    }
    for (FlexibleServer s : source.flexibleServers()) {
      Set<ServerSetting> unknown = unknownSettings.get(s.id());
      n.addFlexibleServers(unknown == null ? s : withUnknown(s, unknown));
    }
    if (open) {
      n.coverage(coverage.putAllOutsideInput(outsideInput).build());
    }
    return n.build();
  }

  /** The server with some settings not known: as a partial export shows it. */
  private static FlexibleServer withUnknown(FlexibleServer s, Set<ServerSetting> unknown) {
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
            .requireSecureTransport(s.requireSecureTransport())
            .sslMinProtocolVersion(s.sslMinProtocolVersion())
            .sslMaxProtocolVersion(s.sslMaxProtocolVersion())
            .pgBouncerEnabled(s.pgBouncerEnabled())
            .replicationRole(s.replicationRole())
            .createMode(s.createMode())
            .sourceServer(s.sourceServer())
            .state(s.state())
            .addAllUnknownSettings(s.unknownSettings())
            .addAllUnknownSettings(unknown);
    if (s.publicNetworkAccess() != (s.delegatedSubnet().isPresent() ? PublicNetworkAccess.DISABLED : PublicNetworkAccess.ENABLED)) {
      b.publicNetworkAccess(s.publicNetworkAccess());
    }
    return b.build();
  }

  /** Marks an inventory as not observed: the estate is open from then on. */
  void unobserved(Inventory inventory, ResourceId owner) {
    open = true;
    coverage.putIncompleteInventories(inventory, owner);
  }

  /** Records a resource referred to but outside the input. */
  void outside(ResourceId id, String description) {
    open = true;
    outsideInput.put(id, description);
  }

  /** A free usable address of a subnet, or empty. */
  Optional<Ipv4Address> freeAddress(Subnet subnet) {
    long first = subnet.addressPrefix().first().toLong() + 4;
    for (long k = 0; k < subnet.usableAddressCount(); k++) {
      Ipv4Address a = Ipv4Address.ofLong(first + k);
      if (taken.add(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
