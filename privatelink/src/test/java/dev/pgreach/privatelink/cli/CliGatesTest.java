package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The CI side of the command line: gates, suppressions, baselines, SARIF, JUnit, errors in JSON, batches. */
class CliGatesTest {
  private static final String ORDERS = "orders-db.postgres.database.azure.com";
  private static final String ARCHIVE = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/archive-db";

  @TempDir Path dir;

  /** The sample resources with firewall rule ci-runner widened to every address. */
  static String widenedRule() {
    try {
      JsonNode tree = CliRun.MAPPER.readTree(CliRun.bundled("resources.json"));
      JsonNode list = tree.isArray() ? tree : tree.has("value") ? tree.get("value") : tree.get("data");
      for (JsonNode r : list) {
        if (r.get("name").asText().endsWith("ci-runner") && r.get("type").asText().toLowerCase(java.util.Locale.ROOT).endsWith("firewallrules")) {
          ((ObjectNode) r.get("properties")).put("startIpAddress", "0.0.0.0").put("endIpAddress", "255.255.255.255");
          return CliRun.MAPPER.writeValueAsString(tree);
        }
      }
      throw new AssertionError("the sample has no rule ci-runner");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String[] compare(String... more) throws IOException {
    Path before = Files.writeString(dir.resolve("before.json"), CliRun.bundled("resources.json"));
    Path after = Files.writeString(dir.resolve("after.json"), widenedRule());
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    List<String> args = new java.util.ArrayList<>(List.of("compare", "--before", before.toString(), "--after", after.toString(), "--companion", companion.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  @Test
  void version_printsTheBuiltVersion() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.status());
    assertTrue(r.out().matches("pgreach \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), r.out());
  }

  @Test
  void validate_failOn_eachLevel() {
    assertEquals(0, CliRun.of("validate", "--sample").status(), "only warnings and advice: error passes");
    assertEquals(1, CliRun.of("validate", "--sample", "--fail-on", "warning").status());
    assertEquals(1, CliRun.of("validate", "--sample", "--fail-on", "advice").status());
    assertEquals(0, CliRun.of("validate", "--sample", "--fail-on", "never", "--profile", "preview2021").status());
    assertEquals(64, CliRun.of("validate", "--sample", "--fail-on", "sometimes").status());
  }

  @Test
  void validate_suppressions_areListedAndNeverFail() {
    CliRun r =
        CliRun.of("validate", "--sample", "--fail-on", "warning", "--format", "json",
            "--suppress", "SERVER_UNREACHABLE:" + ARCHIVE, "--suppress", "FIREWALL_ALLOWS_AZURE_SERVICES", "--suppress", "VIRTUAL_NETWORK_NEEDS_ZONE_LINK");
    assertEquals(0, r.status(), r.out());
    JsonNode findings = r.json().get("findings");
    assertEquals(CliRun.of("validate", "--sample", "--format", "json").json().get("findings").size(), findings.size(), "suppressed findings are still listed");
    assertEquals("--suppress SERVER_UNREACHABLE:" + ARCHIVE.toLowerCase(java.util.Locale.ROOT), withCode(findings, "SERVER_UNREACHABLE").get("suppressed").asText());
    assertTrue(withCode(findings, "NSG_SERVICE_TAG_UNKNOWN").get("suppressed").isNull(), "a code not named is not suppressed");
    CliRun other = CliRun.of("validate", "--sample", "--fail-on", "warning", "--suppress", "SERVER_UNREACHABLE:" + ARCHIVE + "-other");
    assertEquals(1, other.status(), "a suppression of another resource does not apply");
  }

  @Test
  void validate_resourceTag_suppressesTheResourceAndItsChildren() throws IOException {
    JsonNode tree = CliRun.MAPPER.readTree(CliRun.bundled("resources.json"));
    JsonNode list = tree.isArray() ? tree : tree.has("value") ? tree.get("value") : tree.get("data");
    for (JsonNode r : list) {
      if (r.get("id").asText().equalsIgnoreCase(ARCHIVE)) {
        ((ObjectNode) r).putObject("tags").put(Locations.SUPPRESS_TAG, "server_unreachable, PEERING_TO_SELF");
      }
    }
    Path file = Files.writeString(dir.resolve("tagged.json"), CliRun.MAPPER.writeValueAsString(tree));
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    CliRun r = CliRun.of("validate", "--estate", file.toString(), "--companion", companion.toString(), "--format", "json", "--fail-on", "warning");
    assertEquals("tag " + Locations.SUPPRESS_TAG, withCode(r.json().get("findings"), "SERVER_UNREACHABLE").get("suppressed").asText());
    assertEquals(2, countFailing(r.json()), r.out());
    CliRun text = CliRun.of("validate", "--estate", file.toString(), "--companion", companion.toString());
    assertTrue(text.out().contains("[suppressed by tag pgreach-suppress]"), text.out());
  }

  /** The first finding, or SARIF result, with a code. */
  static JsonNode withCode(JsonNode array, String code) {
    for (JsonNode x : array) {
      if (code.equals(x.has("code") ? x.get("code").asText() : x.get("ruleId").asText())) {
        return x;
      }
    }
    throw new AssertionError("no " + code + " in " + array);
  }

  private static int countFailing(JsonNode validation) {
    int n = 0;
    for (JsonNode f : validation.get("findings")) {
      n += f.get("fails").asBoolean() ? 1 : 0;
    }
    return n;
  }

  @Test
  void validate_baseline_onlyNewFindingsFail() throws IOException {
    CliRun first = CliRun.of("validate", "--sample", "--format", "json");
    ObjectNode baseline = (ObjectNode) first.json();
    ArrayNode findings = (ArrayNode) baseline.get("findings");
    findings.remove(0);
    Path file = Files.writeString(dir.resolve("previous.json"), CliRun.MAPPER.writeValueAsString(baseline));
    CliRun r = CliRun.of("validate", "--sample", "--fail-on", "advice", "--baseline", file.toString(), "--format", "json");
    assertEquals(1, r.status(), "the finding the baseline does not list is new and fails");
    assertEquals(1, countFailing(r.json()));
    assertTrue(r.json().get("findings").get(0).get("fails").asBoolean());
    assertTrue(r.json().get("findings").get(1).get("baseline").asBoolean());
    CliRun sarif = CliRun.of("validate", "--sample", "--baseline", file.toString(), "--format", "sarif");
    assertEquals("new", sarif.json().get("runs").get(0).get("results").get(0).get("baselineState").asText());
    assertEquals("unchanged", sarif.json().get("runs").get(0).get("results").get(1).get("baselineState").asText());
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"nothing\": 1}");
    CliRun broken = CliRun.of("validate", "--sample", "--baseline", bad.toString(), "--format", "json");
    assertEquals(65, broken.status());
    assertEquals(bad + " $.findings", broken.json().get("error").get("path").asText());
  }

  @Test
  void validate_sarif_rulesLevelsAndLocations() throws IOException {
    Path file = Files.writeString(dir.resolve("my resources.json"), CliRun.bundled("resources.json"));
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    JsonNode run = CliRun.of("validate", "--estate", file.toString(), "--companion", companion.toString(), "--format", "sarif").json().get("runs").get(0);
    JsonNode first = withCode(run.get("results"), "SERVER_UNREACHABLE");
    assertEquals("warning", first.get("level").asText());
    JsonNode rule = run.get("tool").get("driver").get("rules").get(first.get("ruleIndex").asInt());
    assertEquals("SERVER_UNREACHABLE", rule.get("id").asText());
    assertEquals(Sarif.documentation(dev.pgreach.core.FindingCode.SERVER_UNREACHABLE), rule.get("help").get("text").asText());
    JsonNode location = first.get("locations").get(0);
    assertEquals(ARCHIVE, location.get("logicalLocations").get(0).get("fullyQualifiedName").asText());
    JsonNode physical = location.get("physicalLocation");
    assertEquals(Sarif.uri(file.toString()), physical.get("artifactLocation").get("uri").asText());
    assertTrue(physical.get("artifactLocation").get("uri").asText().contains("my%20resources.json"));
    String path = physical.get("properties").get("jsonPath").asText();
    assertTrue(path.startsWith("$"), path);
    int line = physical.get("region").get("startLine").asInt();
    String written = Files.readAllLines(file).get(line - 1) + Files.readAllLines(file).get(line);
    assertTrue(written.contains("{"), "the region starts at the resource's object: " + written);
    JsonNode advice = withCode(run.get("results"), "NSG_SERVICE_TAG_UNKNOWN");
    assertEquals("note", advice.get("level").asText(), "ADVICE is a SARIF note");
    assertTrue(advice.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText().contains("/securityRules/"));
    assertTrue(advice.get("locations").get(0).get("physicalLocation").get("properties").get("jsonPath").asText().contains("securityRules"), "a child resource is found where its parent writes it");
  }

  @Test
  void compare_widenedRule_isGainedExposure_andFails() throws IOException {
    CliRun text = CliRun.of(compare());
    assertEquals(1, text.status(), text.out());
    assertTrue(text.out().startsWith("FAILS (gained)"), text.out());
    assertEquals(0, CliRun.of(compare("--fail-on", "forbidden,lost")).status());
    assertEquals(0, CliRun.of(compare("--fail-on", "never")).status());
    CliRun json = CliRun.of(compare("--format", "json"));
    assertEquals("gained", json.json().get("failed").get(0).asText());
    JsonNode results = CliRun.of(compare("--format", "sarif")).json().get("runs").get(0).get("results");
    boolean gained = false;
    for (JsonNode r : results) {
      gained |= r.get("ruleId").asText().equals("EXPOSURE_GAINED") && r.get("level").asText().equals("error");
    }
    assertTrue(gained, results.toString());
  }

  @Test
  void junit_isWellFormedXmlWithOneCasePerCode() throws Exception {
    CliRun r = CliRun.of("validate", "--sample", "--fail-on", "warning", "--format", "junit");
    assertEquals(1, r.status());
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals(dev.pgreach.core.FindingCode.values().length, d.getElementsByTagName("testcase").getLength());
    assertEquals("3", d.getDocumentElement().getAttribute("failures"));
    CliRun check = CliRun.of("check", "--sample", "--from", "home-laptop", "--to", "web-db.postgres.database.azure.com", "--format", "junit");
    Document c = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(check.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals("BLOCKED", ((org.w3c.dom.Element) c.getElementsByTagName("failure").item(0)).getAttribute("message"));
    CliRun compare = CliRun.of(compare("--format", "junit"));
    Document x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(compare.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals(3, x.getElementsByTagName("testcase").getLength());
    assertEquals("1", x.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void errors_inJson_carryCodeMessageAndPath() throws IOException {
    CliRun missing = CliRun.of("validate", "--estate", dir.resolve("none.json").toString(), "--format", "json");
    assertEquals(66, missing.status());
    assertEquals("NO_INPUT", missing.json().get("error").get("code").asText());
    assertTrue(missing.err().startsWith("pgreach: cannot read"), "the line on standard error stays");
    Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/33\"]}}}]");
    CliRun data = CliRun.of("check", "--estate", bad.toString(), "--from", "internet:198.51.100.7", "--to", "10.0.0.4", "--format", "json");
    assertEquals(65, data.status(), data.err());
    // validate reads what Azure would accept and reports the rest as findings
    CliRun refused = CliRun.of("validate", "--estate", bad.toString(), "--format", "json");
    assertEquals(1, refused.status(), refused.err());
    assertEquals("INPUT_REFUSED", refused.json().get("findings").get(0).get("code").asText(), refused.out());
    JsonNode e = data.json().get("error");
    assertEquals(65, e.get("status").asInt());
    assertTrue(e.get("path").asText().startsWith(bad + " $[0].properties.addressSpace"), e.toString());
    CliRun usage = CliRun.of("check", "--sample", "--from", "orders-api", "--to", "ordrs-db.postgres.database.azure.com", "--format=json");
    assertEquals("--to", usage.json().get("error").get("path").asText());
    assertTrue(usage.json().get("error").get("message").asText().contains("did you mean orders-db?"));
    assertEquals("", CliRun.of("check", "--sample", "--from", "nobody", "--to", ORDERS).out(), "text errors stay on standard error only");
  }

  @Test
  void expose_acceptsTheServersHostName() {
    CliRun byName = CliRun.of("expose", "--sample", "--server", "orders-db", "--format", "json");
    CliRun byHost = CliRun.of("expose", "--sample", "--server", ORDERS, "--format", "json");
    assertEquals(0, byHost.status(), byHost.err());
    assertEquals(byName.out(), byHost.out());
  }

  @Test
  void severalEstates_readAsOne_andNotesPrinted() throws IOException {
    JsonNode tree = CliRun.MAPPER.readTree(CliRun.bundled("resources.json"));
    ArrayNode list = (ArrayNode) (tree.isArray() ? tree : tree.has("value") ? tree.get("value") : tree.get("data"));
    ArrayNode a = CliRun.MAPPER.createArrayNode();
    ArrayNode b = CliRun.MAPPER.createArrayNode();
    for (int i = 0; i < list.size(); i++) {
      (i % 2 == 0 ? a : b).add(list.get(i));
    }
    Path one = Files.writeString(dir.resolve("one.json"), CliRun.MAPPER.writeValueAsString(a));
    Path two = Files.writeString(dir.resolve("two.json"), CliRun.MAPPER.writeValueAsString(b));
    Path companion = Files.writeString(dir.resolve("companion.json"), CliRun.bundled("companion.json"));
    CliRun split = CliRun.of("validate", "--estate", one.toString(), "--estate", two.toString(), "--companion", companion.toString(), "--format", "json");
    CliRun whole = CliRun.of("validate", "--sample", "--format", "json");
    assertEquals(whole.json().get("findings"), split.json().get("findings"), split.err());
    String vnet =
        "[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v\", \"type\": \"Microsoft.Network/virtualNetworks\","
            + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\", \"fd00::/48\"]},"
            + " \"subnets\": [{\"name\": \"a\", \"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}}]";
    Path v6 = Files.writeString(dir.resolve("v6.json"), vnet);
    CliRun check = CliRun.of("check", "--estate", v6.toString(), "--from", "v/a:10.0.0.4", "--to", "10.0.0.5", "--format", "json");
    assertFalse(check.json().get("notes").isEmpty(), check.out());
    CliRun text = CliRun.of("check", "--estate", v6.toString(), "--from", "v/a:10.0.0.4", "--to", "10.0.0.5");
    assertTrue(text.out().contains("\n  note: "), text.out());
  }

  @Test
  void ask_answersEveryQuestionOnItsOwnLine() throws IOException {
    String questions =
        "[{\"id\": \"a\", \"command\": \"check\", \"from\": \"orders-api\", \"to\": \"" + ORDERS + "\", \"expect\": \"CONNECTED\"},"
            + " {\"id\": \"b\", \"command\": \"check\", \"from\": \"home-laptop\", \"to\": \"web-db.postgres.database.azure.com\", \"expect\": \"BLOCKED\"},"
            + " {\"id\": \"c\", \"command\": \"expose\", \"server\": \"" + ORDERS + "\"}]";
    Path file = Files.writeString(dir.resolve("q.json"), questions);
    CliRun r = CliRun.of("ask", "--sample", "--questions", file.toString());
    assertEquals(0, r.status(), r.err());
    List<JsonNode> lines = r.jsonLines();
    assertEquals(List.of("a", "b", "c"), lines.stream().map(l -> l.get("id").asText()).toList());
    assertEquals(CliRun.of("check", "--sample", "--from", "orders-api", "--to", ORDERS, "--format", "json").json().get("steps"), lines.get(0).get("steps"), "an answer is what the command writes");
    CliRun wrong = CliRun.withInput("{\"command\": \"check\", \"from\": \"orders-api\", \"to\": \"" + ORDERS + "\", \"expect\": \"BLOCKED\"}", "ask", "--sample");
    assertEquals(1, wrong.status());
    assertFalse(wrong.jsonLines().get(0).get("asExpected").asBoolean());
    CliRun bad = CliRun.withInput("{\"command\": \"chek\"}\n{\"command\": \"resolve\", \"from\": \"orders-api\", \"name\": \"" + ORDERS + "\"}", "ask", "--sample");
    assertEquals(65, bad.status());
    assertTrue(bad.jsonLines().get(0).get("error").get("message").asText().contains("did you mean check?"));
    assertEquals("RESOLVED", bad.jsonLines().get(1).get("result").asText(), "a bad question does not stop the others");
    assertEquals(65, CliRun.withInput("not json", "ask", "--sample").status());
  }
}
