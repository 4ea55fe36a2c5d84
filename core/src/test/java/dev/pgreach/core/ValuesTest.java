package dev.pgreach.core;

import static dev.pgreach.core.TestNet.id;
import static dev.pgreach.core.TestNet.ip;
import static dev.pgreach.core.TestNet.prefix;
import static dev.pgreach.core.TestNet.subnetId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void resourceId_caseInsensitiveEqualityKeepsText() {
    ResourceId a = ResourceId.parse("/subscriptions/S/resourceGroups/Net/providers/Microsoft.Network/virtualNetworks/Hub");
    ResourceId b = ResourceId.parse("/SUBSCRIPTIONS/s/RESOURCEGROUPS/net/PROVIDERS/microsoft.network/VIRTUALNETWORKS/hub");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(0, a.compareTo(b));
    assertEquals("/subscriptions/S/resourceGroups/Net/providers/Microsoft.Network/virtualNetworks/Hub", a.toString());
    assertEquals("Hub", a.name());
    assertEquals("S", a.subscriptionId());
    assertEquals("Net", a.resourceGroup());
  }

  @Test
  void resourceId_childAndParent_roundTrip() {
    ResourceId vnet = TestNet.vnetId("hub");
    ResourceId subnet = vnet.child("subnets", "db");
    assertEquals("Microsoft.Network/virtualNetworks/subnets", subnet.type());
    assertEquals(Optional.of(vnet), subnet.parent());
    assertEquals(Optional.empty(), vnet.parent());
    assertTrue(subnet.isOfType(Subnet.RESOURCE_TYPE.toUpperCase(java.util.Locale.ROOT)));
    assertFalse(ResourceId.isValid("/subscriptions/x"));
    assertEquals(Optional.empty(), ResourceId.tryParse(null));
  }

  @Test
  void region_displayNameNormalised() {
    assertEquals(Region.parse("westeurope"), Region.parse("West Europe"));
    assertEquals("eastus2", Region.parse("East US 2").name());
  }

  @Test
  void tlsVersion_parsesCommonSpellings() {
    for (String s : List.of("TLSv1.2", "tls1.2", "TLS1_2", "TLS_1_2", "1.2")) {
      assertEquals(TlsVersion.TLS_1_2, TlsVersion.parse(s), s);
    }
    assertEquals(TlsVersion.TLS_1_0, TlsVersion.parse("TLSv1"));
    assertEquals("TLSv1.3", TlsVersion.TLS_1_3.parameterValue());
    assertEquals(Optional.empty(), TlsVersion.tryParse("1.4"));
  }

  @Test
  void subnet_reservedAddresses_areFirstFourAndLast() {
    Subnet s = Subnet.builder().id(subnetId("v", "s")).addressPrefix(prefix("10.0.1.0/28")).build();
    assertEquals(AddressSet.parse("10.0.1.0-10.0.1.3, 10.0.1.15"), s.reservedAddresses());
    assertEquals(11, s.usableAddressCount());
    assertEquals(PrivateEndpointNetworkPolicies.DISABLED, s.privateEndpointNetworkPolicies());
  }

  @Test
  void privateEndpointNetworkPolicies_applyAsDocumented() {
    assertFalse(PrivateEndpointNetworkPolicies.DISABLED.appliesNetworkSecurityGroup());
    assertFalse(PrivateEndpointNetworkPolicies.DISABLED.appliesRouteTable());
    assertTrue(PrivateEndpointNetworkPolicies.ENABLED.appliesNetworkSecurityGroup());
    assertTrue(PrivateEndpointNetworkPolicies.ENABLED.appliesRouteTable());
    assertTrue(PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED.appliesNetworkSecurityGroup());
    assertFalse(PrivateEndpointNetworkPolicies.NETWORK_SECURITY_GROUP_ENABLED.appliesRouteTable());
    assertFalse(PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED.appliesNetworkSecurityGroup());
    assertTrue(PrivateEndpointNetworkPolicies.ROUTE_TABLE_ENABLED.appliesRouteTable());
  }

  @Test
  void flexibleServer_defaultsFollowNetworkingMode() {
    FlexibleServer pub = FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).build();
    assertEquals(NetworkingMode.PUBLIC_ACCESS, pub.networkingMode());
    assertEquals(PublicNetworkAccess.ENABLED, pub.publicNetworkAccess());
    assertTrue(pub.requireSecureTransport());
    assertEquals(TlsVersion.TLS_1_2, pub.sslMinProtocolVersion());
    assertEquals("orders.postgres.database.azure.com", pub.fullyQualifiedDomainName());
    FlexibleServer priv =
        FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).delegatedSubnet(subnetId("v", "db")).build();
    assertEquals(NetworkingMode.PRIVATE_ACCESS, priv.networkingMode());
    assertEquals(PublicNetworkAccess.DISABLED, priv.publicNetworkAccess());
    assertTrue(priv.isVnetIntegrated());
  }

  @Test
  void flexibleServer_listensOn5432AndPgBouncerPortOnlyWhenOffered() {
    FlexibleServer.Builder base = FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope"));
    FlexibleServer plain = base.build();
    assertTrue(plain.listensOn(5432));
    assertFalse(plain.listensOn(6432));
    FlexibleServer bouncer =
        FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).pgBouncerEnabled(true).build();
    assertTrue(bouncer.listensOn(6432));
    FlexibleServer burstable =
        FlexibleServer.builder().id(id(FlexibleServer.RESOURCE_TYPE, "orders")).region(Region.parse("westeurope")).pgBouncerEnabled(true).tier(ServerTier.BURSTABLE).build();
    assertFalse(burstable.listensOn(6432));
    assertFalse(plain.listensOn(5433));
  }

  @Test
  void client_defaultsToModernTlsAndEmptySetMeansNoTls() {
    Client c = Client.builder().name("app").location(new ClientLocation.Internet(ip("203.0.113.1"))).build();
    assertEquals(ImmutableSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), c.tlsVersions());
    assertTrue(c.usesTls());
    Client plain = Client.builder().name("app").location(new ClientLocation.Internet(ip("203.0.113.1"))).tlsVersions(ImmutableSet.of()).build();
    assertFalse(plain.usesTls());
  }

  @Test
  void serviceProfile_namedProfilesDifferWhereTheSeedsAndTodayDisagree() {
    ServiceProfile preview = ServiceProfile.preview2021();
    ServiceProfile current = ServiceProfile.current();
    assertEquals(preview, ServiceProfile.named("PREVIEW2021"));
    assertEquals(current, ServiceProfile.named("current"));
    assertFalse(preview.globalPeeringToVnetIntegratedServers());
    assertTrue(current.globalPeeringToVnetIntegratedServers());
    assertFalse(preview.supportsTls(TlsVersion.TLS_1_3));
    assertTrue(current.supportsTls(TlsVersion.TLS_1_3));
    for (ServiceProfile p : List.of(preview, current)) {
      assertFalse(p.supportsTls(TlsVersion.TLS_1_0), p.name());
      assertFalse(p.supportsTls(TlsVersion.TLS_1_1), p.name());
      assertEquals(java.time.Duration.ofMinutes(5), p.firewallPropagationDelay());
    }
    assertTrue(preview.privateEndpointsRequireSingleInstance() && preview.privateEndpointsForbidReplicas()
        && preview.privateEndpointsForbidPointInTimeRestore() && preview.privateEndpointsForbidPublicAccess()
        && preview.privateEndpointsBlockNameReuse());
    assertFalse(current.privateEndpointsRequireSingleInstance() || current.privateEndpointsForbidReplicas()
        || current.privateEndpointsForbidPointInTimeRestore() || current.privateEndpointsForbidPublicAccess()
        || current.privateEndpointsBlockNameReuse());
    assertNotEquals(preview, current);
    assertEquals("current", current.toString());
  }

  @Test
  void finding_sortsByResourceThenCode() {
    Finding b = Finding.of(FindingCode.SUBNETS_OVERLAP, "b", "f", "v", "m");
    Finding a2 = Finding.of(FindingCode.SUBNETS_OVERLAP, "a", "f", "v", "m");
    Finding a1 = Finding.of(FindingCode.ADDRESS_SPACES_OVERLAP, "a", "f", "v", "m");
    assertEquals(List.of(a1, a2, b), com.google.common.collect.ImmutableList.sortedCopyOf(List.of(b, a2, a1)));
    assertEquals(Severity.ERROR, a1.severity());
    assertTrue(a1.toString().startsWith("ERROR ADDRESS_SPACES_OVERLAP a.f (v)"));
  }

  @Test
  void exception_fromGeneratedBuilder_namesTheAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> Subnet.builder().id(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertEquals("attribute 'id' must not be null", e.getMessage());
  }
}
