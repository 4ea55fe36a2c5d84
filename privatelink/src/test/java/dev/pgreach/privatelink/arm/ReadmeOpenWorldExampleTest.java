package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partial export the module README answers, read from the README itself. */
class ReadmeOpenWorldExampleTest {
  private static final String COMPANION = "{\"clients\": [{\"name\": \"laptop\", \"location\": {\"internet\": \"198.51.100.23\"}}]}";
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void aResourceGraphRowWithoutFirewallRules_isIndeterminateAsTheReadmeShows() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("A partial export answered"));
    String graph = block(section, "```json\n");
    String answer = block(section, "```text\n");

    Connection c = connect(List.of(graph));

    assertEquals(Disposition.INDETERMINATE, c.disposition(), c::explanation);
    assertEquals(ReasonCode.NOT_OBSERVED, c.decidingStep().orElseThrow().code());
    String[] lines = c.explanation().split("\n");
    assertEquals(answer.strip(), (lines[0] + "\n" + lines[1]).strip());
  }

  @Test
  void theSameRowWithItsFirewallRules_isDecidedByThem() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String graph = block(readme.substring(readme.indexOf("A partial export answered")), "```json\n");

    Connection admitted = connect(List.of(graph, resource("openworld/firewall-rule-list.json")));
    assertEquals(Disposition.ALLOWED, admitted.disposition(), admitted::explanation);

    String officeOnly =
        "{\"value\": [{\"id\": \"/subscriptions/7e57d0c1-0000-4000-8000-00000000a001/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/shop-db/firewallRules/office\","
            + " \"name\": \"office\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
            + " \"properties\": {\"startIpAddress\": \"203.0.113.0\", \"endIpAddress\": \"203.0.113.255\"}}]}";
    Connection refused = connect(List.of(graph, officeOnly));
    assertEquals(Disposition.BLOCKED, refused.disposition(), refused::explanation);
    assertEquals(ReasonCode.FIREWALL_NO_RULE_MATCHED, refused.decidingStep().orElseThrow().code(), refused::explanation);
  }

  private static Connection connect(List<String> documents) {
    Estate estate = ArmImport.read(documents, Companion.parse(COMPANION)).estate();
    return Connectivity.of(estate).connect(estate.client("laptop"), "shop-db.postgres.database.azure.com", 5432, AT);
  }

  private static String block(String text, String fence) {
    int start = text.indexOf(fence) + fence.length();
    return text.substring(start, text.indexOf("```", start));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReadmeOpenWorldExampleTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
