package dev.pgreach.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Step;
import dev.pgreach.core.Verdict;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A plain, rule-by-rule reading of the public endpoint's semantics for property tests to hold
 * {@link PublicAccess} to. It shares nothing with the library's decision: no index, no preferred
 * rule, no instant arithmetic (times are exact nanosecond counts), and it decides a disposition by
 * asking of every rule and removal whether it covers the source and whether it has settled. It
 * then checks that each step of the library's answer is justified by some rule or removal, rather
 * than predicting which one the library names.
 */
final class ReferenceFirewall {
  private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

  private ReferenceFirewall() {}

  /** An instant as exact nanoseconds since the epoch. */
  static BigInteger nanos(Instant t) {
    return BigInteger.valueOf(t.getEpochSecond()).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(t.getNano()));
  }

  static BigInteger nanos(Duration d) {
    return BigInteger.valueOf(d.getSeconds()).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(d.getNano()));
  }

  /** The instant of exact nanoseconds since the epoch, clamped to the instants Java can hold. */
  static Instant instant(BigInteger nanos) {
    if (nanos.compareTo(nanos(Instant.MAX)) >= 0) {
      return Instant.MAX;
    }
    if (nanos.compareTo(nanos(Instant.MIN)) <= 0) {
      return Instant.MIN;
    }
    BigInteger[] qr = nanos.divideAndRemainder(NANOS_PER_SECOND);
    BigInteger seconds = qr[0];
    BigInteger nano = qr[1];
    if (nano.signum() < 0) {
      seconds = seconds.subtract(BigInteger.ONE);
      nano = nano.add(NANOS_PER_SECOND);
    }
    return Instant.ofEpochSecond(seconds.longValueExact(), nano.longValueExact());
  }

  /** A change is settled when at least the delay has passed since it, at the question's instant. */
  static boolean settled(Optional<Instant> changedAt, Instant at, Duration delay) {
    if (changedAt.isEmpty()) {
      return true;
    }
    BigInteger elapsed = nanos(at).subtract(nanos(changedAt.get()));
    return elapsed.signum() >= 0 && elapsed.compareTo(nanos(delay)) >= 0;
  }

  /** When a change settles, {@link Instant#MAX} at the latest. */
  static Instant settlesAt(Instant changedAt, Duration delay) {
    return instant(nanos(changedAt).add(nanos(delay)));
  }

  private static boolean isAzure(FirewallRule r) {
    return r.startIpAddress().toLong() == 0 && r.endIpAddress().toLong() == 0;
  }

  private static boolean isAzure(FirewallRuleRemoval r) {
    return r.range().first().toLong() == 0 && r.range().last().toLong() == 0;
  }

  private static boolean covers(long first, long last, Ipv4Address a) {
    return first <= a.toLong() && a.toLong() <= last;
  }

  /** Whether the source counts as Azure-allocated. */
  static boolean azure(FirewallSource source, AddressSet azureRanges) {
    return source.azureAllocated() || (source.address().isPresent() && azureRanges.contains(source.address().get()));
  }

  /** The disposition, scanning every rule and removal. */
  static Disposition disposition(
      FirewallRuleSet set, FirewallSource source, Instant at, Duration delay, AddressSet azureRanges, boolean enforced) {
    if (!enforced) {
      return Disposition.BLOCKED;
    }
    boolean azure = azure(source, azureRanges);
    Optional<Ipv4Address> address = source.address();
    boolean admitted = false;
    boolean undecided = false;
    for (FirewallRule r : set.rules()) {
      boolean applies;
      if (isAzure(r)) {
        applies = azure;
      } else if (address.isPresent()) {
        applies = covers(r.startIpAddress().toLong(), r.endIpAddress().toLong(), address.get());
      } else {
        // An unknown address: only a rule for every address certainly covers it; any other may.
        boolean everything = r.startIpAddress().toLong() == 0 && r.endIpAddress().toLong() == 0xFFFF_FFFFL;
        if (everything && settled(r.changedAt(), at, delay)) {
          admitted = true;
        } else {
          undecided = true;
        }
        continue;
      }
      if (applies) {
        if (settled(r.changedAt(), at, delay)) {
          admitted = true;
        } else {
          undecided = true;
        }
      }
    }
    for (FirewallRuleRemoval r : set.removals()) {
      if (settled(Optional.of(r.removedAt()), at, delay)) {
        continue;
      }
      boolean applied = isAzure(r) ? azure : address.map(a -> covers(r.range().first().toLong(), r.range().last().toLong(), a)).orElse(true);
      undecided |= applied;
    }
    return admitted ? Disposition.ALLOWED : undecided ? Disposition.INDETERMINATE : Disposition.BLOCKED;
  }

  /** The addresses settled ordinary rules admit. */
  static AddressSet admitted(FirewallRuleSet set, Instant at, Duration delay) {
    AddressSet.Builder b = AddressSet.builder();
    for (FirewallRule r : set.rules()) {
      if (!isAzure(r) && settled(r.changedAt(), at, delay)) {
        b.add(r.range());
      }
    }
    return b.build();
  }

  /** The addresses not admitted whose admission depends on an unsettled ordinary rule or removal. */
  static AddressSet undecided(FirewallRuleSet set, Instant at, Duration delay) {
    AddressSet.Builder b = AddressSet.builder();
    for (FirewallRule r : set.rules()) {
      if (!isAzure(r) && !settled(r.changedAt(), at, delay)) {
        b.add(r.range());
      }
    }
    for (FirewallRuleRemoval r : set.removals()) {
      if (!isAzure(r) && !settled(Optional.of(r.removedAt()), at, delay)) {
        b.add(r.range());
      }
    }
    return b.build().difference(admitted(set, at, delay));
  }

  /**
   * Checks an answer: its disposition is the scan's, and every step names a rule, removal or
   * setting that justifies it, with the right instants and counts.
   */
  static void check(
      Verdict v, FirewallRuleSet set, FirewallSource source, Instant at, Duration delay, AddressSet azureRanges, boolean enforced) {
    String context = source + " at " + at + " (delay " + delay + ") against " + set + ": " + v;
    assertEquals(disposition(set, source, at, delay, azureRanges, enforced), v.disposition(), context);
    boolean azure = azure(source, azureRanges);
    Optional<Ipv4Address> address = source.address();
    for (Step step : v.steps()) {
      if (step instanceof FirewallStep.PublicNetworkAccessDisabled) {
        assertTrue(!enforced, context);
      } else if (step instanceof FirewallStep.RuleMatched) {
        FirewallStep.RuleMatched m = (FirewallStep.RuleMatched) step;
        FirewallRule r = set.rule(m.rule()).orElseThrow(() -> new AssertionError("no rule " + m.rule() + ": " + context));
        assertEquals(r.range(), m.range(), context);
        assertTrue(!isAzure(r) && settled(r.changedAt(), at, delay), context);
        assertTrue(address.map(r.range()::contains).orElse(r.isAllowAll()), context);
        assertEquals(azure, m.source().azureAllocated(), context);
      } else if (step instanceof FirewallStep.AzureServicesAllowed) {
        FirewallStep.AzureServicesAllowed m = (FirewallStep.AzureServicesAllowed) step;
        FirewallRule r = set.rule(m.rule()).orElseThrow(() -> new AssertionError("no rule " + m.rule() + ": " + context));
        assertTrue(azure && isAzure(r) && settled(r.changedAt(), at, delay), context);
      } else if (step instanceof FirewallStep.ChangePropagating) {
        FirewallStep.ChangePropagating p = (FirewallStep.ChangePropagating) step;
        assertEquals(settlesAt(p.changedAt(), delay), p.settlesAt(), context);
        assertTrue(!settled(Optional.of(p.changedAt()), at, delay), context);
        boolean relevant = p.range().first().toLong() == 0 && p.range().last().toLong() == 0 ? azure : address.map(p.range()::contains).orElse(false);
        assertTrue(relevant, context);
        if (p.removed()) {
          assertTrue(
              set.removals().stream()
                  .anyMatch(r -> r.name().equals(p.rule()) && r.range().equals(p.range()) && r.removedAt().equals(p.changedAt())),
              context);
        } else {
          FirewallRule r = set.rule(p.rule()).orElseThrow(() -> new AssertionError("no rule " + p.rule() + ": " + context));
          assertEquals(r.range(), p.range(), context);
          assertEquals(r.changedAt(), Optional.of(p.changedAt()), context);
        }
      } else if (step instanceof FirewallStep.SourceUnknown) {
        FirewallStep.SourceUnknown u = (FirewallStep.SourceUnknown) step;
        assertTrue(address.isEmpty(), context);
        long ordinary = set.rules().stream().filter(r -> !isAzure(r)).count();
        long removals = set.removals().stream().filter(r -> !isAzure(r) && !settled(Optional.of(r.removedAt()), at, delay)).count();
        assertEquals(ordinary + removals, u.rulesThatMayMatch(), context);
      } else if (step instanceof FirewallStep.NoRuleMatched) {
        assertEquals(set.size(), ((FirewallStep.NoRuleMatched) step).ruleCount(), context);
      } else {
        fail("unexpected step " + step + ": " + context);
      }
    }
    List<Step> steps = v.steps();
    assertTrue(!steps.isEmpty(), context);
  }
}
