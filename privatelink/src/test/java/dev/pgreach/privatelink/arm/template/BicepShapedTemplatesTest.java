package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import org.junit.jupiter.api.Test;

/**
 * Templates written by us in the shapes Bicep emits (languageVersion 2.0, symbolic names,
 * nullable parameters, a module as a nested deployment with inner scope and outputs, copy loops
 * over a module and over properties), read end to end into an estate.
 */
class BicepShapedTemplatesTest {
  private static final String RG = "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/data-rg/providers/";

  /** A main template with a network, a server, and a firewall-rule module called once per rule. */
  static final String MAIN =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "languageVersion": "2.0",
        "contentVersion": "1.0.0.0",
        "metadata": {"_generator": {"name": "bicep"}},
        "definitions": {"ruleType": {"type": "object", "properties": {"name": {"type": "string"}, "start": {"type": "string"}, "end": {"type": "string"}}}},
        "parameters": {
          "name": {"type": "string"},
          "location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
          "subnetCount": {"type": "int", "defaultValue": 2},
          "firewallRules": {"type": "array", "items": {"$ref": "#/definitions/ruleType"}, "defaultValue": []},
          "tags": {"type": "object", "nullable": true},
          "publicNetworkAccess": {"type": "string", "nullable": true}
        },
        "variables": {
          "vnetName": "[format('{0}-vnet', parameters('name'))]",
          "copy": [{"name": "subnets", "count": "[parameters('subnetCount')]",
                    "input": {"name": "[format('s{0}', copyIndex('subnets'))]", "properties": {"addressPrefix": "[format('10.0.{0}.0/24', copyIndex('subnets'))]"}}}]
        },
        "resources": {
          "vnet": {
            "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01",
            "name": "[variables('vnetName')]", "location": "[parameters('location')]", "tags": "[parameters('tags')]",
            "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}, "subnets": "[variables('subnets')]"}
          },
          "hub": {"existing": true, "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2023-11-01", "resourceGroup": "hub-rg", "name": "hub-vnet"},
          "server": {
            "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01",
            "name": "[parameters('name')]", "location": "[parameters('location')]",
            "sku": {"name": "Standard_D2ds_v5", "tier": "GeneralPurpose"},
            "properties": {"version": "16", "network": {"publicNetworkAccess": "[coalesce(parameters('publicNetworkAccess'), 'Enabled')]"}}
          },
          "server_firewallRules": {
            "copy": {"name": "server_firewallRules", "count": "[length(parameters('firewallRules'))]"},
            "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
            "name": "[format('{0}-rule-{1}', uniqueString(deployment().name, parameters('location')), copyIndex())]",
            "properties": {
              "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
              "parameters": {
                "serverName": {"value": "[parameters('name')]"},
                "rule": {"value": "[parameters('firewallRules')[copyIndex()]]"}
              },
              "template": {
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                "parameters": {"serverName": {"type": "string"}, "rule": {"type": "object"}},
                "resources": {
                  "server": {"existing": true, "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "[parameters('serverName')]"},
                  "rule": {
                    "type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01",
                    "name": "[format('{0}/{1}', parameters('serverName'), parameters('rule').name)]",
                    "properties": {"startIpAddress": "[parameters('rule').start]", "endIpAddress": "[parameters('rule').end]"}
                  }
                },
                "outputs": {"name": {"type": "string", "value": "[parameters('rule').name]"}, "id": {"type": "string", "value": "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', parameters('serverName'), parameters('rule').name)]"}}
              }
            },
            "dependsOn": ["server"]
          },
          "lock": {
            "condition": "[equals(reference('server_firewallRules[0]').outputs.name.value, 'office')]",
            "type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01", "scope": "[format('Microsoft.DBforPostgreSQL/flexibleServers/{0}', parameters('name'))]",
            "name": "lock", "properties": {"level": "CanNotDelete"}
          }
        },
        "outputs": {"ruleIds": {"type": "array", "copy": {"count": "[length(parameters('firewallRules'))]", "input": "[reference(format('server_firewallRules[{0}]', copyIndex())).outputs.id.value]"}}}
      }
      """;

  static final String PARAMETERS =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {
          "name": {"value": "orders-db"},
          "firewallRules": {"value": [{"name": "office", "start": "203.0.113.0", "end": "203.0.113.255"}, {"name": "vpn", "start": "198.51.100.7", "end": "198.51.100.7"}]}
        }
      }
      """;

  private static Deployment deployment() {
    return Deployment.builder().name("main").subscriptionId("11111111-2222-4333-8444-555555555555").resourceGroup("data-rg").location("northeurope")
        .parametersFile(PARAMETERS).parameter("subnetCount=3").build();
  }

  @Test
  void aBicepModule_readsWithNestedDeploymentsCopyLoopsAndNullableParameters() {
    ArmImport read = ArmImport.read(MAIN, Companion.empty(), deployment());

    var vnet = read.estate().network().virtualNetwork(ResourceId.parse(RG + "Microsoft.Network/virtualNetworks/orders-db-vnet")).orElseThrow();
    assertEquals("northeurope", vnet.region().name(), "location from resourceGroup().location through the parameter's default");
    assertEquals(3, vnet.subnets().size(), "the variable loop's count came from subnetCount=3");
    assertEquals("10.0.2.0/24", vnet.subnet("s2").orElseThrow().addressPrefix().toString());
    ResourceId server = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db");
    assertTrue(read.estate().network().flexibleServer(server).isPresent());
    var rules = read.estate().firewallRulesOf(server);
    assertEquals(Ipv4Address.parse("203.0.113.255"), rules.rule("office").orElseThrow().endIpAddress(), "a rule made inside a module instance");
    assertEquals(Ipv4Address.parse("198.51.100.7"), rules.rule("vpn").orElseThrow().startIpAddress());
    assertEquals(java.util.Map.of("Microsoft.Authorization/locks", 1), read.skippedTypes(), "the lock's condition used a module's output, and held");
  }

  @Test
  void parameters_givenAsNameValueOverrideTheFileAndAreReadByTheirType() {
    Deployment d = Deployment.builder().location("westeurope").parametersFile(PARAMETERS).parameter("name=billing-db").parameter("subnetCount=1").build();
    ArmImport read = ArmImport.read(MAIN, Companion.empty(), d);
    assertEquals("billing-db-vnet", read.estate().network().virtualNetworks().get(0).name());
    assertEquals(1, read.estate().network().virtualNetworks().get(0).subnets().size());

    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(MAIN, Companion.empty(),
        Deployment.builder().parametersFile(PARAMETERS).parameter("subnetCount=many").parameter("nosuch=1").build()));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertEquals(2, e.problems().size(), "both mistakes at once: " + e.getMessage());
    assertTrue(e.getMessage().contains("$.parameters.subnetCount (\"many\", given by parameter subnetCount): parameter subnetCount is of type int"), e.getMessage());
    assertTrue(e.getMessage().contains("$.parameters.nosuch (given by parameter nosuch): the template declares no parameter nosuch"), e.getMessage());
  }

  @Test
  void aRequiredParameterWithoutValue_namesItsUseAndHowToGiveIt() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(MAIN, Companion.empty(), Deployment.none()));
    assertTrue(e.getMessage().contains("$.variables.vnetName (\"[format('{0}-vnet', parameters('name'))]\"): names template parameter 'name', which has no defaultValue"), e.getMessage());
  }

  @Test
  void anUnknownCondition_isNoted_andTheResourceIsNotKnownToExist() {
    String template = MAIN.replace("\"[equals(reference('server_firewallRules[0]').outputs.name.value, 'office')]\"", "\"[reference('server').properties.ha]\"")
        .replace("\"type\": \"Microsoft.Authorization/locks\"", "\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\"")
        .replace("\"scope\": \"[format('Microsoft.DBforPostgreSQL/flexibleServers/{0}', parameters('name'))]\",", "")
        .replace("\"name\": \"lock\", \"properties\": {\"level\": \"CanNotDelete\"}", "\"name\": \"[format('{0}/maybe', parameters('name'))]\", \"properties\": {\"startIpAddress\": \"10.0.0.1\", \"endIpAddress\": \"10.0.0.1\"}");
    ArmImport read = ArmImport.read(template, Companion.empty(), deployment());
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$.resources.lock.condition: the condition is known only at deployment")), read.notes()::toString);
    ResourceId server = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db");
    assertTrue(read.estate().firewallRulesOf(server).rule("maybe").isEmpty(), "not known to exist");
    assertTrue(!read.estate().firewallRulesComplete(server), "and the server's rules are not known in full");
  }

  @Test
  void evaluationMistakes_areAllReportedAtOnce_atTheMemberAtFault() {
    String broken = MAIN.replace("\"version\": \"16\"", "\"version\": \"[frobnicate()]\"").replace("\"addressPrefixes\": [\"10.0.0.0/16\"]", "\"addressPrefixes\": [\"[substring('x', 5)]\"]");
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(broken, Companion.empty(), deployment()));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("$.resources.vnet.properties.addressSpace.addressPrefixes[0] (\"[substring('x', 5)]\"): function 'substring'"), e.getMessage());
    assertTrue(e.getMessage().contains("$.resources.server.properties.version (\"[frobnicate()]\"): function 'frobnicate' is not supported"), e.getMessage());
  }
}
