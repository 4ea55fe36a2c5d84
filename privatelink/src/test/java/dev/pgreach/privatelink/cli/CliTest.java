package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the real entry point, {@link Cli#run(String[], PrintStream, PrintStream)}, on files in a
 * temporary directory, and checks the output and the exit status of every command.
 */
class CliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ORDERS = "orders-db.postgres.database.azure.com";
  private static final String WEB = "web-db.postgres.database.azure.com";

  @TempDir Path dir;
  private String resources;
  private String companion;

  /** What one run printed and returned. */
  private record Run(int status, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
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
    try (InputStream in = CliTest.class.getResourceAsStream("/dev/pgreach/privatelink/sample/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void writeFiles() throws IOException {
    resources = Files.writeString(dir.resolve("resources.json"), bundled("resources.json")).toString();
    companion = Files.writeString(dir.resolve("companion.json"), bundled("companion.json")).toString();
  }

  private Run check(String... more) {
    List<String> args = new ArrayList<>(List.of("check", "--estate", resources, "--companion", companion));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  // ------------------------------------------------------------------ help and usage

  @Test
  void run_help_printsUsageAndSucceeds() {
    Run r = run("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: pgreach <command> [options]"), r.out());
    assertTrue(r.out().contains("check") && r.out().contains("resolve") && r.out().contains("validate") && r.out().contains("sample"));
    assertEquals("", r.err());
    assertEquals(r.out(), run("-h").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "resolve", "validate", "sample"})
  void run_commandHelp_printsItsUsage(String command) {
    Run r = run(command, "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: pgreach " + command), r.out());
    assertTrue(r.out().contains("Exit status:"), r.out());
    assertEquals(r.out(), run(command, "-h").out());
  }

  @Test
  void run_withoutCommand_isAUsageError() {
    Run r = run();
    assertEquals(64, r.status());
    assertTrue(r.err().startsWith("pgreach: a command is required"), r.err());
    assertTrue(r.err().contains("Run 'pgreach --help' for usage."), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "connect|unknown command connect",
        "check --sample --sample|check: --sample is given twice",
        "check --estat x|check: unknown option --estat; did you mean --estate or --state?",
        "chek --sample|unknown command chek; did you mean check?",
        "check --verbose|check: unknown option --verbose",
        "check --from|check: --from needs a value",
        "check orders-api|check: unexpected argument \"orders-api\"",
        "check --sample --to x|check: --from is required",
        "check --sample --from orders-api|check: --to is required",
        "check --from orders-api --to x|--estate FILE, --plan FILE, --state FILE or --sample is required",
        "check --companion c.json --from a --to b|--companion needs --estate",
        "check --sample --estate r.json --from a --to b|--sample reads the bundled sample estate",
        "check --sample --from orders-api --to x --port 70000|--port (70000) must be a number from 1 to 65535",
        "check --sample --from orders-api --to x --port five|--port (five) must be a number",
        "check --sample --from orders-api --to x --tls 2.0|--tls (2.0) must be versions such as 1.2,1.3, or none",
        "check --sample --from orders-api --to x --at noon|--at (noon) must be an instant",
        "check --sample --from orders-api --to x --format xml|--format (xml) must be text, json, junit",
        "check --sample --from orders-api --to ordrs-db.postgres.database.azure.com|--to (ordrs-db.postgres.database.azure.com) names no server of the estate: there is no server ordrs-db; did you mean orders-db?",
        "check --sample --from orders-apj --to orders-db.postgres.database.azure.com|--from (orders-apj) is not a client in the companion document nor a place; did you mean orders-api?",
        "expose --sample --server ordes-db|--server (ordes-db) names no server of the estate; did you mean orders-db?",
        "validate --sample --fail-on warnings|--fail-on (warnings) must be error, warning, advice or never",
        "validate --sample --suppress SERVER_UNREACHABL|--suppress (SERVER_UNREACHABL): SERVER_UNREACHABL is not a finding code; did you mean SERVER_UNREACHABLE",
        "compare --before a --after b --fail-on lost,widened|--fail-on (lost,widened) must be forbidden, lost and gained",
        "check --sample --from orders-api --to x --profile future|--profile (future) must be current or preview2021",
        "check --sample --from nobody --to x|--from (nobody) is not a client in the companion document (orders-api, billing-worker",
        "check --sample --from onprem:mars:10.0.0.1 --to x|--from (onprem:mars:10.0.0.1): no on-premises network named mars",
        "check --sample --from spoke-data/app:10.1.0.400 --to x|--from (spoke-data/app:10.1.0.400): \"10.1.0.400\" is not an IPv4 address",
        "check --sample --from nic:nothing --to x|--from (nic:nothing): no network interface named nothing",
        "check --sample --from orders-api --to not..a..name|INVALID_DNS_NAME",
        "resolve --sample --from orders-api|resolve: --name is required",
        "resolve --sample --from orders-api --name -bad-|--name (-bad-) is not a DNS name",
        "check --sample --from orders-api --to 10.0.0.256|--to (10.0.0.256) is not an IPv4 address",
        "check --sample --from orders-api --to 10.1.1|--to (10.1.1) is not an IPv4 address",
        "check --sample --from orders-api --to 10.1.1.4.5|--to (10.1.1.4.5) is not an IPv4 address",
        "check --sample --from azure:20.103.45.10:: --to x|--from (azure:20.103.45.10::): the tenant after the address must be a tenant name or id",
        "check --sample --from azure:20.103.45.10: --to x|--from (azure:20.103.45.10:): the tenant after the address must be a tenant name or id",
        "check --sample --from azure:10.0.0.9 --to x|--from (azure:10.0.0.9): 10.0.0.9 is not a public address",
        "check --sample --from internet:192.168.1.1 --to x|--from (internet:192.168.1.1): 192.168.1.1 is not a public address",
        "check --sample --from internet:127.0.0.1 --to x|--from (internet:127.0.0.1): 127.0.0.1 is not a public address",
        "check --sample --from spoke-data/app:10.1.5.9 --to x|--from (spoke-data/app:10.1.5.9): 10.1.5.9 is outside subnet app (10.1.0.0/24)",
        "check --sample --from /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/network/providers/Microsoft.Network/virtualNetworks/spoke-apps/subnets/app@10.1.0.9 --to x|@10.1.0.9): 10.1.0.9 is outside subnet app (10.2.0.0/24)",
        "check --sample --from onprem:headquarters:10.9.9.9 --to x|--from (onprem:headquarters:10.9.9.9): 10.9.9.9 is outside the prefixes of on-premises network headquarters",
        "resolve --sample --from spoke-data/app:10.1.5.9 --name x.postgres.database.azure.com|--from (spoke-data/app:10.1.5.9): 10.1.5.9 is outside subnet app",
        "validate --sample --from orders-api|validate: unknown option --from",
        "sample --estate r.json|sample: unknown option --estate",
        "help check|help takes no arguments"
      })
  void run_usageMistake_exits64WithAMessage(String line, String message) {
    Run r = run(line.split(" "));
    assertEquals(64, r.status(), r.err());
    assertTrue(r.err().startsWith("pgreach: "), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(r.err().contains("Run 'pgreach --help' for usage."), r.err());
    assertEquals("", r.out());
  }

  // ------------------------------------------------------------------ check

  @Test
  void check_connected_printsVerdictFirstThenNumberedSteps() {
    Run r = check("--from", "orders-api", "--to", ORDERS);
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.lines();
    assertEquals("CONNECTED: orders-api -> " + ORDERS + ":5432", lines.get(0));
    assertTrue(lines.get(1).startsWith("  1. [DNS_QUERY] "), lines.get(1));
    assertTrue(lines.get(lines.size() - 1).matches("  \\d+\\. \\[AUTHENTICATION_REQUIRED\\] .*"), lines.get(lines.size() - 1));
    assertEquals("", r.err());
  }

  @Test
  void check_blocked_exits1AndSaysWhy() {
    Run r = check("--from", "home-laptop", "--to", WEB);
    assertEquals(1, r.status());
    assertEquals("BLOCKED: home-laptop -> " + WEB + ":5432", r.lines().get(0));
    assertTrue(r.lines().get(1).startsWith("  because [FIREWALL_NO_RULE_MATCHED]"), r.lines().get(1));
  }

  @Test
  void check_indeterminate_exits2_untilThePropagationWindowHasPassed() {
    Run during = check("--from", "ci-runner", "--to", WEB);
    assertEquals(2, during.status());
    assertTrue(during.lines().get(0).startsWith("INDETERMINATE: ci-runner"), during.out());
    Run after = check("--from", "ci-runner", "--to", WEB, "--at", "2026-11-24T12:10:00Z");
    assertEquals(0, after.status(), after.out());
  }

  @Test
  void check_portTlsAndProfileOptions_changeTheAnswer() {
    assertEquals(0, check("--from", "orders-api", "--to", ORDERS, "--port", "6432").status());
    assertEquals(1, check("--from", "orders-api", "--to", ORDERS, "--port", "5433").status());
    Run noTls = check("--from", "orders-api", "--to", ORDERS, "--tls", "none");
    assertEquals(1, noTls.status());
    assertTrue(noTls.lines().get(1).contains("[TLS_REQUIRED]"), noTls.out());
    assertEquals(1, check("--from", "orders-api", "--to", ORDERS, "--tls", "1.0,1.1").status());
    assertEquals(0, check("--from", "orders-api", "--to", ORDERS, "--tls", "TLSv1.2").status());
    assertEquals(1, check("--from", "partner-function", "--to", WEB, "--profile", "preview2021", "--tls", "1.3").status());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "spoke-data/app:10.1.0.9|" + ORDERS + "|0",
        "nic:reporting-nic|10.1.1.4|0",
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/apps/providers/Microsoft.Network/networkInterfaces/orders-api-nic|" + ORDERS + "|0",
        "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/network/providers/Microsoft.Network/virtualNetworks/spoke-apps/subnets/app@10.2.0.77|billing-db.postgres.database.azure.com|0",
        "onprem:headquarters:192.168.44.1|" + ORDERS + "|0",
        "internet:198.51.100.9|" + ORDERS + "|1",
        "azure:20.103.45.10|" + WEB + "|0",
        "azure:20.103.45.10:contoso.onmicrosoft.com|" + WEB + "|0"
      })
  void check_fromAPlace_isAnsweredForAClientThere(String from, String to, int status) {
    Run r = check("--from", from, "--to", to);
    assertEquals(status, r.status(), r.out() + r.err());
    assertTrue(r.lines().get(0).contains(from + " -> " + to), r.lines().get(0));
  }

  @Test
  void check_json_isStableAndParsesBack() {
    Run r = check("--from", "billing-worker", "--to", "billing-db.postgres.database.azure.com", "--format", "json");
    assertEquals(0, r.status(), r.err());
    JsonNode j = r.json();
    List<String> names = new ArrayList<>();
    j.fieldNames().forEachRemaining(names::add);
    assertEquals(
        List.of("schemaVersion", "command", "verdict", "disposition", "client", "target", "port", "server", "profile", "at", "decidingStep", "steps", "resolution", "notes"),
        names);
    assertEquals("check", j.get("command").asText());
    assertEquals("CONNECTED", j.get("verdict").asText());
    assertEquals("ALLOWED", j.get("disposition").asText());
    assertEquals("billing-worker", j.get("client").asText());
    assertEquals(5432, j.get("port").asInt());
    assertTrue(j.get("server").asText().endsWith("/flexibleServers/billing-db"));
    assertEquals("2026-11-24T12:00:00Z", j.get("at").asText());
    assertTrue(j.get("decidingStep").isNull());
    JsonNode steps = j.get("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      assertEquals(i + 1, s.get("n").asInt());
      List<String> stepNames = new ArrayList<>();
      s.fieldNames().forEachRemaining(stepNames::add);
      assertEquals(List.of("n", "code", "effect", "subject", "reason"), stepNames);
    }
    assertEquals("ENDPOINT_APPROVED", steps.get(12).get("code").asText());
    JsonNode resolution = j.get("resolution");
    assertEquals("ADDRESS", resolution.get("disposition").asText());
    assertEquals("billing-db.privatelink.postgres.database.azure.com", resolution.get("aliases").get(1).asText());
    assertEquals("10.2.3.4", resolution.get("addresses").get(0).asText());
    assertEquals(r.out(), check("--from", "billing-worker", "--to", "billing-db.postgres.database.azure.com", "--format", "json").out(), "stable");
  }

  @Test
  void check_jsonOfABlockedAnswer_namesTheDecidingStep() {
    JsonNode j = check("--from", "billing-worker", "--to", ORDERS, "--format", "json").json();
    assertEquals("BLOCKED", j.get("verdict").asText());
    int deciding = j.get("decidingStep").asInt();
    assertEquals("DNS_NXDOMAIN", j.get("steps").get(deciding - 1).get("code").asText());
    assertTrue(j.get("server").isNull());
    assertEquals("NXDOMAIN", j.get("resolution").get("disposition").asText());
  }

  @Test
  void check_byAddress_hasNoResolution() {
    Run r = check("--from", "reporting", "--to", "10.1.1.4", "--format=json");
    assertEquals(0, r.status());
    assertTrue(r.json().get("resolution").isNull());
  }

  @Test
  void check_sampleOption_readsTheBundledEstate() {
    Run r = run("check", "--sample", "--from", "orders-api", "--to", ORDERS);
    assertEquals(check("--from", "orders-api", "--to", ORDERS).out(), r.out());
  }

  // ------------------------------------------------------------------ resolve

  @Test
  void resolve_address_exits0() {
    Run r = run("resolve", "--estate", resources, "--companion", companion, "--from", "orders-api", "--name", ORDERS);
    assertEquals(0, r.status(), r.err());
    assertEquals("RESOLVED: orders-api -> " + ORDERS + " = 10.1.1.4", r.lines().get(0));
    assertEquals("  aliases: " + ORDERS + " -> orders-db.orders-db.private.postgres.database.azure.com", r.lines().get(1));
    assertTrue(r.lines().get(2).startsWith("  1. [DNS_QUERY]"), r.out());
  }

  @Test
  void resolve_nxdomain_exits1() {
    Run r = run("resolve", "--sample", "--from", "billing-worker", "--name", ORDERS);
    assertEquals(1, r.status());
    assertTrue(r.lines().get(0).startsWith("NXDOMAIN: billing-worker -> " + ORDERS), r.out());
  }

  @Test
  void resolve_nameOutsideTheModel_exits2() {
    Run r = run("resolve", "--sample", "--from", "home-laptop", "--name", "www.example.com");
    assertEquals(2, r.status());
    assertTrue(r.lines().get(0).startsWith("UNKNOWN: home-laptop -> www.example.com"), r.out());
  }

  @Test
  void resolve_json_parsesBack() {
    Run r = run("resolve", "--sample", "--from", "hq-laptop", "--name", WEB, "--format", "json");
    assertEquals(0, r.status());
    JsonNode j = r.json();
    List<String> names = new ArrayList<>();
    j.fieldNames().forEachRemaining(names::add);
    assertEquals(
        List.of("schemaVersion", "command", "result", "client", "profile", "name", "disposition", "aliases", "addresses", "publicEndpoint", "serverAddressUnknown", "steps", "notes"),
        names);
    assertTrue(j.get("serverAddressUnknown").isNull());
    assertEquals("RESOLVED", j.get("result").asText());
    assertEquals("20.61.10.5", j.get("addresses").get(0).asText());
    assertTrue(j.get("publicEndpoint").asText().endsWith("/flexibleServers/web-db"));
  }

  @Test
  void resolve_vnetIntegratedServerWhoseAddressIsNotKnown_exits2NamingTheServer() throws IOException {
    // Without the companion's privateAddress, and without the zone's A records in ARM, nothing says
    // where orders-db is: the answer is unknown, never NXDOMAIN.
    String withoutAddress = bundled("companion.json").replace("{\"name\": \"orders-db\", \"privateAddress\": \"10.1.1.4\"}", "{\"name\": \"orders-db\"}");
    assertFalse(withoutAddress.contains("10.1.1.4"));
    Path file = Files.writeString(dir.resolve("companion-without-address.json"), withoutAddress);

    Run text = run("resolve", "--estate", resources, "--companion", file.toString(), "--from", "orders-api", "--name", ORDERS);
    Run json = run("resolve", "--estate", resources, "--companion", file.toString(), "--from", "orders-api", "--name", ORDERS, "--format", "json");

    assertEquals(2, text.status(), text.out() + text.err());
    assertEquals("UNKNOWN: orders-api -> " + ORDERS + " = the private address of orders-db (not known)", text.lines().get(0));
    assertTrue(text.lines().get(text.lines().size() - 1).contains("[DNS_SERVER_ADDRESS_UNKNOWN]"), text.out());
    assertEquals("UNKNOWN", json.json().get("disposition").asText());
    assertTrue(json.json().get("serverAddressUnknown").asText().endsWith("/flexibleServers/orders-db"), json.out());
  }

  // ------------------------------------------------------------------ validate

  @Test
  void validate_sampleWithWarnings_exits0ByDefaultAnd1OnWarning() {
    Run r = run("validate", "--estate", resources, "--companion", companion);
    assertEquals(0, r.status());
    assertEquals("VALID: 0 errors, 3 warnings, 5 pieces of advice; 0 failing (--fail-on error)", r.lines().get(0));
    Run w = run("validate", "--estate", resources, "--companion", companion, "--fail-on", "warning");
    assertEquals(1, w.status());
    assertEquals("FINDINGS: 0 errors, 3 warnings, 5 pieces of advice; 3 failing (--fail-on warning)", w.lines().get(0));
    assertTrue(r.lines().stream().anyMatch(l -> l.matches("  \\d+\\. WARNING SERVER_UNREACHABLE .*archive-db.*")), r.out());
    assertTrue(r.out().contains("Read 33 resources; skipped 5 of types pgreach does not model (Microsoft.Compute/virtualMachines: 4, Microsoft.Network/privateDnsZones/SOA: 1)."), r.out());
  }

  @Test
  void validate_json_parsesBack() {
    Run r = run("validate", "--sample", "--format", "json", "--profile", "preview2021", "--fail-on", "warning");
    assertEquals(1, r.status());
    JsonNode j = r.json();
    List<String> names = new ArrayList<>();
    j.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("schemaVersion", "command", "result", "profile", "failOn", "failed", "counts", "findings", "import"), names);
    assertEquals("FINDINGS", j.get("result").asText());
    assertEquals("preview2021", j.get("profile").asText());
    int total = j.get("counts").get("ERROR").asInt() + j.get("counts").get("WARNING").asInt() + j.get("counts").get("ADVICE").asInt();
    assertEquals(total, j.get("findings").size());
    List<String> findingNames = new ArrayList<>();
    j.get("findings").get(0).fieldNames().forEachRemaining(findingNames::add);
    assertEquals(List.of("code", "severity", "resource", "field", "value", "message", "suppressed", "baseline", "fails"), findingNames);
    assertEquals(33, j.get("import").get("resources").asInt());
    assertEquals(4, j.get("import").get("skippedTypes").get("Microsoft.Compute/virtualMachines").asInt());
  }

  @Test
  void validate_cleanEstate_exits0() throws IOException {
    String vnet =
        "[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v\", \"type\": \"Microsoft.Network/virtualNetworks\","
            + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]},"
            + " \"subnets\": [{\"name\": \"a\", \"properties\": {\"addressPrefix\": \"10.0.0.0/24\"}}]}}]";
    Path file = Files.writeString(dir.resolve("clean.json"), vnet);
    Run r = run("validate", "--estate", file.toString());
    assertEquals(0, r.status(), r.out());
    assertEquals("VALID: no findings", r.lines().get(0), r.out());
  }

  // ------------------------------------------------------------------ sample

  @Test
  void sample_text_answersEveryQuestionThenValidates() {
    Run r = run("sample");
    assertEquals(0, r.status(), r.err());
    assertEquals("pgreach: the sample estate under the current profile, at 2026-11-24T12:00:00Z", r.lines().get(0));
    assertTrue(r.out().contains("(1) CONNECTED: orders-api -> " + ORDERS + ":5432"), r.out());
    assertTrue(r.out().contains("(14) BLOCKED: hq-laptop -> archive-db.postgres.database.azure.com:5432"), r.out());
    assertTrue(r.out().contains("Exposure of each server on port 5432:"), r.out());
    assertTrue(r.out().contains("Validation findings:"), r.out());
    assertTrue(r.out().endsWith("Read 33 resources; skipped 5 of types pgreach does not model (Microsoft.Compute/virtualMachines: 4, Microsoft.Network/privateDnsZones/SOA: 1).\n"), r.out());
  }

  @Test
  void sample_json_holdsEveryAnswerAndTheValidation() {
    Run r = run("sample", "--format", "json", "--profile", "preview2021");
    assertEquals(0, r.status());
    JsonNode j = r.json();
    assertEquals("sample", j.get("command").asText());
    assertEquals(14, j.get("answers").size());
    assertEquals("orders-api", j.get("answers").get(0).get("client").asText());
    assertEquals("preview2021", j.get("answers").get(0).get("profile").asText());
    assertTrue(j.get("validation").get("findings").isArray());
  }

  // ------------------------------------------------------------------ input errors

  @Test
  void check_malformedEstate_exits65WithPathAndNoStackTrace() throws IOException {
    String broken = bundled("resources.json").replace("\"10.1.0.0/16\"", "\"10.1.0.0/33\"");
    Path file = Files.writeString(dir.resolve("broken.json"), broken);
    Run r = run("check", "--estate", file.toString(), "--companion", companion, "--from", "orders-api", "--to", ORDERS);
    assertEquals(65, r.status());
    assertTrue(r.err().startsWith("pgreach: cannot use " + file + " with " + companion + ": INVALID_PREFIX: $["), r.err());
    assertTrue(r.err().contains(".properties.addressSpace.addressPrefixes[0] (\"10.1.0.0/33\")"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void check_truncatedJson_exits65WithLineAndColumn() throws IOException {
    String whole = bundled("resources.json");
    Path file = Files.writeString(dir.resolve("cut.json"), whole.substring(0, whole.length() / 2));
    Run r = run("validate", "--estate", file.toString());
    assertEquals(65, r.status());
    assertTrue(r.err().contains("INVALID_INPUT: $[") && r.err().contains("(line "), r.err());
  }

  @Test
  void check_malformedCompanion_exits65WithCompanionPath() throws IOException {
    Path file = Files.writeString(dir.resolve("companion-bad.json"), bundled("companion.json").replace("\"nic\": \"orders-api-nic\"", "\"nic\": \"nowhere-nic\""));
    Run r = run("check", "--estate", resources, "--companion", file.toString(), "--from", "orders-api", "--to", ORDERS);
    assertEquals(65, r.status());
    assertTrue(r.err().contains("DANGLING_REFERENCE: companion $.clients[0].location.nic (\"nowhere-nic\")"), r.err());
  }

  @Test
  void check_missingFile_exits66() {
    Run r = run("validate", "--estate", dir.resolve("nothing.json").toString());
    assertEquals(66, r.status());
    assertTrue(r.err().startsWith("pgreach: cannot read " + dir.resolve("nothing.json") + ": no such file"), r.err());
    Run directory = run("validate", "--estate", dir.toString());
    assertEquals(66, directory.status());
    assertTrue(directory.err().contains("it is a directory"), directory.err());
  }

  @Test
  void check_deviceThatNeverEnds_exits66AtTheSizeLimit() {
    // /dev/zero reports a size of 0 and never ends: reading stops past 256 MiB.
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "a system with /dev/zero");
    Run r = run("validate", "--estate", zero.toString());
    assertEquals(66, r.status(), r.err());
    assertEquals("pgreach: cannot read /dev/zero: it is larger than the 268435456 bytes pgreach reads\n", r.err());
  }

  @Test
  void check_fileThatIsNotUtf8_exits65NamingIt() throws IOException {
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, "[{\"name\": \"caf\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1));
    Run r = run("validate", "--estate", latin1.toString());
    assertEquals(65, r.status(), r.err());
    assertEquals("pgreach: cannot use " + latin1 + ": it is not UTF-8 text (byte 0xE9 at offset 14); save it as UTF-8\n", r.err());
    Run companionFile = run("validate", "--estate", resources, "--companion", latin1.toString());
    assertEquals(65, companionFile.status(), companionFile.err());
    assertTrue(companionFile.err().startsWith("pgreach: cannot use " + latin1 + ": it is not UTF-8 text"), companionFile.err());
  }

  // ------------------------------------------------------------------ defects

  private static Run runWork(Cli.Work work) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Cli.run(List.of("check"), o, e, work);
    }
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static List<org.junit.jupiter.params.provider.Arguments> defects() {
    return List.of(
        org.junit.jupiter.params.provider.Arguments.of(new StackOverflowError(), "StackOverflowError"),
        org.junit.jupiter.params.provider.Arguments.of(new OutOfMemoryError("Java heap space"), "OutOfMemoryError"),
        org.junit.jupiter.params.provider.Arguments.of(new InternalError("broken"), "InternalError"),
        org.junit.jupiter.params.provider.Arguments.of(new IllegalStateException("two\nlines"), "java.lang.IllegalStateException: two lines"));
  }

  @ParameterizedTest(name = "{1}")
  @org.junit.jupiter.params.provider.MethodSource("defects")
  void run_defectWhileWorking_exits70WithOneLineAndNoStackTrace(Throwable defect, String named) {
    Run r =
        runWork(
            (args, out) -> {
              out.print("partial answer");
              if (defect instanceof Error) {
                throw (Error) defect;
              }
              throw (RuntimeException) defect;
            });

    assertEquals(70, r.status());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("pgreach: internal error: " + named), r.err());
    assertTrue(r.err().contains("please report it"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void run_nullArguments_missingAttributeNamingThem() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals("Cli.run.args must not be null", missing(() -> Cli.run(null, sink, sink)));
    assertEquals("Cli.run.out must not be null", missing(() -> Cli.run(new String[] {"sample"}, null, sink)));
    assertEquals("Cli.run.err must not be null", missing(() -> Cli.run(new String[] {"sample"}, sink, null)));
    assertEquals("Cli.run.args[] must not be null", missing(() -> Cli.run(new String[] {"check", null}, sink, sink)));
  }

  private static String missing(org.junit.jupiter.api.function.Executable call) {
    dev.pgreach.core.PgreachException e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgreach.core.PgreachException.class, call);
    assertEquals(dev.pgreach.core.ErrorCode.MISSING_ATTRIBUTE, e.code());
    return e.getMessage();
  }
}
