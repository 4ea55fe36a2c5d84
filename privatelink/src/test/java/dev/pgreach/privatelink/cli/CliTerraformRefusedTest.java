package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgreach.privatelink.terraform.RulesSharingAPriorityTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --plan} and {@code --state} read as {@code validate --estate} does: what Azure
 * would refuse is left out and reported as {@code INPUT_REFUSED}, beside every other finding,
 * while the questions ({@code check}) still refuse such input as a whole.
 */
class CliTerraformRefusedTest {
  @TempDir Path dir;

  @Test
  void validate_reportsEachRefusedResource_byTerraformAddress() throws IOException {
    for (String[] form : new String[][] {{"--plan", RulesSharingAPriorityTest.PLAN}, {"--state", RulesSharingAPriorityTest.STATE}}) {
      Path file = Files.writeString(dir.resolve("input" + form[0] + ".json"), form[1]);
      CliRun r = CliRun.of("validate", form[0], file.toString(), "--format", "json");
      assertEquals(1, r.status(), r.err());
      List<String> refused = new ArrayList<>();
      for (JsonNode f : r.json().get("findings")) {
        if (f.get("code").asText().equals("INPUT_REFUSED")) {
          refused.add(f.get("message").asText());
        }
      }
      assertEquals(2, refused.size(), r.out());
      assertTrue(refused.get(0).contains("azurerm_network_security_rule.allow_pg"), refused::toString);
      assertTrue(refused.get(1).contains("azurerm_network_security_rule.deny_pg"), refused::toString);

      CliRun check = CliRun.of("check", form[0], file.toString(), "--from", "internet:198.51.100.7", "--to", "10.0.0.4");
      assertEquals(65, check.status(), check.err());
    }
  }
}
