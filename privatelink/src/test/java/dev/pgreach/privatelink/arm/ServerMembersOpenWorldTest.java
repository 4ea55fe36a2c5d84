package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.StepEffect;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.arm.template.Deployment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Members of a flexible server that an export leaves out: its {@code network} and its {@code
 * state}. Exports (a REST GET, {@code az}, Resource Graph) show them for every server, so one
 * left out was projected away and is unknown; a template, a request, takes Azure's create-time
 * values for them. And a firewall rule's addresses: null is told from missing, and every wrong
 * address of a rule is reported.
 */
class ServerMembersOpenWorldTest {
  private static final String SUB = "/subscriptions/0b5e0a11-0000-4000-8000-0000000000c3";
  private static final String SERVER = SUB + "/resourceGroups/rg-app/providers/Microsoft.DBforPostgreSQL/flexibleServers/cart-db";
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  private static final String HOST = "cart-db.postgres.database.azure.com";
  /** The server's whole firewall rule list, admitting 192.0.2.0/24. */
  private static final String RULES =
      "{\"value\": [{\"id\": \"" + SERVER + "/firewallRules/branch\", \"name\": \"branch\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
          + " \"properties\": {\"startIpAddress\": \"192.0.2.0\", \"endIpAddress\": \"192.0.2.255\"}}]}";
  private static final Companion CLIENT = Companion.parse("{\"clients\": [{\"name\": \"shop\", \"location\": {\"internet\": \"192.0.2.40\"}}]}");

  /** A Resource Graph row of the server with these properties (lower-case ids, as the graph gives them). */
  private static String graphRow(String properties) {
    return "{\"totalRecords\": 1, \"count\": 1, \"data\": [{\"id\": \"" + SERVER.toLowerCase(java.util.Locale.ROOT) + "\", \"name\": \"cart-db\","
        + " \"type\": \"microsoft.dbforpostgresql/flexibleservers\", \"location\": \"northeurope\", \"properties\": " + properties + "}]}";
  }

  private static ArmImport read(String... documents) {
    return ArmImport.read(List.of(documents), CLIENT);
  }

  private static Connection fromShop(ArmImport read) {
    Estate e = read.estate();
    return Connectivity.of(e).connect(e.client("shop"), HOST, 5432, AT);
  }

  private static FlexibleServer server(ArmImport read) {
    return read.estate().network().flexibleServers().get(0);
  }

  private static ReasonCode decidingUnknown(Connection c) {
    return c.steps().stream().filter(s -> s.effect() == StepEffect.UNKNOWN).findFirst().orElseThrow(() -> new AssertionError(c.explanation())).code();
  }

  private static List<FindingCode> findings(ArmImport read) {
    return EstateValidation.validate(read.estate(), ServiceProfile.current()).stream().map(f -> f.code()).toList();
  }

  @Test
  void aGraphRowWithoutNetwork_hasNetworkingAndPublicAccessUnknown() {
    ArmImport read = read(graphRow("{\"version\": \"16\", \"state\": \"Ready\", \"privateEndpointConnections\": []}"), RULES);

    FlexibleServer s = server(read);
    assertEquals(NetworkingMode.UNKNOWN, s.networkingMode());
    assertFalse(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS));
    assertFalse(s.isKnown(ServerSetting.PRIVATE_DNS_ZONE));
    assertTrue(s.isKnown(ServerSetting.STATE), "only what is missing is unknown");
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("#1 $.data[0].properties has no network;") && n.contains("cart-db")), read.notes()::toString);
    Connection c = fromShop(read);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.SETTING_UNKNOWN, decidingUnknown(c));
    assertFalse(findings(read).contains(FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED), findings(read)::toString);
  }

  @Test
  void aGraphRowWithAnEmptyNetwork_hasNetworkingAndPublicAccessUnknown() {
    ArmImport read = read(graphRow("{\"version\": \"16\", \"state\": \"Ready\", \"network\": {}, \"privateEndpointConnections\": []}"), RULES);

    FlexibleServer s = server(read);
    assertEquals(NetworkingMode.UNKNOWN, s.networkingMode());
    assertFalse(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS));
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("#1 $.data[0].properties.network shows neither publicNetworkAccess nor delegatedSubnetResourceId")),
        read.notes()::toString);
    Connection c = fromShop(read);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.SETTING_UNKNOWN, decidingUnknown(c));
    assertFalse(findings(read).contains(FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED), findings(read)::toString);
  }

  @Test
  void anAzResourceListWithoutNetwork_hasNetworkingUnknown() {
    String list = "[{\"id\": \"" + SERVER + "\", \"name\": \"cart-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"northeurope\","
        + " \"properties\": {\"version\": \"16\", \"state\": \"Ready\"}}]";
    ArmImport read = read(list, RULES);

    assertEquals(NetworkingMode.UNKNOWN, server(read).networkingMode());
    assertEquals(Disposition.INDETERMINATE, fromShop(read).disposition(), fromShop(read)::explanation);
  }

  @Test
  void aNetworkShowingPublicAccessOnly_isAPublicAccessServer() {
    ArmImport read = read(graphRow("{\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}"), RULES);

    assertEquals(NetworkingMode.PUBLIC_ACCESS, server(read).networkingMode());
    assertEquals(Disposition.ALLOWED, fromShop(read).disposition(), fromShop(read)::explanation);
  }

  @Test
  void aNetworkShowingItsDelegatedSubnetOnly_isVNetIntegratedWithPublicAccessDisabled() {
    String subnet = SUB + "/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/snet-pg";
    ArmImport read = read(graphRow("{\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"delegatedSubnetResourceId\": \"" + subnet + "\"}}"), RULES);

    FlexibleServer s = server(read);
    assertEquals(NetworkingMode.PRIVATE_ACCESS, s.networkingMode());
    assertEquals(PublicNetworkAccess.DISABLED, s.publicNetworkAccess());
  }

  @Test
  void aGraphRowWithoutState_hasTheStateUnknown() {
    ArmImport read = read(graphRow("{\"version\": \"16\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}"), RULES);

    assertFalse(server(read).isKnown(ServerSetting.STATE));
    assertTrue(read.notes().stream().anyMatch(n -> n.equals("#1 $.data[0].properties: server cart-db shows no state; it is read as unknown, not as Ready")),
        read.notes()::toString);
    Connection c = fromShop(read);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.SETTING_UNKNOWN, decidingUnknown(c));
  }

  @Test
  void aGraphRowWithItsState_isAnsweredByIt() {
    ArmImport ready = read(graphRow("{\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}"), RULES);
    ArmImport stopped = read(graphRow("{\"version\": \"16\", \"state\": \"Stopped\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}"), RULES);

    assertEquals(Disposition.ALLOWED, fromShop(ready).disposition(), fromShop(ready)::explanation);
    assertEquals(ServerState.STOPPED, server(stopped).state());
    assertEquals(Disposition.BLOCKED, fromShop(stopped).disposition(), fromShop(stopped)::explanation);
  }

  /** A template asks Azure to create the server: without network or state it is created with public access, Enabled, and is Ready. */
  @Test
  void aTemplateServerWithoutNetworkOrState_takesAzuresCreateTimeValues() {
    String template = "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
        + " \"resources\": [{\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"cart-db\", \"location\": \"northeurope\","
        + " \"sku\": {\"name\": \"Standard_B1ms\", \"tier\": \"Burstable\"}, \"properties\": {\"version\": \"16\"}},"
        + " {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"apiVersion\": \"2024-08-01\", \"name\": \"cart-db/branch\","
        + " \"dependsOn\": [\"[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', 'cart-db')]\"],"
        + " \"properties\": {\"startIpAddress\": \"192.0.2.0\", \"endIpAddress\": \"192.0.2.255\"}}]}";
    Deployment at = Deployment.builder().subscriptionId("0b5e0a11-0000-4000-8000-0000000000c3").resourceGroup("rg-app").location("northeurope").build();
    // The companion declares the input whole, so that the answer rests on the server's settings alone.
    ArmImport read = ArmImport.read(template, Companion.parse(CLIENT.toJson().replace("\"clients\"", "\"complete\": true, \"clients\"")), at);

    FlexibleServer s = server(read);
    assertEquals(NetworkingMode.PUBLIC_ACCESS, s.networkingMode());
    assertTrue(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS));
    assertEquals(PublicNetworkAccess.ENABLED, s.publicNetworkAccess());
    assertTrue(s.isKnown(ServerSetting.STATE));
    assertEquals(ServerState.READY, s.state());
    assertEquals(Disposition.ALLOWED, fromShop(read).disposition(), fromShop(read)::explanation);
  }

  /** pgreach's own export shows the state of every server whose state it knows, so that it reads back. */
  @Test
  void anExportWrittenByPgreach_readsBackWithTheStateOfEachServer() {
    for (String state : List.of("Ready", "Stopped")) {
      ArmImport read = read(graphRow("{\"version\": \"16\", \"state\": \"" + state + "\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": []}"), RULES);
      ArmExport written = ArmExport.write(read.estate());

      FlexibleServer back = server(ArmImport.read(written.resourcesJson(), written.companion()));
      assertTrue(back.isKnown(ServerSetting.STATE), state);
      assertEquals(server(read).state(), back.state());
    }
  }

  @Test
  void aFirewallRuleAddressWrittenAsNull_isReportedAsNullNotAsMissing() {
    String rules = "{\"value\": [{\"id\": \"" + SERVER + "/firewallRules/branch\", \"name\": \"branch\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
        + " \"properties\": {\"startIpAddress\": null, \"endIpAddress\": \"192.0.2.255\"}}]}";
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(rules));

    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertEquals("$.value[0].properties.startIpAddress (null): is null; a value is required", e.getMessage());
  }

  @Test
  void aFirewallRuleAddressLeftOut_isReportedAsMissing() {
    String rules = "{\"value\": [{\"id\": \"" + SERVER + "/firewallRules/branch\", \"name\": \"branch\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
        + " \"properties\": {\"endIpAddress\": \"192.0.2.255\"}}]}";
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(rules));

    assertEquals("$.value[0].properties.startIpAddress is required but missing", e.getMessage());
  }

  @Test
  void aFirewallRuleWithBothAddressesWrong_reportsEachAtItsPathWithItsValue() {
    String rules = "{\"value\": [{\"id\": \"" + SERVER + "/firewallRules/branch\", \"name\": \"branch\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
        + " \"properties\": {\"startIpAddress\": null, \"endIpAddress\": 7}}]}";
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(rules));

    List<String> messages = e.problems().stream().map(PgreachException::getMessage).toList();
    assertEquals(
        List.of("$.value[0].properties.startIpAddress (null): is null; a value is required", "$.value[0].properties.endIpAddress (7): must be a string"),
        messages);
    ArmImport lenient = ArmImport.readLeavingOutRefused(List.of(ArmDocument.of("rules.json", rules)), Companion.empty(), Deployment.none());
    assertEquals(messages.size(), lenient.refused().size(), lenient.refused()::toString);
  }
}
