package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.testing.NetworkArbitraries;
import dev.pgreach.privatelink.testing.EstateArbitraries;
import dev.pgreach.privatelink.testing.Feature;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Connection questions about generated estates for the whole-estate properties: an estate from the
 * shipped {@link EstateArbitraries} (every feature, mistakes included, closed world), one of its
 * clients or a client fitting its network, a target (a server's name or address, an endpoint's
 * address, or any destination of the network) and a port; and helpers that change estates.
 */
public final class EstateQuestions {
  static final Instant INSTANT = EstateArbitraries.INSTANT;

  private EstateQuestions() {}

  /** Estates built on any generated network (validation errors included), closed world. */
  static Arbitrary<Estate> estates() {
    return EstateArbitraries.estates().without(Feature.OPEN_WORLD);
  }

  /** An estate together with one connection question about it. */
  record Question(Estate estate, Client client, String target, int port) {}

  static Arbitrary<Question> questions() {
    return estates().flatMap(e -> {
      Arbitrary<Client> clients = Arbitraries.oneOf(NetworkArbitraries.clients(e.network()), EstateArbitraries.clientsOf(e));
      Arbitrary<String> targets =
          Arbitraries.frequencyOf(
              net.jqwik.api.Tuple.of(4, EstateArbitraries.targetsOf(e)),
              net.jqwik.api.Tuple.of(1, NetworkArbitraries.destinationsOf(e.network()).map(Ipv4Address::toString)));
      Arbitrary<Integer> ports = Arbitraries.of(5432, 5432, 6432, 22);
      return Combinators.combine(clients, targets, ports).as((c, t, p) -> new Question(e, c, t, p));
    });
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
    Network subnets = withSubnets(e.network(), subnetGroups, policies);
    Network.Builder n =
        Network.builder()
            .addAllVirtualNetworks(subnets.virtualNetworks())
            .addAllRouteTables(subnets.routeTables())
            .addAllVirtualNetworkGateways(subnets.virtualNetworkGateways())
            .addAllGatewayConnections(subnets.gatewayConnections())
            .addAllOnPremisesNetworks(subnets.onPremisesNetworks())
            .addAllFlexibleServers(subnets.flexibleServers());
    for (dev.pgreach.core.NetworkInterface i : subnets.networkInterfaces()) {
      n.addNetworkInterfaces(
          dev.pgreach.core.NetworkInterface.builder()
              .id(i.id())
              .subnet(i.subnet())
              .privateAddress(i.privateAddress())
              .publicAddress(i.publicAddress())
              .enableIpForwarding(i.enableIpForwarding())
              .networkSecurityGroup(denyAll)
              .build());
    }
    Network network = n.build();
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
