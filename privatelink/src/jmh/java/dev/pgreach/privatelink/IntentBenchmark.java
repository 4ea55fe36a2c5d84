package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.intent.Intent;
import dev.pgreach.privatelink.intent.IntentReport;
import dev.pgreach.privatelink.intent.Intents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Six typical intents checked on a synthetic hub-and-spoke estate shaped like the scale estate
 * (per spoke network: four subnets with a network security group each, five servers - two public
 * with twenty firewall rules, two VNet-integrated, one with a private endpoint - and a client),
 * at a number of networks given by {@code networks} (1,000 networks is the full scale: 5,000
 * servers).
 *
 * <pre>
 * mvn -Djmh -pl privatelink test-compile exec:exec -Djmh.args="-f 1 -wi 0 -i 1 -bm ss -tu s -p networks=50,100 IntentBenchmark"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IntentBenchmark {
  private static final String SUB = "00000000-0000-4000-8000-0000000000be";
  private static final Region REGION = Region.parse("westeurope");
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

  @Param({"50"})
  public int networks;

  private Connectivity connectivity;
  private Intents intents;

  @Setup(Level.Trial)
  public void setUp() {
    Estate estate = estate(networks);
    connectivity = Connectivity.of(estate, ServiceProfile.current());
    intents =
        Intents.of(
            Intent.noServerReachableFromInternet(),
            Intent.reachableOnlyFrom("db-1-2", "spoke-1", "hub"),
            Intent.clientsCanConnect("db-1-2"),
            Intent.resolvableWhereRoutable(),
            Intent.noAzureServicesRule(),
            Intent.privateEndpointsApproved());
  }

  @Benchmark
  public IntentReport sixIntents() {
    return intents.verify(connectivity, AT);
  }

  /** The synthetic estate: a hub (10.0.0.0/22) and {@code n - 1} spokes peered with it both ways. */
  static Estate estate(int n) {
    Network.Builder network = Network.builder();
    Estate.Builder estate = Estate.builder();
    ResourceId hubId = vnet("hub");
    ResourceId zone = ResourceId.of(SUB, "dns", PrivateDnsZone.RESOURCE_TYPE, "privatelink.postgres.database.azure.com");
    ResourceId serverZone = ResourceId.of(SUB, "dns", PrivateDnsZone.RESOURCE_TYPE, "estate.private.postgres.database.azure.com");
    PrivateDnsZone.Builder privatelink = PrivateDnsZone.builder().id(zone);
    PrivateDnsZone.Builder own = PrivateDnsZone.builder().id(serverZone);
    List<VirtualNetworkPeering> hubPeerings = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = i == 0 ? "hub" : "spoke-" + i;
      ResourceId id = vnet(name);
      Ipv4Prefix space = Ipv4Prefix.parse("10." + (i / 64) + "." + (i % 64 * 4) + ".0/22");
      VirtualNetwork.Builder v = VirtualNetwork.builder().id(id).region(REGION).addAddressSpace(space);
      for (int k = 0; k < 4; k++) {
        ResourceId subnet = id.child("subnets", k == 1 ? "data" : "s" + k);
        ResourceId group = ResourceId.of(SUB, "net", NetworkSecurityGroup.RESOURCE_TYPE, name + "-nsg-" + k);
        estate.addNetworkSecurityGroups(group(group, i));
        Subnet.Builder s =
            Subnet.builder()
                .id(subnet)
                .addressPrefix(Ipv4Prefix.parse("10." + (i / 64) + "." + (i % 64 * 4 + k) + ".0/24"))
                .networkSecurityGroup(group);
        if (k == 1) {
          s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION);
        }
        v.addSubnets(s.build());
      }
      if (i > 0) {
        v.addVirtualNetworkPeerings(VirtualNetworkPeering.builder().id(id.child("virtualNetworkPeerings", "to-hub")).remoteVirtualNetwork(hubId).build());
        hubPeerings.add(VirtualNetworkPeering.builder().id(hubId.child("virtualNetworkPeerings", "to-" + name)).remoteVirtualNetwork(id).build());
        network.addVirtualNetworks(v.build());
      } else {
        network.addVirtualNetworks(v.addAllVirtualNetworkPeerings(List.of()).build());
      }
      privatelink.addVirtualNetworkLinks(VirtualNetworkLink.builder().id(zone.child("virtualNetworkLinks", name)).virtualNetwork(id).build());
      own.addVirtualNetworkLinks(VirtualNetworkLink.builder().id(serverZone.child("virtualNetworkLinks", name)).virtualNetwork(id).build());
      for (int k = 0; k < 5; k++) {
        ResourceId server = ResourceId.of(SUB, "data", FlexibleServer.RESOURCE_TYPE, "db-" + i + "-" + k);
        FlexibleServer.Builder s = FlexibleServer.builder().id(server).region(REGION);
        if (k == 2 || k == 3) {
          s.delegatedSubnet(id.child("subnets", "data")).privateDnsZone(serverZone).privateAddress(Ipv4Address.parse("10." + (i / 64) + "." + (i % 64 * 4 + 1) + "." + (4 + k)));
        } else {
          s.publicAddress(Ipv4Address.parse("20.100." + (i % 250) + "." + (10 + k)));
        }
        network.addFlexibleServers(s.build());
        if (k < 2) {
          List<FirewallRule> rules = new ArrayList<>();
          for (int r = 0; r < 20; r++) {
            rules.add(FirewallRule.of("range-" + r, "198.51.100." + (r * 10), "198.51.100." + (r * 10 + 5)));
          }
          if (k == 1) {
            rules.add(FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps", "0.0.0.0", "0.0.0.0"));
          }
          estate.putFirewallRules(server, FirewallRuleSet.of(rules));
        }
        if (k == 4) {
          estate.addPrivateEndpoints(
              PrivateEndpoint.builder()
                  .id(ResourceId.of(SUB, "apps", PrivateEndpoint.RESOURCE_TYPE, "pe-" + i))
                  .region(REGION)
                  .subnet(id.child("subnets", "s2"))
                  .privateAddress(Ipv4Address.parse("10." + (i / 64) + "." + (i % 64 * 4 + 2) + ".10"))
                  .targetServer(server)
                  .addPrivateDnsZones(zone)
                  .build());
        }
      }
      estate.addClients(
          Client.builder()
              .name("app-" + i)
              .location(ClientLocation.InVirtualNetwork.of(id.child("subnets", "s0"), Ipv4Address.parse("10." + (i / 64) + "." + (i % 64 * 4) + ".20")))
              .build());
    }
    Network built = network.build();
    // The hub's peerings, added to the hub now that every spoke exists.
    Network.Builder withHub = Network.builder().addAllFlexibleServers(built.flexibleServers());
    for (VirtualNetwork v : built.virtualNetworks()) {
      if (v.id().equals(hubId)) {
        withHub.addVirtualNetworks(
            VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllSubnets(v.subnets()).addAllVirtualNetworkPeerings(hubPeerings).build());
      } else {
        withHub.addVirtualNetworks(v);
      }
    }
    return estate.network(withHub.build()).addPrivateDnsZones(privatelink.build(), own.build()).build();
  }

  private static ResourceId vnet(String name) {
    return ResourceId.of(SUB, "net", VirtualNetwork.RESOURCE_TYPE, name);
  }

  private static NetworkSecurityGroup group(ResourceId id, int i) {
    return NetworkSecurityGroup.builder()
        .id(id)
        .addSecurityRules(
            SecurityRule.builder()
                .name("allow-postgres")
                .priority(100)
                .direction(SecurityRuleDirection.INBOUND)
                .access(SecurityRuleAccess.ALLOW)
                .protocol(SecurityRuleProtocol.TCP)
                .addSourceAddressPrefixes(SecurityRuleAddress.VIRTUAL_NETWORK)
                .addSourcePortRanges(PortRange.ANY)
                .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
                .addDestinationPortRanges(PortRange.of(5432))
                .build(),
            SecurityRule.builder()
                .name("deny-ops")
                .priority(200)
                .direction(SecurityRuleDirection.INBOUND)
                .access(SecurityRuleAccess.DENY)
                .protocol(SecurityRuleProtocol.TCP)
                .addSourceAddressPrefixes(SecurityRuleAddress.parse("10." + (i / 64) + "." + (i % 64 * 4) + ".128/25"))
                .addSourcePortRanges(PortRange.ANY)
                .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
                .addDestinationPortRanges(PortRange.ANY)
                .build())
        .build();
  }
}
