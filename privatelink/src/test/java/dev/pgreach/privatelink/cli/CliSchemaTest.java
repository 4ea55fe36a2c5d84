package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real output of every command, in JSON and SARIF, checked against the schemas: ours, shipped in
 * the jar under {@code dev/pgreach/privatelink/schema}, and the OASIS SARIF 2.1.0 schema (errata
 * 01, the test resource {@code sarif-schema-2.1.0.json}, unmodified).
 */
class CliSchemaTest {
  private static final String ORDERS = "orders-db.postgres.database.azure.com";

  @TempDir Path dir;

  private static JsonNode resource(String name) {
    try (InputStream in = CliSchemaTest.class.getResourceAsStream(name)) {
      return CliRun.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new AssertionError(name, e);
    }
  }

  private static Schema ours(String output) {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(resource("/dev/pgreach/privatelink/schema/" + output + ".schema.json"));
  }

  private static void valid(Schema schema, JsonNode json) {
    List<Error> errors = schema.validate(json);
    assertTrue(errors.isEmpty(), errors + "\n" + json.toPrettyString());
  }

  @Test
  void everyJsonOutput_matchesItsSchema() throws IOException {
    valid(ours("check"), CliRun.of("check", "--sample", "--from", "orders-api", "--to", ORDERS, "--format", "json").json());
    valid(ours("check"), CliRun.of("check", "--sample", "--from", "orders-api", "--to", "10.1.1.4", "--format", "json").json());
    valid(ours("resolve"), CliRun.of("resolve", "--sample", "--from", "orders-api", "--name", ORDERS, "--format", "json").json());
    valid(ours("expose"), CliRun.of("expose", "--sample", "--server", "web-db", "--format", "json").json());
    valid(ours("matrix"), CliRun.of("matrix", "--sample", "--format", "json").json());
    valid(ours("validate"), CliRun.of("validate", "--sample", "--format", "json", "--suppress", "SERVER_UNREACHABLE").json());
    valid(ours("sample"), CliRun.of("sample", "--format", "json").json());
    valid(ours("error"), CliRun.of("check", "--sample", "--from", "nobody", "--to", ORDERS, "--format", "json").json());
    valid(ours("error"), CliRun.of("validate", "--estate", dir.resolve("missing.json").toString(), "--format", "json").json());
    Path before = Files.writeString(dir.resolve("before.json"), CliRun.bundled("resources.json"));
    Path after = Files.writeString(dir.resolve("after.json"), CliGatesTest.widenedRule());
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    valid(ours("compare"), CliRun.of("compare", "--before", before.toString(), "--after", after.toString(), "--companion", companion.toString(), "--format", "json").json());
    String questions =
        "{\"id\": \"1\", \"command\": \"check\", \"from\": \"orders-api\", \"to\": \"" + ORDERS + "\", \"expect\": \"CONNECTED\"}\n"
            + "{\"id\": \"2\", \"command\": \"resolve\", \"from\": \"orders-api\", \"name\": \"" + ORDERS + "\"}\n"
            + "{\"id\": \"3\", \"command\": \"expose\", \"server\": \"orders-db\", \"port\": 6432}\n"
            + "{\"id\": \"4\", \"command\": \"check\", \"from\": \"orders-api\"}\n";
    List<JsonNode> lines = CliRun.withInput(questions, "ask", "--sample").jsonLines();
    assertEquals(4, lines.size());
    for (JsonNode line : lines) {
      valid(ours("ask"), line);
    }
  }

  @Test
  void schemas_rejectWhatTheOutputNeverHolds() {
    JsonNode check = CliRun.of("check", "--sample", "--from", "orders-api", "--to", ORDERS, "--format", "json").json();
    ((com.fasterxml.jackson.databind.node.ObjectNode) check).put("surprise", 1);
    assertFalse(ours("check").validate(check).isEmpty(), "a member the schema does not know must be rejected");
    ((com.fasterxml.jackson.databind.node.ObjectNode) check).remove("surprise");
    ((com.fasterxml.jackson.databind.node.ObjectNode) check).put("schemaVersion", 2);
    assertFalse(ours("check").validate(check).isEmpty(), "another schema version must be rejected");
  }

  @Test
  void companionSchema_acceptsTheSampleCompanion_rejectsAnUnknownMember() throws IOException {
    valid(ours("companion"), CliRun.MAPPER.readTree(CliRun.bundled("companion.json")));
    assertFalse(ours("companion").validate(CliRun.MAPPER.readTree("{\"clientz\": []}")).isEmpty());
  }

  @Test
  void sarif_validatesAgainstTheSarifSchema() throws IOException {
    Schema sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(resource("sarif-schema-2.1.0.json"));
    JsonNode validate = CliRun.of("validate", "--sample", "--format", "sarif", "--suppress", "NSG_SERVICE_TAG_UNKNOWN").json();
    valid(sarif, validate);
    assertEquals(CliRun.of("validate", "--sample", "--format", "json").json().get("findings").size(), validate.get("runs").get(0).get("results").size());
    Path before = Files.writeString(dir.resolve("before.json"), CliRun.bundled("resources.json"));
    Path after = Files.writeString(dir.resolve("after.json"), CliGatesTest.widenedRule());
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    valid(sarif, CliRun.of("compare", "--before", before.toString(), "--after", after.toString(), "--companion", companion.toString(), "--format", "sarif").json());
    assertFalse(sarif.validate(CliRun.MAPPER.readTree("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}")).isEmpty(), "a run without its tool is not SARIF");
  }
}
