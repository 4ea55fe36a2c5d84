package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Verdict;
import java.math.BigInteger;
import java.time.Duration;
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

  @Provide
  Arbitrary<Instant> questionInstants() {
    return FirewallArbitraries.questionInstants();
  }

  @Provide
  Arbitrary<Duration> delays() {
    return FirewallArbitraries.delays();
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

  /**
   * The question's instant and, for every change of the set, the instants around its settling:
   * the change itself, one nanosecond before it settles, exactly when it settles (the window's
   * edge), and a second after the change (for changes timestamped after the question).
   */
  private static List<Instant> instantsAround(FirewallRuleSet set, Instant question, Duration delay) {
    List<Instant> changes = new ArrayList<>();
    set.rules().forEach(r -> r.changedAt().ifPresent(changes::add));
    set.removals().forEach(r -> changes.add(r.removedAt()));
    List<Instant> out = new ArrayList<>(List.of(question));
    for (Instant t : changes) {
      Instant settles = ReferenceFirewall.settlesAt(t, delay);
      out.add(t);
      out.add(settles);
      out.add(ReferenceFirewall.instant(ReferenceFirewall.nanos(settles).subtract(BigInteger.ONE)));
      out.add(ReferenceFirewall.instant(ReferenceFirewall.nanos(t).add(BigInteger.valueOf(1_000_000_000L))));
    }
    return out;
  }

  @Property(tries = 300)
  void compiledRuleSetAgreesWithARuleByRuleScanAtEveryInstant(
      @ForAll("ruleSets") FirewallRuleSet set,
      @ForAll("addresses") Ipv4Address random,
      @ForAll boolean azureFlag,
      @ForAll("questionInstants") Instant question,
      @ForAll("delays") Duration delay) {
    PublicAccess access = PublicAccess.of(set).withAzureRanges(AZURE_RANGES).withProfile(TestEstate.currentWithDelay(delay));
    List<Ipv4Address> probes = boundaries(set);
    probes.add(random);
    List<FirewallSource> sources = new ArrayList<>();
    for (Ipv4Address a : probes) {
      sources.add(new FirewallSource(Optional.of(a), azureFlag));
    }
    sources.add(FirewallSource.unknown(false));
    sources.add(FirewallSource.unknown(true));
    for (Instant at : instantsAround(set, question, delay)) {
      for (FirewallSource source : sources) {
        ReferenceFirewall.check(access.admit(source, at), set, source, at, delay, AZURE_RANGES, true);
      }
      assertEquals(ReferenceFirewall.admitted(set, at, delay), access.admittedAddresses(at), () -> at + " against " + set);
      assertEquals(ReferenceFirewall.undecided(set, at, delay), access.undecidedAddresses(at), () -> at + " against " + set);
    }
  }

  @Property(tries = 200)
  void theTracelessDecisionIsTheDispositionOfTheTracedOne(
      @ForAll("ruleSets") FirewallRuleSet timed,
      @ForAll("addresses") Ipv4Address random,
      @ForAll boolean untimed,
      @ForAll boolean complete,
      @ForAll("questionInstants") Instant at,
      @ForAll("delays") Duration delay) {
    // Without change times every rule is settled: the one-search path decides all of them.
    FirewallRuleSet set =
        untimed
            ? FirewallRuleSet.of(timed.rules().stream().map(r -> FirewallRule.of(r.name(), r.startIpAddress().toString(), r.endIpAddress().toString())).collect(java.util.stream.Collectors.toList()))
            : timed;
    PublicAccess access = PublicAccess.of(set).withAzureRanges(AZURE_RANGES).withProfile(TestEstate.currentWithDelay(delay)).withRulesComplete(complete);
    List<Ipv4Address> probes = boundaries(set);
    probes.add(random);
    for (Ipv4Address a : probes) {
      assertEquals(access.admit(a, at).disposition(), access.decide(a, at), () -> a + " at " + at + " against " + set);
    }
  }

  @Property(tries = 200)
  void admittedAndUndecidedAddressesAgreeWithPointDecisions(
      @ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address random, @ForAll("questionInstants") Instant at) {
    PublicAccess access = PublicAccess.of(set);
    AddressSet admitted = access.admittedAddresses(at);
    AddressSet undecided = access.undecidedAddresses(at);
    List<Ipv4Address> probes = boundaries(set);
    probes.add(random);
    for (Ipv4Address a : probes) {
      Disposition d = access.admit(a, at).disposition();
      assertEquals(admitted.contains(a), d == Disposition.ALLOWED, () -> a + " against " + set);
      assertEquals(undecided.contains(a), d == Disposition.INDETERMINATE, () -> a + " against " + set);
    }
  }

  @Property(tries = 300)
  void addingAnAllowRuleNeverRemovesAnAdmittedAddress(
      @ForAll("ruleSets") FirewallRuleSet set,
      @ForAll("rules") FirewallRule added,
      @ForAll("addresses") Ipv4Address a,
      @ForAll boolean azure,
      @ForAll("questionInstants") Instant at) {
    FirewallRule fresh = FirewallRule.of("added-rule", added.range());
    FirewallRule rule = added.changedAt().map(fresh::withChangedAt).orElse(fresh);
    FirewallSource source = new FirewallSource(Optional.of(a), azure);
    Disposition before = PublicAccess.of(set).admit(source, at).disposition();
    Disposition after = PublicAccess.of(set.upsert(rule)).admit(source, at).disposition();
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
      @ForAll boolean azure,
      @ForAll("questionInstants") Instant at) {
    FirewallSource source = new FirewallSource(Optional.of(a), azure);
    Disposition before = PublicAccess.of(set).admit(source, at).disposition();
    for (FirewallRule r : set.rules()) {
      FirewallRuleSet smaller = when.map(t -> set.delete(r.name(), t)).orElseGet(() -> set.delete(r.name()));
      Disposition after = PublicAccess.of(smaller).admit(source, at).disposition();
      if (after == Disposition.ALLOWED) {
        assertEquals(Disposition.ALLOWED, before, () -> "deleting " + r + " from " + set);
      }
    }
  }

  @Property(tries = 200)
  void anUnknownSourceIsAdmittedOnlyByAllowAllOrTheAzureRule(
      @ForAll("ruleSets") FirewallRuleSet set, @ForAll boolean azure, @ForAll("questionInstants") Instant at) {
    Verdict v = PublicAccess.of(set).admit(FirewallSource.unknown(azure), at);
    if (v.disposition() == Disposition.ALLOWED) {
      FirewallStep step = (FirewallStep) v.steps().get(0);
      boolean allowAll = step instanceof FirewallStep.RuleMatched && set.rule(step.subject()).orElseThrow().isAllowAll();
      boolean azureRule = azure && step instanceof FirewallStep.AzureServicesAllowed;
      assertTrue(allowAll || azureRule, v::toString);
    }
  }

  @Property(tries = 100)
  void disabledPublicNetworkAccessAdmitsNothing(
      @ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address a, @ForAll boolean azure, @ForAll("questionInstants") Instant at) {
    PublicAccess access = PublicAccess.of(set).withPublicNetworkAccess(PublicNetworkAccess.DISABLED);
    FirewallSource source = new FirewallSource(Optional.of(a), azure);
    Verdict v = access.admit(source, at);
    assertEquals(Disposition.BLOCKED, v.disposition());
    ReferenceFirewall.check(v, set, source, at, access.profile().firewallPropagationDelay(), AddressSet.EMPTY, false);
  }

  /** Once the delay has passed since the last change, nothing is undecided (when that instant exists). */
  @Property(tries = 200)
  void everyAnswerSettlesOnceTheWindowHasPassed(
      @ForAll("ruleSets") FirewallRuleSet set, @ForAll("addresses") Ipv4Address a, @ForAll boolean azure, @ForAll("delays") Duration delay) {
    BigInteger last = ReferenceFirewall.nanos(NOW);
    for (FirewallRule r : set.rules()) {
      last = last.max(r.changedAt().map(ReferenceFirewall::nanos).orElse(last));
    }
    for (FirewallRuleRemoval r : set.removals()) {
      last = last.max(ReferenceFirewall.nanos(r.removedAt()));
    }
    BigInteger settled = last.add(ReferenceFirewall.nanos(delay));
    if (settled.compareTo(ReferenceFirewall.nanos(Instant.MAX)) > 0) {
      return; // the last change never settles: there is no such instant
    }
    PublicAccess access = PublicAccess.of(set).withProfile(TestEstate.currentWithDelay(delay));
    Instant at = ReferenceFirewall.instant(settled);
    assertNotEquals(Disposition.INDETERMINATE, access.admit(new FirewallSource(Optional.of(a), azure), at).disposition());
    assertTrue(access.undecidedAddresses(at).isEmpty());
  }
}
