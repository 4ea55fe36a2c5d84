package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.SampleEstate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The template form of the bundled sample estate: what it really contains (parameters with
 * defaults, variables, resource and property copy loops, nested deployments with inner scope,
 * parameters passed in and outputs read), in both forms, and that each feature can be left out.
 */
class ArmTemplateExportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Estate SAMPLE = SampleArmTest.canonical(SampleEstate.estate());
  private static final ArmExport LIST = ArmExport.write(SAMPLE);
  private static final Estate LIST_READ = ArmImport.read(LIST.resourcesJson(), LIST.companion()).estate();

  private static JsonNode tree(ArmTemplateExport t) {
    try {
      return MAPPER.readTree(t.templateJson());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> resources(JsonNode template) {
    List<JsonNode> out = new ArrayList<>();
    template.get("resources").forEach(out::add);
    return out;
  }

  private static JsonNode named(JsonNode template, String name) {
    return resources(template).stream().filter(r -> r.get("name").asText().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no resource " + name));
  }

  private static JsonNode inner(JsonNode deployment) {
    return deployment.get("properties").get("template");
  }

  /** Every member anywhere in a value with a name, for checking what a template uses at all. */
  private static List<JsonNode> everywhere(JsonNode n, String member) {
    List<JsonNode> out = new ArrayList<>();
    if (n.isObject() && n.has(member)) {
      out.add(n.get(member));
    }
    if (n.isContainerNode()) {
      n.forEach(c -> out.addAll(everywhere(c, member)));
    }
    return out;
  }

  @Test
  void theSampleReadsBackAsItsResourceListAndAsItself() {
    ArmTemplateExport t = ArmTemplateExport.write(SAMPLE);
    ArmImport read = ArmImport.read(t.templateJson(), t.companion(), t.deployment());
    assertEquals(LIST_READ, read.estate());
    assertEquals(SAMPLE, read.estate());
    assertEquals(List.of(), read.notes(), "nothing is unknown or left out");
    assertEquals(0, read.skippedTypes().size());
    // the companion alone says how the template is deployed
    assertEquals(LIST_READ, ArmImport.read(t.templateJson(), t.companion()).estate());
  }

  @Test
  void theTemplateHasParametersWithDefaults() {
    JsonNode t = tree(ArmTemplateExport.write(SAMPLE));
    assertEquals(TemplateWriter.SCHEMA, t.get("$schema").asText());
    assertEquals("1.0.0.0", t.get("contentVersion").asText());
    assertFalse(t.has("languageVersion"));
    JsonNode p = t.get("parameters");
    assertEquals("[resourceGroup().location]", p.get("location").get("defaultValue").asText());
    assertEquals("northeurope", p.get("locationNortheurope").get("defaultValue").asText());
    assertEquals("[\"10.0.0.0/16\"]", p.get("hubAddressPrefixes").get("defaultValue").toString());
    JsonNode hub = named(t, "hub");
    assertEquals("[parameters('location')]", hub.get("location").asText());
    assertEquals("[parameters('hubAddressPrefixes')]", hub.get("properties").get("addressSpace").get("addressPrefixes").asText());
    assertEquals("[parameters('locationNortheurope')]", named(t, "analytics").get("location").asText());
  }

  @Test
  void theTemplateHasVariablesAndPropertyLoops() {
    JsonNode t = tree(ArmTemplateExport.write(SAMPLE));
    JsonNode v = t.get("variables");
    assertEquals("[resourceId('Microsoft.Network/virtualNetworks', 'spoke-data')]", v.get("spokeDataId").asText());
    assertEquals(3, v.get("hubSubnets").size());
    JsonNode subnets = named(t, "hub").get("properties").get("copy").get(0);
    assertEquals("subnets", subnets.get("name").asText());
    assertEquals("[length(variables('hubSubnets'))]", subnets.get("count").asText());
    assertEquals("[variables('hubSubnets')[copyIndex('subnets')]]", subnets.get("input").asText());
    // rules of one shape: what they share written once, the rest from the variable
    JsonNode rules = named(t, "pg-nsg").get("properties").get("copy").get(0);
    assertEquals("securityRules", rules.get("name").asText());
    assertEquals("[variables('pgNsgSecurityRules')[copyIndex('securityRules')].name]", rules.get("input").get("name").asText());
    assertEquals("*", rules.get("input").get("properties").get("sourcePortRange").asText());
    assertEquals("[resourceId('Microsoft.Network/virtualNetworks', 'hub')]", named(t, "spoke-data").get("dependsOn").get(0).asText());
  }

  @Test
  void otherResourceGroupsAreNestedDeploymentsWithInnerScope() {
    JsonNode t = tree(ArmTemplateExport.write(SAMPLE));
    JsonNode data = named(t, "data");
    assertEquals(TemplateWriter.DEPLOYMENTS, data.get("type").asText());
    assertEquals("data", data.get("resourceGroup").asText());
    assertEquals("inner", data.get("properties").get("expressionEvaluationOptions").get("scope").asText());
    assertEquals("[parameters('location')]", data.get("properties").get("parameters").get("location").get("value").asText());
    assertFalse(inner(data).get("parameters").get("location").has("defaultValue"), "a module is passed its parameters");
    // a server's child resource across groups: its subnet by resourceId with the group
    assertEquals("[resourceId('network', 'Microsoft.Network/virtualNetworks/subnets', 'spoke-data', 'pg')]", inner(data).get("variables").get("spokeDataPgId").asText());
    // servers of one shape as a resource copy loop
    JsonNode servers = named(inner(data), "[variables('flexibleServers')[copyIndex()].name]");
    assertEquals("flexibleServers", servers.get("copy").get("name").asText());
    assertEquals("[length(variables('flexibleServers'))]", servers.get("copy").get("count").asText());
  }

  @Test
  void aServersFirewallRulesAreAModuleGivenTheRules() {
    JsonNode data = inner(named(tree(ArmTemplateExport.write(SAMPLE)), "data"));
    JsonNode module = named(data, "web-db-firewallRules");
    assertEquals("web-db", module.get("properties").get("parameters").get("serverName").get("value").asText());
    assertEquals(3, module.get("properties").get("parameters").get("firewallRules").get("value").size());
    assertEquals("[\"flexibleServers\"]", module.get("dependsOn").toString());
    JsonNode loop = resources(inner(module)).get(0);
    assertEquals("[concat(parameters('serverName'), '/', parameters('firewallRules')[copyIndex()].name)]", loop.get("name").asText());
    assertEquals("[length(parameters('firewallRules'))]", loop.get("copy").get("count").asText());
    assertEquals("[parameters('firewallRules')[copyIndex()].startIpAddress]", loop.get("properties").get("startIpAddress").asText());
  }

  @Test
  void aLaterModuleIsGivenAnEarlierModulesOutputs() {
    JsonNode t = tree(ArmTemplateExport.write(SAMPLE));
    JsonNode data = named(t, "data");
    assertEquals("[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', 'billing-db')]", inner(data).get("outputs").get("billingDbId").get("value").asText());
    JsonNode endpoints = named(t, "apps-2");
    assertEquals(
        "[reference(resourceId('data', 'Microsoft.Resources/deployments', 'data'), '2022-09-01').outputs.billingDbId.value]",
        endpoints.get("properties").get("parameters").get("billingDbId").get("value").asText());
    JsonNode pe = named(inner(endpoints), "billing-db-pe");
    assertEquals("[parameters('billingDbId')]", pe.get("properties").get("privateLinkServiceConnections").get(0).get("properties").get("privateLinkServiceId").asText());
    assertTrue(StreamSupport.stream(endpoints.get("dependsOn").spliterator(), false).anyMatch(d -> d.asText().equals("[resourceId('data', 'Microsoft.Resources/deployments', 'data')]")));
    // the zone links: a resource loop of children, named with format() and copyIndex()
    JsonNode links = resources(inner(named(t, "dns"))).get(1);
    assertEquals("[format('{0}/{1}', 'orders-db.private.postgres.database.azure.com', variables('ordersDbPrivatePostgresDatabaseAzureComVirtualNetworkLinks')[copyIndex()].name)]", links.get("name").asText());
  }

  @Test
  void bicepsFormHasSymbolicNames() {
    ArmTemplateExport b = ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().bicep(true));
    JsonNode t = tree(b);
    assertEquals("2.0", t.get("languageVersion").asText());
    assertTrue(t.get("resources").isObject());
    assertEquals("hub", t.get("resources").fieldNames().next());
    JsonNode endpoints = t.get("resources").get("apps2Deployment");
    assertEquals("[reference('dataDeployment').outputs.billingDbId.value]", endpoints.get("properties").get("parameters").get("billingDbId").get("value").asText());
    assertEquals("[\"spokeApps\",\"dataDeployment\",\"dnsDeployment\"]", endpoints.get("dependsOn").toString());
    assertEquals("2.0", inner(endpoints).get("languageVersion").asText());
    assertTrue(inner(endpoints).get("resources").has("billingDbPe"));
    assertEquals(LIST_READ, ArmImport.read(b.templateJson(), b.companion(), b.deployment()).estate());
  }

  @Test
  void withoutFeaturesTheTemplateIsPlainDeclarations() {
    ArmTemplateExport plain = ArmTemplateExport.write(SAMPLE, TemplateOptions.of(EnumSet.noneOf(TemplateFeature.class), false));
    JsonNode t = tree(plain);
    assertFalse(t.has("parameters"));
    assertFalse(t.has("variables"));
    assertEquals(List.of(), everywhere(t, "copy"));
    assertEquals(List.of(), everywhere(t, "outputs"));
    assertEquals("[resourceId('Microsoft.Network/virtualNetworks', 'spoke-data')]", named(t, "hub").get("properties").get("virtualNetworkPeerings").get(0).get("properties").get("remoteVirtualNetwork").get("id").asText());
    // other groups still need nested deployments: a template deploys to one group
    assertEquals("data", named(t, "data").get("resourceGroup").asText());
    assertEquals(LIST_READ, ArmImport.read(plain.templateJson(), plain.companion(), plain.deployment()).estate());
  }

  @Test
  void eachFeatureLeftOutLeavesItsConstructOut() {
    JsonNode noModules = tree(ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().without(TemplateFeature.MODULES)));
    assertEquals(List.of(), everywhere(noModules, "outputs"));
    assertFalse(noModules.toString().contains("firewallRules')[copyIndex()]"));
    JsonNode noResourceCopy = tree(ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().without(TemplateFeature.RESOURCE_COPY)));
    assertTrue(everywhere(noResourceCopy, "copy").stream().allMatch(JsonNode::isArray), "only property loops");
    JsonNode noPropertyCopy = tree(ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().without(TemplateFeature.PROPERTY_COPY)));
    assertTrue(everywhere(noPropertyCopy, "copy").stream().allMatch(JsonNode::isObject), "only resource loops");
    JsonNode noParameters = tree(ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().without(TemplateFeature.PARAMETERS)));
    assertFalse(noParameters.has("parameters"));
    assertEquals("westeurope", named(noParameters, "hub").get("location").asText());
    JsonNode noVariables = tree(ArmTemplateExport.write(SAMPLE, TemplateOptions.defaults().without(TemplateFeature.VARIABLES)));
    assertFalse(noVariables.get("variables").has("spokeDataId"));
    assertTrue(noVariables.get("variables").has("hubSubnets"), "loops keep their arrays");
  }

  @Test
  void theCompanionSaysWhereTheTemplateIsDeployed() {
    ArmTemplateExport t = ArmTemplateExport.write(SAMPLE);
    JsonNode d = t.companion().root().req("deployment").raw();
    assertEquals("{\"subscriptionId\":\"11111111-1111-1111-1111-111111111111\",\"resourceGroup\":\"network\",\"location\":\"westeurope\"}", d.toString());
    assertEquals(java.util.Optional.of("network"), t.deployment().resourceGroup());
    assertEquals(java.util.Optional.of(ArmTemplateExport.DEPLOYMENT_NAME), t.deployment().name());
    // everything else is the resource-list form's companion
    com.fasterxml.jackson.databind.node.ObjectNode rest = t.companion().copy();
    rest.remove("deployment");
    assertEquals(LIST.companion(), Companion.of(rest));
  }

  @Test
  void writingIsDeterministic() {
    assertEquals(ArmTemplateExport.write(SAMPLE).templateJson(), ArmTemplateExport.write(SAMPLE).templateJson());
    TemplateOptions b = TemplateOptions.defaults().bicep(true);
    assertEquals(ArmTemplateExport.write(SAMPLE, b).templateJson(), ArmTemplateExport.write(SAMPLE, b).templateJson());
  }

  @Test
  void anEmptyEstateIsATemplateWithoutResources() {
    Estate empty = ArmImport.read("[]").estate();
    ArmTemplateExport t = ArmTemplateExport.write(empty);
    assertEquals(0, tree(t).get("resources").size());
    assertFalse(t.companion().toJson().contains("deployment"));
    assertEquals(ArmImport.read(ArmExport.write(empty).resourcesJson(), ArmExport.write(empty).companion()).estate(), ArmImport.read(t.templateJson(), t.companion(), t.deployment()).estate());
  }

  @Test
  void literalsThatWouldReadAsExpressionsAreEscaped() {
    assertEquals("[[deny]", TemplateNames.lit("[deny]"));
    assertEquals("[deny", TemplateNames.lit("[deny"));
    assertEquals("deny]", TemplateNames.lit("deny]"));
    assertEquals("'it''s'", TemplateNames.q("it's"));
    assertEquals("vnet0", TemplateNames.camel("vnet-0"));
    assertEquals("r10Net", TemplateNames.camel("10-net"));
    assertEquals("resource", TemplateNames.camel("--"));
  }

  /** Every template and nested template of a large estate keeps within Azure's template limits. */
  @Test
  void aLargeEstateKeepsWithinAzuresTemplateLimits() {
    String sub = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/";
    StringBuilder json = new StringBuilder("[{\"id\": \"" + sub + "network/providers/Microsoft.Network/virtualNetworks/net\", \"name\": \"net\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", "
        + "\"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}, \"subnets\": [{\"name\": \"pe\", \"properties\": {\"addressPrefix\": \"10.0.0.0/20\"}}]}}");
    int n = 260;
    for (int i = 0; i < n; i++) {
      json.append(", {\"id\": \"" + sub + "data/providers/Microsoft.DBforPostgreSQL/flexibleServers/db-" + i + "\", \"name\": \"db-" + i + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\", "
          + "\"sku\": {\"name\": \"Standard_B1ms\", \"tier\": \"Burstable\"}, \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}}");
    }
    for (int i = 0; i < n; i++) {
      json.append(", {\"id\": \"" + sub + "apps/providers/Microsoft.Network/privateEndpoints/pe-" + i + "\", \"name\": \"pe-" + i + "\", \"type\": \"Microsoft.Network/privateEndpoints\", \"location\": \"westeurope\", "
          + "\"properties\": {\"subnet\": {\"id\": \"" + sub + "network/providers/Microsoft.Network/virtualNetworks/net/subnets/pe\"}, \"privateLinkServiceConnections\": [{\"name\": \"pe-" + i + "\", \"properties\": {"
          + "\"privateLinkServiceId\": \"" + sub + "data/providers/Microsoft.DBforPostgreSQL/flexibleServers/db-" + i + "\", \"groupIds\": [\"postgresqlServer\"], \"privateLinkServiceConnectionState\": {\"status\": \"Approved\"}}}], "
          + "\"ipConfigurations\": [{\"name\": \"ipconfig\", \"properties\": {\"groupId\": \"postgresqlServer\", \"memberName\": \"postgresqlServer\", \"privateIPAddress\": \"10.0." + (1 + i / 250) + "." + (4 + i % 250) + "\"}}]}}");
    }
    Estate large = ArmImport.read(json.append("]").toString()).estate();
    assertEquals(n, large.privateEndpoints().size());
    ArmTemplateExport t = ArmTemplateExport.write(large);
    List<JsonNode> templates = new ArrayList<>();
    templates.add(tree(t));
    for (int i = 0; i < templates.size(); i++) {
      JsonNode at = templates.get(i);
      assertTrue(at.path("parameters").size() <= 256, () -> at.path("parameters").size() + " parameters");
      assertTrue(at.path("variables").size() <= 256, () -> at.path("variables").size() + " variables");
      assertTrue(at.path("outputs").size() <= 64, () -> at.path("outputs").size() + " outputs");
      resources(at).stream().filter(r -> r.has("properties") && r.get("properties").has("template")).forEach(r -> templates.add(inner(r)));
    }
    JsonNode endpoints = inner(named(tree(t), "apps"));
    assertEquals(64, inner(named(tree(t), "data")).get("outputs").size(), "as many outputs as Azure allows");
    assertTrue(endpoints.get("variables").size() > 64, "the rest by variables");
    assertTrue(t.templateJson().contains("\"privateLinkServiceId\": \"[resourceId('data', 'Microsoft.DBforPostgreSQL/flexibleServers', 'db-259')]\""), "and past the variables, by resourceId()");
    ArmExport list = ArmExport.write(large);
    assertEquals(ArmImport.read(list.resourcesJson(), list.companion()).estate(), ArmImport.read(t.templateJson(), t.companion(), t.deployment()).estate());
  }

  /** What a template deploys itself, copies counted, as Azure counts against its limit of 800. */
  private static int deployed(JsonNode template) {
    int n = 0;
    for (JsonNode r : resources(template)) {
      String count = r.path("copy").path("count").asText("");
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[length\\(variables\\('(.+)'\\)\\)\\]").matcher(count);
      n += m.matches() ? template.get("variables").get(m.group(1)).size() : 1;
    }
    return n;
  }

  /** A run of more resources than Azure deploys from one template is split into nested deployments of the same group. */
  @Test
  void aLongRunIsSplitBelowAzuresResourceLimit() {
    StringBuilder json = new StringBuilder("[");
    int n = 760;
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"id\": \"/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/db-" + i + "\", \"name\": \"db-" + i + "\", "
          + "\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\", \"sku\": {\"name\": \"Standard_B1ms\", \"tier\": \"Burstable\"}, \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}}");
    }
    Estate many = ArmImport.read(json.append("]").toString()).estate();
    for (TemplateOptions o : List.of(TemplateOptions.defaults(), TemplateOptions.of(EnumSet.noneOf(TemplateFeature.class), false))) {
      ArmTemplateExport t = ArmTemplateExport.write(many, o);
      JsonNode root = tree(t);
      assertTrue(deployed(root) <= 800, () -> deployed(root) + " resources");
      JsonNode rest = named(root, "data");
      assertEquals("data", rest.get("resourceGroup").asText());
      assertEquals(n - 700, deployed(inner(rest)));
      assertEquals(ArmImport.read(ArmExport.write(many).resourcesJson()).estate(), ArmImport.read(t.templateJson(), t.companion(), t.deployment()).estate());
    }
  }

  /** The README's example, as it is written there, writes files that read back. */
  @Test
  void theReadmeExampleRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    String example = "ArmTemplateExport out = ArmTemplateExport.write(estate, TemplateOptions.defaults().bicep(true));\n"
        + "Files.writeString(Path.of(\"main.json\"), out.templateJson());\n"
        + "Files.writeString(Path.of(\"companion.json\"), out.companion().toJson());\n"
        + "Estate again = ArmImport.read(out.templateJson(), out.companion(), out.deployment()).estate();\n";
    assertTrue(readme.contains(example), "the README holds the example");
    Estate estate = SAMPLE;
    ArmTemplateExport out = ArmTemplateExport.write(estate, TemplateOptions.defaults().bicep(true));
    java.nio.file.Files.writeString(dir.resolve("main.json"), out.templateJson());
    java.nio.file.Files.writeString(dir.resolve("companion.json"), out.companion().toJson());
    Estate again = ArmImport.read(out.templateJson(), out.companion(), out.deployment()).estate();
    assertEquals(LIST_READ, again);
    Estate fromFiles = ArmImport.read(java.nio.file.Files.readString(dir.resolve("main.json")), Companion.parse(java.nio.file.Files.readString(dir.resolve("companion.json")))).estate();
    assertEquals(LIST_READ, fromFiles);
  }

  @Test
  void nullArgumentsAreNamed() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmTemplateExport.write(null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("ArmTemplateExport.write.estate"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> ArmTemplateExport.write(SAMPLE, null));
    assertTrue(e.getMessage().contains("ArmTemplateExport.write.options"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> TemplateOptions.of(null, false));
    assertTrue(e.getMessage().contains("TemplateOptions.of.features"), e.getMessage());
    e = assertThrows(PgreachException.class, () -> TemplateOptions.defaults().without((TemplateFeature) null));
    assertTrue(e.getMessage().contains("TemplateOptions.without.features[]"), e.getMessage());
  }

  @Test
  void optionsAreValues() {
    assertEquals(TemplateOptions.defaults(), TemplateOptions.of(EnumSet.allOf(TemplateFeature.class), false));
    assertEquals(TemplateOptions.defaults().without(TemplateFeature.MODULES), TemplateOptions.of(EnumSet.complementOf(EnumSet.of(TemplateFeature.MODULES)), false));
    assertFalse(TemplateOptions.defaults().equals(TemplateOptions.defaults().bicep(true)));
    assertTrue(TemplateOptions.defaults().bicep(true).isBicep());
    assertFalse(TemplateOptions.defaults().without(TemplateFeature.VARIABLES).has(TemplateFeature.VARIABLES));
    assertEquals("TemplateOptions[PARAMETERS, MODULES]; 2.0", TemplateOptions.of(EnumSet.of(TemplateFeature.MODULES, TemplateFeature.PARAMETERS), true).toString());
  }
}
