package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.customDns;
import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsServerTest {
  @Test
  void conditionalForwarderFor_longestMatchingDomainWhateverTheOrder() {
    DnsServer s =
        customDns("dns1", "hub", "dns", "10.0.3.4")
            .addConditionalForwarders(
                ConditionalForwarder.of(dns("privatelink.postgres.database.azure.com"), ip("10.0.3.6")),
                ConditionalForwarder.of(dns("azure.com"), ip("10.0.3.5")),
                ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("168.63.129.16")))
            .build();

    assertEquals(
        Optional.of(dns("privatelink.postgres.database.azure.com")),
        s.conditionalForwarderFor(dns("crm.privatelink.postgres.database.azure.com")).map(ConditionalForwarder::domain));
    assertEquals(
        Optional.of(dns("postgres.database.azure.com")),
        s.conditionalForwarderFor(dns("crm.postgres.database.azure.com")).map(ConditionalForwarder::domain));
    assertEquals(Optional.empty(), s.conditionalForwarderFor(dns("www.example.com")));
    assertEquals(ip("10.0.3.4"), s.address());
    assertEquals(DnsServerKind.CUSTOM, s.kind());
    assertEquals("dns1", s.name());
  }

  static List<Arguments> invalidServers() {
    return List.of(
        Arguments.of(
            "internet location",
            (Supplier<DnsServer>) () -> DnsServer.builder().id(TestEstate.vmId("x")).location(new ClientLocation.Internet(ip("8.8.8.8"))).build(),
            ErrorCode.INVALID_VALUE,
            "DnsServer[x].location",
            "8.8.8.8"),
        Arguments.of(
            "inbound endpoint with a VM id",
            (Supplier<DnsServer>)
                () -> customDns("in1", "hub", "dns", "10.0.3.5").kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT).build(),
            ErrorCode.WRONG_RESOURCE_TYPE,
            "DnsServer[in1].id",
            "virtualMachines"),
        Arguments.of(
            "inbound endpoint on premises",
            (Supplier<DnsServer>)
                () ->
                    DnsServer.builder()
                        .id(TestEstate.inboundId("r", "in1"))
                        .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                        .location(TestEstate.onPrem("corp", "192.168.0.53"))
                        .build(),
            ErrorCode.INVALID_VALUE,
            "DnsServer[in1].location",
            "192.168.0.53"),
        Arguments.of(
            "inbound endpoint with forwarders",
            (Supplier<DnsServer>)
                () ->
                    DnsServer.builder()
                        .id(TestEstate.inboundId("r", "in1"))
                        .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                        .location(vm("hub", "dns", "10.0.3.5"))
                        .addForwarders(ip("8.8.8.8"))
                        .build(),
            ErrorCode.INVALID_VALUE,
            "DnsServer[in1].forwarders",
            "8.8.8.8"),
        Arguments.of(
            "two forwarders for one domain",
            (Supplier<DnsServer>)
                () ->
                    customDns("dns1", "hub", "dns", "10.0.3.4")
                        .addConditionalForwarders(
                            ConditionalForwarder.of(dns("postgres.database.azure.com"), ip("10.0.3.5")),
                            ConditionalForwarder.of(dns("Postgres.Database.Azure.Com"), ip("10.0.3.6")))
                        .build(),
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "DnsServer[dns1].conditionalForwarders",
            "postgres.database.azure.com"),
        Arguments.of(
            "conditional forwarder without targets",
            (Supplier<DnsServer>) () -> customDns("dns1", "hub", "dns", "10.0.3.4").addConditionalForwarders(ConditionalForwarder.of(dns("contoso.com"))).build(),
            ErrorCode.INVALID_VALUE,
            "ConditionalForwarder[contoso.com].targets",
            "[]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidServers")
  void build_invalidServer_throwsCodeNamingFieldAndValue(String row, Supplier<DnsServer> server, ErrorCode code, String field, String value) {
    PgreachException e = assertThrows(PgreachException.class, server::get);

    assertEquals(code, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains(field), e.getMessage());
    assertTrue(e.getMessage().contains(value), e.getMessage());
  }

  @Test
  void conditionalForwarder_matches_domainAndBelow() {
    ConditionalForwarder f = new ConditionalForwarder(dns("postgres.database.azure.com"), ImmutableList.of(ip("10.0.3.5")));

    assertTrue(f.matches(dns("postgres.database.azure.com")));
    assertTrue(f.matches(dns("crm.privatelink.postgres.database.azure.com")));
    assertEquals(false, f.matches(dns("database.azure.com")));
  }
}
