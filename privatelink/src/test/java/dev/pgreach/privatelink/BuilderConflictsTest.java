package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import dev.pgreach.dns.DnsEstate;
import dev.pgreach.dns.DnsName;
import dev.pgreach.firewall.FirewallRuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A key put twice into a builder's map is a {@link PgreachException} naming the key, never Guava's exception. */
class BuilderConflictsTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  private static Estate.Builder sample() {
    return Estate.builder().network(SAMPLE.network()).addAllNetworkSecurityGroups(SAMPLE.networkSecurityGroups());
  }

  private static void assertDuplicate(Executable build, String key) {
    PgreachException e = assertThrows(PgreachException.class, build);
    assertEquals(ErrorCode.DUPLICATE_RESOURCE, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void estateBuilder_firewallRulesForOneServerPutTwice_isADuplicateNamingTheServer() {
    assertDuplicate(
        () -> sample().putFirewallRules(SampleEstate.server("web-db"), FirewallRuleSet.empty()).putFirewallRules(SampleEstate.server("web-db"), FirewallRuleSet.empty()).build(),
        SampleEstate.server("web-db").toString());
  }

  @Test
  void estateBuilder_publicEndpointLabelPutTwice_isADuplicateNamingTheServer() {
    assertDuplicate(
        () -> sample().putPublicEndpointLabels(ServerName.parse("web-db"), DnsName.parse("rs-1")).putPublicEndpointLabels(ServerName.parse("web-db"), DnsName.parse("rs-2")).build(),
        "web-db");
  }

  @Test
  void estateBuilder_serviceTagPutTwice_isADuplicateNamingTheTag() {
    assertDuplicate(() -> sample().putServiceTagRanges("Storage", AddressSet.EMPTY).putServiceTagRanges("Storage", AddressSet.ALL).build(), "Storage");
  }

  @Test
  void estateBuilder_serviceTagsDifferingOnlyInCase_areOneTagAndRefused() {
    assertDuplicate(() -> sample().putServiceTagRanges("Storage", AddressSet.EMPTY).putServiceTagRanges("storage", AddressSet.EMPTY).build(), "case-insensitive");
  }

  @Test
  void dnsEstateBuilder_publicEndpointLabelPutTwice_isADuplicateNamingTheServer() {
    assertDuplicate(
        () -> DnsEstate.builder().network(SAMPLE.network()).putPublicEndpointLabels(ServerName.parse("web-db"), DnsName.parse("rs-1"))
            .putPublicEndpointLabels(ServerName.parse("web-db"), DnsName.parse("rs-1")).build(),
        "web-db");
  }

  @Test
  void coverageBuilder_outsideInputPutTwice_isADuplicateNamingTheResource() {
    assertDuplicate(
        () -> Coverage.builder().putOutsideInput(SampleEstate.server("gone-db"), "a").putOutsideInput(SampleEstate.server("gone-db"), "b").build(),
        SampleEstate.server("gone-db").toString());
  }
}
