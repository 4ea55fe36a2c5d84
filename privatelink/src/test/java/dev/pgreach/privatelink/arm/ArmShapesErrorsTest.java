package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents of every shape with one mistake each: reading refuses them with the expected code and
 * a message that starts with the path of the member at fault and shows its value. Several
 * mistakes are reported at once.
 */
class ArmShapesErrorsTest {
  private static final String VNET = Shapes.SUB + "Microsoft.Network/virtualNetworks/vnet-a";
  private static final String SERVER = Shapes.ORDERS;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        row("[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"vnet-b\", \"properties\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].name (\"vnet-b\"): names \"vnet-b\", but the id names \"vnet-a\""),
        row("[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"resourceGroup\": \"rg-other\", \"properties\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].resourceGroup (\"rg-other\"): does not agree with the id, which names \"rg-orders\""),
        row("[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"subscriptionId\": 7, \"properties\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].subscriptionId (7): does not agree with the id"),
        row("[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"properties\": 5}]",
            ErrorCode.INVALID_INPUT, "$[0].properties (5): must be an object"),
        row("[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/networkSecurityGroups\", \"properties\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].id (\"" + VNET + "\"): is a Microsoft.Network/virtualNetworks id, but the resource's type is Microsoft.Network/networkSecurityGroups"),
        row("[{\"id\": \"/subscriptions/x/flexibleServers/a\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\"}]",
            ErrorCode.INVALID_RESOURCE_ID, "$[0].id (\"/subscriptions/x/flexibleServers/a\"): ResourceId"),
        row("[{\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"network\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].id (missing): is required: every resource in a resource list has its id"),
        row("[{\"name\": \"a\"}]", ErrorCode.INVALID_INPUT, "$[0].type is required but missing"),
        row("[{\"id\": \"/nope\"}]", ErrorCode.INVALID_RESOURCE_ID, "$[0].id (\"/nope\"): ResourceId"),
        row("[{\"id\": \"" + VNET + "\", \"type\": \"  \"}]", ErrorCode.INVALID_INPUT, "$[0].type (\"  \"): must not be blank"),
        row("[{\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"network\": {}, \"netWork\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].netWork (an object): repeats member \"network\" in another case"),
        row("[{\"id\": \"" + SERVER + "\", \"Type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"type\": \"x\"}]",
            ErrorCode.INVALID_INPUT, "$[0].type (\"x\"): repeats member \"Type\" in another case"),
        row("[{\"Id\": \"" + SERVER + "\", \"Location\": \"West Europe\", \"Name\": \"orders-pg\", \"NetworkPublicNetworkAccess\": \"Disabled\", \"ResourceGroupName\": \"rg-orders\","
                + " \"SkuName\": \"Standard_B1ms\", \"Type\": \"Microsoft.DBforPostgreSQL/flexibleServers\"}]",
            ErrorCode.INVALID_INPUT, "$[0].NetworkPublicNetworkAccess (\"Disabled\"): is a member of a PowerShell service cmdlet's object"),
        row("[null]", ErrorCode.INVALID_INPUT, "$[0] (null): must be an object"),
        row("5", ErrorCode.INVALID_INPUT, "$ (5): must be a JSON array of ARM resources"),
        row("{\"things\": []}", ErrorCode.INVALID_INPUT, "$ (an object): must be a JSON array of ARM resources (as az resource list"),
        row("{\"value\": [], \"nextLink\": 5}", ErrorCode.INVALID_INPUT, "$.nextLink (5): must be a string or null"),
        row("{\"value\": {}}", ErrorCode.INVALID_INPUT, "$.value (an object): must be an array"),
        row("[{\"value\": []}, {\"value\": [], \"nextLink\": []}]", ErrorCode.INVALID_INPUT, "$[1].nextLink (an array of 0): must be a string or null"),
        row("{\"data\": 5}", ErrorCode.INVALID_INPUT, "$.data (5): must be an array of rows, or an object with columns and rows"),
        row("{\"data\": {\"columns\": [{\"name\": \"id\"}, {\"name\": \"type\"}], \"rows\": [[\"x\"]]}}",
            ErrorCode.INVALID_INPUT, "$.data.rows[0] (an array of 1): must be an array of 2 values, one per column"),
        row("{\"data\": {\"columns\": [{\"name\": \"id\"}, {\"name\": \"ID\"}], \"rows\": []}}", ErrorCode.INVALID_INPUT, "$.data.columns[1].name (\"ID\"): repeats another column's name"),
        row("{\"data\": {\"rows\": []}}", ErrorCode.INVALID_INPUT, "$.data.columns (missing): is required in Resource Graph's table form"),
        row("{\"data\": {\"columns\": [{\"name\": \"id\"}, {\"name\": \"type\"}, {\"name\": \"location\"}], \"rows\": [[\"" + SERVER + "\", \"microsoft.dbforpostgresql/flexibleservers\", \"west/europe\"]]}}",
            ErrorCode.INVALID_REGION, "$.data.rows[0][2] (\"west/europe\")"),
        row("[{\"ResourceId\": \"" + SERVER + "\", \"Id\": \"" + VNET + "\", \"ResourceType\": \"Microsoft.DBforPostgreSQL/flexibleServers\"}]",
            ErrorCode.INVALID_INPUT, "$[0].Id (\"" + VNET + "\"): does not agree with ResourceId"),
        row("[{\"ResourceId\": \"" + SERVER + "\", \"ResourceType\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"Properties\": {},"
                + " \"resources\": [{\"Name\": \"db\", \"ResourceType\": \"Microsoft.Sql/servers/databases\", \"Properties\": {}}]}]",
            ErrorCode.INVALID_INPUT, "$[0].resources[0].ResourceType (\"Microsoft.Sql/servers/databases\"): is not a child type of Microsoft.DBforPostgreSQL/flexibleServers"),
        row("[{\"ResourceId\": \"" + SERVER + "\", \"ResourceType\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"Properties\": {},"
                + " \"resources\": [{\"ResourceType\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"Properties\": {}}]}]",
            ErrorCode.INVALID_INPUT, "$[0].resources[0].Name (missing): is required of a nested resource that has no ResourceId"),
        row("[{\"ResourceId\": \"" + SERVER + "\", \"ResourceType\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"Properties\": {}, \"resources\": {}}]",
            ErrorCode.INVALID_INPUT, "$[0].resources (an object): must be an array"),
        row("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\", \"parameters\": {}}",
            ErrorCode.INVALID_INPUT, "$.$schema (\"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\"): is an ARM deployment parameters file"),
        row("{\"newVNet\": {\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", \"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/33\"]}}}",
            ErrorCode.INVALID_PREFIX, "$.newVNet.addressSpace.addressPrefixes[0] (\"10.0.0.0/33\")"));
  }

  private static Arguments row(String document, ErrorCode code, String messageStart) {
    return Arguments.of(document, code, messageStart);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("mistakes")
  void read_mistake_namesTheMemberAndItsValue(String document, ErrorCode code, String messageStart) {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(document));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(messageStart), () -> "expected the message to start with\n  " + messageStart + "\nbut it was\n  " + e.getMessage());
  }

  @Test
  void read_severalMistakes_allReportedAtOnceInDocumentOrder() {
    String document =
        "[{\"id\": \"" + VNET + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"properties\": 1},"
            + " {\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"name\": \"other\"},"
            + " {\"id\": \"/bad\", \"type\": \"Microsoft.Network/networkSecurityGroups\"}]";
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(document));
    assertEquals(ErrorCode.INVALID_INPUT, e.code(), "the first problem's code");
    String[] lines = e.getMessage().split("\n");
    assertEquals(4, lines.length, e.getMessage());
    assertTrue(lines[0].startsWith("$[0].properties (1): must be an object"), lines[0]);
    assertTrue(lines[1].startsWith("INVALID_INPUT: $[1].name (\"other\")"), lines[1]);
    assertTrue(lines[2].startsWith("INVALID_RESOURCE_ID: $[2].id (\"/bad\")"), lines[2]);
    assertEquals("(3 problems)", lines[3]);
  }

  @Test
  void shape_moreMistakesThanTheCap_theFirstHundredAndTheirNumber() {
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      bad.add("{\"id\": \"" + VNET + i + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"properties\": 5}");
    }
    ShapedInput in = ArmShapes.shape(Json.parse("[" + String.join(",", bad) + "]", "$"));
    assertEquals(ShapedInput.MAX_PROBLEMS, in.problems().size());
    assertEquals(150, in.problemCount());
    assertTrue(in.exception().getMessage().endsWith("\n(150 problems, the first 100 shown)"));
    assertTrue(in.problems().get(99).message().startsWith("$[99].properties (5)"));
  }

  @Test
  void readDocuments_mistakesInSeveralDocuments_eachNamedByItsDocument() {
    List<ArmDocument> docs =
        List.of(
            ArmDocument.of("servers.json", "[{\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"name\": \"x\"}]"),
            ArmDocument.of("broken.json", "[{\"id\": "),
            ArmDocument.of("template.json", "{\"resources\": []}"),
            ArmDocument.of("rules.json", "{\"value\": [{\"id\": \"" + SERVER + "/firewallRules/a\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"properties\": []}]}"));
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.readDocuments(docs, Companion.empty()));
    String[] lines = e.getMessage().split("\n");
    assertTrue(lines[0].startsWith("servers.json $[0].name (\"x\")"), lines[0]);
    assertTrue(lines[1].startsWith("INVALID_INPUT: broken.json $[0].id (line 1"), lines[1]);
    assertTrue(lines[2].startsWith("INVALID_INPUT: template.json $.resources (an array of 0): makes the document an ARM template"), lines[2]);
    assertTrue(lines[3].startsWith("INVALID_INPUT: rules.json $.value[0].properties (an array of 0): must be an object"), lines[3]);
    assertEquals("(4 problems)", lines[4]);
  }

  @Test
  void readDocuments_readerMistakeInALaterDocument_namesThatDocumentsMember() {
    List<ArmDocument> docs =
        List.of(
            ArmDocument.of("servers.json", "[{\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}]"),
            ArmDocument.of("rules.json", "[{\"id\": \"" + SERVER + "/firewallRules/office\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"startIpAddress\": \"203.0.113.9\", \"endIpAddress\": \"203.0.113.300\"}]"));
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.readDocuments(docs, Companion.empty()));
    assertEquals(ErrorCode.INVALID_IPV4_ADDRESS, e.code());
    assertTrue(e.getMessage().startsWith("rules.json $[0].endIpAddress (\"203.0.113.300\")"), e.getMessage());
  }

  @Test
  void readDocuments_mergedMemberMistake_namesTheDocumentThatGaveIt() {
    List<ArmDocument> docs =
        List.of(
            ArmDocument.of("a.json", "[{\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\", \"properties\": {\"version\": \"16\"}}]"),
            ArmDocument.of("b.json", "{\"id\": \"" + SERVER + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"network\": {\"publicNetworkAccess\": \"Maybe\"}}"));
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.readDocuments(docs, Companion.empty()));
    assertTrue(e.getMessage().startsWith("b.json $.network.publicNetworkAccess (\"Maybe\")"), e.getMessage());
  }

  @Test
  void entryPoints_nullOrEmpty_namedLikeTheOtherArguments() {
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, assertThrows(PgreachException.class, () -> ArmImport.read((List<String>) null, Companion.empty())).code());
    PgreachException element = assertThrows(PgreachException.class, () -> ArmImport.read(java.util.Arrays.asList("[]", null), Companion.empty()));
    assertEquals("ArmImport.read.documents[1] must not be null", element.getMessage());
    PgreachException none = assertThrows(PgreachException.class, () -> ArmImport.readDocuments(List.of(), Companion.empty()));
    assertEquals(ErrorCode.INVALID_VALUE, none.code());
    assertEquals(ErrorCode.INVALID_VALUE, assertThrows(PgreachException.class, () -> ArmDocument.of(" ", "[]")).code());
    assertEquals("ArmDocument.of.json must not be null", assertThrows(PgreachException.class, () -> ArmDocument.of("a", null)).getMessage());
  }
}
