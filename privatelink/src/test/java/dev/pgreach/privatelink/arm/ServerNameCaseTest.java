package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import org.junit.jupiter.api.Test;

/** Server names written with capitals name the lower-case server Azure created. */
class ServerNameCaseTest {
  private static final String RG = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a001/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/";

  private static String server(String name) {
    return "{\"id\": \"" + RG + name + "\", \"name\": \"" + name + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\","
        + " \"properties\": {\"version\": \"16\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}}";
  }

  @Test
  void aServerNameWithCapitals_isReadInLowerCaseWithANote_andItsChildrenStayItsOwn() {
    String rule =
        "{\"id\": \"" + RG + "Orders-DB/firewallRules/office\", \"name\": \"office\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
            + " \"properties\": {\"startIpAddress\": \"203.0.113.0\", \"endIpAddress\": \"203.0.113.255\"}}";
    ArmImport read = ArmImport.read("[" + server("Orders-DB") + ", " + rule + "]");

    FlexibleServer s = read.estate().network().flexibleServers().get(0);
    assertEquals("orders-db", s.id().name());
    assertEquals("orders-db.postgres.database.azure.com", s.name().fullyQualifiedDomainName());
    assertEquals(1, read.estate().firewallRulesOf(s.id()).size());
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$[0]: server Orders-DB is written with capitals") && n.contains("read as orders-db")), read.notes()::toString);
  }

  @Test
  void aServerNameInvalidInAnyCase_isStillRefusedAtItsResource() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read("[" + server("Orders_DB") + "]"));
    assertEquals(ErrorCode.INVALID_SERVER_NAME, e.code());
    assertTrue(e.getMessage().startsWith("$[0]"), e.getMessage());
  }
}
