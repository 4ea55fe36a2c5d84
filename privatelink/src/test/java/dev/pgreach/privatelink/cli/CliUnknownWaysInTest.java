package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.Exposure;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import dev.pgreach.privatelink.intent.IntentReport;
import dev.pgreach.privatelink.intent.IntentStatus;
import dev.pgreach.privatelink.intent.Intents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ways into a server that the input does not show: {@code expose}, {@code matrix} and {@code
 * verify} answer undecided, never "nobody" or satisfied, and say which resource is missing; the
 * Azure-services answer is undecided, not false, while the firewall rules are not all shown.
 */
class CliUnknownWaysInTest {
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  private static final String SUB = "/subscriptions/7e57d0c1-0000-4000-8000-00000000b001/resourceGroups/";
  private static final String LEDGER = SUB + "rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/ledger-db";
  private static final String ENDPOINT = SUB + "rg-spoke/providers/Microsoft.Network/privateEndpoints/ledger-pe";
  private static final String SUBNET = SUB + "rg-net/providers/Microsoft.Network/virtualNetworks/core/subnets/db";

  @TempDir Path dir;

  /** A server with public access disabled whose one connection is to an endpoint not in the input. */
  private static String endpointOutside(String status) {
    return "[{\"id\": \"" + LEDGER + "\", \"name\": \"ledger-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"northeurope\","
        + " \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Disabled\"},"
        + " \"privateEndpointConnections\": [{\"id\": \"" + LEDGER + "/privateEndpointConnections/ledger-pe.1f2e\","
        + " \"properties\": {\"privateEndpoint\": {\"id\": \"" + ENDPOINT + "\"}, \"groupIds\": [\"postgresqlServer\"],"
        + " \"privateLinkServiceConnectionState\": {\"status\": \"" + status + "\", \"description\": \"\", \"actionsRequired\": \"None\"}}}]}}]";
  }

  /** A VNet-integrated server whose delegated subnet's network is not exported; another network is. */
  private static String subnetOutside(boolean withNetwork) {
    String server = "{\"id\": \"" + SUB + "rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/vault-db\", \"name\": \"vault-db\","
        + " \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"northeurope\","
        + " \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Disabled\", \"delegatedSubnetResourceId\": \"" + SUBNET + "\"}}}";
    String other = "{\"id\": \"" + SUB + "rg-app/providers/Microsoft.Network/virtualNetworks/edge\", \"name\": \"edge\", \"type\": \"Microsoft.Network/virtualNetworks\","
        + " \"location\": \"northeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.8.0.0/16\"]},"
        + " \"subnets\": [{\"id\": \"" + SUB + "rg-app/providers/Microsoft.Network/virtualNetworks/edge/subnets/web\", \"name\": \"web\", \"properties\": {\"addressPrefix\": \"10.8.0.0/24\"}}],"
        + " \"virtualNetworkPeerings\": []}}";
    String core = "{\"id\": \"" + SUB + "rg-net/providers/Microsoft.Network/virtualNetworks/core\", \"name\": \"core\", \"type\": \"Microsoft.Network/virtualNetworks\","
        + " \"location\": \"northeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.9.0.0/16\"]},"
        + " \"subnets\": [{\"id\": \"" + SUBNET + "\", \"name\": \"db\", \"properties\": {\"addressPrefix\": \"10.9.1.0/24\","
        + " \"delegations\": [{\"name\": \"pg\", \"properties\": {\"serviceName\": \"Microsoft.DBforPostgreSQL/flexibleServers\"}}]}}],"
        + " \"virtualNetworkPeerings\": []}}";
    return "[" + server + ", " + other + (withNetwork ? ", " + core : "") + "]";
  }

  /** A public server and, apart, the full REST list of its firewall rules. */
  private static String publicServer() {
    return "[{\"id\": \"" + SUB + "rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/shop-db\", \"name\": \"shop-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\","
        + " \"location\": \"northeurope\", \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"},"
        + " \"privateEndpointConnections\": []}}]";
  }

  private static String firewallList(String start, String end) {
    return "{\"value\": [{\"id\": \"" + SUB + "rg-db/providers/Microsoft.DBforPostgreSQL/flexibleServers/shop-db/firewallRules/office\", \"name\": \"office\","
        + " \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"properties\": {\"startIpAddress\": \"" + start + "\", \"endIpAddress\": \"" + end + "\"}}]}";
  }

  private static Exposure expose(String json, String server) {
    Estate estate = ArmImport.read(json, Companion.parse("{}")).estate();
    return Connectivity.of(estate).expose(estate.network().flexibleServers().stream().filter(s -> s.name().toString().equals(server)).findFirst().orElseThrow().id(), 5432, AT);
  }

  private static IntentStatus onlyFromInternet(String json, String server) {
    Estate estate = ArmImport.read(json, Companion.parse("{}")).estate();
    IntentReport r = Intents.parse("{\"intents\": [{\"kind\": \"reachableOnlyFrom\", \"server\": \"" + server + "\", \"from\": [\"internet\"]}]}").verify(estate, dev.pgreach.core.ServiceProfile.current(), AT);
    return r.status();
  }

  private static Schema schema(String output) {
    try (InputStream in = CliUnknownWaysInTest.class.getResourceAsStream("/dev/pgreach/privatelink/schema/" + output + ".schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(CliRun.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new AssertionError(output, e);
    }
  }

  private static void valid(String output, JsonNode json) {
    List<Error> errors = schema(output).validate(json);
    assertTrue(errors.isEmpty(), errors + "\n" + json.toPrettyString());
  }

  @Test
  void anApprovedConnectionToAnEndpointOutsideTheInput_isAnUnknownWayIn_soExposeIsUndecided() {
    Exposure x = expose(endpointOutside("Approved"), "ledger-db");
    assertFalse(x.isClosed(), x::explanation);
    assertEquals("UNDECIDED", x.headline());
    assertEquals(List.of(ResourceId.parse(ENDPOINT)), x.unknownWaysIn().stream().map(Exposure.UnknownWay::resource).toList());
    assertTrue(x.unknownWaysIn().get(0).reason().contains("ledger-pe") && x.unknownWaysIn().get(0).reason().contains("not in the input"), x::explanation);
    assertFalse(x.explanation().contains("nobody"), x::explanation);
    assertEquals(IntentStatus.INDETERMINATE, onlyFromInternet(endpointOutside("Approved"), "ledger-db"));
  }

  @Test
  void aRejectedConnectionToAnEndpointOutsideTheInput_isNoWayIn_soNobodyReachesTheServer() {
    Exposure x = expose(endpointOutside("Rejected"), "ledger-db");
    assertEquals(List.of(), x.unknownWaysIn(), x::explanation);
    assertTrue(x.isClosed(), x::explanation);
    assertEquals("UNREACHABLE", x.headline());
    assertEquals(IntentStatus.SATISFIED, onlyFromInternet(endpointOutside("Rejected"), "ledger-db"));
  }

  @Test
  void aDelegatedSubnetOutsideTheInput_isAnUnknownWayIn_andVerifyIsNeverSatisfied() {
    Exposure x = expose(subnetOutside(false), "vault-db");
    assertEquals(List.of(ResourceId.parse(SUBNET)), x.unknownWaysIn().stream().map(Exposure.UnknownWay::resource).toList(), x::explanation);
    assertEquals("UNDECIDED", x.headline());
    assertEquals(IntentStatus.INDETERMINATE, onlyFromInternet(subnetOutside(false), "vault-db"));
    // With the network in the input, nothing is outside: the subnet's own hosts are the way in.
    Exposure whole = expose(subnetOutside(true), "vault-db");
    assertEquals(List.of(), whole.unknownWaysIn(), whole::explanation);
    assertTrue(whole.privatePaths().stream().anyMatch(r -> r.subnet().map(s -> s.equals(ResourceId.parse(SUBNET))).orElse(false)), whole::explanation);
  }

  @Test
  void theAzureServicesAnswer_isUndecidedWhileTheRulesAreNotShown_andDecidedByTheirFullList() {
    Estate unseen = ArmImport.read(publicServer(), Companion.parse("{}")).estate();
    Exposure x = Connectivity.of(unseen).expose(unseen.network().flexibleServers().get(0).id(), 5432, AT);
    assertTrue(x.azureServicesUndecided() && !x.azureServices(), x::explanation);
    assertTrue(x.explanation().contains("whether from every Azure-allocated address"), x::explanation);

    Estate office = ArmImport.read(List.of(publicServer(), firewallList("198.51.100.0", "198.51.100.255")), Companion.parse("{}")).estate();
    Exposure y = Connectivity.of(office).expose(office.network().flexibleServers().get(0).id(), 5432, AT);
    assertFalse(y.azureServicesUndecided() || y.azureServices(), y::explanation);

    Estate azure = ArmImport.read(List.of(publicServer(), firewallList("0.0.0.0", "0.0.0.0")), Companion.parse("{}")).estate();
    Exposure z = Connectivity.of(azure).expose(azure.network().flexibleServers().get(0).id(), 5432, AT);
    assertTrue(z.azureServices() && !z.azureServicesUndecided(), z::explanation);
  }

  @Test
  void theCommandLine_showsUnknownWaysIn_inExposeMatrixAndVerify() throws IOException {
    Path estate = Files.writeString(dir.resolve("ledger.json"), endpointOutside("Approved"));
    Path intents = Files.writeString(dir.resolve("intents.json"), "{\"intents\": [{\"kind\": \"reachableOnlyFrom\", \"server\": \"ledger-db\", \"from\": [\"internet\"]}]}");
    String at = AT.toString();

    CliRun text = CliRun.of("expose", "--estate", estate.toString(), "--server", "ledger-db", "--at", at);
    assertEquals(2, text.status(), text.out());
    assertFalse(text.out().contains("nobody"), text.out());
    assertTrue(text.out().contains("ledger-pe"), text.out());

    JsonNode json = CliRun.of("expose", "--estate", estate.toString(), "--server", "ledger-db", "--at", at, "--format", "json").json();
    valid("expose", json);
    assertEquals("UNDECIDED", json.path("result").asText());
    assertEquals(ENDPOINT, json.path("unknownWaysIn").path(0).path("resource").asText(), json.toPrettyString());
    assertTrue(json.path("azureServices").isBoolean(), "public access disabled: no Azure address is admitted, for certain");

    JsonNode matrix = CliRun.of("matrix", "--estate", estate.toString(), "--at", at).json();
    valid("matrix", matrix);
    assertEquals("matrix", matrix.path("command").asText());
    assertEquals("UNDECIDED", matrix.path("result").asText());
    assertEquals("UNDECIDED", matrix.path("servers").path(0).path("result").asText());
    assertTrue(matrix.path("notes").isArray() && matrix.path("notes").size() > 0, matrix.toPrettyString());

    String csv = CliRun.of("matrix", "--estate", estate.toString(), "--at", at, "--format", "csv").out();
    assertTrue(csv.lines().anyMatch(l -> l.contains(",UNKNOWN_WAY_IN,") && l.contains(ENDPOINT)), csv);

    CliRun verify = CliRun.of("verify", "--estate", estate.toString(), "--intents", intents.toString(), "--at", at);
    assertEquals(2, verify.status(), verify.out());
    assertTrue(verify.out().startsWith("INDETERMINATE: ledger-db is reachable only from internet"), verify.out());
  }

  @Test
  void theCommandLine_writesAnUndecidedAzureServicesAnswerAsNull_andKeepsItOutOfTheAddressColumns() throws IOException {
    Path estate = Files.writeString(dir.resolve("shop.json"), publicServer());
    JsonNode json = CliRun.of("expose", "--estate", estate.toString(), "--server", "shop-db", "--at", AT.toString(), "--format", "json").json();
    valid("expose", json);
    assertTrue(json.has("azureServices") && json.path("azureServices").isNull(), json.toPrettyString());
    JsonNode matrix = CliRun.of("matrix", "--estate", estate.toString(), "--at", AT.toString()).json();
    valid("matrix", matrix);
    assertTrue(matrix.path("servers").path(0).path("azureServices").isNull(), matrix.toPrettyString());
    String csv = CliRun.of("matrix", "--estate", estate.toString(), "--at", AT.toString(), "--format", "csv").out();
    String row = csv.lines().filter(l -> l.contains(",PUBLIC_ENDPOINT,")).findFirst().orElseThrow(() -> new AssertionError(csv));
    assertTrue(row.contains(",undecided,"), row);
    assertFalse(row.contains("AzureServices"), row);
  }
}
