package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.Estate;
import org.junit.jupiter.api.Test;

/** Conflicts in the input are input errors at their path, and ids compare ignoring case. */
class InputConflictsTest {
  private static final String SUB = "/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/";

  private static String server(String group) {
    return """
        {"id": "%1$sMicrosoft.DBforPostgreSQL/flexibleServers/orders-db", "type": "Microsoft.DBforPostgreSQL/flexibleServers", "location": "westeurope",
         "properties": {"network": {"publicNetworkAccess": "Enabled"}}}"""
        .formatted(SUB + group + "/providers/");
  }

  @Test
  void read_twoServersOfOneNameInTwoGroupsWithLabelsByIdInTheCompanion_isADuplicateAtTheSecondLabel() {
    String resources = "[" + server("rg1") + ", " + server("rg2") + "]";
    String companion =
        """
        {"servers": [
          {"id": "%1$srg1/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-db", "publicEndpointLabel": "rs-1"},
          {"id": "%1$srg2/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-db", "publicEndpointLabel": "rs-2"}]}
        """
            .formatted(SUB);
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(resources, Companion.parse(companion)));
    assertTrue(e.getMessage().contains("companion $.servers[1].publicEndpointLabel (\"rs-2\")"), e.getMessage());
    assertTrue(e.getMessage().contains(ErrorCode.DUPLICATE_RESOURCE.toString()) || e.code() == ErrorCode.DUPLICATE_RESOURCE, e.getMessage());
    assertTrue(!e.getMessage().contains("Multiple entries"), e.getMessage());
  }

  @Test
  void export_endpointNamingItsServerInUpperCase_writesTheServersOwnName() {
    String resources =
        ArmImportErrorsTest.BASE.replace(
            "\"privateLinkServiceId\": \"" + SUB + "rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-db\"",
            "\"privateLinkServiceId\": \"" + SUB.toUpperCase(java.util.Locale.ROOT) + "RG/providers/Microsoft.DBforPostgreSQL/flexibleServers/ORDERS-DB\"");
    assertTrue(resources.contains("ORDERS-DB"), "the endpoint names the server in upper case");
    Estate estate = ArmImport.read(resources, Companion.parse(ArmImportErrorsTest.COMPANION)).estate();
    assertEquals(estate.network().flexibleServers().get(0).id(), estate.privateEndpoints().get(0).targetServer());
    ArmExport out = ArmExport.write(estate);
    assertTrue(out.resourcesJson().contains("orders-db.postgres.database.azure.com"), out.resourcesJson());
    Estate again = ArmImport.read(out.resourcesJson(), Companion.parse(out.companion().toJson())).estate();
    assertEquals(estate.privateEndpoints().get(0).targetServer(), again.privateEndpoints().get(0).targetServer());
  }
}
