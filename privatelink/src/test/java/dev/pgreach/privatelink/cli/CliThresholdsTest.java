package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The firewall posture thresholds of {@code validate}: {@code --max-firewall-rules} and {@code
 * --max-firewall-public-addresses}. The sample's server web-db has 3 firewall rules admitting 257
 * public addresses (the Azure services rule not counted).
 */
class CliThresholdsTest {
  private static final String RULES = "FIREWALL_RULES_ABOVE_THRESHOLD";
  private static final String ADDRESSES = "FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD";

  private static List<String> codes(String... options) {
    List<String> args = new ArrayList<>(List.of("validate", "--sample", "--format", "json"));
    args.addAll(List.of(options));
    CliRun r = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, r.status(), r.out() + r.err());
    return StreamSupport.stream(r.json().get("findings").spliterator(), false).map(f -> f.get("code").asText()).toList();
  }

  @Test
  void noOption_noThresholdFinding() {
    List<String> codes = codes();
    assertFalse(codes.contains(RULES), codes.toString());
    assertFalse(codes.contains(ADDRESSES), codes.toString());
  }

  @Test
  void maxFirewallRules_reportsAServerAboveIt_notAtIt() {
    CliRun above = CliRun.of("validate", "--sample", "--format", "json", "--max-firewall-rules", "2");
    JsonNode f = CliGatesTest.withCode(above.json().get("findings"), RULES);
    assertEquals("3", f.get("value").asText());
    assertEquals("ADVICE", f.get("severity").asText());
    assertTrue(f.get("resource").asText().endsWith("/flexibleServers/web-db"), f.toString());
    assertTrue(f.get("message").asText().contains("more than the threshold of 2"), f.toString());
    assertFalse(codes("--max-firewall-rules", "3").contains(RULES), "3 rules are not above a threshold of 3");
    assertFalse(codes("--max-firewall-rules=2").contains(ADDRESSES), "one threshold does not switch the other on");
  }

  @Test
  void maxFirewallPublicAddresses_reportsAServerAboveIt_notAtIt() {
    CliRun above = CliRun.of("validate", "--sample", "--format", "json", "--max-firewall-public-addresses", "256");
    assertEquals("257", CliGatesTest.withCode(above.json().get("findings"), ADDRESSES).get("value").asText());
    assertFalse(codes("--max-firewall-public-addresses", "257").contains(ADDRESSES));
    assertFalse(codes("--max-firewall-public-addresses", "4294967296").contains(ADDRESSES), "every IPv4 address is a valid threshold");
    assertTrue(codes("--max-firewall-public-addresses", "0", "--max-firewall-rules", "0").containsAll(List.of(RULES, ADDRESSES)));
  }

  @Test
  void thresholdFindings_passThroughTheGates() {
    List<String> quiet = new ArrayList<>(List.of("validate", "--sample", "--fail-on", "advice"));
    for (String code : codes()) {
      quiet.addAll(List.of("--suppress", code));
    }
    assertEquals(0, CliRun.of(quiet.toArray(new String[0])).status(), "every other finding suppressed");
    quiet.addAll(List.of("--max-firewall-rules", "0"));
    assertEquals(1, CliRun.of(quiet.toArray(new String[0])).status(), "the threshold's advice fails --fail-on advice");
    quiet.addAll(List.of("--suppress", RULES));
    assertEquals(0, CliRun.of(quiet.toArray(new String[0])).status(), "and is suppressed like any finding");
    assertEquals(0, CliRun.of("validate", "--sample", "--max-firewall-rules", "0").status(), "advice does not fail the default gate");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--max-firewall-rules|-1",
        "--max-firewall-rules|twenty",
        "--max-firewall-rules|1.5",
        "--max-firewall-rules|''",
        "--max-firewall-rules|2147483648",
        "--max-firewall-rules|99999999999999999999",
        "--max-firewall-public-addresses|4294967297",
        "--max-firewall-public-addresses|-0x1",
        "--max-firewall-public-addresses|9223372036854775808"
      })
  void badValue_isAUsageError_inJsonToo(String option, String value) {
    CliRun text = CliRun.of("validate", "--sample", option, value);
    assertEquals(64, text.status(), text.out());
    assertTrue(text.err().startsWith("pgreach: validate: " + option + " (" + value + ") must be a whole number from 0 to "), text.err());
    CliRun json = CliRun.of("validate", "--sample", option, value, "--format", "json");
    assertEquals(64, json.status());
    JsonNode error = json.json().get("error");
    assertEquals(64, error.get("status").asInt());
    assertEquals("USAGE", error.get("code").asText());
    assertEquals(option, error.get("path").asText());
  }

  @Test
  void givenTwice_isAUsageError() {
    assertEquals(64, CliRun.of("validate", "--sample", "--max-firewall-rules", "1", "--max-firewall-rules", "2").status());
  }

  @Test
  void help_namesBothOptions() {
    CliRun help = CliRun.of("validate", "--help");
    assertTrue(help.out().contains("--max-firewall-rules N"), help.out());
    assertTrue(help.out().contains("--max-firewall-public-addresses N"), help.out());
  }
}
