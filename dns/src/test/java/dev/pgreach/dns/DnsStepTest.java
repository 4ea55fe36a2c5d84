package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.serverId;
import static dev.pgreach.dns.TestEstate.vmId;
import static dev.pgreach.dns.TestEstate.vnetId;
import static dev.pgreach.dns.TestEstate.zoneId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.Place;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.StepEffect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsStepTest {
  private static final DnsName NAME = dns("crm.postgres.database.azure.com");
  private static final String PL = "privatelink.postgres.database.azure.com";

  static List<Arguments> steps() {
    return List.of(
        Arguments.of(new DnsStep.Queried(new NameServer.AzureProvided(vnetId("hub")), NAME), ReasonCode.DNS_QUERY, StepEffect.NOTE, "168.63.129.16", "virtual network hub"),
        Arguments.of(new DnsStep.Queried(new NameServer.Configured(vmId("dns1"), ip("10.0.3.4"), DnsServerKind.CUSTOM), NAME), ReasonCode.DNS_QUERY, StepEffect.NOTE, "dns1", "10.0.3.4"),
        Arguments.of(
            new DnsStep.Queried(new NameServer.Configured(TestEstate.inboundId("r", "in1"), ip("10.0.3.5"), DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT), NAME),
            ReasonCode.DNS_QUERY,
            StepEffect.NOTE,
            "inbound endpoint in1",
            "10.0.3.5"),
        Arguments.of(new DnsStep.Queried(new NameServer.Public(Optional.of(ip("8.8.8.8"))), NAME), ReasonCode.DNS_QUERY, StepEffect.NOTE, "public resolver 8.8.8.8", "crm"),
        Arguments.of(new DnsStep.Recursed(vmId("dns1"), NAME), ReasonCode.DNS_QUERY, StepEffect.NOTE, "no forwarder", "public DNS"),
        Arguments.of(
            new DnsStep.Forwarded(vmId("dns1"), NAME, ip("168.63.129.16"), Optional.of(dns("postgres.database.azure.com"))),
            ReasonCode.DNS_FORWARDED,
            StepEffect.PASSED,
            "conditional forwarder for postgres.database.azure.com",
            "168.63.129.16"),
        Arguments.of(
            new DnsStep.ZoneAnswered(
                dns("crm." + PL), zoneId(PL), ZoneName.POSTGRES_PRIVATELINK, TestEstate.linkId("dns", PL, "hub-link"), ImmutableList.of(TestEstate.a("crm", "10.0.1.50")), Optional.empty()),
            ReasonCode.DNS_PRIVATE_ZONE_ANSWERED,
            StepEffect.PASSED,
            "hub-link",
            "crm A 10.0.1.50"),
        Arguments.of(
            new DnsStep.PublicAnswered(NAME, Optional.of(dns("crm." + PL)), ImmutableList.of(), Optional.empty()),
            ReasonCode.DNS_PUBLIC_ANSWERED,
            StepEffect.PASSED,
            "CNAME crm." + PL,
            "Public DNS"),
        Arguments.of(
            new DnsStep.PublicAnswered(dns("crm." + PL), Optional.empty(), ImmutableList.of(ip("20.50.1.20")), Optional.of(serverId("crm"))),
            ReasonCode.DNS_PUBLIC_ANSWERED,
            StepEffect.PASSED,
            "A 20.50.1.20",
            "public endpoint of server crm"),
        Arguments.of(
            new DnsStep.PublicAnswered(dns("crm." + PL), Optional.empty(), ImmutableList.of(), Optional.of(serverId("crm"))),
            ReasonCode.DNS_PUBLIC_ANSWERED,
            StepEffect.PASSED,
            "does not know",
            "server crm"),
        Arguments.of(new DnsStep.CnameFollowed(NAME, dns("crm." + PL)), ReasonCode.DNS_CNAME_FOLLOWED, StepEffect.PASSED, "crm.postgres", "crm.privatelink"),
        Arguments.of(new DnsStep.FallbackToInternet(dns("crm." + PL), zoneId(PL), TestEstate.linkId("dns", PL, "spoke-link")), ReasonCode.DNS_FALLBACK_TO_INTERNET, StepEffect.PASSED, "NxDomainRedirect", "spoke-link"),
        Arguments.of(new DnsStep.NxDomain(NAME, Optional.empty(), Optional.empty(), false), ReasonCode.DNS_NXDOMAIN, StepEffect.BLOCKED, "Public DNS has no record", "NXDOMAIN"),
        Arguments.of(
            new DnsStep.NxDomain(dns("crm." + PL), Optional.of(zoneId(PL)), Optional.of(TestEstate.linkId("dns", PL, "spoke-link")), true),
            ReasonCode.DNS_NXDOMAIN,
            StepEffect.BLOCKED,
            "no fallback",
            "not honoured"),
        Arguments.of(new DnsStep.Refused(Resolver.AZURE_PROVIDED_DNS, new Place.OnPremises(TestEstate.onPremId("corp"))), ReasonCode.DNS_RESOLVER_REFUSED, StepEffect.BLOCKED, "inside a virtual network", "on-premises network corp"),
        Arguments.of(new DnsStep.Unreachable(ip("10.0.3.99"), new Place.Vnet(vnetId("spoke")), Optional.empty()), ReasonCode.DNS_RESOLVER_UNREACHABLE, StepEffect.BLOCKED, "No DNS server is modelled at 10.0.3.99", "virtual network spoke"),
        Arguments.of(new DnsStep.ForwardingLoop(vmId("dns1"), NAME), ReasonCode.DNS_FORWARDING_LOOP, StepEffect.BLOCKED, "dns1", "forwarding loop"),
        Arguments.of(new DnsStep.CnameLoop(dns("b.contoso.com"), dns("a.contoso.com")), ReasonCode.DNS_CNAME_LOOP, StepEffect.BLOCKED, "points back to a.contoso.com", "CNAME loop"),
        Arguments.of(new DnsStep.DepthExceeded(dns("n16.contoso.com"), dns("n17.contoso.com"), 16), ReasonCode.DNS_DEPTH_EXCEEDED, StepEffect.BLOCKED, "longer than 16", "n17.contoso.com"),
        Arguments.of(new DnsStep.PublicNotModelled(dns("www.example.com")), ReasonCode.DNS_PUBLIC_NOT_MODELLED, StepEffect.UNKNOWN, "www.example.com", "unknown"),
        Arguments.of(
            new DnsStep.ServerAddressUnknown(
                dns("orders." + TestEstate.ORDERS_ZONE),
                zoneId(TestEstate.ORDERS_ZONE),
                ZoneName.parse(TestEstate.ORDERS_ZONE),
                TestEstate.linkId("dns", TestEstate.ORDERS_ZONE, "hub-link"),
                serverId("orders"),
                ImmutableList.of(TestEstate.a("orders", "10.0.1.9"))),
            ReasonCode.DNS_SERVER_ADDRESS_UNKNOWN,
            StepEffect.UNKNOWN,
            "A record Azure keeps for server orders",
            "orders A 10.0.1.9 is outside the server's delegated subnet"),
        Arguments.of(new DnsStep.Answered(NAME, ImmutableList.of(ip("10.0.1.50")), Optional.empty()), ReasonCode.DNS_ANSWER, StepEffect.PASSED, "resolves to 10.0.1.50", "crm"),
        Arguments.of(new DnsStep.Answered(NAME, ImmutableList.of(), Optional.of(serverId("audit"))), ReasonCode.DNS_ANSWER, StepEffect.PASSED, "public endpoint of server audit", "address not known"));
  }

  @ParameterizedTest(name = "{1} {3}")
  @MethodSource("steps")
  void reason_eachStep_codeEffectAndSentenceWithItsFacts(DnsStep step, ReasonCode code, StepEffect effect, String fact1, String fact2) {
    assertEquals(code, step.code());
    assertEquals(effect, step.effect());
    assertTrue(step.reason().contains(fact1), step.reason());
    assertTrue(step.reason().contains(fact2), step.reason());
    assertTrue(step.reason().endsWith("."), step.reason());
    assertTrue(!step.subject().isBlank());
  }
}
