package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command, format and gate of the runnable jar, run as separate processes ({@code java
 * -jar}) on files, with their exit statuses and errors in JSON. In the {@code it} profile
 * ({@code mvn -Pit verify}): each process starts a virtual machine.
 */
class CliJarIT {
  private static final String ORDERS = "orders-db.postgres.database.azure.com";

  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("resources.json"), CliRun.bundled("resources.json"));
    Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    Files.writeString(dir.resolve("after.json"), CliGatesTest.widenedRule());
    Files.writeString(dir.resolve("questions.jsonl"), "{\"id\": \"1\", \"command\": \"check\", \"from\": \"orders-api\", \"to\": \"" + ORDERS + "\", \"expect\": \"CONNECTED\"}\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0|check --estate resources.json --companion companion.json --from orders-api --to " + ORDERS,
        "0|check --estate resources.json --companion companion.json --from orders-api --to " + ORDERS + " --format json",
        "0|check --estate resources.json --companion companion.json --from orders-api --to " + ORDERS + " --format junit",
        "1|check --estate resources.json --companion companion.json --from home-laptop --to web-db.postgres.database.azure.com",
        "0|resolve --estate resources.json --companion companion.json --from orders-api --name " + ORDERS + " --format json",
        "0|resolve --estate resources.json --companion companion.json --from orders-api --name " + ORDERS + " --format junit",
        "0|expose --estate resources.json --companion companion.json --server " + ORDERS + " --format json",
        "1|expose --estate resources.json --companion companion.json --server archive-db --format junit",
        "0|validate --estate resources.json --companion companion.json",
        "1|validate --estate resources.json --companion companion.json --fail-on warning --format sarif",
        "1|validate --estate resources.json --companion companion.json --fail-on advice --format junit",
        "0|validate --estate resources.json --companion companion.json --fail-on warning --format json --suppress SERVER_UNREACHABLE --suppress FIREWALL_ALLOWS_AZURE_SERVICES --suppress VIRTUAL_NETWORK_NEEDS_ZONE_LINK",
        "1|compare --before resources.json --after after.json --companion companion.json",
        "1|compare --before resources.json --after after.json --companion companion.json --format sarif",
        "1|compare --before resources.json --after after.json --companion companion.json --format junit",
        "0|compare --before resources.json --after after.json --companion companion.json --fail-on forbidden,lost --format json",
        "0|ask --estate resources.json --companion companion.json --questions questions.jsonl",
        "0|sample --format json",
        "64|check --sample --from orders-api --to ordrs-db.postgres.database.azure.com",
        "64|validate --sample --fail-on sometimes --format json",
        "0|validate --estate resources.json --companion companion.json --max-firewall-rules 0 --max-firewall-public-addresses 0 --format json",
        "1|validate --estate resources.json --companion companion.json --max-firewall-rules 0 --fail-on advice --format sarif",
        "64|validate --sample --max-firewall-rules -1 --format json",
        "64|validate --sample --max-firewall-public-addresses 4294967297 --format json",
        "66|validate --estate missing.json --format json",
        "64|frobnicate"
      })
  void command_exitsWithItsStatus(int status, String line) throws IOException {
    JarProcess p = JarProcess.run(dir, line.split(" "));
    assertEquals(status, p.status(), line + "\n" + p.out() + p.err());
    if (line.contains("--format json") || line.startsWith("ask") || line.contains("--format sarif")) {
      JsonNode json = line.startsWith("ask") ? CliRun.MAPPER.readTree(p.out().lines().findFirst().orElseThrow()) : CliRun.MAPPER.readTree(p.out());
      assertTrue(json.isObject(), p.out());
      if (status >= 64) {
        assertEquals(status, json.get("error").get("status").asInt(), p.out());
        assertTrue(p.err().startsWith("pgreach: "), p.err());
      }
    }
    if (line.contains("--format junit")) {
      assertTrue(p.out().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), p.out());
    }
  }

  @Test
  void ask_readsStandardInput() throws IOException {
    JarProcess p = JarProcess.withInput(dir, "{\"command\": \"expose\", \"server\": \"orders-db\"}\n", "ask", "--sample");
    assertEquals(0, p.status(), p.err());
    assertEquals("expose", CliRun.MAPPER.readTree(p.out()).get("command").asText());
  }

  @Test
  void ask_refusesAnExpectItsKindCannotGive_andQuestionsThatAreNotJson() throws IOException {
    Files.writeString(dir.resolve("maybe.jsonl"), "{\"id\": \"m\", \"command\": \"expose\", \"server\": \"orders-db\", \"expect\": \"MAYBE\"}\n");
    JarProcess p = JarProcess.run(dir, "ask", "--sample", "--questions", "maybe.jsonl");
    assertEquals(65, p.status(), p.out() + p.err());
    JsonNode error = CliRun.MAPPER.readTree(p.out()).get("error");
    assertEquals("INVALID_VALUE", error.get("code").asText(), p.out());
    assertEquals("maybe.jsonl question 1 expect", error.get("path").asText(), p.out());
    Files.writeString(dir.resolve("broken.jsonl"), "{\"id\": \"a\", \"command\": \"expose\", \"server\": \"orders-db\"}\n{\"id\": \"b\"\n");
    JarProcess q = JarProcess.run(dir, "ask", "--sample", "--questions", "broken.jsonl");
    assertEquals(65, q.status(), q.out() + q.err());
    assertTrue(q.err().startsWith("pgreach: cannot use broken.jsonl: broken.jsonl line "), q.err());
    assertTrue(!q.err().contains("REDACTED") && !q.err().contains("StreamReadFeature") && !q.err().contains("close marker"), q.err());
  }
}
