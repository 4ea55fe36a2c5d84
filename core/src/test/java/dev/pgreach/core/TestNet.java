package dev.pgreach.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A small fluent way to write networks in tests: ids, subnets and peerings from short names. */
final class TestNet {
  static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000001";

  private final Map<String, VirtualNetwork.Builder> vnets = new LinkedHashMap<>();
  private final Network.Builder network = Network.builder();
  private final List<Consumer<Network.Builder>> later = new ArrayList<>();

  static ResourceId id(String type, String name) {
    return ResourceId.of(SUBSCRIPTION, "net", type, name);
  }

  static ResourceId vnetId(String vnet) {
    return id(VirtualNetwork.RESOURCE_TYPE, vnet);
  }

  static ResourceId subnetId(String vnet, String subnet) {
    return vnetId(vnet).child("subnets", subnet);
  }

  static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  static Ipv4Prefix prefix(String text) {
    return Ipv4Prefix.parse(text);
  }

  TestNet vnet(String name, String region, String... prefixes) {
    VirtualNetwork.Builder b = VirtualNetwork.builder().id(vnetId(name)).region(Region.parse(region));
    for (String p : prefixes) {
      b.addAddressSpace(prefix(p));
    }
    vnets.put(name, b);
    return this;
  }

  TestNet subnet(String vnet, String name, String prefix) {
    return subnet(vnet, name, prefix, s -> {});
  }

  TestNet subnet(String vnet, String name, String prefix, Consumer<Subnet.Builder> more) {
    Subnet.Builder b = Subnet.builder().id(subnetId(vnet, name)).addressPrefix(prefix(prefix));
    more.accept(b);
    vnets.get(vnet).addSubnets(b.build());
    return this;
  }

  /** One peering link from {@code from} to {@code to}. */
  TestNet link(String from, String to, Consumer<VirtualNetworkPeering.Builder> flags) {
    VirtualNetworkPeering.Builder b =
        VirtualNetworkPeering.builder().id(vnetId(from).child("virtualNetworkPeerings", from + "-to-" + to)).remoteVirtualNetwork(vnetId(to));
    flags.accept(b);
    vnets.get(from).addVirtualNetworkPeerings(b.build());
    return this;
  }

  /** A connected peering: links in both directions with default flags. */
  TestNet peer(String a, String b) {
    return link(a, b, f -> {}).link(b, a, f -> {});
  }

  TestNet gateway(String vnet) {
    network.addVirtualNetworkGateways(
        VirtualNetworkGateway.builder().id(id(VirtualNetworkGateway.RESOURCE_TYPE, vnet + "-gw")).virtualNetwork(vnetId(vnet)).build());
    return this;
  }

  TestNet onPremises(String name, String... prefixes) {
    OnPremisesNetwork.Builder b = OnPremisesNetwork.builder().id(id(OnPremisesNetwork.RESOURCE_TYPE, name));
    for (String p : prefixes) {
      b.addAddressPrefixes(prefix(p));
    }
    network.addOnPremisesNetworks(b.build());
    return this;
  }

  TestNet connect(String vnet, String onPremises) {
    network.addGatewayConnections(
        GatewayConnection.builder()
            .id(id(GatewayConnection.RESOURCE_TYPE, vnet + "-to-" + onPremises))
            .connectionType(GatewayConnection.ConnectionType.IPSEC)
            .virtualNetworkGateway(id(VirtualNetworkGateway.RESOURCE_TYPE, vnet + "-gw"))
            .remote(id(OnPremisesNetwork.RESOURCE_TYPE, onPremises))
            .build());
    return this;
  }

  /** A VNet-to-VNet connection from {@code from}'s gateway to {@code to}'s (one direction). */
  TestNet vnetToVnet(String from, String to) {
    network.addGatewayConnections(
        GatewayConnection.builder()
            .id(id(GatewayConnection.RESOURCE_TYPE, from + "-to-" + to))
            .connectionType(GatewayConnection.ConnectionType.VNET_TO_VNET)
            .virtualNetworkGateway(id(VirtualNetworkGateway.RESOURCE_TYPE, from + "-gw"))
            .remote(id(VirtualNetworkGateway.RESOURCE_TYPE, to + "-gw"))
            .build());
    return this;
  }

  TestNet nic(String name, String vnet, String subnet, String address, boolean forwarding) {
    network.addNetworkInterfaces(
        NetworkInterface.builder()
            .id(id(NetworkInterface.RESOURCE_TYPE, name))
            .subnet(subnetId(vnet, subnet))
            .privateAddress(ip(address))
            .enableIpForwarding(forwarding)
            .build());
    return this;
  }

  TestNet routeTable(String name, Route... routes) {
    RouteTable.Builder b = RouteTable.builder().id(id(RouteTable.RESOURCE_TYPE, name));
    for (Route r : routes) {
      b.addRoutes(r);
    }
    network.addRouteTables(b.build());
    return this;
  }

  TestNet routeTable(RouteTable table) {
    network.addRouteTables(table);
    return this;
  }

  TestNet server(String name, String region, Consumer<FlexibleServer.Builder> more) {
    FlexibleServer.Builder b = FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, name)).region(Region.parse(region));
    more.accept(b);
    network.addFlexibleServers(b.build());
    return this;
  }

  /** What the input the network stands for shows; closed unless set. */
  TestNet coverage(Coverage coverage) {
    network.coverage(coverage);
    return this;
  }

  Network build() {
    for (VirtualNetwork.Builder b : vnets.values()) {
      network.addVirtualNetworks(b.build());
    }
    later.forEach(c -> c.accept(network));
    return network.build();
  }

  static ClientLocation inSubnet(String vnet, String subnet, String address) {
    return ClientLocation.InVirtualNetwork.of(subnetId(vnet, subnet), ip(address));
  }

  static ClientLocation onPrem(String name, String address) {
    return ClientLocation.OnPremises.of(id(OnPremisesNetwork.RESOURCE_TYPE, name), ip(address));
  }

  /**
   * A hub (westeurope, 10.0.0.0/16) with a gateway to on-premises 192.168.0.0/16, and three
   * spokes: spoke1 (10.1.0.0/16, with a flexible server subnet), spoke2 (10.2.0.0/16), both in
   * westeurope, and spoke3 (10.3.0.0/16) in northeurope. No peerings: tests add them.
   */
  static TestNet hubAndSpokes() {
    return new TestNet()
        .vnet("hub", "westeurope", "10.0.0.0/16")
        .subnet("hub", "GatewaySubnet", "10.0.255.0/27")
        .subnet("hub", "nva", "10.0.1.0/24")
        .subnet("hub", "shared", "10.0.2.0/24")
        .vnet("spoke1", "westeurope", "10.1.0.0/16")
        .subnet("spoke1", "app", "10.1.0.0/24")
        .subnet("spoke1", "db", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
        .vnet("spoke2", "westeurope", "10.2.0.0/16")
        .subnet("spoke2", "app", "10.2.0.0/24")
        .vnet("spoke3", "northeurope", "10.3.0.0/16")
        .subnet("spoke3", "app", "10.3.0.0/24")
        .gateway("hub")
        .onPremises("office", "192.168.0.0/16")
        .connect("hub", "office");
  }
}
