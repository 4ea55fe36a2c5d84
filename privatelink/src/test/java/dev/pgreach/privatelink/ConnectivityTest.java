package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.Resolver;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Mechanisms of connect that the sample questions do not show. */
class ConnectivityTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  private static Connection connect(Estate estate, String client, String target) {
    return Connectivity.of(estate, ServiceProfile.current()).connect(estate.client(client), target, 5432, SampleEstate.INSTANT);
  }

  private static List<ReasonCode> codes(Connection c) {
    return c.steps().stream().map(Step::code).collect(Collectors.toList());
  }

  @Test
  void connect_endpointAddressOfAnotherServerByName_blockedOtherServer() {
    // A zone record for orders-db pointing at billing-db's endpoint: the endpoint only reaches billing-db.
    Estate wrong =
        SAMPLE.withPrivateDnsZone(
            dev.pgreach.dns.PrivateDnsZone.builder()
                .id(SampleEstate.zone("privatelink.postgres.database.azure.com"))
                .addRecords(new dev.pgreach.dns.DnsRecord.A(dev.pgreach.dns.RecordName.parse("web-db"), Ipv4Address.parse("10.2.3.4"), Optional.empty()))
                .addAllVirtualNetworkLinks(
                    SAMPLE.privateDnsZones().stream().filter(z -> z.name().toString().startsWith("privatelink")).findFirst().orElseThrow().virtualNetworkLinks())
                .build());
    Estate withEndpointForWebDb =
        wrong.withPrivateEndpoint(
            PrivateEndpoint.builder()
                .id(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "web-db-pe"))
                .region(SampleEstate.WEST_EUROPE)
                .subnet(SampleEstate.subnet("spoke-apps", "endpoints"))
                .privateAddress(Ipv4Address.parse("10.2.3.9"))
                .targetServer(SampleEstate.server("web-db"))
                .connectionState(PrivateEndpointConnectionState.PENDING)
                .build());
    Connection c = connect(withEndpointForWebDb, "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.FRONT_DOOR_OTHER_SERVER, c.decidingStep().orElseThrow().code(), c.explanation());
    assertEquals(Optional.of(SampleEstate.server("billing-db")), c.server());
  }

  @Test
  void connect_pendingEndpoint_blockedNotApproved() {
    PrivateEndpoint pending =
        PrivateEndpoint.builder()
            .id(SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe"))
            .region(SampleEstate.WEST_EUROPE)
            .subnet(SampleEstate.subnet("spoke-apps", "endpoints"))
            .privateAddress(Ipv4Address.parse("10.2.3.4"))
            .targetServer(SampleEstate.server("billing-db"))
            .connectionState(PrivateEndpointConnectionState.PENDING)
            .addPrivateDnsZones(SampleEstate.zone("privatelink.postgres.database.azure.com"))
            .build();
    Connection c = connect(SAMPLE.withPrivateEndpoint(pending), "billing-worker", "billing-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition());
    assertEquals(ReasonCode.ENDPOINT_NOT_APPROVED, c.decidingStep().orElseThrow().code());
  }

  @Test
  void connect_unknownPublicAddressWithPublicUserRoutes_indeterminate() {
    // billing-worker's subnet gets a route for part of the public space: where billing-db's unknown public address goes cannot be told.
    Network n = SAMPLE.network();
    RouteTable rt =
        RouteTable.builder()
            .id(SampleEstate.id("network", RouteTable.RESOURCE_TYPE, "rt-apps"))
            .addRoutes(Route.of("drop-some-public", Ipv4Prefix.parse("20.0.0.0/8"), NextHopType.NONE))
            .build();
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addRouteTables(rt)
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addAllFlexibleServers(n.flexibleServers());
    for (VirtualNetwork v : n.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllDnsServers(v.dnsServers()).addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      for (Subnet s : v.subnets()) {
        Subnet.Builder sb = Subnet.builder().id(s.id()).addressPrefix(s.addressPrefix()).delegation(s.delegation()).networkSecurityGroup(s.networkSecurityGroup());
        if (s.id().equals(SampleEstate.subnet("spoke-apps", "app"))) {
          sb.routeTable(rt.id());
        }
        vb.addSubnets(sb.build());
      }
      b.addVirtualNetworks(vb.build());
    }
    Estate routed = SAMPLE.withNetwork(b.build());
    Connection c = connect(routed, "billing-worker", "archive-db.postgres.database.azure.com");
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    assertEquals(ReasonCode.PUBLIC_ENDPOINT_ROUTE_UNKNOWN, c.decidingStep().orElseThrow().code());
    assertTrue(c.explanation().contains("archive-db"), c.explanation());
    assertTrue(!c.explanation().contains(Connectivity.UNKNOWN_PUBLIC_ADDRESS.toString()), c.explanation());
  }

  @Test
  void connect_firstDnsServerUnreachable_nextOneAnswersAndTheFailureIsANote() {
    Network n = SAMPLE.network();
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addAllFlexibleServers(n.flexibleServers());
    for (VirtualNetwork v : n.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllSubnets(v.subnets()).addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      if (v.name().equals("spoke-data")) {
        vb.addDnsServers(Ipv4Address.parse("10.9.9.9"), Ipv4Address.parse("10.0.2.4"));
      } else {
        vb.addAllDnsServers(v.dnsServers());
      }
      b.addVirtualNetworks(vb.build());
    }
    Connection c = connect(SAMPLE.withNetwork(b.build()), "orders-api", "orders-db.postgres.database.azure.com");
    assertEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
    assertTrue(codes(c).contains(ReasonCode.DNS_ATTEMPT_FAILED), c.explanation());
  }

  @Test
  void connect_nameOutsidePostgresDomain_indeterminate() {
    Connection c = connect(SAMPLE, "home-laptop", "db.example.com");
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
  }

  @Test
  void connect_addressOfAVirtualMachine_nothingAnswers() {
    Connection c = connect(SAMPLE, "orders-api", "10.1.0.4");
    assertEquals(Disposition.BLOCKED, c.disposition());
    assertEquals(ReasonCode.FRONT_DOOR_NOTHING, c.decidingStep().orElseThrow().code());
  }

  @Test
  void connect_byAddress_warnsThatAddressesAreNotStatic() {
    Connection c = connect(SAMPLE, "orders-api", "10.1.1.4");
    assertEquals(Disposition.ALLOWED, c.disposition());
    assertTrue(codes(c).contains(ReasonCode.ADDRESS_NOT_STATIC));
  }

  @Test
  void connect_byPrivateEndpointAddress_noWarningBecauseAnEndpointsAddressNeverChanges() {
    Connection c = connect(SAMPLE, "billing-worker", "10.2.3.4");
    assertEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
    assertTrue(!codes(c).contains(ReasonCode.ADDRESS_NOT_STATIC), c.explanation());
  }

  @Test
  void connect_invalidInputs_throwWithCodes() {
    Connectivity connectivity = Connectivity.of(SAMPLE);
    Client client = SAMPLE.client("orders-api");
    assertEquals(ErrorCode.INVALID_PORT_RANGE, assertThrows(PgreachException.class, () -> connectivity.connect(client, "10.1.1.4", 0, SampleEstate.INSTANT)).code());
    assertEquals(ErrorCode.INVALID_DNS_NAME, assertThrows(PgreachException.class, () -> connectivity.connect(client, "no such host!", 5432, SampleEstate.INSTANT)).code());
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, assertThrows(PgreachException.class, () -> SAMPLE.client("nobody")).code());
    Client stranger = Client.builder().name("stranger").location(ClientLocation.InVirtualNetwork.of(SampleEstate.subnet("spoke-data", "gone"), Ipv4Address.parse("10.1.5.4"))).build();
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, assertThrows(PgreachException.class, () -> connectivity.connect(stranger, "10.1.1.4", 5432, SampleEstate.INSTANT)).code());
  }

  @Test
  void connect_customDnsServerForwardingToAPublicResolver_cannotResolveThePrivateZone() {
    DnsServer publicForwarder =
        DnsServer.builder()
            .id(SampleEstate.id("network", "Microsoft.Compute/virtualMachines", "dns-forwarder"))
            .location(new ClientLocation.InVirtualNetwork(SampleEstate.subnet("hub", "shared"), Ipv4Address.parse("10.0.2.4"), Optional.empty(), Optional.of(SampleEstate.nic("dns-forwarder-nic"))))
            .addForwarders(Ipv4Address.parse("8.8.8.8"))
            .build();
    Estate e =
        Estate.builder()
            .network(SAMPLE.network())
            .addAllNetworkSecurityGroups(SAMPLE.networkSecurityGroups())
            .putAllFirewallRules(SAMPLE.firewallRules())
            .addAllPrivateDnsZones(SAMPLE.privateDnsZones())
            .addAllDnsServers(SAMPLE.dnsServers().stream().filter(d -> !d.name().equals("dns-forwarder")).collect(Collectors.toList()))
            .addDnsServers(publicForwarder)
            .addAllPrivateEndpoints(SAMPLE.privateEndpoints())
            .addAllClients(SAMPLE.clients())
            .build();
    Connection c = connect(e, "orders-api", "orders-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.DNS_NXDOMAIN, c.decidingStep().orElseThrow().code());
    assertTrue(Resolver.AZURE_PROVIDED_DNS.equals(Ipv4Address.parse("168.63.129.16")));
  }

  @Test
  void resolve_fromClient_usesTheClientsResolverChain() {
    assertEquals(
        Optional.of(Ipv4Address.parse("10.1.1.4")),
        Connectivity.of(SAMPLE).resolve(SAMPLE.client("hq-laptop"), dev.pgreach.dns.DnsName.parse("orders-db.postgres.database.azure.com")).address());
  }

  @Test
  void estate_withChanges_keepsEverythingElse() {
    ResourceId pe = SampleEstate.id("apps", PrivateEndpoint.RESOURCE_TYPE, "billing-db-pe");
    Estate without = SAMPLE.withoutPrivateEndpoint(pe);
    assertEquals(0, without.privateEndpoints().size());
    assertEquals(SAMPLE.clients(), without.clients());
    Connection c = connect(without, "billing-worker", "billing-db.postgres.database.azure.com");
    // Without its endpoint, billing-db (public access disabled) admits nothing: seed B, "after all approved endpoints are deleted".
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED, c.decidingStep().orElseThrow().code());
    assertEquals(SAMPLE, without.withPrivateEndpoint(SAMPLE.privateEndpoints().get(0)));
  }

  // ---- review fixes

  private static dev.pgreach.firewall.NetworkSecurityGroup appNsgWith(dev.pgreach.firewall.SecurityRule extra) {
    dev.pgreach.firewall.NetworkSecurityGroup app =
        SAMPLE.networkSecurityGroups().stream().filter(g -> g.name().equals("app-nsg")).findFirst().orElseThrow();
    return dev.pgreach.firewall.NetworkSecurityGroup.builder().id(app.id()).addAllSecurityRules(app.securityRules()).addSecurityRules(extra).build();
  }

  private static dev.pgreach.firewall.SecurityRule outboundDeny(String name, int priority, String destination, dev.pgreach.firewall.PortRange ports, dev.pgreach.firewall.SecurityRuleProtocol protocol, String source) {
    return dev.pgreach.firewall.SecurityRule.builder()
        .name(name)
        .priority(priority)
        .direction(dev.pgreach.firewall.SecurityRuleDirection.OUTBOUND)
        .access(dev.pgreach.firewall.SecurityRuleAccess.DENY)
        .protocol(protocol)
        .addSourceAddressPrefixes(dev.pgreach.firewall.SecurityRuleAddress.parse(source))
        .addSourcePortRanges(dev.pgreach.firewall.PortRange.ANY)
        .addDestinationAddressPrefixes(dev.pgreach.firewall.SecurityRuleAddress.parse(destination))
        .addDestinationPortRanges(ports)
        .build();
  }

  @Test
  void connect_outboundRuleOnTheClientsOwnSubnet_isCheckedBeforeNat() {
    // billing-worker leaves from 20.61.200.10; the rule names its private subnet, as Azure evaluates outbound rules before NAT.
    Estate e =
        SAMPLE.withNetworkSecurityGroup(
            appNsgWith(outboundDeny("deny-public-db", 150, "Internet", dev.pgreach.firewall.PortRange.ANY, dev.pgreach.firewall.SecurityRuleProtocol.ANY, "10.2.0.0/24")));
    Connection c = connect(e, "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.NSG_RULE_DENIED, c.decidingStep().orElseThrow().code());
  }

  @Test
  void connect_unknownPublicAddressAndARuleForPartOfThePublicSpace_indeterminate() {
    Estate e =
        SAMPLE.withNetworkSecurityGroup(
            appNsgWith(outboundDeny("deny-20-8", 150, "20.0.0.0/8", dev.pgreach.firewall.PortRange.ANY, dev.pgreach.firewall.SecurityRuleProtocol.ANY, "*")));
    Connection c = connect(e, "billing-worker", "archive-db.postgres.database.azure.com");
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    assertEquals(ReasonCode.PUBLIC_ENDPOINT_ROUTE_UNKNOWN, c.decidingStep().orElseThrow().code());
    // With the address known, the rule simply decides.
    Connection known = connect(e, "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(ReasonCode.NSG_RULE_DENIED, known.decidingStep().orElseThrow().code(), known.explanation());
  }

  private static Estate withServiceTagRoute(java.util.Map<String, dev.pgreach.core.AddressSet> ranges) {
    Network n = SAMPLE.network();
    RouteTable rt =
        RouteTable.builder()
            .id(SampleEstate.id("network", RouteTable.RESOURCE_TYPE, "rt-apps"))
            .addServiceTagRoutes(dev.pgreach.core.ServiceTagRoute.of("no-azurecloud", "AzureCloud", NextHopType.NONE))
            .build();
    Network.Builder b =
        Network.builder()
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addRouteTables(rt)
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addAllFlexibleServers(n.flexibleServers());
    for (VirtualNetwork v : n.virtualNetworks()) {
      VirtualNetwork.Builder vb =
          VirtualNetwork.builder().id(v.id()).region(v.region()).addAllAddressSpace(v.addressSpace()).addAllDnsServers(v.dnsServers()).addAllVirtualNetworkPeerings(v.virtualNetworkPeerings());
      for (Subnet sn : v.subnets()) {
        Subnet.Builder sb = Subnet.builder().id(sn.id()).addressPrefix(sn.addressPrefix()).delegation(sn.delegation()).networkSecurityGroup(sn.networkSecurityGroup());
        if (sn.id().equals(SampleEstate.subnet("spoke-apps", "app"))) {
          sb.routeTable(rt.id());
        }
        vb.addSubnets(sb.build());
      }
      b.addVirtualNetworks(vb.build());
    }
    Estate e = SAMPLE.withNetwork(b.build());
    return Estate.builder()
        .network(e.network()).addAllNetworkSecurityGroups(e.networkSecurityGroups()).putAllFirewallRules(e.firewallRules())
        .addAllPrivateDnsZones(e.privateDnsZones()).addAllDnsServers(e.dnsServers()).addAllPrivateEndpoints(e.privateEndpoints())
        .addAllClients(e.clients()).putAllServiceTagRanges(ranges).build();
  }

  @Test
  void connect_serviceTagRouteOnThePath_undecidedUnlessItsRangesExcludeTheDestination() {
    Connection unknown = connect(withServiceTagRoute(java.util.Map.of()), "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(Disposition.INDETERMINATE, unknown.disposition(), unknown.explanation());
    assertEquals(ReasonCode.SERVICE_TAG_ROUTE_UNDECIDED, unknown.decidingStep().orElseThrow().code());
    Connection elsewhere =
        connect(withServiceTagRoute(java.util.Map.of("AzureCloud", dev.pgreach.core.AddressSet.parse("40.0.0.0/8"))), "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(Disposition.ALLOWED, elsewhere.disposition(), elsewhere.explanation());
    Connection inside =
        connect(withServiceTagRoute(java.util.Map.of("AzureCloud", dev.pgreach.core.AddressSet.parse("20.0.0.0/8"))), "billing-worker", "web-db.postgres.database.azure.com");
    assertEquals(Disposition.INDETERMINATE, inside.disposition(), inside.explanation());
  }

  @Test
  void connect_nsgDenyingDnsToTheCustomDnsServer_blocked() {
    // spoke-data's hosts use the hub forwarder 10.0.2.4; app-nsg denying UDP 53 outbound cuts them off.
    Estate e =
        SAMPLE.withNetworkSecurityGroup(
            appNsgWith(outboundDeny("deny-dns", 150, "10.0.2.4", dev.pgreach.firewall.PortRange.of(53), dev.pgreach.firewall.SecurityRuleProtocol.UDP, "*")));
    Connection c = connect(e, "orders-api", "orders-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.DNS_RESOLVER_UNREACHABLE, c.decidingStep().orElseThrow().code());
    assertTrue(c.decidingStep().orElseThrow().reason().contains("deny-dns"), c.explanation());
  }

  @Test
  void expose_serverWhosePrivateAddressIsUnknown_undecidedNeverNobody() {
    Network n = SAMPLE.network();
    Network.Builder b =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks()).addAllNetworkInterfaces(n.networkInterfaces())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways()).addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks());
    for (dev.pgreach.core.FlexibleServer s : n.flexibleServers()) {
      b.addFlexibleServers(
          s.name().toString().equals("orders-db")
              ? dev.pgreach.core.FlexibleServer.builder().id(s.id()).region(s.region()).delegatedSubnet(s.delegatedSubnet()).privateDnsZone(s.privateDnsZone()).build()
              : s);
    }
    Estate e = SAMPLE.withNetwork(b.build());
    Exposure x = Connectivity.of(e).expose(SampleEstate.server("orders-db"), 5432, SampleEstate.INSTANT);
    assertTrue(!x.isClosed(), x.explanation());
    assertTrue(x.privatePaths().stream().allMatch(r -> r.connected().isEmpty() && !r.undecided().isEmpty()), x.explanation());
    Connection byAddress = connect(e, "orders-api", "10.1.1.4");
    assertEquals(Disposition.INDETERMINATE, byAddress.disposition(), byAddress.explanation());
  }

  @Test
  void connect_privatelinkNameOfAnotherServersEndpoint_blockedOtherServer() {
    Connection c = connect(SAMPLE, "billing-worker", "billing-db.privatelink.postgres.database.azure.com");
    assertEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
    assertEquals(Optional.of(SampleEstate.server("billing-db")), c.server());
  }
}
