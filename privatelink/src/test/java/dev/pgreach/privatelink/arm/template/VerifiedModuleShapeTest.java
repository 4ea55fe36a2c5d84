package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.arm.ArmDocument;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A flexible-server module written by us in the shape Bicep emits for the Azure Verified Module
 * (language version 2.0, nullable and user-typed parameters, a nested deployment per firewall rule,
 * per configuration and per private endpoint, the endpoint's zone group as a deployment nested in
 * it), deployed by a test template beside the network, zone and link its end-to-end tests create,
 * with the parameter sets of those tests: private access, public access, public access with a
 * private endpoint, and WAF-aligned. The answers are the ones the module's own deployments give.
 */
class VerifiedModuleShapeTest {
  private static final String SUB = "5e7a1c00-0000-4000-8000-00000000c0de";
  private static final String RG = "/subscriptions/" + SUB + "/resourceGroups/db-rg/providers/";
  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  /** The module: a server, its firewall rules, configurations and private endpoints, each a nested deployment. */
  private static final String MODULE =
      """
      {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "languageVersion": "2.0",
        "contentVersion": "1.0.0.0",
        "metadata": {"_generator": {"name": "bicep"}},
        "definitions": {
          "firewallRuleType": {"type": "object", "properties": {
            "name": {"type": "string"}, "startIpAddress": {"type": "string"}, "endIpAddress": {"type": "string"}}},
          "zoneGroupType": {"type": "object", "nullable": true, "properties": {
            "name": {"type": "string", "nullable": true},
            "privateDnsZoneGroupConfigs": {"type": "array", "items": {"type": "object", "properties": {"privateDnsZoneResourceId": {"type": "string"}}}}}},
          "privateEndpointType": {"type": "object", "properties": {
            "name": {"type": "string", "nullable": true},
            "location": {"type": "string", "nullable": true},
            "subnetResourceId": {"type": "string"},
            "resourceGroupResourceId": {"type": "string", "nullable": true},
            "privateDnsZoneGroup": {"$ref": "#/definitions/zoneGroupType"},
            "ipConfigurations": {"type": "array", "nullable": true}}}
        },
        "parameters": {
          "name": {"type": "string"},
          "location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
          "skuName": {"type": "string"},
          "tier": {"type": "string", "allowedValues": ["GeneralPurpose", "Burstable", "MemoryOptimized"]},
          "administratorLogin": {"type": "string", "nullable": true},
          "administratorLoginPassword": {"type": "securestring", "nullable": true},
          "highAvailability": {"type": "string", "defaultValue": "ZoneRedundant", "allowedValues": ["Disabled", "SameZone", "ZoneRedundant"]},
          "version": {"type": "string", "defaultValue": "16", "allowedValues": ["14", "15", "16", "17"]},
          "delegatedSubnetResourceId": {"type": "string", "nullable": true},
          "privateDnsZoneArmResourceId": {"type": "string", "defaultValue": ""},
          "publicNetworkAccess": {"type": "string", "defaultValue": "Disabled", "allowedValues": ["Disabled", "Enabled"]},
          "firewallRules": {"type": "array", "items": {"$ref": "#/definitions/firewallRuleType"}, "nullable": true},
          "configurations": {"type": "array", "defaultValue": []},
          "privateEndpoints": {"type": "array", "items": {"$ref": "#/definitions/privateEndpointType"}, "nullable": true},
          "tags": {"type": "object", "nullable": true}
        },
        "resources": {
          "server": {
            "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01",
            "name": "[parameters('name')]", "location": "[parameters('location')]", "tags": "[parameters('tags')]",
            "sku": {"name": "[parameters('skuName')]", "tier": "[parameters('tier')]"},
            "properties": {
              "version": "[parameters('version')]",
              "administratorLogin": "[parameters('administratorLogin')]",
              "administratorLoginPassword": "[parameters('administratorLoginPassword')]",
              "highAvailability": {"mode": "[parameters('highAvailability')]"},
              "network": "[if(and(not(empty(parameters('delegatedSubnetResourceId'))), empty(parameters('firewallRules'))), createObject('delegatedSubnetResourceId', parameters('delegatedSubnetResourceId'), 'privateDnsZoneArmResourceId', parameters('privateDnsZoneArmResourceId'), 'publicNetworkAccess', parameters('publicNetworkAccess')), createObject('publicNetworkAccess', parameters('publicNetworkAccess')))]"
            }
          },
          "server_firewallRules": {
            "copy": {"name": "server_firewallRules", "count": "[length(coalesce(parameters('firewallRules'), createArray()))]"},
            "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
            "name": "[format('{0}-rule-{1}', uniqueString(deployment().name, parameters('location')), copyIndex())]",
            "dependsOn": ["server"],
            "properties": {
              "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
              "parameters": {
                "name": {"value": "[coalesce(parameters('firewallRules'), createArray())[copyIndex()].name]"},
                "flexibleServerName": {"value": "[parameters('name')]"},
                "startIpAddress": {"value": "[coalesce(parameters('firewallRules'), createArray())[copyIndex()].startIpAddress]"},
                "endIpAddress": {"value": "[coalesce(parameters('firewallRules'), createArray())[copyIndex()].endIpAddress]"}
              },
              "template": {
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                "parameters": {"name": {"type": "string"}, "flexibleServerName": {"type": "string"}, "startIpAddress": {"type": "string"}, "endIpAddress": {"type": "string"}},
                "resources": {
                  "server": {"existing": true, "type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "[parameters('flexibleServerName')]"},
                  "rule": {"type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01",
                           "name": "[format('{0}/{1}', parameters('flexibleServerName'), parameters('name'))]",
                           "properties": {"startIpAddress": "[parameters('startIpAddress')]", "endIpAddress": "[parameters('endIpAddress')]"}}
                },
                "outputs": {"resourceId": {"type": "string", "value": "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', parameters('flexibleServerName'), parameters('name'))]"}}
              }
            }
          },
          "server_configurations": {
            "copy": {"name": "server_configurations", "count": "[length(parameters('configurations'))]", "mode": "serial", "batchSize": 1},
            "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
            "name": "[format('{0}-config-{1}', uniqueString(deployment().name, parameters('location')), copyIndex())]",
            "dependsOn": ["server_firewallRules"],
            "properties": {
              "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
              "parameters": {
                "name": {"value": "[parameters('configurations')[copyIndex()].name]"},
                "flexibleServerName": {"value": "[parameters('name')]"},
                "source": {"value": "[tryGet(parameters('configurations')[copyIndex()], 'source')]"},
                "value": {"value": "[tryGet(parameters('configurations')[copyIndex()], 'value')]"}
              },
              "template": {
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                "parameters": {"name": {"type": "string"}, "flexibleServerName": {"type": "string"}, "source": {"type": "string", "nullable": true}, "value": {"type": "string", "nullable": true}},
                "resources": {
                  "configuration": {"type": "Microsoft.DBforPostgreSQL/flexibleServers/configurations", "apiVersion": "2024-08-01",
                                    "name": "[format('{0}/{1}', parameters('flexibleServerName'), parameters('name'))]",
                                    "properties": {"source": "[parameters('source')]", "value": "[parameters('value')]"}}
                }
              }
            }
          },
          "server_privateEndpoints": {
            "condition": "[empty(parameters('delegatedSubnetResourceId'))]",
            "copy": {"name": "server_privateEndpoints", "count": "[length(coalesce(parameters('privateEndpoints'), createArray()))]"},
            "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
            "name": "[format('{0}-pe-{1}', uniqueString(deployment().name, parameters('location')), copyIndex())]",
            "subscriptionId": "[split(coalesce(tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'resourceGroupResourceId'), resourceGroup().id), '/')[2]]",
            "resourceGroup": "[split(coalesce(tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'resourceGroupResourceId'), resourceGroup().id), '/')[4]]",
            "dependsOn": ["server"],
            "properties": {
              "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
              "parameters": {
                "name": {"value": "[coalesce(tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'name'), format('pep-{0}-postgresqlServer-{1}', parameters('name'), copyIndex()))]"},
                "location": {"value": "[tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'location')]"},
                "subnetResourceId": {"value": "[coalesce(parameters('privateEndpoints'), createArray())[copyIndex()].subnetResourceId]"},
                "serverId": {"value": "[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', parameters('name'))]"},
                "privateDnsZoneGroup": {"value": "[tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'privateDnsZoneGroup')]"},
                "ipConfigurations": {"value": "[tryGet(coalesce(parameters('privateEndpoints'), createArray())[copyIndex()], 'ipConfigurations')]"}
              },
              "template": {
                "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                "parameters": {
                  "name": {"type": "string"},
                  "location": {"type": "string", "defaultValue": "[resourceGroup().location]"},
                  "subnetResourceId": {"type": "string"},
                  "serverId": {"type": "string"},
                  "privateDnsZoneGroup": {"type": "object", "nullable": true},
                  "ipConfigurations": {"type": "array", "nullable": true}
                },
                "resources": {
                  "privateEndpoint": {
                    "type": "Microsoft.Network/privateEndpoints", "apiVersion": "2024-05-01",
                    "name": "[parameters('name')]", "location": "[parameters('location')]",
                    "properties": {
                      "subnet": {"id": "[parameters('subnetResourceId')]"},
                      "ipConfigurations": "[coalesce(parameters('ipConfigurations'), createArray())]",
                      "privateLinkServiceConnections": [{"name": "[parameters('name')]", "properties": {"privateLinkServiceId": "[parameters('serverId')]", "groupIds": ["postgresqlServer"]}}]
                    }
                  },
                  "privateEndpoint_zoneGroup": {
                    "condition": "[not(empty(parameters('privateDnsZoneGroup')))]",
                    "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
                    "name": "[format('{0}-zonegroup', parameters('name'))]",
                    "dependsOn": ["privateEndpoint"],
                    "properties": {
                      "expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental",
                      "parameters": {
                        "privateEndpointName": {"value": "[parameters('name')]"},
                        "configs": {"value": "[parameters('privateDnsZoneGroup').privateDnsZoneGroupConfigs]"}
                      },
                      "template": {
                        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                        "languageVersion": "2.0", "contentVersion": "1.0.0.0",
                        "parameters": {"privateEndpointName": {"type": "string"}, "configs": {"type": "array", "minLength": 1, "maxLength": 5}},
                        "resources": {
                          "group": {
                            "type": "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", "apiVersion": "2024-05-01",
                            "name": "[format('{0}/default', parameters('privateEndpointName'))]",
                            "properties": {"privateDnsZoneConfigs": "[map(parameters('configs'), lambda('c', createObject('name', last(split(lambdaVariables('c').privateDnsZoneResourceId, '/')), 'properties', createObject('privateDnsZoneId', lambdaVariables('c').privateDnsZoneResourceId))))]"}
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "outputs": {"fqdn": {"type": "string", "value": "[reference('server').fullyQualifiedDomainName]"}}
      }
      """;

  /** The test deployment: the network, zone and link of the test's dependencies, then the module with one parameter set. */
  private static String deployment(String vnet, boolean delegated, String zone, String moduleParameters) {
    String subnet = delegated
        ? "{\"name\": \"defaultSubnet\", \"properties\": {\"addressPrefix\": \"[cidrSubnet('10.0.0.0/16', 24, 0)]\", \"delegations\": [{\"name\": \"pg\", \"properties\": {\"serviceName\": \"Microsoft.DBforPostgreSQL/flexibleServers\"}}]}}"
        : "{\"name\": \"endpoints\", \"properties\": {\"addressPrefix\": \"[cidrSubnet('10.0.0.0/16', 24, 0)]\"}}";
    return """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "languageVersion": "2.0",
          "contentVersion": "1.0.0.0",
          "resources": {
            "vnet": {"type": "Microsoft.Network/virtualNetworks", "apiVersion": "2024-05-01", "name": "%1$s", "location": "[resourceGroup().location]",
                     "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                                    "subnets": [%2$s, {"name": "apps", "properties": {"addressPrefix": "[cidrSubnet('10.0.0.0/16', 24, 1)]"}}]}},
            "zone": {"type": "Microsoft.Network/privateDnsZones", "apiVersion": "2024-06-01", "name": "%3$s", "location": "global"},
            "link": {"type": "Microsoft.Network/privateDnsZones/virtualNetworkLinks", "apiVersion": "2024-06-01", "name": "[format('%3$s/{0}-vnetlink', '%1$s')]",
                     "location": "global", "dependsOn": ["zone", "vnet"],
                     "properties": {"virtualNetwork": {"id": "[resourceId('Microsoft.Network/virtualNetworks', '%1$s')]"}, "registrationEnabled": false}},
            "testDeployment": {
              "type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "test-deployment",
              "dependsOn": ["link"],
              "properties": {"expressionEvaluationOptions": {"scope": "inner"}, "mode": "Incremental", "parameters": %4$s, "template": %5$s}
            }
          }
        }
        """.formatted(vnet, subnet, zone, moduleParameters, MODULE);
  }

  private static String subnet(String vnet, String name) {
    return RG + "Microsoft.Network/virtualNetworks/" + vnet + "/subnets/" + name;
  }

  private static ArmImport read(String template, String companionExtra) {
    Companion companion = Companion.parse("""
        {"complete": true, "at": "2026-12-01T12:00:00Z",
         "deployment": {"subscriptionId": "%s", "resourceGroup": "db-rg", "location": "westeurope"},
         "clients": [{"name": "internet-user", "location": {"internet": "198.51.100.23"}},
                     {"name": "azure-service", "location": {"azure": "20.50.1.1", "tenant": "22222222-2222-4222-8222-222222222222"}}%s]}
        """.formatted(SUB, companionExtra));
    ArmImport read = ArmImport.readLeavingOutRefused(List.of(ArmDocument.of("main.json", template)), companion, Deployment.builder().name("e2e").build());
    assertTrue(read.refused().isEmpty(), read.refused()::toString);
    return read;
  }

  private static Disposition connect(ArmImport read, String client, String server) {
    Connection c = Connectivity.of(read.estate()).connect(read.estate().client(client), server + ".postgres.database.azure.com", 5432, AT);
    return c.disposition();
  }

  private static final String COMMON =
      "\"skuName\": {\"value\": \"Standard_D2s_v3\"}, \"tier\": {\"value\": \"GeneralPurpose\"},"
          + " \"configurations\": {\"value\": [{\"name\": \"log_min_messages\", \"source\": \"user-override\", \"value\": \"INFO\"}]},"
          + " \"tags\": {\"value\": {\"Environment\": \"Non-Prod\", \"Role\": \"DeploymentValidation\"}}";
  private static final String RULES =
      "\"firewallRules\": {\"value\": [{\"name\": \"AllowAllWindowsAzureIps\", \"startIpAddress\": \"0.0.0.0\", \"endIpAddress\": \"0.0.0.0\"},"
          + " {\"name\": \"test-rule1\", \"startIpAddress\": \"10.10.10.1\", \"endIpAddress\": \"10.10.10.10\"},"
          + " {\"name\": \"test-rule2\", \"startIpAddress\": \"100.100.100.1\", \"endIpAddress\": \"100.100.100.10\"}]}";

  @Test
  void privateAccess_theServerIsReachableFromItsOwnNetwork_andNotFromTheInternet() {
    String vnet = "dep-vnet-pvt";
    String template = deployment(vnet, true, "pvt.postgres.database.azure.com", "{\"name\": {\"value\": \"pgpvt001\"}, " + COMMON + ","
        + " \"administratorLogin\": {\"value\": \"adminUserName\"}, \"administratorLoginPassword\": {\"value\": \"not-a-secret-of-anyone\"},"
        + " \"delegatedSubnetResourceId\": {\"value\": \"" + subnet(vnet, "defaultSubnet") + "\"},"
        + " \"privateDnsZoneArmResourceId\": {\"value\": \"" + RG + "Microsoft.Network/privateDnsZones/pvt.postgres.database.azure.com\"}}");
    String appVm = ", {\"name\": \"app-vm\", \"location\": {\"subnet\": \"" + subnet(vnet, "apps") + "\", \"address\": \"10.0.1.4\"}}";

    // the address Azure gives the server in its subnet is known only at deployment
    ArmImport unknownAddress = read(template, appVm);
    FlexibleServer s = unknownAddress.estate().network().flexibleServer(ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/pgpvt001")).orElseThrow();
    assertEquals(NetworkingMode.PRIVATE_ACCESS, s.networkingMode());
    assertEquals(Disposition.INDETERMINATE, connect(unknownAddress, "app-vm", "pgpvt001"), "never connected on a guessed address");
    assertEquals(Disposition.BLOCKED, connect(unknownAddress, "internet-user", "pgpvt001"));

    ArmImport known = read(template, appVm + "], \"servers\": [{\"name\": \"pgpvt001\", \"privateAddress\": \"10.0.0.4\"}");
    assertEquals(Disposition.ALLOWED, connect(known, "app-vm", "pgpvt001"));
    assertEquals(Disposition.BLOCKED, connect(known, "internet-user", "pgpvt001"));
    assertEquals(Disposition.BLOCKED, connect(known, "azure-service", "pgpvt001"));
  }

  @Test
  void publicAccess_asTheTestGivesIt_leavesPublicAccessAtTheModulesDefault_Disabled() {
    String params = "{\"name\": {\"value\": \"pgpub001\"}, " + COMMON + ", " + RULES + ", \"highAvailability\": {\"value\": \"SameZone\"}, \"version\": {\"value\": \"14\"}}";
    ArmImport read = read(deployment("dep-vnet-pub", false, "privatelink.postgres.database.azure.com", params), "");
    ResourceId server = ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/pgpub001");
    assertEquals(3, read.estate().firewallRulesOf(server).size(), "one firewall rule per nested deployment");
    assertEquals(Disposition.BLOCKED, connect(read, "internet-user", "pgpub001"));
    assertEquals(Disposition.BLOCKED, connect(read, "azure-service", "pgpub001"), "the rules are kept, not enforced");

    ArmImport enabled = read(deployment("dep-vnet-pub", false, "privatelink.postgres.database.azure.com",
        params.substring(0, params.length() - 1) + ", \"publicNetworkAccess\": {\"value\": \"Enabled\"}}"), "");
    assertEquals(Disposition.ALLOWED, connect(enabled, "azure-service", "pgpub001"), "0.0.0.0 admits Azure services");
    assertEquals(Disposition.BLOCKED, connect(enabled, "internet-user", "pgpub001"), "the test's other rules admit no public address");
  }

  @Test
  void publicAccessWithAPrivateEndpoint_inAnotherResourceGroup_isReadWithItsRegionUnknown_andReachedFromItsNetwork() {
    String vnet = "dep-vnet-pe";
    String zone = RG + "Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com";
    String params = "{\"name\": {\"value\": \"pgpe001\"}, " + COMMON + ", " + RULES + ","
        + " \"privateEndpoints\": {\"value\": [{\"subnetResourceId\": \"" + subnet(vnet, "endpoints") + "\","
        + "   \"resourceGroupResourceId\": \"/subscriptions/" + SUB + "/resourceGroups/endpoints-rg\","
        + "   \"privateDnsZoneGroup\": {\"privateDnsZoneGroupConfigs\": [{\"privateDnsZoneResourceId\": \"" + zone + "\"}]},"
        + "   \"ipConfigurations\": [{\"name\": \"pe-ip\", \"properties\": {\"groupId\": \"postgresqlServer\", \"memberName\": \"postgresqlServer\", \"privateIPAddress\": \"10.0.0.10\"}}]}]}}";
    String extra = ", {\"name\": \"app-vm\", \"location\": {\"subnet\": \"" + subnet(vnet, "apps") + "\", \"address\": \"10.0.1.4\"}}],"
        + " \"privateEndpoints\": [{\"name\": \"pep-pgpe001-postgresqlServer-0\", \"connectionState\": \"Approved\"}";
    ArmImport read = read(deployment(vnet, false, "privatelink.postgres.database.azure.com", params), extra);

    PrivateEndpoint pe = read.estate().privateEndpoints().get(0);
    assertEquals("/subscriptions/" + SUB + "/resourceGroups/endpoints-rg/providers/Microsoft.Network/privateEndpoints/pep-pgpe001-postgresqlServer-0", pe.id().toString());
    assertFalse(pe.region().isPresent(), "another resource group's location is not known: the region is unknown, not guessed");
    assertEquals(Ipv4Address.parse("10.0.0.10"), pe.privateAddress());
    assertTrue(read.notes().stream().anyMatch(n -> n.contains("the region of private endpoint pep-pgpe001-postgresqlServer-0 is not in the input")), read.notes()::toString);
    assertEquals(Disposition.ALLOWED, connect(read, "app-vm", "pgpe001"), "through the endpoint and the A record its zone group writes");
    assertEquals(Disposition.BLOCKED, connect(read, "internet-user", "pgpe001"));
  }

  @Test
  void aPrivateEndpointWhoseAddressIsAllocatedAtDeployment_leavesTheAnswerOpen_neverBlocked() {
    String vnet = "dep-vnet-pe";
    String zone = RG + "Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com";
    String params = "{\"name\": {\"value\": \"pgpe001\"}, " + COMMON + ", " + RULES + ","
        + " \"privateEndpoints\": {\"value\": [{\"subnetResourceId\": \"" + subnet(vnet, "endpoints") + "\","
        + "   \"privateDnsZoneGroup\": {\"privateDnsZoneGroupConfigs\": [{\"privateDnsZoneResourceId\": \"" + zone + "\"}]}}]}}";
    ArmImport read = read(deployment(vnet, false, "privatelink.postgres.database.azure.com", params),
        ", {\"name\": \"app-vm\", \"location\": {\"subnet\": \"" + subnet(vnet, "apps") + "\", \"address\": \"10.0.1.4\"}}");
    Connection c = Connectivity.of(read.estate()).connect(read.estate().client("app-vm"), "pgpe001.postgres.database.azure.com", 5432, AT);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), () -> "the zone's A record holds an address the input does not show: " + c.explanation() + read.notes());
  }

  @Test
  void wafAligned_isPrivateAccess_withZoneRedundancy() {
    String vnet = "dep-vnet-waf";
    String params = "{\"name\": {\"value\": \"pgwaf001\"}, " + COMMON + ", \"highAvailability\": {\"value\": \"ZoneRedundant\"},"
        + " \"delegatedSubnetResourceId\": {\"value\": \"" + subnet(vnet, "defaultSubnet") + "\"},"
        + " \"privateDnsZoneArmResourceId\": {\"value\": \"" + RG + "Microsoft.Network/privateDnsZones/waf.postgres.database.azure.com\"}}";
    ArmImport read = read(deployment(vnet, true, "waf.postgres.database.azure.com", params),
        ", {\"name\": \"app-vm\", \"location\": {\"subnet\": \"" + subnet(vnet, "apps") + "\", \"address\": \"10.0.1.4\"}}],"
            + " \"servers\": [{\"name\": \"pgwaf001\", \"privateAddress\": \"10.0.0.4\"}");
    assertEquals(Disposition.ALLOWED, connect(read, "app-vm", "pgwaf001"));
    assertEquals(Disposition.BLOCKED, connect(read, "internet-user", "pgwaf001"));
    assertEquals(Disposition.BLOCKED, connect(read, "azure-service", "pgwaf001"));
  }
}
