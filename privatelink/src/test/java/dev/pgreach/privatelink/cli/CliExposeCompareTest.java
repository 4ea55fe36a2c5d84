package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expose and compare commands, through the real entry point. */
class CliExposeCompareTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int status, String out, String err) {
    JsonNode json() throws IOException {
      return MAPPER.readTree(out);
    }
  }

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Cli.run(args, o, e);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = CliExposeCompareTest.class.getResourceAsStream("/dev/pgreach/privatelink/sample/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void expose_publicServer_jsonListsRangesAndAzureServices() throws IOException {
    Run r = run("expose", "--sample", "--server", "web-db", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    assertEquals("expose", j.get("command").asText());
    assertEquals("203.0.113.0/24", j.get("publicSources").get(0).asText());
    assertEquals("198.51.100.77", j.get("publicUndecided").get(0).asText());
    assertTrue(j.get("azureServices").asBoolean());
  }

  @Test
  void expose_readmeJsonExample_isWhatExposeWrites() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Run r = run("expose", "--sample", "--server", "web-db", "--format", "json");
    assertTrue(readme.contains("```json\n" + r.out() + "```"), "README's expose example must match:\n" + r.out());
  }

  @Test
  void expose_vnetServer_textListsEveryPlace() {
    Run r = run("expose", "--sample", "--server", "orders-db");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("Who can reach orders-db:5432"), r.out());
    assertTrue(r.out().contains("from on-premises network headquarters to 10.1.1.4: {192.168.0.0/16}"), r.out());
  }

  @Test
  void expose_serverNobodyReaches_exitsOne() {
    Run r = run("expose", "--sample", "--server", "archive-db");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().endsWith("nobody\n"), r.out());
  }

  @Test
  void expose_unknownServerOrMissingOption_usageError() {
    assertEquals(64, run("expose", "--sample", "--server", "ghost-db").status());
    assertEquals(64, run("expose", "--sample").status());
    assertEquals(64, run("expose", "--sample", "--server", "web-db", "--port", "0").status());
    Run help = run("expose", "--help");
    assertEquals(0, help.status());
    assertTrue(help.out().startsWith("Usage: pgreach expose"), help.out());
  }

  @Test
  void compare_removingThePrivateEndpoint_breaksBillingWorker() throws IOException {
    String resources = bundled("resources.json");
    Path before = Files.writeString(dir.resolve("before.json"), resources);
    JsonNode tree = MAPPER.readTree(resources);
    ArrayNode kept = MAPPER.createArrayNode();
    JsonNode list = tree.isArray() ? tree : tree.has("value") ? tree.get("value") : tree.get("data");
    for (JsonNode resource : list) {
      String type = resource.get("type").asText();
      if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("microsoft.network/privateendpoints")) {
        kept.add(resource);
      }
    }
    Path after = Files.writeString(dir.resolve("after.json"), MAPPER.writeValueAsString(kept));
    Path companion = Files.writeString(dir.resolve("companion.json"), bundled("companion.json"));
    Run text = run("compare", "--before", before.toString(), "--after", after.toString(), "--companion", companion.toString());
    assertEquals(1, text.status(), text.err());
    assertTrue(text.out().startsWith("FAILS (lost)"), text.out());
    assertTrue(text.out().contains("billing-worker -> billing-db: CONNECTED -> BLOCKED"), text.out());
    Run json = run("compare", "--before", before.toString(), "--after", after.toString(), "--companion", companion.toString(), "--format", "json");
    assertEquals(1, json.status());
    JsonNode j = json.json();
    assertEquals("compare", j.get("command").asText());
    assertTrue(j.get("accessChanges").size() > 0);
    assertEquals(0, j.get("forbiddenChanges").size());
  }

  @Test
  void compare_sameEstate_safe() throws IOException {
    Path estate = Files.writeString(dir.resolve("estate.json"), bundled("resources.json"));
    Path companion = Files.writeString(dir.resolve("companion.json"), bundled("companion.json"));
    Run r = run("compare", "--before", estate.toString(), "--after", estate.toString(), "--companion", companion.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("SAFE: 0 forbidden changes, 0 access changes, 0 exposure changes"), r.out());
  }

  @Test
  void compare_missingFile_noInput() {
    assertEquals(66, run("compare", "--before", dir.resolve("nope.json").toString(), "--after", dir.resolve("nope.json").toString()).status());
    assertEquals(64, run("compare", "--before", "x.json").status());
  }

  @Test
  void sample_json_includesEveryServersExposure() throws IOException {
    Run r = run("sample", "--format", "json");
    assertEquals(0, r.status(), r.err());
    assertEquals(4, r.json().get("exposure").size());
  }
}
