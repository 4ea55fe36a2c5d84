package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;

import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Range;
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
 * before, inside and after the propagation window.
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

  /** No instant, long ago, inside the five-minute window, exactly on its edge, or after the question. */
  static Arbitrary<Optional<Instant>> instants() {
    return FirewallArbitraries.<Optional<Instant>>weightedOf(
        weighted(4, Arbitraries.just(Optional.<Instant>empty())),
        weighted(3, Arbitraries.integers().between(0, 900).map(s -> Optional.of(NOW.minusSeconds(s)))),
        weighted(1, Arbitraries.of(Optional.of(NOW.minusSeconds(300)), Optional.of(NOW.minusSeconds(299)), Optional.of(NOW.plusSeconds(30)))));
  }

  static Arbitrary<FirewallRule> rules() {
    return Combinators.combine(names(), ranges(), instants())
        .as((name, range, at) -> at.map(t -> FirewallRule.of(name, range).withChangedAt(t)).orElseGet(() -> FirewallRule.of(name, range)));
  }

  static Arbitrary<FirewallRuleRemoval> removals() {
    return Combinators.combine(names(), ranges(), Arbitraries.integers().between(-30, 600))
        .as((name, range, s) -> new FirewallRuleRemoval(name, range, NOW.minusSeconds(s)));
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
