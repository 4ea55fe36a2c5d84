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
    assertEquals("[[deny]", TemplateWriter.lit("[deny]"));
    assertEquals("[deny", TemplateWriter.lit("[deny"));
    assertEquals("deny]", TemplateWriter.lit("deny]"));
    assertEquals("'it''s'", TemplateWriter.q("it's"));
    assertEquals("vnet0", TemplateWriter.camel("vnet-0"));
    assertEquals("r10Net", TemplateWriter.camel("10-net"));
    assertEquals("resource", TemplateWriter.camel("--"));
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
