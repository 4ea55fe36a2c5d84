package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static dev.pgreach.firewall.TestEstate.ip;
import static dev.pgreach.firewall.TestEstate.minutesAgo;
import static dev.pgreach.firewall.TestEstate.privateServer;
import static dev.pgreach.firewall.TestEstate.publicServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Arrival;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicAccessTest {
  private static final FirewallRule OFFICE = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
  private static final FirewallRule AZURE = FirewallRule.of("AllowAllAzureServicesAndResourcesWithinAzureIps", "0.0.0.0", "0.0.0.0");
  private static final FirewallRule EVERYONE = FirewallRule.of("AllowAll", "0.0.0.0", "255.255.255.255");

  private static Verdict admit(FirewallRuleSet rules, FirewallSource source) {
    return PublicAccess.of(rules).admit(source, NOW);
  }

  @Test
  void admit_addressInRule_allowedNamingRule() {
    Verdict v = PublicAccess.of(FirewallRuleSet.of(OFFICE)).admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(List.of(new FirewallStep.RuleMatched("office", OFFICE.range(), FirewallSource.of(ip("203.0.113.7")))), v.steps());
    assertEquals(ReasonCode.FIREWALL_RULE_MATCHED, v.steps().get(0).code());
    assertEquals("office", v.steps().get(0).subject());
  }

  @Test
  void admit_rangeBoundaries_inclusive() {
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(OFFICE));
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.0"), NOW).disposition());
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.255"), NOW).disposition());
    assertEquals(Disposition.BLOCKED, access.admit(ip("203.0.112.255"), NOW).disposition());
    assertEquals(Disposition.BLOCKED, access.admit(ip("203.0.114.0"), NOW).disposition());
  }

  @Test
  void admit_noMatchingRule_blockedByDefault() {
    Verdict v = PublicAccess.of(publicServer("orders"), FirewallRuleSet.of(OFFICE)).admit(ip("192.0.2.1"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    FirewallStep.NoRuleMatched step = (FirewallStep.NoRuleMatched) v.blockingStep().orElseThrow();
    assertEquals(ReasonCode.FIREWALL_NO_RULE_MATCHED, step.code());
    assertEquals(1, step.ruleCount());
    assertEquals(Optional.of(TestEstate.serverId("orders")), step.server());
    assertTrue(step.reason().contains("orders"), step.reason());
  }

  @Test
  void admit_publicNetworkAccessDisabled_blockedWhateverRules() {
    FlexibleServer server = publicServer("orders", PublicNetworkAccess.DISABLED);
    Verdict v = PublicAccess.of(server, FirewallRuleSet.of(EVERYONE)).admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(List.of(new FirewallStep.PublicNetworkAccessDisabled(Optional.of(server.id()), false)), v.steps());
    assertEquals(ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED, v.steps().get(0).code());
  }

  @Test
  void admit_vnetIntegratedServerWithAccessEnabled_blockedNoPublicEndpoint() {
    FlexibleServer server = privateServer("vault", "hub", "db", "10.0.1.4", PublicNetworkAccess.ENABLED);
    PublicAccess access = PublicAccess.of(server, FirewallRuleSet.of(EVERYONE));
    assertFalse(access.enforcesRules());
    Verdict v = access.admit(ip("203.0.113.7"), NOW);
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(new FirewallStep.PublicNetworkAccessDisabled(Optional.of(server.id()), true), v.steps().get(0));
    assertTrue(v.steps().get(0).reason().contains("no public endpoint"));
  }

  @Test
  void withPublicNetworkAccess_enabledAgain_rulesEnforcedAgain() {
    PublicAccess disabled = PublicAccess.of(FirewallRuleSet.of(OFFICE)).withPublicNetworkAccess(PublicNetworkAccess.DISABLED);
    assertEquals(Disposition.BLOCKED, disabled.admit(ip("203.0.113.7"), NOW).disposition());
    PublicAccess enabled = disabled.withPublicNetworkAccess(PublicNetworkAccess.ENABLED);
    assertEquals(Disposition.ALLOWED, enabled.admit(ip("203.0.113.7"), NOW).disposition());
  }

  @Test
  void admit_azureRuleAzureSource_allowedByAzureServices() {
    Verdict v = admit(FirewallRuleSet.of(AZURE), FirewallSource.azure(ip("20.50.2.9")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(List.of(new FirewallStep.AzureServicesAllowed(AZURE.name(), FirewallSource.azure(ip("20.50.2.9")))), v.steps());
    assertTrue(v.steps().get(0).reason().contains("other customers"));
  }

  @Test
  void admit_azureRuleNonAzureSource_blocked() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.of(AZURE), FirewallSource.of(ip("20.50.2.9"))).disposition());
  }

  @Test
  void admit_azureRuleSourceZeroAddress_blockedUnlessAzure() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.of(AZURE), FirewallSource.of(ip("0.0.0.0"))).disposition());
  }

  @Test
  void withAzureRanges_addressInRanges_countsAsAzure() {
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(AZURE)).withAzureRanges(AddressSet.parse("20.0.0.0/8"));
    Verdict v = access.admit(ip("20.50.2.9"), NOW);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(FirewallSource.azure(ip("20.50.2.9")), ((FirewallStep.AzureServicesAllowed) v.steps().get(0)).source());
    assertEquals(Disposition.BLOCKED, access.admit(ip("21.50.2.9"), NOW).disposition());
  }

  @Test
  void admit_unknownSourceAllowAllRule_allowed() {
    Verdict v = admit(FirewallRuleSet.of(OFFICE, EVERYONE), FirewallSource.unknown(false));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(List.of(new FirewallStep.RuleMatched("AllowAll", Ipv4Range.ALL, FirewallSource.unknown(false))), v.steps());
  }

  @Test
  void admit_unknownAzureSourceAzureRule_allowed() {
    Verdict v = admit(FirewallRuleSet.of(OFFICE, AZURE), FirewallSource.unknown(true));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals(ReasonCode.FIREWALL_AZURE_SERVICES_ALLOWED, v.steps().get(0).code());
  }

  @Test
  void admit_unknownSourceRangeRules_indeterminateNeverAllowed() {
    Verdict v = admit(FirewallRuleSet.of(OFFICE, AZURE), FirewallSource.unknown(false));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(List.of(new FirewallStep.SourceUnknown(FirewallSource.unknown(false), 1)), v.steps());
  }

  @Test
  void admit_unknownSourceNoRules_blocked() {
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.empty(), FirewallSource.unknown(true)).disposition());
    assertEquals(Disposition.BLOCKED, admit(FirewallRuleSet.of(AZURE), FirewallSource.unknown(false)).disposition());
  }

  @Test
  void admit_ruleAddedFourMinutesAgo_indeterminate() {
    FirewallRule added = OFFICE.withChangedAt(minutesAgo(4));
    Verdict v = admit(FirewallRuleSet.of(added), FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(
        List.of(
            new FirewallStep.ChangePropagating(
                "office", OFFICE.range(), false, minutesAgo(4), minutesAgo(-1), FirewallSource.of(ip("203.0.113.7")))),
        v.steps());
    assertEquals(ReasonCode.FIREWALL_CHANGE_PROPAGATING, v.unknownSteps().get(0).code());
  }

  @Test
  void admit_ruleAddedExactlyFiveMinutesAgo_settled() {
    assertEquals(
        Disposition.ALLOWED,
        admit(FirewallRuleSet.of(OFFICE.withChangedAt(minutesAgo(5))), FirewallSource.of(ip("203.0.113.7"))).disposition());
    assertEquals(
        Disposition.INDETERMINATE,
        admit(FirewallRuleSet.of(OFFICE.withChangedAt(NOW.minusSeconds(299))), FirewallSource.of(ip("203.0.113.7"))).disposition());
  }

  @Test
  void admit_recentRuleElsewhere_doesNotDecide() {
    FirewallRuleSet rules = FirewallRuleSet.of(OFFICE, FirewallRule.of("new", "198.51.100.0", "198.51.100.255").withChangedAt(minutesAgo(1)));
    assertEquals(Disposition.ALLOWED, admit(rules, FirewallSource.of(ip("203.0.113.7"))).disposition());
    assertEquals(Disposition.BLOCKED, admit(rules, FirewallSource.of(ip("192.0.2.1"))).disposition());
    assertEquals(Disposition.INDETERMINATE, admit(rules, FirewallSource.of(ip("198.51.100.1"))).disposition());
  }

  @Test
  void admit_recentChangeCoveredBySettledRule_settledAnswer() {
    FirewallRuleSet rules = FirewallRuleSet.of(OFFICE, FirewallRule.of("narrow", "203.0.113.5", "203.0.113.9").withChangedAt(minutesAgo(1)));
    Verdict v = admit(rules, FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals("office", v.steps().get(0).subject());
  }

  @Test
  void admit_ruleRemovedTwoMinutesAgo_indeterminateThenBlocked() {
    FirewallRuleSet removed = FirewallRuleSet.of(OFFICE).delete("office", minutesAgo(2));
    Verdict v = admit(removed, FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    FirewallStep.ChangePropagating step = (FirewallStep.ChangePropagating) v.steps().get(0);
    assertTrue(step.removed());
    assertEquals(minutesAgo(-3), step.settlesAt());
    assertEquals(Disposition.BLOCKED, PublicAccess.of(removed).admit(ip("203.0.113.7"), minutesAgo(-3)).disposition());
  }

  @Test
  void admit_ruleMovedRecently_oldAndNewRangesIndeterminate() {
    FirewallRuleSet moved = FirewallRuleSet.of(OFFICE).upsert(FirewallRule.of("office", "192.0.2.0", "192.0.2.255").withChangedAt(minutesAgo(1)));
    assertEquals(Disposition.INDETERMINATE, admit(moved, FirewallSource.of(ip("203.0.113.7"))).disposition());
    assertEquals(Disposition.INDETERMINATE, admit(moved, FirewallSource.of(ip("192.0.2.7"))).disposition());
    assertEquals(Disposition.BLOCKED, admit(moved, FirewallSource.of(ip("198.51.100.7"))).disposition());
  }

  @Test
  void admit_changeAfterQuestionInstant_notSettled() {
    Verdict v = admit(FirewallRuleSet.of(OFFICE.withChangedAt(NOW.plusSeconds(60))), FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
  }

  @Test
  void withProfile_zeroDelay_changesSettleImmediately() {
    ServiceProfile instant = TestEstate.currentWithDelay(Duration.ZERO);
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(NOW))).withProfile(instant);
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.7"), NOW).disposition());
  }

  @Test
  void admit_recentAzureRuleAzureSource_indeterminate() {
    Verdict v = admit(FirewallRuleSet.of(AZURE.withChangedAt(minutesAgo(1))), FirewallSource.azure(ip("20.50.2.9")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(AZURE.name(), v.steps().get(0).subject());
  }

  @Test
  void admit_manyRulesCoverAddress_namesEarliestChanged() {
    FirewallRuleSet rules =
        FirewallRuleSet.of(
            FirewallRule.of("a-recent", "203.0.113.0", "203.0.113.255").withChangedAt(minutesAgo(10)),
            FirewallRule.of("b-old", "203.0.113.0", "203.0.113.127").withChangedAt(minutesAgo(60)),
            FirewallRule.of("c-unknown", "203.0.113.64", "203.0.113.64"));
    assertEquals("c-unknown", admit(rules, FirewallSource.of(ip("203.0.113.64"))).steps().get(0).subject());
    assertEquals("b-old", admit(rules, FirewallSource.of(ip("203.0.113.65"))).steps().get(0).subject());
    assertEquals("a-recent", admit(rules, FirewallSource.of(ip("203.0.113.200"))).steps().get(0).subject());
  }

  @Test
  void admit_arrivalFromVirtualNetwork_usesArrivalSourceAndAzureFlag() {
    Arrival arrival = new Arrival(Place.INTERNET, ip("40.2.45.67"), Optional.empty(), Optional.of(ip("20.50.2.9")), true);
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(AZURE));
    assertEquals(Disposition.ALLOWED, access.admit(arrival, NOW).disposition());
    Arrival unknown = new Arrival(Place.INTERNET, ip("40.2.45.67"), Optional.empty(), Optional.empty(), false);
    assertEquals(Disposition.BLOCKED, access.admit(unknown, NOW).disposition());
  }

  @Test
  void admittedAddresses_areSettledRangesWithoutAzureRule() {
    PublicAccess access =
        PublicAccess.of(
            FirewallRuleSet.of(
                OFFICE, AZURE, FirewallRule.of("new", "198.51.100.0", "198.51.100.255").withChangedAt(minutesAgo(1))));
    assertEquals(AddressSet.parse("203.0.113.0/24"), access.admittedAddresses(NOW));
    assertEquals(AddressSet.parse("198.51.100.0/24"), access.undecidedAddresses(NOW));
    assertEquals(AddressSet.parse("198.51.100.0/24, 203.0.113.0/24"), access.admittedAddresses(minutesAgo(-5)));
    assertTrue(access.undecidedAddresses(minutesAgo(-5)).isEmpty());
  }

  // ---------------------------------------------------------------- extreme instants

  @Test
  void admit_questionAtInstantMin_decidesWithoutOverflow() {
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(OFFICE, FirewallRule.of("home", "198.51.100.7", "198.51.100.7").withChangedAt(NOW)));
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.7"), Instant.MIN).disposition());
    Verdict v = access.admit(ip("198.51.100.7"), Instant.MIN);
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(NOW.plusSeconds(300), ((FirewallStep.ChangePropagating) v.steps().get(0)).settlesAt());
    assertEquals(AddressSet.parse("203.0.113.0/24"), access.admittedAddresses(Instant.MIN));
    assertEquals(AddressSet.parse("198.51.100.7/32"), access.undecidedAddresses(Instant.MIN));
  }

  @Test
  void admit_ruleChangedAtInstantMax_indeterminateSettlingAtInstantMax() {
    Verdict v = admit(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MAX)), FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    FirewallStep.ChangePropagating step = (FirewallStep.ChangePropagating) v.steps().get(0);
    assertEquals(Instant.MAX, step.changedAt());
    assertEquals(Instant.MAX, step.settlesAt());
    assertEquals(Disposition.INDETERMINATE, PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MAX))).admit(ip("203.0.113.7"), Instant.MAX).disposition());
  }

  @Test
  void admit_ruleDeletedAtInstantMax_indeterminateSettlingAtInstantMax() {
    FirewallRuleSet deleted = FirewallRuleSet.of(OFFICE).delete("office", Instant.MAX);
    Verdict v = admit(deleted, FirewallSource.of(ip("203.0.113.7")));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(Instant.MAX, ((FirewallStep.ChangePropagating) v.steps().get(0)).settlesAt());
    assertEquals(Disposition.INDETERMINATE, admit(deleted, FirewallSource.unknown(false)).disposition());
  }

  @Test
  void admit_ruleChangedAtInstantMinAskedAtInstantMin_settledOnlyWithoutDelay() {
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MIN), FirewallRule.of("wide", "203.0.0.0", "203.0.255.255"));
    Verdict v = PublicAccess.of(set).admit(ip("203.0.113.7"), Instant.MIN);
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertEquals("wide", v.steps().get(0).subject());
    PublicAccess instantly = PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MIN))).withProfile(TestEstate.currentWithDelay(Duration.ZERO));
    assertEquals(Disposition.ALLOWED, instantly.admit(ip("203.0.113.7"), Instant.MIN).disposition());
    assertEquals(Disposition.INDETERMINATE, PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MIN))).admit(ip("203.0.113.7"), Instant.MIN).disposition());
  }

  @Test
  void admit_longestDelayAtBothEnds_settlesExactlyAtTheEdge() {
    Duration longest = ServiceProfile.MAX_PROPAGATION_DELAY;
    PublicAccess access = PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.MAX.minus(longest)))).withProfile(TestEstate.currentWithDelay(longest));
    assertEquals(Disposition.ALLOWED, access.admit(ip("203.0.113.7"), Instant.MAX).disposition());
    assertEquals(Disposition.INDETERMINATE, access.admit(ip("203.0.113.7"), Instant.MAX.minusNanos(1)).disposition());
    assertEquals(Disposition.INDETERMINATE, access.admit(ip("203.0.113.7"), Instant.MIN).disposition());
    PublicAccess epoch = PublicAccess.of(FirewallRuleSet.of(OFFICE.withChangedAt(Instant.EPOCH))).withProfile(TestEstate.currentWithDelay(longest));
    assertEquals(Disposition.INDETERMINATE, epoch.admit(ip("203.0.113.7"), Instant.EPOCH.plus(longest).minusNanos(1)).disposition());
    assertEquals(Disposition.ALLOWED, epoch.admit(ip("203.0.113.7"), Instant.EPOCH.plus(longest)).disposition());
  }

  @Test
  void admit_nullInstant_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> PublicAccess.of(FirewallRuleSet.empty()).admit(ip("1.2.3.4"), null));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("PublicAccess.admit.at"), e.getMessage());
  }

  @Test
  void toString_namesServerSettingAndRuleCount() {
    String s = PublicAccess.of(publicServer("orders"), FirewallRuleSet.of(OFFICE)).toString();
    assertEquals("PublicAccess[orders, publicNetworkAccess=ENABLED, 1 rules, profile current]", s);
  }
}
