package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.CreateMode;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads realistic ARM JSON: a resource list in the shape {@code az resource list} and Azure
 * Resource Graph give (lower-case and mixed-case types, subnets and peerings nested in their
 * virtual networks and listed again on their own, security rules and routes nested and separate),
 * with a companion document; and an ARM template of the kind {@code az group export} writes.
 */
class ArmImportTest {
  private static final String SUB = "/subscriptions/aaaaaaaa-0000-4000-8000-000000000001";
  private static final String NET = SUB + "/resourceGroups/net-rg/providers/Microsoft.Network/";
  private static final String DB = SUB + "/resourceGroups/db-rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/";
  private static final String DNS = SUB + "/resourceGroups/dns-rg/providers/Microsoft.Network/privateDnsZones/";
  private static final String APP = SUB + "/resourceGroups/app-rg/providers/Microsoft.Network/";

  private static final ArmImport FABRIKAM =
      ArmImport.read(Resources.text("fabrikam-resources.json"), Companion.parse(Resources.text("fabrikam-companion.json")));

  private static ResourceId id(String text) {
    return ResourceId.parse(text);
  }

  private static Network network() {
    return FABRIKAM.estate().network();
  }

  @Test
  void read_resourceList_countsWhatItReadAndSkipped() {
    assertEquals(43, FABRIKAM.resourceCount());
    assertEquals(
        Map.of(
            "Microsoft.Compute/virtualMachines", 2,
            "Microsoft.Storage/storageAccounts", 1,
            "Microsoft.Network/privateDnsZones/SOA", 1,
            "Microsoft.Network/privateEndpoints to Microsoft.Storage/storageAccounts", 1),
        FABRIKAM.skippedTypes());
    assertEquals(Optional.of(Instant.parse("2026-03-01T09:30:00Z")), FABRIKAM.instant());
  }

  @Test
  void read_resourceList_notesWhatItLeftOut() {
    List<String> notes = FABRIKAM.notes();
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("$[0].properties.addressSpace.addressPrefixes[1]: an IPv6 prefix")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("$[0].properties.subnets[2].properties.addressPrefixes[1]: an IPv6 prefix")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.contains("allow-v6-monitoring names only IPv6 addresses")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("$[7].properties.routes[3].properties.addressPrefix: an IPv6 route")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.contains("public IP address nva-ip is not in the input")), notes::toString);
    assertTrue(notes.stream().anyMatch(n -> n.contains("ExpressRoute circuit branch-circuit") && n.contains("hub-to-branch")), notes::toString);
    assertEquals(6, notes.size(), notes::toString);
  }

  @Test
  void read_virtualNetworks_nestedAndSeparateChildrenMerge() {
    VirtualNetwork hub = network().virtualNetwork(id(NET + "virtualNetworks/hub")).orElseThrow();
    assertEquals("westeurope", hub.region().name());
    assertEquals(List.of(Ipv4Prefix.parse("10.10.0.0/16")), hub.addressSpace());
    assertTrue(hub.usesAzureProvidedDns());
    assertEquals(List.of("GatewaySubnet", "inbound-dns", "shared"), hub.subnets().stream().map(Subnet::name).toList());
    assertEquals(Optional.of("Microsoft.Network/dnsResolvers"), hub.subnet("inbound-dns").orElseThrow().delegation());
    assertEquals(Ipv4Prefix.parse("10.10.2.0/24"), hub.subnet("shared").orElseThrow().addressPrefix());
    assertEquals(Optional.of(id(NET + "routeTables/hub-rt")), hub.subnet("shared").orElseThrow().routeTable());
    VirtualNetworkPeering toSpoke = hub.virtualNetworkPeerings().get(0);
    assertEquals(1, hub.virtualNetworkPeerings().size());
    assertTrue(toSpoke.allowForwardedTraffic() && toSpoke.allowGatewayTransit() && !toSpoke.useRemoteGateways());

    VirtualNetwork spoke = network().virtualNetwork(id(NET + "virtualNetworks/spoke")).orElseThrow();
    assertEquals(List.of(Ipv4Address.parse("10.10.1.4")), spoke.dnsServers());
    assertEquals(3, spoke.subnets().size());
    Subnet db = spoke.subnet("db").orElseThrow();
    assertTrue(db.isDelegatedToFlexibleServers());
    assertEquals(Optional.of(id(NET + "networkSecurityGroups/db-nsg")), db.networkSecurityGroup());
    assertEquals(PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED, spoke.subnet("endpoints").orElseThrow().privateEndpointNetworkPolicies());
    assertTrue(spoke.peeringTo(id(NET + "virtualNetworks/hub")).orElseThrow().useRemoteGateways());
    assertEquals(
        id("/subscriptions/cccccccc-0000-4000-8000-000000000003/resourceGroups/partner/providers/Microsoft.Network/virtualNetworks/partner-vnet"),
        spoke.virtualNetworkPeerings().get(1).remoteVirtualNetwork());
  }

  @Test
  void read_securityGroups_nestedAndSeparateRules() {
    NetworkSecurityGroup app = FABRIKAM.estate().networkSecurityGroups().get(0);
    assertEquals("app-nsg", app.name());
    assertEquals(List.of("allow-https", "deny-ssh"), app.securityRules().stream().map(SecurityRule::name).toList());
    SecurityRule https = app.securityRules().get(0);
    assertEquals(100, https.priority());
    assertEquals(SecurityRuleDirection.INBOUND, https.direction());
    assertEquals(SecurityRuleAccess.ALLOW, https.access());
    assertEquals(SecurityRuleProtocol.TCP, https.protocol());
    assertEquals(List.of(SecurityRuleAddress.INTERNET), https.sourceAddressPrefixes());
    assertEquals(List.of(PortRange.of(443)), https.destinationPortRanges());
    assertEquals(SecurityRuleProtocol.ANY, app.securityRules().get(1).protocol());

    NetworkSecurityGroup db = FABRIKAM.estate().networkSecurityGroups().get(1);
    SecurityRule postgres = db.rule("allow-postgres").orElseThrow();
    assertEquals(
        List.of(SecurityRuleAddress.parse("10.20.0.0/24"), SecurityRuleAddress.parse("10.10.0.0/16"), SecurityRuleAddress.parse("192.168.0.0-192.168.255.255")),
        postgres.sourceAddressPrefixes());
    assertEquals(List.of(PortRange.of(5432), PortRange.of(6432)), postgres.destinationPortRanges());
    assertEquals(List.of(SecurityRuleAddress.parse("Storage")), db.rule("storage-out").orElseThrow().destinationAddressPrefixes());
    assertEquals(List.of("allow-postgres", "storage-out"), db.securityRules().stream().map(SecurityRule::name).toList(), "the IPv6-only rule is left out");
  }

  @Test
  void read_routeTable_routesServiceTagRoutesAndSeparateRoutes() {
    RouteTable t = network().routeTable(id(NET + "routeTables/hub-rt")).orElseThrow();
    assertEquals(List.of("to-office", "default", "blackhole"), t.routes().stream().map(r -> r.name()).toList());
    assertEquals(NextHopType.VIRTUAL_APPLIANCE, t.routes().get(1).nextHopType());
    assertEquals(Optional.of(Ipv4Address.parse("10.10.2.10")), t.routes().get(1).nextHopIpAddress());
    assertEquals(NextHopType.NONE, t.routes().get(2).nextHopType());
    assertEquals("AzureActiveDirectory", t.serviceTagRoutes().get(0).serviceTag());
    assertEquals(NextHopType.INTERNET, t.serviceTagRoutes().get(0).nextHopType());
  }

  @Test
  void read_networkInterfaces_primaryIpv4ConfigurationAndPublicAddress() {
    assertEquals(2, network().networkInterfaces().size(), "the private endpoint's interface is folded into the endpoint");
    NetworkInterface app = network().networkInterface(id(APP + "networkInterfaces/app-vm-nic")).orElseThrow();
    assertEquals(Ipv4Address.parse("10.20.0.4"), app.privateAddress());
    assertEquals(id(NET + "virtualNetworks/spoke/subnets/app"), app.subnet());
    assertEquals(Optional.of(Ipv4Address.parse("20.50.1.2")), app.publicAddress());
    NetworkInterface nva = network().networkInterface(id(NET + "networkInterfaces/nva-nic")).orElseThrow();
    assertTrue(nva.enableIpForwarding());
    assertEquals(Optional.empty(), nva.publicAddress());
  }

  @Test
  void read_gatewaysAndConnections() {
    assertEquals(
        List.of(VirtualNetworkGateway.GatewayType.VPN, VirtualNetworkGateway.GatewayType.EXPRESS_ROUTE),
        network().virtualNetworkGateways().stream().map(VirtualNetworkGateway::gatewayType).toList());
    assertEquals(id(NET + "virtualNetworks/hub"), network().virtualNetworkGateways().get(1).virtualNetwork());
    assertEquals(2, network().onPremisesNetworks().size());
    assertEquals(List.of(Ipv4Address.parse("192.168.0.53")), network().onPremisesNetworks().get(0).dnsServers());
    assertEquals(List.of(Ipv4Prefix.parse("172.20.0.0/16")), network().onPremisesNetworks().get(1).addressPrefixes());
    List<GatewayConnection> connections = network().gatewayConnections();
    assertEquals(2, connections.size(), "the connection to a circuit the companion does not describe is left out");
    assertEquals(GatewayConnection.ConnectionType.IPSEC, connections.get(0).connectionType());
    assertEquals(id(NET + "localNetworkGateways/office"), connections.get(0).remote());
    assertEquals(GatewayConnection.ConnectionType.EXPRESS_ROUTE, connections.get(1).connectionType());
    assertEquals(id(NET + "localNetworkGateways/datacenter"), connections.get(1).remote());
  }

  @Test
  void read_servers_propertiesConfigurationsAndCompanionSettings() {
    FlexibleServer orders = network().flexibleServer(id(DB + "orders-db")).orElseThrow();
    assertEquals("westeurope", orders.region().name());
    assertEquals(ServerTier.MEMORY_OPTIMIZED, orders.tier());
    assertEquals(HighAvailabilityMode.ZONE_REDUNDANT, orders.highAvailability());
    assertEquals(ReplicationRole.PRIMARY, orders.replicationRole());
    assertEquals(Optional.of(id(NET + "virtualNetworks/spoke/subnets/db")), orders.delegatedSubnet());
    assertEquals(Optional.of(id(DNS + "orders.private.postgres.database.azure.com")), orders.privateDnsZone());
    assertEquals(PublicNetworkAccess.DISABLED, orders.publicNetworkAccess());
    assertTrue(orders.requireSecureTransport());
    assertEquals(TlsVersion.TLS_1_3, orders.sslMinProtocolVersion());
    assertEquals(Optional.empty(), orders.sslMaxProtocolVersion());
    assertTrue(orders.pgBouncerEnabled());
    assertEquals(Optional.of(Ipv4Address.parse("10.20.1.4")), orders.privateAddress());

    FlexibleServer ledger = network().flexibleServer(id(DB + "ledger-db")).orElseThrow();
    assertEquals("15", ledger.version());
    assertEquals(ServerTier.BURSTABLE, ledger.tier());
    assertFalse(ledger.isVnetIntegrated(), "an empty delegatedSubnetResourceId means public access");
    assertEquals(Optional.empty(), ledger.privateDnsZone());
    assertFalse(ledger.requireSecureTransport(), "the companion's parameters apply");
    assertEquals(Optional.of(Ipv4Address.parse("20.60.0.9")), ledger.publicAddress());
    assertEquals(ReplicationRole.NONE, network().flexibleServer(id(DB + "crm-db")).orElseThrow().replicationRole());
  }

  @Test
  void read_companionParameters_overrideArmConfigurations() {
    String companion =
        Resources.text("fabrikam-companion.json")
            .replace("{\"name\": \"orders-db\", \"privateAddress\": \"10.20.1.4\"}",
                "{\"name\": \"orders-db\", \"parameters\": {\"ssl_min_protocol_version\": \"TLSv1.2\", \"PgBouncer.Enabled\": false}}");
    FlexibleServer orders =
        ArmImport.read(Resources.text("fabrikam-resources.json"), Companion.parse(companion)).estate().network().flexibleServer(id(DB + "orders-db")).orElseThrow();
    assertEquals(TlsVersion.TLS_1_2, orders.sslMinProtocolVersion());
    assertFalse(orders.pgBouncerEnabled());
    assertTrue(orders.requireSecureTransport(), "parameters the companion does not name keep ARM's value");
    assertEquals(Optional.empty(), orders.privateAddress());
  }

  @Test
  void read_firewallRules_withChangeTimesAndRemovals() {
    FirewallRuleSet rules = FABRIKAM.estate().firewallRulesOf(id(DB + "ledger-db"));
    assertEquals(2, rules.size());
    FirewallRule office = rules.rule("office").orElseThrow();
    assertEquals(Ipv4Address.parse("203.0.113.255"), office.endIpAddress());
    assertEquals(Optional.of(Instant.parse("2026-03-01T09:27:00Z")), office.changedAt());
    assertTrue(rules.rule("AllowAllAzureServicesAndResourcesWithinAzureIps_2026-1-15_10-0-0").orElseThrow().isAllowAzureServices());
    assertEquals("contractor", rules.removals().get(0).name());
    assertEquals(java.util.Set.of(id(DB + "ledger-db")), FABRIKAM.estate().firewallRules().keySet());
  }

  @Test
  void read_privateDnsZones_linksAndRecordSets() {
    List<PrivateDnsZone> zones = FABRIKAM.estate().privateDnsZones();
    assertEquals(2, zones.size());
    PrivateDnsZone orders = zones.get(0);
    assertEquals(List.of("spoke-link", "hub-link"), orders.virtualNetworkLinks().stream().map(l -> l.name()).toList());
    assertEquals(List.of(new DnsRecord.A(RecordName.parse("orders-db"), Ipv4Address.parse("10.20.1.4"), Optional.of(Duration.ofSeconds(30)))), orders.records());
    PrivateDnsZone privatelink = zones.get(1);
    assertEquals(ResolutionPolicy.NX_DOMAIN_REDIRECT, privatelink.virtualNetworkLinks().get(0).resolutionPolicy());
    assertEquals(
        new DnsRecord.Cname(RecordName.parse("reports"), DnsName.parse("crm-db.privatelink.postgres.database.azure.com"), Optional.of(Duration.ofSeconds(300))),
        privatelink.records().get(1));
  }

  @Test
  void read_privateEndpoints_connectionStateAddressAndZoneGroup() {
    List<PrivateEndpoint> endpoints = FABRIKAM.estate().privateEndpoints();
    assertEquals(List.of("crm-pe", "ledger-pe"), endpoints.stream().map(PrivateEndpoint::name).toList());
    PrivateEndpoint crm = endpoints.get(0);
    assertEquals(PrivateEndpointConnectionState.APPROVED, crm.connectionState());
    assertEquals(Ipv4Address.parse("10.20.2.5"), crm.privateAddress(), "from customDnsConfigs");
    assertEquals(List.of(id(DNS + "privatelink.postgres.database.azure.com")), crm.privateDnsZones());
    PrivateEndpoint ledger = endpoints.get(1);
    assertEquals(PrivateEndpointConnectionState.PENDING, ledger.connectionState());
    assertEquals(Ipv4Address.parse("10.20.2.6"), ledger.privateAddress(), "from the endpoint's network interface");
    assertEquals(Optional.of("contoso.onmicrosoft.com"), ledger.requestingTenant());
  }

  @Test
  void read_dnsServers_inboundEndpointsThenCompanionServers() {
    List<DnsServer> servers = FABRIKAM.estate().dnsServers();
    assertEquals(2, servers.size());
    assertEquals(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT, servers.get(0).kind());
    assertEquals(Ipv4Address.parse("10.10.1.4"), servers.get(0).address());
    DnsServer office = servers.get(1);
    assertEquals(id(NET + "localNetworkGateways/office/dnsServers/office-dns"), office.id());
    assertEquals(List.of(Ipv4Address.parse("192.0.2.53")), office.forwarders());
    assertEquals(DnsName.parse("postgres.database.azure.com"), office.conditionalForwarders().get(0).domain());
  }

  @Test
  void read_clients_everyKindOfLocation() {
    Estate e = FABRIKAM.estate();
    assertEquals(
        new ClientLocation.InVirtualNetwork(id(NET + "virtualNetworks/spoke/subnets/app"), Ipv4Address.parse("10.20.0.4"), Optional.empty(), Optional.of(id(APP + "networkInterfaces/app-vm-nic"))),
        e.client("app-vm").location());
    assertEquals(ImmutableSet.of(TlsVersion.TLS_1_2), e.client("batch").tlsVersions());
    assertEquals(Optional.of(Ipv4Address.parse("20.50.9.9")), ((ClientLocation.InVirtualNetwork) e.client("batch").location()).outboundPublicAddress());
    assertEquals(id(NET + "localNetworkGateways/office"), ((ClientLocation.OnPremises) e.client("office-laptop").location()).network());
    assertFalse(e.client("dc-job").usesTls());
    assertEquals(new ClientLocation.Internet(Ipv4Address.parse("198.51.100.8")), e.client("home").location());
    assertEquals(new ClientLocation.AzureHosted(Ipv4Address.parse("20.90.1.1"), "contoso.onmicrosoft.com"), e.client("partner").location());
  }

  @Test
  void read_companionExtras() {
    Estate e = FABRIKAM.estate();
    assertEquals(AddressSet.parse("20.0.0.0/8, 40.64.0.0/10"), e.azureRanges());
    assertEquals(AddressSet.parse("20.60.0.0/16, 20.150.0.0/15"), e.serviceTagRanges().get("Storage"));
    assertEquals(DnsName.parse("rs-0123456789abcdef0123456789abcd"), e.publicEndpointLabels().get(ServerName.parse("ledger-db")));
    assertEquals(ImmutableSet.of(ServerName.parse("old-crm-db")), e.droppedServersWithPrivateEndpoints());
  }

  @Test
  void read_resourceList_answersQuestionsEndToEnd() {
    Estate e = FABRIKAM.estate();
    Connection c = Connectivity.of(e).connect(e.client("app-vm"), "orders-db.postgres.database.azure.com", 5432, FABRIKAM.instant().orElseThrow());
    assertEquals(Disposition.ALLOWED, c.disposition(), c::explanation);
    Connection pending = Connectivity.of(e).connect(e.client("app-vm"), "10.20.2.6", 5432, FABRIKAM.instant().orElseThrow());
    assertEquals(Disposition.BLOCKED, pending.disposition(), pending::explanation);
  }

  @Test
  void read_referencesThatMayPointOutside_becomeFindings() {
    var codes = EstateValidation.validate(FABRIKAM.estate()).stream().map(f -> f.code()).toList();
    assertTrue(codes.contains(FindingCode.PEERING_REMOTE_UNKNOWN), codes::toString);
    assertTrue(codes.contains(FindingCode.PRIVATE_ENDPOINT_PENDING), codes::toString);
  }

  @Test
  void read_armRestListAndResourceGraphShapes_giveTheSameEstate() {
    String list = Resources.text("fabrikam-resources.json");
    Companion companion = Companion.parse(Resources.text("fabrikam-companion.json"));
    assertEquals(FABRIKAM.estate(), ArmImport.read("{\"value\": " + list + ", \"nextLink\": null}", companion).estate());
    assertEquals(FABRIKAM.estate(), ArmImport.read("{\"count\": 48, \"data\": " + list + ", \"skip_token\": null, \"total_records\": 48}", companion).estate());
  }

  @Test
  void read_withoutCompanion_hasNoClientsButTheSameNetworkShape() {
    ArmImport plain = ArmImport.read(Resources.text("fabrikam-resources.json"));
    assertTrue(plain.estate().clients().isEmpty());
    assertEquals(1, plain.estate().dnsServers().size());
    assertEquals(1, plain.estate().network().onPremisesNetworks().size());
    assertEquals(1, plain.estate().network().gatewayConnections().size());
    assertEquals(Optional.empty(), plain.instant());
  }

  // ------------------------------------------------------------------ templates

  @Test
  void read_template_evaluatesNamesAndReferences() {
    ArmImport t = ArmImport.read(Resources.text("billing-template.json"), Companion.parse(Resources.text("billing-template-companion.json")));
    String rg = "/subscriptions/eeeeeeee-0000-4000-8000-000000000005/resourceGroups/billing-rg/providers/";
    Network n = t.estate().network();
    VirtualNetwork vnet = n.virtualNetwork(id(rg + "Microsoft.Network/virtualNetworks/app-vnet")).orElseThrow();
    assertEquals("northeurope", vnet.region().name(), "location from resourceGroup().location via the parameter's default");
    assertEquals(List.of("app", "pg"), vnet.subnets().stream().map(Subnet::name).toList());
    assertEquals(Optional.of(id(rg + "Microsoft.Network/networkSecurityGroups/app-vnet-nsg")), vnet.subnet("pg").orElseThrow().networkSecurityGroup());
    FlexibleServer billing = n.flexibleServer(id(rg + "Microsoft.DBforPostgreSQL/flexibleServers/billing-db")).orElseThrow();
    assertEquals(Optional.of(id(rg + "Microsoft.Network/virtualNetworks/app-vnet/subnets/pg")), billing.delegatedSubnet());
    assertEquals(Optional.of(id(rg + "Microsoft.Network/privateDnsZones/billing-db.private.postgres.database.azure.com")), billing.privateDnsZone());
    assertEquals(HighAvailabilityMode.SAME_ZONE, billing.highAvailability());
    assertEquals(CreateMode.DEFAULT, billing.createMode());
    assertEquals(TlsVersion.TLS_1_3, billing.sslMinProtocolVersion(), "from a nested configurations resource");
    PrivateDnsZone zone = t.estate().privateDnsZones().get(0);
    assertEquals("app-vnet-link", zone.virtualNetworkLinks().get(0).name());
    assertEquals(1, zone.records().size());
    FirewallRule office = t.estate().firewallRulesOf(id(rg + "Microsoft.DBforPostgreSQL/flexibleServers/billing-reports")).rule("office").orElseThrow();
    assertEquals(Ipv4Address.parse("203.0.113.0"), office.startIpAddress());
    assertEquals(Ipv4Address.parse("203.0.113.255"), office.endIpAddress());
    assertEquals(Map.of("Microsoft.Insights/diagnosticSettings", 1), t.skippedTypes());
    assertTrue(t.notes().get(0).contains("condition is false"), t.notes()::toString);
    assertEquals("billing-app", t.estate().clients().get(0).name());
  }

  @Test
  void read_template_withoutDeployment_usesPlaceholderScopeAndReadsTheGroupsLocationAsUnknown() {
    String template =
        "{\"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\", \"location\": \"westeurope\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}}}]}";
    ArmImport read = ArmImport.read(template);
    Estate e = read.estate();
    assertEquals(
        id("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/deployment/providers/Microsoft.Network/virtualNetworks/v"),
        e.network().virtualNetworks().get(0).id());
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$: the deployment names no subscription nor resource group")), read.notes()::toString);
    String groupLocation = template.replace("\"westeurope\"", "\"[resourceGroup().location]\"");
    ArmImport unknown = ArmImport.read(groupLocation);
    assertTrue(unknown.notes().stream().anyMatch(n -> n.contains("$.resources[0].location") && n.contains("deployment.location")), unknown.notes()::toString);
  }

  // ---------------------------------------------------------------- private endpoint connection state

  private static final String BASE = ArmImportErrorsTest.BASE;
  private static final String STATUS_NOTE =
      "$[4].properties.privateLinkServiceConnections[0].properties.privateLinkServiceConnectionState.status: the connection of private endpoint p"
          + " to server orders-db gives no status, so its state is unknown";

  private static PrivateEndpointConnectionState stateOf(ArmImport read) {
    return read.estate().privateEndpoints().get(0).connectionState();
  }

  @Test
  void read_endpointConnectionWithoutStatus_unknownWithANoteNeverApprovedNorPending() {
    // Approval is automatic only when the requester holds the approval permission, which ARM
    // resources do not say: a connection without a status is neither Approved nor Pending.
    ArmImport read = ArmImport.read(BASE);

    assertEquals(PrivateEndpointConnectionState.UNKNOWN, stateOf(read));
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith(STATUS_NOTE)), read.notes()::toString);
    assertTrue(read.notes().stream().anyMatch(n -> n.contains("give privateEndpoints[].connectionState in the companion document")), read.notes()::toString);
  }

  @Test
  void read_endpointConnectionStateFromTheCompanion_usedWithoutANote() {
    for (PrivateEndpointConnectionState state : PrivateEndpointConnectionState.values()) {
      if (state == PrivateEndpointConnectionState.UNKNOWN) {
        continue; // not a state one can declare: leave connectionState out instead
      }
      String companion = "{\"privateEndpoints\": [{\"name\": \"p\", \"connectionState\": \"" + ArmNames.state(state) + "\"}]}";

      ArmImport read = ArmImport.read(BASE, Companion.parse(companion));

      assertEquals(state, stateOf(read));
      assertEquals(List.of(), read.notes());
    }
  }

  @Test
  void read_companionConnectionState_overridesTheStatusInArm() {
    String approved = BASE.replace("\"groupIds\": [\"postgresqlServer\"]}", "\"groupIds\": [\"postgresqlServer\"], \"privateLinkServiceConnectionState\": {\"status\": \"Approved\"}}");
    assertTrue(!approved.equals(BASE));

    assertEquals(PrivateEndpointConnectionState.APPROVED, stateOf(ArmImport.read(approved)));
    assertEquals(
        PrivateEndpointConnectionState.REJECTED,
        stateOf(ArmImport.read(approved, Companion.parse("{\"privateEndpoints\": [{\"name\": \"p\", \"connectionState\": \"Rejected\"}]}"))));
  }

  @Test
  void read_endpointConnectionWithoutStatus_takesTheStatusTheServerLists() {
    String pe = "/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/privateEndpoints/p";
    String listed =
        BASE.replace(
            "\"properties\": {\"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"state\": \"Ready\"}",
            "\"properties\": {\"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"state\": \"Ready\", \"privateEndpointConnections\": [{\"properties\": {\"privateEndpoint\": {\"id\": \""
                + pe
                + "\"}, \"privateLinkServiceConnectionState\": {\"status\": \"Disconnected\"}}}]}");
    assertTrue(!listed.equals(BASE));

    ArmImport read = ArmImport.read(listed);

    assertEquals(PrivateEndpointConnectionState.DISCONNECTED, stateOf(read));
    assertEquals(List.of(), read.notes());
  }

  // ---------------------------------------------------------------- what is left out

  @Test
  void read_networkInterfaceWithItsOwnDnsServers_notedNotModelled() {
    String nic =
        ",\n {\"id\": \"/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/vm-nic\","
            + " \"type\": \"Microsoft.Network/networkInterfaces\", \"location\": \"westeurope\", \"properties\": {"
            + "\"dnsSettings\": {\"dnsServers\": %s, \"appliedDnsServers\": []},"
            + " \"ipConfigurations\": [{\"name\": \"ipconfig1\", \"properties\": {\"privateIPAddress\": \"10.0.0.4\","
            + " \"subnet\": {\"id\": \"/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/app\"}}}]}}\n]\n";
    String companion = "{\"privateEndpoints\": [{\"name\": \"p\", \"connectionState\": \"Approved\"}]}";

    ArmImport own = ArmImport.read(BASE.replace("\n]\n", nic.formatted("[\"10.0.0.53\", \"168.63.129.16\"]")), Companion.parse(companion));
    ArmImport none = ArmImport.read(BASE.replace("\n]\n", nic.formatted("[]")), Companion.parse(companion));

    assertEquals(
        List.of(
            "$[5].properties.dnsSettings.dnsServers: network interface vm-nic sets its own DNS servers (10.0.0.53, 168.63.129.16), which pgreach"
                + " does not model; its host is taken to use the DNS servers of its virtual network"),
        own.notes());
    assertEquals(own.estate(), none.estate());
    assertEquals(List.of(), none.notes());
  }
}
