package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.arm.template.Deployment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A resource Azure would refuse is left out, and reported, instead of failing the whole read. */
class LeavingOutRefusedTest {
  private static final String RG = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a001/resourceGroups/rg-data/providers/";
  private static final String SERVER =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/shop-db\", \"name\": \"shop-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\","
          + " \"location\": \"westeurope\", \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}}";
  private static final String BAD_RULE =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/shop-db/firewallRules/typo\", \"name\": \"typo\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
          + " \"properties\": {\"startIpAddress\": \"203.0.113.300\", \"endIpAddress\": \"203.0.113.255\"}}";
  private static final String GOOD_RULE =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/shop-db/firewallRules/office\", \"name\": \"office\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
          + " \"properties\": {\"startIpAddress\": \"203.0.113.0\", \"endIpAddress\": \"203.0.113.255\"}}";
  private static final String BAD_ZONE =
      "{\"id\": \"" + RG + "Microsoft.Network/privateDnsZones/onelabel\", \"name\": \"onelabel\", \"type\": \"Microsoft.Network/privateDnsZones\", \"location\": \"global\", \"properties\": {}}";
  private static final String DOCUMENT = "[" + SERVER + ", " + BAD_RULE + ", " + GOOD_RULE + ", " + BAD_ZONE + "]";
  private static final Companion COMPANION =
      Companion.parse("{\"complete\": true, \"clients\": [{\"name\": \"office\", \"location\": {\"internet\": \"203.0.113.9\"}}, {\"name\": \"home\", \"location\": {\"internet\": \"198.51.100.23\"}}]}");

  @Test
  void theStrictRead_refusesTheDocument_namingEveryProblem() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(DOCUMENT, COMPANION));
    assertTrue(e.getMessage().contains("$[1].properties.startIpAddress"), e.getMessage());
  }

  @Test
  void leavingOutRefused_readsTheRest_reportsEachRefusal_andAnswersWhatNoLongerDependsOnThem() {
    ArmImport read = ArmImport.readLeavingOutRefused(List.of(ArmDocument.of("export.json", DOCUMENT)), COMPANION, Deployment.none());

    assertEquals(2, read.refused().size(), read.refused()::toString);
    assertTrue(read.refused().get(0).getMessage().startsWith("$[1].properties.startIpAddress"), read.refused()::toString);
    assertEquals(ErrorCode.INVALID_DNS_NAME, read.refused().get(1).code(), read.refused()::toString);
    ResourceId server = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/shop-db");
    assertEquals(1, read.estate().firewallRulesOf(server).size(), "the good rule is read");

    Instant at = Instant.parse("2026-11-24T12:00:00Z");
    Connectivity c = Connectivity.of(read.estate());
    Connection office = c.connect(read.estate().client("office"), "shop-db.postgres.database.azure.com", 5432, at);
    assertEquals(Disposition.ALLOWED, office.disposition(), office::explanation);
    // The refused rule might have admitted home: left out, it is not known, never "no rule".
    Connection home = c.connect(read.estate().client("home"), "shop-db.postgres.database.azure.com", 5432, at);
    assertEquals(Disposition.INDETERMINATE, home.disposition(), home::explanation);
  }
}
