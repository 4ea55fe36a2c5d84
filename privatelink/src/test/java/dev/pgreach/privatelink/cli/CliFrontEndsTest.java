package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line over every front end: templates with parameters, Terraform plans, the matrix, intents, established sessions. */
class CliFrontEndsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

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

  private String file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  private String plan() throws IOException {
    try (InputStream in = CliFrontEndsTest.class.getResourceAsStream("/dev/pgreach/privatelink/terraform/plan-move-and-open.json")) {
      return file("plan.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static final String TEMPLATE =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"contentVersion\": \"1.0.0.0\","
          + " \"parameters\": {\"serverName\": {\"type\": \"string\"}, \"openTo\": {\"type\": \"string\", \"defaultValue\": \"203.0.113.0\"}},"
          + " \"resources\": ["
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"apiVersion\": \"2024-08-01\", \"name\": \"[parameters('serverName')]\", \"location\": \"westeurope\","
          + "   \"sku\": {\"name\": \"Standard_D2ds_v5\", \"tier\": \"GeneralPurpose\"}, \"properties\": {\"version\": \"16\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}},"
          + "  {\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"apiVersion\": \"2024-08-01\", \"name\": \"[concat(parameters('serverName'), '/office')]\","
          + "   \"dependsOn\": [\"[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', parameters('serverName'))]\"],"
          + "   \"properties\": {\"startIpAddress\": \"[parameters('openTo')]\", \"endIpAddress\": \"[parameters('openTo')]\"}}"
          + " ]}";

  private static final String PARAMETERS =
      "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\", \"contentVersion\": \"1.0.0.0\","
          + " \"parameters\": {\"serverName\": {\"value\": \"orders-db\"}}}";

  private static final String COMPANION =
      "{\"complete\": true, \"at\": \"2026-11-24T12:00:00Z\", \"clients\": [{\"name\": \"home\", \"location\": {\"internet\": \"198.51.100.23\"}}]}";

  @Test
  void aTemplate_isDeployedWithItsParametersFileAndNameValuePairs_laterValuesWinning() throws IOException {
    String template = file("main.json", TEMPLATE);
    String parameters = file("main.parameters.json", PARAMETERS);
    String companion = file("companion.json", COMPANION);

    Run office = run("check", "--estate", template, "--parameters", parameters, "--companion", companion, "--from", "home", "--to", "orders-db.postgres.database.azure.com");
    assertEquals(1, office.status(), office.out() + office.err());
    assertTrue(office.out().startsWith("BLOCKED: home -> orders-db.postgres.database.azure.com:5432"), office.out());

    Run home = run("check", "--estate", template, "--parameters", parameters, "--parameter", "openTo=198.51.100.23", "--companion", companion, "--from", "home", "--to", "orders-db.postgres.database.azure.com");
    assertEquals(0, home.status(), home.out() + home.err());

    Run missing = run("validate", "--estate", template, "--companion", companion);
    assertEquals(65, missing.status(), missing.out() + missing.err());
    assertTrue(missing.err().contains("serverName"), missing.err());

    Run twoEstates = run("validate", "--estate", template, "--estate", template, "--parameter", "serverName=x-db");
    assertEquals(64, twoEstates.status(), twoEstates.err());
  }

  @Test
  void compareWithAPlan_reportsTheForbiddenMoveAndGainedExposure_andFailsTheGate() throws IOException {
    String plan = plan();
    Run r = run("compare", "--plan", plan, "--at", "2026-11-24T12:00:00Z", "--format", "json");
    assertEquals(1, r.status(), r.out() + r.err());
    JsonNode j = MAPPER.readTree(r.out());
    assertTrue(j.get("forbiddenChanges").toString().contains("SERVER_MOVED"), r.out());
    assertTrue(j.get("exposureChanges").size() > 0, r.out());
    assertTrue(j.has("migrations"), r.out());

    Run both = run("compare", "--plan", plan, "--before", plan);
    assertEquals(64, both.status(), both.err());
  }

  @Test
  void aPlanIsAlsoAnEstate_theOneItPlans() throws IOException {
    Run r = run("validate", "--plan", plan(), "--fail-on", "never");
    assertEquals(0, r.status(), r.out() + r.err());
    Run both = run("validate", "--plan", plan(), "--state", plan());
    assertEquals(64, both.status(), both.err());
  }

  @Test
  void matrix_writesEveryServersExposureAsJsonOrCsv() throws IOException {
    Run json = run("matrix", "--sample");
    assertEquals(0, json.status(), json.err());
    JsonNode j = MAPPER.readTree(json.out());
    assertTrue(j.toString().contains("orders-db"), json.out());

    Run csv = run("matrix", "--sample", "--format", "csv");
    assertEquals(0, csv.status(), csv.err());
    assertEquals(dev.pgreach.privatelink.ExposureMatrix.CSV_HEADER, csv.out().lines().findFirst().orElseThrow());
    assertTrue(csv.out().lines().count() > 3, csv.out());
  }

  @Test
  void verify_checksAnIntentsFile_andExitsByItsOutcome() throws IOException {
    String none = file("none.json", "{\"intents\": [{\"kind\": \"privateEndpointsApproved\"}]}");
    Run r = run("verify", "--sample", "--intents", none);
    assertTrue(r.status() == 0 || r.status() == 1 || r.status() == 2, r.err());
    assertTrue(!r.out().isBlank(), r.out());

    Run sarif = run("verify", "--sample", "--intents", none, "--format", "sarif");
    assertEquals("2.1.0", MAPPER.readTree(sarif.out()).get("version").asText(), sarif.out());

    String bad = file("bad.json", "{\"intents\": [{\"kind\": \"noSuchIntent\"}]}");
    Run refused = run("verify", "--sample", "--intents", bad);
    assertEquals(65, refused.status(), refused.err());
  }

  @Test
  void establishedSince_isAskedAboutASessionAndMustNotFollowTheQuestion() {
    Run ok = run("check", "--sample", "--from", "orders-api", "--to", "orders-db.postgres.database.azure.com", "--established-since", "2026-11-24T11:00:00Z");
    assertTrue(ok.status() == 0 || ok.status() == 2, ok.out() + ok.err());
    Run later = run("check", "--sample", "--from", "orders-api", "--to", "orders-db.postgres.database.azure.com", "--established-since", "2030-01-01T00:00:00Z");
    assertEquals(64, later.status(), later.err());
    Run garbled = run("check", "--sample", "--from", "orders-api", "--to", "orders-db.postgres.database.azure.com", "--established-since", "yesterday");
    assertEquals(64, garbled.status(), garbled.err());
  }
}
