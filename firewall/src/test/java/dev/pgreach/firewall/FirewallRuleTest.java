package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static dev.pgreach.firewall.TestEstate.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirewallRuleTest {
  @Test
  void of_text_buildsInclusiveRange() {
    FirewallRule r = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
    assertEquals("office", r.name());
    assertEquals(Ipv4Range.parse("203.0.113.0-203.0.113.255"), r.range());
    assertEquals(256, r.range().size());
    assertEquals(Optional.empty(), r.changedAt());
    assertFalse(r.isAllowAll());
    assertFalse(r.isAllowAzureServices());
  }

  @Test
  void of_singleAddress_startEqualsEnd() {
    FirewallRule r = FirewallRule.of("laptop", "198.51.100.7", "198.51.100.7");
    assertEquals(1, r.range().size());
    assertTrue(r.range().contains(ip("198.51.100.7")));
    assertFalse(r.range().contains(ip("198.51.100.8")));
  }

  @Test
  void isAllowAzureServices_onlyForZeroToZero() {
    assertTrue(FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps_2021-8-27_11-33-47", "0.0.0.0", "0.0.0.0").isAllowAzureServices());
    assertFalse(FirewallRule.of("zeroes", "0.0.0.0", "0.0.0.1").isAllowAzureServices());
    assertTrue(FirewallRule.of("everyone", "0.0.0.0", "255.255.255.255").isAllowAll());
    assertFalse(FirewallRule.of("almost", "0.0.0.1", "255.255.255.255").isAllowAll());
  }

  @Test
  void withChangedAt_keepsRangeAndSetsInstant() {
    FirewallRule r = FirewallRule.of("office", "203.0.113.0", "203.0.113.255").withChangedAt(NOW);
    assertEquals(Optional.of(NOW), r.changedAt());
    assertEquals(FirewallRule.of("office", "203.0.113.0", "203.0.113.255").range(), r.range());
    assertTrue(r.toString().contains("changed " + NOW));
  }

  @Test
  void isValidName_followsDocumentedRule() {
    assertTrue(FirewallRule.isValidName("abc"));
    assertTrue(FirewallRule.isValidName("a-b_C9"));
    assertTrue(FirewallRule.isValidName("-leading-hyphen"));
    assertTrue(FirewallRule.isValidName("x".repeat(128)));
    assertFalse(FirewallRule.isValidName("ab"));
    assertFalse(FirewallRule.isValidName("x".repeat(129)));
    assertFalse(FirewallRule.isValidName("dotted.name"));
    assertFalse(FirewallRule.isValidName(null));
  }

  static Stream<Arguments> invalidRules() {
    return Stream.of(
        Arguments.of("ab", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"ab\""),
        Arguments.of("", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"\""),
        Arguments.of("x".repeat(129), "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "it has 129"),
        Arguments.of("my rule", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"my rule\""),
        Arguments.of("rule.v2", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"rule.v2\""),
        Arguments.of("règle", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"règle\""),
        Arguments.of("tab\tname", "1.2.3.4", "1.2.3.4", ErrorCode.INVALID_FIREWALL_RULE_NAME, "name", "\"tab\tname\""),
        Arguments.of("office", "2001:db8::1", "1.2.3.4", ErrorCode.ADDRESS_MUST_BE_IPV4, "startIpAddress", "\"2001:db8::1\""),
        Arguments.of("office", "1.2.3.4", "::1", ErrorCode.ADDRESS_MUST_BE_IPV4, "endIpAddress", "\"::1\""),
        Arguments.of("office", "10.0.0.1:5432", "10.0.0.9", ErrorCode.INVALID_IPV4_ADDRESS, "startIpAddress", "\"10.0.0.1:5432\""),
        Arguments.of("office", "1.2.3", "1.2.3.4", ErrorCode.INVALID_IPV4_ADDRESS, "startIpAddress", "\"1.2.3\""),
        Arguments.of("office", "1.2.3.4", "1.2.3.256", ErrorCode.INVALID_IPV4_ADDRESS, "endIpAddress", "\"1.2.3.256\""),
        Arguments.of("office", "10.0.0.9", "10.0.0.1", ErrorCode.END_ADDRESS_SMALLER_THAN_START, "endIpAddress", "(10.0.0.1)"));
  }

  @ParameterizedTest(name = "{0} {1}-{2} -> {3}")
  @MethodSource("invalidRules")
  void of_invalidInput_throwsCodeNamingFieldAndValue(
      String name, String start, String end, ErrorCode code, String field, String value) {
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRule.of(name, start, end));
    assertEquals(code, e.code());
    assertTrue(e.getMessage().startsWith("FirewallRule["), e.getMessage());
    assertTrue(e.getMessage().contains("]." + field + " "), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void of_endBeforeStart_messageUsesDocumentedForm() {
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRule.of("office", "10.0.0.9", "10.0.0.1"));
    assertEquals("FirewallRule[office].endIpAddress (10.0.0.1) must not be smaller than startIpAddress (10.0.0.9)", e.getMessage());
  }

  @Test
  void builder_missingEnd_throwsMissingAttribute() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> FirewallRule.builder().name("office").startIpAddress(ip("1.2.3.4")).build());
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("endIpAddress"), e.getMessage());
  }

  @Test
  void removal_invalidName_throwsFirewallRuleNameCode() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> new FirewallRuleRemoval("a", Ipv4Range.parse("1.2.3.4"), NOW));
    assertEquals(ErrorCode.INVALID_FIREWALL_RULE_NAME, e.code());
    assertTrue(e.getMessage().contains("FirewallRuleRemoval[a].name"), e.getMessage());
  }

  @Test
  void removal_nullInstant_throwsMissingAttribute() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> new FirewallRuleRemoval("office", Ipv4Range.parse("1.2.3.4"), null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("removedAt"), e.getMessage());
  }
}
