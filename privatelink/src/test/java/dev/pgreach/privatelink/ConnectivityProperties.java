package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.testing.NetworkArbitraries;
import dev.pgreach.firewall.FirewallRule;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class ConnectivityProperties {

  @Provide
  Arbitrary<EstateQuestions.Question> questions() {
    return EstateQuestions.questions();
  }

  @Provide
  Arbitrary<ServiceProfile> profiles() {
    return NetworkArbitraries.profiles();
  }

  private static Connection ask(EstateQuestions.Question q, ServiceProfile profile) {
    return Connectivity.of(q.estate(), profile).connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
  }

  @Property(tries = 300)
  void connectNeverThrowsAndIsDeterministic(@ForAll("questions") EstateQuestions.Question q, @ForAll("profiles") ServiceProfile profile) {
    Connection first = ask(q, profile);
    Connection second = ask(q, profile);
    assertEquals(first, second);
    assertEquals(first.explanation(), second.explanation());
    Statistics.label("disposition").collect(first.disposition()).coverage(c -> c.check(Disposition.ALLOWED).count(n -> n > 0));
    Statistics.label("deciding step").collect(first.decidingStep().map(Step::code).orElse(ReasonCode.AUTHENTICATION_REQUIRED));
  }

  @Property(tries = 200)
  void anAllowedConnectionEndsWithTheAuthenticationNoteAndEveryStepPassedOrNoted(@ForAll("questions") EstateQuestions.Question q) {
    Connection c = ask(q, ServiceProfile.current());
    if (c.disposition() == Disposition.ALLOWED) {
      assertEquals(ReasonCode.AUTHENTICATION_REQUIRED, c.steps().get(c.steps().size() - 1).code());
      assertTrue(c.steps().stream().allMatch(s -> s.effect() == StepEffect.PASSED || s.effect() == StepEffect.NOTE));
      assertTrue(c.server().isPresent());
    }
  }

  @Property(tries = 200)
  void anEstateWithEveryAllowRemovedConnectsNobody(@ForAll("questions") EstateQuestions.Question q, @ForAll("profiles") ServiceProfile profile) {
    Estate closed = EstateQuestions.withoutAllows(q.estate());
    Connection c = Connectivity.of(closed, profile).connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
    assertNotEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
  }

  @Property(tries = 300)
  void aConnectionNeverReachesAServerOtherThanTheOneItsNameOrEndpointNames(@ForAll("questions") EstateQuestions.Question q) {
    Connection c = ask(q, ServiceProfile.current());
    if (c.disposition() != Disposition.ALLOWED) {
      return;
    }
    for (FlexibleServer s : q.estate().network().flexibleServers()) {
      if (q.target().equalsIgnoreCase(s.fullyQualifiedDomainName())) {
        assertEquals(Optional.of(s.id()), c.server(), c.explanation());
      }
    }
    for (PrivateEndpoint p : q.estate().privateEndpoints()) {
      if (q.target().equals(p.privateAddress().toString())) {
        assertEquals(Optional.of(p.targetServer()), c.server(), c.explanation());
      }
    }
  }

  /**
   * Data-leakage protection: point another server's name at an endpoint (a wrong record in the
   * privatelink zone, linked where the endpoint is) and ask from the endpoint's subnet — the
   * connection must never reach the other server through that endpoint.
   */
  @Property(tries = 150)
  void anEndpointNeverBecomesAPathToAnotherServer(@ForAll("estates") Estate estate) {
    for (PrivateEndpoint p : estate.privateEndpoints()) {
      for (FlexibleServer other : estate.network().flexibleServers()) {
        if (other.id().equals(p.targetServer()) || other.isVnetIntegrated()) {
          continue;
        }
        dev.pgreach.dns.PrivateDnsZone zone =
            estate.privateDnsZones().stream().filter(z -> z.name().equals(dev.pgreach.dns.ZoneName.POSTGRES_PRIVATELINK)).findFirst().orElseThrow();
        dev.pgreach.core.ResourceId vnet = estate.network().virtualNetworkOf(p.subnet()).id();
        dev.pgreach.dns.PrivateDnsZone.Builder wrong =
            dev.pgreach.dns.PrivateDnsZone.builder()
                .id(zone.id())
                .addAllRecords(zone.records().stream().filter(r -> !r.name().toString().equals(other.name().toString())).collect(java.util.stream.Collectors.toList()))
                .addRecords(new dev.pgreach.dns.DnsRecord.A(dev.pgreach.dns.RecordName.parse(other.name().toString()), p.privateAddress(), java.util.Optional.empty()))
                .addAllVirtualNetworkLinks(zone.virtualNetworkLinks());
        if (zone.linksTo(vnet).isEmpty()) {
          wrong.addVirtualNetworkLinks(dev.pgreach.dns.VirtualNetworkLink.builder().id(zone.id().child("virtualNetworkLinks", "leak-test")).virtualNetwork(vnet).build());
        }
        Estate misleading = estate.withPrivateDnsZone(wrong.build());
        dev.pgreach.core.Subnet subnet = estate.network().subnet(p.subnet()).orElseThrow();
        java.util.Optional<Ipv4Address> host =
            subnet.addressPrefix().toAddressSet().difference(subnet.reservedAddresses()).difference(dev.pgreach.core.AddressSet.ofAddresses(java.util.List.of(p.privateAddress()))).last();
        if (host.isEmpty()) {
          continue;
        }
        dev.pgreach.core.Client client = dev.pgreach.core.Client.builder().name("probe").location(dev.pgreach.core.ClientLocation.InVirtualNetwork.of(p.subnet(), host.get())).build();
        Connection c = Connectivity.of(misleading).connect(client, other.fullyQualifiedDomainName(), 5432, EstateQuestions.INSTANT);
        if (c.disposition() == Disposition.ALLOWED) {
          assertEquals(java.util.Optional.of(other.id()), c.server(), c.explanation());
          assertTrue(c.steps().stream().noneMatch(st -> st.code() == ReasonCode.FRONT_DOOR_PRIVATE_ENDPOINT), c.explanation());
        }
        Statistics.label("leak attempt").collect(c.steps().stream().anyMatch(st -> st.code() == ReasonCode.FRONT_DOOR_OTHER_SERVER) ? "stopped at the endpoint" : c.disposition().toString());
      }
    }
  }

  @Provide
  Arbitrary<Estate> estates() {
    return EstateQuestions.estates();
  }

  @Property(tries = 500)
  void addingAnAllowFirewallRuleNeverTurnsAConnectedAnswerIntoABlockedOne(@ForAll("questions") EstateQuestions.Question q) {
    Connection before = ask(q, ServiceProfile.current());
    Estate more = q.estate();
    for (FlexibleServer s : q.estate().network().flexibleServers()) {
      if (!s.isVnetIntegrated()) {
        more = more.withFirewallRules(s.id(), more.firewallRulesOf(s.id()).upsert(FirewallRule.of("allow-everyone", Ipv4Address.MIN, Ipv4Address.MAX)));
      }
    }
    Connection after = Connectivity.of(more, ServiceProfile.current()).connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
    if (before.disposition() == Disposition.ALLOWED) {
      assertEquals(Disposition.ALLOWED, after.disposition(), after.explanation());
    }
    if (before.disposition() == Disposition.INDETERMINATE) {
      assertNotEquals(Disposition.BLOCKED, after.disposition(), after.explanation());
    }
  }

  @Property(tries = 500)
  void approvingAnEndpointNeverTurnsAConnectedAnswerIntoABlockedOne(@ForAll("questions") EstateQuestions.Question q) {
    Connection before = ask(q, ServiceProfile.current());
    Estate approved = q.estate();
    for (PrivateEndpoint p : q.estate().privateEndpoints()) {
      approved = approved.withPrivateEndpoint(EstateQuestions.approved(p));
    }
    Connection after = Connectivity.of(approved, ServiceProfile.current()).connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
    if (before.disposition() == Disposition.ALLOWED) {
      assertEquals(Disposition.ALLOWED, after.disposition(), after.explanation());
    }
  }

  @Property(tries = 100)
  void validationNeverThrowsAndIsSorted(@ForAll("questions") EstateQuestions.Question q, @ForAll("profiles") ServiceProfile profile) {
    var findings = EstateValidation.validate(q.estate(), profile);
    assertEquals(com.google.common.collect.ImmutableList.sortedCopyOf(findings), findings);
    assertEquals(findings, EstateValidation.validate(q.estate(), profile));
  }
}
