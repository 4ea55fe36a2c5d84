package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input, one row per mistake: each ends in a {@link PgreachException} with the expected
 * code, whose message starts with the JSON path of the mistake and shows the value.
 */
class ArmImportErrorsTest {
  private static final String SUB = "/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg/providers/";
  private static final String VNET = SUB + "Microsoft.Network/virtualNetworks/v";
  private static final String NSG = SUB + "Microsoft.Network/networkSecurityGroups/g";
  private static final String SERVER = SUB + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db";
  private static final String PE = SUB + "Microsoft.Network/privateEndpoints/p";

  /** A small valid estate that each row breaks in one place. */
  static final String BASE =
      """
      [
        {"id": "%1$s", "type": "Microsoft.Network/virtualNetworks", "location": "westeurope",
         "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
           "subnets": [
             {"name": "app", "properties": {"addressPrefix": "10.0.0.0/24", "networkSecurityGroup": {"id": "%2$s"}}},
             {"name": "pe", "properties": {"addressPrefix": "10.0.1.0/24"}}]}},
        {"id": "%2$s", "type": "Microsoft.Network/networkSecurityGroups",
         "properties": {"securityRules": [{"name": "r", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow",
           "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "5432"}}]}},
        {"id": "%3$s", "type": "Microsoft.DBforPostgreSQL/flexibleServers", "location": "westeurope",
         "properties": {"network": {"publicNetworkAccess": "Enabled"}, "state": "Ready"}},
        {"id": "%3$s/firewallRules/office", "type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules",
         "properties": {"startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.9"}},
        {"id": "%4$s", "type": "Microsoft.Network/privateEndpoints", "location": "westeurope",
         "properties": {"subnet": {"id": "%1$s/subnets/pe"},
           "privateLinkServiceConnections": [{"name": "c", "properties": {"privateLinkServiceId": "%3$s", "groupIds": ["postgresqlServer"]}}],
           "customDnsConfigs": [{"ipAddresses": ["10.0.1.4"]}]}}
      ]
      """
          .formatted(VNET, NSG, SERVER, PE);

  static final String COMPANION =
      """
      {"at": "2026-11-24T12:00:00Z",
       "clients": [{"name": "c", "location": {"subnet": "v/app", "address": "10.0.0.4"}}],
       "servers": [{"name": "orders-db", "firewallRules": {"office": {"changedAt": "2026-11-24T11:00:00Z"}}}]}
      """;

  @Test
  void base_reads() {
    assertEquals(1, ArmImport.read(BASE, Companion.parse(COMPANION)).estate().privateEndpoints().size());
  }

  static Stream<Arguments> armMistakes() {
    return Stream.of(
        row("\"10.0.0.0/16\"", "\"10.0.0.0/33\"", ErrorCode.INVALID_PREFIX, "$[0].properties.addressSpace.addressPrefixes[0] (\"10.0.0.0/33\")"),
        row("\"10.0.0.0/16\"", "16", ErrorCode.INVALID_INPUT, "$[0].properties.addressSpace.addressPrefixes[0] (16): must be a string"),
        row("{\"addressPrefixes\": [\"10.0.0.0/16\"]}", "{\"addressPrefixes\": \"10.0.0.0/16\"}", ErrorCode.INVALID_INPUT, "$[0].properties.addressSpace.addressPrefixes (\"10.0.0.0/16\"): must be an array"),
        row("\"priority\": 100", "\"priority\": \"high\"", ErrorCode.INVALID_INPUT, "$[1].properties.securityRules[0].properties.priority (\"high\"): must be a whole number"),
        row("\"priority\": 100", "\"priority\": 5000", ErrorCode.INVALID_SECURITY_RULE, "$[1].properties.securityRules[0] (an object): SecurityRule[r].priority (5000)"),
        row("\"priority\": 100", "\"priority\": 123456789012345678901234567890", ErrorCode.INVALID_INPUT, "$[1].properties.securityRules[0].properties.priority (123456789012345678901234567890): must be a whole number"),
        row("\"priority\": 100", "\"priority\": 1.5e300", ErrorCode.INVALID_INPUT, "$[1].properties.securityRules[0].properties.priority (1.5E300): must be a whole number"),
        row("\"priority\": 100", "\"priority\": null", ErrorCode.INVALID_INPUT, "$[1].properties.securityRules[0].properties.priority (null): is null; a value is required"),
        row("\"direction\": \"Inbound\"", "\"direction\": \"Sideways\"", ErrorCode.INVALID_INPUT, "$[1].properties.securityRules[0].properties.direction (\"Sideways\"): must be one of Inbound, Outbound"),
        row("\"endIpAddress\": \"203.0.113.9\"", "\"endIpAddress\": \"2001:db8::1\"", ErrorCode.ADDRESS_MUST_BE_IPV4, "$[3].properties.endIpAddress (\"2001:db8::1\")"),
        row("\"endIpAddress\": \"203.0.113.9\"", "\"endIpAddress\": \"203.0.112.9\"", ErrorCode.END_ADDRESS_SMALLER_THAN_START, "$[3] (an object): FirewallRule[office].endIpAddress (203.0.112.9)"),
        row("\"endIpAddress\": \"203.0.113.9\"", "\"endIpAddress\": true", ErrorCode.INVALID_INPUT, "$[3].properties.endIpAddress (true): must be a string"),
        row("\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\"", "\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\"", ErrorCode.INVALID_INPUT, "$[2].location is required but missing"),
        row("\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\"", "\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"west/europe\"", ErrorCode.INVALID_REGION, "$[2].location (\"west/europe\")"),
        row("\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\",", "\"type\": \"Microsoft.Sql/servers\",", ErrorCode.INVALID_INPUT, "$[2].id (\"" + SERVER + "\"): is a Microsoft.DBforPostgreSQL/flexibleServers id, but the resource's type is Microsoft.Sql/servers"),
        row("\"publicNetworkAccess\": \"Enabled\"", "\"publicNetworkAccess\": \"Sometimes\"", ErrorCode.INVALID_INPUT, "$[2].properties.network.publicNetworkAccess (\"Sometimes\"): must be one of Enabled, Disabled"),
        row("{\"name\": \"pe\", \"properties\": {\"addressPrefix\": \"10.0.1.0/24\"}}", "{\"name\": \"pe\", \"properties\": {\"addressPrefix\": \"10.0.1.0/24\", \"delegations\": [{\"properties\": {\"serviceName\": \"a\"}}, {\"properties\": {\"serviceName\": \"b\"}}]}}", ErrorCode.INVALID_INPUT, "$[0].properties.subnets[1].properties.delegations (missing): holds 2 delegations"),
        row("{\"name\": \"pe\", \"properties\": {\"addressPrefix\": \"10.0.1.0/24\"}}", "{\"name\": \"pe\", \"properties\": {}}", ErrorCode.INVALID_INPUT, "$[0].properties.subnets[1].properties.addressPrefix (missing): is required"),
        row("\"location\": \"westeurope\",\n   \"properties\": {\"network\"", "\"location\": \"westeurope\", \"Location\": \"northeurope\",\n   \"properties\": {\"network\"", ErrorCode.INVALID_INPUT, "$[2].Location (\"northeurope\"): repeats member \"location\" in another case"),
        row("\"location\": \"westeurope\",\n   \"properties\": {\"network\"", "\"location\": \"westeurope\", \"location\": \"northeurope\",\n   \"properties\": {\"network\"", ErrorCode.INVALID_INPUT, "$[2].location (line "),
        row("\"" + SERVER + "\", \"type\"", "\"" + SUB + "Microsoft.DBforPostgreSQL/flexibleServers/Orders_DB\", \"type\"", ErrorCode.INVALID_SERVER_NAME, "$[2] (an object): ServerName (\"Orders_DB\")"),
        row("{\"id\": \"" + NSG + "\", ", "{", ErrorCode.INVALID_INPUT, "$[1].id (missing): is required"),
        row("\"" + SERVER + "\", \"type\"", "\"/subscriptions/x/flexibleServers/orders-db\", \"type\"", ErrorCode.INVALID_RESOURCE_ID, "$[2].id (\"/subscriptions/x/flexibleServers/orders-db\")"),
        row("\n]\n", ",\n {\"id\": \"" + VNET + "/subnets/pe\", \"type\": \"Microsoft.Network/virtualNetworks/subnets\", \"properties\": {\"addressPrefix\": \"10.0.2.0/24\"}}\n]\n", ErrorCode.DUPLICATE_RESOURCE, "$[5] (an object): lists " + VNET + "/subnets/pe a second time, with other properties than $[0].properties.subnets[1]"));
  }

  private static Arguments row(String find, String replace, ErrorCode code, String messageStart) {
    return Arguments.of(find, replace, code, messageStart);
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("armMistakes")
  void read_armMistake_namesPathAndValue(String find, String replace, ErrorCode code, String messageStart) {
    assertTrue(BASE.contains(find), "the row must change the base document: " + find);
    String broken = BASE.replace(find, replace);
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(broken));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(messageStart), () -> "expected the message to start with\n  " + messageStart + "\nbut it was\n  " + e.getMessage());
  }

  static Stream<Arguments> companionMistakes() {
    return Stream.of(
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"nic\": \"nic-9\"}", ErrorCode.DANGLING_REFERENCE, "companion $.clients[0].location.nic (\"nic-9\"): names no network interface"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"subnet\": \"v/db\", \"address\": \"10.0.0.4\"}", ErrorCode.DANGLING_REFERENCE, "companion $.clients[0].location.subnet (\"v/db\")"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"subnet\": \"v/app\", \"internet\": \"10.0.0.4\"}", ErrorCode.INVALID_INPUT, "companion $.clients[0].location (an object): must hold exactly one of"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"subnet\": \"v/app\", \"address\": \"10.0.0.400\"}", ErrorCode.INVALID_IPV4_ADDRESS, "companion $.clients[0].location.address (\"10.0.0.400\")"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\", \"port\": 1}", ErrorCode.INVALID_INPUT, "companion $.clients[0].location.port (1): is not a known member here"),
        row("\"name\": \"c\",", "\"name\": \"c\", \"tls\": [\"TLSv9\"],", ErrorCode.INVALID_TLS_VERSION, "companion $.clients[0].tls[0] (\"TLSv9\")"),
        row("\"name\": \"c\",", "\"name\": \"c\", \"tls\": \"all\",", ErrorCode.INVALID_INPUT, "companion $.clients[0].tls (\"all\"): must be a list of TLS versions"),
        row("{\"name\": \"orders-db\"", "{\"name\": \"billing-db\"", ErrorCode.DANGLING_REFERENCE, "companion $.servers[0].name (\"billing-db\"): names no flexible server"),
        row("{\"office\": {", "{\"home\": {", ErrorCode.DANGLING_REFERENCE, "companion $.servers[0].firewallRules.home (an object): names firewall rule home"),
        row("\"changedAt\": \"2026-11-24T11:00:00Z\"", "\"changedAt\": \"yesterday\"", ErrorCode.INVALID_INPUT, "companion $.servers[0].firewallRules.office.changedAt (\"yesterday\"): must be an instant"),
        row("\"clients\"", "\"droppedServersWithPrivateEndpoints\": [\"-bad-\"], \"clients\"", ErrorCode.INVALID_SERVER_NAME, "companion $.droppedServersWithPrivateEndpoints[0] (\"-bad-\")"),
        row("\"clients\"", "\"azureRanges\": [\"20.0.0.0/8\", \"banana\"], \"clients\"", ErrorCode.INVALID_RANGE, "companion $.azureRanges[1] (\"banana\")"),
        row("\"clients\": [", "\"clients\": [{\"name\": \"c\", \"location\": {\"internet\": \"198.51.100.1\"}}, ", ErrorCode.DUPLICATE_RESOURCE, "companion $.clients[1].name (\"c\"): is the name of another client too"),
        row("\"clients\"", "\"dnsServers\": [{\"name\": \"dns\", \"location\": {\"subnet\": \"v/app\", \"address\": \"10.0.1.9\"}}], \"clients\"", ErrorCode.INVALID_VALUE, "companion $.dnsServers[0].location.address (\"10.0.1.9\"): is outside subnet app (10.0.0.0/24)"),
        row("{\"name\": \"orders-db\",", "{\"name\": \"orders-db\", \"publicEndpointLabel\": \"rs-1.example\",", ErrorCode.INVALID_DNS_NAME, "companion $.servers[0].publicEndpointLabel (\"rs-1.example\"): must be one DNS label"),
        row("\"clients\"", "\"privateEndpoints\": [{\"name\": \"p\", \"connectionState\": \"Maybe\"}], \"clients\"", ErrorCode.INVALID_INPUT, "companion $.privateEndpoints[0].connectionState (\"Maybe\"): must be one of Approved, Pending, Rejected, Disconnected"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"internet\": \"10.0.0.4\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.internet (\"10.0.0.4\"): must be a public address"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"internet\": \"127.0.0.1\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.internet (\"127.0.0.1\"): must be a public address"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"internet\": \"100.64.0.9\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.internet (\"100.64.0.9\"): must be a public address"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"azure\": \"192.168.1.1\", \"tenant\": \"fabrikam.onmicrosoft.com\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.azure (\"192.168.1.1\"): must be a public address"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"azure\": \"224.0.0.1\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.azure (\"224.0.0.1\"): must be a public address"),
        row("{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\"}", "{\"subnet\": \"v/app\", \"address\": \"10.0.0.4\", \"outboundPublicAddress\": \"10.0.0.5\"}", ErrorCode.INVALID_VALUE, "companion $.clients[0].location.outboundPublicAddress (\"10.0.0.5\"): must be a public address"),
        row("\"clients\"", "\"onPremisesNetworks\": [{\"id\": \"/subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg/providers/Microsoft.Network/localNetworkGateways/hq\", \"addressPrefixes\": [\"192.168.0.0/16\"]}], \"dnsServers\": [{\"name\": \"dc1\", \"location\": {\"onPremises\": \"hq\", \"address\": \"192.168.0.53\", \"outboundPublicAddress\": \"169.254.0.1\"}}], \"clients\"", ErrorCode.INVALID_VALUE, "companion $.dnsServers[0].location.outboundPublicAddress (\"169.254.0.1\"): must be a public address"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @MethodSource("companionMistakes")
  void read_companionMistake_namesPathAndValue(String find, String replace, ErrorCode code, String messageStart) {
    assertTrue(COMPANION.contains(find), "the row must change the companion document: " + find);
    String broken = COMPANION.replace(find, replace);
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(BASE, Companion.parse(broken)));
    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith(messageStart), () -> "expected the message to start with\n  " + messageStart + "\nbut it was\n  " + e.getMessage());
  }

  static Stream<Arguments> nullArguments() {
    Companion companion = Companion.parse(COMPANION);
    return Stream.of(
        Arguments.of((Executable) () -> ArmImport.read(null), "ArmImport.read.armJson"),
        Arguments.of((Executable) () -> ArmImport.read((String) null, companion), "ArmImport.read.armJson"),
        Arguments.of((Executable) () -> ArmImport.read((ResourceInput) null, companion), "ArmImport.read.input"),
        Arguments.of((Executable) () -> ArmImport.read(BASE, null), "ArmImport.read.companion"),
        Arguments.of((Executable) () -> Companion.parse(null), "Companion.parse.json"),
        Arguments.of((Executable) () -> ArmExport.write(null), "ArmExport.write.estate"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("nullArguments")
  void entryPoint_nullArgument_missingAttributeNamingTheParameter(Executable call, String parameter) {
    PgreachException e = assertThrows(PgreachException.class, call);
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertEquals(parameter + " must not be null", e.getMessage());
  }

  @Test
  void parse_companionWithUnknownMember_namesIt() {
    PgreachException e = assertThrows(PgreachException.class, () -> Companion.parse("{\"clinets\": []}"));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().startsWith("companion $.clinets (an array of 0): is not a known member here"), e.getMessage());
  }

  @Test
  void parse_companionWithBadInstant_namesIt() {
    PgreachException e = assertThrows(PgreachException.class, () -> Companion.parse("{\"at\": \"noon\"}"));
    assertTrue(e.getMessage().startsWith("companion $.at (\"noon\"): must be an instant"), e.getMessage());
  }

  @Test
  void parse_companionThatIsNotAnObject_namesTheRoot() {
    PgreachException e = assertThrows(PgreachException.class, () -> Companion.parse("[]"));
    assertTrue(e.getMessage().startsWith("companion $ (an array of 0): must be an object"), e.getMessage());
  }

  static Stream<Arguments> templateMistakes() {
    return Stream.of(
        Arguments.of("[frobnicate(resourceGroup().id)]", "$.resources[0].location (", "function 'frobnicate' is not supported"),
        Arguments.of("[parameters('missing')]", "$.resources[0].location (", "names template parameter 'missing', which the template does not declare"),
        Arguments.of("[parameters('secret')]", "$.resources[0].location (", "names template parameter 'secret', which has no defaultValue"),
        Arguments.of("[variables('a')]", "$.variables.", "whose value refers back to itself"),
        Arguments.of("[concat('a', ]", "$.resources[0].location (", "is not a template expression pgreach can evaluate"),
        Arguments.of("[concat('a' 'b')]", "$.resources[0].location (", "')' was expected at character"),
        Arguments.of("[createObject('region', 'westeurope').location]", "$.resources[0].location (", "has no member 'location' (its members are region)"),
        Arguments.of("[" + "concat(".repeat(40) + "'x'" + ")".repeat(40) + "]", "$.resources[0].location (", "template expressions nest deeper than 32"),
        Arguments.of("[concat('" + "x".repeat(9000) + "')]", "$.resources[0].location (", "is a template expression longer than 8192 characters"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("templateMistakes")
  void read_templateExpressionMistake_namesPath(String expression, String path, String problem) {
    String template =
        """
        {"parameters": {"secret": {"type": "string"}},
         "variables": {"a": "[variables('b')]", "b": "[variables('a')]"},
         "resources": [{"type": "Microsoft.Network/virtualNetworks", "name": "v", "location": %s,
           "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}]}
        """
            .formatted(Json.quote(expression));
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(template));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().startsWith(path), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void read_templateWithCopyLoopOfOneName_isADuplicateNamingTheResource() {
    String template = "{\"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\", \"location\": \"westeurope\", \"copy\": {\"name\": \"c\", \"count\": 3}}]}";
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(template));
    assertEquals(ErrorCode.DUPLICATE_RESOURCE, e.code());
    assertEquals(2, e.problems().size(), "the second and third instance each repeat the first");
    assertTrue(e.problems().get(0).getMessage().startsWith("$.resources[0] (an object): lists "), e.getMessage());
    assertFalse(e.getMessage().contains("(missing)"), e.getMessage());
  }

  @Test
  void read_rootThatIsNoResourceList_namesTheRoot() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read("\"hello\""));
    assertTrue(e.getMessage().startsWith("$ (\"hello\"): must be a JSON array of ARM resources"), e.getMessage());
    PgreachException o = assertThrows(PgreachException.class, () -> ArmImport.read("{\"things\": []}"));
    assertTrue(o.getMessage().startsWith("$ (an object): must be a JSON array of ARM resources"), o.getMessage());
  }
}
