package dev.pgreach.core;

import static dev.pgreach.core.TestNet.inSubnet;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.onPrem;
import static dev.pgreach.core.TestNet.prefix;
import static dev.pgreach.core.TestNet.subnetId;
import static dev.pgreach.core.TestNet.vnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSetMultimap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReachabilityTest {
  private static final ServiceProfile CURRENT = ServiceProfile.current();
  private static final ServiceProfile PREVIEW = ServiceProfile.preview2021();

  private static Path route(Network n, ClientLocation from, String to) {
    return Reachability.of(n, CURRENT).route(from, ip(to));
  }

  private static ReasonCode blockedBy(Path p) {
    assertEquals(Disposition.BLOCKED, p.verdict().disposition(), p.verdict().toString());
    return p.verdict().blockingStep().orElseThrow().code();
  }

  private static List<ReasonCode> codes(Path p) {
    return p.verdict().steps().stream().map(Step::code).collect(Collectors.toList());
  }

  // ---- seed: "Applications that are deployed on different subnets within the same vnet can access the Flexible servers directly."
  @Test
  void route_sameVirtualNetworkOtherSubnet_arrivesInThatSubnet() {
    Path p = route(TestNet.hubAndSpokes().build(), inSubnet("spoke1", "app", "10.1.0.4"), "10.1.1.4");
    assertEquals(Disposition.ALLOWED, p.verdict().disposition());
    Arrival a = p.arrival().orElseThrow();
    assertEquals(new Place.Vnet(vnetId("spoke1")), a.place());
    assertEquals(Optional.of(subnetId("spoke1", "db")), a.subnet());
    assertEquals(Optional.of(ip("10.1.0.4")), a.sourceAddress());
    assertEquals(List.of(ReasonCode.ROUTE_SELECTED, ReasonCode.ARRIVED), codes(p));
    assertEquals(2, p.hops().size());
  }

  // ---- seed: "Applications that are deployed on a different VNET VNet-2 do not have direct access"
  @Test
  void route_unpeeredVirtualNetwork_noRoute() {
    Path p = route(TestNet.hubAndSpokes().build(), inSubnet("spoke2", "app", "10.2.0.4"), "10.1.1.4");
    assertEquals(ReasonCode.NO_ROUTE, blockedBy(p));
    assertTrue(p.arrival().isEmpty());
  }

  @Test
  void route_connectedPeering_crossesIt() {
    Path p = route(TestNet.hubAndSpokes().peer("hub", "spoke1").build(), inSubnet("hub", "shared", "10.0.2.4"), "10.1.1.4");
    assertEquals(Disposition.ALLOWED, p.verdict().disposition());
    assertEquals(List.of(ReasonCode.ROUTE_SELECTED, ReasonCode.PEERING_CROSSED, ReasonCode.ARRIVED), codes(p));
    assertEquals(new Place.Vnet(vnetId("spoke1")), p.arrival().orElseThrow().place());
  }

  // ---- AZURE-FACTS 7.2: a peering carries traffic only when both directions exist.
  @Test
  void route_peeringInOneDirectionOnly_peeringNotConnected() {
    Network n = TestNet.hubAndSpokes().link("hub", "spoke1", f -> {}).build();
    assertEquals(ReasonCode.PEERING_NOT_CONNECTED, blockedBy(route(n, inSubnet("hub", "shared", "10.0.2.4"), "10.1.1.4")));
    assertEquals(ReasonCode.PEERING_NOT_CONNECTED, blockedBy(route(n, inSubnet("spoke1", "app", "10.1.0.4"), "10.0.2.4")));
  }

  // ---- AZURE-FACTS 7.1: peering is not transitive.
  @Test
  void route_spokeToSpokeThroughHubWithoutAppliance_peeringNotTransitive() {
    Network n = TestNet.hubAndSpokes().peer("hub", "spoke1").peer("hub", "spoke2").build();
    assertEquals(ReasonCode.PEERING_NOT_TRANSITIVE, blockedBy(route(n, inSubnet("spoke2", "app", "10.2.0.4"), "10.1.1.4")));
    assertEquals(ReasonCode.PEERING_NOT_TRANSITIVE, blockedBy(route(n, inSubnet("spoke1", "app", "10.1.0.4"), "10.2.0.4")));
  }

  // ---- AZURE-FACTS 7.4: allowVirtualNetworkAccess=false means no traffic from that side.
  @Test
  void route_senderLinkDeniesAccess_peeringAccessDisabled() {
    Network n =
        TestNet.hubAndSpokes().link("hub", "spoke1", f -> f.allowVirtualNetworkAccess(false)).link("spoke1", "hub", f -> {}).build();
    assertEquals(ReasonCode.PEERING_ACCESS_DISABLED, blockedBy(route(n, inSubnet("hub", "shared", "10.0.2.4"), "10.1.1.4")));
    assertEquals(Disposition.ALLOWED, route(n, inSubnet("spoke1", "app", "10.1.0.4"), "10.0.2.4").verdict().disposition());
  }

  // ---- seed: "Use VPN or ExpressRoute to connect from non-Azure resources to your flexible server"
  @Test
  void route_onPremisesToGatewayNetwork_crossesGateway() {
    Path p = route(TestNet.hubAndSpokes().build(), onPrem("office", "192.168.1.10"), "10.0.2.4");
    assertEquals(Disposition.ALLOWED, p.verdict().disposition());
    assertTrue(codes(p).contains(ReasonCode.GATEWAY_CROSSED));
    assertEquals(Optional.of(ip("192.168.1.10")), p.arrival().orElseThrow().sourceAddress());
  }

  @Test
  void route_onPremisesToSpokeWithGatewayTransit_usesTransit() {
    Network n =
        TestNet.hubAndSpokes()
            .link("hub", "spoke1", f -> f.allowGatewayTransit(true))
            .link("spoke1", "hub", f -> f.useRemoteGateways(true))
            .build();
    Path in = route(n, onPrem("office", "192.168.1.10"), "10.1.1.4");
    assertEquals(Disposition.ALLOWED, in.verdict().disposition(), in.verdict().toString());
    assertTrue(codes(in).contains(ReasonCode.GATEWAY_TRANSIT));
    Path out = route(n, inSubnet("spoke1", "app", "10.1.0.4"), "192.168.1.10");
    assertEquals(Disposition.ALLOWED, out.verdict().disposition(), out.verdict().toString());
    assertEquals(new Place.OnPremises(TestNet.id(OnPremisesNetwork.RESOURCE_TYPE, "office")), out.arrival().orElseThrow().place());
    assertTrue(codes(out).contains(ReasonCode.GATEWAY_TRANSIT));
  }

  @Test
  void route_onPremisesToSpokeWithoutGatewayTransit_transitNotEnabled() {
    Network n = TestNet.hubAndSpokes().peer("hub", "spoke1").build();
    assertEquals(ReasonCode.GATEWAY_TRANSIT_NOT_ENABLED, blockedBy(route(n, onPrem("office", "192.168.1.10"), "10.1.1.4")));
    assertEquals(ReasonCode.GATEWAY_TRANSIT_NOT_ENABLED, blockedBy(route(n, inSubnet("spoke1", "app", "10.1.0.4"), "192.168.1.10")));
  }

  @Test
  void route_onlyOneSideOfTransitSet_transitNotEnabled() {
    Network n =
        TestNet.hubAndSpokes()
            .link("hub", "spoke1", f -> f.allowGatewayTransit(true))
            .link("spoke1", "hub", f -> {})
            .build();
    assertEquals(ReasonCode.GATEWAY_TRANSIT_NOT_ENABLED, blockedBy(route(n, onPrem("office", "192.168.1.10"), "10.1.1.4")));
  }

  @Test
  void route_onPremisesWithoutConnection_notConnected() {
    Network n = TestNet.hubAndSpokes().onPremises("branch", "172.16.0.0/16").build();
    assertEquals(ReasonCode.ON_PREMISES_NOT_CONNECTED, blockedBy(route(n, onPrem("branch", "172.16.0.9"), "10.0.2.4")));
  }

  // ---- seed 2020: "Peering VNets across regions is not supported" (VNet-integrated servers), lifted later.
  @Test
  void route_globalPeeringToServerSubnet_dependsOnProfile() {
    Network n =
        new TestNet()
            .vnet("db", "westeurope", "10.1.0.0/16")
            .subnet("db", "pg", "10.1.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
            .subnet("db", "other", "10.1.2.0/24")
            .vnet("far", "eastus", "10.9.0.0/16")
            .subnet("far", "app", "10.9.0.0/24")
            .peer("db", "far")
            .build();
    ClientLocation far = inSubnet("far", "app", "10.9.0.4");
    Path preview = Reachability.of(n, PREVIEW).route(far, ip("10.1.1.4"));
    assertEquals(ReasonCode.GLOBAL_PEERING_UNSUPPORTED, blockedBy(preview));
    assertEquals(Disposition.ALLOWED, Reachability.of(n, CURRENT).route(far, ip("10.1.1.4")).verdict().disposition());
    // Only the server subnet is affected: other destinations cross the global peering under both profiles.
    assertEquals(Disposition.ALLOWED, Reachability.of(n, PREVIEW).route(far, ip("10.1.2.4")).verdict().disposition());
  }

  @Test
  void route_sameRegionPeeringToServerSubnet_allowedUnderPreview() {
    Network n = TestNet.hubAndSpokes().peer("hub", "spoke1").build();
    assertEquals(
        Disposition.ALLOWED,
        Reachability.of(n, PREVIEW).route(inSubnet("hub", "shared", "10.0.2.4"), ip("10.1.1.4")).verdict().disposition());
  }

  @Test
  void route_internetClientToPrivateAddress_noRoute() {
    Path p = route(TestNet.hubAndSpokes().build(), new ClientLocation.Internet(ip("203.0.113.7")), "10.1.1.4");
    assertEquals(ReasonCode.NO_ROUTE, blockedBy(p));
  }

  @Test
  void route_internetClientToPublicAddress_arrivesOnInternetWithItsAddress() {
    Path p = route(TestNet.hubAndSpokes().build(), new ClientLocation.Internet(ip("203.0.113.7")), "20.50.1.2");
    Arrival a = p.arrival().orElseThrow();
    assertEquals(Place.INTERNET, a.place());
    assertEquals(Optional.of(ip("203.0.113.7")), a.sourceAddress());
    assertFalse(a.sourceAzureAllocated());
  }

  @Test
  void route_azureHostedClient_sourceIsAzureAllocated() {
    Path p = route(TestNet.hubAndSpokes().build(), new ClientLocation.AzureHosted(ip("20.1.2.3"), "other-tenant"), "20.50.1.2");
    assertTrue(p.arrival().orElseThrow().sourceAzureAllocated());
  }

  @Test
  void route_virtualNetworkClientToPublicAddress_leavesWithOutboundAddress() {
    ClientLocation vm =
        new ClientLocation.InVirtualNetwork(subnetId("spoke2", "app"), ip("10.2.0.4"), Optional.of(ip("20.0.0.9")), Optional.empty());
    Path p = route(TestNet.hubAndSpokes().build(), vm, "20.50.1.2");
    assertTrue(codes(p).contains(ReasonCode.INTERNET_EGRESS));
    Arrival a = p.arrival().orElseThrow();
    assertEquals(Optional.of(ip("20.0.0.9")), a.sourceAddress());
    assertTrue(a.sourceAzureAllocated());
  }

  @Test
  void route_virtualNetworkClientWithoutKnownPublicAddress_sourceUnknownButAzure() {
    Path p = route(TestNet.hubAndSpokes().build(), inSubnet("spoke2", "app", "10.2.0.4"), "20.50.1.2");
    Arrival a = p.arrival().orElseThrow();
    assertEquals(Optional.empty(), a.sourceAddress());
    assertTrue(a.sourceAzureAllocated());
  }

  @Test
  void route_userRouteNone_blackholesServerSubnet() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt-app", Route.of("drop-db", prefix("10.1.1.0/28"), NextHopType.NONE))
            .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-app")))
            .build();
    Path p = route(n, inSubnet("spoke1", "app2", "10.1.2.4"), "10.1.1.4");
    assertEquals(ReasonCode.ROUTE_NONE, blockedBy(p));
    assertEquals(ReasonCode.USER_DEFINED_ROUTE, p.verdict().steps().get(0).code());
  }

  /** The hub-and-spoke network of AZURE-FACTS 7.1 with an NVA at 10.0.1.4 and spoke routes through it. */
  private static TestNet throughAppliance(boolean forwarding, boolean allowForwarded) {
    Route viaNva = Route.toAppliance("spokes-via-hub", prefix("10.0.0.0/8"), ip("10.0.1.4"));
    return TestNet.hubAndSpokes()
        .routeTable("rt-spoke", viaNva)
        .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-spoke")))
        .subnet("spoke2", "app2", "10.2.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-spoke")))
        .link("hub", "spoke1", f -> f.allowForwardedTraffic(allowForwarded))
        .link("spoke1", "hub", f -> f.allowForwardedTraffic(allowForwarded))
        .link("hub", "spoke2", f -> f.allowForwardedTraffic(allowForwarded))
        .link("spoke2", "hub", f -> f.allowForwardedTraffic(allowForwarded))
        .nic("nva-nic", "hub", "nva", "10.0.1.4", forwarding);
  }

  @Test
  void route_spokeToSpokeThroughHubAppliance_connectedBothWays() {
    Network n = throughAppliance(true, true).build();
    Path there = route(n, inSubnet("spoke1", "app2", "10.1.2.4"), "10.2.2.4");
    assertEquals(Disposition.ALLOWED, there.verdict().disposition(), there.verdict().toString());
    assertTrue(codes(there).contains(ReasonCode.APPLIANCE_FORWARDED));
    assertEquals(3, there.hops().size());
    assertEquals(ip("10.0.1.4"), there.hops().get(1).address());
    assertEquals(Optional.of(TestNet.id(NetworkInterface.RESOURCE_TYPE, "nva-nic")), there.hops().get(1).networkInterface());
    Path back = route(n, inSubnet("spoke2", "app2", "10.2.2.4"), "10.1.2.4");
    assertEquals(Disposition.ALLOWED, back.verdict().disposition(), back.verdict().toString());
  }

  @Test
  void route_applianceWithoutForwarding_drops() {
    assertEquals(
        ReasonCode.APPLIANCE_NOT_FORWARDING,
        blockedBy(route(throughAppliance(false, true).build(), inSubnet("spoke1", "app2", "10.1.2.4"), "10.2.2.4")));
  }

  @Test
  void route_receivingSideRefusesForwardedTraffic_drops() {
    assertEquals(
        ReasonCode.FORWARDED_TRAFFIC_NOT_ALLOWED,
        blockedBy(route(throughAppliance(true, false).build(), inSubnet("spoke1", "app2", "10.1.2.4"), "10.2.2.4")));
  }

  @Test
  void route_applianceAddressHeldByNoInterface_applianceUnknown() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.99")))
            .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
            .peer("hub", "spoke1")
            .build();
    assertEquals(ReasonCode.APPLIANCE_UNKNOWN, blockedBy(route(n, inSubnet("spoke1", "app2", "10.1.2.4"), "20.1.1.1")));
  }

  // ---- issue 7: forced tunnelling to an appliance that has no path to the internet.
  @Test
  void route_forcedTunnelToApplianceWithoutInternetPath_doesNotReachPublicEndpoint() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt-force", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.4")))
            .routeTable("rt-nva", Route.of("no-internet", Ipv4Prefix.ALL, NextHopType.NONE))
            .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-force")))
            .subnet("hub", "nva2", "10.0.3.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-nva")))
            .peer("hub", "spoke1")
            .nic("nva", "hub", "nva2", "10.0.3.4", true)
            .build();
    Network withNvaAt34 = n;
    Path p =
        Reachability.of(withNvaAt34, CURRENT)
            .route(inSubnet("spoke1", "app2", "10.1.2.4"), ip("20.50.1.2"));
    // The forced tunnel points at 10.0.1.4, which no interface holds here: dropped before the internet.
    assertEquals(Disposition.BLOCKED, p.verdict().disposition());
    Network fixed =
        TestNet.hubAndSpokes()
            .routeTable("rt-force", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.3.4")))
            .routeTable("rt-nva", Route.of("no-internet", Ipv4Prefix.ALL, NextHopType.NONE))
            .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-force")))
            .subnet("hub", "nva2", "10.0.3.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-nva")))
            .peer("hub", "spoke1")
            .nic("nva", "hub", "nva2", "10.0.3.4", true)
            .build();
    Path q = Reachability.of(fixed, CURRENT).route(inSubnet("spoke1", "app2", "10.1.2.4"), ip("20.50.1.2"));
    assertEquals(ReasonCode.ROUTE_NONE, blockedBy(q));
    assertTrue(codes(q).contains(ReasonCode.APPLIANCE_FORWARDED));
  }

  @Test
  void route_forcedTunnelToApplianceWithInternetPath_leavesFromApplianceAddress() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt-force", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.4")))
            .subnet("spoke1", "app2", "10.1.2.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-force")))
            .peer("hub", "spoke1")
            .nic("nva-nic", "hub", "nva", "10.0.1.4", true)
            .build();
    Path p = route(n, inSubnet("spoke1", "app2", "10.1.2.4"), "20.50.1.2");
    assertEquals(Disposition.ALLOWED, p.verdict().disposition(), p.verdict().toString());
    assertTrue(codes(p).contains(ReasonCode.APPLIANCE_FORWARDED));
    assertTrue(codes(p).contains(ReasonCode.INTERNET_EGRESS));
  }

  @Test
  void route_appliancesPointingAtEachOther_routingLoop() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt-a", Route.toAppliance("to-b", prefix("10.2.0.0/16"), ip("10.0.3.4")))
            .routeTable("rt-b", Route.toAppliance("to-a", prefix("10.2.0.0/16"), ip("10.0.4.4")))
            .subnet("hub", "a", "10.0.4.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-a")))
            .subnet("hub", "b", "10.0.3.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt-b")))
            .nic("nva-a", "hub", "a", "10.0.4.4", true)
            .nic("nva-b", "hub", "b", "10.0.3.4", true)
            .build();
    assertEquals(ReasonCode.ROUTING_LOOP, blockedBy(route(n, inSubnet("hub", "a", "10.0.4.9"), "10.2.0.4")));
  }

  // ---- AZURE-FACTS 5.8: a user route overrides a private endpoint's /32 only with route-table policies and a prefix at least as long as the VNet's.
  @Test
  void selectRoute_privateEndpointRoute_overriddenOnlyWithPoliciesAndSpecificPrefix() {
    for (PrivateEndpointNetworkPolicies policy : PrivateEndpointNetworkPolicies.values()) {
      Network n =
          TestNet.hubAndSpokes()
              .routeTable(
                  "rt",
                  Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.4")),
                  Route.toAppliance("vnet-wide", prefix("10.1.0.0/16"), ip("10.0.1.4")))
              .subnet("hub", "clients", "10.0.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
              .subnet("spoke1", "pe", "10.1.3.0/24", s -> s.privateEndpointNetworkPolicies(policy))
              .peer("hub", "spoke1")
              .nic("nva-nic", "hub", "nva", "10.0.1.4", true)
              .build();
      Reachability r =
          Reachability.of(n, CURRENT, ImmutableSetMultimap.of(subnetId("spoke1", "pe"), ip("10.1.3.5")));
      EffectiveRoute chosen = r.selectRoute(subnetId("hub", "clients"), ip("10.1.3.5"));
      if (policy.appliesRouteTable()) {
        assertEquals("vnet-wide", chosen.name(), policy.toString());
      } else {
        assertEquals(RouteSource.PRIVATE_ENDPOINT, chosen.source(), policy.toString());
      }
      // The 0.0.0.0/0 route never overrides the endpoint's /32, whatever the policy.
      Network onlyDefault =
          TestNet.hubAndSpokes()
              .routeTable("rt", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.4")))
              .subnet("hub", "clients", "10.0.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
              .subnet("spoke1", "pe", "10.1.3.0/24", s -> s.privateEndpointNetworkPolicies(policy))
              .peer("hub", "spoke1")
              .build();
      EffectiveRoute d =
          Reachability.of(onlyDefault, CURRENT, ImmutableSetMultimap.of(subnetId("spoke1", "pe"), ip("10.1.3.5")))
              .selectRoute(subnetId("hub", "clients"), ip("10.1.3.5"));
      assertEquals(RouteSource.PRIVATE_ENDPOINT, d.source(), policy.toString());
    }
  }

  @Test
  void route_privateEndpointWithAndWithoutRouteTablePolicy() {
    for (boolean policies : new boolean[] {false, true}) {
      Network n =
          TestNet.hubAndSpokes()
              .routeTable("rt", Route.of("drop-spoke", prefix("10.1.0.0/16"), NextHopType.NONE))
              .subnet("hub", "clients", "10.0.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
              .subnet(
                  "spoke1",
                  "pe",
                  "10.1.3.0/24",
                  s -> s.privateEndpointNetworkPolicies(policies ? PrivateEndpointNetworkPolicies.ENABLED : PrivateEndpointNetworkPolicies.DISABLED))
              .peer("hub", "spoke1")
              .build();
      Path p =
          Reachability.of(n, CURRENT, ImmutableSetMultimap.of(subnetId("spoke1", "pe"), ip("10.1.3.5")))
              .route(inSubnet("hub", "clients", "10.0.5.4"), ip("10.1.3.5"));
      if (policies) {
        assertEquals(ReasonCode.ROUTE_NONE, blockedBy(p));
      } else {
        assertEquals(Disposition.ALLOWED, p.verdict().disposition(), p.verdict().toString());
      }
    }
  }

  @Test
  void effectiveRoutes_listsSystemAndUserRoutesMostSpecificFirst() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt", Route.of("blackhole", prefix("10.2.0.0/16"), NextHopType.NONE))
            .subnet("hub", "clients", "10.0.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
            .peer("hub", "spoke1")
            .build();
    List<EffectiveRoute> routes = Reachability.of(n, CURRENT).effectiveRoutes(subnetId("hub", "clients"));
    for (int i = 1; i < routes.size(); i++) {
      assertTrue(routes.get(i - 1).addressPrefix().length() >= routes.get(i).addressPrefix().length());
    }
    assertTrue(routes.stream().anyMatch(r -> r.source() == RouteSource.PEERING && r.addressPrefix().equals(prefix("10.1.0.0/16"))));
    assertTrue(routes.stream().anyMatch(r -> r.source() == RouteSource.VIRTUAL_NETWORK_GATEWAY && r.addressPrefix().equals(prefix("192.168.0.0/16"))));
    assertTrue(routes.stream().anyMatch(r -> r.source() == RouteSource.USER));
    assertEquals(NextHopType.INTERNET, routes.get(routes.size() - 1).nextHopType());
  }

  @Test
  void selectRoute_virtualNetworkSpaceEqualToNoneRange_virtualNetworkWins() {
    Network n = new TestNet().vnet("big", "westeurope", "10.0.0.0/8").subnet("big", "a", "10.0.0.0/24").build();
    EffectiveRoute r = Reachability.of(n, CURRENT).selectRoute(subnetId("big", "a"), ip("10.200.0.1"));
    assertEquals(NextHopType.VNET_LOCAL, r.nextHopType());
  }

  @Test
  void virtualNetworkServiceTag_coversOwnConnectedPeersAndGatewayPrefixes() {
    Network n =
        TestNet.hubAndSpokes()
            .peer("hub", "spoke1")
            .link("hub", "spoke2", f -> f.allowVirtualNetworkAccess(false))
            .link("spoke2", "hub", f -> {})
            .link("hub", "spoke3", f -> {})
            .build();
    AddressSet tag = Reachability.of(n, CURRENT).virtualNetworkServiceTag(vnetId("hub"));
    assertEquals(AddressSet.parse("10.0.0.0/16, 10.1.0.0/16, 192.168.0.0/16"), tag);
  }

  @Test
  void route_unknownSubnet_throwsUnknownResource() {
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> route(TestNet.hubAndSpokes().build(), inSubnet("spoke1", "nope", "10.1.9.4"), "10.1.0.4"));
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, e.code());
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void route_clientAddressOutsideItsSubnet_throwsInvalidValue() {
    PgreachException e =
        assertThrows(
            PgreachException.class, () -> route(TestNet.hubAndSpokes().build(), inSubnet("spoke1", "app", "10.1.7.4"), "10.1.0.4"));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("10.1.7.4"), e.getMessage());
  }

  // ---- review fixes

  @Test
  void route_clientAtAnInterfacesAddress_isThatInterface() {
    Network n = TestNet.hubAndSpokes().build();
    Network withNic =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addNetworkInterfaces(
                NetworkInterface.builder().id(TestNet.id(NetworkInterface.RESOURCE_TYPE, "vm")).subnet(subnetId("spoke2", "app"))
                    .privateAddress(ip("10.2.0.4")).publicAddress(ip("20.0.0.9")).build())
            .build();
    Path p = Reachability.of(withNic, CURRENT).route(inSubnet("spoke2", "app", "10.2.0.4"), ip("20.50.1.2"));
    assertEquals(Optional.of(TestNet.id(NetworkInterface.RESOURCE_TYPE, "vm")), p.hops().get(0).networkInterface());
    assertEquals(Optional.of(ip("20.0.0.9")), p.arrival().orElseThrow().sourceAddress());
  }

  @Test
  void route_namedInterfaceAtAnotherAddress_throwsInvalidValue() {
    Network n = TestNet.hubAndSpokes().nic("vm", "spoke2", "app", "10.2.0.4", false).build();
    ClientLocation wrong =
        new ClientLocation.InVirtualNetwork(subnetId("spoke2", "app"), ip("10.2.0.5"), Optional.empty(), Optional.of(TestNet.id(NetworkInterface.RESOURCE_TYPE, "vm")));
    PgreachException e = assertThrows(PgreachException.class, () -> Reachability.of(n, CURRENT).route(wrong, ip("10.2.0.9")));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("10.2.0.5"), e.getMessage());
  }

  @Test
  void route_transitWhoseHubLinkDeniesAccess_blockedBothWays() {
    Network n =
        TestNet.hubAndSpokes()
            .link("hub", "spoke1", f -> f.allowGatewayTransit(true).allowVirtualNetworkAccess(false))
            .link("spoke1", "hub", f -> f.useRemoteGateways(true).allowVirtualNetworkAccess(false))
            .build();
    assertEquals(ReasonCode.PEERING_ACCESS_DISABLED, blockedBy(route(n, onPrem("office", "192.168.1.10"), "10.1.0.4")));
    assertEquals(ReasonCode.PEERING_ACCESS_DISABLED, blockedBy(route(n, inSubnet("spoke1", "app", "10.1.0.4"), "192.168.1.10")));
    assertEquals(AddressSet.parse("10.0.0.0/16, 10.1.0.0/16, 192.168.0.0/16").intersection(Reachability.of(n, CURRENT).virtualNetworkServiceTag(vnetId("spoke1"))),
        AddressSet.parse("10.1.0.0/16"));
  }

  @Test
  void route_transitAcrossRegionsIntoAServerSubnet_dependsOnProfile() {
    Network n =
        new TestNet()
            .vnet("hub", "westeurope", "10.0.0.0/16").subnet("hub", "GatewaySubnet", "10.0.255.0/27")
            .vnet("far", "eastus", "10.9.0.0/16").subnet("far", "pg", "10.9.1.0/28", s -> s.delegation(Subnet.FLEXIBLE_SERVER_DELEGATION))
            .link("hub", "far", f -> f.allowGatewayTransit(true)).link("far", "hub", f -> f.useRemoteGateways(true))
            .gateway("hub").onPremises("office", "192.168.0.0/16").connect("hub", "office")
            .build();
    assertEquals(ReasonCode.GLOBAL_PEERING_UNSUPPORTED,
        blockedBy(Reachability.of(n, PREVIEW).route(onPrem("office", "192.168.1.10"), ip("10.9.1.4"))));
    assertEquals(Disposition.ALLOWED, Reachability.of(n, CURRENT).route(onPrem("office", "192.168.1.10"), ip("10.9.1.4")).verdict().disposition());
  }

  private static TestNet vnetToVnet(boolean bothWays) {
    TestNet t =
        new TestNet()
            .vnet("a", "westeurope", "10.1.0.0/16").subnet("a", "app", "10.1.0.0/24")
            .vnet("b", "eastus", "10.2.0.0/16").subnet("b", "app", "10.2.0.0/24")
            .gateway("a").gateway("b");
    t.vnetToVnet("a", "b");
    if (bothWays) {
      t.vnetToVnet("b", "a");
    }
    return t;
  }

  @Test
  void route_vnetToVnetFromOneGatewayOnly_noRoute() {
    assertEquals(ReasonCode.NO_ROUTE, blockedBy(route(vnetToVnet(false).build(), inSubnet("b", "app", "10.2.0.4"), "10.1.0.4")));
    assertEquals(ReasonCode.NO_ROUTE, blockedBy(route(vnetToVnet(false).build(), inSubnet("a", "app", "10.1.0.4"), "10.2.0.4")));
    Path p = route(vnetToVnet(true).build(), inSubnet("b", "app", "10.2.0.4"), "10.1.0.4");
    assertEquals(Disposition.ALLOWED, p.verdict().disposition(), p.verdict().toString());
    assertTrue(codes(p).contains(ReasonCode.GATEWAY_CROSSED));
  }

  @Test
  void selectRoute_equalLengthUserRouteAndEndpointRoute_endpointWinsWithoutRouteTablePolicies() {
    for (PrivateEndpointNetworkPolicies policy : PrivateEndpointNetworkPolicies.values()) {
      Network n =
          TestNet.hubAndSpokes()
              .routeTable("rt", Route.of("drop-endpoint", prefix("10.1.3.5/32"), NextHopType.NONE))
              .subnet("hub", "clients", "10.0.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
              .subnet("spoke1", "pe", "10.1.3.0/24", s -> s.privateEndpointNetworkPolicies(policy))
              .peer("hub", "spoke1")
              .build();
      EffectiveRoute r =
          Reachability.of(n, CURRENT, ImmutableSetMultimap.of(subnetId("spoke1", "pe"), ip("10.1.3.5"))).selectRoute(subnetId("hub", "clients"), ip("10.1.3.5"));
      assertEquals(policy.appliesRouteTable() ? RouteSource.USER : RouteSource.PRIVATE_ENDPOINT, r.source(), policy.toString());
    }
  }

  @Test
  void selectRoute_gatewayRouteInsideTheNetworksSpace_yieldsToAMoreSpecificUserRoute() {
    Network n =
        new TestNet()
            .vnet("hub", "westeurope", "10.0.0.0/16")
            .subnet("hub", "GatewaySubnet", "10.0.255.0/27")
            .routeTable("rt", Route.of("blackhole", prefix("10.0.5.0/24"), NextHopType.NONE))
            .subnet("hub", "app", "10.0.1.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
            .gateway("hub").onPremises("office", "10.0.5.0/25").connect("hub", "office")
            .build();
    EffectiveRoute r = Reachability.of(n, CURRENT).selectRoute(subnetId("hub", "app"), ip("10.0.5.9"));
    assertEquals("blackhole", r.name());
  }

  @Test
  void route_endpointAddressOutsideItsSubnet_getsNoRoute() {
    Network n = TestNet.hubAndSpokes().subnet("spoke1", "pe", "10.1.3.0/24").peer("hub", "spoke1").build();
    Reachability r = Reachability.of(n, CURRENT, ImmutableSetMultimap.of(subnetId("spoke1", "pe"), ip("8.8.8.8")));
    assertEquals(NextHopType.INTERNET, r.selectRoute(subnetId("hub", "shared"), ip("8.8.8.8")).nextHopType());
  }

  @Test
  void virtualNetworkServiceTagOfSubnet_addsHostAddressAndUserRoutePrefixes() {
    Network n =
        TestNet.hubAndSpokes()
            .routeTable("rt", Route.toAppliance("to-nva", prefix("10.2.0.0/16"), ip("10.0.1.4")))
            .subnet("spoke1", "routed", "10.1.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
            .peer("hub", "spoke1")
            .build();
    Reachability r = Reachability.of(n, CURRENT);
    AddressSet plain = r.virtualNetworkServiceTagOfSubnet(subnetId("spoke1", "app"));
    AddressSet routed = r.virtualNetworkServiceTagOfSubnet(subnetId("spoke1", "routed"));
    assertEquals(r.virtualNetworkServiceTag(vnetId("spoke1")).union(AddressSet.parse("168.63.129.16")), plain);
    assertEquals(plain.union(AddressSet.parse("10.2.0.0/16")), routed);
    Network forced =
        TestNet.hubAndSpokes()
            .routeTable("rt", Route.toAppliance("default", Ipv4Prefix.ALL, ip("10.0.1.4")))
            .subnet("spoke1", "routed", "10.1.5.0/24", s -> s.routeTable(TestNet.id(RouteTable.RESOURCE_TYPE, "rt")))
            .build();
    assertEquals(AddressSet.ALL, Reachability.of(forced, CURRENT).virtualNetworkServiceTagOfSubnet(subnetId("spoke1", "routed")));
  }
}
