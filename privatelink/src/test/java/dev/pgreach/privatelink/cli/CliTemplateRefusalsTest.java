package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} on documents with parts Azure refuses: each is an {@code INPUT_REFUSED} ERROR at
 * the member at fault (a parameter value, a resource inside a nested template, a child whose
 * parent's name is invalid), beside every other finding.
 */
class CliTemplateRefusalsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private JsonNode validate(String document, String companion) throws IOException {
    Path d = Files.writeString(dir.resolve("main.json"), document);
    Path c = Files.writeString(dir.resolve("companion.json"), companion);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Cli.run(new String[] {"validate", "--estate", d.toString(), "--companion", c.toString(), "--format", "json"}, o, e);
    }
    assertEquals(1, status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    return MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode refusal(JsonNode report, String resource) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asText().equals("INPUT_REFUSED") && f.get("resource").asText().equals(resource)) {
        return f;
      }
    }
    throw new AssertionError("no INPUT_REFUSED for " + resource + " in " + report);
  }

  @Test
  void aRefusedParameterValue_andAResourceInsideANestedTemplate_areFindingsAtTheirPaths() throws IOException {
    String template =
        """
        {"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "contentVersion": "1.0.0.0",
         "parameters": {"access": {"type": "string", "allowedValues": ["Enabled", "Disabled"], "defaultValue": "Enabled"}},
         "resources": [
           {"type": "Microsoft.DBforPostgreSQL/flexibleServers", "apiVersion": "2024-08-01", "name": "orders-db", "location": "westeurope",
            "properties": {"version": "16", "network": {"publicNetworkAccess": "[parameters('access')]"}}},
           {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "rules",
            "properties": {"mode": "Incremental", "template": {"resources": [
              {"type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01", "name": "orders-db/office",
               "properties": {"startIpAddress": "203.0.113.0", "endIpAddress": "203.0.113.255"}},
              {"type": "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "apiVersion": "2024-08-01", "name": "[concat('orders-db/', createArray()[0])]",
               "properties": {"startIpAddress": "198.51.100.0", "endIpAddress": "198.51.100.255"}}]}}}
         ]}
        """;
    JsonNode report = validate(template, "{\"deployment\": {\"subscriptionId\": \"5e7a1c00-0000-4000-8000-00000000c0de\", \"resourceGroup\": \"db-rg\", \"parameters\": {\"access\": \"open\"}}}");
    JsonNode parameter = refusal(report, "$.parameters.access");
    assertEquals("value", parameter.get("field").asText());
    assertTrue(parameter.get("message").asText().startsWith("Azure would refuse this parameter value, so the parameter is read as unknown"), parameter::toString);
    JsonNode rule = refusal(report, "$.resources[1].properties.template.resources[1]");
    assertEquals("name", rule.get("field").asText(), rule::toString);
  }

  @Test
  void aChildOfAZoneWithAnInvalidName_isRefusedAtTheChild_notAtTheDocument() throws IOException {
    String rg = "/subscriptions/5e7a1c00-0000-4000-8000-00000000c0de/resourceGroups/db-rg/providers/";
    String document = "[{\"id\": \"" + rg + "Microsoft.Network/privateDnsZones/<<prefix>>.postgres.database.azure.com/virtualNetworkLinks/l\","
        + " \"name\": \"l\", \"type\": \"Microsoft.Network/privateDnsZones/virtualNetworkLinks\", \"location\": \"global\","
        + " \"properties\": {\"virtualNetwork\": {\"id\": \"" + rg + "Microsoft.Network/virtualNetworks/v\"}, \"registrationEnabled\": false}}]";
    JsonNode report = validate(document, "{}");
    JsonNode link = refusal(report, "$[0]");
    assertTrue(link.get("message").asText().contains("INVALID_DNS_NAME"), link::toString);
  }
}
