package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server the input holds but reads as outside it (its location known only at deployment): the
 * command names the server, says why it is outside the input and how to give what is missing,
 * instead of saying the estate has no such server; given the location, the server is read.
 */
class CliServerOutsideInputTest {
  @TempDir Path dir;

  private static final String TEMPLATE =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\",\n"
          + " \"parameters\": {\"db\": {\"type\": \"string\", \"defaultValue\": \"ledger-db\"}},\n"
          + " \"resources\": [\n"
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"[parameters('db')]\",\n"
          + "   \"location\": \"[resourceGroup().location]\", \"sku\": {\"name\": \"Standard_B1ms\", \"tier\": \"Burstable\"},\n"
          + "   \"properties\": {\"version\": \"16\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}},\n"
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"apiVersion\": \"2024-08-01\", \"name\": \"[concat(parameters('db'), '/branch')]\",\n"
          + "   \"properties\": {\"startIpAddress\": \"192.0.2.10\", \"endIpAddress\": \"192.0.2.20\"}}\n"
          + " ]}\n";

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void checkToAServerWhoseLocationIsKnownOnlyAtDeployment_saysSoAndPointsToDeploymentLocation() throws IOException {
    Path t = file("ledger.json", TEMPLATE);
    CliRun r = CliRun.of("check", "--estate", t.toString(), "--from", "internet:192.0.2.15", "--to", "ledger-db.postgres.database.azure.com", "--format", "json");
    assertEquals(65, r.status(), r.out());
    JsonNode e = r.json().get("error");
    assertEquals("INVALID_INPUT", e.get("code").asText());
    assertEquals("--to", e.get("path").asText());
    String m = e.get("message").asText();
    assertTrue(m.contains("names server ledger-db") && m.contains("outside") && m.contains("$.resources[0].location is known only at deployment"), m);
    assertTrue(m.contains("deployment.location"), m);
    assertFalse(m.contains("has no servers"), m);
  }

  @Test
  void exposeServerWhoseLocationIsKnownOnlyAtDeployment_saysWhyInsteadOfNoSuchServer() throws IOException {
    Path t = file("ledger.json", TEMPLATE);
    CliRun r = CliRun.of("expose", "--estate", t.toString(), "--server", "ledger-db");
    assertEquals(65, r.status(), r.err());
    assertTrue(r.err().contains("names server ledger-db") && r.err().contains("location is known only at deployment") && r.err().contains("deployment.location"), r.err());
  }

  @Test
  void theSameTemplateWithDeploymentLocation_readsTheServer() throws IOException {
    Path t = file("ledger.json", TEMPLATE);
    Path c = file("companion.json", "{\"deployment\": {\"location\": \"northeurope\", \"subscriptionId\": \"5a1e0000-0000-4000-8000-000000000042\", \"resourceGroup\": \"ledger\"}}");
    CliRun r = CliRun.of("expose", "--estate", t.toString(), "--companion", c.toString(), "--server", "ledger-db");
    assertTrue(r.status() == 0 || r.status() == 2, r.err() + r.out());
    assertTrue(r.out().contains("ledger-db"), r.out());
  }

  @Test
  void aServerTheInputDoesNotHoldAtAll_isStillAMistakeOnTheCommandLine() throws IOException {
    Path t = file("ledger.json", TEMPLATE);
    CliRun r = CliRun.of("check", "--estate", t.toString(), "--from", "internet:192.0.2.15", "--to", "other-db.postgres.database.azure.com");
    assertEquals(64, r.status(), r.err());
    assertTrue(r.err().contains("names no server of the estate"), r.err());
  }
}
