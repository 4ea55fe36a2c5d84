package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PublicAccessProperties {
  private static final AddressSet AZURE_RANGES = AddressSet.of(Ipv4Prefix.parse("203.0.113.128/26"), Ipv4Prefix.parse("20.0.0.0/8"));

  @Provide
  Arbitrary<FirewallRuleSet> ruleSets() {
    return FirewallArbitraries.ruleSets();
  }

  @Provide
  Arbitrary<Ipv4Address> addresses() {
    return FirewallArbitraries.addresses();
  }

  @Provide
  Arbitrary<FirewallRule> rules() {
    return FirewallArbitraries.rules();
  }

  @Provide
  Arbitrary<Optional<Instant>> instants() {
    return FirewallArbitraries.instants();
  }

  /** Every boundary of every rule and removal, and its neighbours. */
  private static List<Ipv4Address> boundaries(FirewallRuleSet set) {
    List<Ipv4Address> out = new ArrayList<>();
    set.rules().forEach(r -> around(r.startIpAddress(), r.endIpAddress(), out));
    set.removals().forEach(r -> around(r.range().first(), r.range().last(), out));
    return out;
  }

  private static void around(Ipv4Address first, Ipv4Address last, List<Ipv4Address> out) {
    for (Ipv4Address a : List.of(first, last)) {
      out.add(a);
      if (a.hasPrevious()) {
        out.add(a.previous());
      }
      if (a.hasNext()) {
        out.add(a.next());
      }
    }
  }

  @Property(tries = 300)
  void compiledRuleSetAdmitsExactlyWhatARuleByRuleScanAdmits(
      @ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address random, @ForAll boolean azureFlag) {
    PublicAccess access = PublicAccess.of(set).withAzureRanges(AZURE_RANGES);
    List<Ipv4Address> probes = boundaries(set);
    probes.add(random);
    for (Ipv4Address a : probes) {
      FirewallSource source = new FirewallSource(Optional.of(a), azureFlag);
      Verdict expected = ReferenceFirewall.admit(set, source, NOW, ServiceProfile.current().firewallPropagationDelay(), AZURE_RANGES);
      assertEquals(expected, access.admit(source, NOW), () -> a + " against " + set);
    }
    for (FirewallSource unknown : List.of(FirewallSource.unknown(false), FirewallSource.unknown(true))) {
      Verdict expected = ReferenceFirewall.admit(set, unknown, NOW, ServiceProfile.current().firewallPropagationDelay(), AZURE_RANGES);
      assertEquals(expected, access.admit(unknown, NOW), () -> unknown + " against " + set);
    }
  }

  @Property(tries = 200)
  void admittedAndUndecidedAddressesAgreeWithPointDecisions(@ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address random) {
    PublicAccess access = PublicAccess.of(set);
    AddressSet admitted = access.admittedAddresses(NOW);
    AddressSet undecided = access.undecidedAddresses(NOW);
    List<Ipv4Address> probes = boundaries(set);
    probes.add(random);
    for (Ipv4Address a : probes) {
      Disposition d = access.admit(a, NOW).disposition();
      assertEquals(admitted.contains(a), d == Disposition.ALLOWED, () -> a + " against " + set);
      assertEquals(undecided.contains(a), d == Disposition.INDETERMINATE, () -> a + " against " + set);
    }
  }

  @Property(tries = 300)
  void addingAnAllowRuleNeverRemovesAnAdmittedAddress(
      @ForAll("ruleSets") FirewallRuleSet set,
      @ForAll("rules") FirewallRule added,
      @ForAll("addresses") Ipv4Address a,
      @ForAll boolean azure) {
    FirewallRule fresh = FirewallRule.of("added-rule", added.range());
    FirewallRule rule = added.changedAt().map(fresh::withChangedAt).orElse(fresh);
    FirewallSource source = new FirewallSource(Optional.of(a), azure);
    Disposition before = PublicAccess.of(set).admit(source, NOW).disposition();
    Disposition after = PublicAccess.of(set.upsert(rule)).admit(source, NOW).disposition();
    if (before == Disposition.ALLOWED) {
      assertEquals(Disposition.ALLOWED, after);
    }
    if (after == Disposition.BLOCKED) {
      assertEquals(Disposition.BLOCKED, before);
    }
  }

  @Property(tries = 300)
  void removingARuleNeverAddsAnAdmittedAddress(
      @ForAll("ruleSets") FirewallRuleSet set,
      @ForAll("instants") Optional<Instant> when,
      @ForAll("addresses") Ipv4Address a,
      @ForAll boolean azure) {
    FirewallSource source = new FirewallSource(Optional.of(a), azure);
    Disposition before = PublicAccess.of(set).admit(source, NOW).disposition();
    for (FirewallRule r : set.rules()) {
      FirewallRuleSet smaller = when.map(t -> set.delete(r.name(), t)).orElseGet(() -> set.delete(r.name()));
      Disposition after = PublicAccess.of(smaller).admit(source, NOW).disposition();
      if (after == Disposition.ALLOWED) {
        assertEquals(Disposition.ALLOWED, before, () -> "deleting " + r + " from " + set);
      }
    }
  }

  @Property(tries = 200)
  void anUnknownSourceIsAdmittedOnlyByAllowAllOrTheAzureRule(@ForAll("ruleSets") FirewallRuleSet set, @ForAll boolean azure) {
    Verdict v = PublicAccess.of(set).admit(FirewallSource.unknown(azure), NOW);
    if (v.disposition() == Disposition.ALLOWED) {
      FirewallStep step = (FirewallStep) v.steps().get(0);
      boolean allowAll = step instanceof FirewallStep.RuleMatched && set.rule(step.subject()).orElseThrow().isAllowAll();
      boolean azureRule = azure && step instanceof FirewallStep.AzureServicesAllowed;
      assertTrue(allowAll || azureRule, v::toString);
    }
  }

  @Property(tries = 100)
  void disabledPublicNetworkAccessAdmitsNothing(@ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address a, @ForAll boolean azure) {
    PublicAccess access = PublicAccess.of(set).withPublicNetworkAccess(PublicNetworkAccess.DISABLED);
    assertEquals(Disposition.BLOCKED, access.admit(new FirewallSource(Optional.of(a), azure), NOW).disposition());
  }

  @Property(tries = 100)
  void everyAnswerSettlesOnceTheWindowHasPassed(@ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address a) {
    Instant later = NOW.plusSeconds(3600);
    assertTrue(PublicAccess.of(set).admit(a, later).disposition() != Disposition.INDETERMINATE);
  }
}
