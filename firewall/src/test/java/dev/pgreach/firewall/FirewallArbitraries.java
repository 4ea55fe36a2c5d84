package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;

import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.ServiceProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for firewall tests: rules crowded into a small region so that they overlap and touch,
 * with the special ranges, a handful of names (so that upserts collide), and change instants
 * before, inside and after the propagation window, and at the extremes ({@link Instant#MIN},
 * {@link Instant#EPOCH}, {@link Instant#MAX}); question instants over a wide range; and
 * propagation delays from zero to the longest a profile may declare.
 */
final class FirewallArbitraries {
  private FirewallArbitraries() {}

  /** 203.0.113.0: the crowded region's base. */
  static final long BASE = 0xCB007100L;

  static Arbitrary<Ipv4Address> addresses() {
    return weightedOf(
        weighted(6, Arbitraries.longs().between(BASE - 4, BASE + 600).map(Ipv4Address::ofLong)),
        weighted(2, Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Ipv4Address::ofLong)),
        weighted(1, Arbitraries.of(Ipv4Address.MIN, Ipv4Address.MAX, Ipv4Address.ofLong(1), Ipv4Address.ofLong(0xFFFF_FFFEL))));
  }

  private static <T> Tuple.Tuple2<Integer, Arbitrary<T>> weighted(int weight, Arbitrary<T> a) {
    return Tuple.of(weight, a);
  }

  private static <T> Arbitrary<T> weightedOf(Tuple.Tuple2<Integer, Arbitrary<T>> a, Tuple.Tuple2<Integer, Arbitrary<T>> b) {
    return Arbitraries.frequencyOf(List.of(a, b));
  }

  private static <T> Arbitrary<T> weightedOf(
      Tuple.Tuple2<Integer, Arbitrary<T>> a, Tuple.Tuple2<Integer, Arbitrary<T>> b, Tuple.Tuple2<Integer, Arbitrary<T>> c) {
    return Arbitraries.frequencyOf(List.of(a, b, c));
  }

  static Arbitrary<Ipv4Range> ranges() {
    Arbitrary<Ipv4Range> crowded =
        Combinators.combine(Arbitraries.longs().between(BASE, BASE + 500), Arbitraries.longs().between(0, 80))
            .as((first, length) -> Ipv4Range.of(Ipv4Address.ofLong(first), Ipv4Address.ofLong(first + length)));
    Arbitrary<Ipv4Range> anywhere =
        Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
            .as((a, b) -> Ipv4Range.of(Ipv4Address.ofLong(Math.min(a, b)), Ipv4Address.ofLong(Math.max(a, b))));
    Arbitrary<Ipv4Range> special =
        Arbitraries.of(
            Ipv4Range.single(Ipv4Address.MIN),
            Ipv4Range.ALL,
            Ipv4Range.of(Ipv4Address.MIN, Ipv4Address.ofLong(5)),
            Ipv4Range.single(Ipv4Address.MAX));
    return weightedOf(weighted(8, crowded), weighted(1, anywhere), weighted(1, special));
  }

  static Arbitrary<String> names() {
    return Arbitraries.of("alpha", "Alpha", "bravo", "charlie", "delta", "echo-1", "fox_2", "golf", "hotel", "india", "juliet", "kilo");
  }

  /** The extreme instants: the first and last Java can hold, and the epoch. */
  static final List<Instant> EXTREMES = List.of(Instant.MIN, Instant.EPOCH, Instant.MAX);

  /** Known change instants: around {@link TestEstate#NOW}, on the window's edge, far away, or extreme. */
  static Arbitrary<Instant> changeInstants() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.integers().between(-60, 900).map(s -> NOW.minusSeconds(s))),
        Tuple.of(1, Arbitraries.of(NOW.minusSeconds(300), NOW.minusSeconds(299), NOW.minusSeconds(300).plusNanos(1), NOW.plusSeconds(30))),
        Tuple.of(1, Arbitraries.longs().between(-400L * 365 * 86400, 400L * 365 * 86400).map(NOW::plusSeconds)),
        Tuple.of(1, Arbitraries.of(EXTREMES)));
  }

  /** No instant (settled), or a known change instant. */
  static Arbitrary<Optional<Instant>> instants() {
    return FirewallArbitraries.<Optional<Instant>>weightedOf(
        weighted(4, Arbitraries.just(Optional.<Instant>empty())), weighted(4, changeInstants().map(Optional::of)));
  }

  /** Instants to ask at: now, around now, anywhere in a wide range, or extreme. */
  static Arbitrary<Instant> questionInstants() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(NOW)),
        Tuple.of(3, Arbitraries.integers().between(-900, 900).map(s -> NOW.plusSeconds(s))),
        Tuple.of(2, Arbitraries.longs().between(-400L * 365 * 86400, 400L * 365 * 86400).map(NOW::plusSeconds)),
        Tuple.of(1, Arbitraries.of(EXTREMES)));
  }

  /** Propagation delays: five minutes most often, zero, a second, a day (the longest allowed), or any in between. */
  static Arbitrary<Duration> delays() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.just(Duration.ofMinutes(5))),
        Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofNanos(1), ServiceProfile.MAX_PROPAGATION_DELAY)),
        Tuple.of(1, Arbitraries.longs().between(0, ServiceProfile.MAX_PROPAGATION_DELAY.getSeconds()).map(Duration::ofSeconds)));
  }

  static Arbitrary<FirewallRule> rules() {
    return Combinators.combine(names(), ranges(), instants())
        .as((name, range, at) -> at.map(t -> FirewallRule.of(name, range).withChangedAt(t)).orElseGet(() -> FirewallRule.of(name, range)));
  }

  static Arbitrary<FirewallRuleRemoval> removals() {
    return Combinators.combine(names(), ranges(), changeInstants()).as(FirewallRuleRemoval::new);
  }

  static Arbitrary<FirewallRuleSet> ruleSets() {
    return Combinators.combine(rules().list().ofMaxSize(12), removals().list().ofMaxSize(3))
        .as((List<FirewallRule> rules, List<FirewallRuleRemoval> removals) -> FirewallRuleSet.of(rules, removals));
  }

  static Arbitrary<FirewallRuleChange> changes() {
    Arbitrary<FirewallRuleChange> upserts = rules().map(FirewallRuleChange.Upsert::new);
    Arbitrary<FirewallRuleChange> deletes =
        Combinators.combine(names(), instants()).as(FirewallRuleChange.Delete::new);
    return weightedOf(weighted(3, upserts), weighted(1, deletes));
  }
}
