package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Network;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ServiceProfile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Azure's preview migration of a VNet-integrated server to the private-endpoint-capable public
 * access mode: a migration under {@code current}, forbidden under {@code preview2021}, and the
 * reverse forbidden under both.
 */
class NetworkMigrationTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  /** The sample estate with orders-db (VNet-integrated) as a public-access server with public access disabled, as the migration leaves it. */
  private static Estate migrated() {
    Network n = SAMPLE.network();
    Network.Builder b =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks())
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllRouteTables(n.routeTables())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks());
    for (FlexibleServer s : n.flexibleServers()) {
      if (s.name().toString().equals("orders-db")) {
        b.addFlexibleServers(FlexibleServer.builder().id(s.id()).region(s.region()).publicNetworkAccess(PublicNetworkAccess.DISABLED).build());
      } else {
        b.addFlexibleServers(s);
      }
    }
    return SAMPLE.withNetwork(b.build());
  }

  private static List<FindingCode> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void compare_vnetIntegratedServerBecomesPublicAccessUnderCurrent_isAMigrationNotAForbiddenChange() {
    Comparison c = Comparison.of(SAMPLE, migrated(), ServiceProfile.current(), SampleEstate.INSTANT);
    assertEquals(List.of(), codes(c.forbiddenChanges()), c.forbiddenChanges().toString());
    assertEquals(List.of(FindingCode.NETWORKING_MODE_MIGRATION_REQUIRED), codes(c.migrations()));
    String message = c.migrations().get(0).message();
    for (String says : List.of("migrate-network", "delegated subnet pg", "orders-db.private.postgres.database.azure.com", "private endpoint or firewall rules", "DISABLED")) {
      assertTrue(message.contains(says), "should say " + says + ": " + message);
    }
    assertTrue(
        c.accessChanges().stream().anyMatch(a -> a.client().equals("orders-api") && a.server().name().equals("orders-db") && a.isLoss()),
        "until an endpoint or firewall rules exist, nobody reaches it: " + c.accessChanges());
  }

  @Test
  void compare_vnetIntegratedServerBecomesPublicAccessUnderPreview2021_staysForbidden() {
    Comparison c = Comparison.of(SAMPLE, migrated(), ServiceProfile.preview2021(), SampleEstate.INSTANT);
    assertEquals(List.of(FindingCode.NETWORKING_MODE_CHANGED), codes(c.forbiddenChanges()));
    assertEquals(List.of(), c.migrations());
  }

  @Test
  void compare_publicAccessServerBecomesVnetIntegrated_staysForbiddenUnderEveryProfile() {
    for (ServiceProfile profile : List.of(ServiceProfile.current(), ServiceProfile.preview2021())) {
      Comparison c = Comparison.of(migrated(), SAMPLE, profile, SampleEstate.INSTANT);
      assertEquals(List.of(FindingCode.NETWORKING_MODE_CHANGED), codes(c.forbiddenChanges()), profile.name());
      assertEquals(List.of(), c.migrations(), profile.name());
    }
  }

  @Test
  void profiles_onlyCurrentHasTheMigration() {
    assertTrue(ServiceProfile.current().vnetToPrivateEndpointMigration());
    assertTrue(!ServiceProfile.preview2021().vnetToPrivateEndpointMigration());
  }
}
