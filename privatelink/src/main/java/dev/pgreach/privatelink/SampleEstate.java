package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.Resolver;
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
import java.time.Instant;
import java.util.Optional;

/**
 * A bundled sample estate that exercises every access path, for the command line's main job, the
 * documentation and the tests.
 *
 * <p>Contoso runs a hub-and-spoke network in West Europe:
 *
 * <ul>
 *   <li><b>hub</b> (10.0.0.0/16): a VPN gateway to the <b>headquarters</b> network
 *       (192.168.0.0/16), a DNS Private Resolver inbound endpoint (10.0.1.4) for the headquarters'
 *       DNS, and a custom DNS forwarder VM (10.0.2.4) that forwards to 168.63.129.16.
 *   <li><b>spoke-data</b> (10.1.0.0/16, DNS through the hub forwarder): the VNet-integrated server
 *       <b>orders-db</b> (10.1.1.4) in a delegated /28 with its private zone, and the app VM
 *       <b>orders-api</b>. Peered with the hub using its gateway.
 *   <li><b>spoke-apps</b> (10.2.0.0/16, Azure-provided DNS): the <b>billing-worker</b> VM and a
 *       private endpoint (10.2.3.4) for <b>billing-db</b>, a public-access server whose public
 *       network access is disabled. Linked to the privatelink zone but not to orders-db's zone.
 *   <li><b>analytics</b> (10.3.0.0/16) in North Europe: the <b>reporting</b> VM, globally peered
 *       with spoke-data, linked to no private zone.
 *   <li><b>web-db</b>: a public-access server with firewall rules for the headquarters' egress
 *       range, the "allow Azure services" rule, and a rule for a CI runner added two minutes
 *       before the {@link #INSTANT question's instant}; <b>archive-db</b>: public access with no
 *       rules and no endpoint, which nothing can reach.
 * </ul>
 *
 * <p>{@link #questions()} are the connection questions the main job answers about it.
 */
public final class SampleEstate {
  /** The instant the sample questions are asked at. */
  public static final Instant INSTANT = Instant.parse("2026-11-24T12:00:00Z");

  static final String SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
  static final Region WEST_EUROPE = Region.parse("westeurope");
  static final Region NORTH_EUROPE = Region.parse("northeurope");

  /**
   * One connection question of the main job.
   *
   * @param client the name of the client that asks
   * @param target the host name or address it connects to
   * @param port the port it connects to
   */
  public record Question(String client, String target, int port) {
    /** {@return the name of the client that asks} */
    public String client() {
      return client;
    }

    /** {@return the host name or address it connects to} */
    public String target() {
      return target;
    }

    /** {@return the port it connects to} */
    public int port() {
      return port;
    }

    /**
     * Checks the components.
     *
     * @param client the client's name in the estate
     * @param target a host name or an address
     * @param port the port
     */
    public Question {
      Checks.notNull(client, "Question.client");
      Checks.notNull(target, "Question.target");
    }
  }

  private SampleEstate() {}

  /**
   * Returns the sample estate.
   *
   * @return the estate
   */
  public static Estate estate() {
    return Estate.builder()
        .network(network())
        .addNetworkSecurityGroups(appNsg(), pgNsg())
        .putFirewallRules(server("web-db"), webDbRules())
        .putFirewallRules(server("archive-db"), FirewallRuleSet.empty())
        .addPrivateDnsZones(ordersZone(), privatelinkZone())
        .addDnsServers(resolverInbound(), hubForwarder(), headquartersDns())
        .addPrivateEndpoints(billingEndpoint())
        .addAllClients(clients())
        .build();
  }

  /**
   * Returns the questions the main job asks: each client against the servers it cares about, by
   * name (and twice by address, to show the difference).
   *
   * @return the questions, in the order they are printed
   */
  public static ImmutableList<Question> questions() {
    return ImmutableList.of(
        new Question("orders-api", "orders-db.postgres.database.azure.com", 5432),
        new Question("orders-api", "orders-db.postgres.database.azure.com", 6432),
        new Question("billing-worker", "billing-db.postgres.database.azure.com", 5432),
        new Question("billing-worker", "orders-db.postgres.database.azure.com", 5432),
        new Question("hq-laptop", "orders-db.postgres.database.azure.com", 5432),
        new Question("hq-laptop", "web-db.postgres.database.azure.com", 5432),
        new Question("home-laptop", "web-db.postgres.database.azure.com", 5432),
        new Question("partner-function", "web-db.postgres.database.azure.com", 5432),
        new Question("ci-runner", "web-db.postgres.database.azure.com", 5432),
        new Question("legacy-batch", "web-db.postgres.database.azure.com", 5432),
        new Question("reporting", "orders-db.postgres.database.azure.com", 5432),
        new Question("reporting", "10.1.1.4", 5432),
        new Question("home-laptop", "billing-db.postgres.database.azure.com", 5432),
        new Question("hq-laptop", "archive-db.postgres.database.azure.com", 5432));
  }

  // ------------------------------------------------------------------ ids

  static ResourceId id(String group, String type, String name) {
    return ResourceId.of(SUBSCRIPTION, group, type, name);
  }

  static ResourceId vnet(String name) {
    return id("network", VirtualNetwork.RESOURCE_TYPE, name);
  }

  static ResourceId subnet(String vnet, String name) {
    return vnet(vnet).child("subnets", name);
  }

  static ResourceId server(String name) {
    return id("data", FlexibleServer.RESOURCE_TYPE, name);
  }

  static ResourceId nsg(String name) {
    return id("network", "Microsoft.Network/networkSecurityGroups", name);
  }

  static ResourceId zone(String name) {
    return id("dns", PrivateDnsZone.RESOURCE_TYPE, name);
  }

  static ResourceId nic(String name) {
    return id("apps", NetworkInterface.RESOURCE_TYPE, name);
  }

  private static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private static Ipv4Prefix prefix(String text) {
    return Ipv4Prefix.parse(text);
  }

  // ------------------------------------------------------------------ network

  private static Network network() {
    return Network.builder()
        .addVirtualNetworks(hub(), spokeData(), spokeApps(), analytics())
        .addNetworkInterfaces(
            networkInterface("orders-api-nic", subnet("spoke-data", "app"), "10.1.0.4"),
            networkInterface("billing-worker-nic", subnet("spoke-apps", "app"), "10.2.0.4"),
            networkInterface("reporting-nic", subnet("analytics", "bi"), "10.3.0.4"),
            networkInterface("dns-forwarder-nic", subnet("hub", "shared"), "10.0.2.4"))
        .addVirtualNetworkGateways(
            VirtualNetworkGateway.builder().id(id("network", VirtualNetworkGateway.RESOURCE_TYPE, "hub-vpn")).virtualNetwork(vnet("hub")).build())
        .addOnPremisesNetworks(
            OnPremisesNetwork.builder()
                .id(id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters"))
                .addAddressPrefixes(prefix("192.168.0.0/16"))
                .addDnsServers(ip("192.168.0.53"))
                .build())
        .addGatewayConnections(
            GatewayConnection.builder()
                .id(id("network", GatewayConnection.RESOURCE_TYPE, "hub-to-headquarters"))
                .connectionType(GatewayConnection.ConnectionType.IPSEC)
                .virtualNetworkGateway(id("network", VirtualNetworkGateway.RESOURCE_TYPE, "hub-vpn"))
                .remote(id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters"))
                .build())
        .addFlexibleServers(
            FlexibleServer.builder()
                .id(server("orders-db"))
                .region(WEST_EUROPE)
                .delegatedSubnet(subnet("spoke-data", "pg"))
                .privateDnsZone(zone("orders-db.private.postgres.database.azure.com"))
                .privateAddress(ip("10.1.1.4"))
                .pgBouncerEnabled(true)
                .build(),
            FlexibleServer.builder()
                .id(server("billing-db"))
                .region(WEST_EUROPE)
                .publicNetworkAccess(PublicNetworkAccess.DISABLED)
                .build(),
            FlexibleServer.builder()
                .id(server("web-db"))
                .region(WEST_EUROPE)
                .publicAddress(ip("20.61.10.5"))
                .sslMinProtocolVersion(TlsVersion.TLS_1_2)
                .build(),
            FlexibleServer.builder().id(server("archive-db")).region(WEST_EUROPE).build())
        .build();
  }

  private static VirtualNetwork hub() {
    return VirtualNetwork.builder()
        .id(vnet("hub"))
        .region(WEST_EUROPE)
        .addAddressSpace(prefix("10.0.0.0/16"))
        .addSubnets(
            Subnet.builder().id(subnet("hub", "GatewaySubnet")).addressPrefix(prefix("10.0.255.0/27")).build(),
            Subnet.builder()
                .id(subnet("hub", "dns-inbound"))
                .addressPrefix(prefix("10.0.1.0/28"))
                .delegation("Microsoft.Network/dnsResolvers")
                .build(),
            Subnet.builder().id(subnet("hub", "shared")).addressPrefix(prefix("10.0.2.0/24")).build())
        .addVirtualNetworkPeerings(
            peering("hub", "spoke-data", true, false),
            peering("hub", "spoke-apps", true, false))
        .build();
  }

  private static VirtualNetwork spokeData() {
    return VirtualNetwork.builder()
        .id(vnet("spoke-data"))
        .region(WEST_EUROPE)
        .addAddressSpace(prefix("10.1.0.0/16"))
        .addDnsServers(ip("10.0.2.4"))
        .addSubnets(
            Subnet.builder().id(subnet("spoke-data", "app")).addressPrefix(prefix("10.1.0.0/24")).networkSecurityGroup(nsg("app-nsg")).build(),
            Subnet.builder()
                .id(subnet("spoke-data", "pg"))
                .addressPrefix(prefix("10.1.1.0/28"))
                .delegation(Subnet.FLEXIBLE_SERVER_DELEGATION)
                .networkSecurityGroup(nsg("pg-nsg"))
                .build())
        .addVirtualNetworkPeerings(
            peering("spoke-data", "hub", false, true), peering("spoke-data", "analytics", false, false))
        .build();
  }

  private static VirtualNetwork spokeApps() {
    return VirtualNetwork.builder()
        .id(vnet("spoke-apps"))
        .region(WEST_EUROPE)
        .addAddressSpace(prefix("10.2.0.0/16"))
        .addSubnets(
            Subnet.builder().id(subnet("spoke-apps", "app")).addressPrefix(prefix("10.2.0.0/24")).networkSecurityGroup(nsg("app-nsg")).build(),
            Subnet.builder().id(subnet("spoke-apps", "endpoints")).addressPrefix(prefix("10.2.3.0/24")).build())
        .addVirtualNetworkPeerings(peering("spoke-apps", "hub", false, true))
        .build();
  }

  private static VirtualNetwork analytics() {
    return VirtualNetwork.builder()
        .id(vnet("analytics"))
        .region(NORTH_EUROPE)
        .addAddressSpace(prefix("10.3.0.0/16"))
        .addSubnets(Subnet.builder().id(subnet("analytics", "bi")).addressPrefix(prefix("10.3.0.0/24")).build())
        .addVirtualNetworkPeerings(peering("analytics", "spoke-data", false, false))
        .build();
  }

  private static VirtualNetworkPeering peering(String from, String to, boolean allowGatewayTransit, boolean useRemoteGateways) {
    return VirtualNetworkPeering.builder()
        .id(vnet(from).child("virtualNetworkPeerings", from + "-to-" + to))
        .remoteVirtualNetwork(vnet(to))
        .allowGatewayTransit(allowGatewayTransit)
        .useRemoteGateways(useRemoteGateways)
        .peeringState(dev.pgreach.core.PeeringState.CONNECTED) // as ARM reports a peering whose reverse link exists
        .build();
  }

  private static NetworkInterface networkInterface(String name, ResourceId subnet, String address) {
    return NetworkInterface.builder().id(nic(name)).subnet(subnet).privateAddress(ip(address)).build();
  }

  // ------------------------------------------------------------------ filtering

  private static NetworkSecurityGroup appNsg() {
    return NetworkSecurityGroup.builder()
        .id(nsg("app-nsg"))
        .addSecurityRules(
            rule("deny-ssh-from-internet", 200, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.INTERNET, SecurityRuleAddress.ANY, PortRange.of(22)))
        .build();
  }

  /** The server subnet: PostgreSQL from the virtual network only, as Azure recommends, and nothing else inbound. */
  private static NetworkSecurityGroup pgNsg() {
    return NetworkSecurityGroup.builder()
        .id(nsg("pg-nsg"))
        .addSecurityRules(
            rule("allow-postgres-from-vnet", 100, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.ANY, PortRange.of(5432)),
            rule("allow-pgbouncer-from-vnet", 110, SecurityRuleDirection.INBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.ANY, PortRange.of(6432)),
            rule("deny-all-other-inbound", 4000, SecurityRuleDirection.INBOUND, SecurityRuleAccess.DENY, SecurityRuleAddress.ANY, SecurityRuleAddress.ANY, PortRange.ANY),
            rule("allow-storage-for-wal", 100, SecurityRuleDirection.OUTBOUND, SecurityRuleAccess.ALLOW, SecurityRuleAddress.VIRTUAL_NETWORK, SecurityRuleAddress.parse("Storage"), PortRange.of(443)))
        .build();
  }

  private static SecurityRule rule(
      String name,
      int priority,
      SecurityRuleDirection direction,
      SecurityRuleAccess access,
      SecurityRuleAddress source,
      SecurityRuleAddress destination,
      PortRange ports) {
    return SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(direction)
        .access(access)
        .protocol(SecurityRuleProtocol.TCP)
        .addSourceAddressPrefixes(source)
        .addSourcePortRanges(PortRange.ANY)
        .addDestinationAddressPrefixes(destination)
        .addDestinationPortRanges(ports)
        .build();
  }

  private static FirewallRuleSet webDbRules() {
    return FirewallRuleSet.of(
        FirewallRule.of("headquarters-egress", "203.0.113.0", "203.0.113.255"),
        FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps_2026-11-1", "0.0.0.0", "0.0.0.0"),
        FirewallRule.builder()
            .name("ci-runner")
            .startIpAddress(ip("198.51.100.77"))
            .endIpAddress(ip("198.51.100.77"))
            .changedAt(INSTANT.minusSeconds(120))
            .build());
  }

  // ------------------------------------------------------------------ DNS and Private Link

  private static PrivateDnsZone ordersZone() {
    ResourceId id = zone("orders-db.private.postgres.database.azure.com");
    return PrivateDnsZone.builder()
        .id(id)
        .addVirtualNetworkLinks(link(id, "hub"), link(id, "spoke-data"))
        .build();
  }

  private static PrivateDnsZone privatelinkZone() {
    ResourceId id = zone("privatelink.postgres.database.azure.com");
    return PrivateDnsZone.builder()
        .id(id)
        .addVirtualNetworkLinks(link(id, "hub"), link(id, "spoke-apps"))
        .build();
  }

  private static VirtualNetworkLink link(ResourceId zone, String vnet) {
    return VirtualNetworkLink.builder().id(zone.child("virtualNetworkLinks", vnet + "-link")).virtualNetwork(vnet(vnet)).build();
  }

  private static DnsServer resolverInbound() {
    return DnsServer.builder()
        .id(id("network", DnsServer.INBOUND_ENDPOINT_RESOURCE_TYPE.substring(0, DnsServer.INBOUND_ENDPOINT_RESOURCE_TYPE.lastIndexOf('/')), "hub-resolver")
            .child("inboundEndpoints", "from-headquarters"))
        .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
        .location(ClientLocation.InVirtualNetwork.of(subnet("hub", "dns-inbound"), ip("10.0.1.4")))
        .build();
  }

  private static DnsServer hubForwarder() {
    return DnsServer.builder()
        .id(id("network", "Microsoft.Compute/virtualMachines", "dns-forwarder"))
        .location(new ClientLocation.InVirtualNetwork(subnet("hub", "shared"), ip("10.0.2.4"), Optional.empty(), Optional.of(nic("dns-forwarder-nic"))))
        .addForwarders(Resolver.AZURE_PROVIDED_DNS)
        .build();
  }

  private static DnsServer headquartersDns() {
    return DnsServer.builder()
        .id(id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters").child("dnsServers", "hq-dns"))
        .location(ClientLocation.OnPremises.of(id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters"), ip("192.168.0.53")))
        .addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("postgres.database.azure.com"), ip("10.0.1.4")))
        .build();
  }

  private static PrivateEndpoint billingEndpoint() {
    return PrivateEndpoint.builder()
        .id(id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe"))
        .region(WEST_EUROPE)
        .subnet(subnet("spoke-apps", "endpoints"))
        .privateAddress(ip("10.2.3.4"))
        .targetServer(server("billing-db"))
        .addPrivateDnsZones(zone("privatelink.postgres.database.azure.com"))
        .build();
  }

  // ------------------------------------------------------------------ clients

  private static ImmutableList<Client> clients() {
    return ImmutableList.of(
        client("orders-api", new ClientLocation.InVirtualNetwork(subnet("spoke-data", "app"), ip("10.1.0.4"), Optional.empty(), Optional.of(nic("orders-api-nic")))),
        client("billing-worker", new ClientLocation.InVirtualNetwork(subnet("spoke-apps", "app"), ip("10.2.0.4"), Optional.of(ip("20.61.200.10")), Optional.of(nic("billing-worker-nic")))),
        client("reporting", new ClientLocation.InVirtualNetwork(subnet("analytics", "bi"), ip("10.3.0.4"), Optional.empty(), Optional.of(nic("reporting-nic")))),
        client("hq-laptop", new ClientLocation.OnPremises(id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters"), ip("192.168.10.20"), Optional.of(ip("203.0.113.10")))),
        client("home-laptop", new ClientLocation.Internet(ip("198.51.100.23"))),
        client("ci-runner", new ClientLocation.Internet(ip("198.51.100.77"))),
        client("partner-function", new ClientLocation.AzureHosted(ip("20.103.45.9"), "fabrikam.onmicrosoft.com")),
        Client.builder()
            .name("legacy-batch")
            .location(new ClientLocation.Internet(ip("203.0.113.40")))
            .tlsVersions(ImmutableSet.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1))
            .build());
  }

  private static Client client(String name, ClientLocation location) {
    return Client.builder().name(name).location(location).build();
  }
}
