package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every independent problem of an input is reported, each once, at its path. */
class CliEveryProblemOnceTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static int count(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  /** A template whose copy loop names a parameter given no value: the loop's name is one problem. */
  private static final String LOOP_TEMPLATE =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\",\n"
          + " \"parameters\": {\"db\": {\"type\": \"string\"}, \"allowed\": {\"type\": \"array\", \"defaultValue\": [\"192.0.2.1\", \"192.0.2.2\", \"192.0.2.3\"]}},\n"
          + " \"resources\": [\n"
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"[parameters('db')]\", \"location\": \"northeurope\",\n"
          + "   \"properties\": {\"version\": \"16\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}},\n"
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"apiVersion\": \"2024-08-01\",\n"
          + "   \"name\": \"[concat(parameters('db'), '/rule', copyIndex())]\", \"copy\": {\"name\": \"rules\", \"count\": \"[length(parameters('allowed'))]\"},\n"
          + "   \"properties\": {\"startIpAddress\": \"[parameters('allowed')[copyIndex()]]\", \"endIpAddress\": \"[parameters('allowed')[copyIndex()]]\"}}\n"
          + " ]}\n";

  @Test
  void copyLoopNamingAParameterGivenNoValue_isReportedOnce() throws IOException {
    Path t = file("loop.json", LOOP_TEMPLATE);
    CliRun r = CliRun.of("validate", "--estate", t.toString());
    assertEquals(65, r.status(), r.err());
    assertTrue(r.err().contains("2 problems"), r.err());
    assertEquals(1, count(r.err(), "$.resources[0].name"), r.err());
    assertEquals(1, count(r.err(), "$.resources[1].name"), r.err());
  }

  @Test
  void intentsFile_unknownServerAndUnknownKind_areReportedTogether_eachAtItsPath() throws IOException {
    Path i = file("intents.json", "{\"intents\": [{\"kind\": \"privateEndpointsApproved\", \"servers\": [\"missing-db\"]}, {\"kind\": \"notAKind\"}]}");
    CliRun r = CliRun.of("verify", "--sample", "--intents", i.toString());
    assertEquals(65, r.status(), r.err());
    assertTrue(r.err().contains("2 problems"), r.err());
    assertTrue(r.err().contains("$.intents[1].kind (\"notAKind\")"), r.err());
    assertTrue(r.err().contains("$.intents[0] (privateEndpointsApproved) names server \"missing-db\""), r.err());
  }

  @Test
  void intentsFileProblems_comeBeforeAnEstateThatCannotBeRead() throws IOException {
    Path i = file("intents.json", "{\"intents\": [{\"kind\": \"notAKind\"}]}");
    Path e = file("estate.json", "{\"value\": 3}");
    CliRun r = CliRun.of("verify", "--estate", e.toString(), "--intents", i.toString());
    assertEquals(65, r.status(), r.err());
    assertTrue(r.err().contains("cannot use " + i), r.err());
  }
}
