package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in the module's README say what the code does. */
class ReadmeTest {
  private static String readme() throws IOException {
    return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
  }

  /** The first fenced block of a language after a heading. */
  private static String block(String heading, String language) throws IOException {
    String text = readme();
    int at = text.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, heading);
    int start = text.indexOf("```" + language + "\n", at) + language.length() + 4;
    return text.substring(start, text.indexOf("\n```", start) + 1);
  }

  private static String bundled(String name) throws IOException {
    try (InputStream in = ReadmeTest.class.getResourceAsStream("/dev/pgreach/privatelink/sample/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void commandLineHelp_isWhatHelpPrints() throws IOException {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.status());
    assertEquals(help.out(), block("## Command line", "text"));
  }

  @Test
  void jsonOutputExample_isWhatCheckWrites() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Cli.run(
            new String[] {"check", "--sample", "--from", "billing-worker", "--to", "orders-db.postgres.database.azure.com", "--format", "json"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(1, status);
    assertEquals(block("## JSON output", "json"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void companionExample_readsWithTheSampleResources() throws IOException {
    ArmImport read = ArmImport.read(bundled("resources.json"), Companion.parse(block("## Companion document", "json")));
    assertEquals(8, read.estate().clients().size());
    assertEquals(2, read.estate().network().onPremisesNetworks().size(), "headquarters from ARM, datacenter declared");
    assertEquals(java.util.Optional.of("contoso.onmicrosoft.com"), read.estate().privateEndpoints().get(0).requestingTenant());
    assertEquals(1, read.estate().firewallRules().values().iterator().next().removals().size());
  }

  @Test
  void importExample_runs(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("resources.json"), bundled("resources.json"));
    Files.writeString(dir.resolve("companion.json"), bundled("companion.json"));
    ArmImport read = ArmImport.read(
        Files.readString(dir.resolve("resources.json")),
        Companion.parse(Files.readString(dir.resolve("companion.json"))));
    Estate estate = read.estate();
    Connection c = Connectivity.of(estate).connect(estate.client("orders-api"),
        "orders-db.postgres.database.azure.com", 5432, read.instant().orElseThrow());
    assertEquals(Disposition.ALLOWED, c.disposition(), c::explanation);
    assertTrue(block("## Import", "java").contains("\"orders-db.postgres.database.azure.com\", 5432, read.instant().orElseThrow());"));
  }
}
