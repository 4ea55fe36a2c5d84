package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user gets from partial inputs, in the shapes real exports have: references outside the
 * input, inventories the input does not hold, settings it does not show, values a front end could
 * not know. Answers that depend on what is missing are indeterminate, naming it; answers that do
 * not are given.
 */
class OpenWorldImportTest {
  private static final String SUB = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a001";
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String document(String name) {
    try (InputStream in = OpenWorldImportTest.class.getResourceAsStream("openworld/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Connection connect(ArmImport read, String client, String target) {
    Estate e = read.estate();
    return Connectivity.of(e).connect(e.client(client), target, 5432, AT);
  }

  private static Step decidingUnknown(Connection c) {
    return c.steps().stream().filter(s -> s.effect() == StepEffect.UNKNOWN).findFirst().orElseThrow(() -> new AssertionError(c.explanation()));
  }

  @Test
  void serverGetWithItsSubnetOutsideTheInput_isReadAndAnsweredWhereTheAnswerDoesNotDependOnIt() {
    ArmImport read = ArmImport.read(document("server-get-vnet-integrated.json"), Companion.parse("{\"clients\": [{\"name\": \"laptop\", \"location\": {\"internet\": \"198.51.100.7\"}}]}"));

    FlexibleServer s = read.estate().network().flexibleServers().get(0);
    assertEquals(NetworkingMode.PRIVATE_ACCESS, s.networkingMode());
    ResourceId subnet = ResourceId.parse(SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-data/subnets/snet-pg");
    assertTrue(read.estate().coverage().isOutsideInput(subnet));
    assertTrue(read.estate().coverage().outsideInput().get(subnet).contains("delegated subnet of server ledger-db"), read.estate().coverage().outsideInput()::toString);
    assertTrue(
        read.notes().stream().anyMatch(n -> n.startsWith(subnet + " is outside the input (") && n.contains("delegated subnet of server ledger-db")),
        read.notes()::toString);
    // From the internet a VNet-integrated server's name has no public answer, whatever its subnet holds.
    Connection c = connect(read, "laptop", "ledger-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c::explanation);
    assertEquals(ReasonCode.DNS_NXDOMAIN, c.verdict().blockingStep().orElseThrow().code());
  }

  @Test
  void serverWithPropertiesNullOrMissing_hasEverySettingUnknownAndIsNeverReadAsPublic() {
    ArmImport read = ArmImport.read(document("server-list-properties-null.json"), Companion.parse("{\"clients\": [{\"name\": \"laptop\", \"location\": {\"internet\": \"198.51.100.7\"}}]}"));

    for (FlexibleServer s : read.estate().network().flexibleServers()) {
      assertEquals(NetworkingMode.UNKNOWN, s.networkingMode(), s::toString);
      assertFalse(s.hasPublicEndpoint());
      assertFalse(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS));
      assertFalse(s.isKnown(ServerSetting.REQUIRE_SECURE_TRANSPORT));
    }
    FlexibleServer ledger = read.estate().network().flexibleServers().get(0);
    assertTrue(ledger.isKnown(ServerSetting.TIER), "the sku is outside properties and is read");
    assertEquals(ServerTier.BURSTABLE, ledger.tier());
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$.value[0]: server ledger-db has no properties")), read.notes()::toString);
    Connection c = connect(read, "laptop", "ledger-db.postgres.database.azure.com");
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.SETTING_UNKNOWN, decidingUnknown(c).code());
  }

  @Test
  void firewallRulesOfAServerOutsideTheInput_areKeptForIt() {
    ArmImport read = ArmImport.read(document("firewall-rule-list.json"));

    ResourceId server = ResourceId.parse(SUB + "/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/shop-db");
    assertTrue(read.estate().coverage().isOutsideInput(server));
    assertEquals(2, read.estate().firewallRulesOf(server).size());
    assertTrue(read.estate().network().flexibleServers().isEmpty());
    assertFalse(read.estate().firewallRulesComplete(server), "a server outside the input has no inventory known in full");
  }

  @Test
  void aServersOwnApprovedConnectionToAnEndpointOutsideTheInput_isAWayIn() {
    ArmImport read = ArmImport.read(document("server-with-endpoint-connections.json"), Companion.parse("{\"clients\": [{\"name\": \"laptop\", \"location\": {\"internet\": \"198.51.100.7\"}}]}"));

    List<PrivateEndpointConnection> connections = read.estate().privateEndpointConnections();
    assertEquals(1, connections.size());
    assertEquals(PrivateEndpointConnectionState.APPROVED, connections.get(0).state());
    assertTrue(read.estate().coverage().isOutsideInput(connections.get(0).privateEndpoint()));
    assertTrue(read.estate().dnsEstate().hasPrivateEndpoint(connections.get(0).server()), "public DNS points the name into privatelink");
    assertTrue(read.estate().coverage().isComplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, connections.get(0).server()), "the server's own list is its whole list");
    // From the internet: the public endpoint admits nothing (publicNetworkAccess Disabled), whatever the endpoint does.
    Connection c = connect(read, "laptop", "shop-db.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c::explanation);
    assertEquals(ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED, c.verdict().blockingStep().orElseThrow().code());
  }

  @Test
  void aResourceGraphServerWithoutItsFirewallRules_isUndecidedAtThePublicEndpointNotUnreachable() {
    Companion companion =
        Companion.parse(
            "{\"clients\": [{\"name\": \"laptop\", \"location\": {\"internet\": \"198.51.100.7\"}}],"
                + " \"servers\": [{\"name\": \"shop-db\", \"publicAddress\": \"20.61.10.5\"}]}");
    ArmImport read = ArmImport.read(document("graph-servers-no-rules.json"), companion);

    Connection c = connect(read, "laptop", "20.61.10.5");
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.NOT_OBSERVED, decidingUnknown(c).code());
    assertTrue(decidingUnknown(c).reason().contains("firewall rule of shop-db"), decidingUnknown(c)::reason);

    ArmImport declared = ArmImport.read(document("graph-servers-no-rules.json"), Companion.parse(companion.toJson().replace("\"clients\"", "\"complete\": [\"firewallRules\"], \"clients\"")));
    Connection d = connect(declared, "laptop", "20.61.10.5");
    assertEquals(Disposition.BLOCKED, d.disposition(), d::explanation);
    assertEquals(ReasonCode.FIREWALL_NO_RULE_MATCHED, d.verdict().blockingStep().orElseThrow().code());
  }

  @Test
  void aPeeringToANetworkOutsideTheInput_isUndecidedOnlyForItsSpace() {
    ArmImport read =
        ArmImport.read(
            document("spoke-peered-outside.json"),
            Companion.parse("{\"clients\": [{\"name\": \"app\", \"location\": {\"subnet\": \"vnet-apps/snet-app\", \"address\": \"10.40.1.4\"}}]}"));

    Connection hub = connect(read, "app", "10.0.5.4");
    assertEquals(Disposition.INDETERMINATE, hub.disposition(), hub::explanation);
    assertEquals(ReasonCode.OUTSIDE_INPUT, decidingUnknown(hub).code());
    // Not in the hub's recorded space, and the partner peering is only Initiated: no route, as a fact.
    Connection nowhere = connect(read, "app", "10.99.0.4");
    assertEquals(Disposition.BLOCKED, nowhere.disposition(), nowhere::explanation);
  }

  @Test
  void independentProblems_areReportedTogetherEachAtItsMember() {
    String broken =
        "[{\"id\": \"" + SUB + "/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/33\"]}}},"
            + " {\"id\": \"" + SUB + "/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/db/firewallRules/r\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
            + " \"properties\": {\"startIpAddress\": \"203.0.113.9\", \"endIpAddress\": \"203.0.113.400\"}}]";

    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(broken));

    assertEquals(2, e.problems().size(), e::getMessage);
    assertTrue(e.problems().get(0).getMessage().startsWith("$[0].properties.addressSpace.addressPrefixes[0] (\"10.0.0.0/33\")"), e.problems().get(0)::getMessage);
    assertTrue(e.problems().get(1).getMessage().startsWith("$[1].properties.endIpAddress (\"203.0.113.400\")"), e.problems().get(1)::getMessage);
    assertTrue(e.getMessage().startsWith("2 problems in the input:"), e::getMessage);
  }

  @Test
  void companionCompleteness_acceptsTheWholeInputKindsAndOwners() {
    String rules = document("graph-servers-no-rules.json");
    assertTrue(ArmImport.read(rules, Companion.parse("{\"complete\": true}")).estate().coverage().isWhole());
    ResourceId server = ResourceId.parse(SUB + "/resourcegroups/rg-data/providers/microsoft.dbforpostgresql/flexibleservers/shop-db");
    assertTrue(ArmImport.read(rules, Companion.parse("{\"complete\": [\"firewallRules\"]}")).estate().firewallRulesComplete(server));
    assertTrue(ArmImport.read(rules, Companion.parse("{\"complete\": [{\"inventory\": \"firewallRules\", \"of\": \"shop-db\"}]}")).estate().firewallRulesComplete(server));
    assertFalse(ArmImport.read(rules, Companion.parse("{\"complete\": [{\"inventory\": \"configurations\", \"of\": \"shop-db\"}]}")).estate().firewallRulesComplete(server));
    PgreachException wrong = assertThrows(PgreachException.class, () -> ArmImport.read(rules, Companion.parse("{\"complete\": [\"rules\"]}")));
    assertEquals(ErrorCode.INVALID_INPUT, wrong.code());
    assertTrue(wrong.getMessage().startsWith("companion $.complete[0] (\"rules\"): is not an inventory; expected one of subnets,"), wrong::getMessage);
  }

  @Test
  void valuesAFrontEndCannotKnow_makeTheSettingOrTheResourceUnknown() throws IOException {
    ObjectNode server = (ObjectNode) MAPPER.readTree(document("server-get-vnet-integrated.json"));
    ObjectNode network = (ObjectNode) server.path("properties").path("network");
    network.set("delegatedSubnetResourceId", ResourceInput.unknown("reference('snet').id is known only at deployment"));
    network.set("publicNetworkAccess", ResourceInput.unknown("a parameter with no value"));
    JsonNode rule =
        MAPPER.readTree(
            "{\"id\": \"" + SUB + "/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/ledger-db/firewallRules/r1\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"properties\": {\"startIpAddress\": \"203.0.113.1\"}}");
    ((ObjectNode) rule.path("properties")).set("endIpAddress", ResourceInput.unknown("an output of another deployment"));
    ResourceInput input =
        ResourceInput.builder()
            .add(server, "$.resources['server']")
            .add(rule, "$.resources['rule']")
            .addUncertain(MAPPER.readTree("{\"id\": \"" + SUB + "/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/ledger-db/firewallRules/r2\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\"}"), "$.resources['maybe']", "its condition is known only at deployment")
            .build();

    Estate e = ArmImport.read(input, Companion.empty()).estate();

    FlexibleServer s = e.network().flexibleServers().get(0);
    assertEquals(NetworkingMode.PRIVATE_ACCESS, s.networkingMode(), "the template does put it in a subnet");
    assertTrue(e.coverage().isOutsideInput(s.delegatedSubnet().orElseThrow()));
    assertTrue(e.coverage().outsideInput().get(s.delegatedSubnet().get()).contains("reference('snet').id"), e.coverage().outsideInput()::toString);
    assertFalse(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS));
    assertFalse(e.firewallRulesComplete(s.id()));
    assertTrue(e.coverage().incompleteInventories().containsEntry(Inventory.FIREWALL_RULES, s.id()), "a rule whose range is unknown leaves the rules not known in full, whatever is declared");
    assertTrue(e.firewallRulesOf(s.id()).rules().isEmpty());
  }
}
