package dev.pgreach.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FirewallRuleSetProperties {
  @Provide
  Arbitrary<List<FirewallRuleChange>> changes() {
    return FirewallArbitraries.changes().list().ofMaxSize(20);
  }

  @Property(tries = 300)
  void upsertByNameIsLastWriterWins(@ForAll("changes") List<FirewallRuleChange> changes) {
    Map<String, Optional<FirewallRule>> last = new HashMap<>();
    for (FirewallRuleChange c : changes) {
      if (c instanceof FirewallRuleChange.Upsert) {
        FirewallRule r = ((FirewallRuleChange.Upsert) c).rule();
        last.put(r.name().toLowerCase(Locale.ROOT), Optional.of(r));
      } else {
        last.put(((FirewallRuleChange.Delete) c).name().toLowerCase(Locale.ROOT), Optional.empty());
      }
    }
    FirewallRuleSet set = FirewallRuleSet.empty().applyAll(changes);
    for (Map.Entry<String, Optional<FirewallRule>> e : last.entrySet()) {
      assertEquals(e.getValue(), set.rule(e.getKey()), e.getKey());
    }
    assertEquals(last.values().stream().filter(Optional::isPresent).count(), set.size());
  }

  @Property(tries = 200)
  void applyingChangesAllAtOnceEqualsApplyingThemOneByOne(@ForAll("changes") List<FirewallRuleChange> changes) {
    FirewallRuleSet stepwise = FirewallRuleSet.empty();
    for (FirewallRuleChange c : changes) {
      stepwise = stepwise.apply(c);
    }
    assertEquals(stepwise, FirewallRuleSet.empty().applyAll(changes));
  }

  @Property(tries = 200)
  void rulesAreListedOncePerNameInNameOrder(@ForAll("changes") List<FirewallRuleChange> changes) {
    List<FirewallRule> rules = FirewallRuleSet.empty().applyAll(changes).rules();
    for (int i = 1; i < rules.size(); i++) {
      String a = rules.get(i - 1).name().toLowerCase(Locale.ROOT);
      String b = rules.get(i).name().toLowerCase(Locale.ROOT);
      assertTrue(a.compareTo(b) < 0, rules::toString);
    }
  }
}
