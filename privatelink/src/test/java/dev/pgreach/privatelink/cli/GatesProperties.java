package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the gates and of the suggestions. */
class GatesProperties {
  private static final String BASE = "/subscriptions/s/resourceGroups/g/providers/Microsoft.DBforPostgreSQL/flexibleServers/";

  @Provide
  Arbitrary<Finding> findings() {
    return Combinators.combine(Arbitraries.of(FindingCode.class), Arbitraries.of("a", "b", "c", "a/firewallRules/r"), Arbitraries.of("x", "y"))
        .as((code, server, field) -> Finding.of(code, BASE + server, field, "v", "m"));
  }

  @Provide
  Arbitrary<Gates.Suppression> suppressions() {
    return Combinators.combine(Arbitraries.of(FindingCode.class), Arbitraries.of("", "a", "b", "c").optional())
        .as((code, server) -> new Gates.Suppression(code, server.filter(s -> !s.isEmpty()).map(s -> (BASE + s).toLowerCase(java.util.Locale.ROOT))));
  }

  private static final Locations NO_TAGS = Locations.of(List.of());

  @Property
  void thresholds_areOrdered(@ForAll Severity s) {
    Gates.Threshold[] byStrictness = {Gates.Threshold.NEVER, Gates.Threshold.ERROR, Gates.Threshold.WARNING, Gates.Threshold.ADVICE};
    for (int i = 1; i < byStrictness.length; i++) {
      assertTrue(!byStrictness[i - 1].fails(s) || byStrictness[i].fails(s), "a stricter threshold fails everything a laxer one does");
    }
    assertTrue(Gates.Threshold.ADVICE.fails(s));
    assertFalse(Gates.Threshold.NEVER.fails(s));
  }

  @Property
  void moreSuppressions_neverFailMore_andNeverHideAFinding(
      @ForAll("findingLists") List<Finding> findings, @ForAll("suppressionLists") List<Gates.Suppression> some, @ForAll("suppressions") Gates.Suppression more, @ForAll Gates.Threshold t) {
    List<Gates.Judged> before = Gates.judge(findings, f -> t.fails(f.severity()), some, Set.of(), NO_TAGS);
    List<Gates.Suppression> all = new ArrayList<>(some);
    all.add(more);
    List<Gates.Judged> after = Gates.judge(findings, f -> t.fails(f.severity()), all, Set.of(), NO_TAGS);
    assertEquals(findings.size(), after.size(), "suppressed findings are still listed");
    for (int i = 0; i < findings.size(); i++) {
      assertEquals(findings.get(i), after.get(i).finding());
      assertTrue(!after.get(i).fails() || before.get(i).fails(), "a suppression never makes a finding fail");
      assertTrue(after.get(i).suppressedBy().isEmpty() || !after.get(i).fails(), "a suppressed finding never fails");
    }
  }

  @Property
  void judging_agreesWithTheReference(@ForAll("findingLists") List<Finding> findings, @ForAll("suppressionLists") List<Gates.Suppression> s, @ForAll Gates.Threshold t) {
    List<Gates.Judged> judged = Gates.judge(findings, f -> t.fails(f.severity()), s, Set.of(), NO_TAGS);
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      boolean suppressed = s.stream().anyMatch(x -> x.code() == f.code() && x.resource().map(r -> f.resource().toLowerCase(java.util.Locale.ROOT).startsWith(r)).orElse(true));
      assertEquals(!suppressed && t.fails(f.severity()), judged.get(i).fails(), f.toString());
    }
  }

  @Provide
  Arbitrary<List<Finding>> findingLists() {
    return findings().list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Gates.Suppression>> suppressionLists() {
    return suppressions().list().ofMaxSize(4);
  }

  @Property
  void distance_isAMetric(@ForAll("words") String a, @ForAll("words") String b, @ForAll("words") String c) {
    assertEquals(0, Suggestions.distance(a, a));
    assertEquals(Suggestions.distance(a, b), Suggestions.distance(b, a));
    assertTrue(Suggestions.distance(a, c) <= Suggestions.distance(a, b) + Suggestions.distance(b, c));
    assertEquals(a.equals(b), Suggestions.distance(a, b) == 0);
  }

  @Property
  void closest_putsAnExactNameFirst(@ForAll("wordLists") List<String> known, @ForAll("words") String wanted) {
    List<String> all = new ArrayList<>(known);
    all.add(wanted);
    List<String> c = Suggestions.closest(wanted, all);
    assertTrue(c.size() <= Suggestions.MAX);
    assertEquals(Optional.of(wanted), c.stream().findFirst().filter(x -> x.equalsIgnoreCase(wanted)).map(x -> wanted), c.toString());
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withChars("abcd-").ofMinLength(1).ofMaxLength(8);
  }

  @Provide
  Arbitrary<List<String>> wordLists() {
    return words().list().ofMaxSize(6);
  }
}
