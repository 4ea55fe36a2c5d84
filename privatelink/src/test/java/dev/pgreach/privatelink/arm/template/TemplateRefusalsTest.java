package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.privatelink.arm.ArmDocument;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Azure refuses in a template is refused on its own: a parameter value that does not fit its
 * declaration is reported and read as unknown, a resource whose modelled parts cannot be evaluated
 * is left out (not known to exist) and reported at the member at fault, a resource of a type the
 * model does not read is counted as skipped; the rest of the deployment is read, and a strict read
 * fails with every problem at once.
 */
class TemplateRefusalsTest {
  private static final String RG = "/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/data-rg/providers/";
  private static final ResourceId SERVER = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db");

  /** A network whose address space indexes a parameter (as the AVM network module does), a server and a lock. */
  private static final String NETWORK_AND_SERVER =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "languageVersion": "2.0",
        "contentVersion": "1.0.0.0",
        "definitions": {
          "lockType": {"type": "object", "nullable": true,
            "properties": {"name": {"type": "string", "nullable": true}, "kind": {"type": "string", "allowedValues": ["CanNotDelete", "None", "ReadOnly"], "nullable": true}}},
          "ruleType": {"type": "object", "additionalProperties": false,
            "properties": {"name": {"type": "string", "minLength": 1}, "start": {"type": "string"}, "end": {"type": "string"}}}
        },
        "parameters": {
          "prefixes": {"type": "array"},
          "access": {"type": "string", "defaultValue": "Enabled", "allowedValues": ["Enabled", "Disabled"]},
          "lock": {"$ref": "#/definitions/lockType"},
          "rules": {"type": "array", "items": {"$ref": "#/definitions/ruleType"}, "defaultValue": []},
          "backupDays": {"type": "int", "defaultValue": 7, "minValue": 7, "maxValue": 35},
          "shortName": {"type": "string", "defaultValue": "orders", "maxLength": 10}
        },
        "resources": {
          "vnet": {
            "type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "app-vnet", "location": "westeurope",
            "properties": {
              "addressSpace": "[if(contains(parameters('prefixes')[0], '/ipamPools/'), createObject('ipamPoolPrefixAllocations', createArray()), createObject('addressPrefixes', parameters('prefixes')))]",
              "subnets": "[createArray(createObject('name', 'db', 'properties', createObject('addressPrefix', parameters('prefixes')[1])))]"
            }
          },
          "server": {
            "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "orders-db", "location": "westeurope",
            "sku": {"name": "Standard_D2ds_v5", "tier": "GeneralPurpose"},
            "properties": {"version": "16", "network": {"publicNetworkAccess": "[parameters('access')]"}, "backup": {"backupRetentionDays": "[parameters('backupDays')]"}}
          },
          "server_rules": {
            "copy": {"name": "server_rules", "count": "[length(parameters('rules'))]"},
            "type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01",
            "name": "[format('orders-db/{0}', parameters('rules')[copyIndex()].name)]",
            "properties": {"startIpAddress": "[parameters('rules')[copyIndex()].start]", "endIpAddress": "[parameters('rules')[copyIndex()].end]"}
          },
          "server_lock": {
            "condition": "[not(empty(coalesce(parameters('lock'), createObject())))]",
            "type": "Microsoft.Authorization/locks", "apiVersion": "2020-05-01",
            "scope": "Microsoft.DBforPostgreSQL/flexibleServers/orders-db",
            "name": "[coalesce(tryGet(parameters('lock'), 'name'), format('lock-{0}', parameters('shortName')))]",
            "properties": {"level": "[coalesce(tryGet(parameters('lock'), 'kind'), 'CanNotDelete')]"}
          },
          "server_roleAssignments": {
            "copy": {"name": "server_roleAssignments", "count": 1},
            "type": "Microsoft.Authorization/roleAssignments", "apiVersion": "2022-04-01",
            "scope": "Microsoft.DBforPostgreSQL/flexibleServers/orders-db",
            "name": "[guid('orders-db', parameters('shortName')[copyIndex()])]",
            "properties": {"principalId": "00000000-0000-0000-0000-000000000001"}
          }
        }
      }
      """;

  private static Companion companion(String parameters) {
    return Companion.parse("{\"deployment\": {\"subscriptionId\": \"11111111-2222-4333-8444-555555555555\", \"resourceGroup\": \"data-rg\", \"location\": \"westeurope\", \"parameters\": " + parameters + "}}");
  }

  private static ArmImport lenient(String template, String parameters) {
    return ArmImport.readLeavingOutRefused(List.of(ArmDocument.of("main.json", template)), companion(parameters), Deployment.none());
  }

  private static String messages(ArmImport read) {
    return read.refused().stream().map(PgreachException::getMessage).collect(Collectors.joining("\n"));
  }

  @Test
  void anIndexOutsideAnEmptyArray_refusesTheOneResource_atTheMemberAtFault_andTheRestLoads() {
    ArmImport read = lenient(NETWORK_AND_SERVER, "{\"prefixes\": []}");

    assertEquals(2, read.refused().size(), "both faulty members of the network, at once: " + messages(read));
    assertTrue(read.refused().get(0).getMessage().startsWith("$.resources.vnet.properties.addressSpace ("), messages(read));
    assertTrue(read.refused().get(0).getMessage().contains("index 0 is outside the array of 0"), messages(read));
    assertTrue(read.refused().get(1).getMessage().startsWith("$.resources.vnet.properties.subnets ("), messages(read));
    assertTrue(read.estate().network().virtualNetworks().isEmpty(), "the refused network is not read");
    assertTrue(read.estate().network().flexibleServer(SERVER).isPresent(), "the server beside it is");
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$.resources.vnet: Azure would refuse it")), read.notes()::toString);

    PgreachException strict = assertThrows(PgreachException.class, () -> ArmImport.read(NETWORK_AND_SERVER, companion("{\"prefixes\": []}"), Deployment.none()));
    assertEquals(2, strict.problems().size(), strict.getMessage());
    assertTrue(strict.getMessage().contains("$.resources.vnet.properties.subnets ("), strict.getMessage());
  }

  @Test
  void givenPrefixes_theSameTemplateLoadsWhole() {
    ArmImport read = lenient(NETWORK_AND_SERVER, "{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"]}");
    assertTrue(read.refused().isEmpty(), messages(read));
    assertEquals("10.1.0.0/24", read.estate().network().virtualNetworks().get(0).subnets().get(0).addressPrefix().toString());
  }

  @Test
  void ifEvaluatesOnlyTheBranchItTakes() {
    // Azure's reference: when the condition is true only the true value is evaluated, and the other way round
    assertEquals("none", Eval.of("if(empty(parameters('p')), 'none', parameters('p')[0])", "{\"p\": {\"type\": \"array\", \"defaultValue\": []}}", "{}").textValue());
    assertEquals("a", Eval.of("if(not(empty(parameters('p'))), parameters('p')[0], parameters('p')[5])", "{\"p\": {\"type\": \"array\", \"defaultValue\": [\"a\"]}}", "{}").textValue());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "access|\"Open\"|is not one of the allowed values [\"Enabled\",\"Disabled\"]",
        "access|\"enabled\"|is not one of the allowed values",
        "access|true|is of type bool, not string",
        "lock|\"pg-lock\"|is of type string, not object",
        "lock|{\"kind\": \"Forever\"}|at .kind is not one of the allowed values",
        "rules|[{\"name\": \"\", \"start\": \"1.1.1.1\", \"end\": \"1.1.1.1\"}]|at [0].name has length 0, less than the minLength 1",
        "rules|[{\"name\": \"a\", \"start\": \"1.1.1.1\", \"end\": \"1.1.1.1\", \"note\": \"x\"}]|at [0] has the property note, which the type does not declare",
        "rules|[{\"name\": \"a\", \"start\": \"1.1.1.1\"}]|at [0] lacks the required property end",
        "backupDays|3|is less than the minValue 7",
        "backupDays|36|is more than the maxValue 35",
        "shortName|\"orders-and-more\"|has length 15, more than the maxLength 10"
      })
  void aValueThatDoesNotFitItsDeclaration_isRefused_andReadAsUnknown(String name, String value, String why) {
    ArmImport read = lenient(NETWORK_AND_SERVER, "{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"], \"" + name + "\": " + value + "}");

    assertEquals(1, read.refused().size(), messages(read));
    PgreachException refusal = read.refused().get(0);
    assertEquals(ErrorCode.INVALID_VALUE, refusal.code());
    assertTrue(refusal.getMessage().startsWith("$.parameters." + name + " ("), refusal.getMessage());
    assertTrue(refusal.getMessage().contains("given by companion $.deployment.parameters." + name), refusal.getMessage());
    assertTrue(refusal.getMessage().contains(why), refusal.getMessage());
    assertTrue(read.estate().network().flexibleServer(SERVER).isPresent(), "the deployment is still read");
    if (name.equals("access")) {
      FlexibleServer s = read.estate().network().flexibleServer(SERVER).orElseThrow();
      assertFalse(s.isKnown(ServerSetting.PUBLIC_NETWORK_ACCESS), "read as unknown, never the default nor the value refused");
    }
    if (name.equals("rules")) {
      assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$.resources.server_rules.copy.count: the number of instances")), read.notes()::toString);
    }

    PgreachException strict = assertThrows(PgreachException.class, () -> ArmImport.read(NETWORK_AND_SERVER,
        companion("{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"], \"" + name + "\": " + value + "}"), Deployment.none()));
    assertEquals(ErrorCode.INVALID_VALUE, strict.code(), strict.getMessage());
  }

  @Test
  void valuesThatFit_areNotRefused() {
    ArmImport read = lenient(NETWORK_AND_SERVER, "{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"], \"access\": \"Disabled\", \"lock\": null, \"backupDays\": 35,"
        + " \"rules\": [{\"name\": \"office\", \"start\": \"203.0.113.0\", \"end\": \"203.0.113.255\"}]}");
    assertTrue(read.refused().isEmpty(), messages(read));
    assertEquals(1, read.estate().firewallRulesOf(SERVER).size());
  }

  @Test
  void errorsInTypesTheModelDoesNotRead_refuseNothing_theyAreCountedAsSkippedWithANote() {
    // the role assignment's name indexes a string; the lock is read by no one either
    ArmImport read = lenient(NETWORK_AND_SERVER, "{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"], \"lock\": {\"kind\": \"CanNotDelete\"}}");
    assertTrue(read.refused().isEmpty(), messages(read));
    assertEquals(1, read.skippedTypes().get("Microsoft.Authorization/roleAssignments"), read.skippedTypes()::toString);
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$.resources.server_roleAssignments: cannot be evaluated (") && n.contains("counted as skipped")), read.notes()::toString);
    ArmImport strict = ArmImport.read(NETWORK_AND_SERVER, companion("{\"prefixes\": [\"10.1.0.0/16\", \"10.1.0.0/24\"]}"), Deployment.none());
    assertEquals(1, strict.skippedTypes().get("Microsoft.Authorization/roleAssignments"), "a strict read does not fail for it either");
  }

  @Test
  void aRequiredParameterWithoutValue_stillFailsTheRead_forItIsTheWholeDeployment() {
    PgreachException e = assertThrows(PgreachException.class, () -> lenient(NETWORK_AND_SERVER, "{}"));
    assertTrue(e.getMessage().contains("names template parameter 'prefixes', which has no defaultValue and is given no value"), e.getMessage());
  }

  /** A module (inner scope) that makes a server and two rules, one of whose names cannot be evaluated. */
  private static final String MODULE =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {"tier": {"type": "string", "allowedValues": ["Burstable", "GeneralPurpose"]}},
        "resources": [
          {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "db",
           "properties": {
             "mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
             "parameters": {"tier": {"value": "[parameters('tier')]"}, "size": {"value": "huge"}},
             "template": {
               "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
               "contentVersion": "1.0.0.0",
               "parameters": {"tier": {"type": "string"}, "size": {"type": "int", "defaultValue": 2}},
               "resources": [
                 {"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "orders-db", "location": "westeurope",
                  "sku": {"name": "Standard_D2ds_v5", "tier": "[parameters('tier')]"}, "properties": {"version": "16", "network": {"publicNetworkAccess": "Enabled"}}},
                 {"type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01", "name": "orders-db/office",
                  "properties": {"startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255"}},
                 {"type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01",
                  "name": "[format('orders-db/{0}', split('a-b', '-')[2])]",
                  "properties": {"startIpAddress": "198.51.100.0", "endIpAddress": "198.51.100.255"}}
               ]
             }
           }}
        ]
      }
      """;

  @Test
  void inANestedDeployment_theRefusalNamesThePathInsideItsTemplate() {
    ArmImport read = lenient(MODULE, "{\"tier\": \"GeneralPurpose\"}");
    String all = messages(read);
    assertEquals(2, read.refused().size(), all);
    assertTrue(all.contains("$.resources[0].properties.template.parameters.size (\"huge\", given by $.resources[0].properties.parameters.size): the value is of type string, not int"), all);
    assertTrue(all.contains("$.resources[0].properties.template.resources[2].name (\"[format('orders-db/{0}', split('a-b', '-')[2])]\"): "), all);
    assertEquals(1, read.estate().firewallRulesOf(SERVER).size(), "the other rule of the module is read");

    PgreachException strict = assertThrows(PgreachException.class, () -> ArmImport.read(MODULE, companion("{\"tier\": \"GeneralPurpose\"}"), Deployment.none()));
    assertEquals(2, strict.problems().size(), strict.getMessage());
  }
}
