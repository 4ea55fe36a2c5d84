package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Inventory;
import dev.pgreach.core.ResourceId;
import org.junit.jupiter.api.Test;

/**
 * A private endpoint listed without its properties (a plan whose service connection is known only
 * after apply, a list row): which server it connects to is not known, so no server's private
 * endpoint connections are known in full, even in an input declared complete — public DNS may
 * point any server's name into privatelink.postgres.database.azure.com.
 */
class EndpointWithoutPropertiesTest {
  private static final String RG = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a003/resourceGroups/rg-data/providers/";
  private static final String SERVER =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/ledger-db\", \"name\": \"ledger-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\","
          + " \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}}";
  private static final String ENDPOINT =
      "{\"id\": \"" + RG + "Microsoft.Network/privateEndpoints/pe-ledger\", \"name\": \"pe-ledger\", \"type\": \"Microsoft.Network/privateEndpoints\", \"location\": \"westeurope\", \"properties\": null}";
  private static final ResourceId LEDGER = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/ledger-db");

  @Test
  void anEndpointWithoutProperties_leavesEveryServersConnectionsOpen_whateverIsDeclared() {
    ArmImport read = ArmImport.read("[" + SERVER + ", " + ENDPOINT + "]", Companion.parse("{\"complete\": true}"));
    assertFalse(read.estate().coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, LEDGER), read.notes()::toString);
  }

  @Test
  void withoutSuchAnEndpoint_theDeclarationHolds() {
    ArmImport read = ArmImport.read("[" + SERVER + "]", Companion.parse("{\"complete\": true}"));
    assertTrue(read.estate().coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, LEDGER));
  }
}
