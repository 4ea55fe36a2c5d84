package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.privatelink.EstateValidation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Validation of partial exports, as real documents come: it reports what the input proves, and
 * nothing that relies on what the input does not show is a warning or an error.
 */
class ValidationOpenWorldImportTest {

  private static String document(String name) {
    try (InputStream in = ValidationOpenWorldImportTest.class.getResourceAsStream("openworld/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Finding> validate(String name) {
    return EstateValidation.validate(ArmImport.read(document(name)).estate(), ServiceProfile.current());
  }

  private static List<FindingCode> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).collect(Collectors.toList());
  }

  @Test
  void serverGetWithItsDelegatedSubnetOutsideTheInput_isValidatedWithoutItsSubnet() {
    List<Finding> findings = validate("server-get-vnet-integrated.json");

    // No subnet, zone-link or address check on a subnet the input does not hold; nothing thrown.
    assertTrue(
        findings.stream().noneMatch(f -> f.code().name().startsWith("SERVER_SUBNET") || f.code() == FindingCode.SERVER_REGION_MISMATCH),
        findings::toString);
    assertTrue(findings.stream().filter(f -> f.code() == FindingCode.PRIVATE_DNS_ZONE_UNKNOWN).allMatch(f -> f.severity() == Severity.ADVICE), findings::toString);
  }

  @Test
  void serverListingItsOwnApprovedEndpointConnection_isNotUnreachable() {
    List<FindingCode> codes = codes(validate("server-with-endpoint-connections.json"));

    assertTrue(!codes.contains(FindingCode.SERVER_UNREACHABLE) && !codes.contains(FindingCode.PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT), codes::toString);
  }

  @Test
  void serversWithPropertiesNull_areNeitherPublicNorUnreachable() {
    List<FindingCode> codes = codes(validate("server-list-properties-null.json"));

    assertTrue(!codes.contains(FindingCode.SERVER_UNREACHABLE), codes::toString);
    assertTrue(!codes.contains(FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED), codes::toString);
    assertTrue(!codes.contains(FindingCode.PUBLIC_ACCESS_DISABLED_WITHOUT_PRIVATE_ENDPOINT), codes::toString);
  }

  @Test
  void resourceGraphServersWithoutTheirFirewallRules_areNotUnreachable() {
    List<FindingCode> codes = codes(validate("graph-servers-no-rules.json"));

    assertTrue(!codes.contains(FindingCode.SERVER_UNREACHABLE), codes::toString);
  }

  @Test
  void firewallRulesOfAServerOutsideTheInput_areCheckedAsRulesAndReportedAsAdvice() {
    List<Finding> findings = validate("firewall-rule-list.json");

    assertTrue(findings.stream().noneMatch(f -> f.severity() != Severity.ADVICE), findings::toString);
    Finding all = findings.stream().filter(f -> f.code() == FindingCode.FIREWALL_RULE_ALLOWS_ALL).findFirst().orElseThrow();
    assertTrue(all.message().contains("Not in the input: server shop-db is not in the input"), all::message);
  }
}
